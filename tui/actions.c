/* The decisions a moderator takes from the queues: each asks what it needs (pickers, the
 * editor, a preview), then calls the store's action, which validates and audits in one
 * transaction. A refused action says why and loses nothing; a done one can be undone. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/act.h"
#include "core/i18n.h"
#include "core/text.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/editor.h"

static struct act_ctx ctx_of(struct app *a)
{
	struct act_ctx c = { a->store, a->cfg, &a->ref, &a->me };

	return c;
}

static const struct queue_row *current(struct app *a)
{
	return qwin_current(&app_queue(a)->win);
}

static bool idea_queue(enum queue_kind k)
{
	return k == QUEUE_NEW || k == QUEUE_INBOX || k == QUEUE_UNTOLD;
}

/* The idea an action on this row is about, or 0 (a comment, a pair). */
static int64_t row_idea(const struct app *a, const struct queue_row *r)
{
	if (!r)
		return 0;
	if (idea_queue(a->cur) || (a->cur == QUEUE_FLAGS && r->kind == ITEM_IDEA))
		return r->idea_id;
	return 0;
}

/* After an action: what changed shows at once, and the message says what happened. */
static void done(struct app *a)
{
	app_release(a);
	app_refresh(a);
}

/* A store refusal, said plainly; a stale view is read again, as the message promises. */
static void refused(struct app *a, enum status st, struct err *e)
{
	if (st == ST_CANCELLED)
		app_message(a, "%s", e->msg);
	else if (st == ST_FAIL || st == ST_CONNECT)
		app_store_failed(a, e);
	else
		app_error(a, "%s", e->msg);
	if (st == ST_CONFLICT || st == ST_DONE)
		app_refresh(a);
}

/* --- tags ------------------------------------------------------------------------------- */

static bool same_row(const struct queue_row *x, const struct queue_row *y)
{
	return x->id == y->id && x->kind == y->kind;
}

bool ui_is_tagged(const struct app *a, const struct queue_row *r)
{
	const struct tagset *t = &a->q[a->cur].tags;

	for (int i = 0; i < t->n; i++)
		if (same_row(&t->rows[i], r))
			return true;
	return false;
}

void ui_untag_all_of(struct queue_state *q)
{
	for (int i = 0; i < q->tags.n; i++)
		queue_row_free(&q->tags.rows[i]);
	free(q->tags.rows);
	q->tags.rows = NULL;
	q->tags.n = 0;
}

void ui_untag_all(struct app *a)
{
	int n = app_queue(a)->tags.n;

	ui_untag_all_of(app_queue(a));
	app_message(a, P_("%d item untagged.", "%d items untagged.", n), n);
}

void ui_tag(struct app *a)
{
	struct queue_state *q = app_queue(a);
	const struct queue_row *r = current(a);
	struct err e;

	if (!r)
		return;
	for (int i = 0; i < q->tags.n; i++)
		if (same_row(&q->tags.rows[i], r)) {
			queue_row_free(&q->tags.rows[i]);
			q->tags.rows[i] = q->tags.rows[--q->tags.n];
			goto next;
		}
	q->tags.rows = xreallocarray(q->tags.rows, (size_t)q->tags.n + 1, sizeof(*q->tags.rows));
	queue_row_copy(&q->tags.rows[q->tags.n++], r);
next:
	if (qwin_move(&q->win, a->store, &a->filter, 1, app_list_rows(a), &e) != ST_OK)
		app_store_failed(a, &e);
}

/* The items an action is for: the tagged ones, or the selected one. Copies. */
static int targets(struct app *a, bool tagged, struct queue_row **out)
{
	struct queue_state *q = app_queue(a);
	const struct queue_row *r = current(a);

	*out = NULL;
	if (tagged) {
		*out = xcalloc((size_t)q->tags.n + 1, sizeof(**out));
		for (int i = 0; i < q->tags.n; i++)
			queue_row_copy(&(*out)[i], &q->tags.rows[i]);
		return q->tags.n;
	}
	if (!r)
		return 0;
	*out = xcalloc(1, sizeof(**out));
	queue_row_copy(&(*out)[0], r);
	return 1;
}

static void free_targets(struct queue_row *rows, int n)
{
	for (int i = 0; i < n; i++)
		queue_row_free(&rows[i]);
	free(rows);
}

/* --- a batch: one preview, one justification, one transaction per item, a summary ------ */

struct batch_result {
	struct doc summary;
	int ok, failed;
};

static void batch_begin(struct batch_result *b, struct app *a, const char *what)
{
	memset(b, 0, sizeof(*b));
	doc_init(&b->summary, a->lay.full.w);
	doc_newline(&b->summary);
	doc_add(&b->summary, SLOT_HEADER, what);
	doc_newline(&b->summary);
}

