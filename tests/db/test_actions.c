/* The moderation actions of schema version 2 on a real server: each function's effect and
 * audit rows, undo back to the exact rows, bad input, stale views, roles, claims, the
 * "decided, not yet told" set, blocks, the timeline, and two consoles acting at once. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/embedded.h"
#include "core/migrate.h"
#include "tests/db/pgtest.h"

/* Staff: An (login postgres, the test's own role) and Bart moderate, Sofie is support,
 * Lotte leads projects. Citizens 10-14; 13 is a spammer. Ideas 1-3 are about trees (2 and 3
 * are duplicates of 1), 4 is spam, 5 came from a meeting and has no author. Citizens 10 and
 * 11 support two of the tree ideas each. */
static const char *seed_sql =
	"do $$ begin"
	"  create role bart; exception when duplicate_object then null; end $$;"
	"do $$ begin"
	"  create role sofie; exception when duplicate_object then null; end $$;"
	"do $$ begin"
	"  create role lotte; exception when duplicate_object then null; end $$;"
	"do $$ begin"
	"  create role nobody; exception when duplicate_object then null; end $$;"
	"grant all on all tables in schema public to bart, sofie, lotte, nobody;"
	"grant all on all sequences in schema public to bart, sofie, lotte, nobody;"
	"insert into departments (id, code, title_multiloc, signature_multiloc) values"
	" (1, 'groen', '{\"nl-BE\": \"Groendienst\"}', '{\"nl-BE\": \"Dienst Groen\", \"fr-BE\": \"Service Vert\"}'),"
	" (2, 'mobiliteit', '{\"nl-BE\": \"Mobiliteit\"}', '{\"nl-BE\": \"Dienst Mobiliteit\"}');"
	"insert into users (id, login, first_name, last_name, role) values"
	" (1, 'postgres', 'An', 'Peeters', 'moderator'),"
	" (2, 'bart', 'Bart', 'Claes', 'moderator'),"
	" (3, 'sofie', 'Sofie', 'Maes', 'support'),"
	" (4, 'lotte', 'Lotte', 'Wouters', 'project_lead');"
	"insert into users (id, first_name, last_name) values"
	" (10, 'Chloé', 'Janssens'), (11, 'Dries', 'Mertens'), (12, 'Eva', 'Jacobs'),"
	" (13, 'Filip', 'Verkoper'), (14, 'Greet', 'Willems');"
	"insert into projects (id, slug, title_multiloc, kind) values"
	" (1, 'plein', '{\"nl-BE\": \"Plein\"}', 'timeline');"
	"insert into phases (id, project_id, title_multiloc, start_at, end_at) values"
	" (1, 1, '{\"nl-BE\": \"Info\"}', '2025-01-01 00:00+01', '2025-02-01 00:00+01'),"
	" (2, 1, '{\"nl-BE\": \"Ideeën\"}', '2025-02-01 00:00+01', '2025-03-01 00:00+01'),"
	" (3, 1, '{\"nl-BE\": \"Stemmen\"}', '2025-03-01 00:00+01', '2025-04-01 00:00+02');"
	"insert into ideas (id, project_id, phase_id, author_id, title, body) values"
	" (1, 1, 2, 10, 'Meer bomen', 'Op het plein.'),"
	" (2, 1, 2, 11, 'Bomen op het plein', 'Schaduw in de zomer.'),"
	" (3, 1, 2, 12, 'Meer groen', 'Planten en bomen.'),"
	" (4, 1, 2, 13, 'Koop goedkope horloges', 'http://spam.example'),"
	" (5, 1, 3, null, 'Bankjes aan de kerk', 'Uit de bewonersvergadering.');"
	"insert into votes (idea_id, user_id, mode) values"
	" (1, 10, 'up'), (1, 11, 'up'), (1, 12, 'down'),"
	" (2, 11, 'up'), (2, 13, 'up'),"
	" (3, 10, 'up'), (3, 14, 'up');"
	"insert into comments (id, idea_id, author_id, body) values"
	" (1, 1, 11, 'Ja, graag!'), (2, 2, 13, 'Koop nu!'), (3, 4, 13, 'Echt goedkoop'),"
	" (4, 2, 12, 'Eens.');"
	"insert into duplicate_suggestions (id, idea_a, idea_b, score, method) values"
	" (1, 1, 2, 0.9, 'pg_trgm'), (2, 1, 3, 0.7, 'pg_trgm'), (3, 2, 3, 0.6, 'pg_trgm'),"
	" (4, 1, 4, 0.2, 'pg_trgm');"
	"insert into citizen_reports (id, idea_id, comment_id, reporter_id, reason_code) values"
	" (1, 4, null, 10, 'wrong_content'), (2, null, 2, 11, 'inappropriate'),"
	" (3, null, 2, 12, 'inappropriate');"
	"insert into machine_flags (id, idea_id, comment_id, kind, score, model_version) values"
	" (1, 4, null, 'spam', 0.8, 'v1'), (2, null, 2, 'abuse', 0.6, 'v1');"
	"select setval(pg_get_serial_sequence(t, 'id'), 100) from unnest('{departments,users,"
	"projects,phases,ideas,comments,duplicate_suggestions,citizen_reports,machine_flags}'::text[]) t;"
	/* Every table an action may touch, one checksum each, named so a failure says which.
	 * An idea's updated_at says when it last changed, and an undo is a change. */
	"create function test_snapshot() returns text language sql as $f$"
	" select string_agg(t || '=' || h, ' ' order by t) from ("
	"  select 'ideas' t, md5(coalesce(string_agg((to_jsonb(x) - 'updated_at')::text, '|'"
	"                   order by (to_jsonb(x) - 'updated_at')::text), '')) h from ideas x"
	"  union all select 'comments', md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from comments x"
	"  union all select 'votes', md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from votes x"
	"  union all select 'official_feedback', md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from official_feedback x"
	"  union all select 'duplicate_suggestions', md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from duplicate_suggestions x"
	"  union all select 'citizen_reports', md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from citizen_reports x"
	"  union all select 'machine_flags', md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from machine_flags x"
	"  union all select 'flag_queue', md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from flag_queue x"
	"  union all select 'users', md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from users x"
	"  union all select 'phases', md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from phases x"
	"  union all select 'moderation_labels', md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from moderation_labels x"
	"  union all select 'notices', md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from notices x"
	"  union all select 'claims', md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from claims x"
	" ) s $f$;";

static PGconn *seeded_ci(char **ci)
{
	char *c = pgtest_new_db("act", true);
	PGconn *conn = pgtest_connect(c);

	pgtest_exec(conn, seed_sql);
	if (ci)
		*ci = c;
	else
		free(c);
	return conn;
}

static PGconn *seeded(void)
{
	return seeded_ci(NULL);
}

static long q(PGconn *c, const char *sql)
{
	return pgtest_long(c, sql);
}

static char *snapshot(PGconn *c)
{
	return pgtest_str(c, "select test_snapshot()");
}

/* The snapshot now equals `before` (freed). */
#define SAME_AS(c, before) do { \
	char *now_ = snapshot(c); \
	ck_assert_str_eq(now_, before); \
	free(now_); \
	free(before); \
} while (0)

/* Runs sql, which must fail with SQLSTATE state; returns the primary message (allocated). */
static char *fails_with(PGconn *c, const char *sql, const char *state)
{
	PGresult *r = PQexec(c, sql);
	const char *s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	const char *m = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
	char *msg = strdup(m ? m : "");
	bool failed = PQresultStatus(r) == PGRES_FATAL_ERROR;
	bool right = s && strcmp(s, state) == 0;
	char got[8];

	snprintf(got, sizeof(got), "%s", s ? s : "none");
	PQclear(r);
	if (!failed || !right)
		free(msg);
	ck_assert_msg(failed, "expected %s, but it succeeded: %s", state, sql);
	ck_assert_msg(right, "expected %s, got %s: %s", state, got, sql);
	return msg;
}

