#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/diff.h"
#include "core/util.h"

/* The spans of text s start at 0, follow each other without gap or overlap, end at the
 * end, are never empty, and alternate (equal neighbours are merged). */
static void assert_cover(const char *s, const struct diff_span *sp, int n)
{
	size_t off = 0;

	if (!*s) {
		ck_assert_int_eq(n, 0);
		return;
	}
	ck_assert_int_gt(n, 0);
	for (int i = 0; i < n; i++) {
		ck_assert_uint_eq(sp[i].off, off);
		ck_assert_uint_gt(sp[i].len, 0);
		if (i > 0)
			ck_assert(sp[i].differs != sp[i - 1].differs);
		off += sp[i].len;
	}
	ck_assert_uint_eq(off, strlen(s));
}

/* The marked parts of s, joined with '|': "rood |" style strings are easy to compare. */
static char *marked(const char *s, const struct diff_span *sp, int n)
{
	struct sbuf b;

	sbuf_init(&b);
	for (int i = 0; i < n; i++) {
		if (!sp[i].differs)
			continue;
		sbuf_addn(&b, s + sp[i].off, sp[i].len);
		sbuf_addc(&b, '|');
	}
	return sbuf_take(&b);
}

static void check_diff(const char *a, const char *b, const char *want_a, const char *want_b)
{
	struct diff_result r;
	char *ma, *mb;

	diff_words(a, b, &r);
	assert_cover(a, r.a, r.na);
	assert_cover(b, r.b, r.nb);
	ma = marked(a, r.a, r.na);
	mb = marked(b, r.b, r.nb);
	ck_assert_str_eq(ma, want_a);
	ck_assert_str_eq(mb, want_b);
	free(ma);
	free(mb);
	diff_free(&r);
}

static int count_marked(const struct diff_span *sp, int n)
{
	int k = 0;

	for (int i = 0; i < n; i++)
		k += sp[i].differs;
	return k;
}

START_TEST(identical)
{
	struct diff_result r;
	const char *s = "Een overdekte fietsenstalling aan het station.";

	diff_words(s, s, &r);
	ck_assert_int_eq(r.na, 1);
	ck_assert_int_eq(r.nb, 1);
	ck_assert(!r.a[0].differs);
	ck_assert(!r.b[0].differs);
	ck_assert_uint_eq(r.a[0].len, strlen(s));
	diff_free(&r);
	ck_assert_ptr_null(r.a);
	ck_assert_ptr_null(r.b);
	ck_assert_int_eq(r.na, 0);
}
END_TEST

START_TEST(changed_word)
{
	check_diff("de fiets is rood", "de fiets is blauw", "rood|", "blauw|");
	check_diff("de fiets is rood en snel", "de fiets is blauw en snel", "rood |", "blauw |");
	check_diff("rood fiets", "blauw fiets", "rood |", "blauw |");
	/* two changes with a shared word between: two marked runs */
	check_diff("a b c d e", "a x c y e", "b |d |", "x |y |");
	/* adjacent changes merge into one run */
	check_diff("a b c d", "a x y d", "b c |", "x y |");
}
END_TEST

START_TEST(insert_and_delete)
{
	check_diff("meer bomen", "meer groene bomen", "", "groene |");
	check_diff("meer groene bomen", "meer bomen", "groene |", "");
	check_diff("bomen", "bomen en struiken", "", "en struiken|");
}
END_TEST

START_TEST(case_accents_punctuation)
{
	check_diff("Fietsenstalling, nu!", "fietsenstalling nu", "", "");
	check_diff("\xc3\x89\xc3\xa9n CAF\xc3\x89 in Brugge.", "een cafe in \"brugge\"", "", "");
	check_diff("(de) Stra\xc3\x9f" "e", "de strasse", "", "");
	check_diff("\xe2\x80\x9cgroen\xe2\x80\x9d", "groen", "", "");
	/* punctuation-only words keep their punctuation */
	check_diff("a - b", "a ... b", "- |", "... |");
	check_diff("a - b", "a - b", "", "");
	/* punctuation inside a word matters */
	check_diff("e-mail", "email", "e-mail|", "email|");
}
END_TEST

START_TEST(whitespace)
{
	struct diff_result r;

	/* whitespace goes with the word before it, leading whitespace is its own */
	diff_words("  a  b\n", "a b", &r);
	assert_cover("  a  b\n", r.a, r.na);
	ck_assert_int_eq(count_marked(r.a, r.na), 0);
	ck_assert_int_eq(r.na, 1);
	diff_free(&r);

	diff_words("  x b", "y b", &r);
	ck_assert_int_eq(r.na, 3);
	ck_assert_uint_eq(r.a[0].len, 2);
	ck_assert(!r.a[0].differs);
	ck_assert(r.a[1].differs);
	ck_assert_uint_eq(r.a[1].off, 2);
	ck_assert_uint_eq(r.a[1].len, 2);
	diff_free(&r);

	/* newlines and a no-break space separate words */
	check_diff("fiets\nrood", "fiets rood", "", "");
	check_diff("10\xc2\xa0km", "10 km", "", "");
	check_diff("a\tb", "a c", "b|", "c|");
}
END_TEST

