/* The terminal: curses set-up and the promise to always give the terminal back, on exit, on
 * error and on SIGINT, SIGTERM and SIGHUP (an SSH connection that drops). */
#ifndef INSPRAAK_TERM_H
#define INSPRAAK_TERM_H

#include <signal.h>
#include <stdbool.h>

#include "core/theme.h"

/* Start curses. False when stdin/stdout is not a terminal (message printed). */
bool term_init(void);
/* Give the terminal back; safe to call twice and from atexit. */
void term_end(void);
bool term_active(void);

/* Colour pairs and attributes for the theme; strips colours for NO_COLOR or a terminal
 * without them. */
void term_apply_theme(const struct theme *t);
/* curses attributes (colour pair included) for a slot. */
int term_attr(enum theme_slot slot);

/* The next key as a core key code (core/keys.h), or -1 when none is waiting. */
int term_read_key(void);

/* Readable when a signal arrived: poll it with the input. */
int term_wake_fd(void);
/* Take what the signals left: true (after resizing curses) when the terminal's size
 * changed. */
bool term_take_resize(void);

/* Set when SIGINT, SIGTERM or SIGHUP arrived: the event loop should end. */
extern volatile sig_atomic_t term_quit_signal;

#endif
