/* Contract tests of the Go Vocal client (core/govocal/) against the fake server
 * (tests/govocal/fake_govocal.py) over HTTPS with a throwaway CA: every endpoint the client
 * implements and every error case of the reference, each with a clear message and nothing
 * lost (the same call succeeds once the cause is gone).
 *
 * The fake is started once by the process that runs the suite (an unchecked fixture, as
 * tests/db/pgtest.c does for PostgreSQL) and stopped when that process exits; every test
 * resets its state first. */
#include "config.h"

#include <check.h>
#include <curl/curl.h>
#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/govocal/client.h"
#include "core/i18n.h"
#include "tests/govocal/fakesrv.h"

static void fake_setup(void)
{
	fakesrv_start("test_client", false);
}

/* A request to the fake's steering API; the answer's body (allocated). */
static char *fake(const char *method, const char *path, const char *body)
{
	return fakesrv_request(method, path, body);
}

static void fake_do(const char *method, const char *path, const char *body)
{
	free(fake(method, path, body));
}

static void faults(const char *json)
{
	fake_do("POST", "/__fake/faults", json);
}

/* The id of a seeded record ("idea:1"); a static buffer per call site is enough. */
static const char *id_of(const char *key)
{
	static char ids[8][64];
	static int next;
	char *doc = fake("GET", "/__fake/ids", NULL);
	json_t *root = json_loads(doc, 0, NULL);
	json_t *v = json_object_get(root, key);
	char *r = ids[next++ % 8];

	ck_assert_msg(json_is_string(v), "no id for %s", key);
	snprintf(r, 64, "%s", json_string_value(v));
	json_decref(root);
	free(doc);
	return r;
}

/* A value from /__fake/state: state("ideas", "idea:1", "status") */
static char *state(const char *table, const char *key, const char *field)
{
	char *doc = fake("GET", "/__fake/state", NULL);
	json_t *root = json_loads(doc, 0, NULL), *t = json_object_get(root, table), *rec = NULL;
	json_t *x, *v;
	size_t i;
	const char *k;
	char *r;

	if (json_is_array(t)) {
		json_array_foreach(t, i, x)
			if (json_is_string(json_object_get(x, "key")) &&
			    strcmp(json_string_value(json_object_get(x, "key")), key) == 0)
				rec = x;
	} else if (json_is_object(t)) {
		json_object_foreach(t, k, x)
			if (strcmp(k, key) == 0 || (json_is_string(json_object_get(x, "key")) &&
				strcmp(json_string_value(json_object_get(x, "key")), key) == 0))
				rec = x;
	}
	ck_assert_msg(rec != NULL, "no %s %s in the fake's state", table, key);
	v = json_object_get(rec, field);
	if (json_is_string(v))
		r = strdup(json_string_value(v));
	else if (!v || json_is_null(v))
		r = strdup("null");
	else
		r = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
	json_decref(root);
	free(doc);
	return r;
}

static void assert_state(const char *table, const char *key, const char *field, const char *want)
{
	char *got = state(table, key, field);

	ck_assert_msg(strcmp(got, want) == 0, "%s %s %s: %s, not %s", table, key, field, got,
		      want);
	free(got);
}

static void reset(void)
{
	fake_do("POST", "/__fake/reset", "{}");
}

/* --- clients ----------------------------------------------------------------------------- */

static struct gv_client *client_opts(long timeout_ms, int retries)
{
	struct gv_opts o = { fake_url, fake_ca, timeout_ms, retries };
	struct gv_tuning t = { 0, 50, 20, 2000 };
	struct gv_client *c;
	struct err e;

	ck_assert_int_eq(gv_client_new(&o, &c, &e), ST_OK);
	gv_client_tune(c, &t);
	return c;
}

static struct gv_client *client(void)
{
	return client_opts(5000, 2);
}

static void login_as(struct gv_client *c, const char *email, const char *password)
{
	char *token;
	int64_t exp;
	struct err e;
	enum status st = gv_login(c, email, password, &token, &exp, &e);

	ck_assert_msg(st == ST_OK, "login %s: %s", email, e.msg);
	gv_set_token(c, token, exp);
	free(token);
}

static struct gv_client *mia(void)
{
	struct gv_client *c = client();

	login_as(c, "mia.moderator@testegem.test", "mia-password");
	return c;
}

static struct gv_client *lotte(void)
{
	struct gv_client *c = client();

	login_as(c, "lotte.janssens@testegem.test", "lotte-password");
	return c;
}

