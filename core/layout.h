/* Where everything goes on the screen: a pure function of the terminal's size and two
 * options, tested without a terminal. */
#ifndef INSPRAAK_LAYOUT_H
#define INSPRAAK_LAYOUT_H

#include <stdbool.h>

#define LAYOUT_MIN_COLS 80
#define LAYOUT_MIN_LINES 24

struct rect {
	int y, x, h, w;
};

struct layout {
	bool too_small;   /* below 80x24: show a message instead */
	bool side_by_side;
	struct rect tabs;    /* top line: queue tabs */
	struct rect list;    /* the queue's list, with its column heading on the first row */
	struct rect border;  /* the line (stacked) or column (side by side) between the panes */
	struct rect detail;
	struct rect status;  /* who, where, position */
	struct rect message; /* messages and the prompt */
	struct rect full;    /* the area between tabs and status, for full-screen views */
};

/* split_min_width: from this width the panes sit side by side; list_ratio: the list's share
 * in percent (clamped to 20..80). */
void layout_compute(int lines, int cols, int split_min_width, int list_ratio,
		    struct layout *out);

#endif
