/* The store over the Go Vocal web API (core/store_govocal.c) against the fake server
 * (tests/govocal/fake_govocal.py): the same questions the console asks of the database,
 * answered from the platform, with small API pages so that queues cross page boundaries.
 *
 * One fake for the whole run, started by the process that runs the suite and stopped when it
 * exits; every test resets its state and opens a fresh store. */
#include "config.h"

#include <check.h>
#include <curl/curl.h>
#include <jansson.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/govocal/client.h"
#include "core/i18n.h"
#include "tests/govocal/fakesrv.h"
#include "core/store_govocal.h"

static void fake_start(void)
{
	fakesrv_start("test_store_govocal", true);
}

/* A request to the fake's steering API; the answer's body (allocated). */
static char *steer(const char *method, const char *path, const char *body)
{
	return fakesrv_request(method, path, body);
}

static void faults(const char *json)
{
	free(steer("POST", "/__fake/faults", json));
}

/* A field of a record in /__fake/state, as text ("null" for none). */
static char *fake_state(const char *table, const char *key, const char *field)
{
	char *doc = steer("GET", "/__fake/state", NULL), *r = NULL;
	json_t *root = json_loads(doc, 0, NULL), *t = json_object_get(root, table), *x, *v;
	size_t i;

	json_array_foreach(t, i, x) {
		if (!json_is_string(json_object_get(x, "key")) ||
		    strcmp(json_string_value(json_object_get(x, "key")), key) != 0)
			continue;
		v = json_object_get(x, field);
		r = json_is_string(v) ? strdup(json_string_value(v))
				      : json_dumps(v ? v : json_null(), JSON_ENCODE_ANY);
	}
	json_decref(root);
	free(doc);
	ck_assert_msg(r != NULL, "no %s %s in the fake's state", table, key);
	return r;
}

/* --- a store logged in as Mia, the admin --------------------------------------------------- */

static struct gv_client *gc;
static struct store *st;
static struct filter nofilter;

static void setup(void)
{
	struct gv_opts o = { NULL, NULL, 10000, 1 };
	struct err e;
	char *token;
	int64_t exp;

	fake_start();
	free(steer("POST", "/__fake/reset", "{}"));
	o.base_url = fake_url;
	o.ca_file = fake_ca;
	ck_assert_int_eq(gv_client_new(&o, &gc, &e), ST_OK);
	ck_assert_msg(gv_login(gc, "mia.moderator@testegem.test", "mia-password", &token, &exp,
			       &e) == ST_OK, "login: %s", e.msg);
	gv_set_token(gc, token, exp);
	ck_assert_msg(store_govocal_open(fake_url, fake_ca, token, "nl-BE", &st, &e) == ST_OK,
		      "open: %s", e.msg);
	free(token);
	store_govocal_set_page_size(st, 3);
	memset(&nofilter, 0, sizeof(nofilter));
}

static void teardown(void)
{
	store_close(st);
	st = NULL;
	gv_client_free(gc);
	gc = NULL;
}

/* Every row of a queue, read forward `step` rows at a time. */
static int read_all(enum queue_kind k, const struct filter *f, int step, struct queue_row *out,
		    int max)
{
	struct err e;
	int n = 0;

	for (;;) {
		int got = 0;

		ck_assert_int_le(n + step, max);
		ck_assert_msg(st->ops->page(st, k, f, n ? &out[n - 1].key : NULL, 1, false, step,
					    out + n, &got, &e) == ST_OK, "page: %s", e.msg);
		n += got;
		if (got < step)
			return n;
	}
}

static void rows_free(struct queue_row *r, int n)
{
	for (int i = 0; i < n; i++)
		queue_row_free(&r[i]);
}

/* The number of a row in a queue whose title starts with prefix. */
static int64_t find(enum queue_kind k, const char *prefix)
{
	struct queue_row rows[64];
	int n = read_all(k, &nofilter, 5, rows, 64);
	int64_t id = 0;

	for (int i = 0; i < n; i++)
		if (rows[i].title && strncmp(rows[i].title, prefix, strlen(prefix)) == 0)
			id = rows[i].id;
	rows_free(rows, n);
	ck_assert_msg(id, "no row \"%s\"", prefix);
	return id;
}

static long count(enum queue_kind k)
{
	long c[QUEUE_COUNT];
	struct err e;

	ck_assert_msg(st->ops->counts(st, &nofilter, c, &e) == ST_OK, "counts: %s", e.msg);
	return c[k];
}

/* --- tests ---------------------------------------------------------------------------------- */

