/* The parts of the actions that need no database: the idea that stays, signatures,
 * templates, durations and times. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/act.h"
#include "core/template.h"

static struct config cfg;
static struct refdata ref;
static struct staff me = { 1, "Mia Moderator", "mia", ROLE_MODERATOR };

static void setup(void)
{
	static struct ref depts[] = { { 7, 0, "mobiliteit", "Mobiliteit", "Dienst Mobiliteit" } };

	setenv("XDG_CONFIG_HOME", "/nonexistent-inspraak-test", 1);
	config_init(&cfg);
	memset(&ref, 0, sizeof(ref));
	ref.platform = "Testegem";
	ref.departments.v = depts;
	ref.departments.n = 1;
}

static void teardown(void)
{
	config_free(&cfg);
}

static struct act_ctx ctx(void)
{
	struct act_ctx c = { NULL, &cfg, &ref, &me };

	return c;
}

START_TEST(keep_the_most_supported_else_the_oldest)
{
	struct idea_detail d[3];

	memset(d, 0, sizeof(d));
	d[0].id = 10; d[0].support_up = 3; d[0].created_at = 300;
	d[1].id = 11; d[1].support_up = 5; d[1].created_at = 400;
	d[2].id = 12; d[2].support_up = 5; d[2].created_at = 200;
	ck_assert_int_eq(act_pick_keep(d, 3), 2);
	d[2].support_up = 4;
	ck_assert_int_eq(act_pick_keep(d, 3), 1);
	d[0].support_up = d[1].support_up = d[2].support_up = 0;
	ck_assert_int_eq(act_pick_keep(d, 3), 2);
}
END_TEST

START_TEST(replies_are_signed_by_a_service)
{
	struct act_ctx c = ctx();
	char *s;

	s = act_signature(&c, "Dienst Mobiliteit");
	ck_assert_str_eq(s, "Dienst Mobiliteit");
	free(s);
	s = act_signature(&c, NULL);
	ck_assert_str_eq(s, "Testegem");
	free(s);
	ck_assert_int_eq(config_exec(&cfg, "set signature \"Team Inspraak\"", "t", 1, NULL), ST_OK);
	s = act_signature(&c, NULL);
	ck_assert_str_eq(s, "Team Inspraak");
	free(s);
	ck_assert_int_eq(config_exec(&cfg, "set sign-personally yes", "t", 1, NULL), ST_OK);
	s = act_signature(&c, "Dienst Mobiliteit");
	ck_assert_str_eq(s, "Mia Moderator");
	free(s);
}
END_TEST

START_TEST(templates_fill_placeholders_and_keep_unknown_ones)
{
	const struct template_var v[] = { { "name", "An" }, { "title", "Meer {bomen}" } };
	char *s = template_render("Beste {name}, over \"{title}\": {unknown} {name", v, 2);

	/* A value is not rendered again: braces in a citizen's title stay as written. */
	ck_assert_str_eq(s, "Beste An, over \"Meer {bomen}\": {unknown} {name");
	free(s);
}
END_TEST

START_TEST(templates_follow_status_and_language)
{
	char lang[8];
	char *t;

	t = template_find("accepted", "en", lang);
	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(lang, "en");
	ck_assert_ptr_nonnull(strstr(t, "Good news"));
	free(t);
	/* French: the municipality answers in Dutch. */
	t = template_find("accepted", "fr-BE", lang);
	ck_assert_str_eq(lang, "nl");
	ck_assert_ptr_nonnull(strstr(t, "Goed nieuws"));
	free(t);
	/* A status without a template of its own gets the default one. */
	t = template_find("viewed", "nl-BE", lang);
	ck_assert_ptr_nonnull(t);
	ck_assert_ptr_nonnull(strstr(t, "Bedankt voor uw idee"));
	free(t);
}
END_TEST

START_TEST(a_user_template_wins)
{
	char dir[] = "/tmp/inspraak-tpl.XXXXXX";
	char *path, lang[8], *t;
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	path = xasprintf("%s/inspraak/templates", dir);
	ck_assert_int_eq(mkdir_p(path, 0700), 0);
	free(path);
	path = xasprintf("%s/inspraak/templates/accepted.nl.txt", dir);
	f = fopen(path, "w");
	fputs("Eigen tekst voor {name}.", f);
	fclose(f);
	setenv("XDG_CONFIG_HOME", dir, 1);
	t = template_find("accepted", "nl-BE", lang);
	ck_assert_str_eq(t, "Eigen tekst voor {name}.");
	free(t);
	unlink(path);
	free(path);
	path = xasprintf("%s/inspraak/templates", dir);
	rmdir(path);
	free(path);
	path = xasprintf("%s/inspraak", dir);
	rmdir(path);
	free(path);
	rmdir(dir);
}
END_TEST

