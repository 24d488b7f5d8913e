/* The new-ideas queue, and the detail of an idea that every view shows. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/app.h"

#define LABEL_WIDTH 13

static int area_width(int width)
{
	return width >= 100 ? 18 : width >= 70 ? 14 : 0;
}

static void ideas_heading(struct app *a, int width, struct doc *line)
{
	int aw = area_width(width);

	(void)a;
	doc_newline(line);
	doc_col(line, SLOT_HEADER, _("Idea"), 7, true);
	doc_add(line, SLOT_HEADER, " ");
	doc_col(line, SLOT_HEADER, _("Posted"), 11, false);
	doc_add(line, SLOT_HEADER, " ");
	doc_col(line, SLOT_HEADER, _("Votes"), 5, true);
	doc_add(line, SLOT_HEADER, " ");
	doc_col(line, SLOT_HEADER, _("Title"), width - 26 - (aw ? aw + 1 : 0), false);
	if (aw) {
		doc_add(line, SLOT_HEADER, " ");
		doc_col(line, SLOT_HEADER, _("Area"), aw, false);
	}
}

static void ideas_row(struct app *a, const struct queue_row *r, int width, struct doc *line)
{
	int aw = area_width(width);
	char buf[64], *title;

	doc_newline(line);
	snprintf(buf, sizeof(buf), "%lld", (long long)r->idea_id);
	doc_col(line, SLOT_DIM, buf, 7, true);
	doc_add(line, SLOT_NORMAL, " ");
	fmt_short_time(r->time, buf, sizeof(buf));
	doc_col(line, SLOT_DIM, buf, 11, false);
	doc_add(line, SLOT_NORMAL, " ");
	snprintf(buf, sizeof(buf), "%d", r->votes);
	doc_col(line, SLOT_NORMAL, buf, 5, true);
	doc_add(line, SLOT_NORMAL, " ");
	/* The language is worth a glance when it is not the platform's own. */
	title = r->lang[0] && strcmp(r->lang, "nl") != 0
		? xasprintf("[%s] %s", r->lang, r->title ? r->title : "")
		: xstrdup(r->title ? r->title : "");
	doc_claimed_col(line, r, title, a->filter.status[0] ? status_slot(a, r->status) : SLOT_NORMAL,
			width - 26 - (aw ? aw + 1 : 0));
	free(title);
	if (aw) {
		doc_add(line, SLOT_NORMAL, " ");
		doc_col(line, SLOT_DIM, r->area ? r->area : "", aw, false);
	}
}

/* A title column that says first who else is working on the item. */
void doc_claimed_col(struct doc *line, const struct queue_row *r, const char *text,
		     enum theme_slot slot, int width)
{
	if (r->claimed_by && width > 12) {
		char *who = xasprintf("[%s] ", r->claimed_by);
		int w = text_width(who);

		if (w > width / 2)
			w = width / 2;
		doc_col(line, SLOT_CLAIMED, who, w, false);
		free(who);
		width -= w;
	}
	doc_col(line, slot, text, width, false);
}

/* The inbox: ideas routed to a department and still being handled. */
static void inbox_heading(struct app *a, int width, struct doc *line)
{
	(void)a;
	doc_newline(line);
	doc_col(line, SLOT_HEADER, _("Idea"), 7, true);
	doc_add(line, SLOT_HEADER, " ");
	doc_col(line, SLOT_HEADER, _("Department"), 16, false);
	doc_add(line, SLOT_HEADER, " ");
	doc_col(line, SLOT_HEADER, _("Status"), 14, false);
	doc_add(line, SLOT_HEADER, " ");
	doc_col(line, SLOT_HEADER, _("Title"), width - 40, false);
}

static void inbox_row(struct app *a, const struct queue_row *r, int width, struct doc *line)
{
	char buf[32];
	const struct ref *d = r->department ? ref_find(&a->ref.departments, r->department) : NULL;

	doc_newline(line);
	snprintf(buf, sizeof(buf), "%lld", (long long)r->idea_id);
	doc_col(line, SLOT_DIM, buf, 7, true);
	doc_add(line, SLOT_NORMAL, " ");
	doc_col(line, SLOT_NORMAL, d && d->title ? d->title : r->department, 16, false);
	doc_add(line, SLOT_NORMAL, " ");
	doc_col(line, status_slot(a, r->status), status_title(a, r->status), 14, false);
	doc_add(line, SLOT_NORMAL, " ");
	doc_claimed_col(line, r, r->title ? r->title : "", SLOT_NORMAL, width - 40);
}