START_TEST(whoami_is_the_logged_in_admin)
{
	struct staff me;
	struct err e;

	ck_assert_int_eq(st->ops->whoami(st, &me, &e), ST_OK);
	ck_assert_str_eq(me.name, "Mia Moderator");
	ck_assert_str_eq(me.login, "mia.moderator@testegem.test");
	ck_assert_int_eq(me.role, ROLE_ADMIN);
	ck_assert_int_gt(me.id, 0);
	staff_free(&me);
	ck_assert_int_eq(st->ops->check(st, &e), ST_OK);
	ck_assert_int_ge(st->ops->notify_fd(st), 0);
	ck_assert(!st->ops->changes(st));
	ck_assert_str_eq(st->ops->describe(st) + strlen("Go Vocal "), fake_url + strlen("https://"));
}
END_TEST

START_TEST(counts_come_from_the_platform)
{
	struct gv_statuses sl = { 0 };
	struct gv_idea_query q = { 0 };
	struct gv_moderation_query mq = { NULL, NULL, NULL, 0, NULL, 1 };
	long c[QUEUE_COUNT], want;
	struct err e;

	ck_assert_int_eq(st->ops->counts(st, &nofilter, c, &e), ST_OK);
	ck_assert_int_eq(gv_statuses_list(gc, "ideation", &sl, &e), ST_OK);
	for (size_t i = 0; i < sl.n; i++)
		if (strcmp(sl.v[i].code, "proposed") == 0)
			q.status_id = sl.v[i].id;
	ck_assert_int_eq(gv_ideas_count(gc, &q, &want, &e), ST_OK);
	ck_assert_int_eq(c[QUEUE_NEW], want);
	ck_assert_int_ge(want, 8);
	GV_FREE(&sl);
	ck_assert_int_eq(c[QUEUE_DUPLICATES], -1);
	ck_assert_int_eq(gv_moderations_count(gc, &mq, &want, &e), ST_OK);
	ck_assert_int_eq(c[QUEUE_FLAGS], want);
	ck_assert_int_eq(c[QUEUE_FLAGS], 3); /* ideas 9 and 10, comment 2 */
	ck_assert_int_eq(c[QUEUE_INBOX], 13); /* every published idea is unread at first */
	memset(&q, 0, sizeof(q));
	q.feedback_needed = true;
	ck_assert_int_eq(gv_ideas_count(gc, &q, &want, &e), ST_OK);
	ck_assert_int_eq(c[QUEUE_UNTOLD], want);
}
END_TEST

START_TEST(new_ideas_page_across_api_pages)
{
	struct gv_statuses sl = { 0 };
	struct gv_idea_query q = { 0 };
	struct gv_page pg = { 1, 100 };
	struct gv_ideas all = { 0 };
	struct queue_row rows[64], back[8], hit;
	struct err e;
	int n, got;
	long pos;

	/* 4 rows at a time over API pages of 3: every step crosses a page boundary. */
	n = read_all(QUEUE_NEW, &nofilter, 4, rows, 64);
	ck_assert_int_eq(gv_statuses_list(gc, "ideation", &sl, &e), ST_OK);
	for (size_t i = 0; i < sl.n; i++)
		if (strcmp(sl.v[i].code, "proposed") == 0)
			q.status_id = sl.v[i].id;
	q.sort = "new";
	ck_assert_int_eq(gv_ideas_list(gc, &q, pg, &all, &e), ST_OK);
	ck_assert_int_eq(n, (int)all.n);
	ck_assert_int_eq(n, count(QUEUE_NEW));
	for (int i = 0; i < n; i++) {
		ck_assert_str_eq(rows[i].title, gv_multiloc_get(&all.v[i].title, "nl-BE"));
		ck_assert_str_eq(rows[i].status, "proposed");
		for (int j = 0; j < i; j++)
			ck_assert_int_ne(rows[i].id, rows[j].id);
	}
	GV_FREE(&all);
	GV_FREE(&sl);

	/* Backwards from the last row, and positions. */
	ck_assert_int_eq(st->ops->page(st, QUEUE_NEW, &nofilter, &rows[n - 1].key, -1, false, 4,
				       back, &got, &e), ST_OK);
	ck_assert_int_eq(got, 4);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(back[i].id, rows[n - 5 + i].id);
	rows_free(back, got);
	ck_assert_int_eq(st->ops->page(st, QUEUE_NEW, &nofilter, NULL, -1, false, 2, back, &got, &e),
			 ST_OK);
	ck_assert_int_eq(got, 2);
	ck_assert_int_eq(back[1].id, rows[n - 1].id);
	rows_free(back, got);
	ck_assert_int_eq(st->ops->page(st, QUEUE_NEW, &nofilter, &rows[4].key, 1, true, 1, back, &got,
				       &e), ST_OK);
	ck_assert_int_eq(back[0].id, rows[4].id);
	rows_free(back, got);
	ck_assert_int_eq(st->ops->position(st, QUEUE_NEW, &nofilter, &rows[5].key, &pos, &e), ST_OK);
	ck_assert_int_eq(pos, 5);

	/* Search: forward from the first row, case and accents ignored. */
	ck_assert_int_eq(st->ops->search(st, QUEUE_NEW, &nofilter, &rows[0].key, 1, "CAFÉ", &hit,
					 &e), ST_OK);
	ck_assert_ptr_nonnull(strstr(hit.title, "Café"));
	queue_row_free(&hit);
	ck_assert_int_eq(st->ops->search(st, QUEUE_NEW, &nofilter, NULL, 1, "no such words", &hit,
					 &e), ST_NOT_FOUND);
	rows_free(rows, n);
}
END_TEST

