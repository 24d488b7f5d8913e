/* A document for a pane: lines of coloured segments, built by the views from an item and
 * drawn by the tui. Text is sanitised and wrapped here, when it enters, so that drawing only
 * copies cells. */
#ifndef INSPRAAK_DOC_H
#define INSPRAAK_DOC_H

#include <stdbool.h>

#include "core/diff.h"
#include "core/theme.h"

struct doc_seg {
	char *text;            /* sanitised, no newlines */
	enum theme_slot slot;
	int width;
};

struct doc_line {
	struct doc_seg *segs;
	int nsegs;
	int width;
};

struct doc {
	struct doc_line *lines;
	int n, cap;
	int width;            /* wrap width */
};

void doc_init(struct doc *d, int width);
void doc_free(struct doc *d);

/* Start a new (empty) line. */
void doc_newline(struct doc *d);
/* Append text to the current line without wrapping (cut at the pane's width when drawn). */
void doc_add(struct doc *d, enum theme_slot slot, const char *text);
void doc_addf(struct doc *d, enum theme_slot slot, const char *fmt, ...) PRINTF_LIKE(3, 4);
/* Append text wrapped at the doc's width, starting on the current line at its current
 * width and continuing on new lines indented by `indent` cells. Keeps newlines of the text
 * as line breaks. */
void doc_wrap(struct doc *d, enum theme_slot slot, const char *text, int indent);
/* The same, with the spans that differ from another text in the `diff` slot. */
void doc_wrap_diff(struct doc *d, enum theme_slot slot, const char *text,
		   const struct diff_span *spans, int nspans, int indent);
/* A column of exactly `width` cells: the text cut with an ellipsis or padded with spaces,
 * left- or right-aligned. */
void doc_col(struct doc *d, enum theme_slot slot, const char *text, int width, bool right);

/* A field: a label padded to label_width cells, then the value wrapped beside it. */
void doc_field(struct doc *d, int label_width, const char *label, enum theme_slot slot,
	       const char *value);

#endif
