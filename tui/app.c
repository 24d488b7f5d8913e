#include "config.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/keys.h"
#include "core/text.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/term.h"

static const struct queue_view_ops *const queue_ops[QUEUE_COUNT] = {
	&view_ideas_ops, &view_dupes_ops, &view_flags_ops, &view_inbox_ops, &view_untold_ops,
};

/* The tabs in the order of their keys: 1 2 3 are the triage queues, 4 the timeline, 5 and 6
 * the queues that follow a decision. */
#define TAB_TIMELINE (-1)
static const int tabs[] = { QUEUE_NEW, QUEUE_DUPLICATES, QUEUE_FLAGS, TAB_TIMELINE, QUEUE_INBOX,
			    QUEUE_UNTOLD };

/* Another client's change reaches the screen after this pause, so a burst of changes costs
 * one refresh. */
#define REFRESH_DELAY_US 150000

/* --- messages and formatting shared by the views ------------------------------------------ */

void app_message(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->message, sizeof(a->message), fmt, ap);
	va_end(ap);
	a->message_error = false;
}

void app_message_undo(struct app *a, int64_t audit, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(a->message, sizeof(a->message), fmt, ap);
	va_end(ap);
	n = strlen(a->message);
	if (audit && n < sizeof(a->message))
		snprintf(a->message + n, sizeof(a->message) - n, "  %s", _("u: undo"));
	a->message_error = false;
}

void app_error(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->message, sizeof(a->message), fmt, ap);
	va_end(ap);
	a->message_error = true;
}

void fmt_time(const struct app *a, int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!t || !localtime_r(&tt, &tm) || !strftime(buf, n, cfg_str(a->cfg, OPT_TIME_FORMAT), &tm))
		snprintf(buf, n, "-");
}

void fmt_short_time(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!t || !localtime_r(&tt, &tm) || !strftime(buf, n, "%d-%m %H:%M", &tm))
		snprintf(buf, n, "-");
}

const char *status_title(const struct app *a, const char *status)
{
	const struct ref *r = status ? ref_find(&a->ref.statuses, status) : NULL;

	return r && r->title ? r->title : status ? status : "-";
}

enum theme_slot status_slot(const struct app *a, const char *status)
{
	const struct ref *r = status ? ref_find(&a->ref.statuses, status) : NULL;

	if (!status || str_eq(status, "proposed"))
		return SLOT_STATUS_NEW;
	if (r && r->extra && r->extra[0] == 't')
		return SLOT_STATUS_FINAL;
	return SLOT_STATUS_OPEN;
}

const char *method_title(const char *method)
{
	static const struct { const char *key, *title; } methods[] = {
		{ "information", N_("information") },
		{ "ideation", N_("ideas") },
		{ "proposals", N_("proposals") },
		{ "voting", N_("voting") },
		{ "survey", N_("survey") },
		{ "poll", N_("poll") },
		{ "volunteering", N_("volunteering") },
		{ "document_annotation", N_("document annotation") },
	};

	for (size_t i = 0; method && i < ARRAY_SIZE(methods); i++)
		if (strcmp(methods[i].key, method) == 0)
			return _(methods[i].title);
	return method ? method : "-";
}

/* --- layout and loading --------------------------------------------------------------------- */

static struct queue_state *cur_q(struct app *a)
{
	return &a->q[a->cur];
}

struct queue_state *app_queue(struct app *a)
{
	return cur_q(a);
}

/* Rows of the list on screen: its pane minus the heading. */
static int list_rows(const struct app *a)
{
	return a->lay.list.h > 1 ? a->lay.list.h - 1 : 1;
}

int app_list_rows(const struct app *a)
{
	return list_rows(a);
}

static void relayout(struct app *a)
{
	bool stacked = queue_ops[a->cur]->stacked;

	layout_compute(LINES, COLS, stacked ? INT_MAX : (int)cfg_int(a->cfg, OPT_SPLIT_MIN_WIDTH),
		       stacked ? 30 : (int)cfg_int(a->cfg, OPT_LIST_RATIO), &a->lay);
	if (a->lay.side_by_side) {
		/* A column of air between the border and the detail. */
		a->lay.detail.x++;
		a->lay.detail.w--;
	}
	/* Details and the pager are rebuilt when they find their width changed. */
	for (int i = 0; i < QUEUE_COUNT; i++)
		qwin_fit(&a->q[i].win, list_rows(a));
}

static bool store_failed(struct app *a, struct err *e)
{
	struct err e2;

	app_error(a, "%s", e->msg);
	/* A lost connection is tried again once; the message says what happened. */
	if (a->store->ops->check(a->store, &e2) != ST_OK)
		app_error(a, "%s", e2.msg);
	return false;
}

void app_store_failed(struct app *a, struct err *e)
{
	store_failed(a, e);
}

static void load_counts(struct app *a)
{
	struct err e;

	if (a->store->ops->counts(a->store, &a->filter, a->counts, &e) == ST_OK)
		a->counts_valid = true;
	else
		store_failed(a, &e);
}

static void ensure_queue(struct app *a)
{
	struct queue_state *q = cur_q(a);
	struct err e;

	if (q->win.loaded && !q->stale)
		return;
	if ((q->win.loaded ? qwin_reload(&q->win, a->store, &a->filter, list_rows(a), &e)
			   : qwin_load_first(&q->win, a->store, &a->filter, list_rows(a), &e)) != ST_OK)
		store_failed(a, &e);
	q->stale = false;
	q->detail_valid = false;
}

