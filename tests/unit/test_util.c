/* The small helpers: strings, numbers, XDG paths, the action list, reference look-ups. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/actions.h"
#include "core/model.h"
#include "core/util.h"

START_TEST(sbuf_grows_and_hands_over)
{
	struct sbuf b;
	char *s;

	sbuf_init(&b);
	for (int i = 0; i < 1000; i++)
		sbuf_addf(&b, "%d,", i % 10);
	ck_assert_uint_eq(b.len, 2000);
	ck_assert(strncmp(b.s, "0,1,2,", 6) == 0);
	sbuf_addc(&b, 'x');
	sbuf_addn(&b, "yz!", 2);
	ck_assert_str_eq(b.s + 2000, "xyz");
	s = sbuf_take(&b);
	ck_assert_ptr_null(b.s);
	ck_assert_uint_eq(strlen(s), 2003);
	free(s);
	s = sbuf_take(&b);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(numbers_are_whole_or_refused)
{
	long l;
	double d;

	ck_assert(str_to_long("42", &l) && l == 42);
	ck_assert(str_to_long("-7", &l) && l == -7);
	ck_assert(!str_to_long("", &l));
	ck_assert(!str_to_long("12x", &l));
	ck_assert(!str_to_long("99999999999999999999999", &l));
	ck_assert(str_to_double("0.25", &d) && d == 0.25);
	ck_assert(!str_to_double("0.25.1", &d));
}
END_TEST

START_TEST(xdg_paths_follow_the_environment)
{
	char *p;

	setenv("HOME", "/home/an", 1);
	unsetenv("XDG_CONFIG_HOME");
	p = xdg_config_home();
	ck_assert_str_eq(p, "/home/an/.config");
	free(p);
	setenv("XDG_CONFIG_HOME", "/etc/alt", 1);
	p = xdg_config_home();
	ck_assert_str_eq(p, "/etc/alt");
	free(p);
	/* A relative XDG path is invalid by the spec and ignored. */
	setenv("XDG_DATA_HOME", "relative/dir", 1);
	p = xdg_data_home();
	ck_assert_str_eq(p, "/home/an/.local/share");
	free(p);
}
END_TEST

START_TEST(mkdir_p_makes_every_part)
{
	char tmpl[] = "/tmp/inspraak-util.XXXXXX";
	char *deep;
	struct stat st;

	ck_assert_ptr_nonnull(mkdtemp(tmpl));
	deep = xasprintf("%s/a/b/c", tmpl);
	ck_assert_int_eq(mkdir_p(deep, 0700), 0);
	ck_assert_int_eq(stat(deep, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	ck_assert_int_eq(mkdir_p(deep, 0700), 0);
	rmdir(deep);
	free(deep);
	deep = xasprintf("%s/a/b", tmpl);
	rmdir(deep);
	free(deep);
	deep = xasprintf("%s/a", tmpl);
	rmdir(deep);
	free(deep);
	rmdir(tmpl);
}
END_TEST

START_TEST(actions_are_named_once)
{
	for (int i = 1; i < ACTION_COUNT; i++) {
		const struct action_info *a = action_info((enum action)i);

		ck_assert_ptr_nonnull(a);
		ck_assert_int_eq(a->id, i);
		ck_assert_int_eq(action_by_name(a->name), i);
		ck_assert(strlen(a->help) > 10);
		for (int j = 1; j < i; j++)
			ck_assert_str_ne(action_info((enum action)j)->name, a->name);
	}
	ck_assert_int_eq(action_by_name("no-such-action"), ACTION_NONE);
	ck_assert_ptr_null(action_info(ACTION_NONE));
	ck_assert_ptr_null(action_info(ACTION_COUNT));
}
END_TEST

START_TEST(roles_and_menus_parse)
{
	enum role r;
	enum menu m;

	ck_assert(role_parse("project-lead", &r) && r == ROLE_PROJECT_LEAD);
	ck_assert(!role_parse("mayor", &r));
	ck_assert_str_eq(role_name(ROLE_SUPPORT), "support");
	ck_assert(menu_parse("pager", &m) && m == MENU_PAGER);
	ck_assert(!menu_parse("prompt", &m));
}
END_TEST

START_TEST(refs_are_found_by_code_number_or_name)
{
	struct ref v[] = {
		{ 1, 0, "centrum", "Centrum", NULL },
		{ 2, 0, "noord", "Noord", NULL },
		{ 3, 0, "noordrand", "Noordrand", NULL },
	};
	struct ref_list l = { v, 3 };
	enum queue_kind q;

	ck_assert_int_eq(ref_find(&l, "noord")->id, 2);   /* code beats prefix */
	ck_assert_int_eq(ref_find(&l, "CENTRUM")->id, 1);
	ck_assert_int_eq(ref_find(&l, "3")->id, 3);
	ck_assert_int_eq(ref_find(&l, "cen")->id, 1);
	ck_assert_ptr_null(ref_find(&l, "noo"));           /* two names start with it */
	ck_assert_ptr_null(ref_find(&l, ""));
	ck_assert_ptr_null(ref_find(&l, "9"));
	ck_assert(queue_parse("dup", &q) && q == QUEUE_DUPLICATES);
	ck_assert(!queue_parse("", &q));
	ck_assert(!queue_parse("spam", &q));
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("util");

	tcase_add_test(tc, sbuf_grows_and_hands_over);
	tcase_add_test(tc, numbers_are_whole_or_refused);
	tcase_add_test(tc, xdg_paths_follow_the_environment);
	tcase_add_test(tc, mkdir_p_makes_every_part);
	tcase_add_test(tc, actions_are_named_once);
	tcase_add_test(tc, roles_and_menus_parse);
	tcase_add_test(tc, refs_are_found_by_code_number_or_name);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