START_TEST(empty)
{
	struct diff_result r;

	diff_words("", "", &r);
	ck_assert_int_eq(r.na, 0);
	ck_assert_int_eq(r.nb, 0);
	diff_free(&r);

	diff_words("", "nieuw idee", &r);
	ck_assert_int_eq(r.na, 0);
	ck_assert_int_eq(r.nb, 1);
	ck_assert(r.b[0].differs);
	ck_assert_uint_eq(r.b[0].len, strlen("nieuw idee"));
	diff_free(&r);

	diff_words(NULL, "   ", &r);
	ck_assert_int_eq(r.na, 0);
	ck_assert_int_eq(r.nb, 1);
	ck_assert(!r.b[0].differs);
	diff_free(&r);

	check_diff("oud idee", "", "oud idee|", "");
}
END_TEST

/* Marked words of s: spans hold whole words, so count the words inside marked spans. */
static int marked_words(const char *s, const struct diff_span *sp, int n)
{
	int k = 0;

	for (int i = 0; i < n; i++) {
		bool in_word = false;

		for (size_t j = sp[i].off; j < sp[i].off + sp[i].len; j++) {
			if (sp[i].differs && s[j] != ' ' && !in_word)
				k++;
			in_word = s[j] != ' ';
		}
	}
	return k;
}

START_TEST(reorder)
{
	struct diff_result r;

	/* the LCS of "a b c" and "c b a" has one word, so two of three are marked */
	diff_words("a b c", "c b a", &r);
	assert_cover("a b c", r.a, r.na);
	assert_cover("c b a", r.b, r.nb);
	ck_assert_int_eq(marked_words("a b c", r.a, r.na), 2);
	ck_assert_int_eq(marked_words("c b a", r.b, r.nb), 2);
	diff_free(&r);
	/* a swap keeps one word on both sides, so the same word is marked on both */
	check_diff("a b", "b a", "b|", "b |");
}
END_TEST

static char *numbered(int n, bool reverse, const char *extra)
{
	struct sbuf b;

	sbuf_init(&b);
	for (int i = 0; i < n; i++)
		sbuf_addf(&b, "w%d ", reverse ? n - 1 - i : i);
	if (extra)
		sbuf_add(&b, extra);
	return sbuf_take(&b);
}

/* 3000 words against the same words reversed: 9M cells, past the limit, so set membership
 * decides; an LCS would mark nearly everything. */
START_TEST(big_falls_back)
{
	char *a = numbered(3000, false, NULL);
	char *b = numbered(3000, true, "nieuw");
	struct diff_result r;
	int64_t t0 = now_us();

	diff_words(a, b, &r);
	ck_assert_int_lt(now_us() - t0, 5000000);
	assert_cover(a, r.a, r.na);
	assert_cover(b, r.b, r.nb);
	ck_assert_int_eq(count_marked(r.a, r.na), 0);
	ck_assert_int_eq(r.nb, 2);
	ck_assert(r.b[1].differs);
	ck_assert_str_eq(b + r.b[1].off, "nieuw");
	diff_free(&r);
	free(a);
	free(b);
}
END_TEST

/* 100,000 words each: a quadratic table would need 10G cells. */
START_TEST(huge_is_linear)
{
	char *a = numbered(100000, false, "einde");
	char *b = numbered(100000, true, "slot");
	struct diff_result r;

	diff_words(a, b, &r);
	ck_assert_int_eq(count_marked(r.a, r.na), 1);
	ck_assert_int_eq(count_marked(r.b, r.nb), 1);
	ck_assert_str_eq(a + r.a[r.na - 1].off, "einde");
	diff_free(&r);
	free(a);
	free(b);
}
END_TEST

/* A long shared head and tail leave a small middle for the exact LCS: the swapped pair in
 * the middle is found, which set membership could not do. */
START_TEST(long_shared_context)
{
	char *head = numbered(5000, false, NULL);
	char *a = xasprintf("%sp q %s", head, head);
	char *b = xasprintf("%sq p %s", head, head);
	struct diff_result r;
	char *ma, *mb;

	diff_words(a, b, &r);
	assert_cover(a, r.a, r.na);
	assert_cover(b, r.b, r.nb);
	ma = marked(a, r.a, r.na);
	mb = marked(b, r.b, r.nb);
	ck_assert(str_eq(ma, "p |") || str_eq(ma, "q |"));
	ck_assert_str_eq(ma, mb);
	free(ma);
	free(mb);
	diff_free(&r);
	free(head);
	free(a);
	free(b);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("diff");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, identical);
	tcase_add_test(tc, changed_word);
	tcase_add_test(tc, insert_and_delete);
	tcase_add_test(tc, case_accents_punctuation);
	tcase_add_test(tc, whitespace);
	tcase_add_test(tc, empty);
	tcase_add_test(tc, reorder);
	tcase_add_test(tc, big_falls_back);
	tcase_add_test(tc, huge_is_linear);
	tcase_add_test(tc, long_shared_context);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
