/* The timeline: every project as a bar of its phases on one shared time axis, with a line
 * per phase under it, and the project lead's changes to them: make a phase the current one,
 * move its dates, add one, remove one. The database checks every change (overlaps, gaps,
 * end before start) and says why it refused; what the lead typed is kept for the next try. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/act.h"
#include "core/i18n.h"
#include "core/keys.h"
#include "core/text.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/timeline_axis.h"

#define DAY ((int64_t)86400)
/* The past never gets less room than this, so a phase that just ended stays in sight. */
#define PAST_MIN (30 * DAY)
/* Cells between month ticks, so that "Sep" and a space fit. */
#define TICK_MIN_CELLS 5
#define MAX_TICKS 256

/* --- the axis ---------------------------------------------------------------------------------- */

void timeline_axis_fit(const struct tl_interval *iv, int n, int64_t now, int width,
		       struct tl_axis *ax)
{
	int64_t lo = INT64_MAX, hi = INT64_MIN, ahead, clip, span;
	bool open_end = false, live = false;

	ax->width = width > 0 ? width : 1;
	for (int i = 0; i < n; i++) {
		int64_t last = iv[i].end ? iv[i].end : iv[i].start;

		if (iv[i].start < lo)
			lo = iv[i].start;
		if (last > hi)
			hi = last;
		if (!iv[i].end)
			open_end = true;
		if (!iv[i].end || iv[i].end > now)
			live = true;
	}
	if (!n) {
		lo = now;
		hi = now;
	}
	ahead = hi > now ? hi - now : 0;
	clip = now - (ahead > PAST_MIN ? ahead : PAST_MIN);
	/* When everything has ended there is nothing to make room for: all of it is shown. */
	if (live && lo < clip) {
		/* Begin at the first phase boundary after the clip when one comes before now, so
		 * the axis opens on a phase rather than in the middle of one. */
		int64_t snap = INT64_MAX;

		for (int i = 0; i < n; i++) {
			if (iv[i].start >= clip && iv[i].start <= now && iv[i].start < snap)
				snap = iv[i].start;
			if (iv[i].end >= clip && iv[i].end <= now && iv[i].end < snap)
				snap = iv[i].end;
		}
		lo = snap != INT64_MAX ? snap : clip;
	}
	if (hi < now)
		hi = now;
	span = hi - lo > DAY ? hi - lo : DAY;
	if (lo >= now)
		lo = now - (span / 20 > DAY ? span / 20 : DAY);
	/* An open end and now need cells to the right of them to be seen at all. */
	if (open_end || hi == now)
		hi += span / 8 > DAY ? span / 8 : DAY;
	ax->t0 = lo;
	ax->t1 = hi > lo ? hi : lo + DAY;
}

int timeline_axis_col(const struct tl_axis *ax, int64_t t)
{
	int64_t span = ax->t1 - ax->t0;

	if (t < ax->t0)
		return -1;
	if (t >= ax->t1 || span <= 0)
		return ax->width;
	return (int)((t - ax->t0) * ax->width / span);
}

static int clamp_col(const struct tl_axis *ax, int64_t t)
{
	int c = timeline_axis_col(ax, t);

	return c < 0 ? 0 : c > ax->width ? ax->width : c;
}