START_TEST(the_next_page_is_fetched_ahead)
{
	struct queue_row rows[8];
	struct err e;
	int got;
	int64_t t0;

	faults("{\"latency_ms\": 300}");
	ck_assert_int_eq(st->ops->page(st, QUEUE_NEW, &nofilter, NULL, 1, false, 3, rows, &got, &e),
			 ST_OK);
	ck_assert_int_eq(got, 3);
	usleep(800 * 1000);
	t0 = now_us();
	ck_assert_int_eq(st->ops->page(st, QUEUE_NEW, &nofilter, &rows[2].key, 1, false, 3, rows + 3,
				       &got, &e), ST_OK);
	ck_assert_int_eq(got, 3);
	ck_assert_msg(now_us() - t0 < 200000, "the next page waited %lld ms",
		      (long long)((now_us() - t0) / 1000));
	ck_assert_int_ne(rows[3].id, rows[2].id);
	rows_free(rows, 6);
	faults("{\"latency_ms\": 0}");
}
END_TEST

START_TEST(idea_detail_then_a_status_change)
{
	int64_t id = find(QUEUE_NEW, "Meer fietsenstallingen");
	long before = count(QUEUE_NEW);
	struct idea_detail d;
	int64_t audit;
	struct err e;
	char *s;

	ck_assert_int_eq(st->ops->idea(st, id, &d, &e), ST_OK);
	ck_assert_str_eq(d.title, "Meer fietsenstallingen aan het station");
	ck_assert_str_eq(d.status, "proposed");
	ck_assert_str_eq(d.status_title, "Nieuw");
	ck_assert_str_eq(d.project, "Herinrichting Marktplein");
	ck_assert_str_eq(d.author, "An Peeters");
	ck_assert_str_eq(d.author_first_name, "An");
	ck_assert_ptr_nonnull(strstr(d.body, "overdekte fietsenstalling"));
	ck_assert_int_eq(d.votes_up, 4);
	ck_assert_int_eq(d.nfeedback, 0);
	idea_detail_free(&d);

	ck_assert_msg(st->ops->set_status(st, id, 0, "under_consideration", NULL, &audit, &e) == ST_OK,
		      "set_status: %s", e.msg);
	ck_assert_int_eq(st->ops->idea(st, id, &d, &e), ST_OK);
	ck_assert_str_eq(d.status, "under_consideration");
	idea_detail_free(&d);
	s = fake_state("ideas", "idea:1", "status");
	ck_assert_str_eq(s, "idea_status:under_consideration");
	free(s);
	ck_assert_int_eq(count(QUEUE_NEW), before - 1);

	ck_assert_int_eq(st->ops->set_status(st, id, 0, "no_such_status", NULL, &audit, &e),
			 ST_INVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "no_such_status"));
	ck_assert_int_eq(st->ops->idea(st, 999999, &d, &e), ST_NOT_FOUND);
}
END_TEST

