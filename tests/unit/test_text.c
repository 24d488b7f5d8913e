#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "core/text.h"
#include "core/util.h"

#define FFFD "\xef\xbf\xbd"
#define ESC_PIC "\xe2\x90\x9b"  /* U+241B */
#define BEL_PIC "\xe2\x90\x87"  /* U+2407 */
#define DEL_PIC "\xe2\x90\xa1"  /* U+2421 */
#define THUMB "\xf0\x9f\x91\x8d"
#define TONE "\xf0\x9f\x8f\xbd"
#define FLAG_BE "\xf0\x9f\x87\xa7\xf0\x9f\x87\xaa"
#define FLAG_NL "\xf0\x9f\x87\xb3\xf0\x9f\x87\xb1"
#define ZWJ "\xe2\x80\x8d"
/* man ZWJ woman ZWJ girl */
#define FAMILY "\xf0\x9f\x91\xa8" ZWJ "\xf0\x9f\x91\xa9" ZWJ "\xf0\x9f\x91\xa7"

static void check_sanitize(const char *in, unsigned flags, const char *want)
{
	char *got = text_sanitize(in, flags);

	ck_assert_str_eq(got, want);
	free(got);
}

/* Valid UTF-8 with nothing a terminal would act on: no C0 but (optionally) '\n', no DEL,
 * no C1, no bidi control. */
static void assert_terminal_safe(const char *s, bool newlines_allowed)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t len = (utf8proc_ssize_t)strlen(s), i = 0, r;
	utf8proc_int32_t cp;

	while (i < len) {
		r = utf8proc_iterate(u + i, len - i, &cp);
		ck_assert_msg(r > 0, "invalid UTF-8 at byte %zd", i);
		if (cp == '\n')
			ck_assert(newlines_allowed);
		else
			ck_assert_msg(cp >= 0x20 && cp != 0x7F, "C0/DEL U+%04X", (unsigned)cp);
		ck_assert_msg(cp < 0x80 || cp > 0x9F, "C1 U+%04X", (unsigned)cp);
		ck_assert_msg(cp != 0x200E && cp != 0x200F && cp != 0x061C &&
			      !(cp >= 0x202A && cp <= 0x202E) && !(cp >= 0x2066 && cp <= 0x2069),
			      "bidi control U+%04X", (unsigned)cp);
		i += r;
	}
}

START_TEST(sanitize_c0_pictures)
{
	for (int c = 1; c < 0x20; c++) {
		char in[4] = { 'a', (char)c, 'b', '\0' };
		char want[8];
		char *got;

		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		/* U+2400 + c is E2 90 (80 + c) */
		snprintf(want, sizeof(want), "a\xe2\x90%cb", 0x80 + c);
		got = text_sanitize(in, TEXT_KEEP_NEWLINES);
		ck_assert_msg(strcmp(got, want) == 0, "control 0x%02x", c);
		ck_assert_int_eq(text_width(got), 3);
		free(got);
	}
	check_sanitize("a\x7f" "b", 0, "a" DEL_PIC "b");
	check_sanitize("a\tb", 0, "a b");
	check_sanitize("a\tb", TEXT_KEEP_NEWLINES, "a b");
}
END_TEST

START_TEST(sanitize_escape_sequences)
{
	char *got;

	check_sanitize("\x1b[2J", 0, ESC_PIC "[2J");
	check_sanitize("x\x1b]52;c;ZXZpbA==\x07y", 0, "x" ESC_PIC "]52;c;ZXZpbA==" BEL_PIC "y");
	check_sanitize("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", 0,
		       ESC_PIC "]8;;http://evil" ESC_PIC "\\link" ESC_PIC "]8;;" ESC_PIC "\\");
	/* C1 CSI, as a character and as a bare byte */
	check_sanitize("a\xc2\x9b" "2Jb", 0, "a" FFFD "2Jb");
	check_sanitize("a\x9b" "2Jb", 0, "a" FFFD "2Jb");
	got = text_sanitize("\x1b[31mred\x1b[0m\x1bP1$r\x1b\\\x9d" "0;t\x07", 0);
	ck_assert_ptr_null(strchr(got, 0x1b));
	assert_terminal_safe(got, false);
	free(got);
}
END_TEST

