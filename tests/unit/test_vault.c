/* The credentials vault: what goes in comes out with the right key, and with anything else
 * (a wrong passphrase, another key file, a key file others may read, a changed file) there is
 * a clear refusal and the file is left as it was. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/vault.h"

#define TOKEN "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtaWEifQ.c2lnbmF0dXJlLXRlc3Q"
#define PASSWORD "mia-password-Zq7!"
#define API "https://participatie.testegem.test"

static char dir[64];
static char *vpath, *kpath;

static void setup(void)
{
	char *s;

	snprintf(dir, sizeof(dir), "/tmp/insp-vault.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	s = xasprintf("%s/config", dir);
	setenv("XDG_CONFIG_HOME", s, 1);
	free(s);
	s = xasprintf("%s/data", dir);
	setenv("XDG_DATA_HOME", s, 1);
	free(s);
	vpath = xasprintf("%s/data/inspraak/vault", dir);
	kpath = xasprintf("%s/config/inspraak/vault.key", dir);
}

static void teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	free(vpath);
	free(kpath);
}

static struct vault_key file_key(const char *path)
{
	struct vault_key k = { .kind = VAULT_KEY_FILE, .key_file = path };

	return k;
}

/* The cheapest Argon2id, so the tests stay fast; the file records the cost. */
static struct vault_key pass_key(const char *pass)
{
	struct vault_key k = { .kind = VAULT_KEY_PASSPHRASE, .passphrase = pass, .ops = 1,
			       .mem = 8192 };

	return k;
}

static void store_one(const struct vault_key *k, const char *password)
{
	struct vault *v;
	struct err e;
	struct vault_entry en = { API "/", "mia.moderator@testegem.test", TOKEN, password, 1893456000 };

	ck_assert_int_eq(vault_open(vpath, k, true, &v, &e), ST_OK);
	ck_assert(!vault_exists(v));
	vault_put(v, &en);
	ck_assert_msg(vault_save(v, &e) == ST_OK, "%s", e.msg);
	ck_assert(vault_exists(v));
	vault_close(v);
}

static void check_one(const struct vault_key *k, const char *password)
{
	struct vault *v;
	struct err e;
	const struct vault_entry *en;

	ck_assert_msg(vault_open(vpath, k, false, &v, &e) == ST_OK, "%s", e.msg);
	en = vault_get(v, API);
	ck_assert_ptr_nonnull(en);
	ck_assert_str_eq(en->api, API);
	ck_assert_str_eq(en->email, "mia.moderator@testegem.test");
	ck_assert_str_eq(en->token, TOKEN);
	if (password)
		ck_assert_str_eq(en->password, password);
	else
		ck_assert_ptr_null(en->password);
	ck_assert_int_eq(en->expires, 1893456000);
	vault_close(v);
}

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = xmalloc(1 << 16);

	ck_assert_ptr_nonnull(f);
	*len = fread(buf, 1, 1 << 16, f);
	fclose(f);
	return buf;
}

static void spew(const char *path, const unsigned char *buf, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(buf, 1, len, f), len);
	fclose(f);
}

static int mode_of(const char *path)
{
	struct stat st;

	ck_assert_int_eq(stat(path, &st), 0);
	return (int)(st.st_mode & 07777);
}

START_TEST(roundtrip_with_a_key_file)
{
	struct vault_key k = file_key(NULL);

	store_one(&k, PASSWORD);
	ck_assert_int_eq(mode_of(kpath), 0600);
	ck_assert_int_eq(mode_of(vpath), 0600);
	check_one(&k, PASSWORD);
}
END_TEST

START_TEST(roundtrip_with_a_chosen_key_file)
{
	char *kf = xasprintf("%s/elsewhere/my.key", dir);
	struct vault_key k = file_key(kf);

	store_one(&k, NULL);
	ck_assert_int_eq(mode_of(kf), 0600);
	ck_assert_int_ne(access(kpath, F_OK), 0);
	check_one(&k, NULL);
	free(kf);
}
END_TEST

START_TEST(roundtrip_with_a_passphrase)
{
	struct vault_key k = pass_key("correct horse battery staple");
	enum vault_key_kind kind = 0;
	struct err e;

	store_one(&k, PASSWORD);
	ck_assert_int_ne(access(kpath, F_OK), 0);
	ck_assert_int_eq(vault_probe(vpath, &kind, &e), ST_OK);
	ck_assert_int_eq(kind, VAULT_KEY_PASSPHRASE);
	/* The cost comes from the file, not from the caller. */
	k.ops = 0;
	k.mem = 0;
	check_one(&k, PASSWORD);
}
END_TEST