/* After a change the console reads on from the row it had selected, which may have left. */
START_TEST(a_row_that_left_the_queue_is_passed_over)
{
	struct queue_row rows[32], next[3];
	int64_t audit;
	struct err e;
	int n, got;
	long pos;

	n = read_all(QUEUE_NEW, &nofilter, 4, rows, 32);
	ck_assert_int_ge(n, 6);
	ck_assert_int_eq(st->ops->set_status(st, rows[4].id, 0, "rejected", NULL, &audit, &e), ST_OK);
	ck_assert_int_eq(st->ops->page(st, QUEUE_NEW, &nofilter, &rows[4].key, 1, true, 3, next,
				       &got, &e), ST_OK);
	ck_assert_int_eq(got, 3);
	ck_assert_int_eq(next[0].id, rows[5].id);
	rows_free(next, got);
	ck_assert_int_eq(st->ops->page(st, QUEUE_NEW, &nofilter, &rows[4].key, -1, true, 3, next,
				       &got, &e), ST_OK);
	ck_assert_int_eq(got, 3);
	ck_assert_int_eq(next[2].id, rows[3].id);
	rows_free(next, got);
	ck_assert_int_eq(st->ops->position(st, QUEUE_NEW, &nofilter, &rows[4].key, &pos, &e), ST_OK);
	ck_assert_int_eq(pos, 4);
	ck_assert_int_eq(st->ops->position(st, QUEUE_NEW, &nofilter, &rows[5].key, &pos, &e), ST_OK);
	ck_assert_int_eq(pos, 4);
	rows_free(rows, n);
}
END_TEST

START_TEST(a_reply_is_posted_as_official_feedback)
{
	int64_t id = find(QUEUE_NEW, "Bankjes op het Marktplein");
	struct reply r = { id, "Bedankt voor uw idee.\n\nWe bekijken <dit> & meer.",
			   "Dienst Mobiliteit", "nl-BE" };
	struct idea_detail d;
	int64_t audit;
	struct err e;

	ck_assert_msg(st->ops->reply(st, id, 0, &r, "viewed", NULL, &audit, &e) == ST_OK,
		      "reply: %s", e.msg);
	ck_assert_int_eq(st->ops->idea(st, id, &d, &e), ST_OK);
	ck_assert_int_eq(d.nfeedback, 1);
	ck_assert_str_eq(d.feedback[0].signature, "Dienst Mobiliteit");
	ck_assert_str_eq(d.feedback[0].body, "Bedankt voor uw idee.\n\nWe bekijken <dit> & meer.");
	ck_assert_str_eq(d.status, "viewed");
	idea_detail_free(&d);

	/* Without a signature the platform refuses it, in words. */
	r.signature = "";
	ck_assert_int_eq(st->ops->reply(st, id, 0, &r, NULL, NULL, &audit, &e), ST_INVALID);
	ck_assert_msg(e.msg[0], "no message");
}
END_TEST

START_TEST(a_flag_is_dismissed)
{
	int64_t id = find(QUEUE_FLAGS, "Goedkope leningen");
	long before = count(QUEUE_FLAGS);
	struct flag_detail d;
	int64_t audit;
	struct err e;
	bool spam = false;
	int reports = 0;
	char *s;

	ck_assert_msg(st->ops->flag_item(st, ITEM_IDEA, id, &d, &e) == ST_OK, "flag_item: %s", e.msg);
	ck_assert_str_eq(d.idea.title, "Goedkope leningen!!! Bel 0470 12 34 56");
	for (int i = 0; i < d.nflags; i++) {
		spam = spam || (d.flags[i].machine && strcmp(d.flags[i].reason, "spam") == 0);
		reports += !d.flags[i].machine;
	}
	ck_assert(spam);
	ck_assert_int_eq(reports, 2);
	flag_detail_free(&d);

	ck_assert_int_eq(st->ops->verdict(st, ITEM_IDEA, id, 0, true, "spam", NULL, &audit, &e),
			 ST_INVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "does not offer"));
	ck_assert_msg(st->ops->verdict(st, ITEM_IDEA, id, 0, false, NULL, NULL, &audit, &e) == ST_OK,
		      "dismiss: %s", e.msg);
	ck_assert_int_eq(count(QUEUE_FLAGS), before - 1);
	s = fake_state("flags", "inappropriate_content_flag:idea:9", "deleted_at");
	ck_assert_str_ne(s, "null");
	free(s);

	/* A flagged comment: its text and the idea it is on. */
	id = 0;
	{
		struct queue_row rows[16];
		int n = read_all(QUEUE_FLAGS, &nofilter, 4, rows, 16);

		for (int i = 0; i < n; i++)
			if (rows[i].kind == ITEM_COMMENT)
				id = rows[i].id;
		rows_free(rows, n);
	}
	ck_assert_int_gt(id, 0);
	ck_assert_int_eq(st->ops->flag_item(st, ITEM_COMMENT, id, &d, &e), ST_OK);
	ck_assert_ptr_nonnull(strstr(d.comment, "idioten"));
	ck_assert_str_eq(d.idea.title, "Meer fietsenstallingen aan het station");
	flag_detail_free(&d);
}
END_TEST