START_TEST(sanitize_c1)
{
	for (int c = 0x80; c <= 0x9F; c++) {
		char in[5] = { 'a', (char)(0xC0 | (c >> 6)), (char)(0x80 | (c & 0x3F)), 'b', '\0' };

		check_sanitize(in, 0, "a" FFFD "b");
	}
}
END_TEST

START_TEST(sanitize_bidi_and_format)
{
	/* LRM RLM ALM, LRE..RLO, LRI..PDI: all gone */
	check_sanitize("a\xe2\x80\x8e" "b\xe2\x80\x8f" "c\xd8\x9c" "d", 0, "abcd");
	check_sanitize("1\xe2\x80\xaa" "2\xe2\x80\xab" "3\xe2\x80\xac" "4\xe2\x80\xad" "5\xe2\x80\xae" "6",
		       0, "123456");
	check_sanitize("1\xe2\x81\xa6" "2\xe2\x81\xa7" "3\xe2\x81\xa8" "4\xe2\x81\xa9" "5", 0, "12345");
	/* the classic "invoice_RLO_fdp.exe" trick */
	check_sanitize("invoice\xe2\x80\xae" "fdp.exe", 0, "invoicefdp.exe");
	/* zero-width space, soft hyphen, BOM, private use, unassigned, noncharacter */
	check_sanitize("a\xe2\x80\x8b" "b\xc2\xad" "c\xef\xbb\xbf" "d\xee\x80\x80" "e\xcd\xb8" "f\xef\xbf\xbe" "g",
		       0, "abcdefg");
	/* tag characters (Cf) hide text from a reader */
	check_sanitize("ok\xf3\xa0\x81\xa8\xf3\xa0\x81\xa9", 0, "ok");
}
END_TEST

START_TEST(sanitize_keeps_joiners)
{
	check_sanitize(FAMILY, 0, FAMILY);
	/* ZWNJ in Persian */
	check_sanitize("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85", 0,
		       "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85");
	/* heart + VS16, and a skin tone */
	check_sanitize("\xe2\x9d\xa4\xef\xb8\x8f " THUMB TONE, 0, "\xe2\x9d\xa4\xef\xb8\x8f " THUMB TONE);
	check_sanitize("caf\xc3\xa9 e\xcc\x81", 0, "caf\xc3\xa9 e\xcc\x81");
}
END_TEST

START_TEST(sanitize_invalid_utf8)
{
	check_sanitize("a\x80" "b", 0, "a" FFFD "b");                 /* lone continuation */
	check_sanitize("a\xff" "b\xfe", 0, "a" FFFD "b" FFFD);
	check_sanitize("a\xe2\x82", 0, "a" FFFD);                      /* truncated at the end */
	check_sanitize("\xe2\x82" "b", 0, FFFD "b");                   /* truncated, then ASCII */
	check_sanitize("\xf0\x9f\x91" "x", 0, FFFD "x");
	check_sanitize("\xe2\x82\xe2\x82\xac", 0, FFFD "\xe2\x82\xac"); /* truncated, then valid */
	check_sanitize("\xc0\xaf", 0, FFFD FFFD);                      /* overlong '/' */
	check_sanitize("\xc1\xbf", 0, FFFD FFFD);
	check_sanitize("\xe0\x80\xaf", 0, FFFD FFFD FFFD);             /* overlong, 3 bytes */
	check_sanitize("\xf0\x80\x80\xaf", 0, FFFD FFFD FFFD FFFD);    /* overlong, 4 bytes */
	check_sanitize("\xc0\x9b", 0, FFFD FFFD);                      /* overlong CSI stays dead */
	check_sanitize("\xed\xa0\x80", 0, FFFD FFFD FFFD);             /* surrogate */
	check_sanitize("\xf4\x90\x80\x80", 0, FFFD FFFD FFFD FFFD);    /* above U+10FFFF */
	check_sanitize("\xf5\x80", 0, FFFD FFFD);
	check_sanitize("\xf4\x8f\xbf\xbf", 0, "");                     /* U+10FFFF: noncharacter */
}
END_TEST

