#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/demo.h"
#include "tests/db/pgtest.h"

/* A pinned reference time, so that "the current phase" and the triage queue do not depend on
 * the day the test runs. */
#define NOW "1780000000"
#define REF "to_timestamp(" NOW ")"
#define SEED 424242ULL
#define N 500

static PGconn *load(const char *prefix, unsigned long long seed, long ideas)
{
	char *ci = pgtest_new_db(prefix, true);
	PGconn *conn = pgtest_connect(ci);
	struct demo_opts o = { .ideas = ideas, .seed = seed };
	struct err e;
	enum status st;

	free(ci);
	setenv("INSPRAAK_DEMO_NOW", NOW, 1);
	st = demo_load(conn, &o, &e);
	ck_assert_msg(st == ST_OK, "demo_load: %d %s", st, e.msg);
	return conn;
}

static long q(PGconn *conn, const char *sql)
{
	return pgtest_long(conn, sql);
}

START_TEST(test_municipality)
{
	PGconn *c = load("demo", SEED, N);
	long queue;

	ck_assert_int_eq(q(c, "select count(*) from ideas"), N);
	ck_assert_int_ge(q(c, "select count(*) from projects"), 6);
	ck_assert_int_ge(q(c, "select count(*) from areas"), 8);
	ck_assert_int_eq(q(c, "select count(*) from departments"), 10);
	ck_assert_int_eq(q(c, "select count(*) from platform"), 1);

	/* A published top-down project with four to six phases, exactly one of them current. */
	ck_assert_int_ge(q(c, "select count(*) from projects p where kind = 'timeline' "
			 "and publication_status = 'published' "
			 "and (select count(*) from phases f where f.project_id = p.id) between 4 and 6 "
			 "and (select count(*) from phases f where f.project_id = p.id "
			 "     and f.start_at <= " REF " and (f.end_at is null or f.end_at > " REF ")) = 1"),
			 1);
	ck_assert_int_eq(q(c, "select count(*) from phases a join phases b "
			 "on a.project_id = b.project_id and a.id < b.id "
			 "and tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)"), 0);
	ck_assert_int_eq(q(c, "select count(*) from projects where kind = 'continuous'"), 1);
	ck_assert_int_eq(q(c, "select count(*) from projects where publication_status = 'archived'"), 1);
	/* Every idea was posted in a phase of its project that takes ideas, before now. */
	ck_assert_int_eq(q(c, "select count(*) from ideas i left join phases f on f.id = i.phase_id "
			 "where f.project_id is distinct from i.project_id "
			 "or f.participation_method not in ('ideation', 'proposals') "
			 "or i.created_at < f.start_at or i.created_at >= coalesce(f.end_at, 'infinity') "
			 "or i.created_at > " REF), 0);

	/* Mostly Dutch, some French and English. */
	ck_assert_int_gt(q(c, "select count(*) from ideas where lang = 'nl'"), N * 3 / 4);
	ck_assert_int_gt(q(c, "select count(*) from ideas where lang = 'fr'"), 0);
	ck_assert_int_gt(q(c, "select count(*) from ideas where lang = 'en'"), 0);

	/* Spam with links, spam moderators hid, open reports and the queue they make. */
	ck_assert_int_gt(q(c, "select count(*) from ideas where body like '%.example%'"), 0);
	ck_assert_int_gt(q(c, "select count(*) from ideas where hidden_at is not null "
			 "and hidden_reason <> ''"), 0);
	ck_assert_int_gt(q(c, "select count(*) from citizen_reports where resolved_at is null"), 0);
	ck_assert_int_gt(q(c, "select count(*) from citizen_reports where resolution = 'dismissed'"), 0);
	ck_assert_int_eq(q(c, "select count(*) from flag_queue"),
			 q(c, "select count(*) from (select distinct idea_id, comment_id "
			   "from citizen_reports where resolved_at is null) x"));
	ck_assert_int_eq(q(c, "select count(*) from flag_queue f where open_reports <> "
			 "(select count(*) from citizen_reports r where r.resolved_at is null and "
			 " (f.item_kind = 'idea' and r.idea_id = f.item_id or "
			 "  f.item_kind = 'comment' and r.comment_id = f.item_id)) "
			 "or f.machine_score is not null or f.first_at > f.last_at"), 0);
	ck_assert_int_eq(q(c, "select count(*) from machine_flags"), 0);

	/* The counters the triggers would keep. */
	ck_assert_int_eq(q(c, "select count(*) from ideas i where "
			 "votes_up <> "
			 "   (select count(*) from votes v where v.idea_id = i.id and v.mode = 'up') "
			 "or votes_down <> "
			 "   (select count(*) from votes v where v.idea_id = i.id and v.mode = 'down') "
			 "or comments_count <> (select count(*) from comments m where m.idea_id = i.id)"), 0);
	ck_assert_int_gt(q(c, "select max(votes_up) from ideas"), 20);
	ck_assert_int_gt(q(c, "select count(*) from comments where parent_id is not null"), 0);

	/* Foreign keys are not checked during the load: check the ones that matter. */
	ck_assert_int_eq(q(c, "select count(*) from votes v left join users u on u.id = v.user_id "
			 "where u.role is distinct from 'citizen'"), 0);
	ck_assert_int_eq(q(c, "select count(*) from ideas i left join users u on u.id = i.author_id "
			 "where u.id is null"), 0);
	ck_assert_int_eq(q(c, "select count(*) from comments m left join comments p on p.id = m.parent_id "
			 "where m.parent_id is not null and p.idea_id is distinct from m.idea_id"), 0);
	ck_assert_int_eq(q(c, "select count(*) from ideas i left join ideas t on t.id = i.merged_into_id "
			 "where i.merged_into_id is not null "
			 "and (t.id is null or t.merged_into_id is not null or i.status <> 'merged')"), 0);
	ck_assert_int_eq(q(c, "select count(*) from official_feedback f "
			 "left join users u on u.id = f.author_id "
			 "where u.role is null or u.role = 'citizen' or f.locale <> 'nl-BE'"), 0);

	/* The triage queue holds a fair share, older ideas are mostly decided. */
	queue = q(c, "select count(*) from ideas where status = 'proposed' and hidden_at is null "
		  "and merged_into_id is null");
	ck_assert_msg(queue >= N / 10 && queue <= N * 35 / 100, "triage queue holds %ld of %d", queue, N);
	ck_assert_int_gt(q(c, "select count(*) from ideas where created_at < " REF " - interval '90 days' "
			 "and status in ('accepted', 'planned', 'implemented', 'rejected', 'forwarded')"),
			 q(c, "select count(*) from ideas where created_at < " REF " - interval '90 days' "
			   "and status = 'proposed' and hidden_at is null"));
	ck_assert_int_gt(q(c, "select count(*) from ideas where source = 'offline'"), 0);

	/* The generator writes no conclusions: those are the engine's. What staff handled
	 * counts as analysed; the triage queue waits for the engine's first look. */
	ck_assert_int_eq(q(c, "select count(*) from duplicate_suggestions"), 0);
	ck_assert_int_eq(q(c, "select count(*) from machine_flags"), 0);
	ck_assert_int_eq(q(c, "select count(*) from department_suggestions"), 0);
	ck_assert_int_eq(q(c, "select count(*) from ideas where analyzed_at is null "
			 "and (status <> 'proposed' or merged_into_id is not null)"), 0);
	ck_assert_int_gt(q(c, "select count(*) from ideas where analyzed_at is null"), 0);
	ck_assert_int_eq(q(c, "select count(*) from ideas "
			 "where text_hash is distinct from inspraak_text_hash(title, body)"), 0);

	/* People: the console's own login, staff per department, citizens with demographics. */
	ck_assert_int_eq(q(c, "select count(*) from users where login = 'postgres' and role = 'admin' "
			 "and first_name = 'Demo' and last_name = 'Moderator'"), 1);
	ck_assert_int_eq(q(c, "select count(distinct department_id) from users "
			 "where role = 'moderator' and department_id is not null"), 10);
	ck_assert_int_eq(q(c, "select count(*) from users where role = 'citizen' "
			 "and birth_year not between extract(year from " REF ") - 92 "
			 "and extract(year from " REF ") - 14"), 0);
	ck_assert_int_gt(q(c, "select count(distinct gender) from users"), 2);
	ck_assert_int_gt(q(c, "select count(*) from users where locale = 'fr-BE'"), 0);

	/* Identity sequences continue after the loaded ids. */
	pgtest_exec(c, "insert into comments (idea_id, body) values (1, 'na de demo')");
	ck_assert_int_eq(q(c, "select max(id) from comments"),
			 q(c, "select id from comments where body = 'na de demo'"));
	PQfinish(c);
}
END_TEST