/* A token made by the fake for a user, expiring in exp_in seconds. */
static void set_fake_token(struct gv_client *c, const char *user, int exp_in)
{
	char body[200];
	char *doc;
	json_t *root, *tok;

	snprintf(body, sizeof(body), "{\"user\": \"%s\", \"exp_in\": %d}", user, exp_in);
	doc = fake("POST", "/__fake/token", body);
	root = json_loads(doc, 0, NULL);
	tok = json_object_get(root, "jwt");
	if (!tok)
		tok = json_object_get(root, "token");
	ck_assert_msg(json_is_string(tok), "no token from the fake: %s", doc);
	gv_set_token(c, json_string_value(tok), 0);
	json_decref(root);
	free(doc);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void assert_msg(const struct err *e, const char *part)
{
	ck_assert_msg(strstr(e->msg, part) != NULL, "message \"%s\" lacks \"%s\"", e->msg, part);
}

static const struct gv_idea_query all_new = { .sort = "new" };

/* --- log-in -------------------------------------------------------------------------------- */

START_TEST(login_gives_a_token_with_its_expiry)
{
	struct gv_client *c = client();
	char *token;
	int64_t exp;
	struct err e;

	ck_assert_int_eq(gv_login(c, "mia.moderator@testegem.test", "mia-password", &token, &exp,
				  &e), ST_OK);
	ck_assert_ptr_nonnull(token);
	/* remember_me: the tenant's 30 days. */
	ck_assert_int_gt(exp, (int64_t)time(NULL) + 29 * 86400);
	ck_assert_int_eq(gv_token_expiry(token), exp);
	ck_assert(!gv_logged_in(c));
	gv_set_token(c, token, exp);
	ck_assert(gv_logged_in(c));
	free(token);
	gv_client_free(c);
}
END_TEST

START_TEST(wrong_password_is_a_clear_refusal)
{
	struct gv_client *c = client();
	char *token = (char *)"x";
	int64_t exp = 1;
	struct err e;

	ck_assert_int_eq(gv_login(c, "mia.moderator@testegem.test", "wrong", &token, &exp, &e),
			 ST_INVALID);
	assert_msg(&e, "Wrong e-mail address or password");
	ck_assert_ptr_null(token);
	ck_assert_int_eq(exp, 0);
	ck_assert(strstr(e.msg, "wrong") == NULL); /* the password is never repeated */
	/* An invitation not yet accepted answers the same. */
	ck_assert_int_eq(gv_login(c, "ines.invited@testegem.test", "invited-password", &token,
				  &exp, &e), ST_INVALID);
	assert_msg(&e, "Wrong e-mail address or password");
	ck_assert_int_eq(gv_login(c, "", "", &token, &exp, &e), ST_INVALID);
	/* Nothing lost: the right password still works. */
	login_as(c, "mia.moderator@testegem.test", "mia-password");
	gv_client_free(c);
}
END_TEST

START_TEST(sso_domain_is_explained)
{
	struct gv_client *c = client();
	char *token;
	int64_t exp;
	struct err e;

	faults("{\"sso_domains\": [\"sso.testegem.test\"]}");
	ck_assert_int_eq(gv_login(c, "someone@sso.testegem.test", "pw", &token, &exp, &e),
			 ST_INVALID);
	assert_msg(&e, "single sign-on");
	gv_client_free(c);
}
END_TEST

START_TEST(only_verified_https)
{
	struct gv_opts http = { "http://127.0.0.1:1", NULL, 1000, 0 };
	struct gv_opts bad = { "https://exa mple.be", NULL, 1000, 0 };
	struct gv_opts noca = { fake_url, NULL, 3000, 0 };
	struct gv_client *c;
	struct gv_statuses st;
	struct err e;

	ck_assert_int_eq(gv_client_new(&http, &c, &e), ST_INVALID);
	assert_msg(&e, "https://");
	ck_assert_int_eq(gv_client_new(&bad, &c, &e), ST_INVALID);
	/* Without our test CA the fake's certificate is not trusted: nothing is sent. */
	ck_assert_int_eq(gv_client_new(&noca, &c, &e), ST_OK);
	ck_assert_int_eq(gv_statuses_list(c, NULL, &st, &e), ST_FAIL);
	assert_msg(&e, "cannot be verified");
	gv_client_free(c);
}
END_TEST

/* --- reads --------------------------------------------------------------------------------- */

START_TEST(me_and_users)
{
	struct gv_client *c = mia();
	struct gv_users u;
	struct err e;

	ck_assert_int_eq(gv_me(c, &u, &e), ST_OK);
	ck_assert_uint_eq(u.n, 1);
	ck_assert_str_eq(u.v[0].id, id_of("user:1"));
	ck_assert_str_eq(u.v[0].display_name, "Mia Moderator");
	ck_assert_str_eq(u.v[0].highest_role, "admin");
	ck_assert_uint_ge(u.v[0].nroles, 1);
	ck_assert_str_eq(u.v[0].roles[0].type, "admin");
	GV_FREE(&u);
	ck_assert_int_eq(gv_user_get(c, id_of("user:8"), &u, &e), ST_OK);
	ck_assert_str_eq(u.v[0].first_name, "Lotte");
	GV_FREE(&u);
	ck_assert_int_eq(gv_project_moderators(c, id_of("project:1"), (struct gv_page){ 0, 0 },
					       &u, &e), ST_OK);
	ck_assert_uint_eq(u.n, 1);
	ck_assert_str_eq(u.v[0].id, id_of("user:8"));
	GV_FREE(&u);
	/* An unknown user is 404 with the body null. */
	ck_assert_int_eq(gv_user_get(c, "00000000-0000-0000-0000-000000000000", &u, &e),
			 ST_NOT_FOUND);
	gv_client_free(c);
}
END_TEST

START_TEST(anonymous_needs_a_login_for_protected_reads)
{
	struct gv_client *c = client();
	struct gv_users u;
	struct gv_moderations m;
	struct err e;

	ck_assert_int_eq(gv_me(c, &u, &e), ST_CONNECT);
	assert_msg(&e, "Log in first");
	ck_assert_int_eq(gv_moderations_list(c, NULL, (struct gv_page){ 0, 0 }, &m, &e),
			 ST_CONNECT);
	gv_client_free(c);
}
END_TEST

START_TEST(projects_for_admin_and_moderator)
{
	struct gv_client *c = mia(), *l = lotte();
	struct gv_projects p;
	struct err e;

	ck_assert_int_eq(gv_projects_list(c, true, (struct gv_page){ 0, 0 }, &p, &e), ST_OK);
	ck_assert_uint_eq(p.n, 2);
	ck_assert_ptr_null(p.next);
	for (size_t i = 0; i < p.n; i++) {
		ck_assert(p.v[i].default_assignee_known);
		ck_assert_ptr_nonnull(p.v[i].current_phase_id);
		ck_assert_str_ne(gv_multiloc_get(&p.v[i].title, "nl-BE"), "");
	}
	GV_FREE(&p);
	ck_assert_int_eq(gv_projects_list(l, true, (struct gv_page){ 0, 0 }, &p, &e), ST_OK);
	ck_assert_uint_eq(p.n, 1);
	ck_assert_str_eq(p.v[0].id, id_of("project:1"));
	ck_assert_str_eq(p.v[0].slug, "marktplein");
	ck_assert_str_eq(gv_multiloc_get(&p.v[0].title, "en"), "Market square redesign");
	GV_FREE(&p);
	ck_assert_int_eq(gv_project_get(c, id_of("project:2"), &p, &e), ST_OK);
	ck_assert_str_eq(p.v[0].current_phase_id, id_of("phase:4"));
	GV_FREE(&p);
	gv_client_free(c);
	gv_client_free(l);
}
END_TEST

START_TEST(phases_and_statuses)
{
	struct gv_client *c = mia();
	struct gv_phases ph;
	struct gv_statuses st;
	struct err e;

	ck_assert_int_eq(gv_phases_list(c, id_of("project:1"), (struct gv_page){ 0, 0 }, &ph, &e),
			 ST_OK);
	ck_assert_uint_eq(ph.n, 3);
	for (size_t i = 0; i < ph.n; i++) {
		ck_assert_str_eq(ph.v[i].project_id, id_of("project:1"));
		ck_assert_int_lt(ph.v[i].start_at, ph.v[i].end_at);
		if (i)  /* exclusive ends: one phase ends where the next begins */
			ck_assert_int_eq(ph.v[i - 1].end_at, ph.v[i].start_at);
	}
	ck_assert_str_eq(ph.v[1].participation_method, "ideation");
	ck_assert_str_eq(gv_multiloc_get(&ph.v[1].title, "nl-BE"), "Ideeën verzamelen");
	GV_FREE(&ph);
	ck_assert_int_eq(gv_phase_get(c, id_of("phase:4"), &ph, &e), ST_OK);
	ck_assert_int_eq(ph.v[0].end_at, 0); /* open-ended */
	GV_FREE(&ph);
	ck_assert_int_eq(gv_statuses_list(c, NULL, &st, &e), ST_OK);
	ck_assert_uint_eq(st.n, 16);
	ck_assert_ptr_null(st.next);
	GV_FREE(&st);
	ck_assert_int_eq(gv_statuses_list(c, "proposals", &st, &e), ST_OK);
	ck_assert_uint_eq(st.n, 6);
	for (size_t i = 0; i < st.n; i++)
		ck_assert_str_eq(st.v[i].participation_method, "proposals");
	GV_FREE(&st);
	gv_client_free(c);
}
END_TEST

static void count_progress(void *arg, long received, long total)
{
	long *max = arg;

	if (received > *max)
		*max = received;
	ck_assert(total == 0 || received <= total);
}

START_TEST(ideas_pages_follow_next_links)
{
	struct gv_client *c = mia();
	struct gv_ideas page;
	char seen[32][40];
	size_t n = 0;
	long total;
	int pages = 1;
	long received = 0;
	struct err e;

	gv_client_on_progress(c, count_progress, &received);
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 1, 5 }, &page, &e), ST_OK);
	ck_assert_int_gt(received, 1000);
	for (;;) {
		for (size_t i = 0; i < page.n; i++) {
			ck_assert(page.v[i].assignee_known); /* an admin sees the assignee */
			ck_assert_ptr_nonnull(page.v[i].project_id);
			for (size_t k = 0; k < n; k++)
				ck_assert_str_ne(seen[k], page.v[i].id);
			ck_assert_uint_lt(n, 32);
			snprintf(seen[n++], 40, "%s", page.v[i].id);
			/* newest first */
			if (i && page.v[i - 1].published_at && page.v[i].published_at)
				ck_assert_int_ge(page.v[i - 1].published_at, page.v[i].published_at);
		}
		if (!page.next)
			break;
		{
			char *next = strdup(page.next);

			GV_FREE(&page);
			ck_assert_int_eq(gv_next(c, next, "ideas", &page, &e), ST_OK);
			free(next);
			pages++;
		}
	}
	GV_FREE(&page);
	ck_assert_int_eq(gv_ideas_count(c, NULL, &total, &e), ST_OK);
	ck_assert_int_eq(total, 14);
	ck_assert_uint_eq(n, 14);
	ck_assert_int_eq(pages, 3);
	gv_client_free(c);
}
END_TEST

