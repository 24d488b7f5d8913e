/* Migrations and the constraints and triggers of the schema, on a real server. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/migrate.h"
#include "tests/db/pgtest.h"

static PGconn *fresh(bool migrate)
{
	char *ci = pgtest_new_db("mig", migrate);
	PGconn *conn = pgtest_connect(ci);

	free(ci);
	return conn;
}

static bool fails(PGconn *conn, const char *sql, const char *constraint)
{
	PGresult *r = PQexec(conn, sql);
	bool failed = PQresultStatus(r) == PGRES_FATAL_ERROR;
	const char *c = PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME);
	bool named = !constraint || (c && strcmp(c, constraint) == 0);

	PQclear(r);
	return failed && named;
}

START_TEST(migrate_twice_is_idempotent)
{
	PGconn *conn = fresh(false);
	struct err e;
	int from, to;

	ck_assert_int_eq(migrate_apply(conn, &from, &to, &e), ST_OK);
	ck_assert_int_eq(from, 0);
	ck_assert_int_eq(to, migrate_latest());
	ck_assert_int_eq(migrate_apply(conn, &from, &to, &e), ST_OK);
	ck_assert_int_eq(from, migrate_latest());
	ck_assert_int_eq(to, migrate_latest());
	ck_assert_int_eq(pgtest_long(conn, "select count(*) from inspraak_schema"), migrate_latest());
	ck_assert_int_eq(pgtest_long(conn, "select count(*) from idea_statuses"), 9);
	ck_assert_int_eq(migrate_check(conn, &e), ST_OK);
	PQfinish(conn);
}
END_TEST

START_TEST(empty_database_has_no_schema)
{
	PGconn *conn = fresh(false);
	struct err e;
	int v = -1;

	ck_assert_int_eq(migrate_current(conn, &v, &e), ST_OK);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(migrate_check(conn, &e), ST_NO_SCHEMA);
	ck_assert_ptr_nonnull(strstr(e.msg, "inspraak db migrate"));
	PQfinish(conn);
}
END_TEST

START_TEST(newer_schema_is_refused)
{
	PGconn *conn = fresh(true);
	struct err e;
	int from, to;

	pgtest_exec(conn, "insert into inspraak_schema (version, name) values (999, 'db/0999_future.sql')");
	ck_assert_int_eq(migrate_check(conn, &e), ST_NEW_SCHEMA);
	ck_assert_ptr_nonnull(strstr(e.msg, "newer"));
	ck_assert_int_eq(migrate_apply(conn, &from, &to, &e), ST_NEW_SCHEMA);
	ck_assert_int_eq(from, 999);
	/* Nothing was touched. */
	ck_assert_int_eq(pgtest_long(conn, "select max(version) from inspraak_schema"), 999);
	PQfinish(conn);
}
END_TEST

START_TEST(older_schema_asks_to_migrate)
{
	PGconn *conn = fresh(true);
	struct err e;

	pgtest_exec(conn, "delete from inspraak_schema where version = (select max(version) from inspraak_schema)");
	if (migrate_latest() > 1) {
		ck_assert_int_eq(migrate_check(conn, &e), ST_OLD_SCHEMA);
	} else {
		ck_assert_int_eq(migrate_check(conn, &e), ST_NO_SCHEMA);
	}
	ck_assert_ptr_nonnull(strstr(e.msg, "inspraak db migrate"));
	PQfinish(conn);
}
END_TEST

static void seed_project(PGconn *conn)
{
	pgtest_exec(conn,
		"insert into projects (id, slug, title_multiloc, kind) values "
		"  (1, 'plein', '{\"nl-BE\": \"Plein\"}', 'timeline');"
		"insert into phases (project_id, title_multiloc, start_at, end_at) values "
		"  (1, '{\"nl-BE\": \"Info\"}', '2025-01-01 00:00+01', '2025-02-01 00:00+01'),"
		"  (1, '{\"nl-BE\": \"Ideeën\"}', '2025-02-01 00:00+01', '2025-03-01 00:00+01');"
		"insert into users (id, first_name) values (1, 'An'), (2, 'Bart'), (3, 'Chloé');"
		"insert into ideas (id, project_id, title, author_id) values (1, 1, 'Meer bomen', 1), (2, 1, 'Bankjes', 2);");
}