static void batch_item(struct batch_result *b, const struct queue_row *r, enum status st,
		       const char *why)
{
	char label[64];

	doc_newline(&b->summary);
	if (r->kind == ITEM_COMMENT)
		snprintf(label, sizeof(label), _("comment %lld"), (long long)r->id);
	else if (r->other_id)
		snprintf(label, sizeof(label), "#%lld ~ #%lld", (long long)r->idea_id, (long long)r->other_id);
	else
		snprintf(label, sizeof(label), "#%lld", (long long)r->idea_id);
	if (st == ST_OK) {
		b->ok++;
		doc_add(&b->summary, SLOT_STATUS_FINAL, _("  done    "));
	} else {
		b->failed++;
		doc_add(&b->summary, SLOT_ERROR, _("  FAILED  "));
	}
	doc_addf(&b->summary, SLOT_DIM, "%-16s ", label);
	doc_wrap(&b->summary, SLOT_NORMAL, r->kind == ITEM_COMMENT && r->text ? r->text
		 : r->title ? r->title : "", 28);
	if (st != ST_OK && why) {
		doc_newline(&b->summary);
		doc_add(&b->summary, SLOT_NORMAL, "                            ");
		doc_wrap(&b->summary, SLOT_ERROR, why, 28);
	}
}

static void batch_end(struct batch_result *b, struct app *a)
{
	char title[128];

	doc_newline(&b->summary);
	doc_newline(&b->summary);
	doc_addf(&b->summary, b->failed ? SLOT_ERROR : SLOT_NORMAL,
		 _("%d done, %d failed. Each item was its own transaction: the failures changed nothing."),
		 b->ok, b->failed);
	snprintf(title, sizeof(title), _(" Summary: %d done, %d failed "), b->ok, b->failed);
	dialog_show(a, title, &b->summary);
	doc_free(&b->summary);
	app_message(a, _("%d done, %d failed."), b->ok, b->failed);
	done(a);
}

/* Show what will happen to every tagged item; ask for one justification for all. Returns
 * NULL when the moderator said no (allocated: free it). */
static char *batch_confirm(struct app *a, const char *what, const struct queue_row *rows, int n)
{
	struct doc d;
	int key;
	char title[160];

	doc_init(&d, a->lay.full.w);
	doc_newline(&d);
	doc_add(&d, SLOT_HEADER, what);
	doc_newline(&d);
	for (int i = 0; i < n; i++) {
		char label[64];

		doc_newline(&d);
		if (rows[i].kind == ITEM_COMMENT)
			snprintf(label, sizeof(label), _("comment %lld"), (long long)rows[i].id);
		else if (rows[i].other_id)
			snprintf(label, sizeof(label), "#%lld ~ #%lld", (long long)rows[i].idea_id,
				 (long long)rows[i].other_id);
		else
			snprintf(label, sizeof(label), "#%lld", (long long)rows[i].idea_id);
		doc_addf(&d, SLOT_DIM, "  %-16s ", label);
		doc_wrap(&d, SLOT_NORMAL, rows[i].kind == ITEM_COMMENT && rows[i].text ? rows[i].text
			 : rows[i].title ? rows[i].title : "", 19);
	}
	snprintf(title, sizeof(title), P_(" %d item ", " %d items ", n), n);
	key = dialog_preview(a, title, &d, _("Apply to all of these? y: yes, n: no"), "yn");
	doc_free(&d);
	if (key != 'y')
		return NULL;
	return dialog_input(a, _("Justification for all (optional, Enter to skip):"), "");
}

/* One action applied to each of rows, after the preview and one justification. */
typedef enum status (*apply_fn)(struct app *a, const struct queue_row *r, const char *why,
				 const void *arg, int64_t *audit, struct err *e);
typedef const char *(*undo_label_fn)(const struct queue_row *r, const void *arg);

static void run_batch(struct app *a, const char *what, const char *done_title,
		      struct queue_row *rows, int n, apply_fn apply, undo_label_fn label,
		      const void *arg)
{
	struct batch_result b;
	char *why = batch_confirm(a, what, rows, n);
	struct err e;

	if (!why)
		return;
	batch_begin(&b, a, done_title);
	for (int i = 0; i < n; i++) {
		int64_t audit;
		enum status st;

		err_clear(&e);
		st = apply(a, &rows[i], why, arg, &audit, &e);
		if (st == ST_OK)
			app_did(a, audit, "%s", label(&rows[i], arg));
		batch_item(&b, &rows[i], st, e.msg);
	}
	ui_untag_all_of(app_queue(a));
	batch_end(&b, a);
	free(why);
}

/* --- merge --------------------------------------------------------------------------- */