START_TEST(ideas_filters_and_one_idea)
{
	struct gv_client *c = mia();
	const char *proj[] = { id_of("project:1") };
	struct gv_idea_query q = { .projects = proj, .nprojects = 1, .sort = "-new" };
	struct gv_ideas l;
	struct err e;
	long total;

	ck_assert_int_eq(gv_ideas_list(c, &q, (struct gv_page){ 0, 0 }, &l, &e), ST_OK);
	ck_assert_uint_gt(l.n, 0);
	for (size_t i = 0; i < l.n; i++)
		ck_assert_str_eq(l.v[i].project_id, proj[0]);
	ck_assert_int_eq(gv_ideas_count(c, &q, &total, &e), ST_OK);
	ck_assert_int_eq(total, (long)l.n);
	GV_FREE(&l);
	q = (struct gv_idea_query){ .status_id = id_of("idea_status:accepted") };
	ck_assert_int_eq(gv_ideas_list(c, &q, (struct gv_page){ 0, 0 }, &l, &e), ST_OK);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0].id, id_of("idea:13"));
	GV_FREE(&l);
	q = (struct gv_idea_query){ .assignee = "unassigned", .search = "Molenstraat" };
	ck_assert_int_eq(gv_ideas_list(c, &q, (struct gv_page){ 0, 0 }, &l, &e), ST_OK);
	ck_assert_uint_ge(l.n, 1);
	GV_FREE(&l);
	ck_assert_int_eq(gv_idea_get(c, id_of("idea:1"), &l, &e), ST_OK);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0].id, id_of("idea:1"));
	ck_assert_str_ne(gv_multiloc_get(&l.v[0].title, "nl-BE"), "");
	ck_assert_str_eq(l.v[0].status_id, id_of("idea_status:proposed"));
	ck_assert_uint_ge(l.v[0].nphases, 1);
	GV_FREE(&l);
	ck_assert_int_eq(gv_idea_get(c, "00000000-0000-0000-0000-000000000000", &l, &e),
			 ST_NOT_FOUND);
	assert_msg(&e, "deleted");
	gv_client_free(c);
}
END_TEST

START_TEST(bad_sort_is_a_server_error_named_as_such)
{
	struct gv_client *c = mia();
	struct gv_idea_query q = { .sort = "bogus" };
	struct gv_ideas l;
	struct err e;

	ck_assert_int_eq(gv_ideas_list(c, &q, (struct gv_page){ 0, 0 }, &l, &e), ST_FAIL);
	assert_msg(&e, "server error (500)");
	assert_msg(&e, "sort order \"bogus\"");
	ck_assert_uint_eq(l.n, 0);
	q.sort = "comments_count";
	ck_assert_int_eq(gv_ideas_list(c, &q, (struct gv_page){ 0, 0 }, &l, &e), ST_OK);
	ck_assert_uint_eq(l.n, 14);
	GV_FREE(&l);
	gv_client_free(c);
}
END_TEST

/* --- expired tokens --------------------------------------------------------------------------- */

START_TEST(expired_token_on_a_read_is_never_sent)
{
	struct gv_client *c = client();
	struct gv_ideas l;
	struct err e;

	/* The platform would answer with public data only (13 ideas, no assignee). */
	set_fake_token(c, "user:1", -60);
	ck_assert(!gv_logged_in(c));
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_CONNECT);
	assert_msg(&e, "expired");
	ck_assert_int_eq(gv_client_requests(c), 0);
	/* A token about to expire counts as expired too. */
	set_fake_token(c, "user:1", 5);
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_CONNECT);
	/* After a new log-in the same call gives the full view. */
	login_as(c, "mia.moderator@testegem.test", "mia-password");
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_OK);
	ck_assert_uint_eq(l.n, 14);
	ck_assert(l.v[0].assignee_known);
	GV_FREE(&l);
	gv_client_free(c);
}
END_TEST

START_TEST(expired_token_on_a_write_loses_nothing)
{
	struct gv_client *c = client();
	const char *accepted = id_of("idea_status:accepted");
	struct gv_ideas l;
	struct err e;

	set_fake_token(c, "user:1", -60);
	ck_assert_int_eq(gv_idea_set_status(c, id_of("idea:1"), accepted, &l, &e), ST_CONNECT);
	assert_msg(&e, "log in again");
	assert_state("ideas", "idea:1", "status", "idea_status:proposed");
	login_as(c, "mia.moderator@testegem.test", "mia-password");
	ck_assert_int_eq(gv_idea_set_status(c, id_of("idea:1"), accepted, &l, &e), ST_OK);
	ck_assert_str_eq(l.v[0].status_id, accepted);
	GV_FREE(&l);
	assert_state("ideas", "idea:1", "status", "idea_status:accepted");
	gv_client_free(c);
}
END_TEST