static void ensure_detail(struct app *a)
{
	struct queue_state *q = cur_q(a);
	const struct queue_row *r = qwin_current(&q->win);
	int width = a->lay.detail.w;
	struct err e;
	enum status st;

	if (r && q->detail_valid && q->detail_id == r->id && q->detail_kind == (int)r->kind &&
	    q->detail_width == width)
		return;
	doc_free(&q->detail);
	doc_init(&q->detail, width);
	q->detail_author = 0;
	q->detail_width = width;
	q->detail_valid = true;
	if (!r) {
		q->detail_id = 0;
		doc_newline(&q->detail);
		doc_add(&q->detail, SLOT_DIM,
			a->counts_valid && a->counts[a->cur] < 0
			? _("This platform does not offer this queue.")
			: a->filter.project_id || a->filter.area_id ||
			a->filter.department_id || a->filter.phase_id || a->filter.status[0]
			? _("Nothing in this queue matches the filter.")
			: _("This queue is empty. Well done."));
		return;
	}
	q->detail_id = r->id;
	q->detail_kind = (int)r->kind;
	a->reading_detail = true;
	st = queue_ops[a->cur]->detail(a, r, width, &q->detail, &q->detail_author, &e);
	a->reading_detail = false;
	if (st == ST_CANCELLED) {
		/* The moderator moved on while it loaded (app_wait): the next row's detail is
		 * what matters now. */
		doc_free(&q->detail);
		doc_init(&q->detail, width);
		q->detail_valid = false;
		if (a->wait_escaped) {
			a->wait_escaped = false;
			app_message(a, "%s", e.msg);
		}
		return;
	}
	if (st != ST_OK) {
		doc_free(&q->detail);
		doc_init(&q->detail, width);
		doc_newline(&q->detail);
		doc_add(&q->detail, SLOT_ERROR, e.msg);
		store_failed(a, &e);
		/* Try again on the next key rather than showing a stale error forever. */
		q->detail_valid = false;
		q->detail_id = r->id;
		q->detail_width = width;
	}
}

/* --- drawing ---------------------------------------------------------------------------------- */

static bool filter_active(const struct filter *f)
{
	return f->project_id || f->phase_id || f->area_id || f->department_id || f->status[0];
}

static void filter_describe(const struct app *a, char *buf, size_t n)
{
	const struct filter *f = &a->filter;
	const struct ref *r;
	struct sbuf b;

	sbuf_init(&b);
	if (f->project_id && (r = ref_by_id(&a->ref.projects, f->project_id)))
		sbuf_addf(&b, "%s%s: %s", b.len ? " · " : "", _("project"), r->title);
	if (f->phase_id && (r = ref_by_id(&a->ref.phases, f->phase_id)))
		sbuf_addf(&b, "%s%s: %s", b.len ? " · " : "", _("phase"), r->title);
	if (f->area_id && (r = ref_by_id(&a->ref.areas, f->area_id)))
		sbuf_addf(&b, "%s%s: %s", b.len ? " · " : "", _("area"), r->title);
	if (f->department_id > 0 && (r = ref_by_id(&a->ref.departments, f->department_id)))
		sbuf_addf(&b, "%s%s: %s", b.len ? " · " : "", _("department"), r->title);
	if (f->department_id < 0)
		sbuf_addf(&b, "%s%s: %s", b.len ? " · " : "", _("department"), _("none"));
	if (f->status[0])
		sbuf_addf(&b, "%s%s: %s", b.len ? " · " : "", _("status"), status_title(a, f->status));
	snprintf(buf, n, "%s", b.s ? b.s : "");
	sbuf_free(&b);
}

/* The label of tab t, long or short. */
static void tab_label(struct app *a, size_t t, bool shrt, char *buf, size_t n)
{
	int i = tabs[t];
	const char *title = i == TAB_TIMELINE ? _("Timeline")
			    : i == QUEUE_NEW && a->filter.status[0] ? _("Ideas")
			    : shrt ? queue_short_title((enum queue_kind)i) : queue_title((enum queue_kind)i);

	if (i == TAB_TIMELINE || !a->counts_valid)
		snprintf(buf, n, " %d %s ", (int)t + 1, title);
	else if (a->counts[i] < 0)
		snprintf(buf, n, " %d %s – ", (int)t + 1, title);
	else {
		char c[16];

		count_text(a->counts[i], c, sizeof(c));
		snprintf(buf, n, " %d %s %s ", (int)t + 1, title, c);
	}
}

static void draw_tabs(struct app *a)
{
	struct rect r = a->lay.tabs;
	int x = 0, total = 0;
	bool shrt = false;
	char buf[256], filt[512];

	/* Short titles when the long ones do not all fit. */
	for (size_t t = 0; t < ARRAY_SIZE(tabs); t++) {
		tab_label(a, t, false, buf, sizeof(buf));
		total += text_width(buf) + 1;
	}
	shrt = total > r.w;
	draw_fill(r, SLOT_TITLE_BAR);
	for (size_t t = 0; t < ARRAY_SIZE(tabs); t++) {
		int i = tabs[t];
		bool active = i == TAB_TIMELINE ? a->in_timeline : !a->in_timeline && i == (int)a->cur;

		tab_label(a, t, shrt, buf, sizeof(buf));
		x += draw_text(r.y, x, r.w - x, active ? SLOT_TAB_ACTIVE : SLOT_TAB, buf, false);
		/* Narrow: the tabs touch; their colours keep them apart. */
		if (x < r.w && !shrt)
			x += draw_text(r.y, x, 1, SLOT_TITLE_BAR, " ", false);
	}
	filter_describe(a, filt, sizeof(filt));
	if (filt[0]) {
		int w = text_width(filt) + 2;
		int room = r.w - x;

		if (room > 10) {
			if (w > room)
				w = room;
			draw_text(r.y, r.w - w, w, SLOT_TITLE_BAR, filt, true);
		}
	}
}

static void draw_list(struct app *a)
{
	struct queue_state *q = cur_q(a);
	struct rect r = a->lay.list;
	struct doc line;
	int rows = list_rows(a);
	int sel = a->focus == FOCUS_LIST ? SLOT_SELECTED : SLOT_SELECTED_INACTIVE;

	doc_init(&line, r.w);
	queue_ops[a->cur]->heading(a, r.w, &line);
	draw_doc_line(r.y, r.x, r.w, line.n ? &line.lines[0] : NULL, SLOT_HEADER);
	doc_free(&line);
	for (int i = 0; i < rows; i++) {
		int idx = q->win.top + i;

		if (idx >= q->win.n) {
			draw_text(r.y + 1 + i, r.x, r.w, SLOT_NORMAL, "", true);
			continue;
		}
		doc_init(&line, r.w);
		queue_ops[a->cur]->row(a, &q->win.rows[idx], r.w, &line);
		draw_doc_line(r.y + 1 + i, r.x, r.w, line.n ? &line.lines[0] : NULL,
			      idx == q->win.cursor ? sel : -1);
		doc_free(&line);
		/* The tag mark sits in the first column, over the row's leading space. */
		if (ui_is_tagged(a, &q->win.rows[idx]))
			draw_text(r.y + 1 + i, r.x, 1, SLOT_TAGGED, "*", false);
	}
	if (q->win.n == 0 && q->win.loaded)
		draw_text(r.y + 2, r.x + 2, r.w - 2, SLOT_DIM,
			  filter_active(&a->filter) ? _("Nothing matches the filter (:unfilter shows everything).")
						   : _("Nothing to do here."), false);
}