/* sql fails with SQLSTATE state and a message containing needle. */
#define FAILS(c, sql, state, needle) do { \
	char *m_ = fails_with(c, sql, state); \
	bool has_ = strstr(m_, needle) != NULL; \
	if (!has_) \
		fprintf(stderr, "message: %s\n", m_); \
	free(m_); \
	ck_assert_msg(has_, "the message of %s lacks \"%s\"", sql, needle); \
} while (0)

/* The message is one English sentence: a capital, one final full stop. */
static void one_sentence(const char *m)
{
	size_t n = strlen(m);

	ck_assert_msg(n > 2 && m[0] >= 'A' && m[0] <= 'Z' && m[n - 1] == '.', "not a sentence: %s", m);
}

/* --- merge and support --------------------------------------------------------------------------- */

START_TEST(merge_counts_each_citizen_once_and_undo_restores_everything)
{
	PGconn *c = seeded();
	char *before;
	long m, u;

	/* Idea 1 alone: 10 and 11 for, 12 against. */
	ck_assert_int_eq(q(c, "select up from inspraak_support(1)"), 2);
	ck_assert_int_eq(q(c, "select down from inspraak_support(1)"), 1);
	before = snapshot(c);
	m = q(c, "select inspraak_merge(1, '{2,3}', '{1,1}',"
	      " '[{\"idea\": 2, \"body\": \"Samengevoegd met idee 1.\", \"signature\": \"Dienst Groen\"},"
	      "   {\"idea\": 3, \"body\": \"Zie idee 1.\", \"signature\": \"Stad\", \"locale\": \"nl-BE\"}]',"
	      " 'hetzelfde plein')");
	/* 10 and 11 each voted on two of the three ideas: 10, 11, 13, 14 for, 12 against. */
	ck_assert_int_eq(q(c, "select up from inspraak_support(1)"), 4);
	ck_assert_int_eq(q(c, "select down from inspraak_support(1)"), 1);
	ck_assert_int_eq(q(c, "select sum(votes_up) from ideas where id in (1, 2, 3)"), 6);
	ck_assert_int_eq(q(c, "select count(*) from inspraak_merge_group(1)"), 3);
	/* Exactly one audit row, and every row written is in audit_changes. */
	ck_assert_int_eq(q(c, "select count(*) from audit_log"), 1);
	ck_assert_int_eq(q(c, "select count(*) from audit_log where action = 'merge' and item_kind = 'idea'"
			   " and item_id = 1 and actor = 'An Peeters' and justification = 'hetzelfde plein'"
			   " and after ->> 'summary' = 'merged #2, #3 into #1'"), 1);
	ck_assert_int_eq(q(c, "select count(*) from audit_changes where table_name = 'ideas'"), 2);
	ck_assert_int_eq(q(c, "select count(*) from audit_changes where table_name = 'duplicate_suggestions'"), 3);
	ck_assert_int_eq(q(c, "select count(*) from audit_changes where table_name = 'official_feedback'"
			   " and before is null"), 2);
	ck_assert_int_eq(q(c, "select count(*) from audit_changes"), 7);
	ck_assert_int_eq(q(c, "select count(*) from ideas where id in (2, 3) and status = 'merged'"
			   " and merged_into_id = 1 and version = 2 and decided_at is not null"), 2);
	ck_assert_int_eq(q(c, "select version from ideas where id = 1"), 1);
	/* The suggestions between them are decided; the one with idea 4 stays open. */
	ck_assert_int_eq(q(c, "select count(*) from duplicate_suggestions where state = 'merged'"
			   " and decided_by = 1 and not live"), 3);
	ck_assert_int_eq(q(c, "select count(*) from duplicate_suggestions where id = 4 and state = 'open' and live"), 1);
	ck_assert_int_eq(q(c, "select count(*) from official_feedback"), 2);
	/* Replied at the moment of the merge: decided and told. */
	ck_assert_int_eq(q(c, "select count(*) from ideas where id in (2, 3)"
			   " and decided_at > coalesce(told_at, '-infinity')"), 0);
	/* A citizen who is for the merged idea and against the kept one counts once, against. */
	pgtest_exec(c, "insert into votes (idea_id, user_id, mode) values (2, 12, 'up')");
	ck_assert_int_eq(q(c, "select up from inspraak_support(1)"), 4);
	ck_assert_int_eq(q(c, "select down from inspraak_support(1)"), 1);
	pgtest_exec(c, "delete from votes where idea_id = 2 and user_id = 12");

	u = q(c, "select inspraak_undo((select max(id) from audit_log), 'toch niet')");
	ck_assert_int_gt(u, m);
	SAME_AS(c, before);
	ck_assert_int_eq(q(c, "select up from inspraak_support(1)"), 2);
	ck_assert_int_eq(q(c, "select count(*) from audit_log where action = 'undo' and undo_of = 1"
			   " and not reversible and item_kind = 'idea' and item_id = 1"), 1);
	ck_assert_int_eq(q(c, "select undone_by from audit_log where id = 1"), u);
	/* Neither undone twice nor the undo undone. */
	FAILS(c, "select inspraak_undo(1, null)", "IN006", "already undone by An Peeters");
	FAILS(c, "select inspraak_undo((select max(id) from audit_log), null)", "IN006", "itself an undo");
	FAILS(c, "select inspraak_undo(999, null)", "IN002", "There is no action #999.");
	PQfinish(c);
}
END_TEST

START_TEST(merge_refuses_bad_input)
{
	PGconn *c = seeded();
	char *msg;

	msg = fails_with(c, "select inspraak_merge(1, '{1}', '{1}', null, null)", "IN002");
	ck_assert_str_eq(msg, "Idea #1 cannot be merged into itself.");
	free(msg);
	FAILS(c, "select inspraak_merge(1, '{2,3,2}', '{1,1,1}', null, null)", "IN002", "Idea #2 is listed twice.");
	FAILS(c, "select inspraak_merge(1, '{2,3}', '{1}', null, null)", "IN002", "version");
	FAILS(c, "select inspraak_merge(1, '{}', '{}', null, null)", "IN002", "Choose");
	FAILS(c, "select inspraak_merge(1, '{77}', '{1}', null, null)", "IN002", "There is no idea #77.");
	FAILS(c, "select inspraak_merge(1, '{2}', '{1}', '[{\"idea\": 4, \"body\": \"x\", \"signature\": \"y\"}]', null)",
	      "IN002", "not part of this merge");
	FAILS(c, "select inspraak_merge(1, '{2}', '{1}', '[{\"idea\": 2, \"body\": \"  \", \"signature\": \"y\"}]', null)",
	      "IN002", "The reply to idea #2 is empty.");
	FAILS(c, "select inspraak_merge(1, '{2}', '{1}', '[{\"idea\": 2, \"body\": \"Zie 1.\"}]', null)",
	      "IN002", "needs a signature");
	FAILS(c, "select inspraak_merge(1, '{2}', '{1}', '[{\"idea\": 2.5, \"body\": \"x\", \"signature\": \"y\"}]', null)",
	      "IN002", "not part of this merge");
	FAILS(c, "select inspraak_merge(1, '{2}', '{1}', '[{\"idea\": 2, \"body\": \"x\", \"signature\": \"y\","
	      " \"locale\": \"nl_BE\"}]', null)", "IN002", "unknown locale");
	FAILS(c, "select inspraak_merge(1, '{2}', '{1}', '{\"idea\": 2}', null)", "IN002", "JSON array");
	/* Stale: idea 2 is at version 1, not 7. */
	FAILS(c, "select inspraak_merge(1, '{2}', '{7}', null, null)", "IN001", "Idea #2 was changed since you read it");
	pgtest_exec(c, "update ideas set hidden_at = now(), hidden_reason = 'spam' where id = 4");
	FAILS(c, "select inspraak_merge(4, '{2}', '{1}', null, null)", "IN002", "Idea #4 is hidden");
	FAILS(c, "select inspraak_merge(1, '{4}', '{1}', null, null)", "IN002", "Idea #4 is hidden");
	ck_assert_int_eq(q(c, "select count(*) from audit_log"), 0);

	q(c, "select inspraak_merge(1, '{2}', '{1}', null, null)");
	/* Twice: the same merge again is done already; into a merged idea, or an idea merged elsewhere, is wrong. */
	FAILS(c, "select inspraak_merge(1, '{2}', '{2}', null, null)", "IN006",
	      "Idea #2 was already merged into idea #1 by An Peeters at ");
	FAILS(c, "select inspraak_merge(2, '{3}', '{1}', null, null)", "IN002",
	      "Idea #2 is itself merged into idea #1; merge into that one.");
	FAILS(c, "select inspraak_merge(3, '{2}', '{2}', null, null)", "IN002",
	      "Idea #2 is already merged into idea #1.");
	/* Only a merge makes an idea merged, and a merged idea keeps that status. */
	FAILS(c, "select inspraak_set_status(3, 1, 'merged', null)", "IN002", "only by merging");
	FAILS(c, "select inspraak_set_status(2, 2, 'accepted', null)", "IN002", "undo the merge");
	ck_assert_int_eq(q(c, "select count(*) from audit_log"), 1);
	PQfinish(c);
}
END_TEST

