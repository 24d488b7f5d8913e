/* The analysis service on a real database: models trained from a municipality's history,
 * new ideas analysed, verdicts learnt from, the duplicate index kept across a restart. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/analysis/dupes.h"
#include "core/analyze.h"
#include "tests/db/pgtest.h"

static const char *const streets[] = {
	"Kerkstraat", "Molenweg", "Stationsstraat", "Dorpsplein", "Beekstraat", "Lindelaan",
	"Veldstraat", "Schoolstraat",
};
static const char *const topics[3][8] = {
	{ "fietspad", "zebrapad", "verkeerslicht", "snelheidsbeperking", "parkeerplaatsen",
	  "bushalte", "oversteekplaats", "verkeersdrempel" },
	{ "bomen", "park", "bloemenweide", "speeltuin", "natuurgebied", "hagen", "grasveld",
	  "moestuin" },
	{ "vuilbak", "zwerfvuil", "glasbak", "sluikstort", "containerpark", "afvalkalender",
	  "hondenpoep", "papiercontainer" },
};
static const char *const spam_words[] = {
	"lening", "casino", "bitcoin", "gratis iPhone", "afslanken", "goedkope pillen",
};

static long q(PGconn *c, const char *sql)
{
	return pgtest_long(c, sql);
}

/* A municipality with a history: ideas handled and assigned to three departments, spam that
 * moderators hid, all analysed long ago. */
static PGconn *municipality(char **conninfo)
{
	char *ci = pgtest_new_db("analyze", true);
	PGconn *c = pgtest_connect(ci);
	char sql[1024];

	pgtest_exec(c,
		    "insert into departments (id, code, title_multiloc, signature_multiloc) values"
		    " (1, 'mobiliteit', '{\"nl-BE\": \"Mobiliteit\", \"fr-BE\": \"Mobilité\"}', '{\"nl-BE\": \"Dienst Mobiliteit\"}'),"
		    " (2, 'groen', '{\"nl-BE\": \"Groen en natuur\"}', '{\"nl-BE\": \"Groendienst\"}'),"
		    " (3, 'afval', '{\"nl-BE\": \"Afval en netheid\"}', '{\"nl-BE\": \"Dienst Afval\"}');"
		    "insert into users (id, login, role) values (1, current_user, 'admin');"
		    "insert into users (id, first_name, created_at)"
		    " select g, 'Burger ' || g, now() - interval '400 days' from generate_series(2, 40) g;"
		    "insert into users (id, first_name, created_at)"
		    " select g, 'Nieuw ' || g, now() - interval '1 day' from generate_series(41, 50) g;"
		    "insert into projects (id, slug, title_multiloc, kind) values"
		    " (1, 'ideeenbus', '{\"nl-BE\": \"Ideeënbus\"}', 'continuous');");
	for (int i = 0; i < 90; i++) {
		int d = i % 3;
		const char *a = topics[d][i % 8], *b = topics[d][(i / 3 + 3) % 8];
		const char *s = streets[(i / 2) % 8];

		snprintf(sql, sizeof(sql),
			 "insert into ideas (project_id, author_id, title, body, status, department_id,"
			 " created_at, analyzed_at) values (1, %d, 'Meer %s in de %s',"
			 " 'In de %s is er nood aan %s en ook aan %s. Idee nummer %d van de buurt.',"
			 " 'accepted', %d, now() - interval '%d days', now() - interval '%d days')",
			 2 + i % 39, a, s, s, a, b, i, d + 1, 200 - i, 200 - i);
		pgtest_exec(c, sql);
	}
	for (int i = 0; i < 30; i++) {
		snprintf(sql, sizeof(sql),
			 "insert into ideas (project_id, author_id, title, body, hidden_at, hidden_reason,"
			 " created_at, analyzed_at) values (1, %d, 'Snel %s %d',"
			 " 'Vandaag nog %s! Bel 0470 %02d %02d %02d of mail naar info%d@snelgeld%d.biz,"
			 " kijk op https://snelgeld%d.biz/actie', now(), 'Spam',"
			 " now() - interval '%d days', now() - interval '%d days')",
			 41 + i % 10, spam_words[i % 6], i, spam_words[(i + 1) % 6], i, i * 3 % 100,
			 i * 7 % 100, i, i, i, 100 - i, 100 - i);
		pgtest_exec(c, sql);
	}
	*conninfo = ci;
	return c;
}

/* Ideas that came in since, waiting for the engine. */
static void newcomers(PGconn *c)
{
	pgtest_exec(c,
		    "insert into ideas (id, project_id, author_id, title, body) values"
		    " (1001, 1, 3, 'Zebrapad aan de school in de Kerkstraat',"
		    "  'Kinderen steken elke ochtend over zonder zebrapad aan de school in de Kerkstraat. "
		    "Graag een veilige oversteekplaats.');"
		    "update ideas set analyzed_at = now() where id = 1001;"
		    "insert into ideas (id, project_id, author_id, title, body) values"
		    " (1002, 1, 4, 'Zebrapad bij de school in de Kerkstraat',"
		    "  'Elke ochtend steken de kinderen over zonder zebrapad bij de school in de "
		    "Kerkstraat. Een veilige oversteekplaats graag!'),"
		    " (1003, 1, 45, 'Snel geld verdienen',"
		    "  'Verdien 500 euro per dag vanuit huis! Bel 0470 11 22 33 of mail naar "
		    "geld@rijkworden.biz, kijk op https://rijkworden.biz/nu'),"
		    " (1004, 1, 5, 'Fietspad langs de Molenweg is te smal',"
		    "  'Het fietspad langs de Molenweg is veel te smal en er is geen verkeersdrempel.');");
}

