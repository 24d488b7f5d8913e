/* Dialogs: each runs its own small key loop over the screen and returns the answer. They
 * are modal, as mutt's prompts are: the console waits for the moderator's answer; changes
 * by others are shown when the dialog closes. */
#ifndef INSPRAAK_DIALOG_H
#define INSPRAAK_DIALOG_H

#include <stdbool.h>

#include "core/doc.h"

struct app;

/* A yes/no question on the bottom line; Enter means the default. */
bool dialog_confirm(struct app *a, bool def, const char *fmt, ...) PRINTF_LIKE(3, 4);

/* A line of text, prefilled; NULL when cancelled (Esc). Allocated. */
char *dialog_input(struct app *a, const char *label, const char *initial);

/* Choose one of n labels (hints: a dim second column, may be NULL), typing filters the list
 * (case and accents ignored), arrows move, Enter chooses. Returns the index, -1 when
 * cancelled. */
int dialog_pick(struct app *a, const char *title, const char *const *labels,
		const char *const *hints, int n, int initial);

/* A document in the body of the screen with a question on the bottom line: returns the key
 * pressed among `keys` (e.g. "ysn"), 0 when cancelled with Esc or q. The document scrolls
 * with the usual keys. */
int dialog_preview(struct app *a, const char *title, const struct doc *d, const char *question,
		   const char *keys);

/* A document to read, closed with q or Esc: a summary after a batch. */
void dialog_show(struct app *a, const char *title, const struct doc *d);

#endif