/* --- one idea ------------------------------------------------------------------------------------- */

START_TEST(dismissed_suggestion_and_undo)
{
	PGconn *c = seeded();
	char *before = snapshot(c);

	q(c, "select inspraak_dismiss_suggestion(2, 'ander plein')");
	ck_assert_int_eq(q(c, "select count(*) from duplicate_suggestions where id = 2 and state = 'dismissed'"
			   " and decided_by = 1 and decided_at is not null"), 1);
	ck_assert_int_eq(q(c, "select count(*) from audit_log where action = 'dismiss-suggestion'"
			   " and item_kind = 'suggestion' and item_id = 2"), 1);
	ck_assert_int_eq(q(c, "select count(*) from audit_changes where table_name = 'duplicate_suggestions'"
			   " and row_id = 2 and before ->> 'state' = 'open' and after ->> 'state' = 'dismissed'"), 1);
	FAILS(c, "select inspraak_dismiss_suggestion(2, null)", "IN006",
	      "Suggestion #2 was already dismissed by An Peeters at ");
	FAILS(c, "select inspraak_dismiss_suggestion(99, null)", "IN002", "There is no suggestion #99.");
	/* The pair is remembered: it cannot be suggested again. */
	{
		PGresult *r = PQexec(c, "insert into duplicate_suggestions (idea_a, idea_b, score, method)"
				     " values (1, 3, 0.8, 'engine')");

		ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
		PQclear(r);
	}
	q(c, "select inspraak_undo(1, null)");
	SAME_AS(c, before);
	PQfinish(c);
}
END_TEST

START_TEST(assignment_and_undo)
{
	PGconn *c = seeded();
	char *before = snapshot(c);

	q(c, "select inspraak_assign(1, 1, 1, 2, 'groen')");
	ck_assert_int_eq(q(c, "select count(*) from ideas where id = 1 and department_id = 1"
			   " and assignee_id = 2 and version = 2 and decided_at is not null"), 1);
	ck_assert_int_eq(q(c, "select count(*) from audit_log where action = 'assign-department'"
			   " and (before ->> 'department_id') is null and (after ->> 'department_id')::int = 1"), 1);
	ck_assert_int_eq(q(c, "select count(*) from audit_changes"), 1);
	FAILS(c, "select inspraak_assign(1, 2, 1, 2, null)", "IN006", "already assigned");
	FAILS(c, "select inspraak_assign(1, 2, 9, null, null)", "IN002", "There is no department #9.");
	FAILS(c, "select inspraak_assign(1, 2, 1, 10, null)", "IN002", "User #10 is not a staff member.");
	FAILS(c, "select inspraak_assign(1, null, 1, null, null)", "IN002", "version");
	/* A vote between the action and its undo moves a counter, which undo leaves alone. */
	pgtest_exec(c, "insert into votes (idea_id, user_id) values (1, 14)");
	q(c, "select inspraak_undo(1, null)");
	pgtest_exec(c, "delete from votes where idea_id = 1 and user_id = 14");
	SAME_AS(c, before);
	/* A status change and its undo. */
	before = snapshot(c);
	q(c, "select inspraak_set_status(3, 1, 'rejected', 'kan niet')");
	ck_assert_int_eq(q(c, "select count(*) from ideas where id = 3 and status = 'rejected' and version = 2"), 1);
	q(c, "select inspraak_undo((select id from audit_log where action = 'set-status'), null)");
	SAME_AS(c, before);
	ck_assert_int_eq(q(c, "select count(*) from audit_log"), 4);
	PQfinish(c);
}
END_TEST

START_TEST(status_and_reply_decide_and_tell)
{
	PGconn *c = seeded();
	const char *untold = "select count(*) from ideas where author_id is not null"
			     " and decided_at > coalesce(told_at, '-infinity')";
	char *mid;

	ck_assert_int_eq(q(c, untold), 0);
	FAILS(c, "select inspraak_set_status(1, 1, 'approved', null)", "IN002", "Unknown status 'approved'.");
	FAILS(c, "select inspraak_set_status(1, 1, 'proposed', null)", "IN006", "already has the status proposed");
	q(c, "select inspraak_set_status(1, 1, 'under_consideration', 'bekijken')");
	ck_assert_int_eq(q(c, "select count(*) from audit_log where action = 'set-status'"
			   " and before ->> 'status' = 'proposed' and after ->> 'status' = 'under_consideration'"), 1);
	/* Decided, not yet told: in the set, through its index. */
	ck_assert_int_eq(q(c, untold), 1);
	ck_assert_int_eq(q(c, "select count(*) from pg_indexes where indexname = 'ideas_untold'"), 1);
	/* An offline idea without an author has nobody to tell. */
	q(c, "select inspraak_set_status(5, 1, 'accepted', null)");
	ck_assert_int_eq(q(c, untold), 1);

	FAILS(c, "select inspraak_reply(1, 2, '', 'Dienst Groen', 'nl-BE', null, null)", "IN002", "The reply is empty.");
	FAILS(c, "select inspraak_reply(1, 2, E'  \\n\\t\\u00a0', 'Dienst Groen', 'nl-BE', null, null)",
	      "IN002", "The reply is empty.");
	FAILS(c, "select inspraak_reply(1, 2, 'Dank!', '', 'nl-BE', null, null)", "IN002", "needs a signature");
	FAILS(c, "select inspraak_reply(1, 2, 'Dank!', 'Dienst Groen', 'nl-BE', 'bogus', null)", "IN002", "Unknown status");
	FAILS(c, "select inspraak_reply(1, 1, 'Dank!', 'Dienst Groen', 'nl-BE', null, null)", "IN001",
	      "Idea #1 was changed by An Peeters at ");
	mid = snapshot(c);
	q(c, "select inspraak_reply(1, 2, 'We bekijken het.', 'Dienst Groen', 'nl-BE', null, 'antwoord')");
	ck_assert_int_eq(q(c, untold), 0);
	ck_assert_int_eq(q(c, "select count(*) from ideas i join official_feedback f on f.idea_id = i.id"
			   " where i.id = 1 and i.told_at = f.created_at and i.version = 3"
			   " and f.author_id = 1 and f.signature = 'Dienst Groen'"), 1);
	ck_assert_int_eq(q(c, "select count(*) from audit_log where action = 'reply'"), 1);
	ck_assert_int_eq(q(c, "select count(*) from audit_changes c join audit_log a on a.id = c.audit_id"
			   " where a.action = 'reply'"), 2);
	/* Its undo takes the reply away, and the idea waits to be told again. */
	q(c, "select inspraak_undo((select id from audit_log where action = 'reply'), null)");
	ck_assert_int_eq(q(c, untold), 1);
	SAME_AS(c, mid);

	/* With a department, the signature is the department's in the reply's language; a status
	 * given with the reply is decided and told at once. */
	q(c, "select inspraak_assign(1, 2, 1, null, null)");
	ck_assert_int_eq(q(c, untold), 1);
	q(c, "select inspraak_reply(1, 3, 'Nous étudions.', null, 'fr-BE', 'accepted', null)");
	ck_assert_int_eq(q(c, untold), 0);
	ck_assert_int_eq(q(c, "select count(*) from official_feedback where signature = 'Service Vert'"
			   " and locale = 'fr-BE'"), 1);
	ck_assert_int_eq(q(c, "select count(*) from ideas where id = 1 and status = 'accepted'"
			   " and decided_at = told_at"), 1);
	/* Deleting the reply (as the platform may) brings the idea back: told_at follows the feedback. */
	pgtest_exec(c, "delete from official_feedback where idea_id = 1");
	ck_assert_int_eq(q(c, "select count(*) from ideas where id = 1 and told_at is null"), 1);
	PQfinish(c);
}
END_TEST