int timeline_axis_place(const struct tl_axis *ax, const struct tl_interval *iv, int n,
			int64_t now, struct tl_cells *out)
{
	int w = ax->width, *order, prev, limit, nc, run = -1;

	if (n <= 0)
		return now >= ax->t0 && now < ax->t1 ? timeline_axis_col(ax, now) : -1;
	/* Phases of one project never overlap, so by start is also by end; the store gives
	 * them in that order, but the cells must not depend on it. */
	order = xmalloc((size_t)n * sizeof(*order));
	for (int i = 0; i < n; i++) {
		int j = i;

		while (j > 0 && iv[order[j - 1]].start > iv[i].start) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
	for (int i = 0; i < n; i++) {
		out[i].x0 = clamp_col(ax, iv[i].start);
		out[i].x1 = iv[i].end ? clamp_col(ax, iv[i].end) : w;
		if (iv[i].start <= now && (!iv[i].end || now < iv[i].end))
			run = i;
	}
	if (n > w) {
		/* No room for each: one cell each for as many as fit, in order. */
		for (int k = 0; k < n; k++) {
			out[order[k]].x0 = k < w ? k : w;
			out[order[k]].x1 = k < w ? k + 1 : w;
		}
	} else {
		/* Left to right, a phase starts where the one before ended and takes at least a
		 * cell; right to left, it ends where the next begins and fits before the edge. */
		prev = 0;
		for (int k = 0; k < n; k++) {
			struct tl_cells *c = &out[order[k]];

			if (c->x0 < prev)
				c->x0 = prev;
			if (c->x1 < c->x0 + 1)
				c->x1 = c->x0 + 1;
			prev = c->x1;
		}
		limit = w;
		for (int k = n - 1; k >= 0; k--) {
			struct tl_cells *c = &out[order[k]];

			if (c->x1 > limit)
				c->x1 = limit;
			if (c->x0 > c->x1 - 1)
				c->x0 = c->x1 - 1;
			limit = c->x0;
		}
	}
	free(order);
	if (now < ax->t0 || now >= ax->t1)
		return -1;
	nc = timeline_axis_col(ax, now);
	if (run >= 0 && out[run].x1 > out[run].x0) {
		if (nc < out[run].x0)
			nc = out[run].x0;
		if (nc > out[run].x1 - 1)
			nc = out[run].x1 - 1;
	}
	return nc < w ? nc : w - 1;
}

int timeline_axis_layout(const struct tl_interval *iv, int n, int64_t now, int width,
			 struct tl_cells *out)
{
	struct tl_axis ax;

	timeline_axis_fit(iv, n, now, width, &ax);
	return timeline_axis_place(&ax, iv, n, now, out);
}

static int64_t month_start(int year, int month)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = year - 1900;
	tm.tm_mon = month;   /* mktime carries months past 11 into the year */
	tm.tm_mday = 1;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

int timeline_axis_ticks(const struct tl_axis *ax, int min_cells, int64_t *out, int max,
			int *step)
{
	static const int steps[] = { 1, 2, 3, 6, 12, 24, 60, 120 };
	time_t t0 = (time_t)ax->t0;
	struct tm tm;
	int64_t span = ax->t1 - ax->t0;
	int n = 0, s = steps[ARRAY_SIZE(steps) - 1], m;

	/* A month is about 30.44 days: the step is chosen on the average, and ticks that come
	 * out a cell closer than asked in a short month do no harm. */
	for (size_t i = 0; i < ARRAY_SIZE(steps); i++)
		if (span > 0 && (int64_t)steps[i] * 2629746 * ax->width >= (int64_t)min_cells * span) {
			s = steps[i];
			break;
		}
	if (step)
		*step = s;
	if (!localtime_r(&t0, &tm))
		return 0;
	m = (tm.tm_year + 1900) * 12 + tm.tm_mon;
	m -= m % s;
	for (;; m += s) {
		int64_t t = month_start(m / 12, m % 12);

		if (t >= ax->t1 || n >= max)
			break;
		if (t >= ax->t0)
			out[n++] = t;
	}
	return n;
}

/* --- the view's state ---------------------------------------------------------------------------- */

/* A place the cursor can be: a phase, or a project without phases (phase -1), so that a
 * phase can be added to it. */
struct tl_pos {
	int project, phase;
};

/* What the lead typed for a change that was refused, offered again on the next try at the
 * same phase (edit) or project (add). */
struct tl_draft {
	enum action act;   /* ACTION_NONE: nothing kept */
	int64_t target;
	char *title, *method, *start, *end;
};

struct timeline_view {
	struct timeline tl;
	bool loaded, stale, failed;
	bool opened;         /* read once: the cursor has been placed */
	/* A change is being asked about: the timeline under the dialogs stays as it was read,
	 * so the pointers the change holds stay good. */
	bool hold;
	struct tl_pos *pos;
	int npos, cur;
	/* The selection over a reload: by id, or the phase of a project starting at a time
	 * (a phase just added, whose id the store does not return). */
	int64_t sel_project, sel_phase, sel_start;
	int scroll;
	int64_t fixed_now;   /* INSPRAAK_NOW: a clock for tests and demonstrations; 0: none */
	int64_t skew;        /* the database's clock minus ours, as last read */
	struct tl_draft draft;
};

struct timeline_view *timeline_view_new(void)
{
	struct timeline_view *t = xcalloc(1, sizeof(*t));
	const char *fixed = getenv("INSPRAAK_NOW");
	long n;

	t->stale = true;
	if (fixed && str_to_long(fixed, &n) && n > 0)
		t->fixed_now = n;
	return t;
}

static void draft_clear(struct tl_draft *d)
{
	free(d->title);
	free(d->method);
	free(d->start);
	free(d->end);
	memset(d, 0, sizeof(*d));
}

static void draft_keep(struct tl_draft *d, enum action act, int64_t target, const char *title,
		       const char *method, const char *start, const char *end)
{
	draft_clear(d);
	d->act = act;
	d->target = target;
	d->title = title ? xstrdup(title) : NULL;
	d->method = method ? xstrdup(method) : NULL;
	d->start = start ? xstrdup(start) : NULL;
	d->end = end ? xstrdup(end) : NULL;
}

void timeline_view_free(struct timeline_view *t)
{
	if (!t)
		return;
	timeline_free(&t->tl);
	free(t->pos);
	draft_clear(&t->draft);
	free(t);
}

void timeline_view_changed(struct timeline_view *t)
{
	if (t)
		t->stale = true;
}

/* Now, as the database sees it (phases switch on its clock), or the fixed clock. */
static int64_t view_now(const struct timeline_view *t)
{
	return t->fixed_now ? t->fixed_now : (int64_t)time(NULL) + t->skew;
}

static const struct project_timeline *cur_project(const struct timeline_view *t)
{
	return t->npos ? &t->tl.projects[t->pos[t->cur].project] : NULL;
}

static const struct phase_info *cur_phase(const struct timeline_view *t)
{
	const struct tl_pos *p = t->npos ? &t->pos[t->cur] : NULL;

	return p && p->phase >= 0 ? &t->tl.projects[p->project].phases[p->phase] : NULL;
}

static void remember_selection(struct timeline_view *t)
{
	const struct project_timeline *p = cur_project(t);
	const struct phase_info *ph = cur_phase(t);

	t->sel_project = p ? p->id : 0;
	t->sel_phase = ph ? ph->id : 0;
}

static bool runs_at(const struct phase_info *ph, int64_t now)
{
	return ph->start_at <= now && (!ph->end_at || now < ph->end_at);
}

static void build_positions(struct timeline_view *t)
{
	int n = 0, found = -1, in_project = -1;

	free(t->pos);
	t->pos = NULL;
	for (int i = 0; i < t->tl.n; i++)
		n += t->tl.projects[i].nphases ? t->tl.projects[i].nphases : 1;
	t->pos = xcalloc((size_t)n + 1, sizeof(*t->pos));
	t->npos = 0;
	for (int i = 0; i < t->tl.n; i++) {
		const struct project_timeline *p = &t->tl.projects[i];

		for (int j = 0; j < (p->nphases ? p->nphases : 1); j++) {
			struct tl_pos *pos = &t->pos[t->npos];

			pos->project = i;
			pos->phase = p->nphases ? j : -1;
			if (p->id == t->sel_project) {
				if (in_project < 0)
					in_project = t->npos;
				if (p->nphases && (p->phases[j].id == t->sel_phase ||
						   (t->sel_start && p->phases[j].start_at == t->sel_start)))
					found = t->npos;
			}
			t->npos++;
		}
	}
	/* A phase that went away leaves the cursor in its project. */
	t->cur = found >= 0 ? found : in_project >= 0 ? in_project : 0;
	t->sel_start = 0;
	remember_selection(t);
}

static void move_to(struct timeline_view *t, int pos)
{
	if (!t->npos)
		return;
	t->cur = pos < 0 ? 0 : pos >= t->npos ? t->npos - 1 : pos;
	remember_selection(t);
}

static void load(struct app *a, struct timeline_view *t)
{
	struct timeline tl;
	struct err e;

	t->stale = false;
	if (a->store->ops->timeline(a->store, &tl, &e) != ST_OK) {
		t->failed = true;
		app_store_failed(a, &e);
		return;
	}
	timeline_free(&t->tl);
	t->tl = tl;
	t->loaded = true;
	t->failed = false;
	t->skew = tl.now ? tl.now - (int64_t)time(NULL) : 0;
	build_positions(t);
	if (!t->opened) {
		/* Opened for the first time: what runs now is what a lead looks at first. */
		int64_t now = view_now(t);

		t->opened = true;
		for (int i = 0; i < t->npos; i++)
			if (t->pos[i].phase >= 0 &&
			    runs_at(&t->tl.projects[t->pos[i].project].phases[t->pos[i].phase], now)) {
				move_to(t, i);
				break;
			}
	}
}

/* --- words -------------------------------------------------------------------------------------- */

static const char *kind_title(const char *kind)
{
	if (str_eq(kind, "timeline"))
		return _("top-down timeline");
	if (str_eq(kind, "continuous"))
		return _("idea box");
	return kind ? kind : "-";
}

/* What citizens can do once a phase of this method starts, and what stops when it ends. */
static const char *method_starts(const char *method)
{
	if (str_eq(method, "information"))
		return _("citizens can read about the project; they cannot post");
	if (str_eq(method, "ideation"))
		return _("citizens can post ideas, comment on them and vote");
	if (str_eq(method, "proposals"))
		return _("citizens can submit proposals and support them");
	if (str_eq(method, "voting"))
		return _("citizens can vote");
	if (str_eq(method, "survey"))
		return _("citizens can answer the survey");
	if (str_eq(method, "poll"))
		return _("citizens can answer the poll");
	if (str_eq(method, "volunteering"))
		return _("citizens can sign up as volunteers");
	if (str_eq(method, "document_annotation"))
		return _("citizens can comment on the document");
	return _("the phase starts");
}

static const char *method_ends(const char *method)
{
	if (str_eq(method, "information"))
		return _("the information stays readable");
	if (str_eq(method, "ideation"))
		return _("citizens can no longer post ideas; what they posted stays readable");
	if (str_eq(method, "proposals"))
		return _("citizens can no longer submit proposals");
	if (str_eq(method, "voting"))
		return _("voting closes: no more votes are counted");
	if (str_eq(method, "survey"))
		return _("the survey closes");
	if (str_eq(method, "poll"))
		return _("the poll closes");
	if (str_eq(method, "volunteering"))
		return _("citizens can no longer sign up as volunteers");
	if (str_eq(method, "document_annotation"))
		return _("citizens can no longer comment on the document");
	return _("the phase ends");
}

static const char *const method_keys[] = {
	"information", "ideation", "proposals", "voting", "survey", "poll", "volunteering",
	"document_annotation",
};

/* The form a date is typed in, which act_parse_time reads back. */
static void fmt_input(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!t || !localtime_r(&tt, &tm) || !strftime(buf, n, "%Y-%m-%d %H:%M", &tm))
		snprintf(buf, n, "%s", "");
}