START_TEST(sanitize_newlines)
{
	check_sanitize("a\r\nb", TEXT_KEEP_NEWLINES, "a\nb");
	check_sanitize("a\rb", TEXT_KEEP_NEWLINES, "a\nb");
	check_sanitize("a\r\n\r\nb\n", TEXT_KEEP_NEWLINES, "a\n\nb\n");
	check_sanitize("a\n\rb", TEXT_KEEP_NEWLINES, "a\n\nb");
	check_sanitize("a\r\r\nb", TEXT_KEEP_NEWLINES, "a\n\nb");
	check_sanitize("a\r\nb", 0, "a b");
	check_sanitize("a\nb\rc", 0, "a b c");
	/* line and paragraph separators are newlines too */
	check_sanitize("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", TEXT_KEEP_NEWLINES, "a\nb\nc");
	check_sanitize("a\xe2\x80\xa8" "b", 0, "a b");
	/* NEL is C1: not a newline */
	check_sanitize("a\xc2\x85" "b", TEXT_KEEP_NEWLINES, "a" FFFD "b");
}
END_TEST

START_TEST(sanitize_lone_marks)
{
	/* U+25CC dotted circle carries a mark that has nothing to sit on */
	check_sanitize("\xcc\x81" "a", 0, "\xe2\x97\x8c\xcc\x81" "a");
	check_sanitize("a\n\xcc\x81", TEXT_KEEP_NEWLINES, "a\n\xe2\x97\x8c\xcc\x81");
	check_sanitize("\xe2\x80\xae\xcc\x81", 0, "\xe2\x97\x8c\xcc\x81");
	check_sanitize("a\xcc\x81", 0, "a\xcc\x81");
	check_sanitize(" \xcc\x81", 0, " \xcc\x81");
}
END_TEST

START_TEST(sanitize_null_and_empty)
{
	char *got = text_sanitize(NULL, 0);

	ck_assert_str_eq(got, "");
	free(got);
	check_sanitize("", TEXT_KEEP_NEWLINES, "");
	check_sanitize("Gewoon tekst.", 0, "Gewoon tekst.");
}
END_TEST

/* Random bytes, biased towards the interesting ones: the output is always safe, and
 * sanitizing twice changes nothing. */
START_TEST(sanitize_random_bytes)
{
	static const unsigned char pick[] = {
		0x1b, 0x9b, 0x07, '\r', '\n', '\t', 0x7f, 0xc2, 0xe2, 0x80, 0x81, 0xae, 0x8e,
		0xf0, 0x9f, 0xed, 0xa0, 0xc0, 0xff, 0xcc, 'a', ' ', '[', ']',
	};
	unsigned seed = 12345;

	for (int round = 0; round < 2000; round++) {
		char in[64];
		int n = 1 + round % 62;

		for (int i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			in[i] = (char)((seed >> 16) % 3 ? pick[(seed >> 8) % sizeof(pick)]
							: (seed >> 8) & 0xff);
			if (in[i] == 0)
				in[i] = 'z';
		}
		in[n] = '\0';
		for (unsigned flags = 0; flags <= TEXT_KEEP_NEWLINES; flags++) {
			char *once = text_sanitize(in, flags);
			char *twice = text_sanitize(once, flags);

			assert_terminal_safe(once, flags & TEXT_KEEP_NEWLINES);
			ck_assert_str_eq(once, twice);
			free(once);
			free(twice);
		}
	}
}
END_TEST

START_TEST(width_basic)
{
	ck_assert_int_eq(text_width(""), 0);
	ck_assert_int_eq(text_width(NULL), 0);
	ck_assert_int_eq(text_width("Gent"), 4);
	ck_assert_int_eq(text_width("\xc3\xa9"), 1);                       /* é precomposed */
	ck_assert_int_eq(text_width("e\xcc\x81"), 1);                      /* e + U+0301 */
	ck_assert_int_eq(text_width("\xc3\xa9\xc3\xa9n"), 3);              /* één */
	ck_assert_int_eq(text_width("co\xc3\xb6rdinatie"), 11);            /* coördinatie */
	ck_assert_int_eq(text_width("na\xc3\xaf" "ef"), 5);                /* naïef */
	ck_assert_int_eq(text_width("\xc4\xb3s"), 2);                      /* ĳs */
	ck_assert_int_eq(text_width("\xe6\x97\xa5\xe6\x9c\xac"), 4);       /* 日本 */
	ck_assert_int_eq(text_width("a\xe6\x97\xa5" "b"), 4);
	ck_assert_int_eq(text_width(ESC_PIC "[2J"), 4);
	ck_assert_int_eq(text_width("\xe2\x80\xa6"), 1);                   /* … */
}
END_TEST