START_TEST(stale_view_names_who_and_when)
{
	PGconn *c = seeded();
	char *expect, *msg;

	q(c, "select inspraak_set_status(1, 1, 'viewed', null)");
	expect = pgtest_str(c, "select format('Idea #1 was changed by An Peeters at %s; reload and try again.',"
			    " to_char(at at time zone 'Europe/Brussels', 'HH24:MI')) from audit_log");
	/* Bart still sees version 1. */
	pgtest_exec(c, "set role bart");
	msg = fails_with(c, "select inspraak_assign(1, 1, 2, null, null)", "IN001");
	ck_assert_str_eq(msg, expect);
	free(msg);
	msg = fails_with(c, "select inspraak_verdict('idea', 1, 1, 'dismiss', null, null)", "IN001");
	ck_assert_str_eq(msg, expect);
	free(msg);
	/* The latest change is named: after Bart's own, his colleague's view is stale because of him. */
	q(c, "select inspraak_assign(1, 2, 2, null, null)");
	pgtest_exec(c, "reset role");
	FAILS(c, "select inspraak_set_status(1, 2, 'accepted', null)", "IN001", "Idea #1 was changed by Bart Claes at ");
	ck_assert_int_eq(q(c, "select count(*) from audit_log"), 2);
	free(expect);
	PQfinish(c);
}
END_TEST

/* --- flags ---------------------------------------------------------------------------------------- */

START_TEST(verdicts_resolve_flags_and_label_for_the_model)
{
	PGconn *c = seeded();
	char *before = snapshot(c), *mid;

	ck_assert_int_eq(q(c, "select count(*) from flag_queue"), 2);
	FAILS(c, "select inspraak_verdict('idea', 1, 1, 'confirm', 'Spam', null)", "IN006",
	      "Idea #1 has no open reports or flags.");
	FAILS(c, "select inspraak_verdict('idea', 4, 1, 'confirm', '  ', null)", "IN002", "reason");
	FAILS(c, "select inspraak_verdict('idea', 4, 1, 'maybe', 'x', null)", "IN002", "confirm or dismiss");
	FAILS(c, "select inspraak_verdict('vote', 4, 1, 'confirm', 'x', null)", "IN002", "not on 'vote'");
	FAILS(c, "select inspraak_verdict('comment', 99, 1, 'confirm', 'x', null)", "IN002", "There is no comment #99.");
	FAILS(c, "select inspraak_verdict('idea', 4, 3, 'confirm', 'x', null)", "IN001", "Idea #4 was changed");

	/* A report for wrong content and a spam score: confirmed, it is spam. */
	q(c, "select inspraak_verdict('idea', 4, 1, 'confirm', 'Reclame', 'spam')");
	ck_assert_int_eq(q(c, "select count(*) from ideas where id = 4 and hidden_at is not null"
			   " and hidden_reason = 'Reclame' and version = 2 and decided_at is not null"), 1);
	ck_assert_int_eq(q(c, "select count(*) from citizen_reports where idea_id = 4 and resolution = 'confirmed'"
			   " and resolved_at is not null"), 1);
	ck_assert_int_eq(q(c, "select count(*) from machine_flags where idea_id = 4 and resolution = 'confirmed'"), 1);
	ck_assert_int_eq(q(c, "select count(*) from flag_queue where item_kind = 'idea'"), 0);
	ck_assert_int_eq(q(c, "select count(*) from moderation_labels where item_kind = 'idea' and item_id = 4"
			   " and label = 'spam' and text like 'Koop goedkope horloges%' and lang = 'nl'"
			   " and audit_id = 1"), 1);
	ck_assert_int_eq(q(c, "select count(*) from audit_log where action = 'confirm-flag'"
			   " and item_kind = 'idea' and item_id = 4"), 1);
	/* The report, the flag, the idea and the label. */
	ck_assert_int_eq(q(c, "select count(*) from audit_changes where audit_id = 1"), 4);
	mid = snapshot(c);

	/* Two reports of inappropriate content and an abuse score, dismissed: ham. */
	q(c, "select inspraak_verdict('comment', 2, 1, 'dismiss', null, 'kritiek mag')");
	ck_assert_int_eq(q(c, "select count(*) from citizen_reports where comment_id = 2 and resolution = 'dismissed'"), 2);
	ck_assert_int_eq(q(c, "select count(*) from comments where id = 2 and hidden_at is null and version = 1"), 1);
	ck_assert_int_eq(q(c, "select count(*) from moderation_labels where item_kind = 'comment' and label = 'ham'"
			   " and text = 'Koop nu!'"), 1);
	ck_assert_int_eq(q(c, "select count(*) from flag_queue"), 0);
	FAILS(c, "select inspraak_verdict('comment', 2, 1, 'dismiss', null, null)", "IN006", "no open reports");
	q(c, "select inspraak_undo(2, null)");
	SAME_AS(c, mid);

	/* The same comment confirmed instead: abuse. */
	q(c, "select inspraak_verdict('comment', 2, 1, 'confirm', 'Beledigend', null)");
	ck_assert_int_eq(q(c, "select count(*) from moderation_labels where item_kind = 'comment' and label = 'abuse'"), 1);
	ck_assert_int_eq(q(c, "select count(*) from comments where id = 2 and hidden_reason = 'Beledigend' and version = 2"), 1);
	q(c, "select inspraak_undo((select max(id) from audit_log where action = 'confirm-flag'), null)");
	q(c, "select inspraak_undo(1, null)");
	SAME_AS(c, before);
	ck_assert_int_eq(q(c, "select count(*) from flag_queue"), 2);
	PQfinish(c);
}
END_TEST

/* --- blocks --------------------------------------------------------------------------------------- */