START_TEST(a_wrong_passphrase_is_refused)
{
	struct vault_key k = pass_key("correct horse battery staple");
	struct vault_key wrong = pass_key("correct horse battery stapler");
	struct vault *v = NULL;
	struct err e;
	unsigned char *before, *after;
	size_t n1, n2;

	store_one(&k, PASSWORD);
	before = slurp(vpath, &n1);
	ck_assert_int_eq(vault_open(vpath, &wrong, true, &v, &e), ST_FORBIDDEN);
	ck_assert_ptr_null(v);
	ck_assert_msg(strstr(e.msg, "Wrong passphrase") && strstr(e.msg, vpath), "%s", e.msg);
	after = slurp(vpath, &n2);
	ck_assert(n1 == n2 && !memcmp(before, after, n1));
	free(before);
	free(after);
	check_one(&k, PASSWORD);
}
END_TEST

START_TEST(an_empty_passphrase_is_refused)
{
	struct vault_key k = pass_key("");
	struct vault *v = NULL;
	struct err e;

	ck_assert_int_eq(vault_open(vpath, &k, true, &v, &e), ST_INVALID);
	ck_assert_msg(strstr(e.msg, "empty"), "%s", e.msg);
}
END_TEST

START_TEST(the_other_kind_of_key_is_refused)
{
	struct vault_key k = pass_key("correct horse battery staple");
	struct vault_key f = file_key(NULL);
	struct vault *v = NULL;
	struct err e;

	store_one(&k, NULL);
	ck_assert_int_eq(vault_open(vpath, &f, true, &v, &e), ST_INVALID);
	ck_assert_msg(strstr(e.msg, "passphrase"), "%s", e.msg);
	ck_assert_int_ne(access(kpath, F_OK), 0);
}
END_TEST

START_TEST(another_key_file_is_refused)
{
	struct vault_key k = file_key(NULL);
	char *other = xasprintf("%s/other.key", dir);
	struct vault_key o = file_key(other);
	struct vault *v = NULL;
	struct err e;

	store_one(&k, NULL);
	spew(other, (const unsigned char *)"0123456789abcdef0123456789abcdef", 32);
	ck_assert_int_eq(chmod(other, 0600), 0);
	ck_assert_int_eq(vault_open(vpath, &o, true, &v, &e), ST_FORBIDDEN);
	ck_assert_msg(strstr(e.msg, other) && strstr(e.msg, "another key"), "%s", e.msg);
	free(other);
}
END_TEST

START_TEST(a_missing_key_file_is_not_replaced)
{
	struct vault_key k = file_key(NULL);
	struct vault *v = NULL;
	struct err e;

	store_one(&k, NULL);
	ck_assert_int_eq(unlink(kpath), 0);
	ck_assert_int_ne(vault_open(vpath, &k, true, &v, &e), ST_OK);
	ck_assert_msg(strstr(e.msg, "missing"), "%s", e.msg);
	ck_assert_int_ne(access(kpath, F_OK), 0);
}
END_TEST

START_TEST(a_key_file_others_may_read_is_refused)
{
	struct vault_key k = file_key(NULL);
	struct vault *v = NULL;
	struct err e;

	store_one(&k, PASSWORD);
	ck_assert_int_eq(chmod(kpath, 0644), 0);
	ck_assert_int_eq(vault_open(vpath, &k, false, &v, &e), ST_FORBIDDEN);
	ck_assert_ptr_null(v);
	ck_assert_msg(strstr(e.msg, "0644") && strstr(e.msg, "chmod 600"), "%s", e.msg);
	ck_assert_int_eq(chmod(kpath, 0640), 0);
	ck_assert_int_eq(vault_open(vpath, &k, false, &v, &e), ST_FORBIDDEN);
	ck_assert_int_eq(chmod(kpath, 0400), 0);
	check_one(&k, PASSWORD);
}
END_TEST

START_TEST(a_key_file_of_the_wrong_size_is_refused)
{
	struct vault_key k = file_key(NULL);
	struct vault *v = NULL;
	struct err e;
	char *d = xasprintf("%s/config/inspraak", dir);

	ck_assert_int_eq(mkdir_p(d, 0700), 0);
	spew(kpath, (const unsigned char *)"short\n", 6);
	ck_assert_int_eq(chmod(kpath, 0600), 0);
	ck_assert_int_eq(vault_open(vpath, &k, true, &v, &e), ST_INVALID);
	ck_assert_msg(strstr(e.msg, "not a key file"), "%s", e.msg);
	free(d);
}
END_TEST