static void fmt_local(int64_t t, const char *format, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm) || !strftime(buf, n, format, &tm))
		snprintf(buf, n, "?");
}

/* "01-10-2026 00:00 – 01-01-2027 00:00", in the configured time format. */
static void fmt_range(const struct app *a, int64_t start, int64_t end, char *buf, size_t n)
{
	char s[64], e[64];

	fmt_time(a, start, s, sizeof(s));
	if (end)
		fmt_time(a, end, e, sizeof(e));
	else
		snprintf(e, sizeof(e), "%s", _("open-ended"));
	snprintf(buf, n, "%s – %s", s, e);
}

/* The status line gives this at most half its width: a long title is cut so that the
 * position always shows. */
#define WHERE_TITLE_CELLS 24

void timeline_view_where(struct timeline_view *t, char *buf, size_t n)
{
	const struct project_timeline *p = t ? cur_project(t) : NULL;
	const struct tl_pos *pos = p ? &t->pos[t->cur] : NULL;
	char *clean, *title;

	if (!p) {
		snprintf(buf, n, "%s", t && t->loaded ? _("no projects") : "");
		return;
	}
	clean = text_sanitize(p->title, 0);
	title = text_fit(clean, WHERE_TITLE_CELLS, false);
	if (pos->phase < 0)
		snprintf(buf, n, _("%s · no phases"), title);
	else
		snprintf(buf, n, _("%s · phase %d/%d"), title, pos->phase + 1, p->nphases);
	free(title);
	free(clean);
}

/* --- drawing ------------------------------------------------------------------------------------ */

enum row_kind { ROW_TITLE, ROW_BAR, ROW_DATES, ROW_PHASE, ROW_NO_PHASES, ROW_BLANK };

struct row {
	enum row_kind kind;
	int project, phase;
	int pos;   /* ROW_PHASE, ROW_NO_PHASES: the cursor position it shows */
};

static int build_rows(const struct timeline_view *t, struct row **out)
{
	struct row *rows = xcalloc((size_t)t->tl.n * 4 + (size_t)t->npos + 1, sizeof(*rows));
	int n = 0, pos = 0;

	for (int i = 0; i < t->tl.n; i++) {
		const struct project_timeline *p = &t->tl.projects[i];

		if (i)
			rows[n++] = (struct row){ ROW_BLANK, i, -1, -1 };
		rows[n++] = (struct row){ ROW_TITLE, i, -1, -1 };
		if (!p->nphases) {
			rows[n++] = (struct row){ ROW_NO_PHASES, i, -1, pos++ };
			continue;
		}
		rows[n++] = (struct row){ ROW_BAR, i, -1, -1 };
		rows[n++] = (struct row){ ROW_DATES, i, -1, -1 };
		for (int j = 0; j < p->nphases; j++)
			rows[n++] = (struct row){ ROW_PHASE, i, j, pos++ };
	}
	*out = rows;
	return n;
}

/* The selected phase's line in sight, and its project's title and bar with it when the
 * block fits. */
static void keep_visible(struct timeline_view *t, const struct row *rows, int n, int h)
{
	int sel = -1, title = -1;

	for (int i = 0; i < n; i++) {
		if (rows[i].kind == ROW_TITLE && rows[i].project == t->pos[t->cur].project)
			title = i;
		if (rows[i].pos == t->cur)
			sel = i;
	}
	if (sel < 0)
		return;
	if (sel < t->scroll)
		t->scroll = sel;
	if (sel >= t->scroll + h)
		t->scroll = sel - h + 1;
	if (title >= 0 && sel - title < h && title < t->scroll)
		t->scroll = title;
	if (t->scroll > n - h)
		t->scroll = n - h;
	if (t->scroll < 0)
		t->scroll = 0;
}

static struct tl_interval *intervals(const struct project_timeline *p)
{
	struct tl_interval *iv = xcalloc((size_t)p->nphases + 1, sizeof(*iv));