START_TEST(unblock_shows_only_what_the_block_hid)
{
	PGconn *c = seeded();
	char *before, *hidden_before;
	const char *visibility = "select string_agg(k || ':' || coalesce(hidden_reason, '-'), ' ' order by k) from"
				 " (select 'i' || id k, hidden_reason from ideas union all"
				 "  select 'c' || id, hidden_reason from comments) x";

	/* Idea 4 was hidden before, for another reason. */
	pgtest_exec(c, "update ideas set hidden_at = now(), hidden_reason = 'Eerder verborgen' where id = 4");
	before = snapshot(c);
	hidden_before = pgtest_str(c, visibility);
	FAILS(c, "select inspraak_block(13, now() - interval '1 day', 'Spam', true, null)", "IN002", "future");
	FAILS(c, "select inspraak_block(13, 'infinity', '', true, null)", "IN002", "reason");
	FAILS(c, "select inspraak_block(1, 'infinity', 'x', false, null)", "IN002", "yourself");
	FAILS(c, "select inspraak_block(2, 'infinity', 'x', false, null)", "IN004", "administrator");
	FAILS(c, "select inspraak_unblock(13, null)", "IN006", "Filip Verkoper is not blocked.");

	q(c, "select inspraak_block(13, 'infinity', 'Spam', true, 'reclame')");
	ck_assert_int_eq(q(c, "select count(*) from users where id = 13 and blocked_until = 'infinity'"
			   " and block_reason = 'Spam'"), 1);
	/* His two comments were visible and are hidden now; his idea keeps its own reason. */
	ck_assert_int_eq(q(c, "select count(*) from comments where author_id = 13 and hidden_reason = 'Spam'"
			   " and hidden_by_block = 1 and version = 2"), 2);
	ck_assert_int_eq(q(c, "select count(*) from ideas where id = 4 and hidden_reason = 'Eerder verborgen'"
			   " and hidden_by_block is null and version = 1"), 1);
	ck_assert_int_eq(q(c, "select count(*) from audit_log where action = 'block-author' and item_kind = 'user'"
			   " and item_id = 13"), 1);
	ck_assert_int_eq(q(c, "select count(*) from audit_changes where audit_id = 1"), 3);
	FAILS(c, "select inspraak_block(13, 'infinity', 'Spam', true, null)", "IN006", "already blocked");
	/* A moderator hides one of those comments for its own reason: the unblock leaves it hidden. */
	pgtest_exec(c, "insert into citizen_reports (comment_id, reporter_id, reason_code) values (3, 10, 'wrong_content')");
	q(c, "select inspraak_verdict('comment', 3, 2, 'confirm', 'Reclame', null)");
	ck_assert_int_eq(q(c, "select count(*) from comments where id = 3 and hidden_by_block is null"), 1);

	q(c, "select inspraak_unblock(13, 'beterschap')");
	ck_assert_int_eq(q(c, "select count(*) from users where id = 13 and blocked_until is null"), 1);
	ck_assert_int_eq(q(c, "select count(*) from comments where id = 2 and hidden_at is null and hidden_reason is null"), 1);
	ck_assert_int_eq(q(c, "select count(*) from comments where id = 3 and hidden_reason = 'Reclame'"), 1);
	ck_assert_int_eq(q(c, "select count(*) from ideas where id = 4 and hidden_reason = 'Eerder verborgen'"), 1);
	ck_assert_int_eq(q(c, "select count(*) from audit_changes where audit_id = 3"), 2);
	FAILS(c, "select inspraak_unblock(13, null)", "IN006", "not blocked");

	/* Undo in reverse order, back to the rows before the block. */
	q(c, "select inspraak_undo(3, null)");
	ck_assert_int_eq(q(c, "select count(*) from comments where id = 2 and hidden_by_block = 1"), 1);
	q(c, "select inspraak_undo(2, null)");
	q(c, "select inspraak_undo(1, null)");
	{
		char *now = pgtest_str(c, visibility);

		ck_assert_str_eq(now, hidden_before);
		free(now);
	}
	/* The report the verdict resolved is open again, as it was added after the snapshot. */
	pgtest_exec(c, "delete from citizen_reports where comment_id = 3");
	SAME_AS(c, before);
	free(hidden_before);
	PQfinish(c);
}
END_TEST

START_TEST(undo_refused_when_changed_since)
{
	PGconn *c = seeded();

	q(c, "select inspraak_set_status(1, 1, 'viewed', null)");
	pgtest_exec(c, "set role bart");
	q(c, "select inspraak_assign(1, 2, 1, null, null)");
	pgtest_exec(c, "reset role");
	FAILS(c, "select inspraak_undo(1, null)", "IN001",
	      "Idea #1 was changed by Bart Claes at ");
	/* Changed outside the console: nobody to name, still refused. */
	q(c, "select inspraak_undo(2, null)");
	pgtest_exec(c, "update ideas set title = 'Meer bomen!' where id = 1");
	FAILS(c, "select inspraak_undo(1, null)", "IN001", "Idea #1 was changed after that action");
	pgtest_exec(c, "update ideas set title = 'Meer bomen' where id = 1");
	q(c, "select inspraak_undo(1, null)");
	ck_assert_int_eq(q(c, "select count(*) from ideas where id = 1 and status = 'proposed' and version = 1"), 1);
	/* A reply deleted since cannot be taken back. */
	q(c, "select inspraak_reply(2, 1, 'Dank', 'Dienst Groen', 'nl-BE', null, null)");
	pgtest_exec(c, "delete from official_feedback");
	FAILS(c, "select inspraak_undo((select max(id) from audit_log), null)", "IN001", "Reply #1 was deleted");
	PQfinish(c);
}
END_TEST

/* --- roles ---------------------------------------------------------------------------------------- */

START_TEST(roles_decide_who_may_act)
{
	PGconn *c = seeded();
	char *msg;

	pgtest_exec(c, "set role sofie");
	msg = fails_with(c, "select inspraak_set_status(1, 1, 'viewed', null)", "IN004");
	ck_assert_str_eq(msg, "This needs the moderator role or higher, and Sofie Maes has the support role.");
	free(msg);
	FAILS(c, "select inspraak_merge(1, '{2}', '{1}', null, null)", "IN004", "moderator");
	FAILS(c, "select inspraak_verdict('idea', 4, 1, 'dismiss', null, null)", "IN004", "moderator");
	FAILS(c, "select * from inspraak_claim('idea', 1, 'c', 5, false)", "IN004", "moderator");
	pgtest_exec(c, "set role nobody");
	FAILS(c, "select inspraak_set_status(1, 1, 'viewed', null)", "IN004", "No staff member has the login nobody");
	/* Moderators decide on ideas, not on the timeline. */
	pgtest_exec(c, "reset role");
	FAILS(c, "select inspraak_phase_update(3, '2025-03-01 00:00+01', '2025-05-01 00:00+02', false, null)",
	      "IN004", "project lead");
	FAILS(c, "select inspraak_phase_delete(3, null)", "IN004", "project lead");
	FAILS(c, "select inspraak_phase_add(1, '{\"nl-BE\": \"Nazorg\"}', 'information', '2025-04-01 00:00+02', null, false, null)",
	      "IN004", "project lead");
	FAILS(c, "select inspraak_phase_set_current(1, 3, '2025-02-15', null)", "IN004", "project lead");
	pgtest_exec(c, "set role lotte");
	q(c, "select inspraak_phase_update(3, '2025-03-01 00:00+01', '2025-05-01 00:00+02', false, null)");
	/* A project lead may also moderate; undoing a timeline change needs one too. */
	q(c, "select inspraak_set_status(1, 1, 'viewed', null)");
	pgtest_exec(c, "reset role");
	FAILS(c, "select inspraak_undo(1, null)", "IN004", "project lead");
	/* A blocked staff member does nothing. */
	pgtest_exec(c, "update users set blocked_until = 'infinity' where id = 2; set role bart");
	FAILS(c, "select inspraak_set_status(1, 2, 'accepted', null)", "IN004", "Bart Claes is blocked");
	pgtest_exec(c, "reset role");
	ck_assert_int_eq(q(c, "select count(*) from audit_log"), 2);
	PQfinish(c);
}
END_TEST