START_TEST(reply_text_in_the_authors_language)
{
	struct act_ctx c = ctx();
	struct idea_detail d, kept;
	char *t;

	memset(&d, 0, sizeof(d));
	d.id = 12;
	d.title = "Meer bomen";
	d.status = "accepted";
	d.author_first_name = "An";
	d.author_locale = "nl-BE";
	d.department_id = 7;
	d.department_signature = "Dienst Mobiliteit";
	t = act_reply_text(&c, &d, NULL, NULL, NULL, NULL);
	ck_assert_ptr_nonnull(strstr(t, "Beste An,"));
	ck_assert_ptr_nonnull(strstr(t, "\"Meer bomen\""));
	ck_assert_ptr_nonnull(strstr(t, "Dienst Mobiliteit"));
	ck_assert_ptr_null(strchr(t, '{'));
	free(t);
	d.author_locale = "en";
	d.author_first_name = NULL;
	memset(&kept, 0, sizeof(kept));
	kept.id = 3;
	kept.title = "Bomen op het plein";
	t = act_reply_text(&c, &d, "merged", "merged", &kept, NULL);
	ck_assert_ptr_nonnull(strstr(t, "Dear resident,"));
	ck_assert_ptr_nonnull(strstr(t, "\"Bomen op het plein\" (idea 3)"));
	free(t);
	/* On a platform where a merge moves nothing, the reply links to the idea that stays and
	 * does not promise that support moves with it. */
	kept.url = "https://participatie.example.be/ideas/bomen-op-het-plein";
	t = act_reply_text(&c, &d, "merged", "merged-platform", &kept, NULL);
	ck_assert_ptr_nonnull(strstr(t, "https://participatie.example.be/ideas/bomen-op-het-plein"));
	ck_assert_ptr_nonnull(strstr(t, "\"Bomen op het plein\""));
	ck_assert_ptr_null(strstr(t, "counts there"));
	ck_assert_ptr_null(strchr(t, '{'));
	free(t);
	d.author_locale = "nl-BE";
	t = act_reply_text(&c, &d, "merged", "merged-platform", &kept, NULL);
	ck_assert_ptr_nonnull(strstr(t, "Beste inwoner,"));
	ck_assert_ptr_nonnull(strstr(t, "https://participatie.example.be/ideas/bomen-op-het-plein"));
	free(t);
}
END_TEST

START_TEST(durations_and_times)
{
	int64_t s, t;
	struct tm tm;
	time_t tt;

	ck_assert(act_parse_duration("7d", &s) && s == 7 * 86400);
	ck_assert(act_parse_duration("2w", &s) && s == 14 * 86400);
	ck_assert(act_parse_duration("12h", &s) && s == 12 * 3600);
	ck_assert(act_parse_duration("permanent", &s) && s == 0);
	ck_assert(act_parse_duration("3", &s) && s == 3 * 86400);
	ck_assert(!act_parse_duration("", &s));
	ck_assert(!act_parse_duration("-3d", &s));
	ck_assert(!act_parse_duration("3y", &s));
	ck_assert(!act_parse_duration("soon", &s));
	setenv("TZ", "Europe/Brussels", 1);
	tzset();
	ck_assert(act_parse_time("2026-12-01 09:30", 0, &t));
	tt = (time_t)t;
	localtime_r(&tt, &tm);
	ck_assert_int_eq(tm.tm_hour, 9);
	ck_assert_int_eq(tm.tm_min, 30);
	ck_assert_int_eq(tm.tm_mday, 1);
	ck_assert(act_parse_time("2026-12-01", 0, &t));
	tt = (time_t)t;
	localtime_r(&tt, &tm);
	ck_assert_int_eq(tm.tm_hour, 0);
	ck_assert(act_parse_time("now", 1000, &t) && t == 1000);
	ck_assert(act_parse_time("+2d", 1000, &t) && t == 1000 + 2 * 86400);
	ck_assert(!act_parse_time("tomorrow", 0, &t));
	ck_assert(!act_parse_time("2026-12-01 25:00", 0, &t));
	ck_assert(!act_parse_time("2026-12-01 09:30 extra", 0, &t));
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("act");
	TCase *tc = tcase_create("act");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, keep_the_most_supported_else_the_oldest);
	tcase_add_test(tc, replies_are_signed_by_a_service);
	tcase_add_test(tc, templates_fill_placeholders_and_keep_unknown_ones);
	tcase_add_test(tc, templates_follow_status_and_language);
	tcase_add_test(tc, a_user_template_wins);
	tcase_add_test(tc, reply_text_in_the_authors_language);
	tcase_add_test(tc, durations_and_times);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
