/* Text as the terminal shows it: the one place where citizen text is made harmless, where
 * widths are measured (utf8proc, current Unicode), and where text is cut or wrapped.
 * Nothing else in inspraak measures or truncates text for display. */
#ifndef INSPRAAK_TEXT_H
#define INSPRAAK_TEXT_H

#include <stdbool.h>
#include <stddef.h>

enum {
	TEXT_KEEP_NEWLINES = 1 << 0, /* keep '\n' (bodies); otherwise newlines become spaces */
};

/* Make untrusted text safe to send to a terminal. Returns a new string in which:
 * - invalid UTF-8 becomes U+FFFD;
 * - C0 controls become their Unicode control picture (ESC -> U+241B, so an escape sequence
 *   shows as harmless printable text), DEL -> U+2421, except: '\t' -> one space, '\r\n' and
 *   '\r' -> '\n', '\n' kept with TEXT_KEEP_NEWLINES and a space otherwise;
 * - C1 controls (U+0080..U+009F) -> U+FFFD;
 * - bidirectional controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) are
 *   dropped, as are other characters of category Cf/Cc/Cs/Co/Cn that are not ZWJ (U+200D),
 *   ZWNJ (U+200C) or variation selectors, which emoji and Indic text need. */
char *text_sanitize(const char *s, unsigned flags);

/* Terminal cells taken by a sanitized string: utf8proc's character widths (combining marks
 * and ZWJ take 0, East Asian wide and emoji take 2). */
int text_width(const char *s);
int text_width_n(const char *s, size_t len);

/* The longest prefix of s (in bytes) that fits in cols cells, never splitting a character
 * or a grapheme cluster. *width receives the cells it takes (may be NULL). */
size_t text_prefix_fit(const char *s, int cols, int *width);

/* s cut to at most cols cells, with "…" (U+2026) at the end when something was cut; when pad
 * is true the result is padded with spaces to exactly cols cells. Allocated. */
char *text_fit(const char *s, int cols, bool pad);

/* A wrapped line: a slice [off, off+len) of the wrapped string and the cells it takes. */
struct text_line {
	size_t off, len;
	int width;
};

/* Wrap a sanitized string into lines of at most cols cells (cols >= 1). Breaks after spaces;
 * a word longer than a line is broken between grapheme clusters; '\n' ends a line (an empty
 * line stays an empty line); spaces at a wrap point are not part of either line. Returns the
 * number of lines; *lines is allocated (free it). An empty string gives zero lines. */
int text_wrap(const char *s, int cols, struct text_line **lines);

/* Unicode case- and accent-insensitive substring test, for search: "Bruggé" finds "brugge". */
bool text_contains_fold(const char *hay, const char *needle);

/* Case folded, accents stripped (NFKD, marks removed), NFC result. Allocated. */
char *text_fold(const char *s);

#endif
