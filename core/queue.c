#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/queue.h"

/* Rows read per page: two screens, within bounds that keep a page query cheap and leave the
 * window room to slide. */
static int chunk(int height)
{
	int c = height * 2;

	return c < 60 ? 60 : c > QWIN_MAX / 4 ? QWIN_MAX / 4 : c;
}

void qwin_init(struct qwin *w, enum queue_kind kind)
{
	memset(w, 0, sizeof(*w));
	w->kind = kind;
	w->rows = xcalloc(QWIN_MAX, sizeof(*w->rows));
	w->cursor = -1;
	w->base = -1;
}

static void clear_rows(struct qwin *w)
{
	for (int i = 0; i < w->n; i++)
		queue_row_free(&w->rows[i]);
	w->n = 0;
}

void qwin_free(struct qwin *w)
{
	if (!w->rows)
		return;
	clear_rows(w);
	free(w->rows);
	w->rows = NULL;
}

void qwin_fit(struct qwin *w, int height)
{
	if (height < 1)
		height = 1;
	if (w->n == 0) {
		w->cursor = -1;
		w->top = 0;
		return;
	}
	if (w->cursor < 0)
		w->cursor = 0;
	if (w->cursor >= w->n)
		w->cursor = w->n - 1;
	if (w->top > w->cursor)
		w->top = w->cursor;
	if (w->cursor >= w->top + height)
		w->top = w->cursor - height + 1;
	/* No empty space below the last row while there are rows above the screen. */
	if (w->at_end && w->top + height > w->n)
		w->top = w->n - height;
	if (w->top < 0)
		w->top = 0;
}

/* Make room for `need` more rows by dropping rows far from the cursor: from the front when
 * adding at the end, and from the end when adding at the front. */
static void make_room(struct qwin *w, int need, bool adding_at_end)
{
	int drop = w->n + need - QWIN_MAX;

	if (drop <= 0)
		return;
	if (adding_at_end) {
		if (drop > w->top)
			drop = w->top;
		for (int i = 0; i < drop; i++)
			queue_row_free(&w->rows[i]);
		memmove(w->rows, w->rows + drop, (size_t)(w->n - drop) * sizeof(*w->rows));
		memset(w->rows + w->n - drop, 0, (size_t)drop * sizeof(*w->rows));
		w->n -= drop;
		w->cursor -= drop;
		w->top -= drop;
		if (w->base >= 0)
			w->base += drop;
		w->at_start = false;
	} else {
		int keep_to = w->top + QWIN_MAX / 2;

		if (w->n - drop < keep_to)
			drop = w->n - keep_to;
		if (drop <= 0)
			return;
		for (int i = w->n - drop; i < w->n; i++)
			queue_row_free(&w->rows[i]);
		w->n -= drop;
		w->at_end = false;
	}
}

static enum status fetch_after(struct qwin *w, struct store *s, const struct filter *f,
			       int height, struct err *e)
{
	int want = chunk(height), got = 0;
	enum status st;

	make_room(w, want, true);
	if (w->n + want > QWIN_MAX)
		want = QWIN_MAX - w->n;
	if (want <= 0) {
		/* No room left without dropping rows on screen: stop here rather than loop. */
		w->at_end = true;
		return ST_OK;
	}
	st = s->ops->page(s, w->kind, f, w->n ? &w->rows[w->n - 1].key : NULL, 1, false, want,
			  w->rows + w->n, &got, e);
	if (st != ST_OK)
		return st;
	w->n += got;
	if (got < want)
		w->at_end = true;
	return ST_OK;
}