static void draw_detail(struct app *a)
{
	struct queue_state *q = cur_q(a);
	struct rect r = a->lay.detail;
	int max;

	ensure_detail(a);
	max = q->detail.n - r.h;
	if (q->detail_scroll > max)
		q->detail_scroll = max;
	if (q->detail_scroll < 0)
		q->detail_scroll = 0;
	draw_doc(r, &q->detail, q->detail_scroll, -1);
	if (a->lay.side_by_side) {
		draw_vline(a->lay.border, SLOT_BORDER);
	} else {
		const struct queue_row *row = qwin_current(&q->win);
		char buf[64];

		draw_hline(a->lay.border.y, 0, a->lay.border.w, a->focus == FOCUS_DETAIL ? SLOT_HEADER : SLOT_BORDER);
		if (row) {
			if (a->cur == QUEUE_DUPLICATES)
				snprintf(buf, sizeof(buf), " #%lld ~ #%lld ", (long long)row->idea_id,
					 (long long)row->other_id);
			else if (row->kind == ITEM_COMMENT)
				snprintf(buf, sizeof(buf), _(" comment %lld on #%lld "), (long long)row->id,
					 (long long)row->idea_id);
			else
				snprintf(buf, sizeof(buf), " #%lld ", (long long)row->idea_id);
			draw_text(a->lay.border.y, 2, a->lay.border.w - 4, SLOT_HEADER, buf, false);
		}
	}
	if (q->detail.n > r.h) {
		/* A hint that there is more below, on the last row. */
		char more[32];
		int pct = (q->detail_scroll + r.h) * 100 / q->detail.n;

		snprintf(more, sizeof(more), " %d%% ", pct > 100 ? 100 : pct);
		draw_text(r.y + r.h - 1, r.x + r.w - (int)strlen(more), (int)strlen(more), SLOT_DIM, more, false);
	}
}

static void draw_status(struct app *a)
{
	struct rect r = a->lay.status;
	struct queue_state *q = cur_q(a);
	char left[768], right[300];
	long pos = a->pager.open ? -1 : qwin_position(&q->win, a->store, &a->filter);
	int rw;

	snprintf(left, sizeof(left), " %s (%s) · %s%s%s", a->me.name, role_name(a->me.role), a->where,
		 a->ref.platform ? " · " : "", a->ref.platform ? a->ref.platform : "");
	if (a->pager.open) {
		snprintf(right, sizeof(right), "%s ", a->pager.title);
	} else if (a->in_timeline) {
		char w[200];

		timeline_view_where(a->timeline, w, sizeof(w));
		snprintf(right, sizeof(right), "%s ", w);
	} else {
		long total = a->counts_valid ? a->counts[a->cur] : -1;
		char ps[32], ts[32];

		/* Past the counting limit the position and the total read "1000+". */
		if (pos < 0 && qwin_current(&q->win))
			snprintf(ps, sizeof(ps), "?");
		else
			count_text(pos + 1, ps, sizeof(ps));
		count_text(total > pos ? total : pos + 1, ts, sizeof(ts));
		if (q->tags.n)
			snprintf(right, sizeof(right), _("%d tagged%s · %s/%s "), q->tags.n,
				 a->tag_prefix ? ";" : "", ps, ts);
		else
			snprintf(right, sizeof(right), "%s/%s ", ps, ts);
	}
	draw_fill(r, SLOT_STATUS);
	rw = text_width(right);
	if (rw > r.w / 2)
		rw = r.w / 2;
	draw_text(r.y, 0, r.w - rw - 1, SLOT_STATUS, left, false);
	draw_text(r.y, r.w - rw, rw, SLOT_STATUS, right, false);
}

static void draw_message(struct app *a)
{
	struct rect r = a->lay.message;

	if (a->prompt.active) {
		char lead[2] = { a->prompt.kind, 0 };
		char *clean = text_sanitize(a->prompt.buf, 0);
		int before = text_width_n(a->prompt.buf, a->prompt.pos) + 1;
		int shift = before >= r.w ? before - r.w + 1 : 0;
		size_t skip = text_prefix_fit(clean, shift, NULL);

		draw_text(r.y, 0, 1, SLOT_NORMAL, lead, false);
		draw_text(r.y, 1, r.w - 1, SLOT_NORMAL, clean + skip, true);
		free(clean);
		curs_set(1);
		leaveok(stdscr, FALSE);
		move(r.y, before - shift);
		return;
	}
	curs_set(0);
	leaveok(stdscr, TRUE);
	draw_text(r.y, 0, r.w, a->message_error ? SLOT_ERROR : SLOT_MESSAGE, a->message, true);
}

static void draw_pager(struct app *a)
{
	struct pager *p = &a->pager;
	struct rect r = a->lay.full;
	int max;

	if (p->width != r.w) {
		struct err e;
		char title[256];

		doc_free(&p->doc);
		doc_init(&p->doc, r.w);
		p->width = r.w;
		if (p->kind == PAGER_HELP) {
			view_help_build(a, &p->doc);
		} else if (p->kind == PAGER_AUTHOR) {
			if (view_author_build(a, p->id, &p->doc, title, sizeof(title), &e) != ST_OK) {
				doc_newline(&p->doc);
				doc_add(&p->doc, SLOT_ERROR, e.msg);
			}
		} else {
			struct idea_detail d;

			if (a->store->ops->idea(a->store, p->id, &d, &e) == ST_OK) {
				detail_idea_doc(a, &d, &p->doc);
				idea_detail_free(&d);
			} else {
				doc_newline(&p->doc);
				doc_add(&p->doc, SLOT_ERROR, e.msg);
			}
		}
	}
	max = p->doc.n - r.h;
	if (p->scroll > max)
		p->scroll = max;
	if (p->scroll < 0)
		p->scroll = 0;
	draw_doc(r, &p->doc, p->scroll, -1);
}

static void draw_too_small(void)
{
	char msg[256];
	struct doc d;
	int y;

	erase();
	snprintf(msg, sizeof(msg), _("The terminal is %dx%d; inspraak needs at least %dx%d. "
				     "Make the window larger, or press q to quit."),
		 COLS, LINES, LAYOUT_MIN_COLS, LAYOUT_MIN_LINES);
	doc_init(&d, COLS > 4 ? COLS - 2 : 1);
	doc_newline(&d);
	doc_wrap(&d, SLOT_ERROR, msg, 0);
	y = (LINES - d.n) / 2;
	for (int i = 0; i < d.n && y + i < LINES; i++)
		draw_doc_line(y < 0 ? i : y + i, 1, COLS > 2 ? COLS - 2 : COLS, &d.lines[i], -1);
	doc_free(&d);
	curs_set(0);
}