START_TEST(overlapping_phases_are_refused)
{
	PGconn *conn = fresh(true);

	seed_project(conn);
	ck_assert(fails(conn, "insert into phases (project_id, title_multiloc, start_at, end_at) values "
			"(1, '{\"en\": \"x\"}', '2025-02-15', '2025-03-15')", "phases_no_overlap"));
	/* An open-ended phase overlaps everything after its start. */
	ck_assert(fails(conn, "insert into phases (project_id, title_multiloc, start_at) values "
			"(1, '{\"en\": \"x\"}', '2025-01-15')", "phases_no_overlap"));
	/* End is exclusive: the next phase may start where one ends. */
	pgtest_exec(conn, "insert into phases (project_id, title_multiloc, start_at, end_at) values "
		    "(1, '{\"en\": \"x\"}', '2025-03-01 00:00+01', '2025-04-01 00:00+01')");
	ck_assert(fails(conn, "insert into phases (project_id, title_multiloc, start_at, end_at) values "
			"(1, '{\"en\": \"x\"}', '2025-06-01', '2025-05-01')", "phases_end_after_start"));
	PQfinish(conn);
}
END_TEST

START_TEST(bad_rows_are_refused)
{
	PGconn *conn = fresh(true);

	seed_project(conn);
	ck_assert(fails(conn, "insert into ideas (project_id, title) values (1, '   ')", NULL));
	ck_assert(fails(conn, "update ideas set merged_into_id = 1 where id = 1", "ideas_not_merged_into_self"));
	ck_assert(fails(conn, "insert into citizen_reports (idea_id, comment_id, reason_code) values (1, 1, 'other')",
			"citizen_reports_one_item"));
	ck_assert(fails(conn, "insert into citizen_reports (idea_id, reason_code, other_reason) values (1, 'inappropriate', 'x')",
			"citizen_reports_other_reason"));
	ck_assert(fails(conn, "insert into duplicate_suggestions (idea_a, idea_b, score, method) values (2, 1, 0.5, 'x')",
			"duplicate_suggestions_ordered"));
	ck_assert(fails(conn, "insert into machine_flags (idea_id, kind, score, model_version) values (1, 'spam', 1.5, 'v')", NULL));
	ck_assert(fails(conn, "insert into areas (code, title_multiloc) values ('x', '{\"nl-BE\": 3}')", NULL));
	PQfinish(conn);
}
END_TEST

START_TEST(counters_follow_votes_and_comments)
{
	PGconn *conn = fresh(true);

	seed_project(conn);
	pgtest_exec(conn, "insert into votes (idea_id, user_id, mode) values (1, 1, 'up'), (1, 2, 'up'), (1, 3, 'down');"
		    "insert into comments (idea_id, author_id, body) values (1, 2, 'Ja!'), (1, 3, 'Nee')");
	ck_assert_int_eq(pgtest_long(conn, "select votes_up from ideas where id = 1"), 2);
	ck_assert_int_eq(pgtest_long(conn, "select votes_down from ideas where id = 1"), 1);
	ck_assert_int_eq(pgtest_long(conn, "select comments_count from ideas where id = 1"), 2);
	pgtest_exec(conn, "update votes set mode = 'up' where user_id = 3; delete from votes where user_id = 1");
	ck_assert_int_eq(pgtest_long(conn, "select votes_up from ideas where id = 1"), 2);
	ck_assert_int_eq(pgtest_long(conn, "select votes_down from ideas where id = 1"), 0);
	/* A vote never makes a moderator's view stale. */
	ck_assert_int_eq(pgtest_long(conn, "select version from ideas where id = 1"), 1);
	PQfinish(conn);
}
END_TEST

