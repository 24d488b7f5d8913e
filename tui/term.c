#include "config.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "core/i18n.h"
#include "core/keys.h"
#include "core/util.h"
#include "tui/term.h"

volatile sig_atomic_t term_quit_signal;
static volatile sig_atomic_t resized;
static bool active;
static int slot_attr[SLOT_COUNT];
/* Signals write a byte here, so a signal that arrives between the last check and poll()
 * still wakes the event loop: the self-pipe trick. */
static int wake[2] = { -1, -1 };

static void poke(void)
{
	int saved = errno;

	if (wake[1] >= 0 && write(wake[1], "", 1) < 0) {
		/* A full pipe already holds a wake-up. */
	}
	errno = saved;
}

static void on_quit_signal(int sig)
{
	term_quit_signal = sig;
	poke();
}

static void on_winch(int sig)
{
	(void)sig;
	resized = 1;
	poke();
}

/* A crash must not leave the terminal in raw mode: restore it, then die as we would. */
static void on_fatal_signal(int sig)
{
	if (active) {
		endwin();
		active = false;
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

bool term_init(void)
{
	struct sigaction sa;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "inspraak: %s\n", _("the console needs a terminal; for scripts, use the subcommands (inspraak --help)"));
		return false;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_quit_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	sa.sa_handler = on_fatal_signal;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	if (wake[0] < 0 && pipe2(wake, O_NONBLOCK | O_CLOEXEC) != 0) {
		fprintf(stderr, _("inspraak: cannot create a pipe: %s\n"), strerror(errno));
		return false;
	}
	if (!initscr()) {
		fprintf(stderr, _("inspraak: cannot start the terminal (TERM=%s)\n"), getenv("TERM") ? getenv("TERM") : "");
		return false;
	}
	active = true;
	atexit(term_end);
	util_set_die_hook(term_end);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	leaveok(stdscr, TRUE);
	if (has_colors()) {
		start_color();
		use_default_colors();
	}
	/* Our own SIGWINCH handler replaces curses': resizes go through the self-pipe. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_winch;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, NULL);
	return true;
}

int term_wake_fd(void)
{
	return wake[0];
}

bool term_take_resize(void)
{
	char buf[64];
	struct winsize ws;

	while (read(wake[0], buf, sizeof(buf)) > 0)
		;
	if (!resized)
		return false;
	resized = 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	return true;
}

void term_end(void)
{
	if (!active)
		return;
	active = false;
	curs_set(1);
	endwin();
	fflush(stdout);
}

bool term_active(void)
{
	return active;
}

static short clamp_color(short c)
{
	if (c < 0)
		return -1;
	if (c < COLORS)
		return c;
	/* Bright colours on an 8-colour terminal: the base colour (made bold below). */
	if (c < 16 && COLORS >= 8)
		return (short)(c - 8);
	return -1;
}

void term_apply_theme(const struct theme *theme)
{
	struct theme t = *theme;
	const char *nc = getenv("NO_COLOR");
	bool colors = has_colors() && !(nc && *nc);

	if (!colors)
		theme_strip_colors(&t);
	for (int i = 0; i < SLOT_COUNT; i++) {
		const struct color_spec *c = &t.slot[i];
		int a = 0;

		if (c->attrs & ATTR_BOLD)
			a |= A_BOLD;
		if (c->attrs & ATTR_UNDERLINE)
			a |= A_UNDERLINE;
		if (c->attrs & ATTR_REVERSE)
			a |= A_REVERSE;
		if (c->attrs & ATTR_DIM)
			a |= A_DIM;
		if (c->attrs & ATTR_ITALIC)
			a |= A_ITALIC;
		if (c->attrs & ATTR_STANDOUT)
			a |= A_STANDOUT;
		if (colors && (c->fg >= 0 || c->bg >= 0)) {
			short fg = clamp_color(c->fg), bg = clamp_color(c->bg);

			if (c->fg >= 8 && c->fg < 16 && COLORS < 16)
				a |= A_BOLD;
			if (i + 1 < COLOR_PAIRS && init_pair((short)(i + 1), fg, bg) == OK)
				a |= COLOR_PAIR(i + 1);
		}
		slot_attr[i] = a;
	}
}

int term_attr(enum theme_slot slot)
{
	return (unsigned)slot < SLOT_COUNT ? slot_attr[slot] : 0;
}

int term_read_key(void)
{
	wint_t ch;
	int r = wget_wch(stdscr, &ch);

	if (r == ERR)
		return -1;
	if (r == KEY_CODE_YES) {
		switch (ch) {
		case KEY_UP: return KEYC_UP;
		case KEY_DOWN: return KEYC_DOWN;
		case KEY_LEFT: return KEYC_LEFT;
		case KEY_RIGHT: return KEYC_RIGHT;
		case KEY_PPAGE: return KEYC_PAGEUP;
		case KEY_NPAGE: return KEYC_PAGEDOWN;
		case KEY_HOME: return KEYC_HOME;
		case KEY_END: return KEYC_END;
		case KEY_BTAB: return KEYC_BACKTAB;
		case KEY_BACKSPACE: return KEYC_BACKSPACE;
		case KEY_DC: return KEYC_DELETE;
		case KEY_IC: return KEYC_INSERT;
		case KEY_ENTER: return KEYC_ENTER;
		case KEY_RESIZE: return KEYC_RESIZE;
		default:
			if (ch >= KEY_F(1) && ch <= KEY_F(12))
				return KEYC_F1 + (int)(ch - KEY_F(1));
			return -1;
		}
	}
	if (ch == '\n' || ch == '\r')
		return KEYC_ENTER;
	if (ch == 127 || ch == 8)
		return KEYC_BACKSPACE;
	return (int)ch;
}