void app_draw(struct app *a)
{
	if (a->lay.too_small) {
		draw_too_small();
		refresh();
		return;
	}
	/* Every cell is drawn anew; curses sends only what changed. */
	erase();
	draw_tabs(a);
	if (a->pager.open) {
		draw_pager(a);
	} else if (a->in_timeline) {
		timeline_view_draw(a, a->timeline, a->lay.full);
	} else {
		ensure_queue(a);
		draw_list(a);
		draw_detail(a);
	}
	draw_status(a);
	draw_message(a);
	refresh();
}

static void draw(struct app *a)
{
	app_draw(a);
}

int app_wait_key(struct app *a)
{
	for (;;) {
		struct pollfd fds[2] = { { STDIN_FILENO, POLLIN, 0 }, { term_wake_fd(), POLLIN, 0 } };
		int key;

		if (term_quit_signal)
			return -1;
		key = term_read_key();
		if (key == KEYC_RESIZE || term_take_resize()) {
			relayout(a);
			clearok(curscr, TRUE);
			return KEYC_RESIZE;
		}
		if (key >= 0)
			return key;
		if (poll(fds, 2, -1) < 0 && errno != EINTR)
			return -1;
	}
}

/* --- actions ------------------------------------------------------------------------------------ */

static void open_pager(struct app *a, enum pager_kind kind, int64_t id, const char *title)
{
	doc_free(&a->pager.doc);
	memset(&a->pager, 0, sizeof(a->pager));
	a->pager.open = true;
	a->pager.kind = kind;
	a->pager.id = id;
	snprintf(a->pager.title, sizeof(a->pager.title), "%s", title);
}

static void close_pager(struct app *a)
{
	doc_free(&a->pager.doc);
	a->pager.open = false;
}

static void switch_queue(struct app *a, enum queue_kind k)
{
	close_pager(a);
	app_release(a);
	a->in_timeline = false;
	a->cur = k;
	a->focus = FOCUS_LIST;
	a->tag_prefix = false;
	relayout(a);
}

static void show_timeline(struct app *a)
{
	close_pager(a);
	app_release(a);
	a->in_timeline = true;
	a->tag_prefix = false;
	timeline_view_changed(a->timeline);
}

static void move_list(struct app *a, int delta)
{
	struct queue_state *q = cur_q(a);
	struct err e;

	if (qwin_move(&q->win, a->store, &a->filter, delta, list_rows(a), &e) != ST_OK)
		store_failed(a, &e);
}

static void scroll_detail(struct app *a, int delta)
{
	cur_q(a)->detail_scroll += delta;
	if (cur_q(a)->detail_scroll < 0)
		cur_q(a)->detail_scroll = 0;
}

static void do_search(struct app *a, int dir)
{
	struct queue_state *q = cur_q(a);
	const struct queue_row *cur = qwin_current(&q->win);
	struct queue_row found;
	struct err e;
	enum status st;

	if (!a->search || !*a->search) {
		app_error(a, _("No search yet: press / to search."));
		return;
	}
	st = a->store->ops->search(a->store, a->cur, &a->filter, cur ? &cur->key : NULL, dir,
				   a->search, &found, &e);
	if (st == ST_NOT_FOUND && cur && cfg_bool(a->cfg, OPT_WRAP_SEARCH)) {
		st = a->store->ops->search(a->store, a->cur, &a->filter, NULL, dir, a->search, &found, &e);
		if (st == ST_OK)
			app_message(a, dir > 0 ? _("Search reached the end and went on from the top.")
					      : _("Search reached the top and went on from the end."));
	} else if (st == ST_OK) {
		app_message(a, "/%s", a->search);
	}
	if (st == ST_NOT_FOUND) {
		app_error(a, _("Not found in this queue: %s"), a->search);
		return;
	}
	if (st != ST_OK) {
		store_failed(a, &e);
		return;
	}
	if (qwin_jump(&q->win, a->store, &a->filter, &found, list_rows(a), &e) != ST_OK)
		store_failed(a, &e);
	queue_row_free(&found);
}

static void apply_filter_change(struct app *a)
{
	for (int i = 0; i < QUEUE_COUNT; i++) {
		qwin_free(&a->q[i].win);
		qwin_init(&a->q[i].win, (enum queue_kind)i);
		a->q[i].detail_valid = false;
	}
	load_counts(a);
}

static void refresh_all(struct app *a)
{
	for (int i = 0; i < QUEUE_COUNT; i++) {
		a->q[i].stale = a->q[i].win.loaded;
		a->q[i].detail_valid = false;
	}
	if (a->pager.open && a->pager.kind != PAGER_HELP)
		a->pager.width = 0;
	if (a->timeline)
		timeline_view_changed(a->timeline);
	load_counts(a);
}

void app_refresh(struct app *a)
{
	refresh_all(a);
}

void app_did(struct app *a, int64_t audit, const char *fmt, ...)
{
	va_list ap;
	struct undo_entry *u;

	if (!audit)
		return;
	if (a->nundo == UNDO_MAX) {
		memmove(a->undo, a->undo + 1, (UNDO_MAX - 1) * sizeof(*a->undo));
		a->nundo--;
	}
	u = &a->undo[a->nundo++];
	u->audit = audit;
	va_start(ap, fmt);
	vsnprintf(u->what, sizeof(u->what), fmt, ap);
	va_end(ap);
}

bool app_claim(struct app *a, enum item_kind kind, int64_t id)
{
	int minutes = (int)cfg_int(a->cfg, OPT_CLAIM_MINUTES);
	char *holder = NULL;
	struct err e;
	enum status st;

	/* A platform without claims (the web API): colleagues are not kept apart, and the
	 * action goes ahead as it would on the platform's own pages. */
	if (a->store->without_claims)
		return true;
	if (a->claim_id == id && a->claim_kind == kind)
		return true;
	app_release(a);
	st = a->store->ops->claim(a->store, kind, id, minutes, false, &holder, &e);
	if (st == ST_CLAIMED) {
		bool take = dialog_confirm(a, false, _("%s is working on this item. Take it over?"),
					   holder ? holder : "?");

		free(holder);
		holder = NULL;
		if (!take)
			return false;
		st = a->store->ops->claim(a->store, kind, id, minutes, true, &holder, &e);
	}
	free(holder);
	if (st != ST_OK) {
		if (st != ST_CLAIMED)
			store_failed(a, &e);
		return false;
	}
	a->claim_kind = kind;
	a->claim_id = id;
	/* Renewed at half its life while the console holds it. */
	a->claim_renew_at = now_us() + (int64_t)minutes * 30 * 1000000;
	return true;
}

