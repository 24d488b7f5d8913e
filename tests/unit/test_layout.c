/* The layout is a pure function of the terminal's size: checked here for every size from
 * 1x1 to 300x120 without a terminal. */
#include "config.h"

#include <check.h>

#include "core/layout.h"

static bool inside(struct rect r, int lines, int cols)
{
	return r.y >= 0 && r.x >= 0 && r.y + r.h <= lines && r.x + r.w <= cols;
}

static bool overlap(struct rect a, struct rect b)
{
	if (!a.h || !a.w || !b.h || !b.w)
		return false;
	return a.y < b.y + b.h && b.y < a.y + a.h && a.x < b.x + b.w && b.x < a.x + a.w;
}

START_TEST(small_terminals_say_so)
{
	struct layout l;

	layout_compute(24, 79, 110, 45, &l);
	ck_assert(l.too_small);
	layout_compute(23, 200, 110, 45, &l);
	ck_assert(l.too_small);
	layout_compute(20, 60, 110, 45, &l);
	ck_assert(l.too_small);
	ck_assert_int_eq(l.full.h, 20);
	ck_assert_int_eq(l.full.w, 60);
	layout_compute(24, 80, 110, 45, &l);
	ck_assert(!l.too_small);
}
END_TEST

START_TEST(narrow_stacks_wide_splits)
{
	struct layout l;

	layout_compute(24, 80, 110, 45, &l);
	ck_assert(!l.side_by_side);
	ck_assert_int_eq(l.list.w, 80);
	ck_assert_int_eq(l.detail.w, 80);
	ck_assert_int_eq(l.border.h, 1);
	ck_assert_int_gt(l.detail.y, l.list.y);
	layout_compute(40, 120, 110, 45, &l);
	ck_assert(l.side_by_side);
	ck_assert_int_eq(l.list.w, 54);
	ck_assert_int_eq(l.border.x, 54);
	ck_assert_int_eq(l.detail.x, 55);
	ck_assert_int_eq(l.detail.w, 65);
	ck_assert_int_eq(l.list.h, 37);
	/* The option moves the threshold. */
	layout_compute(40, 120, 130, 45, &l);
	ck_assert(!l.side_by_side);
}
END_TEST

START_TEST(every_size_fits)
{
	for (int lines = 1; lines <= 120; lines++)
		for (int cols = 1; cols <= 300; cols++) {
			struct layout l;
			struct rect r[6];

			layout_compute(lines, cols, 110, 45, &l);
			if (l.too_small)
				continue;
			r[0] = l.tabs;
			r[1] = l.list;
			r[2] = l.border;
			r[3] = l.detail;
			r[4] = l.status;
			r[5] = l.message;
			for (int i = 0; i < 6; i++) {
				ck_assert_msg(inside(r[i], lines, cols), "%dx%d rect %d", cols, lines, i);
				for (int j = i + 1; j < 6; j++)
					ck_assert_msg(!overlap(r[i], r[j]), "%dx%d: %d and %d", cols, lines, i, j);
			}
			ck_assert_int_ge(l.list.h, 6);
			ck_assert_int_ge(l.detail.h, 5);
			/* Every line of the screen is used. */
			if (!l.side_by_side)
				ck_assert_int_eq(l.tabs.h + l.list.h + l.border.h + l.detail.h + 2, lines);
			else
				ck_assert_int_eq(l.list.w + l.border.w + l.detail.w, cols);
		}
}
END_TEST

START_TEST(ratio_is_clamped)
{
	struct layout a, b;

	layout_compute(40, 120, 110, 0, &a);
	layout_compute(40, 120, 110, 20, &b);
	ck_assert_int_eq(a.list.w, b.list.w);
	layout_compute(40, 120, 110, 100, &a);
	layout_compute(40, 120, 110, 80, &b);
	ck_assert_int_eq(a.list.w, b.list.w);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("layout");
	TCase *tc = tcase_create("layout");

	tcase_add_test(tc, small_terminals_say_so);
	tcase_add_test(tc, narrow_stacks_wide_splits);
	tcase_add_test(tc, every_size_fits);
	tcase_add_test(tc, ratio_is_clamped);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