START_TEST(test_same_seed_same_town)
{
	static const char *ideas =
		"select md5(string_agg(title || body || author_id, '|' order by id)) from ideas";
	static const char *votes =
		"select md5(string_agg(idea_id || ':' || user_id || mode, ',' order by idea_id, user_id)) "
		"from votes";
	PGconn *a = load("demo_a", SEED, 300);
	PGconn *b = load("demo_b", SEED, 300);
	PGconn *other = load("demo_c", SEED + 1, 300);
	char *ta = pgtest_str(a, ideas), *tb = pgtest_str(b, ideas), *tc = pgtest_str(other, ideas);
	char *va = pgtest_str(a, votes), *vb = pgtest_str(b, votes);

	ck_assert_str_eq(ta, tb);
	ck_assert_str_eq(va, vb);
	ck_assert_str_ne(ta, tc);
	free(ta);
	free(tb);
	free(tc);
	free(va);
	free(vb);
	PQfinish(a);
	PQfinish(b);
	PQfinish(other);
}
END_TEST

START_TEST(test_refuses_non_empty)
{
	PGconn *c = load("demo", SEED, 200);
	struct demo_opts o = { .ideas = 200, .seed = SEED };
	struct err e;

	ck_assert(demo_has_data(c));
	ck_assert_int_eq(demo_load(c, &o, &e), ST_INVALID);
	ck_assert_msg(strstr(e.msg, "ideas") != NULL, "message: %s", e.msg);
	ck_assert_int_eq(q(c, "select count(*) from ideas"), 200);
	/* The refusal left the connection usable. */
	ck_assert_int_eq(q(c, "select 1"), 1);
	PQfinish(c);
}
END_TEST