	for (int i = 0; i < p->nphases; i++) {
		iv[i].start = p->phases[i].start_at;
		iv[i].end = p->phases[i].end_at;
	}
	return iv;
}

static void fit_axis(const struct timeline_view *t, int64_t now, int width, struct tl_axis *ax)
{
	struct tl_interval *all;
	int n = 0;

	for (int i = 0; i < t->tl.n; i++)
		n += t->tl.projects[i].nphases;
	all = xcalloc((size_t)n + 1, sizeof(*all));
	n = 0;
	for (int i = 0; i < t->tl.n; i++)
		for (int j = 0; j < t->tl.projects[i].nphases; j++) {
			all[n].start = t->tl.projects[i].phases[j].start_at;
			all[n++].end = t->tl.projects[i].phases[j].end_at;
		}
	timeline_axis_fit(all, n, now, width, ax);
	free(all);
}

/* Month names on one line and a rule with their ticks under it; now is marked on both. */
static void draw_axis(const struct tl_axis *ax, int64_t now, int y, int x)
{
	int64_t ticks[MAX_TICKS];
	int nt = timeline_axis_ticks(ax, TICK_MIN_CELLS, ticks, MAX_TICKS, NULL);
	int nc = now >= ax->t0 && now < ax->t1 ? timeline_axis_col(ax, now) : -1;
	const char *now_label = _("now");
	int lw = text_width(now_label), lx0 = -1, lx1 = -1, free_at = 0, prev_year = -1;

	if (nc >= 0) {
		/* The label centred over the mark, inside the line. */
		lx0 = nc - (lw - 1) / 2;
		if (lx0 + lw > ax->width)
			lx0 = ax->width - lw;
		if (lx0 < 0)
			lx0 = 0;
		lx1 = lx0 + lw;
	}
	draw_hline(y + 1, x, ax->width, SLOT_BORDER);
	for (int i = 0; i < nt; i++) {
		int c = timeline_axis_col(ax, ticks[i]);
		time_t tt = (time_t)ticks[i];
		struct tm tm;
		char label[64] = "";
		int w;

		if (c < 0 || c >= ax->width)
			continue;
		draw_text(y + 1, x + c, 1, SLOT_BORDER, "┬", false);
		if (!localtime_r(&tt, &tm))
			continue;
		/* The year with the first label and with each January. */
		strftime(label, sizeof(label), prev_year < 0 || tm.tm_year != prev_year ? "%b %Y" : "%b", &tm);
		w = text_width(label);
		if (c < free_at || c + w > ax->width || (lx0 >= 0 && c < lx1 + 1 && c + w + 1 > lx0))
			continue;
		draw_text(y, x + c, w, SLOT_DIM, label, false);
		free_at = c + w + 1;
		prev_year = tm.tm_year;
	}
	if (nc >= 0) {
		draw_text(y, x + lx0, lw, SLOT_NOW, now_label, false);
		draw_text(y + 1, x + nc, 1, SLOT_NOW, "▼", false);
	}
}

static void draw_title(const struct project_timeline *p, int y, int x, int w)
{
	struct doc d;

	doc_init(&d, w);
	doc_newline(&d);
	doc_add(&d, SLOT_IDEA_TITLE, p->title ? p->title : "?");
	doc_addf(&d, SLOT_DIM, " · %s", kind_title(p->kind));
	if (str_eq(p->status, "draft"))
		doc_addf(&d, SLOT_STATUS_NEW, " [%s]", _("draft"));
	else if (str_eq(p->status, "archived"))
		doc_addf(&d, SLOT_STATUS_FINAL, " [%s]", _("archived"));
	draw_doc_line(y, x, w, &d.lines[0], -1);
	doc_free(&d);
}

static enum theme_slot phase_slot(const struct phase_info *ph, int i, bool selected, int64_t now)
{
	if (selected)
		return SLOT_SELECTED;
	if (runs_at(ph, now))
		return SLOT_PHASE_CURRENT;
	return i % 2 ? SLOT_PHASE_ALT : SLOT_PHASE;
}

/* The bar: each phase's cells in its slot, starting with a boundary mark (an arrow when it
 * began before the axis, a thick mark when selected) and its title, with an arrow at the
 * right edge for an open end. The marker for now takes a cell of the running phase; the
 * title goes on whichever side of it has more room, so the marker never cuts a word. */
static void draw_bar(const struct project_timeline *p, const struct tl_axis *ax,
		     const struct tl_cells *cells, int now_col, int sel, int64_t now, int y, int x)
{
	for (int i = 0; i < p->nphases; i++) {
		const struct phase_info *ph = &p->phases[i];
		enum theme_slot slot = phase_slot(ph, i, i == sel, now);
		int x0 = cells[i].x0, x1 = cells[i].x1, tx, tw;
		bool more = !ph->end_at || ph->end_at > ax->t1;
		const char *title = ph->title ? ph->title : "";

		if (x1 <= x0)
			continue;
		draw_text(y, x + x0, x1 - x0, slot, "", true);
		draw_text(y, x + x0, 1, slot, ph->start_at < ax->t0 ? "◀" : i == sel ? "▌" : "│", false);
		if (more && x1 - x0 > 1)
			draw_text(y, x + x1 - 1, 1, slot, "▶", false);
		/* The title's room: after the boundary, before the arrow. */
		tx = x0 + 1;
		tw = x1 - (more && x1 - x0 > 1 ? 1 : 0) - tx;
		if (now_col >= tx && now_col < tx + tw) {
			int before = now_col - tx, after = tx + tw - now_col - 1;

			if (text_width(title) > before && after > before) {
				tx = now_col + 1;
				tw = after;
			} else {
				tw = before;
			}
		}
		if (tw > 0)
			draw_text(y, x + tx, tw, slot, title, false);
	}
	if (now_col >= 0)
		draw_text(y, x + now_col, 1, SLOT_NOW, "┃", false);
}