START_TEST(token_refused_by_the_platform)
{
	struct gv_client *c = mia();
	const char *viewed = id_of("idea_status:viewed");
	struct gv_users u;
	struct err e;

	/* The platform stops accepting every token issued so far, whatever their exp. */
	faults("{\"expire_tokens\": true}");
	ck_assert(gv_logged_in(c));
	ck_assert_int_eq(gv_me(c, &u, &e), ST_CONNECT);          /* 401, empty body */
	assert_msg(&e, "log in again");
	/* A write: a policy refusal for an anonymous caller, told apart by /users/me. */
	ck_assert_int_eq(gv_idea_set_status(c, id_of("idea:2"), viewed, NULL, &e), ST_CONNECT);
	assert_msg(&e, "log in again");
	assert_state("ideas", "idea:2", "status", "idea_status:proposed");
	/* A token made in the same second as the revoked one would be the same string. */
	sleep(1);
	login_as(c, "mia.moderator@testegem.test", "mia-password");
	ck_assert_int_eq(gv_idea_set_status(c, id_of("idea:2"), viewed, NULL, &e), ST_OK);
	assert_state("ideas", "idea:2", "status", "idea_status:viewed");
	gv_client_free(c);
}
END_TEST

START_TEST(refusals_by_role_and_block)
{
	struct gv_client *l = lotte();
	const char *viewed = id_of("idea_status:viewed");
	struct gv_phases ph;
	struct gv_phase_edit p = { .start_at = "2030-01-01" };
	struct err e;

	/* Lotte moderates marktplein only: idea 9 is in the idea box. */
	ck_assert_int_eq(gv_idea_set_status(l, id_of("idea:9"), viewed, NULL, &e), ST_FORBIDDEN);
	assert_msg(&e, "role");
	ck_assert_int_eq(gv_phase_update(l, id_of("phase:4"), &p, &ph, &e), ST_FORBIDDEN);
	fake_do("POST", "/__fake/block", "{\"user\": \"user:8\", \"until\": \"2030-01-01T00:00:00Z\"}");
	ck_assert_int_eq(gv_idea_set_status(l, id_of("idea:1"), viewed, NULL, &e), ST_FORBIDDEN);
	assert_msg(&e, "blocked");
	assert_msg(&e, "2030");
	assert_state("ideas", "idea:1", "status", "idea_status:proposed");
	gv_client_free(l);
}
END_TEST

START_TEST(feature_off_and_proxy_refusals)
{
	struct gv_client *c = mia();
	struct gv_statuses st;
	struct err e;

	faults("{\"status_next\": {\"match\": \"GET /web_api/v1/idea_statuses\", \"status\": 401, "
	       "\"body\": \"{\\\"errors\\\":{\\\"base\\\":[{\\\"error\\\":\\\"idea_statuses_disabled\\\"}]}}\"}}");
	ck_assert_int_eq(gv_statuses_list(c, NULL, &st, &e), ST_FORBIDDEN);
	assert_msg(&e, "switched off");
	/* A proxy's 403 is a refusal like the platform's 401 (§6). */
	faults("{\"status_next\": {\"match\": \"GET /web_api/v1/idea_statuses\", \"status\": 403, "
	       "\"body\": \"{\\\"errors\\\":{\\\"base\\\":[{\\\"error\\\":\\\"Unauthorized!\\\"}]}}\"}}");
	ck_assert_int_eq(gv_statuses_list(c, NULL, &st, &e), ST_FORBIDDEN);
	assert_msg(&e, "role");
	/* A 400 is our mistake, said as such. */
	faults("{\"status_next\": {\"match\": \"GET /web_api/v1/idea_statuses\", \"status\": 400}}");
	ck_assert_int_eq(gv_statuses_list(c, NULL, &st, &e), ST_FAIL);
	assert_msg(&e, "bug in inspraak");
	ck_assert_int_eq(gv_statuses_list(c, NULL, &st, &e), ST_OK);
	GV_FREE(&st);
	gv_client_free(c);
}
END_TEST

/* --- writes ------------------------------------------------------------------------------------- */

START_TEST(status_and_assignee)
{
	struct gv_client *c = mia();
	struct gv_ideas l;
	struct err e;

	ck_assert_int_eq(gv_idea_set_assignee(c, id_of("idea:3"), id_of("user:8"), &l, &e), ST_OK);
	ck_assert(l.v[0].assignee_known);
	ck_assert_str_eq(l.v[0].assignee_id, id_of("user:8"));
	GV_FREE(&l);
	assert_state("ideas", "idea:3", "assignee", "user:8");
	ck_assert_int_eq(gv_idea_set_assignee(c, id_of("idea:3"), NULL, &l, &e), ST_OK);
	ck_assert(l.v[0].assignee_known);
	ck_assert_ptr_null(l.v[0].assignee_id);
	GV_FREE(&l);
	assert_state("ideas", "idea:3", "assignee", "null");
	/* Lotte does not moderate the idea box. */
	ck_assert_int_eq(gv_idea_set_assignee(c, id_of("idea:9"), id_of("user:8"), &l, &e),
			 ST_INVALID);
	assert_msg(&e, "cannot be assigned");
	/* Statuses the platform sets itself. */
	ck_assert_int_eq(gv_idea_set_status(c, id_of("idea:3"), id_of("idea_status:prescreening"),
					    &l, &e), ST_INVALID);
	assert_msg(&e, "cannot be set by hand");
	ck_assert_int_eq(gv_idea_set_status(c, "00000000-0000-0000-0000-000000000000",
					    id_of("idea_status:viewed"), &l, &e), ST_NOT_FOUND);
	gv_client_free(c);
}
END_TEST

START_TEST(official_feedback)
{
	struct gv_client *c = mia();
	struct gv_loc body[] = { { "nl-BE", "<p>We bekijken dit.</p>" } };
	struct gv_loc sig[] = { { "nl-BE", "Dienst Mobiliteit" } };
	struct gv_loc empty[] = { { "nl-BE", "" } };
	struct gv_multiloc b = { body, 1 }, s = { sig, 1 }, none = { empty, 1 };
	struct gv_feedbacks f;
	struct err e;

	ck_assert_int_eq(gv_feedback_post(c, id_of("idea:2"), &b, &s, &f, &e), ST_OK);
	ck_assert_uint_eq(f.n, 1);
	ck_assert_str_eq(gv_multiloc_get(&f.v[0].author, "nl-BE"), "Dienst Mobiliteit");
	ck_assert_str_eq(f.v[0].idea_id, id_of("idea:2"));
	GV_FREE(&f);
	ck_assert_int_eq(gv_feedback_list(c, id_of("idea:2"), (struct gv_page){ 0, 0 }, &f, &e),
			 ST_OK);
	ck_assert_uint_eq(f.n, 1);
	ck_assert_str_eq(gv_multiloc_get(&f.v[0].body, "nl-BE"), "<p>We bekijken dit.</p>");
	GV_FREE(&f);
	ck_assert_int_eq(gv_feedback_post(c, id_of("idea:2"), &b, &none, &f, &e), ST_INVALID);
	assert_msg(&e, "Give the signature");
	gv_client_free(c);
}
END_TEST