START_TEST(phases_are_added_and_overlaps_refused_in_words)
{
	struct refdata ref;
	struct timeline t;
	const struct ref *p;
	int64_t audit, phase = 0;
	struct err e;
	int before = 0;
	struct tm tm = { 0 };

	ck_assert_int_eq(st->ops->refdata(st, &ref, &e), ST_OK);
	ck_assert_int_eq(ref.departments.n, 0);
	ck_assert_ptr_nonnull(ref_find(&ref.statuses, "proposed"));
	ck_assert_ptr_nonnull(ref_find(&ref.statuses, "already_planned"));
	p = ref_find(&ref.projects, "marktplein");
	ck_assert_ptr_nonnull(p);
	for (int i = 0; i < ref.phases.n; i++)
		before += ref.phases.v[i].parent == p->id;
	ck_assert_int_eq(before, 3);

	/* A month after the design phase, which ends on 1 April 2027: the platform would take
	 * the gap; the console asks first, as on the database. */
	tm.tm_year = 127;
	tm.tm_mon = 4;
	tm.tm_mday = 1;
	ck_assert_int_eq(st->ops->phase_add(st, p->id, "Uitvoering", "information", timegm(&tm),
					    timegm(&tm) + 90 * 86400, false, NULL, &audit, &e),
			 ST_GAP);
	ck_assert_msg(strstr(e.msg, "There would be a gap between \"Ontwerp\" (") &&
		      strstr(e.msg, ") and \"Uitvoering\" ("), "%s", e.msg);
	ck_assert_msg(st->ops->phase_add(st, p->id, "Uitvoering", "information", timegm(&tm),
					 timegm(&tm) + 90 * 86400, true, NULL, &audit, &e) == ST_OK,
		      "phase_add: %s", e.msg);
	ck_assert_int_eq(st->ops->timeline(st, &t, &e), ST_OK);
	for (int i = 0; i < t.n; i++)
		if (t.projects[i].id == p->id) {
			ck_assert_int_eq(t.projects[i].nphases, 4);
			ck_assert_str_eq(t.projects[i].phases[3].title, "Uitvoering");
			ck_assert_int_eq(t.projects[i].phases[3].start_at, timegm(&tm));
			phase = t.projects[i].phases[3].id;
		}
	timeline_free(&t);
	ck_assert_int_gt(phase, 0);

	/* On top of the ideas phase: refused, with a sentence. */
	tm.tm_year = 126;
	tm.tm_mon = 10;
	ck_assert_int_eq(st->ops->phase_add(st, p->id, "Dubbel", "ideation", timegm(&tm),
					    timegm(&tm) + 10 * 86400, false, NULL, &audit, &e),
			 ST_INVALID);
	ck_assert_msg(strlen(e.msg) > 20 && !strstr(e.msg, "has_other_overlapping_phases"),
		      "not a sentence: %s", e.msg);

	/* Moving it further keeps the gap it had: that is not a new one. */
	ck_assert_msg(st->ops->phase_update(st, phase, timegm(&tm) + 200 * 86400, 0, false, NULL,
					    &audit, &e) == ST_OK, "phase_update: %s", e.msg);
	ck_assert_msg(st->ops->phase_delete(st, phase, NULL, &audit, &e) == ST_OK,
		      "phase_delete: %s", e.msg);
	refdata_free(&ref);
}
END_TEST

/* A merge where the platform has none: the merged idea's status and its author's reply;
 * the preview says that support stays where it is. */