START_TEST(width_emoji)
{
	ck_assert_int_eq(text_width(THUMB), 2);
	/* utf8proc: 2 for the thumb and 2 for the modifier; ncurses advances the same way */
	ck_assert_int_eq(text_width(THUMB TONE), 4);
	/* regional indicators are 1 each in utf8proc */
	ck_assert_int_eq(text_width(FLAG_BE), 2);
	ck_assert_int_eq(text_width(FAMILY), 6);
	ck_assert_int_eq(text_width(ZWJ), 0);
	/* heart + VS16: the selector adds nothing */
	ck_assert_int_eq(text_width("\xe2\x9d\xa4\xef\xb8\x8f"), 1);
}
END_TEST

START_TEST(width_n)
{
	const char *s = "\xe6\x97\xa5\xe6\x9c\xac" "ab";

	ck_assert_int_eq(text_width_n(s, 3), 2);
	ck_assert_int_eq(text_width_n(s, 6), 4);
	ck_assert_int_eq(text_width_n(s, 7), 5);
	ck_assert_int_eq(text_width_n(s, 100), 6);      /* stops at the NUL */
	ck_assert_int_eq(text_width_n(s, 0), 0);
	ck_assert_int_eq(text_width_n("e\xcc\x81x", 3), 1);
}
END_TEST

static void check_fit_prefix(const char *s, int cols, size_t want_len, int want_width)
{
	int w = -1;
	size_t len = text_prefix_fit(s, cols, &w);

	ck_assert_msg(len == want_len, "\"%s\" in %d cols: %zu bytes, want %zu", s, cols, len,
		      want_len);
	ck_assert_int_eq(w, want_width);
	ck_assert_int_eq(text_width_n(s, len), w);
}

START_TEST(prefix_fit_ascii_and_wide)
{
	check_fit_prefix("hallo", 3, 3, 3);
	check_fit_prefix("hallo", 5, 5, 5);
	check_fit_prefix("hallo", 9, 5, 5);
	check_fit_prefix("hallo", 0, 0, 0);
	check_fit_prefix("hallo", -2, 0, 0);
	check_fit_prefix("", 4, 0, 0);
	check_fit_prefix("\xe6\x97\xa5\xe6\x9c\xac", 3, 3, 2);
	check_fit_prefix("\xe6\x97\xa5\xe6\x9c\xac", 1, 0, 0);
	check_fit_prefix("\xe6\x97\xa5\xe6\x9c\xac", 4, 6, 4);
	ck_assert_uint_eq(text_prefix_fit("abc", 2, NULL), 2);
}
END_TEST

START_TEST(prefix_fit_clusters)
{
	/* the combining mark goes with its base, even after an ASCII letter */
	check_fit_prefix("e\xcc\x81x", 1, 3, 1);
	check_fit_prefix("ae\xcc\x81", 1, 1, 1);
	check_fit_prefix("ae\xcc\x81", 2, 4, 2);
	/* skin tone: 4 cells, all or nothing */
	check_fit_prefix("a" THUMB TONE "b", 3, 1, 1);
	check_fit_prefix("a" THUMB TONE "b", 4, 1, 1);
	check_fit_prefix("a" THUMB TONE "b", 5, 9, 5);
	/* flags: pairs of regional indicators, never half a flag */
	check_fit_prefix(FLAG_BE FLAG_NL, 1, 0, 0);
	check_fit_prefix(FLAG_BE FLAG_NL, 2, 8, 2);
	check_fit_prefix(FLAG_BE FLAG_NL, 3, 8, 2);
	check_fit_prefix(FLAG_BE FLAG_NL, 4, 16, 4);
	/* the ZWJ family: 6 cells, one cluster */
	for (int cols = 0; cols < 6; cols++)
		check_fit_prefix(FAMILY "x", cols, 0, 0);
	check_fit_prefix(FAMILY "x", 6, strlen(FAMILY), 6);
}
END_TEST

static void check_fit(const char *s, int cols, bool pad, const char *want)
{
	char *got = text_fit(s, cols, pad);

	ck_assert_str_eq(got, want);
	if (pad && cols > 0)
		ck_assert_int_eq(text_width(got), cols);
	else
		ck_assert_int_le(text_width(got), cols < 0 ? 0 : cols);
	free(got);
}