START_TEST(phase_create_update_delete)
{
	struct gv_client *c = mia();
	struct gv_loc t1[] = { { "nl-BE", "Uitvoering" } }, t2[] = { { "nl-BE", "Uitvoering 2027" } };
	struct gv_phase_edit p = { { t1, 1 }, "2027-04-01", "2027-06-01", "information" };
	struct gv_phase_edit u = { { t2, 1 }, NULL, NULL, NULL };
	struct gv_phases ph;
	char id[64];
	struct err e;

	ck_assert_int_eq(gv_phase_create(c, id_of("project:1"), &p, &ph, &e), ST_OK);
	ck_assert_uint_eq(ph.n, 1);
	ck_assert_str_eq(ph.v[0].project_id, id_of("project:1"));
	ck_assert_str_eq(ph.v[0].participation_method, "information");
	snprintf(id, sizeof(id), "%s", ph.v[0].id);
	GV_FREE(&ph);
	ck_assert_int_eq(gv_phase_update(c, id, &u, &ph, &e), ST_OK);
	ck_assert_str_eq(gv_multiloc_get(&ph.v[0].title, "nl-BE"), "Uitvoering 2027");
	GV_FREE(&ph);
	ck_assert_int_eq(gv_phase_delete(c, id, &e), ST_OK);
	ck_assert_int_eq(gv_phase_get(c, id, &ph, &e), ST_NOT_FOUND);
	ck_assert_int_eq(gv_phase_delete(c, id, &e), ST_NOT_FOUND);
	gv_client_free(c);
}
END_TEST

START_TEST(phase_overlap_names_the_other_phase)
{
	struct gv_client *c = mia();
	struct gv_loc t[] = { { "nl-BE", "Workshop" } };
	struct gv_phase_edit p = { { t, 1 }, "2026-11-01", "2026-11-15", "ideation" };
	struct gv_phase_edit later = { { t, 1 }, "2027-04-01", "2027-05-01", "ideation" };
	struct gv_phase_edit move = { { NULL, 0 }, "2027-03-01", NULL, NULL };
	struct gv_phases ph;
	char want[200], id[64];
	struct err e;

	ck_assert_int_eq(gv_phase_create(c, id_of("project:1"), &p, &ph, &e), ST_INVALID);
	snprintf(want, sizeof(want), "overlap with the phase \"%s\"",
		 strcmp(i18n_content_locale(), "en") == 0 ? "Collecting ideas" : "Ideeën verzamelen");
	assert_msg(&e, want);
	assert_state("projects", "project:1", "current_phase", "phase:2");
	/* Nothing lost: with dates after the last phase it is made. */
	ck_assert_int_eq(gv_phase_create(c, id_of("project:1"), &later, &ph, &e), ST_OK);
	snprintf(id, sizeof(id), "%s", ph.v[0].id);
	GV_FREE(&ph);
	/* Moving its start into the design phase: the phase's own end is read back. */
	ck_assert_int_eq(gv_phase_update(c, id, &move, &ph, &e), ST_INVALID);
	snprintf(want, sizeof(want), "overlap with the phase \"%s\"",
		 strcmp(i18n_content_locale(), "en") == 0 ? "Design" : "Ontwerp");
	assert_msg(&e, want);
	gv_client_free(c);
}
END_TEST

START_TEST(phase_rules_in_words)
{
	struct gv_client *c = mia();
	struct gv_loc t[] = { { "nl-BE", "Omgekeerd" } };
	struct gv_phase_edit back = { { t, 1 }, "2027-06-01", "2027-05-01", NULL };
	struct gv_phase_edit method = { { t, 1 }, "2027-06-01", "2027-07-01", "brainstorm" };
	struct gv_phase_edit untitled = { { NULL, 0 }, "2027-06-01", "2027-07-01", NULL };
	struct gv_phase_edit baddate = { { t, 1 }, "1 juni", NULL, NULL };
	struct gv_phases ph;
	struct err e;

	ck_assert_int_eq(gv_phase_create(c, id_of("project:1"), &back, &ph, &e), ST_INVALID);
	assert_msg(&e, "must start before it ends");
	ck_assert_int_eq(gv_phase_create(c, id_of("project:1"), &method, &ph, &e), ST_INVALID);
	assert_msg(&e, "\"brainstorm\"");
	ck_assert_int_eq(gv_phase_create(c, id_of("project:1"), &untitled, &ph, &e), ST_INVALID);
	assert_msg(&e, "Give the title");
	ck_assert_int_eq(gv_phase_create(c, id_of("project:1"), &baddate, &ph, &e), ST_INVALID);
	assert_msg(&e, "is not a date");
	gv_client_free(c);
}
END_TEST

/* --- the inbox and reports ------------------------------------------------------------------- */

START_TEST(moderation_inbox)
{
	struct gv_client *c = mia();
	struct gv_moderation_query q = { .flagged = 1 };
	struct gv_moderations m;
	struct gv_flags f;
	const char *flag9 = id_of("inappropriate_content_flag:idea:9");
	long count;
	bool found = false;
	struct err e;

	ck_assert_int_eq(gv_moderations_list(c, &q, (struct gv_page){ 0, 0 }, &m, &e), ST_OK);
	ck_assert_int_eq(gv_moderations_count(c, &q, &count, &e), ST_OK);
	ck_assert_int_eq(count, (long)m.n);
	ck_assert_uint_eq(m.n, 3);
	for (size_t i = 0; i < m.n; i++) {
		ck_assert_ptr_nonnull(m.v[i].flag_id);
		ck_assert_ptr_nonnull(m.v[i].flag);
		ck_assert_ptr_nonnull(m.v[i].project_id);
		if (strcmp(m.v[i].flag_id, flag9) == 0) {
			found = true;
			ck_assert_str_eq(m.v[i].flag->toxicity_label, "spam");
			ck_assert_str_eq(m.v[i].moderatable_type, "Idea");
		}
		if (strcmp(m.v[i].moderatable_type, "Comment") == 0)
			ck_assert_ptr_nonnull(m.v[i].idea_id);
	}
	ck_assert(found);
	GV_FREE(&m);
	ck_assert_int_eq(gv_moderation_mark(c, "Idea", id_of("idea:9"), true, &e), ST_OK);
	q = (struct gv_moderation_query){ .status = "read", .flagged = -1 };
	ck_assert_int_eq(gv_moderations_count(c, &q, &count, &e), ST_OK);
	ck_assert_int_eq(count, 1);
	ck_assert_int_eq(gv_flag_dismiss(c, flag9, &e), ST_OK);
	ck_assert_int_eq(gv_flag_get(c, flag9, &f, &e), ST_OK);
	ck_assert_int_ne(f.v[0].deleted_at, 0);
	ck_assert_ptr_null(f.v[0].reason_code);
	GV_FREE(&f);
	ck_assert_int_eq(gv_flag_restore(c, flag9, &e), ST_OK);
	ck_assert_int_eq(gv_flag_get(c, flag9, &f, &e), ST_OK);
	ck_assert_int_eq(f.v[0].deleted_at, 0);
	GV_FREE(&f);
	/* Never-flagged items with "data": null decode the same. */
	faults("{\"flag_rel_null\": true}");
	q = (struct gv_moderation_query){ .flagged = 0 };
	ck_assert_int_eq(gv_moderations_list(c, &q, (struct gv_page){ 1, 3 }, &m, &e), ST_OK);
	ck_assert_uint_eq(m.n, 3);
	ck_assert_ptr_null(m.v[0].flag_id);
	ck_assert_ptr_nonnull(m.next);
	GV_FREE(&m);
	/* An item not in the inbox: the platform fails (500), a write is not repeated. */
	ck_assert_int_eq(gv_moderation_mark(c, "Idea", id_of("idea:12"), true, &e), ST_FAIL);
	assert_msg(&e, "server error");
	gv_client_free(c);
}
END_TEST