static void preview_merge(struct app *a, const struct merge_plan *p, struct doc *d)
{
	const struct merge_preview *v = &p->preview;

	doc_init(d, a->lay.full.w);
	doc_newline(d);
	doc_add(d, SLOT_LABEL, _("Stays:   "));
	doc_addf(d, SLOT_DIM, "#%lld ", (long long)p->keep);
	doc_wrap(d, SLOT_IDEA_TITLE, v->keep_title, 9);
	for (int i = 0; i < v->ntold; i++) {
		doc_newline(d);
		doc_add(d, SLOT_LABEL, i ? "         " : _("Merged:  "));
		doc_addf(d, SLOT_DIM, "#%lld ", (long long)v->told[i].idea_id);
		doc_wrap(d, SLOT_NORMAL, v->told[i].title, 9);
	}
	doc_newline(d);
	doc_newline(d);
	if (v->support_stays) {
		/* The web API: nothing moves, and the preview must not suggest otherwise. */
		doc_addf(d, SLOT_NORMAL, _("Support: this platform cannot move votes or comments. The idea that stays keeps its %d supporters; the %d of the merged ideas stay with them."),
			 v->support_before, v->support_sum - v->support_before);
		doc_newline(d);
		doc_addf(d, SLOT_NORMAL, _("The merged ideas get the status %s and their authors a reply with a link to the idea that stays."),
			 v->merged_status ? v->merged_status : "?");
	} else {
		doc_addf(d, SLOT_NORMAL, _("Support: %d citizens now, %d after the merge."),
			 v->support_before, v->support_after);
	}
	if (!v->support_stays && v->support_sum > v->support_after) {
		doc_newline(d);
		doc_addf(d, SLOT_DIM, P_("(%d supports in all; %d citizen supported more than one of these ideas and counts once.)",
					"(%d supports in all; %d citizens supported more than one of these ideas and count once.)",
					v->support_sum - v->support_after),
			 v->support_sum, v->support_sum - v->support_after);
	}
	doc_newline(d);
	if (!v->support_stays)
		doc_addf(d, SLOT_NORMAL, _("Comments readable from the idea that stays: %d."), v->comments);
	doc_newline(d);
	doc_newline(d);
	if (!p->nreplies) {
		doc_add(d, SLOT_DIM, _("Nobody to tell: the merged ideas have no author on record."));
	}
	for (int i = 0; i < p->nreplies; i++) {
		const char *who = NULL;

		for (int j = 0; j < v->ntold; j++)
			if (v->told[j].idea_id == p->replies[i].idea)
				who = v->told[j].author;
		doc_newline(d);
		doc_addf(d, SLOT_HEADER, _("Told: %s (%s), an official reply on #%lld:"), who ? who : "?",
			 p->replies[i].locale, (long long)p->replies[i].idea);
		doc_newline(d);
		doc_add(d, SLOT_NORMAL, "  ");
		doc_wrap(d, SLOT_NORMAL, p->replies[i].body, 2);
		doc_newline(d);
	}
}

/* Plan, show, and apply a merge; k lets the moderator choose another idea to keep. */
static void merge_ideas(struct app *a, int64_t *ids, int n, int keep_index)
{
	struct act_ctx c = ctx_of(a);
	struct merge_plan plan;
	int64_t *others = xcalloc((size_t)n, sizeof(*others));
	struct err e;
	enum status st;

	for (;;) {
		struct doc d;
		int m = 0, key;

		for (int i = 0; i < n; i++)
			if (i != keep_index)
				others[m++] = ids[i];
		st = act_merge_plan(&c, ids[keep_index], others, m, &plan, &e);
		if (st != ST_OK) {
			refused(a, st, &e);
			break;
		}
		preview_merge(a, &plan, &d);
		key = dialog_preview(a, _(" Merge "), &d,
				     _("y: merge   k: keep another idea   n: cancel"), "ykn");
		doc_free(&d);
		if (key == 'k') {
			const char **labels = xcalloc((size_t)n, sizeof(*labels));
			char **own = xcalloc((size_t)n, sizeof(*own));
			int pick;

			for (int i = 0; i < n; i++) {
				own[i] = xasprintf("#%lld", (long long)ids[i]);
				labels[i] = own[i];
			}
			pick = dialog_pick(a, _("Which idea stays?"), labels, NULL, n, keep_index);
			for (int i = 0; i < n; i++)
				free(own[i]);
			free(own);
			free(labels);
			merge_plan_free(&plan);
			if (pick >= 0)
				keep_index = pick;
			continue;
		}
		if (key == 'y') {
			int64_t audit;

			st = act_merge_apply(&c, &plan, NULL, &audit, &e);
			if (st == ST_OK) {
				app_did(a, audit, _("merge into #%lld"), (long long)plan.keep);
				app_message_undo(a, audit, P_("Merged %d idea into #%lld; %d author told.",
						  "Merged %d ideas into #%lld; %d authors told.", plan.n),
					    plan.n, (long long)plan.keep, plan.nreplies);
				done(a);
			} else {
				refused(a, st, &e);
			}
		} else {
			app_message(a, _("Nothing merged."));
		}
		merge_plan_free(&plan);
		break;
	}
	free(others);
	app_release(a);
}