static enum status fetch_before(struct qwin *w, struct store *s, const struct filter *f,
				int height, struct err *e)
{
	int want = chunk(height), got = 0;
	struct queue_row *tmp;
	enum status st;

	if (w->n == 0)
		return ST_OK;
	make_room(w, want, false);
	if (w->n + want > QWIN_MAX)
		want = QWIN_MAX - w->n;
	if (want <= 0) {
		w->at_start = true;
		return ST_OK;
	}
	tmp = xcalloc((size_t)want, sizeof(*tmp));
	st = s->ops->page(s, w->kind, f, &w->rows[0].key, -1, false, want, tmp, &got, e);
	if (st == ST_OK) {
		memmove(w->rows + got, w->rows, (size_t)w->n * sizeof(*w->rows));
		memcpy(w->rows, tmp, (size_t)got * sizeof(*tmp));
		w->n += got;
		w->cursor += got;
		w->top += got;
		if (w->base >= 0)
			w->base -= got;
		if (got < want) {
			w->at_start = true;
			w->base = 0;
		}
	}
	free(tmp);
	return st;
}

enum status qwin_load_first(struct qwin *w, struct store *s, const struct filter *f,
			    int height, struct err *e)
{
	enum status st;

	clear_rows(w);
	w->at_start = true;
	w->at_end = false;
	w->base = 0;
	w->position_unknown = false;
	w->cursor = w->top = 0;
	st = fetch_after(w, s, f, height, e);
	w->loaded = st == ST_OK;
	qwin_fit(w, height);
	return st;
}

enum status qwin_load_last(struct qwin *w, struct store *s, const struct filter *f,
			   int height, struct err *e)
{
	int want = chunk(height), got = 0;
	enum status st;

	clear_rows(w);
	w->at_end = true;
	w->at_start = false;
	w->base = -1;
	w->position_unknown = false;
	st = s->ops->page(s, w->kind, f, NULL, -1, false, want, w->rows, &got, e);
	if (st != ST_OK)
		return st;
	w->n = got;
	if (got < want) {
		w->at_start = true;
		w->base = 0;
	}
	w->cursor = got - 1;
	w->top = 0;
	w->loaded = true;
	qwin_fit(w, height);
	return ST_OK;
}

enum status qwin_move(struct qwin *w, struct store *s, const struct filter *f, int delta,
		      int height, struct err *e)
{
	int target;
	enum status st;

	if (!w->loaded) {
		st = qwin_load_first(w, s, f, height, e);
		if (st != ST_OK)
			return st;
	}
	if (w->n == 0)
		return ST_OK;
	target = w->cursor + delta;
	/* Far moves read page after page; the rows left behind may be dropped, so the cursor
	 * waits at the window's edge while the pages come in. */
	while (target >= w->n && !w->at_end) {
		int rest = target - (w->n - 1);

		w->cursor = w->n - 1;
		w->top = w->cursor - height + 1 > 0 ? w->cursor - height + 1 : 0;
		st = fetch_after(w, s, f, height, e);
		if (st != ST_OK)
			return st;
		target = w->cursor + rest;
	}
	while (target < 0 && !w->at_start) {
		int rest = target;

		w->cursor = w->top = 0;
		st = fetch_before(w, s, f, height, e);
		if (st != ST_OK)
			return st;
		target = w->cursor + rest;
	}
	if (target >= w->n)
		target = w->n - 1;
	if (target < 0)
		target = 0;
	/* Somewhere new: the store may know the position again. */
	if (w->base < 0 && target != w->cursor)
		w->position_unknown = false;
	w->cursor = target;
	qwin_fit(w, height);
	/* Read ahead, when there is time: the next page is there before the cursor gets to it. */
	w->ahead = !w->at_end && w->n - w->cursor <= height ? 1
		   : !w->at_start && w->cursor < height ? -1 : 0;
	return ST_OK;
}

enum status qwin_read_ahead(struct qwin *w, struct store *s, const struct filter *f,
			    int height, struct err *e)
{
	int dir = w->ahead;

	w->ahead = 0;
	if (!w->loaded || w->n == 0)
		return ST_OK;
	if (dir > 0 && !w->at_end && w->n - w->cursor <= height)
		return fetch_after(w, s, f, height, e);
	if (dir < 0 && !w->at_start && w->cursor < height)
		return fetch_before(w, s, f, height, e);
	return ST_OK;
}