void app_release(struct app *a)
{
	struct err e;

	if (!a->claim_id)
		return;
	if (a->store->ops->release(a->store, a->claim_kind, a->claim_id, &e) != ST_OK)
		store_failed(a, &e);
	a->claim_id = 0;
}

static void renew_claim(struct app *a)
{
	int minutes = (int)cfg_int(a->cfg, OPT_CLAIM_MINUTES);
	char *holder = NULL;
	struct err e;

	if (!a->claim_id || now_us() < a->claim_renew_at)
		return;
	if (a->store->ops->claim(a->store, a->claim_kind, a->claim_id, minutes, false, &holder, &e) != ST_OK) {
		/* Someone took it over: this console no longer holds it. */
		a->claim_id = 0;
		if (holder)
			app_message(a, _("%s took over the item you had open."), holder);
	}
	free(holder);
	a->claim_renew_at = now_us() + (int64_t)minutes * 30 * 1000000;
}

static void run_command(struct app *a, const char *line);
static void apply_poll(struct store *s, const struct config *cfg);

static int64_t selected_id(struct app *a)
{
	const struct queue_row *r = qwin_current(&cur_q(a)->win);

	return r ? r->id * 2 + (r->kind == ITEM_COMMENT) : 0;
}

static void act_on(struct app *a, enum action act);

/* Another item selected: its detail starts at the top. */
static void act(struct app *a, enum action act)
{
	enum queue_kind q = a->cur;
	int64_t before = selected_id(a);

	act_on(a, act);
	if (a->cur == q && selected_id(a) != before) {
		cur_q(a)->detail_scroll = 0;
		/* Leaving an item releases its claim. */
		app_release(a);
	}
}

static void act_on(struct app *a, enum action act)
{
	const struct action_info *info = action_info(act);
	struct queue_state *q = cur_q(a);
	bool pager = a->pager.open;
	int page = pager ? a->lay.full.h : a->focus == FOCUS_DETAIL ? a->lay.detail.h : list_rows(a);
	struct err e;

	bool tagged = a->tag_prefix;

	if (info && a->me.role < info->role) {
		app_error(a, _("%s needs the role %s."), info->name, role_name(info->role));
		a->tag_prefix = false;
		return;
	}
	if (act != ACTION_TAG_PREFIX)
		a->tag_prefix = false;
	if (a->in_timeline && !pager && timeline_view_act(a, a->timeline, act))
		return;
	switch (act) {
	case ACTION_MOVE_DOWN:
	case ACTION_MOVE_UP: {
		int d = act == ACTION_MOVE_DOWN ? 1 : -1;

		if (pager)
			a->pager.scroll += d;
		else if (a->focus == FOCUS_DETAIL)
			scroll_detail(a, d);
		else
			move_list(a, d);
		break;
	}
	case ACTION_PAGE_DOWN:
	case ACTION_PAGE_UP: {
		int d = act == ACTION_PAGE_DOWN ? 1 : -1;

		if (pager) {
			a->pager.scroll += d * (page > 2 ? page - 1 : 1);
		} else if (a->focus == FOCUS_DETAIL) {
			scroll_detail(a, d * (page > 2 ? page - 1 : 1));
		} else if (qwin_page(&q->win, a->store, &a->filter, d, list_rows(a), &e) != ST_OK) {
			store_failed(a, &e);
		}
		break;
	}
	case ACTION_FIRST:
		if (pager)
			a->pager.scroll = 0;
		else if (a->focus == FOCUS_DETAIL)
			q->detail_scroll = 0;
		else if (qwin_load_first(&q->win, a->store, &a->filter, list_rows(a), &e) != ST_OK)
			store_failed(a, &e);
		break;
	case ACTION_LAST:
		if (pager)
			a->pager.scroll = a->pager.doc.n;
		else if (a->focus == FOCUS_DETAIL)
			q->detail_scroll = q->detail.n;
		else if (qwin_load_last(&q->win, a->store, &a->filter, list_rows(a), &e) != ST_OK)
			store_failed(a, &e);
		break;
	case ACTION_NEXT_PANE:
		a->focus = a->focus == FOCUS_LIST ? FOCUS_DETAIL : FOCUS_LIST;
		break;
	case ACTION_OPEN: {
		const struct queue_row *r = qwin_current(&q->win);

		/* Opening an item claims it, so colleagues see who is on it. */
		if (r && app_claim(a, a->cur == QUEUE_DUPLICATES ? ITEM_SUGGESTION : r->kind, r->id))
			a->focus = FOCUS_DETAIL;
		break;
	}
	case ACTION_BACK:
		if (pager) {
			close_pager(a);
		} else {
			a->focus = FOCUS_LIST;
			app_release(a);
		}
		break;
	case ACTION_DETAIL_DOWN:
		scroll_detail(a, 1);
		break;
	case ACTION_DETAIL_UP:
		scroll_detail(a, -1);
		break;
	case ACTION_QUEUE_NEW:
		switch_queue(a, QUEUE_NEW);
		break;
	case ACTION_QUEUE_DUPLICATES:
		switch_queue(a, QUEUE_DUPLICATES);
		break;
	case ACTION_QUEUE_FLAGS:
		switch_queue(a, QUEUE_FLAGS);
		break;
	case ACTION_TIMELINE:
		show_timeline(a);
		break;
	case ACTION_QUEUE_INBOX:
		switch_queue(a, QUEUE_INBOX);
		break;
	case ACTION_QUEUE_UNTOLD:
		switch_queue(a, QUEUE_UNTOLD);
		break;
	case ACTION_NEXT_QUEUE:
	case ACTION_PREV_QUEUE: {
		int n = (int)ARRAY_SIZE(tabs), t = 0;

		for (int i = 0; i < n; i++)
			if (a->in_timeline ? tabs[i] == TAB_TIMELINE : tabs[i] == (int)a->cur)
				t = i;
		t = (t + (act == ACTION_NEXT_QUEUE ? 1 : n - 1)) % n;
		if (tabs[t] == TAB_TIMELINE)
			show_timeline(a);
		else
			switch_queue(a, (enum queue_kind)tabs[t]);
		break;
	}
	case ACTION_TAG:
		ui_tag(a);
		break;
	case ACTION_TAG_PREFIX:
		if (!cur_q(a)->tags.n) {
			app_error(a, _("Nothing is tagged: tag items with t or Space first."));
			break;
		}
		a->tag_prefix = true;
		app_message(a, _("Next action for the %d tagged items:"), cur_q(a)->tags.n);
		break;
	case ACTION_UNTAG_ALL:
		ui_untag_all(a);
		break;
	case ACTION_MERGE:
		ui_merge(a, tagged);
		break;
	case ACTION_NOT_DUPLICATE:
		ui_not_duplicate(a, tagged);
		break;
	case ACTION_ASSIGN:
		ui_assign(a, tagged);
		break;
	case ACTION_SET_STATUS:
		ui_set_status(a, tagged);
		break;
	case ACTION_REPLY:
		ui_reply(a, tagged);
		break;
	case ACTION_CONFIRM_FLAG:
		ui_verdict(a, true, tagged);
		break;
	case ACTION_DISMISS_FLAG:
		ui_verdict(a, false, tagged);
		break;
	case ACTION_BLOCK:
		ui_block(a, tagged);
		break;
	case ACTION_UNDO:
		ui_undo(a);
		break;
	case ACTION_SET_PHASE:
	case ACTION_EDIT_PHASE:
	case ACTION_ADD_PHASE:
	case ACTION_REMOVE_PHASE:
		app_error(a, _("Phases are changed on the timeline (press 4)."));
		break;
	case ACTION_AUTHOR:
		ensure_detail(a);
		if (!q->detail_author) {
			app_error(a, _("This item has no author on record (an offline idea, or a removed account)."));
			break;
		}
		open_pager(a, PAGER_AUTHOR, q->detail_author, _("Author"));
		break;
	case ACTION_SEARCH:
		prompt_open(&a->prompt, '/', "", &a->search_history);
		break;
	case ACTION_SEARCH_NEXT:
		do_search(a, 1);
		break;
	case ACTION_SEARCH_PREV:
		do_search(a, -1);
		break;
	case ACTION_FILTER:
		prompt_open(&a->prompt, ':', "filter ", &a->cmd_history);
		break;
	case ACTION_COMMAND:
		prompt_open(&a->prompt, ':', "", &a->cmd_history);
		break;
	case ACTION_REFRESH:
		refresh_all(a);
		clearok(curscr, TRUE);
		app_message(a, _("Reloaded."));
		break;
	case ACTION_HELP:
		open_pager(a, PAGER_HELP, 0, _("Help"));
		break;
	case ACTION_QUIT:
		a->quit = true;
		break;
	default:
		break;
	}
}

