/* Which words of one text the other lacks: marks the differences of two ideas shown side by
 * side in the duplicate queue. */
#ifndef INSPRAAK_DIFF_H
#define INSPRAAK_DIFF_H

#include <stdbool.h>
#include <stddef.h>

/* A run of bytes of one text: either shared with the other text or not. Spans cover the text
 * from start to end without gaps, in order; whitespace belongs to the span before it. */
struct diff_span {
	size_t off, len;
	bool differs;
};

struct diff_result {
	struct diff_span *a, *b;
	int na, nb;
};

/* Word-level longest-common-subsequence diff of two (sanitized) texts. Words compare case-
 * and accent-insensitively and without surrounding punctuation, so "Fietsenstalling," and
 * "fietsenstalling" are the same word. Spans of a word found in the other text at the
 * matching place are not marked; the rest are. A word consisting of punctuation only keeps
 * it ("-" and "..." differ). Whitespace (including no-break and ideographic spaces) separates
 * words; whitespace before the first word is an unmarked span of its own, and neighbouring
 * spans with the same state are merged, so identical texts give one unmarked span and an
 * empty text gives none.
 * The words both texts start and end with are matched first; the LCS then runs in O(n*m)
 * time and O(n*m) bits on the word counts of what remains, with a fallback to set
 * membership (a word differs when the other text lacks it anywhere) when that product
 * exceeds 4,000,000. NULL counts as "". Free the result with diff_free. */
void diff_words(const char *a, const char *b, struct diff_result *out);
void diff_free(struct diff_result *r);

#endif