START_TEST(test_empty_and_bad_size)
{
	char *ci = pgtest_new_db("demo", true);
	PGconn *c = pgtest_connect(ci);
	struct demo_opts o = { .ideas = 50, .seed = 1 };
	struct err e;

	free(ci);
	ck_assert(!demo_has_data(c));
	ck_assert_int_eq(demo_load(c, &o, &e), ST_INVALID);
	ck_assert(!demo_has_data(c));
	ck_assert_int_eq(q(c, "select count(*) from users"), 0);
	PQfinish(c);
}
END_TEST

static int calls;
static double last;

static void on_progress(void *ctx, const char *stage, double done)
{
	(void)ctx;
	ck_assert_ptr_nonnull(stage);
	ck_assert(done >= 0 && done <= 1);
	calls++;
	last = done;
}

START_TEST(test_progress_and_failure)
{
	char *ci = pgtest_new_db("demo", true);
	PGconn *c = pgtest_connect(ci);
	struct demo_opts o = { .ideas = 300, .seed = 7, .progress = on_progress };
	struct err e;

	free(ci);
	/* A clash halfway through (triggers are off during the load, constraints are not): the
	 * load fails with the server's words and leaves nothing behind. */
	pgtest_exec(c, "alter table comments add constraint demo_clash check (length(body) < 3)");
	ck_assert_int_eq(demo_load(c, &o, &e), ST_FAIL);
	ck_assert_msg(strstr(e.msg, "demo_clash") != NULL, "message: %s", e.msg);
	ck_assert(!demo_has_data(c));
	ck_assert_int_eq(q(c, "select count(*) from users"), 0);
	ck_assert_int_eq(q(c, "select count(*) from areas"), 0);

	pgtest_exec(c, "alter table comments drop constraint demo_clash");
	calls = 0;
	ck_assert_int_eq(demo_load(c, &o, &e), ST_OK);
	ck_assert_int_gt(calls, 10);
	ck_assert(last == 1.0);
	PQfinish(c);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("demo");
	TCase *tc = tcase_create("demo");

	tcase_add_unchecked_fixture(tc, pgtest_setup, NULL);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_municipality);
	tcase_add_test(tc, test_same_seed_same_town);
	tcase_add_test(tc, test_refuses_non_empty);
	tcase_add_test(tc, test_empty_and_bad_size);
	tcase_add_test(tc, test_progress_and_failure);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