START_TEST(a_merge_is_a_status_and_a_reply)
{
	int64_t keep = find(QUEUE_NEW, "Meer fietsenstallingen"), gone = find(QUEUE_NEW, "Fietsenstalling bij");
	struct reply r = { gone, "Zie het andere idee.", "Dienst Mobiliteit", "nl-BE" };
	struct merge_preview mp;
	int64_t audit = -1;
	struct err e;
	char *v;

	ck_assert(st->merge_by_status);
	ck_assert_msg(st->ops->merge_preview(st, keep, &gone, 1, &mp, &e) == ST_OK, "preview: %s", e.msg);
	ck_assert(mp.support_stays);
	ck_assert_str_eq(mp.merged_status, "Samengevoegd");
	ck_assert_int_eq(mp.support_before, 4);
	ck_assert_int_eq(mp.support_after, 4);
	ck_assert_int_eq(mp.support_sum, 6);
	ck_assert_int_eq(mp.ntold, 1);
	ck_assert_int_eq(mp.told[0].idea_id, gone);
	ck_assert_str_eq(mp.told[0].first_name, "Bart");
	merge_preview_free(&mp);
	ck_assert_msg(st->ops->merge(st, keep, &gone, (int[]){ 0 }, 1, &r, 1, NULL, &audit, &e) == ST_OK,
		      "merge: %s", e.msg);
	ck_assert_int_eq(audit, 0);
	v = fake_state("ideas", "idea:2", "status");
	ck_assert_str_eq(v, "idea_status:merged");
	free(v);
	v = fake_state("ideas", "idea:1", "status");
	ck_assert_str_eq(v, "idea_status:proposed");
	free(v);
	v = fake_state("official_feedback", "official_feedback:101", "idea");
	ck_assert_str_eq(v, "idea:2");
	free(v);
	/* A platform without the merge status: refused, in words, before anything is done. */
	store_govocal_set_merge_status(st, "duplicaat");
	ck_assert_int_eq(st->ops->merge_preview(st, keep, &gone, 1, &mp, &e), ST_INVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "no status \"duplicaat\""));
}
END_TEST

START_TEST(what_the_api_lacks_is_unavailable)
{
	int64_t audit;
	char *holder = NULL;
	struct err e;
	long c[QUEUE_COUNT];
	struct queue_row rows[4];
	int got;

	ck_assert_int_eq(st->ops->claim(st, ITEM_IDEA, 1, 5, false, &holder, &e), ST_INVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "does not offer"));
	ck_assert_ptr_null(holder);
	ck_assert_int_eq(st->ops->assign(st, 1, 0, 1, 0, NULL, &audit, &e), ST_INVALID);
	ck_assert_int_eq(st->ops->undo(st, 1, NULL, &audit, &e), ST_INVALID);
	ck_assert_int_eq(st->ops->block(st, 1, 0, "x", false, NULL, &audit, &e), ST_INVALID);
	ck_assert_int_eq(st->ops->counts(st, &nofilter, c, &e), ST_OK);
	ck_assert_int_eq(c[QUEUE_DUPLICATES], -1);
	ck_assert_int_eq(st->ops->page(st, QUEUE_DUPLICATES, &nofilter, NULL, 1, false, 4, rows, &got,
				       &e), ST_OK);
	ck_assert_int_eq(got, 0);
}
END_TEST

START_TEST(filters_narrow_the_queues)
{
	struct queue_row rows[32];
	struct refdata ref;
	struct filter f = nofilter;
	const struct ref *p;
	long c[QUEUE_COUNT];
	struct err e;
	int n;

	ck_assert_int_eq(st->ops->refdata(st, &ref, &e), ST_OK);
	p = ref_find(&ref.projects, "marktplein");
	ck_assert_ptr_nonnull(p);
	f.project_id = p->id;
	ck_assert_int_eq(st->ops->counts(st, &f, c, &e), ST_OK);
	n = read_all(QUEUE_NEW, &f, 2, rows, 32);
	ck_assert_int_eq(n, c[QUEUE_NEW]);
	ck_assert_int_gt(n, 0);
	ck_assert_int_lt(n, count(QUEUE_NEW));
	for (int i = 0; i < n; i++)
		ck_assert_str_eq(rows[i].project, "Herinrichting Marktplein");
	rows_free(rows, n);
	n = read_all(QUEUE_INBOX, &f, 4, rows, 32);
	ck_assert_int_eq(n, c[QUEUE_INBOX]);
	/* The inbox gives titles only: the rest comes from the ideas. */
	for (int i = 0; i < n; i++) {
		ck_assert_int_eq(rows[i].kind, ITEM_IDEA);
		ck_assert_ptr_nonnull(rows[i].status);
		if (strcmp(rows[i].title, "Meer fietsenstallingen aan het station") == 0) {
			ck_assert_str_eq(rows[i].author, "An Peeters");
			ck_assert_int_eq(rows[i].votes, 4);
		}
	}
	rows_free(rows, n);

	/* A status other than the default one. */
	snprintf(f.status, sizeof(f.status), "accepted");
	f.project_id = 0;
	n = read_all(QUEUE_NEW, &f, 2, rows, 32);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(rows[0].title, "Glascontainers leegmaken in het weekend");
	rows_free(rows, n);

	/* No departments on the platform: a department filter leaves nothing. */
	f = nofilter;
	f.department_id = 3;
	ck_assert_int_eq(st->ops->counts(st, &f, c, &e), ST_OK);
	ck_assert_int_eq(c[QUEUE_NEW], 0);
	ck_assert_int_eq(read_all(QUEUE_NEW, &f, 2, rows, 32), 0);
	refdata_free(&ref);
}
END_TEST

