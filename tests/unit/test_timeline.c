/* The timeline's axis: phases become cells of a bar, proportional, at least one cell each,
 * never overlapping, with now inside the running phase; checked on the shapes projects take
 * and on random timelines at every width, without a terminal. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <time.h>

#include "tui/timeline_axis.h"

#define DAY ((int64_t)86400)

/* Midnight in Brussels, as the fixture's phases are written. */
static int64_t local(int y, int m, int d, int hh, int mm)
{
	struct tm tm = { 0 };

	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = hh;
	tm.tm_min = mm;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

static void setup(void)
{
	setenv("TZ", "Europe/Brussels", 1);
	tzset();
}

/* Every invariant the bar relies on. */
static void check_cells(const struct tl_interval *iv, int n, int64_t now, int width,
			const struct tl_cells *c, int nc)
{
	for (int i = 0; i < n; i++) {
		ck_assert_int_ge(c[i].x0, 0);
		ck_assert_int_le(c[i].x1, width);
		if (n <= width)
			ck_assert_msg(c[i].x1 - c[i].x0 >= 1, "phase %d has no cell at width %d", i, width);
		for (int j = 0; j < n; j++)
			if (j != i && iv[j].start > iv[i].start)
				ck_assert_msg(c[j].x0 >= c[i].x1, "phases %d and %d overlap at width %d",
					      i, j, width);
		if (n <= width && iv[i].start <= now && (!iv[i].end || now < iv[i].end) && nc >= 0)
			ck_assert_msg(nc >= c[i].x0 && nc < c[i].x1,
				      "now (%d) outside the running phase [%d, %d)", nc, c[i].x0, c[i].x1);
	}
	ck_assert_int_lt(nc, width);
}

/* The fixture's project: information in September, ideas for a quarter, design after. */
static const struct tl_interval *marktplein(void)
{
	static struct tl_interval iv[3];

	iv[0] = (struct tl_interval){ local(2026, 9, 1, 0, 0), local(2026, 10, 1, 0, 0) };
	iv[1] = (struct tl_interval){ local(2026, 10, 1, 0, 0), local(2027, 1, 1, 0, 0) };
	iv[2] = (struct tl_interval){ local(2027, 1, 1, 0, 0), local(2027, 4, 1, 0, 0) };
	return iv;
}

START_TEST(consecutive_phases_share_their_boundaries)
{
	const struct tl_interval *iv = marktplein();
	int64_t now = local(2026, 11, 15, 12, 0);
	struct tl_cells c[3];
	int nc = timeline_axis_layout(iv, 3, now, 78, c);

	check_cells(iv, 3, now, 78, c, nc);
	ck_assert_int_eq(c[0].x1, c[1].x0);
	ck_assert_int_eq(c[1].x1, c[2].x0);
	/* The axis opens on the first phase and closes on the last end. */
	ck_assert_int_eq(c[0].x0, 0);
	ck_assert_int_eq(c[2].x1, 78);
	/* Proportional: a quarter takes about three times a month. */
	ck_assert_int_ge(c[1].x1 - c[1].x0, 3 * (c[0].x1 - c[0].x0) - 3);
	ck_assert_int_le(c[1].x1 - c[1].x0, 3 * (c[0].x1 - c[0].x0) + 3);
	ck_assert(nc > c[1].x0 && nc < c[1].x1);
}
END_TEST

START_TEST(an_hour_among_months_still_gets_a_cell)
{
	struct tl_interval iv[4] = {
		{ local(2026, 1, 1, 0, 0), local(2026, 6, 1, 0, 0) },
		{ local(2026, 6, 1, 0, 0), local(2026, 6, 1, 1, 0) },
		{ local(2026, 6, 1, 1, 0), local(2026, 6, 1, 2, 0) },
		{ local(2026, 6, 1, 2, 0), local(2026, 12, 1, 0, 0) },
	};
	struct tl_cells c[4];
	int64_t now = local(2026, 6, 1, 1, 30);
	int nc;

	for (int w = 4; w <= 200; w++) {
		nc = timeline_axis_layout(iv, 4, now, w, c);
		check_cells(iv, 4, now, w, c, nc);
		ck_assert_int_eq(c[1].x1 - c[1].x0, 1);
		ck_assert_int_eq(c[2].x1 - c[2].x0, 1);
		ck_assert_int_eq(nc, c[2].x0);
	}
}
END_TEST

START_TEST(more_phases_than_cells)
{
	struct tl_interval iv[10];
	struct tl_cells c[10];

	for (int i = 0; i < 10; i++)
		iv[i] = (struct tl_interval){ local(2026, 1, 1 + i, 0, 0), local(2026, 1, 2 + i, 0, 0) };
	timeline_axis_layout(iv, 10, local(2026, 1, 5, 12, 0), 10, c);
	for (int i = 0; i < 10; i++) {
		ck_assert_int_eq(c[i].x0, i);
		ck_assert_int_eq(c[i].x1, i + 1);
	}
	/* Fewer cells than phases: one cell each while they last, none after, no overlap. */
	timeline_axis_layout(iv, 10, local(2026, 1, 5, 12, 0), 6, c);
	for (int i = 0; i < 10; i++) {
		ck_assert_int_eq(c[i].x0, i < 6 ? i : 6);
		ck_assert_int_eq(c[i].x1, i < 6 ? i + 1 : 6);
	}
}
END_TEST

START_TEST(open_ended_reaches_the_right_edge)
{
	struct tl_interval iv[2] = {
		{ local(2026, 9, 1, 0, 0), local(2026, 10, 1, 0, 0) },
		{ local(2026, 10, 1, 0, 0), 0 },
	};
	struct tl_cells c[2];
	int nc = timeline_axis_layout(iv, 2, local(2026, 10, 20, 0, 0), 60, c);

	check_cells(iv, 2, local(2026, 10, 20, 0, 0), 60, c, nc);
	ck_assert_int_eq(c[1].x1, 60);
	/* There is room to the right of now to see that the phase goes on. */
	ck_assert_int_lt(nc, 55);
}
END_TEST

START_TEST(a_phase_open_for_years_does_not_squeeze_the_others)
{
	/* Two projects on one axis: an idea box open since 2025, and a plan for the coming
	 * months. */
	struct tl_interval all[4] = {
		{ local(2025, 1, 1, 0, 0), 0 },
		{ local(2026, 9, 1, 0, 0), local(2026, 10, 1, 0, 0) },
		{ local(2026, 10, 1, 0, 0), local(2027, 1, 1, 0, 0) },
		{ local(2027, 1, 1, 0, 0), local(2027, 4, 1, 0, 0) },
	};
	int64_t now = local(2026, 11, 15, 12, 0);
	struct tl_axis ax;
	struct tl_cells box[1], plan[3];
	int nbox, nplan;

	timeline_axis_fit(all, 4, now, 78, &ax);
	ck_assert(ax.t0 > all[0].start);
	/* It opens on the first boundary in sight: the start of September. */
	ck_assert_int_eq(ax.t0, all[1].start);
	nbox = timeline_axis_place(&ax, all, 1, now, box);
	nplan = timeline_axis_place(&ax, all + 1, 3, now, plan);
	ck_assert_int_eq(box[0].x0, 0);
	ck_assert_int_eq(box[0].x1, 78);
	/* A month still gets a readable stretch of the bar. */
	ck_assert_int_ge(plan[0].x1 - plan[0].x0, 8);
	/* Both bars mark now in the same column. */
	ck_assert_int_eq(nbox, nplan);
}
END_TEST

START_TEST(everything_ahead_starts_a_little_before_now)
{
	struct tl_interval iv[2] = {
		{ local(2027, 3, 1, 0, 0), local(2027, 4, 1, 0, 0) },
		{ local(2027, 4, 1, 0, 0), local(2027, 6, 1, 0, 0) },
	};
	int64_t now = local(2026, 12, 1, 0, 0);
	struct tl_cells c[2];
	int nc = timeline_axis_layout(iv, 2, now, 80, c);

	check_cells(iv, 2, now, 80, c, nc);
	ck_assert_int_ge(nc, 1);
	ck_assert_int_lt(nc, c[0].x0);
}
END_TEST

START_TEST(everything_past_keeps_now_in_sight)
{
	struct tl_interval iv[1] = { { local(2025, 3, 1, 0, 0), local(2025, 4, 1, 0, 0) } };
	int64_t now = local(2025, 4, 20, 0, 0);
	struct tl_cells c[1];
	int nc = timeline_axis_layout(iv, 1, now, 80, c);

	check_cells(iv, 1, now, 80, c, nc);
	ck_assert_int_ge(nc, c[0].x1);
	ck_assert_int_lt(nc, 80);
}
END_TEST

START_TEST(a_gap_stays_a_gap)
{
	struct tl_interval iv[2] = {
		{ local(2026, 1, 1, 0, 0), local(2026, 2, 1, 0, 0) },
		{ local(2026, 3, 1, 0, 0), local(2026, 4, 1, 0, 0) },
	};
	int64_t now = local(2026, 2, 15, 0, 0);
	struct tl_cells c[2];
	int nc = timeline_axis_layout(iv, 2, now, 90, c);

	check_cells(iv, 2, now, 90, c, nc);
	ck_assert_int_gt(c[1].x0, c[0].x1 + 20);
	ck_assert(nc >= c[0].x1 && nc < c[1].x0);
}
END_TEST

START_TEST(order_of_the_input_does_not_matter)
{
	const struct tl_interval *iv = marktplein();
	struct tl_interval rev[3] = { iv[2], iv[1], iv[0] };
	int64_t now = local(2026, 9, 10, 0, 0);
	struct tl_cells a[3], b[3];

	timeline_axis_layout(iv, 3, now, 81, a);
	timeline_axis_layout(rev, 3, now, 81, b);
	for (int i = 0; i < 3; i++) {
		ck_assert_int_eq(a[i].x0, b[2 - i].x0);
		ck_assert_int_eq(a[i].x1, b[2 - i].x1);
	}
}
END_TEST

START_TEST(random_timelines_at_every_width)
{
	struct tl_interval iv[12];
	struct tl_cells c[12];

	srand(20261115);
	for (int round = 0; round < 2000; round++) {
		int n = 1 + rand() % 12, w = 1 + rand() % 160, nc;
		int64_t t = local(2024, 1, 1, 0, 0) + (int64_t)(rand() % 1000) * DAY, now;

		for (int i = 0; i < n; i++) {
			/* Phases from an hour to a year, sometimes with a gap, the last may be open. */
			t += rand() % 3 == 0 ? (int64_t)(rand() % 60) * DAY : 0;
			iv[i].start = t;
			t += rand() % 4 == 0 ? 3600 : (int64_t)(1 + rand() % 365) * DAY;
			iv[i].end = i == n - 1 && rand() % 3 == 0 ? 0 : t;
		}
		now = iv[0].start - 90 * DAY + (int64_t)(rand() % 1500) * DAY;
		nc = timeline_axis_layout(iv, n, now, w, c);
		check_cells(iv, n, now, w, c, nc);
	}
}
END_TEST

START_TEST(ticks_fall_on_month_starts)
{
	struct tl_axis ax = { local(2026, 9, 1, 0, 0), local(2027, 4, 1, 0, 0), 78 };
	int64_t t[64];
	int step, n = timeline_axis_ticks(&ax, 5, t, 64, &step);

	ck_assert_int_eq(step, 1);
	ck_assert_int_eq(n, 7);
	ck_assert_int_eq(t[0], local(2026, 9, 1, 0, 0));
	/* Across the change from summer to winter time, still local midnight. */
	ck_assert_int_eq(t[2], local(2026, 11, 1, 0, 0));
	ck_assert_int_eq(t[6], local(2027, 3, 1, 0, 0));
	for (int i = 1; i < n; i++)
		ck_assert_int_ge(timeline_axis_col(&ax, t[i]) - timeline_axis_col(&ax, t[i - 1]), 5);
}
END_TEST

START_TEST(long_axes_tick_by_quarter_or_year)
{
	struct tl_axis ax = { local(2024, 2, 10, 0, 0), local(2027, 1, 1, 0, 0), 78 };
	int64_t t[64];
	int step, n = timeline_axis_ticks(&ax, 5, t, 64, &step);
	struct tm tm;

	ck_assert_int_eq(step, 3);
	ck_assert_int_ge(n, 10);
	for (int i = 0; i < n; i++) {
		time_t tt = (time_t)t[i];

		localtime_r(&tt, &tm);
		ck_assert_int_eq(tm.tm_mon % 3, 0);
		ck_assert_int_eq(tm.tm_mday, 1);
		ck_assert(t[i] >= ax.t0 && t[i] < ax.t1);
	}
	ax.t0 = local(2000, 1, 1, 0, 0);
	n = timeline_axis_ticks(&ax, 5, t, 64, &step);
	ck_assert_int_ge(step, 12);
	ck_assert_int_le(n, 64);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("timeline");
	TCase *tc = tcase_create("axis");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, consecutive_phases_share_their_boundaries);
	tcase_add_test(tc, an_hour_among_months_still_gets_a_cell);
	tcase_add_test(tc, more_phases_than_cells);
	tcase_add_test(tc, open_ended_reaches_the_right_edge);
	tcase_add_test(tc, a_phase_open_for_years_does_not_squeeze_the_others);
	tcase_add_test(tc, everything_ahead_starts_a_little_before_now);
	tcase_add_test(tc, everything_past_keeps_now_in_sight);
	tcase_add_test(tc, a_gap_stays_a_gap);
	tcase_add_test(tc, order_of_the_input_does_not_matter);
	tcase_add_test(tc, random_timelines_at_every_width);
	tcase_add_test(tc, ticks_fall_on_month_starts);
	tcase_add_test(tc, long_axes_tick_by_quarter_or_year);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