static char notes[4096];

static void collect(void *ctx, const char *line)
{
	(void)ctx;
	strncat(notes, line, sizeof(notes) - strlen(notes) - 2);
	strcat(notes, "\n");
}

START_TEST(trains_from_history_and_fills_the_queues)
{
	char *ci;
	PGconn *c = municipality(&ci);
	struct analyzer *an;
	struct err e;
	long done = -1;
	char sql[512];

	/* 1001 was there before the engine started: the index holds it. */
	newcomers(c);
	ck_assert_int_eq(analyzer_open(c, NULL, &an, &e), ST_OK);
	ck_assert_int_eq(q(c, "select count(*) from analysis_models where active"), 2);
	ck_assert_int_eq(q(c, "select count(*) from analysis_models where active and kind = 'spam'"
			   " and version like 'spam-lr-%' and examples >= 100 and model is not null"), 1);
	ck_assert_int_eq(q(c, "select count(*) from analysis_settings where last_retrain_at is not null"), 1);
	ck_assert_int_eq(analyzer_pending(an, 0, &done, &e), ST_OK);
	ck_assert_int_eq(done, 3);
	ck_assert_int_eq(q(c, "select count(*) from ideas where analyzed_at is null"), 0);

	/* The near copy is suggested as a duplicate of the original, with the engine's method
	 * and reasons; the spam and the bicycle idea are not. */
	snprintf(sql, sizeof(sql), "select count(*) from duplicate_suggestions where idea_a = 1001"
		 " and idea_b = 1002 and method = '%s' and score >= 0.5 and jsonb_array_length(reasons) > 0",
		 dupes_method());
	ck_assert_int_eq(q(c, sql), 1);
	ck_assert_int_eq(q(c, "select count(*) from duplicate_suggestions where 1003 in (idea_a, idea_b)"), 0);

	/* The spam is flagged by the active model, with reasons; the citizens' ideas are not. */
	ck_assert_int_eq(q(c, "select count(*) from machine_flags f join analysis_models m"
			   " on m.version = f.model_version and m.active where f.idea_id = 1003"
			   " and f.kind = 'spam' and f.score >= 0.5 and jsonb_array_length(f.reasons) > 0"), 1);
	ck_assert_int_eq(q(c, "select count(*) from flag_queue where item_kind = 'idea' and item_id = 1003"), 1);
	ck_assert_int_eq(q(c, "select count(*) from machine_flags where idea_id in (1002, 1004)"), 0);

	/* The bicycle path goes to Mobiliteit. */
	ck_assert_int_eq(q(c, "select department_id from department_suggestions where idea_id = 1004"), 1);
	ck_assert_int_eq(q(c, "select count(*) from department_suggestions s join analysis_models m"
			   " on m.version = s.model_version and m.active and m.kind = 'department'"
			   " where s.confidence > 0 and jsonb_array_length(s.ranking) = 3"), 3);

	/* A second pass finds nothing to do and writes nothing twice. */
	ck_assert_int_eq(analyzer_pending(an, 0, &done, &e), ST_OK);
	ck_assert_int_eq(done, 0);
	ck_assert_int_eq(q(c, "select count(*) from machine_flags"), 1);
	analyzer_close(an);
	PQfinish(c);
	free(ci);
}
END_TEST