/* --- timeline ------------------------------------------------------------------------------------- */

START_TEST(timeline_refuses_overlaps_and_unconfirmed_gaps)
{
	PGconn *c = seeded();
	char *before, *msg;

	pgtest_exec(c, "update users set role = 'project_lead' where id = 1");
	before = snapshot(c);
	msg = fails_with(c, "select inspraak_phase_add(1, '{\"nl-BE\": \"Extra\"}', 'survey',"
			 " '2025-03-15 00:00+01', '2025-05-01 00:00+02', false, null)", "IN005");
	ck_assert_str_eq(msg, "The phase would overlap \"Stemmen\" (2025-03-01 to 2025-04-01).");
	one_sentence(msg);
	free(msg);
	FAILS(c, "select inspraak_phase_add(1, '{\"nl-BE\": \"Extra\"}', 'survey',"
	      " '2025-05-01 00:00+02', '2025-04-15 00:00+02', false, null)", "IN005", "must end after it starts");
	FAILS(c, "select inspraak_phase_add(1, '{\"nl-BE\": \"Extra\"}', 'survey',"
	      " '2025-05-01 00:00+02', '2025-05-01 00:00+02', false, null)", "IN005", "must end after it starts");
	FAILS(c, "select inspraak_phase_add(1, '{\"nl-BE\": \" \"}', 'survey', '2025-04-01 00:00+02', null, false, null)",
	      "IN002", "title");
	FAILS(c, "select inspraak_phase_add(1, '{\"nl-BE\": \"Extra\"}', 'dance', '2025-04-01 00:00+02', null, false, null)",
	      "IN002", "Unknown participation method");
	/* A month after the last phase: a gap, refused unless allowed. */
	msg = fails_with(c, "select inspraak_phase_add(1, '{\"nl-BE\": \"Uitvoering\"}', 'information',"
			 " '2025-05-01 00:00+02', null, false, null)", "IN005");
	ck_assert_str_eq(msg, "There would be a gap between \"Stemmen\" (2025-03-01 to 2025-04-01) and"
			 " \"Uitvoering\" (from 2025-05-01, open-ended); allow the gap to keep it.");
	free(msg);
	ck_assert_int_eq(q(c, "select count(*) from audit_log"), 0);
	q(c, "select inspraak_phase_add(1, '{\"nl-BE\": \"Uitvoering\"}', 'information',"
	  " '2025-05-01 00:00+02', null, true, 'na de zomer')");
	ck_assert_int_eq(q(c, "select count(*) from phases where project_id = 1 and end_at is null"
			   " and participation_method = 'information'"), 1);
	/* Closing the gap needs no confirmation; an open-ended phase overlaps what follows. */
	q(c, "select inspraak_phase_update(3, '2025-03-01 00:00+01', '2025-05-01 00:00+02', false, null)");
	FAILS(c, "select inspraak_phase_update(3, '2025-03-01 00:00+01', null, false, null)", "IN005",
	      "would overlap \"Uitvoering\" (from 2025-05-01, open-ended)");
	FAILS(c, "select inspraak_phase_update(3, '2025-03-01 00:00+01', '2025-05-01 00:00+02', false, null)",
	      "IN006", "already has these dates");
	/* Shortening the first phase opens a gap before the second. */
	FAILS(c, "select inspraak_phase_update(1, '2025-01-01 00:00+01', '2025-01-20 00:00+01', false, null)",
	      "IN005", "gap between \"Info\" (2025-01-01 to 2025-01-20) and \"Ideeën\"");
	ck_assert_int_eq(q(c, "select count(*) from audit_log where action in ('add-phase', 'edit-phase')"), 2);

	/* Removing a phase leaves its ideas without one; undo puts both back. */
	q(c, "select inspraak_phase_delete(2, 'geschrapt')");
	ck_assert_int_eq(q(c, "select count(*) from ideas where phase_id is null"), 4);
	ck_assert_int_eq(q(c, "select count(*) from ideas where phase_id is null and version = 2"), 4);
	ck_assert_int_eq(q(c, "select count(*) from phases where id = 2"), 0);
	ck_assert_int_eq(q(c, "select count(*) from audit_changes c join audit_log a on a.id = c.audit_id"
			   " where a.action = 'remove-phase'"), 5);
	q(c, "select inspraak_undo((select id from audit_log where action = 'remove-phase'), null)");
	ck_assert_int_eq(q(c, "select count(*) from ideas where phase_id = 2 and version = 1"), 4);
	q(c, "select inspraak_undo((select id from audit_log where action = 'edit-phase'), null)");
	q(c, "select inspraak_undo((select id from audit_log where action = 'add-phase'), null)");
	SAME_AS(c, before);
	/* Undo cannot put a phase back where another one is now. */
	q(c, "select inspraak_phase_update(3, '2025-03-01 00:00+01', '2025-03-20 00:00+01', true, null)");
	q(c, "select inspraak_phase_add(1, '{\"nl-BE\": \"Kort\"}', 'poll', '2025-03-20 00:00+01',"
	  " '2025-04-01 00:00+02', false, null)");
	FAILS(c, "select inspraak_undo((select max(id) from audit_log where action = 'edit-phase'), null)", "IN005",
	      "Putting back phase \"Stemmen\" (2025-03-01 to 2025-04-01) would overlap \"Kort\" (2025-03-20 to 2025-04-01).");
	PQfinish(c);
}
END_TEST

START_TEST(set_current_phase)
{
	PGconn *c = seeded();
	char *before;

	pgtest_exec(c, "update users set role = 'admin' where id = 1");
	before = snapshot(c);
	/* The voting phase starts early: ideation ends at that moment, voting keeps its end. */
	q(c, "select inspraak_phase_set_current(1, 3, '2025-02-15 12:00+01', 'vroeger stemmen')");
	ck_assert_int_eq(q(c, "select count(*) from phases where id = 2 and end_at = '2025-02-15 12:00+01'"), 1);
	ck_assert_int_eq(q(c, "select count(*) from phases where id = 3 and start_at = '2025-02-15 12:00+01'"
			   " and end_at = '2025-04-01 00:00+02'"), 1);
	ck_assert_int_eq(q(c, "select count(*) from audit_log where action = 'set-phase' and item_kind = 'phase'"
			   " and item_id = 3"), 1);
	ck_assert_int_eq(q(c, "select count(*) from audit_changes where audit_id = 1"), 2);
	FAILS(c, "select inspraak_phase_set_current(1, 3, '2025-02-20', null)", "IN006", "already running");
	q(c, "select inspraak_undo(1, null)");
	{
		char *b = strdup(before);

		SAME_AS(c, b);
	}
	/* Skipping a phase would overlap it: refused, naming it. */
	FAILS(c, "select inspraak_phase_set_current(1, 3, '2025-01-15', null)", "IN005",
	      "Phase \"Ideeën\" (2025-02-01 to 2025-03-01) comes before \"Stemmen\"");
	FAILS(c, "select inspraak_phase_set_current(1, 3, '2025-02-01 00:00+01', null)", "IN005", "starts at that moment");
	FAILS(c, "select inspraak_phase_set_current(2, 3, '2025-02-15', null)", "IN002", "There is no project #2.");
	/* Back to a phase that is over: it runs again from then on, as long as it ran before. With
	 * the next phase too close, that overlaps it. */
	FAILS(c, "select inspraak_phase_set_current(1, 1, '2025-02-15 00:00+01', null)", "IN005",
	      "would overlap \"Stemmen\" (2025-03-01 to 2025-04-01)");
	pgtest_exec(c, "delete from phases where id = 3");
	q(c, "select inspraak_phase_set_current(1, 1, '2025-02-15 00:00+01', 'opnieuw informeren')");
	ck_assert_int_eq(q(c, "select count(*) from phases where id = 2 and end_at = '2025-02-15 00:00+01'"), 1);
	ck_assert_int_eq(q(c, "select count(*) from phases where id = 1 and start_at = '2025-02-15 00:00+01'"
			   " and end_at - start_at = interval '31 days'"), 1);
	free(before);
	PQfinish(c);
}
END_TEST