/* --- the ':' command line ------------------------------------------------------------------------- */

static bool set_filter_term(struct app *a, struct filter *f, const char *term)
{
	const char *eq = strchr(term, '=');
	char key[32];
	const char *val;
	const struct ref *r;

	if (!eq || eq == term || (size_t)(eq - term) >= sizeof(key)) {
		app_error(a, _("A filter is KEY=VALUE with KEY one of project, phase, area, department, status: %s"), term);
		return false;
	}
	memcpy(key, term, (size_t)(eq - term));
	key[eq - term] = '\0';
	val = eq + 1;
	if (str_eq(key, "project")) {
		if (!(r = ref_find(&a->ref.projects, val)))
			goto unknown;
		f->project_id = r->id;
	} else if (str_eq(key, "phase")) {
		if (!(r = ref_find(&a->ref.phases, val)))
			goto unknown;
		f->phase_id = r->id;
	} else if (str_eq(key, "area")) {
		if (!(r = ref_find(&a->ref.areas, val)))
			goto unknown;
		f->area_id = r->id;
	} else if (str_eq(key, "department")) {
		if (str_eq(val, "none")) {
			f->department_id = -1;
		} else {
			if (!(r = ref_find(&a->ref.departments, val)))
				goto unknown;
			f->department_id = r->id;
		}
	} else if (str_eq(key, "status")) {
		if (!(r = ref_find(&a->ref.statuses, val)))
			goto unknown;
		snprintf(f->status, sizeof(f->status), "%s", r->code);
	} else {
		app_error(a, _("Unknown filter \"%s\": use project, phase, area, department or status."), key);
		return false;
	}
	return true;
unknown:
	/* The web API knows no areas or departments of ideas: say that, not "no match". */
	if ((str_eq(key, "area") && !a->ref.areas.n) ||
	    (str_eq(key, "department") && !a->ref.departments.n)) {
		app_error(a, _("This platform has no %s to filter by."),
			  str_eq(key, "area") ? _("areas") : _("departments"));
		return false;
	}
	app_error(a, _("No %s matches \"%s\" (give its code, its number or the start of its name)."), key, val);
	return false;
}

static void cmd_filter(struct app *a, char *args)
{
	struct filter f = a->filter;
	char *save = NULL;
	char desc[512];

	if (!args || !*args) {
		filter_describe(a, desc, sizeof(desc));
		app_message(a, "%s", desc[0] ? desc : _("No filter: every project, area and department."));
		return;
	}
	if (str_eq(args, "clear") || str_eq(args, "none")) {
		double thr = f.flag_threshold;

		memset(&f, 0, sizeof(f));
		f.flag_threshold = thr;
	} else {
		for (char *t = strtok_r(args, " ", &save); t; t = strtok_r(NULL, " ", &save))
			if (!set_filter_term(a, &f, t))
				return;
	}
	a->filter = f;
	apply_filter_change(a);
	filter_describe(a, desc, sizeof(desc));
	app_message(a, "%s", desc[0] ? desc : _("Filter cleared."));
}