/* Under the bar: where each phase starts, and where it ends when nothing follows at once. */
static void draw_dates(const struct project_timeline *p, const struct tl_axis *ax,
		       const struct tl_cells *cells, int sel, int y, int x)
{
	int free_at = 0;

	for (int i = 0; i < p->nphases; i++) {
		const struct phase_info *ph = &p->phases[i];
		enum theme_slot slot = i == sel ? SLOT_NORMAL : SLOT_DIM;
		char buf[32];
		int w;

		/* A start off the axis is further away: its year says how far. */
		fmt_local(ph->start_at, ph->start_at >= ax->t0 ? "%d-%m" : "%d-%m-%Y", buf, sizeof(buf));
		w = text_width(buf);
		if (cells[i].x0 >= free_at && cells[i].x0 + w <= ax->width) {
			draw_text(y, x + cells[i].x0, w, slot, buf, false);
			free_at = cells[i].x0 + w + 1;
		}
		if (ph->end_at && ph->end_at < ax->t1 &&
		    (i + 1 == p->nphases || p->phases[i + 1].start_at != ph->end_at)) {
			fmt_local(ph->end_at, "%d-%m", buf, sizeof(buf));
			w = text_width(buf);
			if (cells[i].x1 - w >= free_at) {
				draw_text(y, x + cells[i].x1 - w, w, slot, buf, false);
				free_at = cells[i].x1 + 1;
			}
		}
	}
}

struct phase_cols {
	int title, dates, method, ideas, state;
};

static void phase_columns(struct app *a, const struct timeline_view *t, int w,
			  struct phase_cols *c)
{
	char buf[160];

	memset(c, 0, sizeof(*c));
	c->state = text_width(_("current"));
	for (int i = 0; i < t->tl.n; i++)
		for (int j = 0; j < t->tl.projects[i].nphases; j++) {
			const struct phase_info *ph = &t->tl.projects[i].phases[j];
			int dw, iw;

			fmt_range(a, ph->start_at, ph->end_at, buf, sizeof(buf));
			dw = text_width(buf);
			snprintf(buf, sizeof(buf), P_("%d idea", "%d ideas", ph->ideas), ph->ideas);
			iw = text_width(buf);
			if (dw > c->dates)
				c->dates = dw;
			if (iw > c->ideas)
				c->ideas = iw;
		}
	c->method = w >= 110 ? 19 : 11;
	/* Two leading cells, then the columns with a space or two between them. */
	c->title = w - 2 - c->dates - 2 - c->method - 1 - c->ideas - 1 - c->state - 1;
	if (c->title < 8) {
		c->method = 0;
		c->title = w - 2 - c->dates - 2 - c->ideas - 1 - c->state - 1;
	}
	if (c->title < 4)
		c->title = 4;
	/* On a wide screen the dates stay near the titles rather than across the room. */
	if (c->title > 40)
		c->title = 40;
}

static void draw_phase_line(struct app *a, const struct phase_info *ph, bool selected,
			    int64_t now, const struct phase_cols *c, int y, int x, int w)
{
	struct doc d;
	char buf[160];
	bool running = runs_at(ph, now);
	bool past = ph->end_at && ph->end_at <= now;

	doc_init(&d, w);
	doc_newline(&d);
	doc_add(&d, SLOT_NOW, running ? "▶ " : "  ");
	doc_col(&d, past ? SLOT_DIM : SLOT_NORMAL, ph->title ? ph->title : "", c->title, false);
	doc_add(&d, SLOT_NORMAL, " ");
	fmt_range(a, ph->start_at, ph->end_at, buf, sizeof(buf));
	doc_col(&d, SLOT_DIM, buf, c->dates, false);
	doc_add(&d, SLOT_NORMAL, "  ");
	if (c->method) {
		doc_col(&d, SLOT_LABEL, method_title(ph->method), c->method, false);
		doc_add(&d, SLOT_NORMAL, " ");
	}
	snprintf(buf, sizeof(buf), P_("%d idea", "%d ideas", ph->ideas), ph->ideas);
	doc_col(&d, SLOT_NORMAL, buf, c->ideas, true);
	doc_add(&d, SLOT_NORMAL, " ");
	if (running)
		doc_add(&d, SLOT_STATUS_OPEN, _("current"));
	draw_doc_line(y, x, w, &d.lines[0], selected ? SLOT_SELECTED : -1);
	doc_free(&d);
}

/* The keys of the timeline's own actions as they are bound, or why there are none. */
static void draw_hint(struct app *a, int y, int x, int w)
{
	static const struct { enum action act; const char *what; } acts[] = {
		{ ACTION_SET_PHASE, N_("make current") },
		{ ACTION_EDIT_PHASE, N_("edit dates") },
		{ ACTION_ADD_PHASE, N_("add phase") },
		{ ACTION_REMOVE_PHASE, N_("remove phase") },
	};
	struct sbuf b;

	if (a->me.role < ROLE_PROJECT_LEAD) {
		char msg[256];

		snprintf(msg, sizeof(msg), _("Read only: changing phases needs the role %s."),
			 role_name(ROLE_PROJECT_LEAD));
		draw_text(y, x, w, SLOT_DIM, msg, false);
		return;
	}
	sbuf_init(&b);
	for (size_t i = 0; i < ARRAY_SIZE(acts); i++) {
		int keys[1];
		char name[32];

		if (config_action_keys(a->cfg, MENU_TIMELINE, acts[i].act, keys, 1) < 1)
			continue;
		key_format(keys[0], name, sizeof(name));
		sbuf_addf(&b, "%s%s %s", b.len ? "  " : "", name, _(acts[i].what));
	}
	if (b.s)
		draw_text(y, x, w, SLOT_DIM, b.s, false);
	sbuf_free(&b);
}