START_TEST(an_expired_session_asks_for_a_new_login)
{
	long c[QUEUE_COUNT];
	struct err e;

	faults("{\"expire_tokens\": true}");
	ck_assert_int_eq(st->ops->counts(st, &nofilter, c, &e), ST_CONNECT);
	ck_assert_msg(e.msg[0], "no message");
}
END_TEST

struct hook {
	int calls;
	int cancel_after; /* 0: never */
};

/* An idea's detail comes from the list page that showed it: moving through a queue waits
 * for no request per idea. Replies are read only for an idea that has some. */
START_TEST(details_come_with_the_list)
{
	struct queue_row rows[20];
	struct idea_detail d;
	struct err e;
	long before;
	int n = read_all(QUEUE_NEW, &nofilter, 20, rows, 20);

	ck_assert_int_gt(n, 5);
	/* The authors once (their first names are for replies): then nothing more. */
	for (int i = 0; i < n; i++) {
		ck_assert_int_eq(st->ops->idea(st, rows[i].id, &d, &e), ST_OK);
		idea_detail_free(&d);
	}
	before = store_govocal_requests(st);
	for (int i = 0; i < n; i++) {
		ck_assert_int_eq(st->ops->idea(st, rows[i].id, &d, &e), ST_OK);
		ck_assert_str_eq(d.title, rows[i].title);
		ck_assert_ptr_nonnull(d.body);
		idea_detail_free(&d);
	}
	ck_assert_int_eq(store_govocal_requests(st), before);
	rows_free(rows, n);
}
END_TEST

/* The platform has no versions and writes are last-write-wins: the store refuses a change
 * based on an idea someone changed since the console read it, and says when. */
START_TEST(a_stale_change_is_refused)
{
	int64_t id = find(QUEUE_NEW, "Bankjes op het Marktplein"), audit;
	char *uuid = fake_state("ideas", "idea:3", "id"), *body, *v;
	struct idea_detail d;
	struct gv_statuses sl = { 0 };
	struct gv_ideas out = { 0 };
	const char *viewed = NULL;
	struct err e;

	ck_assert_int_eq(st->ops->idea(st, id, &d, &e), ST_OK);
	ck_assert_int_ne(d.version, 0);
	/* A colleague, in another client, gives it a status meanwhile. */
	ck_assert_int_eq(gv_statuses_list(gc, "ideation", &sl, &e), ST_OK);
	for (size_t i = 0; i < sl.n; i++)
		if (strcmp(sl.v[i].code, "under_consideration") == 0)
			viewed = sl.v[i].id;
	ck_assert_ptr_nonnull(viewed);
	sleep(1); /* the platform's times are in seconds here */
	ck_assert_int_eq(gv_idea_set_status(gc, uuid, viewed, &out, &e), ST_OK);
	GV_FREE(&out);
	GV_FREE(&sl);
	ck_assert_int_eq(st->ops->set_status(st, id, d.version, "accepted", NULL, &audit, &e),
			 ST_CONFLICT);
	ck_assert_ptr_nonnull(strstr(e.msg, "was changed on the platform at"));
	body = fake_state("ideas", "idea:3", "status");
	ck_assert_str_eq(body, "idea_status:under_consideration");
	free(body);
	idea_detail_free(&d);
	/* Read again, the same change goes through. */
	ck_assert_int_eq(st->ops->idea(st, id, &d, &e), ST_OK);
	ck_assert_msg(st->ops->set_status(st, id, d.version, "accepted", NULL, &audit, &e) == ST_OK,
		      "after a new read: %s", e.msg);
	v = fake_state("ideas", "idea:3", "status");
	ck_assert_str_eq(v, "idea_status:accepted");
	free(v);
	idea_detail_free(&d);
	free(uuid);
}
END_TEST

/* The platform has no change feed: the store polls it and says so on its descriptor. */
static bool changed_within(int ms)
{
	struct pollfd p = { st->ops->notify_fd(st), POLLIN, 0 };

	return poll(&p, 1, ms) == 1 && st->ops->changes(st);
}