/* --- claims --------------------------------------------------------------------------------------- */

START_TEST(claims_take_refuse_renew_take_over_expire_release)
{
	PGconn *c = seeded();

	FAILS(c, "select * from inspraak_claim('vote', 1, 'c1', 5, false)", "IN002", "not 'vote'");
	FAILS(c, "select * from inspraak_claim('idea', 77, 'c1', 5, false)", "IN002", "There is no idea #77.");
	FAILS(c, "select * from inspraak_claim('idea', 1, 'c1', 0, false)", "IN002", "minutes");
	ck_assert_int_eq(q(c, "select granted::int from inspraak_claim('idea', 1, 'an@a:1', 10, false)"), 1);
	ck_assert_int_eq(q(c, "select count(*) from claims where item_kind = 'idea' and item_id = 1"
			   " and holder_id = 1 and holder_name = 'An Peeters' and console = 'an@a:1'"
			   " and expires_at = claimed_at + interval '10 minutes'"), 1);
	/* Bart is refused and told who has it. */
	pgtest_exec(c, "set role bart");
	ck_assert_int_eq(q(c, "select count(*) from inspraak_claim('idea', 1, 'bart@b:2', 10, false)"
			   " where not granted and holder = 'An Peeters' and holder_console = 'an@a:1'"
			   " and holder_user = 1"), 1);
	/* Deciding on an item someone else holds is refused too. */
	FAILS(c, "select inspraak_set_status(1, 1, 'viewed', null)", "IN003", "Idea #1 is claimed by An Peeters since ");
	pgtest_exec(c, "reset role");
	/* The holder renews: same start, later end. An acts on her own claim. */
	pgtest_exec(c, "update claims set claimed_at = claimed_at - interval '5 minutes',"
		    " expires_at = expires_at - interval '5 minutes'");
	ck_assert_int_eq(q(c, "select granted::int from inspraak_claim('idea', 1, 'an@a:1', 30, false)"), 1);
	ck_assert_int_eq(q(c, "select count(*) from claims where claimed_at < now() - interval '4 minutes'"
			   " and expires_at > now() + interval '29 minutes'"), 1);
	q(c, "select inspraak_set_status(1, 1, 'viewed', null)");
	/* Bart takes it over and learns from whom. */
	pgtest_exec(c, "set role bart");
	ck_assert_int_eq(q(c, "select count(*) from inspraak_claim('idea', 1, 'bart@b:2', 10, true)"
			   " where granted and holder = 'An Peeters'"), 1);
	ck_assert_int_eq(q(c, "select holder_id from claims"), 2);
	/* An's release no longer releases anything. */
	pgtest_exec(c, "reset role");
	ck_assert_int_eq(q(c, "select inspraak_release('idea', 1, 'an@a:1')::int"), 0);
	/* An expired claim is free. */
	pgtest_exec(c, "update claims set expires_at = now() - interval '1 second'");
	ck_assert_int_eq(q(c, "select count(*) from inspraak_claim('idea', 1, 'an@a:1', 10, false)"
			   " where granted and holder is null"), 1);
	ck_assert_int_eq(q(c, "select inspraak_release('idea', 1, 'an@a:1')::int"), 1);
	ck_assert_int_eq(q(c, "select count(*) from claims"), 0);
	/* Claims are not decisions. */
	ck_assert_int_eq(q(c, "select count(*) from audit_log where action <> 'set-status'"), 0);
	PQfinish(c);
}
END_TEST

/* --- two consoles at once ------------------------------------------------------------------------- */

/* Until the backend pid waits for a lock, as seen from watch (autocommit, so each look is a new
 * statistics snapshot). */
static void wait_for_lock(PGconn *watch, int pid)
{
	char sql[160];

	snprintf(sql, sizeof(sql), "select count(*) from pg_stat_activity where pid = %d"
		 " and wait_event_type = 'Lock'", pid);
	for (int i = 0; i < 1000; i++) {
		if (q(watch, sql) > 0)
			return;
		usleep(5000);
	}
	ck_abort_msg("the second console never waited for the first");
}

struct race {
	PGconn *a, *b, *watch;
};

static struct race race_open(void)
{
	char *ci;
	struct race r;

	r.a = seeded_ci(&ci);
	r.b = pgtest_connect(ci);
	r.watch = pgtest_connect(ci);
	free(ci);
	return r;
}

static void race_close(struct race *r)
{
	PQfinish(r->a);
	PQfinish(r->b);
	PQfinish(r->watch);
}

/* Console a runs sql_a in a transaction and holds its locks; console b starts sql_b, which
 * must wait; a commits. Returns b's SQLSTATE ("" on success; allocated). */
static char *race(struct race *r, const char *sql_a, const char *sql_b)
{
	PGresult *res, *x;
	const char *s;
	char *out;

	pgtest_exec(r->a, "begin");
	pgtest_exec(r->a, sql_a);
	ck_assert_int_eq(PQsendQuery(r->b, sql_b), 1);
	wait_for_lock(r->watch, PQbackendPID(r->b));
	pgtest_exec(r->a, "commit");
	res = PQgetResult(r->b);
	s = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	out = strdup(PQresultStatus(res) == PGRES_TUPLES_OK ? "" : s ? s : "?");
	PQclear(res);
	while ((x = PQgetResult(r->b)))
		PQclear(x);
	return out;
}

START_TEST(concurrent_merges_of_the_same_pair)
{
	struct race r = race_open();
	char *st;

	st = race(&r, "select inspraak_merge(1, '{2}', '{1}', null, null)",
		  "select inspraak_merge(1, '{2}', '{1}', null, null)");
	ck_assert_str_eq(st, "IN006");
	free(st);
	ck_assert_int_eq(q(r.watch, "select count(*) from audit_log"), 1);
	ck_assert_int_eq(q(r.watch, "select count(*) from audit_changes where table_name = 'ideas'"), 1);
	ck_assert_int_eq(q(r.watch, "select count(*) from audit_changes where table_name = 'duplicate_suggestions'"), 1);
	ck_assert_int_eq(q(r.watch, "select version from ideas where id = 2"), 2);
	/* 10, 11, 13 for, 12 against: 11 voted on both and counts once. */
	ck_assert_int_eq(q(r.watch, "select up from inspraak_support(1)"), 3);
	ck_assert_int_eq(q(r.watch, "select down from inspraak_support(1)"), 1);
	ck_assert_int_eq(q(r.watch, "select count(*) from votes"), 7);
	/* Comments stay on their ideas; the suggestions agree with their ideas. */
	ck_assert_int_eq(q(r.watch, "select count(*) from comments c join ideas i on i.id = c.idea_id"), 4);
	ck_assert_int_eq(q(r.watch, "select count(*) from duplicate_suggestions s where s.live is distinct from"
			   " coalesce(inspraak_idea_live(s.idea_a) and inspraak_idea_live(s.idea_b), false)"), 0);
	ck_assert_int_eq(q(r.watch, "select count(*) from duplicate_suggestions where id = 1 and state = 'merged'"), 1);

	/* Crossed: one merges 3 into 1 while the other merges 1 into 3. No cycle. */
	st = race(&r, "select inspraak_merge(1, '{3}', '{1}', null, null)",
		  "select inspraak_merge(3, '{1}', '{1}', null, null)");
	ck_assert_str_eq(st, "IN002");
	free(st);
	ck_assert_int_eq(q(r.watch, "select count(*) from ideas where merged_into_id is not null"), 2);
	ck_assert_int_eq(q(r.watch, "select count(*) from ideas where id = 1 and merged_into_id is null"), 1);

	/* A merge and a dismissal of the suggestion between the same ideas. */
	st = race(&r, "select inspraak_merge(1, '{4}', '{1}', null, null)",
		  "select inspraak_dismiss_suggestion(4, null)");
	ck_assert_str_eq(st, "IN006");
	free(st);
	ck_assert_int_eq(q(r.watch, "select count(*) from duplicate_suggestions where id = 4 and state = 'merged'"), 1);
	ck_assert_int_eq(q(r.watch, "select count(*) from audit_log"), 3);
	race_close(&r);
}
END_TEST