/* The default idea to keep among ids: most support, else the oldest. */
static int default_keep(struct app *a, const int64_t *ids, int n)
{
	struct idea_detail *d = xcalloc((size_t)n, sizeof(*d));
	struct err e;
	int keep = 0, got = 0;

	for (int i = 0; i < n; i++)
		if (a->store->ops->idea(a->store, ids[i], &d[got], &e) == ST_OK)
			got++;
		else
			break;
	if (got == n)
		keep = act_pick_keep(d, n);
	for (int i = 0; i < got; i++)
		idea_detail_free(&d[i]);
	free(d);
	return keep;
}

void ui_merge(struct app *a, bool tagged)
{
	const struct queue_row *r = current(a);
	int64_t ids[64];
	int n = 0;

	if (tagged) {
		struct tagset *t = &app_queue(a)->tags;

		/* Tagged pairs bring both their ideas; tagged ideas themselves. */
		for (int i = 0; i < t->n && n < 62; i++) {
			int64_t cand[2] = { t->rows[i].idea_id, a->cur == QUEUE_DUPLICATES ? t->rows[i].other_id : 0 };

			for (int k = 0; k < 2; k++) {
				bool seen = !cand[k] || (a->cur == QUEUE_FLAGS && t->rows[i].kind != ITEM_IDEA);

				for (int j = 0; j < n && !seen; j++)
					seen = ids[j] == cand[k];
				if (!seen)
					ids[n++] = cand[k];
			}
		}
		if (n < 2) {
			app_error(a, _("Tag at least two ideas (or a pair) to merge them."));
			return;
		}
	} else if (r && a->cur == QUEUE_DUPLICATES) {
		if (!app_claim(a, ITEM_SUGGESTION, r->id))
			return;
		ids[n++] = r->idea_id;
		ids[n++] = r->other_id;
	} else {
		app_error(a, _("Merge works on a duplicate pair, or on tagged ideas (t, then ; m)."));
		return;
	}
	merge_ideas(a, ids, n, default_keep(a, ids, n));
	if (tagged)
		ui_untag_all_of(app_queue(a));
}

static enum status apply_not_duplicate(struct app *a, const struct queue_row *r, const char *why,
				       const void *arg, int64_t *audit, struct err *e)
{
	(void)arg;
	return a->store->ops->dismiss_suggestion(a->store, r->id, why, audit, e);
}

static const char *label_not_duplicate(const struct queue_row *r, const void *arg)
{
	static char buf[96];

	(void)arg;
	snprintf(buf, sizeof(buf), _("not a duplicate: #%lld ~ #%lld"), (long long)r->idea_id,
		 (long long)r->other_id);
	return buf;
}

void ui_not_duplicate(struct app *a, bool tagged)
{
	struct queue_row *rows;
	int n;
	struct err e;

	if (a->cur != QUEUE_DUPLICATES) {
		app_error(a, _("not-duplicate works in the duplicate queue."));
		return;
	}
	n = targets(a, tagged, &rows);
	if (!n)
		return;
	if (tagged) {
		run_batch(a, _("Mark these pairs as not duplicates:"), _("Not duplicates"), rows, n,
			  apply_not_duplicate, label_not_duplicate, NULL);
	} else {
		int64_t audit;
		enum status st;

		if (!app_claim(a, ITEM_SUGGESTION, rows[0].id)) {
			free_targets(rows, n);
			return;
		}
		st = a->store->ops->dismiss_suggestion(a->store, rows[0].id, NULL, &audit, &e);
		if (st == ST_OK) {
			app_did(a, audit, _("not a duplicate: #%lld ~ #%lld"), (long long)rows[0].idea_id,
				(long long)rows[0].other_id);
			app_message_undo(a, audit, _("#%lld and #%lld are not duplicates; they will not be suggested again."),
				    (long long)rows[0].idea_id, (long long)rows[0].other_id);
			done(a);
		} else {
			refused(a, st, &e);
		}
	}
	free_targets(rows, n);
}

/* --- assign, status --------------------------------------------------------------------- */

/* A department (and optionally a person) from pickers: false when cancelled. The engine's
 * suggestion, when there is one, comes first with its confidence. */