void timeline_view_draw(struct app *a, struct timeline_view *t, struct rect r)
{
	int64_t now;
	int x = r.x + 1, w = r.w - 2, body_y, body_h, nrows;
	struct tl_axis ax;
	struct phase_cols cols;
	struct row *rows;
	bool hint = r.h >= 8;

	if ((t->stale || !t->loaded) && !t->hold)
		load(a, t);
	draw_fill(r, SLOT_NORMAL);
	if (!t->loaded) {
		draw_text(r.y + 1, x, w, SLOT_DIM, t->failed
			  ? _("The timeline could not be read (^L tries again).") : _("Reading the timeline…"),
			  false);
		return;
	}
	if (!t->tl.n) {
		draw_text(r.y + 1, x, w, SLOT_DIM, _("There are no projects yet."), false);
		return;
	}
	now = view_now(t);
	fit_axis(t, now, w, &ax);
	draw_axis(&ax, now, r.y, x);
	phase_columns(a, t, r.w - 1, &cols);
	body_y = r.y + 2;
	body_h = r.h - 2 - (hint ? 1 : 0);
	nrows = build_rows(t, &rows);
	keep_visible(t, rows, nrows, body_h);
	for (int i = 0; i < body_h && t->scroll + i < nrows; i++) {
		const struct row *row = &rows[t->scroll + i];
		const struct project_timeline *p = &t->tl.projects[row->project];
		int y = body_y + i, sel = t->pos[t->cur].project == row->project ? t->pos[t->cur].phase : -1;

		switch (row->kind) {
		case ROW_TITLE:
			draw_title(p, y, x, w);
			break;
		case ROW_BAR:
		case ROW_DATES: {
			struct tl_interval *iv = intervals(p);
			struct tl_cells *cells = xcalloc((size_t)p->nphases, sizeof(*cells));
			int nc = timeline_axis_place(&ax, iv, p->nphases, now, cells);

			if (row->kind == ROW_BAR)
				draw_bar(p, &ax, cells, nc, sel, now, y, x);
			else
				draw_dates(p, &ax, cells, sel, y, x);
			free(cells);
			free(iv);
			break;
		}
		case ROW_PHASE:
			draw_phase_line(a, &p->phases[row->phase], row->pos == t->cur, now, &cols,
					y, r.x + 1, r.w - 1);
			break;
		case ROW_NO_PHASES:
			draw_text(y, r.x + 1, r.w - 1, row->pos == t->cur ? SLOT_SELECTED : SLOT_DIM,
				  _("  No phases yet."), true);
			break;
		case ROW_BLANK:
			break;
		}
	}
	if (hint) {
		/* The hint line also says whether there is more above or below. */
		draw_hint(a, r.y + r.h - 1, x, w - 3);
		draw_text(r.y + r.h - 1, r.x + r.w - 3, 2, SLOT_DIM,
			  t->scroll > 0 ? (t->scroll + body_h < nrows ? "↑↓" : "↑ ")
			  : t->scroll + body_h < nrows ? " ↓" : "", false);
	}
	free(rows);
}

/* --- the lead's changes ---------------------------------------------------------------------- */

/* A refusal from the store in its own words; a lost connection is tried again. A sentence
 * longer than the bottom line is shown whole first: the reason is the point. */
static void refused(struct app *a, enum status st, struct err *e, bool kept)
{
	struct doc d;

	if (st == ST_FAIL || st == ST_CONNECT) {
		app_store_failed(a, e);
		return;
	}
	if (text_width(e->msg) > a->lay.message.w) {
		doc_init(&d, a->lay.full.w > 4 ? a->lay.full.w - 4 : 1);
		doc_newline(&d);
		doc_newline(&d);
		doc_add(&d, SLOT_NORMAL, "  ");
		doc_wrap(&d, SLOT_ERROR, e->msg, 2);
		if (kept) {
			doc_newline(&d);
			doc_newline(&d);
			doc_add(&d, SLOT_NORMAL, "  ");
			doc_wrap(&d, SLOT_DIM, _("What you typed is kept: try again to correct it."), 2);
		}
		dialog_show(a, _(" Refused "), &d);
		doc_free(&d);
	}
	app_error(a, "%s", e->msg);
}

/* After a change: read everything again, the queues too (ideas may have lost their phase). */
static void changed(struct app *a, struct timeline_view *t)
{
	t->stale = true;
	app_refresh(a);
}

/* The sentence is too long for the bottom line, so the question comes with it in full, and
 * with what a gap means for citizens. */
static bool leave_gap(struct app *a, const struct err *e)
{
	struct doc d;
	int key;

	doc_init(&d, a->lay.full.w > 4 ? a->lay.full.w - 4 : 1);
	doc_newline(&d);
	doc_newline(&d);
	doc_add(&d, SLOT_NORMAL, "  ");
	doc_wrap(&d, SLOT_FLAG_LOW, e->msg, 2);
	doc_newline(&d);
	doc_newline(&d);
	doc_add(&d, SLOT_NORMAL, "  ");
	doc_wrap(&d, SLOT_NORMAL, _("Between the two phases no phase runs: citizens cannot take "
				     "part until the next one starts."), 2);
	key = dialog_preview(a, _(" A gap in the timeline "), &d, _("Leave the gap? y: yes  n: no"), "yn");
	doc_free(&d);
	return key == 'y';
}

/* One phase's part in the preview: what it means for citizens, its dates before and after. */
static void preview_phase(struct app *a, struct doc *d, const char *what,
			  const struct phase_info *ph, const char *citizens, int64_t start, int64_t end)
{
	char before[160], after[160];

	fmt_range(a, ph->start_at, ph->end_at, before, sizeof(before));
	fmt_range(a, start, end, after, sizeof(after));
	doc_newline(d);
	doc_newline(d);
	doc_add(d, SLOT_NORMAL, "  ");
	doc_addf(d, SLOT_LABEL, what, ph->title ? ph->title : "?");
	doc_addf(d, SLOT_DIM, " (%s): ", method_title(ph->method));
	doc_wrap(d, SLOT_NORMAL, citizens, 4);
	doc_add(d, SLOT_NORMAL, ".");
	doc_newline(d);
	doc_addf(d, SLOT_DIM, "      %s", before);
	doc_newline(d);
	doc_addf(d, SLOT_NORMAL, "    → %s", after);
}