/* Every byte of the file matters: a flip anywhere is refused, never read as something else. */
START_TEST(a_changed_file_is_refused)
{
	struct vault_key k = file_key(NULL);
	unsigned char *orig;
	size_t len;

	store_one(&k, PASSWORD);
	orig = slurp(vpath, &len);
	for (size_t i = 0; i < len; i++) {
		struct vault *v = NULL;
		struct err e;

		orig[i] ^= 0x20;
		spew(vpath, orig, len);
		ck_assert_int_ne(vault_open(vpath, &k, false, &v, &e), ST_OK);
		ck_assert_ptr_null(v);
		ck_assert_msg(strstr(e.msg, "damaged") || strstr(e.msg, "another key"),
			      "byte %zu: %s", i, e.msg);
		orig[i] ^= 0x20;
	}
	spew(vpath, orig, len);
	check_one(&k, PASSWORD);
	free(orig);
}
END_TEST

START_TEST(a_truncated_or_foreign_file_is_refused)
{
	struct vault_key k = file_key(NULL);
	struct vault *v = NULL;
	struct err e;
	enum vault_key_kind kind;
	unsigned char *orig;
	size_t len;

	store_one(&k, NULL);
	orig = slurp(vpath, &len);
	spew(vpath, orig, len - 1);
	ck_assert_int_eq(vault_open(vpath, &k, false, &v, &e), ST_INVALID);
	ck_assert_msg(strstr(e.msg, "damaged") && strstr(e.msg, "leaves it as it is"), "%s", e.msg);
	spew(vpath, orig, 20);
	ck_assert_int_eq(vault_open(vpath, &k, true, &v, &e), ST_INVALID);
	ck_assert_int_eq(vault_probe(vpath, &kind, &e), ST_INVALID);
	spew(vpath, (const unsigned char *)"", 0);
	ck_assert_int_eq(vault_open(vpath, &k, true, &v, &e), ST_INVALID);
	spew(vpath, (const unsigned char *)"machine example.be login mia password x\n", 40);
	ck_assert_int_eq(vault_open(vpath, &k, true, &v, &e), ST_INVALID);
	ck_assert_ptr_null(v);
	free(orig);
}
END_TEST

START_TEST(no_vault_yet)
{
	struct vault_key k = file_key(NULL);
	struct vault *v = NULL;
	enum vault_key_kind kind;
	struct err e;

	ck_assert_int_eq(vault_probe(vpath, &kind, &e), ST_NOT_FOUND);
	ck_assert_int_eq(vault_open(vpath, &k, false, &v, &e), ST_NOT_FOUND);
	ck_assert_ptr_null(v);
	/* Opening to create writes nothing until something is saved. */
	ck_assert_int_eq(vault_open(vpath, &k, true, &v, &e), ST_OK);
	ck_assert_ptr_null(vault_get(v, API));
	vault_close(v);
	ck_assert_int_ne(access(vpath, F_OK), 0);
	ck_assert_int_ne(access(kpath, F_OK), 0);
}
END_TEST

START_TEST(remove_and_replace)
{
	struct vault_key k = file_key(NULL);
	struct vault *v;
	struct err e;
	struct vault_entry other = { "https://b.example.be", "b@example.be", "tok-b", NULL, 5 };
	struct vault_entry again = { API, "lotte@testegem.test", "tok-new", NULL, 7 };

	store_one(&k, PASSWORD);
	ck_assert_int_eq(vault_open(vpath, &k, false, &v, &e), ST_OK);
	vault_put(v, &other);
	vault_put(v, &again);
	ck_assert_str_eq(vault_get(v, API "/")->token, "tok-new");
	ck_assert_str_eq(vault_get(v, API "/web_api/v1/")->token, "tok-new");
	ck_assert_ptr_null(vault_get(v, API "/web_api"));
	ck_assert_ptr_null(vault_get(v, "https://participatie.testegem"));
	ck_assert_ptr_null(vault_get(v, API)->password);
	ck_assert_int_eq(vault_save(v, &e), ST_OK);
	vault_close(v);

	ck_assert_int_eq(vault_open(vpath, &k, false, &v, &e), ST_OK);
	ck_assert(vault_remove(v, API "/"));
	ck_assert(!vault_remove(v, API));
	ck_assert_ptr_null(vault_get(v, API));
	ck_assert_int_eq(vault_save(v, &e), ST_OK);
	vault_close(v);

	ck_assert_int_eq(vault_open(vpath, &k, false, &v, &e), ST_OK);
	ck_assert_ptr_null(vault_get(v, API));
	ck_assert_str_eq(vault_get(v, "https://b.example.be")->token, "tok-b");
	vault_close(v);
}
END_TEST

