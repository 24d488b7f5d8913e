/* A window over a queue: the rows around the cursor, read from the store page by page with
 * keyset pagination. Only this window is in memory, whatever the queue's length. */
#ifndef INSPRAAK_QUEUE_H
#define INSPRAAK_QUEUE_H

#include "core/store.h"

#define QWIN_MAX 400 /* rows kept at most */

struct qwin {
	enum queue_kind kind;
	struct queue_row *rows; /* QWIN_MAX slots, rows[0..n) in queue order */
	int n;
	int cursor;             /* selected row, -1 when the queue is empty */
	int top;                /* first row on screen */
	long base;              /* the queue position of rows[0], -1 while unknown */
	bool position_unknown;  /* beyond COUNT_CAP: not worth asking the store again */
	bool at_start, at_end;  /* rows[0] is the queue's first row; rows[n-1] its last */
	bool loaded;
	int ahead;              /* a page to read when there is time: 1 after, -1 before */
};

void qwin_init(struct qwin *w, enum queue_kind kind);
void qwin_free(struct qwin *w);

/* The first (or last) rows of the queue; height is the number of rows on screen. */
enum status qwin_load_first(struct qwin *w, struct store *s, const struct filter *f,
			    int height, struct err *e);
enum status qwin_load_last(struct qwin *w, struct store *s, const struct filter *f,
			   int height, struct err *e);

/* Move the cursor by delta rows, reading pages as needed; stops at the queue's ends. A page
 * the cursor is getting close to is not read then but noted in ahead, for qwin_read_ahead. */
enum status qwin_move(struct qwin *w, struct store *s, const struct filter *f, int delta,
		      int height, struct err *e);
/* The page qwin_move noted, read now: the console calls it once the moved cursor is on
 * screen and no key is waiting, so that a key never waits for a page it does not show. */
enum status qwin_read_ahead(struct qwin *w, struct store *s, const struct filter *f,
			    int height, struct err *e);

/* Move the cursor and the screen together by one page, as a pager does. */
enum status qwin_page(struct qwin *w, struct store *s, const struct filter *f, int dir,
		      int height, struct err *e);

/* Show the window around a row found elsewhere (a search hit). */
enum status qwin_jump(struct qwin *w, struct store *s, const struct filter *f,
		      const struct queue_row *row, int height, struct err *e);

/* Read the window again after a change by someone else: the selected item stays selected
 * when it is still in the queue, else its successor is; the screen does not jump. */
enum status qwin_reload(struct qwin *w, struct store *s, const struct filter *f, int height,
			struct err *e);

/* Keep the cursor on screen after the height changed. */
void qwin_fit(struct qwin *w, int height);

const struct queue_row *qwin_current(const struct qwin *w);

/* The cursor's position in the queue (0-based), asking the store when it is not known;
 * COUNT_CAP when it lies beyond the counting limit; -1 for an empty queue. */
long qwin_position(struct qwin *w, struct store *s, const struct filter *f);

#endif