START_TEST(fit_cut_and_pad)
{
	check_fit("fietsenstalling", 8, false, "fietsen\xe2\x80\xa6");
	check_fit("fietsenstalling", 8, true, "fietsen\xe2\x80\xa6");
	check_fit("fiets", 5, false, "fiets");             /* exact fit: no ellipsis */
	check_fit("fiets", 8, false, "fiets");
	check_fit("fiets", 8, true, "fiets   ");
	check_fit("", 3, true, "   ");
	check_fit("", 3, false, "");
	/* no space before the ellipsis */
	check_fit("abc   defgh", 6, true, "abc\xe2\x80\xa6  ");
	check_fit("caf\xc3\xa9 Brugg\xc3\xa9", 6, false, "caf\xc3\xa9\xe2\x80\xa6");
}
END_TEST

START_TEST(fit_wide_and_edges)
{
	/* 日本語 in 4 cells: 日 + … is 3, the fourth cell becomes padding */
	check_fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4, true, "\xe6\x97\xa5\xe2\x80\xa6 ");
	check_fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4, false, "\xe6\x97\xa5\xe2\x80\xa6");
	check_fit("\xe6\x97\xa5\xe6\x9c\xac", 4, true, "\xe6\x97\xa5\xe6\x9c\xac");
	check_fit("a" THUMB TONE "b", 4, true, "a\xe2\x80\xa6  ");
	check_fit("e\xcc\x81" "abc", 2, false, "e\xcc\x81\xe2\x80\xa6");
	check_fit(FLAG_BE FLAG_NL, 3, false, FLAG_BE "\xe2\x80\xa6");
	/* cols 0 and 1 */
	check_fit("abc", 0, true, "");
	check_fit("abc", -1, true, "");
	check_fit("abc", 1, false, "\xe2\x80\xa6");
	check_fit("a", 1, true, "a");
	check_fit("\xe6\x97\xa5", 1, true, "\xe2\x80\xa6");
	check_fit("\xe6\x97\xa5", 2, true, "\xe6\x97\xa5");
}
END_TEST

/* Lines of a wrap, checked against everything the contract promises. */
static int wrap_checked(const char *s, int cols, struct text_line **out)
{
	struct text_line *l = NULL;
	int n = text_wrap(s, cols, &l);
	size_t prev_end = 0;

	for (int i = 0; i < n; i++) {
		ck_assert_int_eq(l[i].width, text_width_n(s + l[i].off, l[i].len));
		/* only a single cluster wider than the line may exceed it */
		if (l[i].width > cols) {
			int w0 = -1;

			text_prefix_fit(s + l[i].off, l[i].width - 1, &w0);
			ck_assert_int_eq(w0, 0);
		}
		ck_assert_uint_ge(l[i].off, prev_end);
		if (i > 0) {
			/* between lines: spaces, at most one newline */
			int nl = 0;

			for (size_t k = prev_end; k < l[i].off; k++) {
				ck_assert(s[k] == ' ' || s[k] == '\n');
				nl += s[k] == '\n';
			}
			ck_assert_int_le(nl, 1);
		}
		if (l[i].len > 0)
			ck_assert(s[l[i].off + l[i].len - 1] != ' ');
		prev_end = l[i].off + l[i].len;
	}
	*out = l;
	return n;
}

static void check_wrap(const char *s, int cols, int nwant, const char *const *want)
{
	struct text_line *l;
	int n = wrap_checked(s, cols, &l);

	ck_assert_int_eq(n, nwant);
	for (int i = 0; i < n; i++) {
		ck_assert_msg(l[i].len == strlen(want[i]) &&
			      memcmp(s + l[i].off, want[i], l[i].len) == 0,
			      "line %d: \"%.*s\", want \"%s\"", i, (int)l[i].len, s + l[i].off, want[i]);
	}
	free(l);
}

#define WRAP(s, cols, ...) do { \
		static const char *const want_[] = { __VA_ARGS__ }; \
		check_wrap((s), (cols), (int)ARRAY_SIZE(want_), want_); \
	} while (0)