/* Decided, not yet told: the decision and when, so the reply can say it. */
static void untold_heading(struct app *a, int width, struct doc *line)
{
	(void)a;
	doc_newline(line);
	doc_col(line, SLOT_HEADER, _("Idea"), 7, true);
	doc_add(line, SLOT_HEADER, " ");
	doc_col(line, SLOT_HEADER, _("Decided"), 11, false);
	doc_add(line, SLOT_HEADER, " ");
	doc_col(line, SLOT_HEADER, _("Decision"), 18, false);
	doc_add(line, SLOT_HEADER, " ");
	doc_col(line, SLOT_HEADER, _("Title"), width - 40, false);
}

static void untold_row(struct app *a, const struct queue_row *r, int width, struct doc *line)
{
	char buf[64];

	doc_newline(line);
	snprintf(buf, sizeof(buf), "%lld", (long long)r->idea_id);
	doc_col(line, SLOT_DIM, buf, 7, true);
	doc_add(line, SLOT_NORMAL, " ");
	fmt_short_time(r->time, buf, sizeof(buf));
	doc_col(line, SLOT_DIM, buf, 11, false);
	doc_add(line, SLOT_NORMAL, " ");
	snprintf(buf, sizeof(buf), "%s: %s", r->reason ? r->reason : "-", status_title(a, r->status));
	doc_col(line, status_slot(a, r->status), buf, 18, false);
	doc_add(line, SLOT_NORMAL, " ");
	doc_claimed_col(line, r, r->title ? r->title : "", SLOT_NORMAL, width - 40);
}

const char *reason_title(const char *code)
{
	if (str_eq(code, "wrong_content"))
		return _("spam or wrong content");
	if (str_eq(code, "inappropriate"))
		return _("inappropriate");
	if (str_eq(code, "other"))
		return _("other");
	if (str_eq(code, "spam"))
		return _("spam");
	if (str_eq(code, "abuse"))
		return _("abuse");
	return code ? code : "-";
}

void detail_signals(struct app *a, const struct flag_line *f, int n, struct doc *out)
{
	char when[64];

	for (int i = 0; i < n; i++) {
		enum theme_slot slot = f[i].resolution ? SLOT_DIM
				     : f[i].machine && f[i].score < 0.8 ? SLOT_FLAG_LOW : SLOT_FLAG_HIGH;

		doc_newline(out);
		fmt_time(a, f[i].at, when, sizeof(when));
		doc_addf(out, SLOT_DIM, "  %s  ", when);
		if (f[i].machine) {
			doc_addf(out, slot, _("machine %s %.2f"), reason_title(f[i].reason), f[i].score);
			if (f[i].detail && *f[i].detail) {
				doc_add(out, SLOT_NORMAL, " (");
				doc_wrap(out, SLOT_NORMAL, f[i].detail, 4);
				doc_add(out, SLOT_NORMAL, ")");
			}
			if (f[i].model)
				doc_addf(out, SLOT_DIM, " %s", f[i].model);
		} else {
			doc_addf(out, slot, _("citizen report: %s"), reason_title(f[i].reason));
			if (f[i].detail && *f[i].detail) {
				doc_add(out, SLOT_NORMAL, " \"");
				doc_wrap(out, SLOT_NORMAL, f[i].detail, 4);
				doc_add(out, SLOT_NORMAL, "\"");
			}
		}
		if (f[i].resolution)
			doc_addf(out, SLOT_DIM, " [%s]", str_eq(f[i].resolution, "confirmed")
				 ? _("confirmed") : _("dismissed"));
	}
}

static int open_signals(const struct flag_line *f, int n, int *reports)
{
	int open = 0;

	*reports = 0;
	for (int i = 0; i < n; i++)
		if (!f[i].resolution) {
			open++;
			if (!f[i].machine)
				(*reports)++;
		}
	return open;
}