static bool pick_department(struct app *a, int64_t current_dept, int64_t suggested,
			    double confidence, int64_t *dept, int64_t *person)
{
	const struct ref_list *l = &a->ref.departments;
	const char **labels = xcalloc((size_t)l->n + 2, sizeof(*labels));
	const char **hints = xcalloc((size_t)l->n + 2, sizeof(*hints));
	int64_t *ids = xcalloc((size_t)l->n + 2, sizeof(*ids));
	struct staff_line *staff = NULL;
	int nstaff = 0, pick, initial = 0, m = 0;
	char hint[64];
	struct err e;
	const struct ref *sug = suggested ? ref_by_id(l, suggested) : NULL;

	/* The web API of a hosted platform has no departments (and a new database may have
	 * none yet): say so rather than offer an empty list. */
	if (l->n == 0) {
		app_error(a, "%s", _("This platform has no departments to assign ideas to."));
		free(labels);
		free(hints);
		free(ids);
		return false;
	}
	if (sug) {
		snprintf(hint, sizeof(hint), _("suggested, %d%% sure"), (int)(confidence * 100 + 0.5));
		labels[m] = sug->title ? sug->title : sug->code;
		hints[m] = hint;
		ids[m++] = sug->id;
	}
	labels[m] = _("(no department)");
	hints[m] = "";
	ids[m++] = 0;
	for (int i = 0; i < l->n; i++) {
		if (sug && l->v[i].id == sug->id)
			continue;
		labels[m] = l->v[i].title ? l->v[i].title : l->v[i].code;
		hints[m] = l->v[i].code;
		if (l->v[i].id == current_dept && !sug)
			initial = m;
		ids[m++] = l->v[i].id;
	}
	pick = dialog_pick(a, _("Assign to which department?"), labels, hints, m, initial);
	*dept = pick >= 0 ? ids[pick] : 0;
	free(labels);
	free(hints);
	free(ids);
	if (pick < 0)
		return false;
	*person = 0;
	if (!*dept)
		return true;
	if (a->store->ops->staff(a->store, &staff, &nstaff, &e) != ST_OK) {
		app_store_failed(a, &e);
		return false;
	}
	{
		const char **names = xcalloc((size_t)nstaff + 1, sizeof(*names));
		int64_t *people = xcalloc((size_t)nstaff + 1, sizeof(*people));
		int k = 1;

		names[0] = _("(the department as a whole)");
		for (int i = 0; i < nstaff; i++)
			if (staff[i].department_id == *dept) {
				names[k] = staff[i].name;
				people[k++] = staff[i].id;
			}
		pick = k > 1 ? dialog_pick(a, _("And a person within it? (optional)"), names, NULL, k, 0) : 0;
		if (pick > 0)
			*person = people[pick];
		free(names);
		free(people);
	}
	for (int i = 0; i < nstaff; i++)
		free(staff[i].name);
	free(staff);
	return pick >= 0;
}

static const char *dept_title(struct app *a, int64_t id)
{
	const struct ref *d = ref_by_id(&a->ref.departments, id);

	return d ? d->title : _("no department");
}

static enum status apply_assign(struct app *a, const struct queue_row *r, const char *why,
				const void *arg, int64_t *audit, struct err *e)
{
	const int64_t *target = arg;

	return a->store->ops->assign(a->store, r->idea_id, r->version, target[0], target[1], why,
				     audit, e);
}

static const char *label_assign(const struct queue_row *r, const void *arg)
{
	static char buf[64];

	(void)arg;
	snprintf(buf, sizeof(buf), _("assign #%lld"), (long long)r->idea_id);
	return buf;
}

void ui_assign(struct app *a, bool tagged)
{
	struct queue_row *rows;
	int n = targets(a, tagged, &rows);
	const struct ref *current;
	int64_t dept, person, suggested = 0;
	double confidence = 0;
	struct err e;

	if (!n)
		return;
	for (int i = 0; i < n; i++)
		if (!row_idea(a, &rows[i])) {
			app_error(a, _("Only ideas are assigned to a department."));
			free_targets(rows, n);
			return;
		}
	if (!tagged && !app_claim(a, ITEM_IDEA, rows[0].idea_id)) {
		free_targets(rows, n);
		return;
	}
	current = rows[0].department ? ref_find(&a->ref.departments, rows[0].department) : NULL;
	if (!tagged) {
		struct idea_detail d;

		/* The engine's suggestion for this idea, if it made one. */
		if (a->store->ops->idea(a->store, rows[0].idea_id, &d, &e) == ST_OK) {
			suggested = d.suggested_department;
			confidence = d.suggested_confidence;
			idea_detail_free(&d);
		}
	}
	if (pick_department(a, current ? current->id : 0, suggested, confidence, &dept, &person)) {
		if (tagged) {
			char what[256];
			int64_t target[2] = { dept, person };

			snprintf(what, sizeof(what), _("Assign to %s:"), dept_title(a, dept));
			run_batch(a, what, what, rows, n, apply_assign, label_assign, target);
		} else {
			int64_t audit;
			enum status st = a->store->ops->assign(a->store, rows[0].idea_id, rows[0].version, dept,
							     person, NULL, &audit, &e);

			if (st == ST_OK) {
				app_did(a, audit, _("assign #%lld"), (long long)rows[0].idea_id);
				app_message_undo(a, audit, _("Idea #%lld assigned to %s."), (long long)rows[0].idea_id,
					    dept_title(a, dept));
				done(a);
			} else {
				refused(a, st, &e);
			}
		}
	}
	app_release(a);
	free_targets(rows, n);
}

