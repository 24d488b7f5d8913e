/* Colours by meaning, not by place: each thing the console draws asks for a slot, and a theme
 * file says what each slot looks like with lines "color SLOT FG BG [ATTR...]". */
#ifndef INSPRAAK_THEME_H
#define INSPRAAK_THEME_H

#include <stdbool.h>

#include "core/util.h"

/* X(ID, name, what it colours) */
#define THEME_SLOTS(X) \
	X(NORMAL, "normal", "ordinary text") \
	X(TITLE_BAR, "title-bar", "the line of queue tabs") \
	X(TAB, "tab", "an inactive queue tab") \
	X(TAB_ACTIVE, "tab-active", "the active queue tab") \
	X(STATUS, "status", "the status line") \
	X(MESSAGE, "message", "a message on the bottom line") \
	X(ERROR, "error", "an error on the bottom line") \
	X(SELECTED, "selected", "the selected row of the focused list") \
	X(SELECTED_INACTIVE, "selected-inactive", "the selected row when the other pane has the focus") \
	X(HEADER, "header", "column headings and pane titles") \
	X(LABEL, "label", "field names in the detail pane") \
	X(IDEA_TITLE, "idea-title", "an idea's title in the detail pane") \
	X(DIM, "dim", "secondary information: dates, ids, counts") \
	X(BORDER, "border", "the line between the panes") \
	X(STATUS_NEW, "status-new", "an idea status that asks for triage") \
	X(STATUS_OPEN, "status-open", "an idea status that is being handled") \
	X(STATUS_FINAL, "status-final", "an idea status that is decided") \
	X(FLAG_HIGH, "flag-high", "a strong spam or abuse signal") \
	X(FLAG_LOW, "flag-low", "a weak spam or abuse signal") \
	X(SCORE, "score", "a similarity score") \
	X(DIFF, "diff", "words one idea has and the other lacks") \
	X(SEARCH_MATCH, "search-match", "a search match") \
	X(HELP_KEY, "help-key", "a key on the help screen") \
	X(HIDDEN, "hidden", "content that moderators have hidden") \
	X(TAGGED, "tagged", "the mark of a tagged item") \
	X(CLAIMED, "claimed", "an item a colleague is working on") \
	X(NOW, "now", "the marker for now on the timeline") \
	X(PHASE, "phase", "a phase on the timeline") \
	X(PHASE_ALT, "phase-alt", "every other phase on the timeline") \
	X(PHASE_CURRENT, "phase-current", "the running phase on the timeline")

enum theme_slot {
#define X(id, name, what) SLOT_##id,
	THEME_SLOTS(X)
#undef X
	SLOT_COUNT
};

enum {
	ATTR_BOLD = 1 << 0,
	ATTR_UNDERLINE = 1 << 1,
	ATTR_REVERSE = 1 << 2,
	ATTR_DIM = 1 << 3,
	ATTR_ITALIC = 1 << 4,
	ATTR_STANDOUT = 1 << 5,
};

#define COLOR_DEFAULT (-1)

struct color_spec {
	short fg, bg;    /* COLOR_DEFAULT or 0..255 */
	unsigned attrs;  /* ATTR_* */
};

struct theme {
	struct color_spec slot[SLOT_COUNT];
};

const char *theme_slot_name(enum theme_slot s);
const char *theme_slot_help(enum theme_slot s);
bool theme_slot_parse(const char *name, enum theme_slot *out);

/* A colour: default, black, red, green, yellow, blue, magenta, cyan, white, their bright-
 * variants (brightred, ...), or color0..color255. */
bool theme_color_parse(const char *s, short *out);
/* An attribute: bold, underline, reverse, dim, italic, standout, or none (0); *out is set
 * to that one ATTR_* bit. Colour and attribute names are case-insensitive, slot names not. */
bool theme_attr_parse(const char *s, unsigned *out);

/* Every slot plain: default colours, no attributes, except SELECTED (reverse) so the
 * selection is always visible. */
void theme_reset(struct theme *t);

/* The same theme with colours removed and attributes kept, for NO_COLOR and terminals
 * without colour. Selection and state stay visible through attributes: a slot with a
 * background colour other than normal's, and neither reverse nor standout, also gets
 * reverse, since a background paints a bar or a highlight that only reverse can paint
 * without colour. */
void theme_strip_colors(struct theme *t);

/* Text of a built-in theme ("default", "mono") compiled in from themes/NAME.theme, or NULL. */
const char *theme_builtin(const char *name);

#endif
