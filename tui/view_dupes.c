/* The duplicate queue: pairs of ideas that may be the same request, shown side by side with
 * the words that differ marked. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diff.h"
#include "core/i18n.h"
#include "core/text.h"
#include "tui/app.h"

static void dupes_heading(struct app *a, int width, struct doc *line)
{
	int half = (width - 13) / 2;

	(void)a;
	doc_newline(line);
	doc_col(line, SLOT_HEADER, _("Score"), 5, true);
	doc_add(line, SLOT_HEADER, "  ");
	doc_col(line, SLOT_HEADER, _("Idea"), half, false);
	doc_add(line, SLOT_HEADER, "   ");
	doc_col(line, SLOT_HEADER, _("Possible duplicate"), width - 10 - half, false);
}

static void dupes_row(struct app *a, const struct queue_row *r, int width, struct doc *line)
{
	int half = (width - 13) / 2;
	char buf[32], *t;

	(void)a;
	doc_newline(line);
	snprintf(buf, sizeof(buf), "%.2f", r->score);
	doc_col(line, SLOT_SCORE, buf, 5, true);
	doc_add(line, SLOT_NORMAL, "  ");
	t = xasprintf("#%lld %s", (long long)r->idea_id, r->title ? r->title : "");
	doc_claimed_col(line, r, t, SLOT_NORMAL, half);
	free(t);
	doc_add(line, SLOT_DIM, " ~ ");
	t = xasprintf("#%lld %s", (long long)r->other_id, r->other_title ? r->other_title : "");
	doc_col(line, SLOT_NORMAL, t, width - 10 - half, false);
	free(t);
}

/* One idea of the pair, its differing words marked, into a column of its own. */
static void one_side(struct app *a, const struct idea_detail *d, const char *title,
		     const struct diff_span *tspans, int ntspans, const char *body,
		     const struct diff_span *bspans, int nbspans, struct doc *out)
{
	char buf[256], when[64];

	doc_newline(out);
	doc_addf(out, SLOT_DIM, "#%lld ", (long long)d->id);
	doc_wrap_diff(out, SLOT_IDEA_TITLE, title, tspans, ntspans, 0);
	doc_newline(out);
	doc_add(out, status_slot(a, d->status), d->status_title ? d->status_title : "-");
	doc_addf(out, SLOT_DIM, " · %s", d->area ? d->area : "-");
	doc_newline(out);
	fmt_time(a, d->created_at, when, sizeof(when));
	snprintf(buf, sizeof(buf), "%s · %s", when, d->author ? d->author : _("unknown"));
	doc_wrap(out, SLOT_DIM, buf, 0);
	doc_newline(out);
	snprintf(buf, sizeof(buf), P_("%d for, %d against · %d comment", "%d for, %d against · %d comments",
				      d->comments), d->votes_up, d->votes_down, d->comments);
	doc_add(out, SLOT_DIM, buf);
	doc_newline(out);
	doc_newline(out);
	if (*body)
		doc_wrap_diff(out, SLOT_NORMAL, body, bspans, nbspans, 0);
	else
		doc_add(out, SLOT_DIM, _("(no text)"));
}

/* Two columns side by side as one doc: left, a bar, right. */
static void merge_columns(const struct doc *l, const struct doc *r, int lw, struct doc *out)
{
	int n = l->n > r->n ? l->n : r->n;

	for (int i = 0; i < n; i++) {
		doc_newline(out);
		if (i < l->n) {
			const struct doc_line *line = &l->lines[i];

			for (int j = 0; j < line->nsegs; j++)
				doc_add(out, line->segs[j].slot, line->segs[j].text);
		}
		{
			char pad[256];
			int w = out->lines[out->n - 1].width;
			int p = lw - w;

			if (p < 0)
				p = 0;
			if (p > 255)
				p = 255;
			memset(pad, ' ', (size_t)p);
			pad[p] = '\0';
			doc_add(out, SLOT_NORMAL, pad);
		}
		doc_add(out, SLOT_BORDER, " | ");
		if (i < r->n) {
			const struct doc_line *line = &r->lines[i];

			for (int j = 0; j < line->nsegs; j++)
				doc_add(out, line->segs[j].slot, line->segs[j].text);
		}
	}
}

static enum status dupes_detail(struct app *a, const struct queue_row *r, int width,
				struct doc *out, int64_t *author, struct err *e)
{
	struct dupe_detail d;
	struct diff_result td, bd;
	char *ta, *tb, *ba, *bb;
	enum status st = a->store->ops->suggestion(a->store, r->id, &d, e);

	if (st != ST_OK)
		return st;
	*author = d.a.author_id;
	doc_newline(out);
	doc_addf(out, SLOT_SCORE, _("Similarity %.2f"), d.score);
	doc_addf(out, SLOT_DIM, _(" · found by %s"), d.method ? d.method : "-");
	if (d.reasons && *d.reasons) {
		doc_newline(out);
		doc_add(out, SLOT_LABEL, _("Why: "));
		doc_wrap(out, SLOT_NORMAL, d.reasons, 8);
	}
	doc_newline(out);
	doc_add(out, SLOT_DIM, _("Words marked are in one idea and not in the other."));
	doc_newline(out);
	ta = text_sanitize(d.a.title, 0);
	tb = text_sanitize(d.b.title, 0);
	ba = text_sanitize(d.a.body, TEXT_KEEP_NEWLINES);
	bb = text_sanitize(d.b.body, TEXT_KEEP_NEWLINES);
	diff_words(ta, tb, &td);
	diff_words(ba, bb, &bd);
	if (width >= 70) {
		int lw = (width - 3) / 2;
		struct doc left, right;

		doc_init(&left, lw);
		doc_init(&right, width - 3 - lw);
		one_side(a, &d.a, ta, td.a, td.na, ba, bd.a, bd.na, &left);
		one_side(a, &d.b, tb, td.b, td.nb, bb, bd.b, bd.nb, &right);
		merge_columns(&left, &right, lw, out);
		doc_free(&left);
		doc_free(&right);
	} else {
		one_side(a, &d.a, ta, td.a, td.na, ba, bd.a, bd.na, out);
		doc_newline(out);
		doc_newline(out);
		one_side(a, &d.b, tb, td.b, td.nb, bb, bd.b, bd.nb, out);
	}
	diff_free(&td);
	diff_free(&bd);
	free(ta);
	free(tb);
	free(ba);
	free(bb);
	dupe_detail_free(&d);
	return ST_OK;
}

const struct queue_view_ops view_dupes_ops = {
	.kind = QUEUE_DUPLICATES,
	.stacked = true,
	.heading = dupes_heading,
	.row = dupes_row,
	.detail = dupes_detail,
};