START_TEST(inbox_module_switched_off)
{
	struct gv_client *c = mia();
	struct gv_moderations m;
	struct err e;

	faults("{\"engines_off\": [\"moderation\"]}");
	ck_assert_int_eq(gv_moderations_list(c, NULL, (struct gv_page){ 0, 0 }, &m, &e),
			 ST_NOT_FOUND);
	assert_msg(&e, "does not offer");
	gv_client_free(c);
}
END_TEST

START_TEST(spam_reports)
{
	struct gv_client *c = mia();
	struct gv_spam_reports r;
	struct err e;

	ck_assert_int_eq(gv_spam_reports_list(c, "idea", id_of("idea:9"), (struct gv_page){ 0, 0 },
					      &r, &e), ST_OK);
	ck_assert_uint_eq(r.n, 2);
	for (size_t i = 0; i < r.n; i++) {
		ck_assert_str_eq(r.v[i].reportable.id, id_of("idea:9"));
		ck_assert_ptr_nonnull(r.v[i].reason_code);
		ck_assert_int_ne(r.v[i].reported_at, 0);
	}
	GV_FREE(&r);
	ck_assert_int_eq(gv_spam_reports_list(c, "comment", id_of("comment:2"),
					      (struct gv_page){ 0, 0 }, &r, &e), ST_OK);
	ck_assert_uint_eq(r.n, 1);
	GV_FREE(&r);
	ck_assert_int_eq(gv_spam_reports_list(c, "project", "x", (struct gv_page){ 0, 0 }, &r, &e),
			 ST_INVALID);
	gv_client_free(c);
}
END_TEST

START_TEST(remove_comment_and_delete_idea)
{
	struct gv_client *c = mia();
	struct gv_ideas l;
	char *st;
	struct err e;

	ck_assert_int_eq(gv_comment_remove(c, id_of("comment:2"), "other", "", &e), ST_INVALID);
	assert_msg(&e, "does not accept this reason");
	ck_assert_int_eq(gv_comment_remove(c, id_of("comment:2"), "inappropriate", NULL, &e),
			 ST_OK);
	st = state("comments", "comment:2", "deleted");
	ck_assert_ptr_nonnull(strstr(st, "inappropriate"));
	free(st);
	ck_assert_int_eq(gv_idea_delete(c, id_of("idea:11"), &e), ST_OK);
	ck_assert_int_eq(gv_idea_get(c, id_of("idea:11"), &l, &e), ST_NOT_FOUND);
	ck_assert_int_eq(gv_idea_delete(c, id_of("idea:11"), &e), ST_NOT_FOUND);
	gv_client_free(c);
}
END_TEST

/* --- the network's failures ---------------------------------------------------------------------- */

START_TEST(rate_limit_without_retry_after)
{
	struct gv_client *c = mia();
	struct gv_ideas l;
	long before = gv_client_requests(c);
	double t0;
	struct err e;

	faults("{\"status_next\": {\"match\": \"GET /web_api/v1/ideas\", \"status\": 429}}");
	t0 = now_s();
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_OK);
	ck_assert_uint_eq(l.n, 14);
	ck_assert_int_eq(gv_client_requests(c) - before, 2);
	ck_assert(now_s() - t0 >= 0.05); /* the back-off */
	GV_FREE(&l);
	/* Still limited after every retry: a message, then the call works again. */
	faults("{\"status_next\": {\"match\": \"GET /web_api/v1/ideas\", \"status\": 429, "
	       "\"count\": 3}}");
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_FAIL);
	assert_msg(&e, "limiting requests");
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_OK);
	GV_FREE(&l);
	gv_client_free(c);
}
END_TEST

START_TEST(rate_limit_with_retry_after)
{
	struct gv_client *c = mia();
	struct gv_loc body[] = { { "nl-BE", "<p>Dank u.</p>" } }, sig[] = { { "nl-BE", "Mia" } };
	struct gv_multiloc b = { body, 1 }, s = { sig, 1 };
	struct gv_ideas l;
	struct gv_feedbacks f;
	double t0;
	struct err e;

	faults("{\"status_next\": {\"match\": \"GET /web_api/v1/ideas\", \"status\": 429, "
	       "\"retry_after\": 1}}");
	t0 = now_s();
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_OK);
	ck_assert(now_s() - t0 >= 0.95);
	GV_FREE(&l);
	/* Retry-After as an HTTP date. */
	{
		char when[64], doc[256];
		time_t at = time(NULL) + 1;

		strftime(when, sizeof(when), "%a, %d %b %Y %H:%M:%S GMT", gmtime(&at));
		snprintf(doc, sizeof(doc), "{\"status_next\": {\"match\": \"GET /web_api/v1/ideas\", "
			 "\"status\": 429, \"retry_after\": \"%s\"}}", when);
		faults(doc);
		ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_OK);
		ck_assert_uint_eq(l.n, 14);
		GV_FREE(&l);
	}
	/* A refused write was never applied: it is repeated too, once. */
	faults("{\"status_next\": {\"match\": \"POST /web_api/v1/ideas/*\", \"status\": 429, "
	       "\"retry_after\": 1}}");
	ck_assert_int_eq(gv_feedback_post(c, id_of("idea:4"), &b, &s, NULL, &e), ST_OK);
	ck_assert_int_eq(gv_feedback_list(c, id_of("idea:4"), (struct gv_page){ 0, 0 },
					  &f, &e), ST_OK);
	ck_assert_uint_eq(f.n, 1);
	GV_FREE(&f);
	gv_client_free(c);
}
END_TEST

