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
 * matching place are not marked; the rest are. Runs in O(n*m) time on word counts, with a
 * fallback to set membership (a word differs when the other text lacks it anywhere) when
 * the product of word counts exceeds 4,000,000. */
void diff_words(const char *a, const char *b, struct diff_result *out);
void diff_free(struct diff_result *r);

#endif
