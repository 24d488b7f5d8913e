/* The timeline's time axis: where phases and now fall on a row of cells. Pure functions of
 * the phases' dates, now and a width, so they are tested without a terminal (the only outside
 * input is the local time zone, for month ticks). Implemented in tui/view_timeline.c. */
#ifndef INSPRAAK_TIMELINE_AXIS_H
#define INSPRAAK_TIMELINE_AXIS_H

#include <stdint.h>

/* A phase's [start, end) in unix time; end 0: open-ended. */
struct tl_interval {
	int64_t start, end;
};

/* A phase's cells: columns [x0, x1) of the bar. */
struct tl_cells {
	int x0, x1;
};

/* The time a bar of `width` cells shows: column c covers [t0 + c*span/width, ...). */
struct tl_axis {
	int64_t t0, t1;
	int width;
};

/* The axis for these phases (of every project, so that all bars share it) and now: from the
 * earliest phase start, or a little before now when everything lies ahead, to the latest
 * end, with room on the right when a phase is open-ended or now is the latest time. While a
 * phase runs or lies ahead, the past gets no more room than what lies ahead (and at least a
 * month): a phase open for years would otherwise squeeze the coming ones into a few cells;
 * such a phase starts off the left edge. */
void timeline_axis_fit(const struct tl_interval *iv, int n, int64_t now, int width,
		       struct tl_axis *ax);

/* The column of time t: -1 before the axis, width at or after its end. */
int timeline_axis_col(const struct tl_axis *ax, int64_t t);

/* One project's phases on the axis: out[i] for iv[i]. Each phase gets its proportional cells,
 * at least one, and no two overlap (phases wholly off the axis are squeezed to a cell at its
 * edge, so every phase stays visible); with more phases than cells the last ones get
 * x0 == x1 == width. Returns the now column: inside the running phase's cells when one runs,
 * -1 when now is off the axis. */
int timeline_axis_place(const struct tl_axis *ax, const struct tl_interval *iv, int n,
			int64_t now, struct tl_cells *out);

/* Both at once for a single set of phases: the axis fitted to them alone, then placed. */
int timeline_axis_layout(const struct tl_interval *iv, int n, int64_t now, int width,
			 struct tl_cells *out);

/* Ticks for the axis line: the starts of months (local time) that fall on the axis, every
 * *step months (1, 2, 3, 6 or 12, aligned to January), the smallest step that leaves at
 * least min_cells between ticks. At most max are written; returns how many. */
int timeline_axis_ticks(const struct tl_axis *ax, int min_cells, int64_t *out, int max,
			int *step);

#endif