enum status qwin_page(struct qwin *w, struct store *s, const struct filter *f, int dir,
		      int height, struct err *e)
{
	int offset = w->cursor - w->top;
	enum status st = qwin_move(w, s, f, dir > 0 ? height : -height, height, e);

	if (st != ST_OK || w->n == 0)
		return st;
	/* Keep the cursor on the same screen row, as a pager does. */
	w->top = w->cursor - offset;
	qwin_fit(w, height);
	return ST_OK;
}

enum status qwin_jump(struct qwin *w, struct store *s, const struct filter *f,
		      const struct queue_row *row, int height, struct err *e)
{
	struct queue_row key;
	enum status st;
	int got = 0;
	long pos;

	queue_row_copy(&key, row);
	clear_rows(w);
	w->at_start = w->at_end = false;
	w->base = -1;
	w->position_unknown = false;
	st = s->ops->page(s, w->kind, f, &key.key, 1, true, chunk(height), w->rows, &got, e);
	if (st == ST_OK) {
		w->n = got;
		w->at_end = got < chunk(height);
		w->cursor = 0;
		w->top = 0;
		w->loaded = true;
		st = fetch_before(w, s, f, height, e);
	}
	if (st == ST_OK && w->base < 0 && w->n &&
	    s->ops->position(s, w->kind, f, &w->rows[w->cursor].key, &pos, e) == ST_OK) {
		if (pos > COUNT_CAP)
			w->position_unknown = true;
		else
			w->base = pos - w->cursor;
	}
	queue_row_free(&key);
	w->top = w->cursor - height / 2;
	qwin_fit(w, height);
	return st;
}

enum status qwin_reload(struct qwin *w, struct store *s, const struct filter *f, int height,
			struct err *e)
{
	struct queue_row cur;
	int offset, got = 0, want = chunk(height);
	bool was_top;
	enum status st;

	if (!w->loaded || w->n == 0 || w->cursor < 0)
		return qwin_load_first(w, s, f, height, e);
	offset = w->cursor - w->top;
	/* At the head of the queue, new rows arriving on top should come into view. */
	was_top = w->at_start && w->top == 0;
	queue_row_copy(&cur, &w->rows[w->cursor]);
	clear_rows(w);
	w->base = -1;
	w->position_unknown = false;
	w->at_start = w->at_end = false;
	st = s->ops->page(s, w->kind, f, &cur.key, 1, true, want, w->rows, &got, e);
	if (st == ST_OK) {
		w->n = got;
		w->at_end = got < want;
		w->cursor = w->top = 0;
		st = fetch_before(w, s, f, height, e);
	}
	if (st == ST_OK && w->n == 0)
		st = qwin_load_last(w, s, f, height, e);
	if (st == ST_OK && w->n) {
		if (was_top && w->at_start && w->cursor < height)
			w->top = 0;
		else
			w->top = w->cursor - offset;
	}
	queue_row_free(&cur);
	w->loaded = st == ST_OK;
	qwin_fit(w, height);
	return st;
}

const struct queue_row *qwin_current(const struct qwin *w)
{
	return w->n && w->cursor >= 0 && w->cursor < w->n ? &w->rows[w->cursor] : NULL;
}

long qwin_position(struct qwin *w, struct store *s, const struct filter *f)
{
	long pos;
	struct err e;

	if (w->n == 0 || w->cursor < 0)
		return -1;
	if (w->base < 0 && !w->position_unknown) {
		if (s->ops->position(s, w->kind, f, &w->rows[w->cursor].key, &pos, &e) != ST_OK)
			return -1;
		/* Beyond the counting limit the store cannot say; do not ask again until the
		 * window moves somewhere new. */
		if (pos > COUNT_CAP) {
			w->position_unknown = true;
			return COUNT_CAP;
		}
		w->base = pos - w->cursor;
	}
	if (w->base < 0)
		return COUNT_CAP;
	return w->base + w->cursor;
}
