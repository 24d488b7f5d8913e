/* An author's other contributions and what moderators decided about them: one key away from
 * any item, so a moderator judges a post knowing its author's history. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "tui/app.h"

/* An age band rather than a birth year: enough to moderate, less to leak. */
static void age_band(int birth_year, char *buf, size_t n)
{
	time_t now = time(NULL);
	struct tm tm;
	int age, lo;

	if (!birth_year || !localtime_r(&now, &tm)) {
		snprintf(buf, n, "-");
		return;
	}
	age = tm.tm_year + 1900 - birth_year;
	if (age < 18) {
		snprintf(buf, n, _("under 18"));
	} else if (age < 25) {
		snprintf(buf, n, "18-24");
	} else if (age >= 75) {
		snprintf(buf, n, _("75 or older"));
	} else {
		lo = 25 + (age - 25) / 10 * 10;
		snprintf(buf, n, "%d-%d", lo, lo + 9);
	}
}

enum status view_author_build(struct app *a, int64_t user, struct doc *out, char *title,
			      size_t title_len, struct err *e)
{
	struct author_view v;
	char buf[512], when[64], age[32];
	enum status st = a->store->ops->author(a->store, user, &v, e);

	if (st != ST_OK)
		return st;
	snprintf(title, title_len, "%s", v.name ? v.name : "?");
	doc_newline(out);
	doc_addf(out, SLOT_DIM, _("user #%lld "), (long long)v.id);
	doc_add(out, SLOT_IDEA_TITLE, v.name ? v.name : _("(no name)"));
	age_band(v.birth_year, age, sizeof(age));
	fmt_time(a, v.created_at, when, sizeof(when));
	snprintf(buf, sizeof(buf), _("%s · %s · age %s · language %s · since %s"),
		 v.role ? v.role : "-", v.area ? v.area : _("no area"), age,
		 v.locale ? v.locale : "-", when);
	doc_newline(out);
	doc_wrap(out, SLOT_NORMAL, buf, 0);
	snprintf(buf, sizeof(buf), _("ideas %d · comments %d · votes %d · hidden %d · "
				     "reports on their posts: %d confirmed, %d dismissed"),
		 v.ideas, v.comments, v.votes, v.hidden, v.confirmed, v.dismissed);
	doc_newline(out);
	doc_wrap(out, v.hidden || v.confirmed ? SLOT_FLAG_LOW : SLOT_NORMAL, buf, 0);
	if (v.blocked_until && v.blocked_until > (int64_t)time(NULL)) {
		fmt_time(a, v.blocked_until, when, sizeof(when));
		snprintf(buf, sizeof(buf), _("Blocked until %s: %s"), when, v.block_reason ? v.block_reason : "-");
		doc_newline(out);
		doc_wrap(out, SLOT_FLAG_HIGH, buf, 0);
	}
	doc_newline(out);
	doc_newline(out);
	doc_add(out, SLOT_HEADER, v.nitems ? _("Contributions, newest first") : _("No contributions"));
	for (int i = 0; i < v.nitems; i++) {
		const struct contribution *c = &v.items[i];

		doc_newline(out);
		fmt_short_time(c->at, when, sizeof(when));
		doc_col(out, SLOT_DIM, when, 12, false);
		if (c->kind == ITEM_IDEA) {
			doc_addf(out, SLOT_DIM, _("idea    #%-7lld "), (long long)c->id);
			doc_add(out, status_slot(a, c->status), status_title(a, c->status));
			doc_add(out, SLOT_NORMAL, " ");
		} else {
			doc_addf(out, SLOT_DIM, _("comment on #%-7lld "), (long long)c->idea_id);
		}
		if (c->hidden)
			doc_addf(out, SLOT_HIDDEN, _("[hidden: %s] "), c->hidden_reason ? c->hidden_reason : "-");
		if (c->reports_open || c->reports_confirmed || c->reports_dismissed)
			doc_addf(out, SLOT_FLAG_LOW, _("[reports: %d open, %d confirmed, %d dismissed] "),
				 c->reports_open, c->reports_confirmed, c->reports_dismissed);
		doc_wrap(out, c->hidden ? SLOT_HIDDEN : SLOT_NORMAL, c->text, 14);
	}
	author_view_free(&v);
	return ST_OK;
}