START_TEST(wrap_words)
{
	struct text_line *l = NULL;

	ck_assert_int_eq(text_wrap("", 10, &l), 0);
	free(l);
	WRAP("hallo wereld", 20, "hallo wereld");
	WRAP("hallo wereld", 12, "hallo wereld");
	WRAP("hallo wereld", 11, "hallo", "wereld");
	WRAP("hallo wereld", 6, "hallo", "wereld");
	WRAP("hallo wereld", 5, "hallo", "werel", "d");
	WRAP("een fiets op de stoep", 10, "een fiets", "op de", "stoep");
	WRAP("hallo     wereld", 7, "hallo", "wereld");
}
END_TEST

START_TEST(wrap_long_words)
{
	WRAP("abcdefghij", 4, "abcd", "efgh", "ij");
	WRAP("ab abcdefghij", 4, "ab", "abcd", "efgh", "ij");
	WRAP("x fietsenstalling y", 6, "x", "fietse", "nstall", "ing y");
	WRAP("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, "e\xcc\x81" "e\xcc\x81", "e\xcc\x81");
}
END_TEST

START_TEST(wrap_newlines)
{
	WRAP("a\n\nb", 10, "a", "", "b");
	WRAP("a\n", 10, "a");
	WRAP("\n", 10, "");
	WRAP("a\n\n\n", 10, "a", "", "");
	WRAP("\n\na", 10, "", "", "a");
	WRAP("ab cd\nef", 3, "ab", "cd", "ef");
}
END_TEST

START_TEST(wrap_spaces)
{
	WRAP("abc   ", 10, "abc");
	WRAP("abc   \ndef", 10, "abc", "def");
	WRAP("abc      \ndef", 4, "abc", "def");
	WRAP("  ingesprongen", 20, "  ingesprongen");
	WRAP("        x", 4, "x");
	WRAP("   ", 4, "");
	WRAP("a \xcc\x81 b", 10, "a \xcc\x81 b");       /* a space with a mark is a letter */
}
END_TEST

START_TEST(wrap_cjk_and_emoji)
{
	/* 日本語のテキスト: 8 wide characters */
	const char *cjk = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae"
			  "\xe3\x83\x86\xe3\x82\xad\xe3\x82\xb9\xe3\x83\x88";
	struct text_line *l;
	int n;

	WRAP(cjk, 5, "\xe6\x97\xa5\xe6\x9c\xac", "\xe8\xaa\x9e\xe3\x81\xae",
	     "\xe3\x83\x86\xe3\x82\xad", "\xe3\x82\xb9\xe3\x83\x88");
	n = wrap_checked(cjk, 7, &l);
	ck_assert_int_eq(n, 3);
	for (int i = 0; i < n; i++)
		ck_assert_int_le(l[i].width, 7);
	free(l);
	/* a wide character in one column: alone, the one allowed overflow */
	WRAP("\xe6\x97\xa5" "a", 1, "\xe6\x97\xa5", "a");
	WRAP(FAMILY FAMILY, 7, FAMILY, FAMILY);
	WRAP(FLAG_BE FLAG_NL FLAG_BE, 5, FLAG_BE FLAG_NL, FLAG_BE);
	WRAP("a" THUMB TONE, 4, "a", THUMB TONE);
}
END_TEST

/* Every line fits, and no text is lost: what the lines hold plus what lies between them is
 * the input minus spaces and newlines. */
START_TEST(wrap_random)
{
	static const char *const words[] = {
		"de", "fiets", "\xc3\xa9\xc3\xa9n", "\xe6\x97\xa5\xe6\x9c\xac", THUMB, "e\xcc\x81",
		"fietsenstalling", "\n", "  ", FLAG_BE, "Br\xc3\xbcssel", FAMILY,
	};
	unsigned seed = 99;

	for (int round = 0; round < 300; round++) {
		struct sbuf in, kept;
		struct text_line *l;
		int cols = 2 + round % 19, n;
		char *all;

		sbuf_init(&in);
		sbuf_init(&kept);
		for (int i = 0; i < 25; i++) {
			seed = seed * 1103515245u + 12345u;
			sbuf_add(&in, words[(seed >> 16) % ARRAY_SIZE(words)]);
			if ((seed >> 8) % 2)
				sbuf_addc(&in, ' ');
		}
		n = wrap_checked(in.s, cols, &l);
		for (int i = 0; i < n; i++) {
			if (l[i].width > cols)
				ck_assert_int_eq(l[i].width, 6);        /* only the family is wider */
			for (size_t k = 0; k < l[i].len; k++)
				if (in.s[l[i].off + k] != ' ')
					sbuf_addc(&kept, in.s[l[i].off + k]);
		}
		all = xstrdup(in.s);
		{
			char *w = all;

			for (char *r = all; *r; r++)
				if (*r != ' ' && *r != '\n')
					*w++ = *r;
			*w = '\0';
		}
		ck_assert_str_eq(kept.s ? kept.s : "", all);
		free(all);
		free(l);
		sbuf_free(&in);
		sbuf_free(&kept);
	}
}
END_TEST

static void check_fold(const char *s, const char *want)
{
	char *got = text_fold(s);

	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(fold)
{
	check_fold("Brugg\xc3\xa9", "brugge");
	check_fold("BRUGGE", "brugge");
	check_fold("Stra\xc3\x9f" "e", "strasse");
	check_fold("\xc3\x89\xc3\x89N", "een");
	check_fold("E\xcc\x81\xc3\xa9n", "een");
	check_fold("\xef\xac\x81" "ets", "fiets");                   /* ﬁ ligature */
	check_fold("\xef\xbc\xa6\xef\xbd\x89\xef\xbd\x85\xef\xbd\x94\xef\xbd\x93", "fiets");
	check_fold("fiets\xc2\xad" "enstalling", "fietsenstalling");
	check_fold("\xe6\x97\xa5\xe6\x9c\xac", "\xe6\x97\xa5\xe6\x9c\xac");
	check_fold("", "");
	check_fold("a\xff" "B", "a" FFFD "b");
}
END_TEST

START_TEST(contains_fold)
{
	ck_assert(text_contains_fold("Brugg\xc3\xa9", "BRUGGE"));
	ck_assert(text_contains_fold("BRUGGE", "Brugg\xc3\xa9"));
	ck_assert(text_contains_fold("in Brugge centrum", "brugg\xc3\xa9"));
	ck_assert(text_contains_fold("Stra\xc3\x9f" "e", "strasse"));
	ck_assert(text_contains_fold("de Stationsstrasse", "STRA\xc3\x9f" "E"));
	ck_assert(text_contains_fold("co\xc3\xb6rdinatie", "coordinatie"));
	ck_assert(text_contains_fold("Fiets", ""));
	ck_assert(text_contains_fold("Fiets", NULL));
	ck_assert(!text_contains_fold("Gent", "brugge"));
	ck_assert(!text_contains_fold("Brugg", "brugge"));
	ck_assert(!text_contains_fold(NULL, "x"));
	ck_assert(!text_contains_fold("strase", "stra\xc3\x9f" "e"));
	ck_assert(text_contains_fold("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "\xe6\x9c\xac"));
	ck_assert(text_contains_fold("\x1b[2J bad \xff", "BAD"));
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");

	tcase_add_test(tc, sanitize_c0_pictures);
	tcase_add_test(tc, sanitize_escape_sequences);
	tcase_add_test(tc, sanitize_c1);
	tcase_add_test(tc, sanitize_bidi_and_format);
	tcase_add_test(tc, sanitize_keeps_joiners);
	tcase_add_test(tc, sanitize_invalid_utf8);
	tcase_add_test(tc, sanitize_newlines);
	tcase_add_test(tc, sanitize_lone_marks);
	tcase_add_test(tc, sanitize_null_and_empty);
	tcase_add_test(tc, sanitize_random_bytes);
	tcase_add_test(tc, width_basic);
	tcase_add_test(tc, width_emoji);
	tcase_add_test(tc, width_n);
	tcase_add_test(tc, prefix_fit_ascii_and_wide);
	tcase_add_test(tc, prefix_fit_clusters);
	tcase_add_test(tc, fit_cut_and_pad);
	tcase_add_test(tc, fit_wide_and_edges);
	tcase_add_test(tc, wrap_words);
	tcase_add_test(tc, wrap_long_words);
	tcase_add_test(tc, wrap_newlines);
	tcase_add_test(tc, wrap_spaces);
	tcase_add_test(tc, wrap_cjk_and_emoji);
	tcase_add_test(tc, wrap_random);
	tcase_add_test(tc, fold);
	tcase_add_test(tc, contains_fold);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