static void run_command(struct app *a, const char *line)
{
	char buf[PROMPT_MAX];
	char *cmd, *args;
	enum action act_id;
	struct err e;
	long id;

	snprintf(buf, sizeof(buf), "%s", line);
	cmd = buf;
	while (*cmd == ' ')
		cmd++;
	if (!*cmd)
		return;
	args = cmd + strcspn(cmd, " ");
	if (*args)
		*args++ = '\0';
	while (*args == ' ')
		args++;
	if (str_eq(cmd, "q") || str_eq(cmd, "quit")) {
		a->quit = true;
	} else if (str_eq(cmd, "filter")) {
		cmd_filter(a, args);
	} else if (str_eq(cmd, "unfilter")) {
		cmd_filter(a, "clear");
	} else if (str_eq(cmd, "queue")) {
		enum queue_kind k;

		if (str_eq(args, "timeline"))
			show_timeline(a);
		else if (queue_parse(args, &k))
			switch_queue(a, k);
		else
			app_error(a, _("Unknown queue \"%s\": use new, duplicates, flags, timeline, inbox or untold."), args);
	} else if (str_eq(cmd, "idea")) {
		if (!str_to_long(args, &id) || id <= 0) {
			app_error(a, _("Usage: idea NUMBER"));
			return;
		}
		open_pager(a, PAGER_IDEA, id, _("Idea"));
	} else if (str_eq(cmd, "user")) {
		if (!str_to_long(args, &id) || id <= 0) {
			app_error(a, _("Usage: user NUMBER"));
			return;
		}
		open_pager(a, PAGER_AUTHOR, id, _("Author"));
	} else if (str_eq(cmd, "search")) {
		free(a->search);
		a->search = xstrdup(args);
		do_search(a, 1);
	} else if (str_eq(cmd, "set") || str_eq(cmd, "bind") || str_eq(cmd, "unbind") ||
		   str_eq(cmd, "color") || str_eq(cmd, "source")) {
		if (config_exec(a->cfg, line, ":", 1, &e) != ST_OK) {
			app_error(a, "%s", e.msg);
			return;
		}
		term_apply_theme(&a->cfg->theme);
		a->filter.flag_threshold = cfg_double(a->cfg, OPT_FLAG_THRESHOLD);
		apply_poll(a->store, a->cfg);
		relayout(a);
		refresh_all(a);
		clearok(curscr, TRUE);
		app_message(a, "%s", line);
	} else if ((act_id = action_by_name(cmd)) != ACTION_NONE) {
		act(a, act_id);
	} else {
		app_error(a, _("Unknown command \"%s\" (press ? for the list)."), cmd);
	}
}

/* --- the event loop --------------------------------------------------------------------------- */

static enum menu current_menu(const struct app *a)
{
	return a->pager.open ? MENU_PAGER : a->in_timeline ? MENU_TIMELINE : MENU_QUEUE;
}

static void handle_key(struct app *a, int key)
{
	enum action act_id;
	char name[32];

	if (key == KEYC_RESIZE) {
		relayout(a);
		clearok(curscr, TRUE);
		return;
	}
	if (a->prompt.active) {
		switch (prompt_key(&a->prompt, key)) {
		case PROMPT_ACCEPT:
			if (a->prompt.kind == '/') {
				if (a->prompt.buf[0]) {
					prompt_history_add(&a->search_history, a->prompt.buf);
					free(a->search);
					a->search = xstrdup(a->prompt.buf);
				}
				do_search(a, 1);
			} else {
				prompt_history_add(&a->cmd_history, a->prompt.buf);
				run_command(a, a->prompt.buf);
			}
			break;
		case PROMPT_CANCEL:
			a->message[0] = '\0';
			break;
		default:
			break;
		}
		return;
	}
	if (a->lay.too_small) {
		act_id = config_key_action(a->cfg, MENU_GENERIC, key);
		if (act_id == ACTION_QUIT)
			a->quit = true;
		return;
	}
	a->message[0] = '\0';
	act_id = config_key_action(a->cfg, current_menu(a), key);
	if (act_id == ACTION_NONE) {
		key_format(key, name, sizeof(name));
		app_error(a, _("The key %s does nothing here (press ? for help)."), name);
		return;
	}
	act(a, act_id);
}

/* A back end without a change feed is told how often to ask what changed. */
static void apply_poll(struct store *s, const struct config *cfg)
{
	if (s->ops->poll_every)
		s->ops->poll_every(s, (int)(cfg_double(cfg, OPT_POLL_SECONDS) * 1000 + 0.5));
}

static void live_refresh(struct app *a)
{
	a->refresh_pending = false;
	refresh_all(a);
}

int64_t app_connected_us;

/* For the benchmark (INSPRAAK_TRACE=FILE): when the screen was first complete, and how long
 * each key took from being read to being on screen. */
static void app_trace(struct app *a, const char *what, int key, int64_t since)
{
	char name[32];

	if (!a->trace)
		return;
	key_format(key, name, sizeof(name));
	fprintf(a->trace, "%s %s %lld\n", what, key ? name : "-", (long long)(now_us() - since));
	fflush(a->trace);
}

static void app_free(struct app *a)
{
	app_release(a);
	for (int i = 0; i < QUEUE_COUNT; i++) {
		qwin_free(&a->q[i].win);
		doc_free(&a->q[i].detail);
		ui_untag_all_of(&a->q[i]);
	}
	doc_free(&a->pager.doc);
	timeline_view_free(a->timeline);
	prompt_history_free(&a->cmd_history);
	prompt_history_free(&a->search_history);
	refdata_free(&a->ref);
	staff_free(&a->me);
	free(a->search);
	free(a->where);
	if (a->trace)
		fclose(a->trace);
}

/* Called by a back end about every 50 ms while it waits on the network: after a moment the
 * bottom line says so, Esc cancels the request, and other keys are kept for afterwards. The
 * store must not be called from here, so this draws nothing but that line. */
static void app_wait(void *ctx, bool *cancel)
{
	struct app *a = ctx;
	int64_t now = now_us();
	int key;

	if (now - a->wait_last > 200000) {
		a->wait_since = now;
		a->wait_escaped = false;
	}
	a->wait_last = now;
	while ((key = term_read_key()) >= 0) {
		if (key == KEYC_ESC)
			*cancel = a->wait_escaped = true;
		else if (a->ntypeahead < (int)ARRAY_SIZE(a->typeahead))
			a->typeahead[a->ntypeahead++] = key;
		/* A detail is only read for showing: a key means the moderator has moved on. */
		if (a->reading_detail)
			*cancel = true;
	}
	if (term_quit_signal)
		*cancel = true;
	if (now - a->wait_since > 300000 && term_active()) {
		char line[256];
		int rows, cols;

		getmaxyx(stdscr, rows, cols);
		snprintf(line, sizeof(line), _("Waiting for %s (%.0f s) · Esc cancels"), a->where,
			 (double)(now - a->wait_since) / 1e6);
		attrset(term_attr(SLOT_MESSAGE));
		mvhline(rows - 1, 0, ' ', cols);
		mvaddnstr(rows - 1, 0, line, cols);
		attrset(A_NORMAL);
		refresh();
	}
}