/* A status from a picker; `keep` offers "keep the current status" first. NULL: cancelled;
 * "" for keep. */
static const char *pick_status(struct app *a, const char *title, const char *now, bool keep)
{
	const struct ref_list *l = &a->ref.statuses;
	const char **labels = xcalloc((size_t)l->n + 1, sizeof(*labels));
	const char **keys = xcalloc((size_t)l->n + 1, sizeof(*keys));
	char keep_label[128];
	int m = 0, initial = 0, pick;
	const char *out = NULL;

	if (keep) {
		snprintf(keep_label, sizeof(keep_label), _("Keep the status (%s)"), status_title(a, now));
		labels[m] = keep_label;
		keys[m++] = "";
	}
	for (int i = 0; i < l->n; i++) {
		/* Merged is what a merge does, not a status to pick. */
		if (str_eq(l->v[i].code, "merged"))
			continue;
		if (!keep && str_eq(l->v[i].code, now))
			initial = m;
		labels[m] = l->v[i].title ? l->v[i].title : l->v[i].code;
		keys[m++] = l->v[i].code;
	}
	pick = dialog_pick(a, title, labels, NULL, m, initial);
	if (pick >= 0)
		out = keys[pick];
	free(labels);
	free(keys);
	return out;
}

static enum status apply_status(struct app *a, const struct queue_row *r, const char *why,
				const void *arg, int64_t *audit, struct err *e)
{
	return a->store->ops->set_status(a->store, r->idea_id, r->version, arg, why, audit, e);
}

static const char *label_status(const struct queue_row *r, const void *arg)
{
	static char buf[64];

	(void)arg;
	snprintf(buf, sizeof(buf), _("status of #%lld"), (long long)r->idea_id);
	return buf;
}

void ui_set_status(struct app *a, bool tagged)
{
	struct queue_row *rows;
	int n = targets(a, tagged, &rows);
	const char *status;
	struct err e;

	if (!n)
		return;
	for (int i = 0; i < n; i++)
		if (!row_idea(a, &rows[i])) {
			app_error(a, _("Only ideas have a status."));
			free_targets(rows, n);
			return;
		}
	if (!tagged && !app_claim(a, ITEM_IDEA, rows[0].idea_id)) {
		free_targets(rows, n);
		return;
	}
	status = pick_status(a, _("Which status?"), rows[0].status, false);
	if (status && tagged) {
		char what[256];

		snprintf(what, sizeof(what), _("Set the status to %s:"), status_title(a, status));
		run_batch(a, what, what, rows, n, apply_status, label_status, status);
	} else if (status) {
		int64_t audit;
		enum status st = a->store->ops->set_status(a->store, rows[0].idea_id, rows[0].version, status,
							 NULL, &audit, &e);

		if (st == ST_OK) {
			app_did(a, audit, _("status of #%lld"), (long long)rows[0].idea_id);
			app_message_undo(a, audit, _("Idea #%lld is now %s."), (long long)rows[0].idea_id,
				    status_title(a, status));
			done(a);
		} else {
			refused(a, st, &e);
		}
	}
	app_release(a);
	free_targets(rows, n);
}

/* --- reply ------------------------------------------------------------------------------- */

static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

