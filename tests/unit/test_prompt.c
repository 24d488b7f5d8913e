/* The line editor of the ':' and '/' prompts, without a terminal. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/keys.h"
#include "tui/prompt.h"

static void type(struct prompt *p, const char *s)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		prompt_key(p, *c);
}

START_TEST(typing_and_editing)
{
	struct prompt p;

	prompt_open(&p, ':', "", NULL);
	type(&p, "filter area=x");
	ck_assert_str_eq(p.buf, "filter area=x");
	prompt_key(&p, KEYC_BACKSPACE);
	type(&p, "noord");
	ck_assert_str_eq(p.buf, "filter area=noord");
	prompt_key(&p, 23); /* ^W */
	ck_assert_str_eq(p.buf, "filter ");
	prompt_key(&p, KEYC_HOME);
	prompt_key(&p, KEYC_DELETE);
	ck_assert_str_eq(p.buf, "ilter ");
	prompt_key(&p, 11); /* ^K */
	ck_assert_str_eq(p.buf, "");
	ck_assert_int_eq(prompt_key(&p, KEYC_ENTER), PROMPT_ACCEPT);
	ck_assert(!p.active);
}
END_TEST

START_TEST(characters_are_whole_utf8)
{
	struct prompt p;

	prompt_open(&p, '/', "", NULL);
	prompt_key(&p, 0xE9);     /* é */
	prompt_key(&p, 0x65E5);   /* 日 */
	prompt_key(&p, 0x1F44D);  /* 👍 */
	ck_assert_str_eq(p.buf, "é日👍");
	prompt_key(&p, KEYC_LEFT);
	prompt_key(&p, KEYC_BACKSPACE);
	ck_assert_str_eq(p.buf, "é👍");
	ck_assert_uint_eq(p.pos, 2);
	/* Control characters, C1 included, never enter the line. */
	prompt_key(&p, 0x1c);
	prompt_key(&p, 0x9B);
	prompt_key(&p, 0x1f);
	ck_assert(p.active);
	ck_assert_str_eq(p.buf, "é👍");
}
END_TEST

START_TEST(cancel_and_history)
{
	struct prompt p;
	struct prompt_history h = { 0 };

	prompt_history_add(&h, "queue flags");
	prompt_history_add(&h, "filter area=noord");
	prompt_history_add(&h, "filter area=noord");
	ck_assert_int_eq(h.n, 2);
	prompt_open(&p, ':', "", &h);
	prompt_key(&p, KEYC_UP);
	ck_assert_str_eq(p.buf, "filter area=noord");
	prompt_key(&p, KEYC_UP);
	ck_assert_str_eq(p.buf, "queue flags");
	prompt_key(&p, KEYC_DOWN);
	prompt_key(&p, KEYC_DOWN);
	ck_assert_str_eq(p.buf, "");
	type(&p, "x");
	ck_assert_int_eq(prompt_key(&p, KEYC_ESC), PROMPT_CANCEL);
	prompt_open(&p, ':', "", &h);
	ck_assert_int_eq(prompt_key(&p, KEYC_BACKSPACE), PROMPT_CANCEL);
	for (int i = 0; i < 80; i++) {
		char line[16];

		snprintf(line, sizeof(line), "cmd %d", i);
		prompt_history_add(&h, line);
	}
	ck_assert_int_eq(h.n, PROMPT_HISTORY);
	ck_assert_str_eq(h.v[h.n - 1], "cmd 79");
	prompt_history_free(&h);
}
END_TEST

START_TEST(a_long_line_stops_at_the_limit)
{
	struct prompt p;

	prompt_open(&p, ':', "", NULL);
	for (int i = 0; i < 3 * PROMPT_MAX; i++)
		prompt_key(&p, 0x65E5);
	ck_assert_uint_lt(p.len, PROMPT_MAX);
	ck_assert_uint_eq(p.len % 3, 0);
	ck_assert_uint_eq(strlen(p.buf), p.len);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("prompt");
	TCase *tc = tcase_create("prompt");

	tcase_add_test(tc, typing_and_editing);
	tcase_add_test(tc, characters_are_whole_utf8);
	tcase_add_test(tc, cancel_and_history);
	tcase_add_test(tc, a_long_line_stops_at_the_limit);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
