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
 * - invalid UTF-8 becomes U+FFFD, one for each maximal ill-formed subpart (a truncated
 *   sequence is one U+FFFD, an overlong or surrogate encoding one per byte);
 * - C0 controls become their Unicode control picture (ESC -> U+241B, so an escape sequence
 *   shows as harmless printable text), DEL -> U+2421, except: '\t' -> one space, '\r\n' and
 *   '\r' -> '\n', '\n' kept with TEXT_KEEP_NEWLINES and a space otherwise;
 * - U+2028 and U+2029 (line and paragraph separator) count as '\n';
 * - C1 controls (U+0080..U+009F, including CSI U+009B and NEL U+0085) -> U+FFFD;
 * - bidirectional controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) are
 *   dropped, as are other characters of category Cf/Cc/Cs/Co/Cn that are not ZWJ (U+200D),
 *   ZWNJ (U+200C) or variation selectors, which emoji and Indic text need (so soft hyphens,
 *   zero-width spaces, BOMs, tag characters, private use and unassigned code points go);
 * - a combining mark with nothing to sit on (at the start, or after a '\n') gets U+25CC
 *   DOTTED CIRCLE as its base, so it cannot land on a cell the caller drew before.
 * The output is valid UTF-8 and sanitizing it again changes nothing. NULL gives "". */
char *text_sanitize(const char *s, unsigned flags);

/* Terminal cells taken by a sanitized string: the sum of utf8proc_charwidth over its code
 * points (combining marks, ZWJ and variation selectors take 0, East Asian wide and emoji
 * take 2, so "👍🏽" takes 4 and a flag 2), which is how ncurses advances the cursor. Controls
 * take 0 and ill-formed bytes 1 (the U+FFFD they become). text_width_n stops after len bytes
 * or at a NUL. NULL has width 0. */
int text_width(const char *s);
int text_width_n(const char *s, size_t len);

/* The longest prefix of s (in bytes) that fits in cols cells, never splitting a character
 * or a grapheme cluster (a base and its marks, an emoji with its modifier or ZWJ sequence,
 * a flag). Zero-width clusters right after the last one that fits are included. *width
 * receives the cells it takes (may be NULL). cols <= 0 gives 0. */
size_t text_prefix_fit(const char *s, int cols, int *width);

/* s cut to at most cols cells, with "…" (U+2026) at the end when something was cut (spaces
 * before the "…" are dropped); when pad is true the result is padded with spaces to exactly
 * cols cells, which is also where a wide character that did not fit the last cell goes.
 * cols <= 0 gives "". Allocated. */
char *text_fit(const char *s, int cols, bool pad);

/* A wrapped line: a slice [off, off+len) of the wrapped string and the cells it takes. */
struct text_line {
	size_t off, len;
	int width;
};

/* Wrap a sanitized string into lines of at most cols cells (cols < 1 counts as 1). Breaks
 * after spaces; a word longer than a line is broken between grapheme clusters; a single
 * cluster wider than cols gets a line of its own, the only line that may be wider than cols.
 * '\n' ends a line: "a\n" is one line, "a\n\nb" three, the middle one empty. Spaces at a
 * wrap point and at the end of a line are not part of any line; spaces at the start of a
 * paragraph are kept as indentation unless they fill the line. Between two lines there are
 * only spaces and at most one '\n'. Returns the number of lines; *lines is allocated (free
 * it; NULL when there are none). An empty string gives zero lines. */
int text_wrap(const char *s, int cols, struct text_line **lines);

/* Unicode case- and accent-insensitive substring test, for search: "Bruggé" finds "brugge",
 * "Straße" finds "STRASSE". An empty or NULL needle is found everywhere. */
bool text_contains_fold(const char *hay, const char *needle);

/* Case folded, accents stripped (NFKD, marks removed), NFC result; compatibility forms
 * ("ﬁ", full-width letters), look-alike punctuation (utf8proc's LUMP) and default
 * ignorables (soft hyphen) are folded too. ASCII input takes a fast path. Invalid UTF-8 is
 * sanitized first. Allocated. */
char *text_fold(const char *s);

#endif