void detail_idea_doc(struct app *a, const struct idea_detail *d, struct doc *out)
{
	char buf[512], when[64];
	int reports, open;

	doc_newline(out);
	doc_addf(out, SLOT_DIM, "#%lld ", (long long)d->id);
	doc_wrap(out, SLOT_IDEA_TITLE, d->title, 0);
	doc_field(out, LABEL_WIDTH, _("Status"), status_slot(a, d->status), d->status_title);
	if (d->merged_into_id) {
		snprintf(buf, sizeof(buf), "#%lld %s", (long long)d->merged_into_id,
			 d->merged_into_title ? d->merged_into_title : "");
		doc_field(out, LABEL_WIDTH, _("Merged into"), SLOT_NORMAL, buf);
	}
	if (d->hidden_at) {
		fmt_time(a, d->hidden_at, when, sizeof(when));
		snprintf(buf, sizeof(buf), "%s: %s", when, d->hidden_reason ? d->hidden_reason : "-");
		doc_field(out, LABEL_WIDTH, _("Hidden"), SLOT_HIDDEN, buf);
	}
	if (d->phase)
		snprintf(buf, sizeof(buf), "%s · %s (%s)", d->project ? d->project : "-", d->phase,
			 method_title(d->phase_method));
	else
		snprintf(buf, sizeof(buf), "%s", d->project ? d->project : "-");
	doc_field(out, LABEL_WIDTH, _("Project"), SLOT_NORMAL, buf);
	fmt_time(a, d->created_at, when, sizeof(when));
	snprintf(buf, sizeof(buf), _("%s by %s (%s, %s)"), when,
		 d->author ? d->author : _("unknown"),
		 str_eq(d->source, "offline") ? _("typed in from offline input") : _("online"),
		 d->lang ? d->lang : "?");
	doc_field(out, LABEL_WIDTH, _("Posted"), SLOT_NORMAL, buf);
	if (d->address && *d->address)
		snprintf(buf, sizeof(buf), "%s · %s", d->area ? d->area : "-", d->address);
	else
		snprintf(buf, sizeof(buf), "%s", d->area ? d->area : "-");
	doc_field(out, LABEL_WIDTH, _("Area"), SLOT_NORMAL, buf);
	if (d->assignee)
		snprintf(buf, sizeof(buf), "%s · %s", d->department ? d->department : _("none"), d->assignee);
	else
		snprintf(buf, sizeof(buf), "%s", d->department ? d->department : _("none yet"));
	doc_field(out, LABEL_WIDTH, _("Department"), d->department ? SLOT_NORMAL : SLOT_DIM, buf);
	snprintf(buf, sizeof(buf), P_("%d for, %d against · %d comment", "%d for, %d against · %d comments",
				      d->comments), d->votes_up, d->votes_down, d->comments);
	doc_field(out, LABEL_WIDTH, _("Support"), SLOT_NORMAL, buf);
	if (d->merged_count) {
		snprintf(buf, sizeof(buf), P_("%d citizen with the %d idea merged into it, each once",
					      "%d citizens with the %d ideas merged into it, each once",
					      d->support_up), d->support_up, d->merged_count);
		doc_field(out, LABEL_WIDTH, "", SLOT_NORMAL, buf);
	}
	if (d->claimed_by) {
		snprintf(buf, sizeof(buf), _("%s is working on it"), d->claimed_by);
		doc_field(out, LABEL_WIDTH, _("Claimed"), SLOT_CLAIMED, buf);
	}
	open = open_signals(d->flags, d->nflags, &reports);
	if (d->nflags) {
		snprintf(buf, sizeof(buf), P_("%d open (%d citizen report), %d handled",
					      "%d open (%d citizen reports), %d handled", reports),
			 open, reports, d->nflags - open);
		doc_field(out, LABEL_WIDTH, _("Flags"), open ? SLOT_FLAG_HIGH : SLOT_DIM, buf);
	}
	if (d->author_id && d->author_counts_unknown) {
		doc_field(out, LABEL_WIDTH, _("Author"), SLOT_DIM,
			  _("a: contributions and verdicts"));
	} else if (d->author_id) {
		char ni[16], nc[16];

		/* Counted up to COUNT_CAP, as the queues are. */
		count_text(d->author_ideas, ni, sizeof(ni));
		count_text(d->author_comments, nc, sizeof(nc));
		snprintf(buf, sizeof(buf), _("ideas %s, comments %s, hidden %d · a: contributions and verdicts"),
			 ni, nc, d->author_hidden);
		doc_field(out, LABEL_WIDTH, _("Author"), d->author_hidden ? SLOT_FLAG_LOW : SLOT_DIM, buf);
	}
	doc_newline(out);
	doc_newline(out);
	if (d->body && *d->body)
		doc_wrap(out, SLOT_NORMAL, d->body, 0);
	else
		doc_add(out, SLOT_DIM, _("(no text)"));
	if (d->ndupes) {
		doc_newline(out);
		doc_newline(out);
		doc_add(out, SLOT_HEADER, _("Duplicate candidates"));
		for (int i = 0; i < d->ndupes; i++) {
			const struct dupe_line *l = &d->dupes[i];

			doc_newline(out);
			doc_addf(out, SLOT_SCORE, "  %.2f ", l->score);
			doc_addf(out, SLOT_DIM, "#%lld ", (long long)l->other_id);
			doc_wrap(out, str_eq(l->state, "open") ? SLOT_NORMAL : SLOT_DIM, l->other_title, 8);
			doc_addf(out, SLOT_DIM, " (%s, %s)", l->method ? l->method : "-",
				 str_eq(l->state, "open") ? _("open") : str_eq(l->state, "dismissed")
				 ? _("not a duplicate") : _("merged"));
		}
	}
	if (d->nflags) {
		doc_newline(out);
		doc_newline(out);
		doc_add(out, SLOT_HEADER, _("Signals"));
		detail_signals(a, d->flags, d->nflags, out);
	}
	if (d->nhistory) {
		doc_newline(out);
		doc_newline(out);
		doc_add(out, SLOT_HEADER, _("History"));
		for (int i = 0; i < d->nhistory; i++) {
			const struct audit_line *h = &d->history[i];

			doc_newline(out);
			fmt_time(a, h->at, when, sizeof(when));
			doc_addf(out, SLOT_DIM, "  %s  ", when);
			doc_add(out, h->undone ? SLOT_DIM : SLOT_LABEL, h->actor);
			doc_addf(out, h->undone ? SLOT_DIM : SLOT_NORMAL, ": %s", h->action);
			if (h->summary && *h->summary) {
				doc_add(out, SLOT_NORMAL, " ");
				doc_wrap(out, h->undone ? SLOT_DIM : SLOT_NORMAL, h->summary, 4);
			}
			if (h->justification && *h->justification) {
				doc_add(out, SLOT_DIM, " (");
				doc_wrap(out, SLOT_DIM, h->justification, 4);
				doc_add(out, SLOT_DIM, ")");
			}
			if (h->undone)
				doc_add(out, SLOT_DIM, _(" [undone]"));
		}
	}
	if (d->nfeedback) {
		doc_newline(out);
		doc_newline(out);
		doc_add(out, SLOT_HEADER, _("Official replies"));
		for (int i = 0; i < d->nfeedback; i++) {
			doc_newline(out);
			fmt_time(a, d->feedback[i].at, when, sizeof(when));
			doc_addf(out, SLOT_DIM, "  %s · ", when);
			doc_add(out, SLOT_LABEL, d->feedback[i].signature);
			doc_newline(out);
			doc_add(out, SLOT_NORMAL, "    ");
			doc_wrap(out, SLOT_NORMAL, d->feedback[i].body, 4);
		}
	}
}

static enum status ideas_detail(struct app *a, const struct queue_row *r, int width,
				struct doc *out, int64_t *author, struct err *e)
{
	struct idea_detail d;
	enum status st = a->store->ops->idea(a->store, r->idea_id, &d, e);

	(void)width;
	if (st != ST_OK)
		return st;
	*author = d.author_id;
	detail_idea_doc(a, &d, out);
	idea_detail_free(&d);
	return ST_OK;
}

const struct queue_view_ops view_ideas_ops = {
	.kind = QUEUE_NEW,
	.heading = ideas_heading,
	.row = ideas_row,
	.detail = ideas_detail,
};

const struct queue_view_ops view_inbox_ops = {
	.kind = QUEUE_INBOX,
	.heading = inbox_heading,
	.row = inbox_row,
	.detail = ideas_detail,
};

const struct queue_view_ops view_untold_ops = {
	.kind = QUEUE_UNTOLD,
	.heading = untold_heading,
	.row = untold_row,
	.detail = ideas_detail,
};