void ui_reply(struct app *a, bool tagged)
{
	const struct queue_row *r = current(a);
	struct act_ctx c = ctx_of(a);
	struct idea_detail d;
	const char *status;
	char *text = NULL, *signature = NULL;
	struct err e;
	int64_t idea = row_idea(a, r);
	enum status st;

	if (tagged) {
		app_error(a, _("Replies are written one at a time."));
		return;
	}
	if (!idea) {
		app_error(a, _("Select an idea to reply to its author."));
		return;
	}
	if (!app_claim(a, ITEM_IDEA, idea))
		return;
	st = a->store->ops->idea(a->store, idea, &d, &e);
	if (st != ST_OK) {
		refused(a, st, &e);
		app_release(a);
		return;
	}
	if (!d.author_id) {
		app_error(a, _("Idea #%lld has no author on record to reply to."), (long long)idea);
		goto out;
	}
	status = pick_status(a, _("Reply, and change the status?"), d.status, true);
	if (!status)
		goto out;
	text = act_reply_text(&c, &d, *status ? status : d.status, NULL, NULL, NULL);
	signature = act_signature(&c, d.department_signature);
	for (;;) {
		char *edited = NULL;
		struct doc pv;
		char title[160];
		int key;

		st = editor_edit(text, &edited, &e);
		if (st != ST_OK) {
			refused(a, st, &e);
			break;
		}
		free(text);
		text = edited;
		if (blank(text)) {
			app_error(a, _("The reply is empty: nothing was sent."));
			break;
		}
		doc_init(&pv, a->lay.full.w);
		doc_newline(&pv);
		doc_addf(&pv, SLOT_LABEL, _("To:      "));
		doc_addf(&pv, SLOT_NORMAL, _("%s (%s), as an official reply on idea #%lld"),
			 d.author ? d.author : "?", d.author_locale ? d.author_locale : "nl-BE", (long long)d.id);
		doc_newline(&pv);
		doc_add(&pv, SLOT_LABEL, _("Status:  "));
		if (*status && !str_eq(status, d.status))
			doc_addf(&pv, SLOT_NORMAL, "%s -> %s", status_title(a, d.status), status_title(a, status));
		else
			doc_add(&pv, SLOT_NORMAL, status_title(a, d.status));
		doc_newline(&pv);
		doc_add(&pv, SLOT_LABEL, _("Signed:  "));
		doc_add(&pv, SLOT_NORMAL, signature);
		doc_newline(&pv);
		doc_newline(&pv);
		doc_wrap(&pv, SLOT_NORMAL, text, 0);
		snprintf(title, sizeof(title), _(" Reply to #%lld "), (long long)d.id);
		key = dialog_preview(a, title, &pv, _("y: send   e: edit again   n: cancel"), "yen");
		doc_free(&pv);
		if (key == 'e')
			continue;
		if (key == 'y') {
			struct reply rp = { d.id, text, signature, d.author_locale ? d.author_locale : "nl-BE" };
			int64_t audit;

			st = a->store->ops->reply(a->store, d.id, d.version, &rp, *status ? status : NULL, NULL,
						  &audit, &e);
			if (st == ST_OK) {
				app_did(a, audit, _("reply on #%lld"), (long long)d.id);
				app_message_undo(a, audit, _("Reply sent to %s."), d.author ? d.author : "?");
				done(a);
			} else {
				refused(a, st, &e);
			}
		} else {
			app_message(a, _("Nothing was sent."));
		}
		break;
	}
out:
	free(text);
	free(signature);
	idea_detail_free(&d);
	app_release(a);
}

/* --- flags --------------------------------------------------------------------------------- */

/* What a verdict did, for the undo list. */
static const char *verdict_what(const struct queue_row *r, bool confirm)
{
	static char buf[96];

	if (r->kind == ITEM_COMMENT)
		snprintf(buf, sizeof(buf), confirm ? _("hiding comment %lld") : _("the dismissed flag on comment %lld"),
			 (long long)r->id);
	else
		snprintf(buf, sizeof(buf), confirm ? _("hiding idea #%lld") : _("the dismissed flag on idea #%lld"),
			 (long long)r->id);
	return buf;
}

struct verdict_arg {
	bool confirm;
	const char *reason;
};

static enum status apply_verdict(struct app *a, const struct queue_row *r, const char *why,
				 const void *arg, int64_t *audit, struct err *e)
{
	const struct verdict_arg *v = arg;

	return a->store->ops->verdict(a->store, r->kind, r->id, r->version, v->confirm, v->reason, why,
				      audit, e);
}

static const char *label_verdict(const struct queue_row *r, const void *arg)
{
	return verdict_what(r, ((const struct verdict_arg *)arg)->confirm);
}

