/* The flag queue: ideas and comments with open citizen reports or a machine score, one row
 * per item, the strongest signal first in the detail. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/app.h"

/* The reason column: what fits beside a readable item. */
static int reason_width(int width)
{
	return width >= 100 ? 24 : width >= 70 ? 18 : 12;
}

static void flags_heading(struct app *a, int width, struct doc *line)
{
	int rw = reason_width(width);

	(void)a;
	doc_newline(line);
	doc_col(line, SLOT_HEADER, _("Rep."), 4, true);
	doc_add(line, SLOT_HEADER, " ");
	doc_col(line, SLOT_HEADER, _("Score"), 5, true);
	doc_add(line, SLOT_HEADER, " ");
	doc_col(line, SLOT_HEADER, _("Last flag"), 11, false);
	doc_add(line, SLOT_HEADER, " ");
	doc_col(line, SLOT_HEADER, _("Item"), width - 24 - rw, false);
	doc_add(line, SLOT_HEADER, " ");
	doc_col(line, SLOT_HEADER, _("Reason"), rw, false);
}

static void flags_row(struct app *a, const struct queue_row *r, int width, struct doc *line)
{
	int rw = reason_width(width);
	char buf[64], *item;
	bool strong = r->reports >= 2 || r->score >= 0.8;

	(void)a;
	doc_newline(line);
	/* The web API does not count citizen reports for a moderator: "–", never a 0. */
	if (r->reports < 0)
		snprintf(buf, sizeof(buf), "–");
	else
		snprintf(buf, sizeof(buf), "%d", r->reports);
	doc_col(line, r->reports > 0 ? SLOT_FLAG_HIGH : SLOT_DIM, buf, 4, true);
	doc_add(line, SLOT_NORMAL, " ");
	if (r->score >= 0)
		snprintf(buf, sizeof(buf), "%.2f", r->score);
	else
		snprintf(buf, sizeof(buf), "-");
	doc_col(line, r->score >= 0.8 ? SLOT_FLAG_HIGH : SLOT_FLAG_LOW, buf, 5, true);
	doc_add(line, SLOT_NORMAL, " ");
	fmt_short_time(r->time, buf, sizeof(buf));
	doc_col(line, SLOT_DIM, buf, 11, false);
	doc_add(line, SLOT_NORMAL, " ");
	if (r->kind == ITEM_COMMENT)
		item = xasprintf(_("comment on #%lld: %s"), (long long)r->idea_id, r->text ? r->text : "");
	else
		item = xasprintf("#%lld %s", (long long)r->idea_id, r->title ? r->title : "");
	doc_claimed_col(line, r, item, strong ? SLOT_FLAG_HIGH : SLOT_NORMAL, width - 24 - rw);
	free(item);
	doc_add(line, SLOT_NORMAL, " ");
	/* A report's code reads as words; a machine reason ("spam: links") is shown as given. */
	doc_col(line, SLOT_DIM, r->reason && !strchr(r->reason, ':') ? reason_title(r->reason)
		: r->reason ? r->reason : "", rw, false);
}

static enum status flags_detail(struct app *a, const struct queue_row *r, int width,
				struct doc *out, int64_t *author, struct err *e)
{
	struct flag_detail d;
	char when[64];
	enum status st = a->store->ops->flag_item(a->store, r->kind, r->id, &d, e);

	(void)width;
	if (st != ST_OK)
		return st;
	if (d.kind == ITEM_COMMENT) {
		*author = d.comment_author_id;
		doc_newline(out);
		doc_addf(out, SLOT_HEADER, _("Flagged comment #%lld"), (long long)d.item_id);
		doc_addf(out, SLOT_DIM, _(" on idea #%lld"), (long long)d.idea.id);
		doc_newline(out);
		fmt_time(a, d.comment_at, when, sizeof(when));
		doc_addf(out, SLOT_DIM, _("%s by %s"), when, d.comment_author ? d.comment_author : _("unknown"));
		if (d.comment_hidden) {
			doc_newline(out);
			doc_addf(out, SLOT_HIDDEN, _("Hidden: %s"), d.comment_hidden_reason ? d.comment_hidden_reason : "-");
		}
		doc_newline(out);
		doc_newline(out);
		doc_wrap(out, d.comment_hidden ? SLOT_HIDDEN : SLOT_NORMAL, d.comment, 0);
		doc_newline(out);
		doc_newline(out);
		doc_add(out, SLOT_HEADER, _("Signals"));
		detail_signals(a, d.flags, d.nflags, out);
		doc_newline(out);
		doc_newline(out);
		doc_add(out, SLOT_HEADER, _("The idea it is on"));
		detail_idea_doc(a, &d.idea, out);
	} else {
		*author = d.idea.author_id;
		doc_newline(out);
		doc_addf(out, SLOT_HEADER, _("Flagged idea #%lld"), (long long)d.item_id);
		detail_idea_doc(a, &d.idea, out);
	}
	flag_detail_free(&d);
	return ST_OK;
}

const struct queue_view_ops view_flags_ops = {
	.kind = QUEUE_FLAGS,
	.heading = flags_heading,
	.row = flags_row,
	.detail = flags_detail,
};
