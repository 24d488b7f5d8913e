#include "config.h"

#include <string.h>

#include "core/layout.h"

static struct rect rect(int y, int x, int h, int w)
{
	struct rect r = { y, x, h < 0 ? 0 : h, w < 0 ? 0 : w };

	return r;
}

void layout_compute(int lines, int cols, int split_min_width, int list_ratio,
		    struct layout *out)
{
	int body_y = 1, body_h;

	memset(out, 0, sizeof(*out));
	if (lines < LAYOUT_MIN_LINES || cols < LAYOUT_MIN_COLS) {
		out->too_small = true;
		out->full = rect(0, 0, lines, cols);
		return;
	}
	if (list_ratio < 20)
		list_ratio = 20;
	if (list_ratio > 80)
		list_ratio = 80;
	body_h = lines - 3;
	out->tabs = rect(0, 0, 1, cols);
	out->status = rect(lines - 2, 0, 1, cols);
	out->message = rect(lines - 1, 0, 1, cols);
	out->full = rect(body_y, 0, body_h, cols);
	out->side_by_side = cols >= split_min_width;
	if (out->side_by_side) {
		int lw = cols * list_ratio / 100;

		out->list = rect(body_y, 0, body_h, lw);
		out->border = rect(body_y, lw, body_h, 1);
		out->detail = rect(body_y, lw + 1, body_h, cols - lw - 1);
	} else {
		/* The list keeps at least 5 rows and a heading; the detail the rest. */
		int lh = body_h * list_ratio / 100;

		if (lh < 6)
			lh = 6;
		if (lh > body_h - 6)
			lh = body_h - 6;
		out->list = rect(body_y, 0, lh, cols);
		out->border = rect(body_y + lh, 0, 1, cols);
		out->detail = rect(body_y + lh + 1, 0, body_h - lh - 1, cols);
	}
}