START_TEST(polling_notices_a_change_on_the_platform)
{
	long before = count(QUEUE_NEW);

	/* Nothing happens without polling, and polling sees nothing when nothing changed. */
	ck_assert(!changed_within(300));
	st->ops->poll_every(st, 100);
	ck_assert(!changed_within(400));
	/* A citizen posts an idea: noticed, and the counts read anew show it. */
	free(steer("POST", "/__fake/ideas", "{\"project\": \"project:2\", \"author\": \"user:2\", "
		   "\"title\": \"Nieuw via het platform\", \"body\": \"Tekst.\"}"));
	ck_assert(changed_within(3000));
	ck_assert_int_eq(count(QUEUE_NEW), before + 1);
	ck_assert_int_gt(find(QUEUE_NEW, "Nieuw via het platform"), 0);
	/* The new counts are the baseline: no second notice for the same change. */
	ck_assert(!changed_within(400));
	st->ops->poll_every(st, 0);
}
END_TEST

static void wait_hook(void *ctx, bool *cancel)
{
	struct hook *h = ctx;

	h->calls++;
	if (h->cancel_after && h->calls >= h->cancel_after)
		*cancel = true;
}

START_TEST(the_wait_hook_runs_and_can_cancel)
{
	struct hook h = { 0, 0 };
	struct staff me;
	struct err e;
	int64_t t0;

	st->wait = wait_hook;
	st->wait_ctx = &h;
	faults("{\"latency_ms\": 600}");
	ck_assert_int_eq(st->ops->whoami(st, &me, &e), ST_OK);
	staff_free(&me);
	ck_assert_msg(h.calls >= 5, "the hook ran %d times in 600 ms", h.calls);

	/* libcurl looks at the cancel flag about once a second while nothing arrives: a request
	 * of 3 s cancelled after 100 ms ends well before its answer would have come. */
	faults("{\"latency_ms\": 3000}");
	h.calls = 0;
	h.cancel_after = 2;
	t0 = now_us();
	ck_assert_int_eq(st->ops->whoami(st, &me, &e), ST_CANCELLED);
	ck_assert_msg(now_us() - t0 < 1500000, "cancelling took %lld ms",
		      (long long)((now_us() - t0) / 1000));
	ck_assert_int_eq(h.calls, 2);

	/* Nothing is left broken: the next call works. */
	faults("{\"latency_ms\": 0}");
	h.cancel_after = 0;
	ck_assert_int_eq(st->ops->whoami(st, &me, &e), ST_OK);
	ck_assert_str_eq(me.name, "Mia Moderator");
	staff_free(&me);
}
END_TEST

START_TEST(an_expired_token_is_refused_at_open)
{
	struct store *s2 = NULL;
	struct err e;

	ck_assert_int_eq(store_govocal_open(fake_url, fake_ca, NULL, "nl-BE", &s2, &e), ST_CONNECT);
	ck_assert_ptr_null(s2);
	ck_assert_msg(e.msg[0], "no message");
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("store_govocal");
	TCase *t = tcase_create("api");

	i18n_init();
	curl_global_init(CURL_GLOBAL_DEFAULT);
	/* The fake is started once, by the process that runs the tests. */
	tcase_add_unchecked_fixture(t, fake_start, NULL);
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 60);
	tcase_add_test(t, whoami_is_the_logged_in_admin);
	tcase_add_test(t, counts_come_from_the_platform);
	tcase_add_test(t, new_ideas_page_across_api_pages);
	tcase_add_test(t, the_next_page_is_fetched_ahead);
	tcase_add_test(t, idea_detail_then_a_status_change);
	tcase_add_test(t, a_row_that_left_the_queue_is_passed_over);
	tcase_add_test(t, a_reply_is_posted_as_official_feedback);
	tcase_add_test(t, a_flag_is_dismissed);
	tcase_add_test(t, phases_are_added_and_overlaps_refused_in_words);
	tcase_add_test(t, what_the_api_lacks_is_unavailable);
	tcase_add_test(t, a_merge_is_a_status_and_a_reply);
	tcase_add_test(t, filters_narrow_the_queues);
	tcase_add_test(t, an_expired_session_asks_for_a_new_login);
	tcase_add_test(t, the_wait_hook_runs_and_can_cancel);
	tcase_add_test(t, polling_notices_a_change_on_the_platform);
	tcase_add_test(t, details_come_with_the_list);
	tcase_add_test(t, a_stale_change_is_refused);
	tcase_add_test(t, an_expired_token_is_refused_at_open);
	suite_add_tcase(s, t);
	return s;
}

#include "tests/check_main.h"