/* The next key: those typed while waiting on the network first. */
/* A key typed and not yet handled. */
static bool input_waiting(const struct app *a)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };

	return a->ntypeahead > 0 || poll(&p, 1, 0) > 0;
}

static int next_key(struct app *a)
{
	if (a->ntypeahead) {
		int key = a->typeahead[0];

		memmove(a->typeahead, a->typeahead + 1, (size_t)--a->ntypeahead * sizeof(*a->typeahead));
		return key;
	}
	return term_read_key();
}

static struct app *running_app;

char *app_ask_secret(const char *label)
{
	struct app *a = running_app;
	struct prompt p;
	char *out = NULL;

	if (!a || !term_active())
		return NULL;
	prompt_open(&p, ' ', "", NULL);
	for (;;) {
		int rows, cols, n = 0, key;

		for (size_t i = 0; i < p.len; i++)
			n += ((unsigned char)p.buf[i] & 0xc0) != 0x80;
		getmaxyx(stdscr, rows, cols);
		attrset(term_attr(SLOT_MESSAGE));
		mvhline(rows - 1, 0, ' ', cols);
		mvaddnstr(rows - 1, 0, label, cols);
		attrset(A_NORMAL);
		addch(' ');
		for (int i = 0; i < n && getcurx(stdscr) < cols - 1; i++)
			addstr("•");
		curs_set(1);
		refresh();
		key = app_wait_key(a);
		curs_set(0);
		if (key < 0 || key == KEYC_ESC)
			break;
		if (key == KEYC_RESIZE)
			continue;
		if (key == '\n' || key == '\r' || key == KEYC_ENTER) {
			out = xstrdup(p.buf);
			break;
		}
		/* No history and nothing else: a password is only typed and erased. */
		if (key == KEYC_BACKSPACE || (key >= 32 && key != 127) || key > 127)
			prompt_key(&p, key);
	}
	sodium_memzero(p.buf, sizeof(p.buf));
	return out;
}

void app_say(bool error, const char *fmt, ...)
{
	struct app *a = running_app;
	va_list ap;

	if (!a)
		return;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof(a->message), fmt, ap);
	va_end(ap);
	a->message_error = error;
}

int app_run(struct store *store, struct config *cfg, const char *where)
{
	struct app app, *a = &app;
	struct err e;
	const char *tr = getenv("INSPRAAK_TRACE");
	int status = 0;

	memset(a, 0, sizeof(*a));
	running_app = a;
	a->started_us = now_us();
	a->cfg = cfg;
	a->store = store;
	a->where = xstrdup(where);
	store->wait = app_wait;
	store->wait_ctx = a;
	a->filter.flag_threshold = cfg_double(cfg, OPT_FLAG_THRESHOLD);
	apply_poll(store, cfg);
	if (tr && *tr)
		a->trace = fopen(tr, "a");
	for (int i = 0; i < QUEUE_COUNT; i++)
		qwin_init(&a->q[i].win, (enum queue_kind)i);
	a->timeline = timeline_view_new();
	if (store->ops->whoami(store, &a->me, &e) != ST_OK ||
	    store->ops->refdata(store, &a->ref, &e) != ST_OK) {
		fprintf(stderr, "inspraak: %s\n", e.msg);
		app_free(a);
		running_app = NULL;
		return 1;
	}
	if (!term_init()) {
		app_free(a);
		running_app = NULL;
		return 1;
	}
	term_apply_theme(&cfg->theme);
	relayout(a);
	load_counts(a);
	if (cfg->nerrors)
		app_error(a, "%s", cfg->errors.s);
	while (!a->quit && !term_quit_signal) {
		struct pollfd fds[3];
		int nfds = 1, timeout = -1, key;

		draw(a);
		if (!a->drawn_once) {
			a->drawn_once = true;
			app_trace(a, "ready", 0, app_connected_us ? app_connected_us : a->started_us);
		}
		/* The moved cursor is on screen: now read the page it is getting close to, unless a
		 * key is waiting (then that key first; the page is read when it is needed). */
		if (cur_q(a)->win.ahead && !a->in_timeline && !input_waiting(a)) {
			if (qwin_read_ahead(&cur_q(a)->win, a->store, &a->filter, list_rows(a), &e) != ST_OK)
				store_failed(a, &e);
			continue;
		}
		fds[0].fd = STDIN_FILENO;
		fds[0].events = POLLIN;
		fds[1].fd = term_wake_fd();
		fds[1].events = POLLIN;
		fds[2].fd = store->ops->notify_fd(store);
		fds[2].events = POLLIN;
		nfds = fds[2].fd >= 0 ? 3 : 2;
		if (a->refresh_pending) {
			int64_t left = a->refresh_at - now_us();

			timeout = left > 0 ? (int)(left / 1000) + 1 : 0;
		}
		if (a->claim_id) {
			int64_t left = a->claim_renew_at - now_us();
			int t = left > 0 ? (int)(left / 1000) + 1 : 0;

			if (timeout < 0 || t < timeout)
				timeout = t;
		}
		/* Keys read while a page came in are waiting in typeahead, not on stdin. */
		if (a->ntypeahead)
			timeout = 0;
		if (poll(fds, (nfds_t)nfds, timeout) < 0 && errno != EINTR)
			break;
		if (term_take_resize())
			handle_key(a, KEYC_RESIZE);
		if (nfds == 3 && (fds[2].revents & (POLLIN | POLLHUP | POLLERR)) &&
		    store->ops->changes(store) && !a->refresh_pending) {
			a->refresh_pending = true;
			a->refresh_at = now_us() + REFRESH_DELAY_US;
		}
		if (a->refresh_pending && now_us() >= a->refresh_at)
			live_refresh(a);
		renew_claim(a);
		/* Keys waiting are handled before the next paint: holding j does not queue up
		 * frames. */
		while ((key = next_key(a)) >= 0 && !a->quit) {
			int64_t t0 = now_us();

			handle_key(a, key);
			if (a->trace) {
				draw(a);
				app_trace(a, "key", key, t0);
			}
		}
	}
	term_end();
	running_app = NULL;
	store->wait = NULL;
	store->wait_ctx = NULL;
	if (term_quit_signal == SIGHUP || term_quit_signal == SIGTERM)
		status = 1;
	app_free(a);
	return status;
}
