#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "tui/draw.h"
#include "tui/term.h"

static int put_clean(int y, int x, int w, int attr, const char *clean)
{
	size_t len;
	int width = 0;

	if (w <= 0)
		return 0;
	len = text_prefix_fit(clean, w, &width);
	attrset(attr);
	mvaddnstr(y, x, clean, (int)len);
	return width;
}

static void pad_to(int y, int x, int w, int attr)
{
	attrset(attr);
	for (int i = 0; i < w; i++)
		mvaddch(y, x + i, ' ');
}

int draw_text(int y, int x, int w, enum theme_slot slot, const char *text, bool pad)
{
	char *clean = text_sanitize(text ? text : "", 0);
	char *fit = text_fit(clean, w, false);
	int drawn = put_clean(y, x, w, term_attr(slot), fit);

	if (pad && drawn < w)
		pad_to(y, x + drawn, w - drawn, term_attr(slot));
	free(fit);
	free(clean);
	return drawn;
}

void draw_fill(struct rect r, enum theme_slot slot)
{
	for (int y = r.y; y < r.y + r.h; y++)
		pad_to(y, r.x, r.w, term_attr(slot));
}

void draw_doc_line(int y, int x, int w, const struct doc_line *l, int override)
{
	int used = 0;
	int base = override >= 0 ? term_attr((enum theme_slot)override) : term_attr(SLOT_NORMAL);

	for (int i = 0; l && i < l->nsegs && used < w; i++) {
		const struct doc_seg *s = &l->segs[i];
		int attr = override >= 0 ? base : term_attr(s->slot);

		if (s->width <= w - used) {
			used += put_clean(y, x + used, w - used, attr, s->text);
		} else {
			/* The last segment that does not fit ends in an ellipsis. */
			char *fit = text_fit(s->text, w - used, false);

			used += put_clean(y, x + used, w - used, attr, fit);
			free(fit);
			break;
		}
	}
	if (used < w)
		pad_to(y, x + used, w - used, base);
}

void draw_doc(struct rect r, const struct doc *d, int scroll, int override)
{
	for (int i = 0; i < r.h; i++) {
		int li = scroll + i;

		draw_doc_line(r.y + i, r.x, r.w, li < d->n ? &d->lines[li] : NULL, override);
	}
}

void draw_vline(struct rect r, enum theme_slot slot)
{
	attrset(term_attr(slot));
	for (int y = r.y; y < r.y + r.h; y++)
		mvadd_wch(y, r.x, WACS_VLINE);
}

void draw_hline(int y, int x, int w, enum theme_slot slot)
{
	attrset(term_attr(slot));
	for (int i = 0; i < w; i++)
		mvadd_wch(y, x + i, WACS_HLINE);
}