START_TEST(retrains_from_verdicts)
{
	char *ci;
	PGconn *c = municipality(&ci);
	struct analyzer *an;
	struct err e;
	char *before, *after;

	newcomers(c);
	ck_assert_int_eq(analyzer_open(c, NULL, &an, &e), ST_OK);
	ck_assert_int_eq(analyzer_pending(an, 0, NULL, &e), ST_OK);
	before = pgtest_str(c, "select version from analysis_models where active and kind = 'spam'");
	/* A moderator confirms the flag: the verdict is a label. */
	pgtest_exec(c, "select inspraak_verdict('idea', 1003, version, 'confirm', 'spam', 'reclame')"
		    " from ideas where id = 1003");
	ck_assert_int_eq(q(c, "select count(*) from moderation_labels where item_id = 1003 and label = 'spam'"), 1);
	ck_assert_int_eq(analyzer_retrain(an, &e), ST_OK);
	after = pgtest_str(c, "select version from analysis_models where active and kind = 'spam'");
	ck_assert_str_ne(before, after);
	ck_assert_int_eq(q(c, "select count(*) from analysis_models where kind = 'spam'"), 2);
	ck_assert_int_eq(q(c, "select count(*) from analysis_models where kind = 'spam' and active"), 1);

	/* The same data gives the same model: retraining again changes nothing. */
	ck_assert_int_eq(analyzer_retrain(an, &e), ST_OK);
	ck_assert_int_eq(q(c, "select count(*) from analysis_models where kind = 'spam'"), 2);
	/* Too few merges and dismissals to judge the duplicate scores by. */
	ck_assert_int_eq(q(c, "select count(*) from analysis_models where kind = 'duplicates'"), 0);

	/* Moderators here merge what scores 0.9 and dismiss what scores 0.7: after retraining,
	 * a 0.7 is no longer called a duplicate, and the method names the calibration. */
	pgtest_exec(c, "insert into duplicate_suggestions (idea_a, idea_b, score, method, state, decided_at)"
		    " select k, k + 50, case when k <= 25 then 0.9 else 0.7 end, 'dupes-test',"
		    "        case when k <= 25 then 'merged' else 'dismissed' end, now()"
		    "   from generate_series(1, 50) k");
	ck_assert_int_eq(analyzer_retrain(an, &e), ST_OK);
	ck_assert_int_eq(q(c, "select count(*) from analysis_models where kind = 'duplicates' and active"
			   " and (metrics ->> 'merged')::int = 25 and (metrics ->> 'accuracy')::float = 1"), 1);
	pgtest_exec(c, "insert into ideas (id, project_id, author_id, title, body) values"
		    " (1005, 1, 6, 'Zebrapad aan de school in de Kerkstraat',"
		    "  'Kinderen steken elke ochtend over zonder zebrapad aan de school in de Kerkstraat. "
		    "Graag een veilige oversteekplaats.')");
	ck_assert_int_eq(analyzer_pending(an, 0, NULL, &e), ST_OK);
	ck_assert_int_eq(q(c, "select count(*) from duplicate_suggestions where idea_b = 1005"
			   " and idea_a in (1001, 1002) and method like 'dupes-%+cal-%' and score > 0.5"), 2);

	/* A restart loads the active models instead of training. */
	analyzer_close(an);
	ck_assert_int_eq(analyzer_open(c, NULL, &an, &e), ST_OK);
	ck_assert_int_eq(q(c, "select count(*) from analysis_models"), 4);
	{
		char buf[4096] = "";
		FILE *f = fmemopen(buf, sizeof(buf) - 1, "w");

		ck_assert_int_eq(analyze_status(c, f, &e), ST_OK);
		fclose(f);
		ck_assert_ptr_nonnull(strstr(buf, after));
		ck_assert_ptr_nonnull(strstr(buf, "1 spam"));
		ck_assert_ptr_nonnull(strstr(buf, "confirmed by a moderator 1"));
	}
	analyzer_close(an);
	free(before);
	free(after);
	PQfinish(c);
	free(ci);
}
END_TEST

START_TEST(index_survives_a_restart)
{
	char *ci, dir[] = "/tmp/inspraak-analyze-XXXXXX", path[128];
	PGconn *c = municipality(&ci);
	struct analyze_opts o = { .log = collect };
	struct analyzer *an;
	struct err e;
	long done;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/dupes.idx", dir);
	o.index_path = path;
	notes[0] = 0;
	ck_assert_int_eq(analyzer_open(c, &o, &an, &e), ST_OK);
	ck_assert_ptr_nonnull(strstr(notes, "90 ideas"));
	ck_assert_int_eq(analyzer_save(an, &e), ST_OK);
	analyzer_close(an);
	ck_assert_int_eq(access(path, R_OK), 0);

	/* While nobody analysed, the original arrived and was analysed elsewhere; then its copy. */
	newcomers(c);
	notes[0] = 0;
	ck_assert_int_eq(analyzer_open(c, &o, &an, &e), ST_OK);
	ck_assert_ptr_null(strstr(notes, "built"));
	ck_assert_int_eq(analyzer_pending(an, 0, &done, &e), ST_OK);
	ck_assert_int_eq(q(c, "select count(*) from duplicate_suggestions where idea_a = 1001 and idea_b = 1002"), 1);
	analyzer_close(an);

	/* A damaged file is rebuilt from the ideas, with a note. */
	{
		FILE *f = fopen(path, "r+");

		ck_assert_ptr_nonnull(f);
		fputs("garbage", f);
		fclose(f);
	}
	notes[0] = 0;
	ck_assert_int_eq(analyzer_open(c, &o, &an, &e), ST_OK);
	ck_assert_ptr_nonnull(strstr(notes, "rebuilt"));
	ck_assert_ptr_nonnull(strstr(notes, "built over"));
	analyzer_close(an);
	{
		char cmd[200];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		ck_assert_int_eq(system(cmd), 0);
	}
	PQfinish(c);
	free(ci);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("analyze");
	TCase *tc = tcase_create("analyze");

	tcase_add_unchecked_fixture(tc, pgtest_setup, NULL);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, trains_from_history_and_fills_the_queues);
	tcase_add_test(tc, retrains_from_verdicts);
	tcase_add_test(tc, index_survives_a_restart);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