START_TEST(list_shows_no_secrets)
{
	struct vault_key k = file_key(NULL);
	struct vault *v;
	struct vault_profile *p;
	struct err e;
	struct vault_entry other = { "https://b.example.be/", "b@example.be", "tok-b", NULL, 5 };

	store_one(&k, PASSWORD);
	ck_assert_int_eq(vault_open(vpath, &k, false, &v, &e), ST_OK);
	vault_put(v, &other);
	ck_assert_uint_eq(vault_list(v, &p), 2);
	ck_assert_str_eq(p[0].api, API);
	ck_assert_str_eq(p[0].email, "mia.moderator@testegem.test");
	ck_assert(p[0].has_password);
	ck_assert_int_eq(p[0].expires, 1893456000);
	ck_assert_str_eq(p[1].api, "https://b.example.be");
	ck_assert(!p[1].has_password);
	ck_assert_int_eq(p[1].expires, 5);
	for (size_t i = 0; i < 2; i++) {
		ck_assert_ptr_null(strstr(p[i].api, TOKEN));
		ck_assert_ptr_null(strstr(p[i].email, PASSWORD));
	}
	free(p);
	vault_close(v);
}
END_TEST

static void assert_no_secret_in(const char *path)
{
	size_t len;
	unsigned char *buf = slurp(path, &len);

	ck_assert_ptr_null(memmem(buf, len, TOKEN, strlen(TOKEN)));
	ck_assert_ptr_null(memmem(buf, len, "eyJ", 3));
	ck_assert_ptr_null(memmem(buf, len, PASSWORD, strlen(PASSWORD)));
	ck_assert_ptr_null(memmem(buf, len, "mia.moderator", 13));
	ck_assert_ptr_null(memmem(buf, len, "testegem", 8));
	free(buf);
}

START_TEST(the_files_hold_no_secret_in_plain_text)
{
	struct vault_key f = file_key(NULL);
	struct vault_key p = pass_key("correct horse battery staple");

	store_one(&f, PASSWORD);
	assert_no_secret_in(vpath);
	assert_no_secret_in(kpath);
	ck_assert_int_eq(unlink(vpath), 0);
	store_one(&p, PASSWORD);
	assert_no_secret_in(vpath);
}
END_TEST

START_TEST(profile_names)
{
	char *s;

	s = vault_profile_name("https://x.example.be/web_api/v1/");
	ck_assert_str_eq(s, "https://x.example.be");
	free(s);
	s = vault_profile_name("https://x.example.be//");
	ck_assert_str_eq(s, "https://x.example.be");
	free(s);
	s = vault_profile_name("https://x.example.be/sub");
	ck_assert_str_eq(s, "https://x.example.be/sub");
	free(s);
}
END_TEST

START_TEST(secrets_in_guarded_memory)
{
	char *s = vault_secret_dup("geheim");

	ck_assert_str_eq(s, "geheim");
	vault_secret_free(s);
	ck_assert_ptr_null(vault_secret_dup(NULL));
	vault_secret_free(NULL);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("vault");
	TCase *tc = tcase_create("vault");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, roundtrip_with_a_key_file);
	tcase_add_test(tc, roundtrip_with_a_chosen_key_file);
	tcase_add_test(tc, roundtrip_with_a_passphrase);
	tcase_add_test(tc, a_wrong_passphrase_is_refused);
	tcase_add_test(tc, an_empty_passphrase_is_refused);
	tcase_add_test(tc, the_other_kind_of_key_is_refused);
	tcase_add_test(tc, another_key_file_is_refused);
	tcase_add_test(tc, a_missing_key_file_is_not_replaced);
	tcase_add_test(tc, a_key_file_others_may_read_is_refused);
	tcase_add_test(tc, a_key_file_of_the_wrong_size_is_refused);
	tcase_add_test(tc, a_changed_file_is_refused);
	tcase_add_test(tc, a_truncated_or_foreign_file_is_refused);
	tcase_add_test(tc, no_vault_yet);
	tcase_add_test(tc, remove_and_replace);
	tcase_add_test(tc, list_shows_no_secrets);
	tcase_add_test(tc, the_files_hold_no_secret_in_plain_text);
	tcase_add_test(tc, profile_names);
	tcase_add_test(tc, secrets_in_guarded_memory);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