void ui_verdict(struct app *a, bool confirm, bool tagged)
{
	struct queue_row *rows;
	int n;
	char *reason = NULL;
	struct err e;

	if (a->cur != QUEUE_FLAGS) {
		app_error(a, _("Flags are judged in the flag queue (press 3)."));
		return;
	}
	/* Said before a reason is asked for that could not be used. */
	if (confirm && a->store->without_hiding) {
		app_error(a, _("Hiding flagged content: the platform's web API does not offer this."));
		return;
	}
	n = targets(a, tagged, &rows);
	if (!n)
		return;
	if (!tagged && !app_claim(a, rows[0].kind, rows[0].id)) {
		free_targets(rows, n);
		return;
	}
	if (confirm) {
		/* The author sees this reason: it starts from what the reports said. */
		reason = dialog_input(a, _("Reason the author will see:"),
				      rows[0].reason && !strchr(rows[0].reason, ':') ? reason_title(rows[0].reason)
				      : rows[0].reason ? rows[0].reason : "");
		if (!reason)
			goto out;
		if (blank(reason)) {
			app_error(a, _("A hidden item needs a reason its author can read."));
			goto out;
		}
	}
	if (tagged) {
		struct verdict_arg va = { confirm, reason };

		run_batch(a, confirm ? _("Confirm the flags and hide these items:")
			  : _("Dismiss the flags on these items:"),
			  confirm ? _("Flags confirmed") : _("Flags dismissed"), rows, n, apply_verdict,
			  label_verdict, &va);
	} else {
		int64_t audit;
		enum status st = a->store->ops->verdict(a->store, rows[0].kind, rows[0].id, rows[0].version,
							confirm, reason, NULL, &audit, &e);

		if (st == ST_OK) {
			app_did(a, audit, "%s", verdict_what(&rows[0], confirm));
			app_message_undo(a, audit, confirm ? _("Hidden, with the reason shown to its author.")
				    : _("Flag dismissed: the item stays visible."));
			done(a);
			if (confirm && dialog_confirm(a, false, _("Also block the author?")))
				ui_block_author_of(a, &rows[0]);
		} else {
			refused(a, st, &e);
		}
	}
out:
	free(reason);
	app_release(a);
	free_targets(rows, n);
}

/* The author behind a row (an idea's or a comment's), from the store. */
static int64_t author_of(struct app *a, const struct queue_row *r, char **name)
{
	struct err e;
	int64_t id = 0;

	*name = NULL;
	if (r->kind == ITEM_COMMENT) {
		struct flag_detail fd;

		if (a->store->ops->flag_item(a->store, ITEM_COMMENT, r->id, &fd, &e) == ST_OK) {
			id = fd.comment_author_id;
			*name = fd.comment_author ? xstrdup(fd.comment_author) : NULL;
			flag_detail_free(&fd);
		}
	} else {
		struct idea_detail d;

		if (a->store->ops->idea(a->store, r->idea_id, &d, &e) == ST_OK) {
			id = d.author_id;
			*name = d.author ? xstrdup(d.author) : NULL;
			idea_detail_free(&d);
		}
	}
	return id;
}

void ui_block_author_of(struct app *a, const struct queue_row *r)
{
	char *name, *dur = NULL, *reason = NULL;
	int64_t user = author_of(a, r, &name), secs, audit;
	bool hide;
	struct err e;
	enum status st;

	if (!user) {
		app_error(a, _("This item has no author on record to block."));
		free(name);
		return;
	}
	for (;;) {
		free(dur);
		dur = dialog_input(a, _("Block for how long (7d, 2w, 12h, permanent):"), "7d");
		if (!dur)
			goto out;
		if (act_parse_duration(dur, &secs))
			break;
		app_error(a, _("\"%s\" is not a duration: write 7d, 2w, 12h or permanent."), dur);
	}
	reason = dialog_input(a, _("Reason for the block (the author sees it):"), "");
	if (!reason || blank(reason)) {
		app_error(a, _("A block needs a reason."));
		goto out;
	}
	hide = dialog_confirm(a, false, _("Hide everything %s posted too (shown again when the block ends)?"),
			      name ? name : "?");
	st = a->store->ops->block(a->store, user, secs ? (int64_t)time(NULL) + secs : 0, reason, hide,
				  NULL, &audit, &e);
	if (st == ST_OK) {
		app_did(a, audit, _("block %s"), name ? name : "?");
		app_message_undo(a, audit, _("%s is blocked."), name ? name : "?");
		done(a);
	} else {
		refused(a, st, &e);
	}
out:
	free(dur);
	free(reason);
	free(name);
}

void ui_block(struct app *a, bool tagged)
{
	const struct queue_row *r = current(a);

	if (tagged) {
		app_error(a, _("Authors are blocked one at a time."));
		return;
	}
	if (!r || a->cur == QUEUE_DUPLICATES) {
		app_error(a, _("Select an idea or a flagged item to block its author."));
		return;
	}
	ui_block_author_of(a, r);
}

/* --- undo ---------------------------------------------------------------------------------- */

void ui_undo(struct app *a)
{
	struct undo_entry *u;
	int64_t audit;
	struct err e;
	enum status st;

	if (!a->nundo) {
		app_error(a, _("Nothing to undo in this console."));
		return;
	}
	u = &a->undo[a->nundo - 1];
	if (!dialog_confirm(a, true, _("Undo: %s?"), u->what))
		return;
	st = a->store->ops->undo(a->store, u->audit, NULL, &audit, &e);
	if (st == ST_OK) {
		app_message(a, _("Undone: %s."), u->what);
		a->nundo--;
		done(a);
	} else {
		/* Undone elsewhere already: it leaves this console's list too. */
		if (st == ST_DONE)
			a->nundo--;
		refused(a, st, &e);
	}
}