static void set_phase(struct app *a, struct timeline_view *t)
{
	const struct project_timeline *p = cur_project(t);
	const struct phase_info *ph = cur_phase(t), *run = NULL;
	int64_t now = view_now(t), new_end, audit;
	char when[64], range[160], title[300];
	bool early;
	struct doc d;
	struct err e;
	enum status st;
	int key;

	if (!ph) {
		app_error(a, _("This project has no phases yet: add one first."));
		return;
	}
	for (int i = 0; i < p->nphases; i++)
		if (runs_at(&p->phases[i], now))
			run = &p->phases[i];
	if (run == ph) {
		app_message(a, _("\"%s\" is already the current phase."), ph->title);
		return;
	}
	/* As the database does it: a later phase starts early and keeps its end; a phase that
	 * is over runs again from now for as long as it ran before. */
	early = ph->start_at > now;
	new_end = early ? ph->end_at : ph->end_at ? now + (ph->end_at - ph->start_at) : 0;
	fmt_time(a, now, when, sizeof(when));
	doc_init(&d, a->lay.full.w > 2 ? a->lay.full.w - 1 : 1);
	doc_newline(&d);
	doc_newline(&d);
	doc_add(&d, SLOT_NORMAL, "  ");
	doc_wrap(&d, SLOT_IDEA_TITLE, p->title, 2);
	doc_newline(&d);
	doc_newline(&d);
	doc_add(&d, SLOT_NORMAL, "  ");
	doc_addf(&d, SLOT_HEADER, _("At the switch, %s, for citizens:"), when);
	if (run) {
		preview_phase(a, &d, _("\"%s\" ends now"), run, method_ends(run->method),
			      run->start_at, now);
	} else {
		doc_newline(&d);
		doc_newline(&d);
		doc_add(&d, SLOT_DIM, _("  No phase is running now: nothing ends."));
	}
	preview_phase(a, &d, early ? _("\"%s\" starts now") : _("\"%s\" runs again from now"), ph,
		      method_starts(ph->method), now, new_end);
	/* The database refuses to move other phases out of the way: say so before asking. */
	for (int i = 0; i < p->nphases; i++) {
		const struct phase_info *o = &p->phases[i];
		bool before_it = early && o->start_at > now && o->start_at < ph->start_at;
		bool within = !early && o->start_at < (new_end ? new_end : INT64_MAX) &&
			      (!o->end_at || o->end_at > now);

		if (o == ph || o == run || !(before_it || within))
			continue;
		fmt_range(a, o->start_at, o->end_at, range, sizeof(range));
		doc_newline(&d);
		doc_newline(&d);
		doc_add(&d, SLOT_NORMAL, "  ");
		doc_wrap(&d, SLOT_FLAG_HIGH, before_it
			 ? _("A phase comes before it; the switch will be refused until that "
			     "phase is moved or removed:")
			 : _("A phase lies within the new dates; the switch will be refused until "
			     "that phase is moved or removed:"), 2);
		doc_newline(&d);
		doc_addf(&d, SLOT_NORMAL, "    \"%s\" ", o->title ? o->title : "?");
		doc_addf(&d, SLOT_DIM, "%s", range);
	}
	snprintf(title, sizeof(title), _(" Make \"%s\" the current phase "), ph->title);
	key = dialog_preview(a, title, &d, _("Switch now? y: yes  n: no  j/k: scroll"), "yn");
	doc_free(&d);
	if (key != 'y') {
		app_message(a, _("Nothing changed."));
		return;
	}
	st = a->store->ops->phase_set_current(a->store, p->id, ph->id, t->fixed_now, NULL, &audit, &e);
	if (st != ST_OK) {
		refused(a, st, &e, false);
		return;
	}
	app_did(a, audit, _("current phase of %s"), p->title);
	app_message(a, _("\"%s\" is now the current phase of %s."), ph->title, p->title);
	changed(a, t);
}

/* Read a start and an end as typed; false (with the reason said) when they will not do. */
static bool read_dates(struct app *a, int64_t now, const char *start_s, const char *end_s,
		       int64_t *start, int64_t *end)
{
	const char *p = end_s;
	char s[64], e[64];

	if (!act_parse_time(start_s, now, start)) {
		app_error(a, _("\"%s\" is not a date: write 2026-12-01 09:00, 2026-12-01, now or +2d."),
			  start_s);
		return false;
	}
	while (*p == ' ')
		p++;
	*end = 0;
	if (*p && !act_parse_time(p, now, end)) {
		app_error(a, _("\"%s\" is not a date: write 2026-12-01 09:00, 2026-12-01, now or +2d."),
			  end_s);
		return false;
	}
	if (*end && *end <= *start) {
		fmt_time(a, *start, s, sizeof(s));
		fmt_time(a, *end, e, sizeof(e));
		if (*end == *start)
			app_error(a, _("The phase would end as it starts (%s): give a later end."), s);
		else
			app_error(a, _("The end (%s) comes before the start (%s)."), e, s);
		return false;
	}
	return true;
}

static void edit_phase(struct app *a, struct timeline_view *t)
{
	const struct phase_info *ph = cur_phase(t);
	bool kept = ph && t->draft.act == ACTION_EDIT_PHASE && t->draft.target == ph->id;
	char init_start[64], init_end[64], range[160];
	char *start_s = NULL, *end_s = NULL;
	int64_t start, end, audit, id;
	struct err e;
	enum status st;

	if (!ph) {
		app_error(a, _("This project has no phases yet: add one first."));
		return;
	}
	id = ph->id;
	fmt_input(ph->start_at, init_start, sizeof(init_start));
	fmt_input(ph->end_at, init_end, sizeof(init_end));
	if (!(start_s = dialog_input(a, _("Start (YYYY-MM-DD HH:MM):"), kept ? t->draft.start : init_start)))
		goto cancelled;
	if (!(end_s = dialog_input(a, _("End (empty: open-ended):"), kept ? t->draft.end : init_end)))
		goto cancelled;
	if (!read_dates(a, view_now(t), start_s, end_s, &start, &end))
		goto keep;
	if (start == ph->start_at && end == ph->end_at) {
		app_message(a, _("Nothing changed: those are its dates."));
		goto out;
	}
	st = a->store->ops->phase_update(a->store, id, start, end, false, NULL, &audit, &e);
	/* A new gap between two phases, refused unless the lead says it is meant. */
	if (st == ST_GAP) {
		if (!leave_gap(a, &e)) {
			app_message(a, _("Nothing changed: the gap was not left."));
			goto keep;
		}
		st = a->store->ops->phase_update(a->store, id, start, end, true, NULL, &audit, &e);
	}
	if (st != ST_OK) {
		refused(a, st, &e, true);
		goto keep;
	}
	draft_clear(&t->draft);
	fmt_range(a, start, end, range, sizeof(range));
	app_did(a, audit, _("dates of phase %s"), ph->title);
	app_message(a, _("\"%s\" now runs %s."), ph->title, range);
	changed(a, t);
	goto out;
cancelled:
	app_message(a, _("Nothing changed."));
	goto out;
keep:
	draft_keep(&t->draft, ACTION_EDIT_PHASE, id, NULL, NULL, start_s, end_s);
out:
	free(start_s);
	free(end_s);
}