START_TEST(flag_queue_groups_per_item)
{
	PGconn *conn = fresh(true);

	seed_project(conn);
	pgtest_exec(conn,
		"insert into comments (id, idea_id, author_id, body) values (1, 2, 3, 'Koop nu!');"
		"insert into citizen_reports (idea_id, reporter_id, reason_code) values (1, 2, 'inappropriate'), (1, 3, 'wrong_content');"
		"insert into citizen_reports (comment_id, reporter_id, reason_code) values (1, 1, 'inappropriate');"
		"insert into machine_flags (idea_id, kind, score, model_version) values (1, 'spam', 0.2, 'v1'), (1, 'abuse', 0.7, 'v1')");
	ck_assert_int_eq(pgtest_long(conn, "select count(*) from flag_queue"), 2);
	ck_assert_int_eq(pgtest_long(conn, "select open_reports from flag_queue where item_kind = 'idea' and item_id = 1"), 2);
	ck_assert_int_eq(pgtest_long(conn, "select (machine_score * 10)::int from flag_queue where item_kind = 'idea'"), 7);
	ck_assert_int_eq(pgtest_long(conn, "select idea_id from flag_queue where item_kind = 'comment'"), 2);
	/* Resolving every open signal takes the item out of the queue. */
	pgtest_exec(conn, "update citizen_reports set resolved_at = now(), resolution = 'dismissed' where idea_id = 1;"
		    "update machine_flags set resolved_at = now(), resolution = 'dismissed' where idea_id = 1");
	ck_assert_int_eq(pgtest_long(conn, "select count(*) from flag_queue where item_kind = 'idea'"), 0);
	pgtest_exec(conn, "delete from citizen_reports where comment_id = 1");
	ck_assert_int_eq(pgtest_long(conn, "select count(*) from flag_queue"), 0);
	PQfinish(conn);
}
END_TEST

/* A suggestion whose idea was merged or hidden leaves the queue, and comes back with it. */
START_TEST(suggestions_follow_their_ideas)
{
	PGconn *conn = fresh(true);

	seed_project(conn);
	pgtest_exec(conn, "insert into ideas (id, project_id, title) values (3, 1, 'Meer bomen!');"
		    "insert into duplicate_suggestions (idea_a, idea_b, score, method) values (1, 3, 0.9, 't'), (2, 3, 0.4, 't')");
	ck_assert_int_eq(pgtest_long(conn, "select count(*) from duplicate_suggestions where live"), 2);
	pgtest_exec(conn, "update ideas set hidden_at = now(), hidden_reason = 'spam' where id = 1");
	ck_assert_int_eq(pgtest_long(conn, "select count(*) from duplicate_suggestions where live"), 1);
	pgtest_exec(conn, "update ideas set merged_into_id = 2, status = 'merged' where id = 3");
	ck_assert_int_eq(pgtest_long(conn, "select count(*) from duplicate_suggestions where live"), 0);
	pgtest_exec(conn, "update ideas set merged_into_id = null, status = 'proposed' where id = 3;"
		    "update ideas set hidden_at = null, hidden_reason = null where id = 1");
	ck_assert_int_eq(pgtest_long(conn, "select count(*) from duplicate_suggestions where live"), 2);
	/* A new suggestion about a hidden idea is born outside the queue. */
	pgtest_exec(conn, "update ideas set hidden_at = now() where id = 2;"
		    "insert into duplicate_suggestions (idea_a, idea_b, score, method) values (1, 2, 0.5, 't')");
	ck_assert_int_eq(pgtest_long(conn, "select live::int from duplicate_suggestions where idea_a = 1 and idea_b = 2"), 0);
	PQfinish(conn);
}
END_TEST

START_TEST(changes_are_announced)
{
	PGconn *conn = fresh(true);
	PGconn *other = fresh(false);
	PGnotify *n;
	int got = 0;

	PQfinish(other);
	seed_project(conn);
	pgtest_exec(conn, "listen inspraak");
	pgtest_exec(conn, "update ideas set status = 'viewed' where id = 1");
	PQconsumeInput(conn);
	while ((n = PQnotifies(conn))) {
		if (strcmp(n->relname, "inspraak") == 0 && strcmp(n->extra, "ideas") == 0)
			got++;
		PQfreemem(n);
	}
	ck_assert_int_eq(got, 1);
	PQfinish(conn);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("migrate");
	TCase *tc = tcase_create("schema");

	tcase_set_timeout(tc, 60);
	tcase_add_unchecked_fixture(tc, pgtest_setup, NULL);
	tcase_add_test(tc, migrate_twice_is_idempotent);
	tcase_add_test(tc, empty_database_has_no_schema);
	tcase_add_test(tc, newer_schema_is_refused);
	tcase_add_test(tc, older_schema_asks_to_migrate);
	tcase_add_test(tc, overlapping_phases_are_refused);
	tcase_add_test(tc, bad_rows_are_refused);
	tcase_add_test(tc, counters_follow_votes_and_comments);
	tcase_add_test(tc, flag_queue_groups_per_item);
	tcase_add_test(tc, suggestions_follow_their_ideas);
	tcase_add_test(tc, changes_are_announced);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