START_TEST(server_errors_retry_reads_not_writes)
{
	struct gv_client *c = mia();
	const char *viewed = id_of("idea_status:viewed");
	struct gv_statuses st;
	long before;
	struct err e;

	faults("{\"status_next\": {\"match\": \"GET /web_api/v1/idea_statuses\", \"status\": 503}}");
	before = gv_client_requests(c);
	ck_assert_int_eq(gv_statuses_list(c, NULL, &st, &e), ST_OK);
	ck_assert_int_eq(gv_client_requests(c) - before, 2);
	GV_FREE(&st);
	faults("{\"status_next\": {\"match\": \"PATCH /web_api/v1/ideas/*\", \"status\": 500}}");
	before = gv_client_requests(c);
	ck_assert_int_eq(gv_idea_set_status(c, id_of("idea:5"), viewed, NULL, &e), ST_FAIL);
	assert_msg(&e, "probably not saved");
	ck_assert_int_eq(gv_client_requests(c) - before, 1);
	assert_state("ideas", "idea:5", "status", "idea_status:proposed");
	ck_assert_int_eq(gv_idea_set_status(c, id_of("idea:5"), viewed, NULL, &e), ST_OK);
	assert_state("ideas", "idea:5", "status", "idea_status:viewed");
	gv_client_free(c);
}
END_TEST

START_TEST(hanging_server_times_out)
{
	struct gv_client *c = client_opts(1500, 2);
	const char *viewed = id_of("idea_status:viewed");
	struct gv_ideas l;
	double t0;
	struct err e;

	login_as(c, "mia.moderator@testegem.test", "mia-password");
	faults("{\"hang_next\": \"GET /web_api/v1/ideas\"}");
	t0 = now_s();
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_FAIL);
	ck_assert(now_s() - t0 < 4);
	assert_msg(&e, "did not answer within 2 seconds");
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_OK);
	GV_FREE(&l);
	faults("{\"hang_next\": \"PATCH /web_api/v1/ideas/*\"}");
	ck_assert_int_eq(gv_idea_set_status(c, id_of("idea:6"), viewed, NULL, &e), ST_FAIL);
	assert_msg(&e, "may or may not have been saved");
	ck_assert_int_eq(gv_idea_set_status(c, id_of("idea:6"), viewed, NULL, &e), ST_OK);
	assert_state("ideas", "idea:6", "status", "idea_status:viewed");
	gv_client_free(c);
}
END_TEST

struct canceller {
	struct gv_client *c;
};

static void *cancel_later(void *arg)
{
	struct canceller *k = arg;
	struct timespec ts = { 0, 300 * 1000000L };

	nanosleep(&ts, NULL);
	gv_client_cancel(k->c);
	return NULL;
}

START_TEST(a_hang_can_be_cancelled)
{
	struct gv_client *c = client_opts(20000, 0);
	struct canceller k = { c };
	struct gv_ideas l;
	pthread_t t;
	double t0;
	struct err e;

	login_as(c, "mia.moderator@testegem.test", "mia-password");
	faults("{\"hang_next\": \"GET /web_api/v1/ideas\"}");
	t0 = now_s();
	pthread_create(&t, NULL, cancel_later, &k);
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e),
			 ST_CANCELLED);
	pthread_join(t, NULL);
	/* The cancel wakes the transfer at once, not at libcurl's next progress call (about a
	 * second later): it ends well within a second of the 0.3 s it was given. */
	ck_assert_msg(now_s() - t0 < 1.0, "the cancel took %.2f s", now_s() - t0 - 0.3);
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_OK);
	GV_FREE(&l);
	gv_client_free(c);
}
END_TEST

START_TEST(truncated_answer)
{
	struct gv_client *c = client_opts(5000, 0), *r = mia();
	struct gv_ideas l;
	long before;
	struct err e;

	login_as(c, "mia.moderator@testegem.test", "mia-password");
	faults("{\"truncate_next\": \"GET /web_api/v1/ideas\"}");
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_FAIL);
	assert_msg(&e, "cut off");
	ck_assert_uint_eq(l.n, 0);
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_OK);
	GV_FREE(&l);
	/* With retries a read is fetched again. */
	faults("{\"truncate_next\": \"GET /web_api/v1/ideas\"}");
	before = gv_client_requests(r);
	ck_assert_int_eq(gv_ideas_list(r, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_OK);
	ck_assert_int_eq(gv_client_requests(r) - before, 2);
	ck_assert_uint_eq(l.n, 14);
	GV_FREE(&l);
	gv_client_free(c);
	gv_client_free(r);
}
END_TEST

/* An answer with status 200 and this body, for the next GET of the ideas. */
static void answer_next(const char *body)
{
	json_t *f = json_pack("{s:{s:s,s:i,s:s}}", "status_next", "match", "GET /web_api/v1/ideas",
			      "status", 200, "body", body);
	char *s = json_dumps(f, JSON_COMPACT);

	faults(s);
	free(s);
	json_decref(f);
}

START_TEST(malformed_answers)
{
	struct gv_client *c = mia();
	struct gv_ideas l;
	struct err e;

	answer_next("{\"data\": [} ");
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_FAIL);
	assert_msg(&e, "not valid JSON");
	answer_next("{\"data\": [{\"id\": \"x\", \"type\": \"idea\", \"attr");
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_FAIL);
	assert_msg(&e, "cut off");
	answer_next("{\"data\": [{\"id\": \"x\", \"type\": \"idea\", \"attributes\": {}}]}");
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_FAIL);
	assert_msg(&e, "\"title_multiloc\" is missing in record 1 (idea)");
	answer_next("{\"data\": [{\"id\": \"x\", \"type\": \"idea\", \"attributes\": "
		    "{\"title_multiloc\": \"oops\"}}]}");
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_FAIL);
	assert_msg(&e, "\"title_multiloc\" in record 1 (idea) is text");
	answer_next("{\"data\": [{\"id\": 7, \"type\": \"idea\"}]}");
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_FAIL);
	assert_msg(&e, "\"id\"");
	answer_next("{\"data\": [{\"id\": \"x\", \"type\": \"project\", \"attributes\": {}}]}");
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_FAIL);
	assert_msg(&e, "holds a project where a idea was expected");
	answer_next("");
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_FAIL);
	assert_msg(&e, "empty answer");
	/* Nothing lost: the next answer is the real one. */
	ck_assert_int_eq(gv_ideas_list(c, &all_new, (struct gv_page){ 0, 0 }, &l, &e), ST_OK);
	ck_assert_uint_eq(l.n, 14);
	GV_FREE(&l);
	gv_client_free(c);
}
END_TEST

START_TEST(links_elsewhere_are_not_followed)
{
	struct gv_client *c = mia();
	struct gv_ideas l;
	long before = gv_client_requests(c);
	char url[400];
	struct err e;

	ck_assert_int_eq(gv_next(c, "https://evil.example/web_api/v1/ideas?page%5Bnumber%5D=2",
				 "ideas", &l, &e), ST_FAIL);
	assert_msg(&e, "another address");
	snprintf(url, sizeof(url), "%s/web_api/v1x/ideas", fake_url);
	ck_assert_int_eq(gv_next(c, url, "ideas", &l, &e), ST_FAIL);
	snprintf(url, sizeof(url), "%s.evil.example/web_api/v1/ideas", fake_url);
	ck_assert_int_eq(gv_next(c, url, "ideas", &l, &e), ST_FAIL);
	ck_assert_int_eq(gv_client_requests(c), before);
	/* The same host spelt in capitals is ours. */
	snprintf(url, sizeof(url), "HTTPS://%s/web_api/v1/ideas?sort=new", fake_url + 8);
	ck_assert_int_eq(gv_next(c, url, "ideas", &l, &e), ST_OK);
	ck_assert_uint_eq(l.n, 14);
	GV_FREE(&l);
	gv_client_free(c);
}
END_TEST

