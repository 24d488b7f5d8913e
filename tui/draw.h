/* Drawing: the only code that puts text on the screen. Text that did not come through a doc
 * (already clean) is sanitised here, so citizen text never reaches the terminal raw. */
#ifndef INSPRAAK_DRAW_H
#define INSPRAAK_DRAW_H

#include "core/doc.h"
#include "core/layout.h"
#include "core/theme.h"

/* Untrusted text at (y, x), cut to w cells; pad fills the rest of w. Returns cells drawn. */
int draw_text(int y, int x, int w, enum theme_slot slot, const char *text, bool pad);
/* Fill a rectangle with spaces in a slot. */
void draw_fill(struct rect r, enum theme_slot slot);
/* Lines [scroll, scroll + r.h) of a doc into r; `override` >= 0 draws everything in that
 * slot (a selected row). */
void draw_doc(struct rect r, const struct doc *d, int scroll, int override);
/* One doc line at row y. */
void draw_doc_line(int y, int x, int w, const struct doc_line *l, int override);
void draw_vline(struct rect r, enum theme_slot slot);
void draw_hline(int y, int x, int w, enum theme_slot slot);

#endif