static void add_phase(struct app *a, struct timeline_view *t)
{
	const struct project_timeline *p = cur_project(t);
	bool kept = p && t->draft.act == ACTION_ADD_PHASE && t->draft.target == p->id;
	const char *labels[ARRAY_SIZE(method_keys)];
	char init_start[64], range[160];
	char *title = NULL, *start_s = NULL, *end_s = NULL;
	const char *method = NULL;
	int64_t start, end, audit, after = 0, now = view_now(t);
	int pick, initial = 1;
	struct err e;
	enum status st;

	if (!p)
		return;
	/* A new phase follows the last one, or starts now (after an open-ended one too, which
	 * the lead will have to end first: the database says so). */
	for (int i = 0; i < p->nphases; i++)
		if (!p->phases[i].end_at)
			after = -1;
		else if (after >= 0 && p->phases[i].end_at > after)
			after = p->phases[i].end_at;
	if (after <= 0)
		after = 0;
	fmt_input(after ? after : now, init_start, sizeof(init_start));
	/* Listed by their names in the reader's language, with the database's key beside. */
	for (size_t i = 0; i < ARRAY_SIZE(method_keys); i++) {
		labels[i] = method_title(method_keys[i]);
		if (kept && str_eq(t->draft.method, method_keys[i]))
			initial = (int)i;
	}
	if (!(title = dialog_input(a, _("Title of the new phase:"), kept ? t->draft.title : "")))
		goto cancelled;
	if (!*title) {
		app_error(a, _("A phase needs a title."));
		goto out;
	}
	pick = dialog_pick(a, _("Participation method"), labels, method_keys,
			   (int)ARRAY_SIZE(method_keys), initial);
	if (pick < 0)
		goto cancelled;
	method = method_keys[pick];
	if (!(start_s = dialog_input(a, _("Start (YYYY-MM-DD HH:MM):"), kept ? t->draft.start : init_start)))
		goto cancelled;
	if (!(end_s = dialog_input(a, _("End (empty: open-ended):"), kept ? t->draft.end : "")))
		goto cancelled;
	if (!read_dates(a, now, start_s, end_s, &start, &end))
		goto keep;
	st = a->store->ops->phase_add(a->store, p->id, title, method, start, end, false, NULL,
				      &audit, &e);
	if (st == ST_GAP) {
		if (!leave_gap(a, &e)) {
			app_message(a, _("Nothing changed: the gap was not left."));
			goto keep;
		}
		st = a->store->ops->phase_add(a->store, p->id, title, method, start, end, true, NULL,
					      &audit, &e);
	}
	if (st != ST_OK) {
		refused(a, st, &e, true);
		goto keep;
	}
	draft_clear(&t->draft);
	fmt_range(a, start, end, range, sizeof(range));
	app_did(a, audit, _("add phase %s"), title);
	app_message(a, _("Phase \"%s\" added to %s: %s."), title, p->title, range);
	/* The new phase is selected once it is read back. */
	t->sel_project = p->id;
	t->sel_phase = 0;
	t->sel_start = start;
	changed(a, t);
	goto out;
cancelled:
	app_message(a, _("Nothing changed."));
	goto out;
keep:
	draft_keep(&t->draft, ACTION_ADD_PHASE, p->id, title, method, start_s, end_s);
out:
	free(title);
	free(start_s);
	free(end_s);
}

static void remove_phase(struct app *a, struct timeline_view *t)
{
	const struct phase_info *ph = cur_phase(t);
	int64_t audit;
	struct err e;
	enum status st;
	bool yes;

	if (!ph) {
		app_error(a, _("This project has no phases to remove."));
		return;
	}
	if (ph->ideas)
		yes = dialog_confirm(a, false, P_("Remove \"%s\"? Its %d idea stays, without a phase.",
						  "Remove \"%s\"? Its %d ideas stay, without a phase.",
						  ph->ideas), ph->title, ph->ideas);
	else
		yes = dialog_confirm(a, false, _("Remove \"%s\"? It holds no ideas."), ph->title);
	if (!yes) {
		app_message(a, _("Nothing changed."));
		return;
	}
	st = a->store->ops->phase_delete(a->store, ph->id, NULL, &audit, &e);
	if (st != ST_OK) {
		refused(a, st, &e, false);
		return;
	}
	app_did(a, audit, _("remove phase %s"), ph->title);
	app_message(a, _("Phase \"%s\" removed; its ideas stay."), ph->title);
	changed(a, t);
}

/* --- keys ------------------------------------------------------------------------------------------ */

/* The first position of the project after (dir > 0) or before (dir < 0) the current one. */
static int project_jump(const struct timeline_view *t, int dir)
{
	int p = t->pos[t->cur].project + dir;

	if (p < 0 || p >= t->tl.n)
		return t->cur;
	for (int i = 0; i < t->npos; i++)
		if (t->pos[i].project == p)
			return i;
	return t->cur;
}

bool timeline_view_act(struct app *a, struct timeline_view *t, enum action act)
{
	bool change = act == ACTION_SET_PHASE || act == ACTION_EDIT_PHASE ||
		      act == ACTION_ADD_PHASE || act == ACTION_REMOVE_PHASE;

	if (change && a->me.role < ROLE_PROJECT_LEAD) {
		/* The app checks roles first; this holds should a binding ever slip past. */
		app_error(a, _("Changing phases needs the role %s."), role_name(ROLE_PROJECT_LEAD));
		return true;
	}
	/* Keys typed ahead of the first paint act on the timeline as it will be shown. */
	if ((t->stale || !t->loaded) && !t->hold)
		load(a, t);
	if (change && !t->npos) {
		if (t->loaded)
			app_error(a, _("There are no projects yet."));
		return true;
	}
	switch (act) {
	case ACTION_MOVE_DOWN:
		move_to(t, t->cur + 1);
		return true;
	case ACTION_MOVE_UP:
		move_to(t, t->cur - 1);
		return true;
	case ACTION_PAGE_DOWN:
	case ACTION_PAGE_UP:
		if (t->npos)
			move_to(t, project_jump(t, act == ACTION_PAGE_DOWN ? 1 : -1));
		return true;
	case ACTION_FIRST:
		move_to(t, 0);
		return true;
	case ACTION_LAST:
		move_to(t, t->npos - 1);
		return true;
	case ACTION_REFRESH:
		app_refresh(a);
		t->stale = true;
		clearok(curscr, TRUE);
		app_message(a, _("Reloaded."));
		return true;
	default:
		break;
	}
	if (!change)
		return false;
	t->hold = true;
	if (act == ACTION_SET_PHASE)
		set_phase(a, t);
	else if (act == ACTION_EDIT_PHASE)
		edit_phase(a, t);
	else if (act == ACTION_ADD_PHASE)
		add_phase(a, t);
	else
		remove_phase(a, t);
	t->hold = false;
	return true;
}