/* --- no network ------------------------------------------------------------------------------ */

START_TEST(times_and_multilocs)
{
	struct gv_loc v[] = { { "fr-BE", "" }, { "en", "Parking" }, { "nl-BE", "Parkeren" } };
	struct gv_multiloc m = { v, 3 }, none = { NULL, 0 };
	int64_t t;
	bool d;
	ck_assert_str_eq(gv_multiloc_get(&m, "nl-BE"), "Parkeren");
	ck_assert_str_eq(gv_multiloc_get(&m, "nl"), "Parkeren");
	ck_assert_str_eq(gv_multiloc_get(&m, "fr-BE"), "Parkeren"); /* empty: fall back */
	ck_assert_str_eq(gv_multiloc_get(&m, "en-GB"), "Parking");
	ck_assert_str_eq(gv_multiloc_get(&none, "en"), "");
	ck_assert(gv_parse_time("2025-03-01T09:12:44.123Z", &t, &d));
	ck_assert_int_eq(t, 1740820364);
	ck_assert(!d);
	ck_assert(gv_parse_time("2025-03-01T10:12:44+01:00", &t, NULL));
	ck_assert_int_eq(t, 1740820364);
	/* A date is midnight in Brussels: winter +1, summer +2. */
	ck_assert(gv_parse_time("2025-01-15", &t, &d));
	ck_assert(d);
	ck_assert_int_eq(t, 1736895600);
	ck_assert(gv_parse_time("2025-07-15", &t, NULL));
	ck_assert_int_eq(t, 1752530400);
	ck_assert(!gv_parse_time("2025-02-30", &t, NULL));
	ck_assert(!gv_parse_time("2025-01-15T25:00Z", &t, NULL));
	ck_assert(!gv_parse_time("gisteren", &t, NULL));
}
END_TEST

START_TEST(old_platform_dates_have_an_inclusive_end)
{
	const char *doc = "{\"data\":{\"id\":\"p\",\"type\":\"phase\",\"attributes\":{"
			  "\"title_multiloc\":{\"nl-BE\":\"Oud\"},\"start_at\":\"2025-04-01\","
			  "\"end_at\":\"2025-04-30\"}}}";
	struct gv_phases ph;
	int64_t start, end;
	struct err e;

	ck_assert_int_eq(gv_decode_phases(doc, strlen(doc), &ph, &e), ST_OK);
	gv_parse_time("2025-04-01", &start, NULL);
	gv_parse_time("2025-05-01", &end, NULL);
	ck_assert(ph.v[0].dates_only);
	ck_assert_int_eq(ph.v[0].start_at, start);
	ck_assert_int_eq(ph.v[0].end_at, end);
	GV_FREE(&ph);
}
END_TEST

START_TEST(error_bodies_in_words)
{
	const char *a = "{\"errors\":{\"base\":\"Cannot delete a status in use\"}}";
	const char *b = "{\"errors\":{\"title_multiloc\":[{\"error\":\"blank\"}],"
			"\"end_at\":[{\"error\":\"invalid\"}],"
			"\"start_at\":[{\"error\":\"invalid\"}]}}";
	char *m;

	m = gv_decode_422(a, strlen(a));
	ck_assert_ptr_nonnull(m);
	ck_assert_ptr_nonnull(strstr(m, "Cannot delete a status in use"));
	free(m);
	m = gv_decode_422(b, strlen(b));
	ck_assert_ptr_nonnull(strstr(m, "Give the title"));
	ck_assert_ptr_nonnull(strstr(m, "Only the last phase may be open-ended"));
	ck_assert_ptr_nonnull(strstr(m, "two days"));
	free(m);
	ck_assert_ptr_null(gv_decode_422("Retry later", 11));
	ck_assert_int_eq(gv_token_expiry("not a token"), 0);
	ck_assert_int_eq(gv_token_expiry("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3OTk5OTk5OTl9.c2ln"),
			 1799999999);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("govocal client");
	TCase *net = tcase_create("against the fake");
	TCase *off = tcase_create("offline");

	tcase_add_unchecked_fixture(net, fake_setup, NULL);
	tcase_add_checked_fixture(net, reset, NULL);
	tcase_set_timeout(net, 60);
	tcase_add_test(net, login_gives_a_token_with_its_expiry);
	tcase_add_test(net, wrong_password_is_a_clear_refusal);
	tcase_add_test(net, sso_domain_is_explained);
	tcase_add_test(net, only_verified_https);
	tcase_add_test(net, me_and_users);
	tcase_add_test(net, anonymous_needs_a_login_for_protected_reads);
	tcase_add_test(net, projects_for_admin_and_moderator);
	tcase_add_test(net, phases_and_statuses);
	tcase_add_test(net, ideas_pages_follow_next_links);
	tcase_add_test(net, ideas_filters_and_one_idea);
	tcase_add_test(net, bad_sort_is_a_server_error_named_as_such);
	tcase_add_test(net, expired_token_on_a_read_is_never_sent);
	tcase_add_test(net, expired_token_on_a_write_loses_nothing);
	tcase_add_test(net, token_refused_by_the_platform);
	tcase_add_test(net, refusals_by_role_and_block);
	tcase_add_test(net, feature_off_and_proxy_refusals);
	tcase_add_test(net, status_and_assignee);
	tcase_add_test(net, official_feedback);
	tcase_add_test(net, phase_create_update_delete);
	tcase_add_test(net, phase_overlap_names_the_other_phase);
	tcase_add_test(net, phase_rules_in_words);
	tcase_add_test(net, moderation_inbox);
	tcase_add_test(net, inbox_module_switched_off);
	tcase_add_test(net, spam_reports);
	tcase_add_test(net, remove_comment_and_delete_idea);
	tcase_add_test(net, rate_limit_without_retry_after);
	tcase_add_test(net, rate_limit_with_retry_after);
	tcase_add_test(net, server_errors_retry_reads_not_writes);
	tcase_add_test(net, hanging_server_times_out);
	tcase_add_test(net, a_hang_can_be_cancelled);
	tcase_add_test(net, truncated_answer);
	tcase_add_test(net, malformed_answers);
	tcase_add_test(net, links_elsewhere_are_not_followed);
	tcase_add_test(off, times_and_multilocs);
	tcase_add_test(off, old_platform_dates_have_an_inclusive_end);
	tcase_add_test(off, error_bodies_in_words);
	suite_add_tcase(s, net);
	suite_add_tcase(s, off);
	return s;
}

#include "tests/check_main.h"