START_TEST(concurrent_assignments_and_verdicts)
{
	struct race r = race_open();
	char *st;

	pgtest_exec(r.b, "set role bart");
	st = race(&r, "select inspraak_assign(1, 1, 1, null, null)", "select inspraak_assign(1, 1, 2, null, null)");
	ck_assert_str_eq(st, "IN001");
	free(st);
	ck_assert_int_eq(q(r.watch, "select department_id from ideas where id = 1"), 1);
	ck_assert_int_eq(q(r.watch, "select count(*) from audit_log where action = 'assign-department'"), 1);

	/* Both hide the same comment, having read version 1. */
	st = race(&r, "select inspraak_verdict('comment', 2, 1, 'confirm', 'Beledigend', null)",
		  "select inspraak_verdict('comment', 2, 1, 'confirm', 'Grof', null)");
	ck_assert_str_eq(st, "IN001");
	free(st);
	ck_assert_int_eq(q(r.watch, "select count(*) from audit_log where action = 'confirm-flag'"), 1);
	ck_assert_int_eq(q(r.watch, "select count(*) from moderation_labels"), 1);
	ck_assert_int_eq(q(r.watch, "select count(distinct c.audit_id) from audit_changes c"
			   " where c.table_name = 'citizen_reports'"), 1);
	ck_assert_int_eq(q(r.watch, "select count(*) from comments where id = 2 and hidden_reason = 'Beledigend'"
			   " and version = 2"), 1);

	/* Both dismiss the flags on idea 4: the second has nothing left to judge. */
	st = race(&r, "select inspraak_verdict('idea', 4, 1, 'dismiss', null, null)",
		  "select inspraak_verdict('idea', 4, 1, 'dismiss', null, null)");
	ck_assert_str_eq(st, "IN006");
	free(st);
	ck_assert_int_eq(q(r.watch, "select count(*) from moderation_labels where label = 'ham'"), 1);
	ck_assert_int_eq(q(r.watch, "select count(*) from flag_queue"), 0);

	/* Claims serialise too: Bart waits for An's claim and is then refused. */
	pgtest_exec(r.a, "begin");
	ck_assert_int_eq(q(r.a, "select granted::int from inspraak_claim('idea', 3, 'an', 5, false)"), 1);
	ck_assert_int_eq(PQsendQuery(r.b, "select holder, granted::int from inspraak_claim('idea', 3, 'bart', 5, false)"), 1);
	wait_for_lock(r.watch, PQbackendPID(r.b));
	pgtest_exec(r.a, "commit");
	{
		PGresult *res = PQgetResult(r.b), *x;

		ck_assert_int_eq(PQresultStatus(res), PGRES_TUPLES_OK);
		ck_assert_str_eq(PQgetvalue(res, 0, 0), "An Peeters");
		ck_assert_str_eq(PQgetvalue(res, 0, 1), "0");
		PQclear(res);
		while ((x = PQgetResult(r.b)))
			PQclear(x);
	}
	race_close(&r);
}
END_TEST

/* --- the migration ------------------------------------------------------------------------------ */

static const char *embedded(const char *name)
{
	for (const struct embedded_file *f = embedded_files; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f->text;
	ck_abort_msg("%s is not embedded", name);
	return NULL;
}

START_TEST(upgrade_from_version_1_keeps_what_was_told)
{
	char *ci = pgtest_new_db("act", false);
	PGconn *c = pgtest_connect(ci);
	struct err e;
	int from, to;

	free(ci);
	pgtest_exec(c, embedded("db/0001_schema.sql"));
	pgtest_exec(c, "create table inspraak_schema (version integer primary key, name text not null,"
		    " applied_at timestamptz not null default now());"
		    "insert into inspraak_schema (version, name) values (1, 'db/0001_schema.sql');"
		    "insert into projects (id, slug, title_multiloc, kind) values (1, 'p', '{\"en\": \"P\"}', 'continuous');"
		    "insert into ideas (id, project_id, title) values (1, 1, 'A'), (2, 1, 'B');"
		    "insert into official_feedback (idea_id, signature, body, created_at) values"
		    " (1, 'S', 'first', '2025-01-01'), (1, 'S', 'second', '2025-02-01');"
		    "insert into citizen_reports (idea_id, reason_code, resolved_at, resolution) values"
		    " (2, 'other', '2025-01-05', 'dismissed'), (2, 'inappropriate', null, null)");
	ck_assert_int_eq(migrate_apply(c, &from, &to, &e), ST_OK);
	ck_assert_int_eq(from, 1);
	ck_assert_int_eq(to, migrate_latest());
	ck_assert_int_eq(q(c, "select count(*) from ideas where id = 1 and told_at = '2025-02-01'"), 1);
	ck_assert_int_eq(q(c, "select count(*) from ideas where id = 2 and told_at is null and decided_at is null"), 1);
	ck_assert_int_eq(q(c, "select count(*) from citizen_reports where told_at = resolved_at"), 1);
	ck_assert_int_eq(q(c, "select count(*) from citizen_reports where told_at is null"), 1);
	/* The file may run again without harm. */
	pgtest_exec(c, "set client_min_messages = warning");
	pgtest_exec(c, embedded("db/0002_actions.sql"));
	ck_assert_int_eq(q(c, "select count(*) from ideas where told_at is not null"), 1);
	ck_assert_int_eq(q(c, "select count(*) from pg_trigger where tgname like 'official_feedback_told%'"), 3);
	/* Every action function runs as its caller. */
	ck_assert_int_eq(q(c, "select count(*) from pg_proc where proname like 'inspraak\\_%' and prosecdef"), 0);
	PQfinish(c);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("actions");
	TCase *tc = tcase_create("actions");

	tcase_set_timeout(tc, 60);
	tcase_add_unchecked_fixture(tc, pgtest_setup, NULL);
	tcase_add_test(tc, merge_counts_each_citizen_once_and_undo_restores_everything);
	tcase_add_test(tc, merge_refuses_bad_input);
	tcase_add_test(tc, dismissed_suggestion_and_undo);
	tcase_add_test(tc, assignment_and_undo);
	tcase_add_test(tc, status_and_reply_decide_and_tell);
	tcase_add_test(tc, stale_view_names_who_and_when);
	tcase_add_test(tc, verdicts_resolve_flags_and_label_for_the_model);
	tcase_add_test(tc, unblock_shows_only_what_the_block_hid);
	tcase_add_test(tc, undo_refused_when_changed_since);
	tcase_add_test(tc, roles_decide_who_may_act);
	tcase_add_test(tc, timeline_refuses_overlaps_and_unconfirmed_gaps);
	tcase_add_test(tc, set_current_phase);
	tcase_add_test(tc, claims_take_refuse_renew_take_over_expire_release);
	tcase_add_test(tc, concurrent_merges_of_the_same_pair);
	tcase_add_test(tc, concurrent_assignments_and_verdicts);
	tcase_add_test(tc, upgrade_from_version_1_keeps_what_was_told);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
