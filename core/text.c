#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "core/text.h"
#include "core/util.h"

#define REPLACEMENT 0xFFFD
#define DOTTED_CIRCLE 0x25CC
#define ELLIPSIS "\xe2\x80\xa6"

/* Internal scanners take a byte limit and also stop at a NUL, so callers with a plain C
 * string pass NO_LIMIT and never pay for a strlen over a long body they only partly draw. */
#define NO_LIMIT SIZE_MAX

/* Bytes of the maximal ill-formed subpart at s (The Unicode Standard, 3.9, "U+FFFD
 * substitution of maximal subparts"): a truncated but otherwise valid prefix is one error,
 * a byte that can never start or continue the sequence is an error of its own. Browsers
 * decode the same way, so the moderator sees as many U+FFFD as the citizen's browser did. */
static size_t text_bad_len(const unsigned char *s, size_t n)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t need, i;

	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		need = 2;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		need = 3;
		if (s[0] == 0xE0)
			lo = 0xA0;      /* below: overlong */
		else if (s[0] == 0xED)
			hi = 0x9F;      /* above: surrogates */
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		need = 4;
		if (s[0] == 0xF0)
			lo = 0x90;      /* below: overlong */
		else if (s[0] == 0xF4)
			hi = 0x8F;      /* above: beyond U+10FFFF */
	} else {
		return 1;
	}
	for (i = 1; i < need && i < n; i++) {
		if (s[i] < lo || s[i] > hi)
			break;
		lo = 0x80;
		hi = 0xBF;
	}
	return i;
}

/* Decode one code point from s (n >= 1 bytes, a NUL ends the string early). Ill-formed
 * input decodes to U+FFFD so that every scanner in this file agrees on what it sees. */
static size_t text_decode(const unsigned char *s, size_t n, int32_t *cp)
{
	utf8proc_ssize_t r;
	size_t avail;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	/* Never let the decoder look past the terminating NUL. */
	for (avail = 1; avail < 4 && avail < n && s[avail]; avail++)
		;
	r = utf8proc_iterate(s, (utf8proc_ssize_t)avail, cp);
	if (r > 0)
		return (size_t)r;
	*cp = REPLACEMENT;
	return text_bad_len(s, avail);
}

static int text_cp_width(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 0x20 && cp < 0x7F;
	return utf8proc_charwidth(cp);
}

/* The grapheme cluster at s: its length in bytes, and in *width the sum of its code points'
 * widths. Summing is deliberate: ncurses and most terminals advance the cursor by wcwidth of
 * each code point, so a skin-tone emoji takes 4 cells there even where a font shows one
 * glyph; measuring anything else would misplace every column after it. */
static size_t text_cluster(const unsigned char *s, size_t n, int *width)
{
	int32_t prev, cp, state = 0;
	size_t i, k;
	int w;

	/* Two ASCII bytes in a row: the first is a cluster of its own, except CR LF. */
	if (s[0] < 0x80 && (n < 2 || s[1] < 0x80) && !(s[0] == '\r' && n >= 2 && s[1] == '\n')) {
		*width = text_cp_width(s[0]);
		return 1;
	}
	i = text_decode(s, n, &prev);
	w = text_cp_width(prev);
	while (i < n && s[i]) {
		k = text_decode(s + i, n - i, &cp);
		if (utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		w += text_cp_width(cp);
		i += k;
		prev = cp;
	}
	*width = w;
	return i;
}

/* All of these are Cf today and would go with the rest, but they are the ones that can make
 * a line read differently from what it says, so they do not depend on a category table. */
static bool text_is_bidi_control(int32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static bool text_is_mark(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
	       c == UTF8PROC_CATEGORY_ME;
}

/* Invisible or unassigned characters a terminal may act on, draw with an unpredictable
 * width, or use to hide text from the moderator. ZWJ and ZWNJ stay because emoji sequences
 * and Indic/Persian spelling need them; variation selectors are marks (Mn), not Cf. */
static bool text_is_dropped(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_CF:
		return cp != 0x200C && cp != 0x200D;
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CS:
	case UTF8PROC_CATEGORY_CO:
	case UTF8PROC_CATEGORY_CN:
		return true;
	default:
		return false;
	}
}

static void text_add_cp(struct sbuf *b, int32_t cp)
{
	utf8proc_uint8_t buf[4];
	utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);

	sbuf_addn(b, (const char *)buf, (size_t)n);
}

static void text_add_newline(struct sbuf *b, unsigned flags)
{
	sbuf_addc(b, (flags & TEXT_KEEP_NEWLINES) ? '\n' : ' ');
}

char *text_sanitize(const char *str, unsigned flags)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	struct sbuf b;
	size_t i = 0, run;
	int32_t cp;

	sbuf_init(&b);
	while (s[i]) {
		/* Most citizen text is printable ASCII: copy it in one go. */
		for (run = 0; s[i + run] >= 0x20 && s[i + run] < 0x7F; run++)
			;
		if (run) {
			sbuf_addn(&b, (const char *)s + i, run);
			i += run;
			continue;
		}
		if (s[i] < 0x80) {
			switch (s[i]) {
			case '\t':
				sbuf_addc(&b, ' ');
				break;
			case '\r':
				if (s[i + 1] == '\n')
					i++;
				text_add_newline(&b, flags);
				break;
			case '\n':
				text_add_newline(&b, flags);
				break;
			case 0x7F:
				text_add_cp(&b, 0x2421);
				break;
			default:
				/* ESC becomes U+241B: "\x1b[2J" shows as "␛[2J" and does nothing. */
				text_add_cp(&b, 0x2400 + s[i]);
				break;
			}
			i++;
			continue;
		}
		i += text_decode(s + i, NO_LIMIT, &cp);
		if (cp >= 0x80 && cp <= 0x9F) {
			/* C1: U+009B is CSI on terminals that honour 8-bit controls. */
			text_add_cp(&b, REPLACEMENT);
		} else if (cp == 0x2028 || cp == 0x2029) {
			/* Line and paragraph separators are line breaks a terminal does not know. */
			text_add_newline(&b, flags);
		} else if (text_is_bidi_control(cp) || text_is_dropped(cp)) {
			continue;
		} else {
			/* A mark with nothing before it would land on whatever cell the caller drew
			 * last (a border, the previous column); give it the base Unicode uses for
			 * showing marks alone. */
			if (text_is_mark(cp) && (b.len == 0 || b.s[b.len - 1] == '\n'))
				text_add_cp(&b, DOTTED_CIRCLE);
			text_add_cp(&b, cp);
		}
	}
	return sbuf_take(&b);
}

static int text_width_limit(const unsigned char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int w = 0;

	/* Summing per code point equals summing per cluster, so no segmentation here. */
	while (i < n && s[i]) {
		if (s[i] < 0x80) {
			w += s[i] >= 0x20 && s[i] < 0x7F;
			i++;
			continue;
		}
		i += text_decode(s + i, n - i, &cp);
		w += text_cp_width(cp);
	}
	return w;
}

int text_width(const char *s)
{
	return s ? text_width_limit((const unsigned char *)s, NO_LIMIT) : 0;
}

int text_width_n(const char *s, size_t len)
{
	return s ? text_width_limit((const unsigned char *)s, len) : 0;
}

size_t text_prefix_fit(const char *str, int cols, int *width)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	size_t i = 0, k;
	int w = 0, cw;

	while (cols > 0 && s[i]) {
		k = text_cluster(s + i, NO_LIMIT, &cw);
		if (w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	if (width)
		*width = w;
	return i;
}

char *text_fit(const char *str, int cols, bool pad)
{
	const char *s = str ? str : "";
	struct sbuf b;
	size_t len;
	int w;

	if (cols <= 0)
		return xstrdup("");
	sbuf_init(&b);
	len = text_prefix_fit(s, cols, &w);
	if (s[len]) {
		len = text_prefix_fit(s, cols - 1, &w);
		/* "word …" looks like a gap in the data; "word…" reads as cut. */
		while (len > 0 && s[len - 1] == ' ') {
			len--;
			w--;
		}
		sbuf_addn(&b, s, len);
		sbuf_add(&b, ELLIPSIS);
		w++;
	} else {
		sbuf_addn(&b, s, len);
	}
	/* A wide character that did not fit the last cell leaves it to the padding. */
	while (pad && w < cols) {
		sbuf_addc(&b, ' ');
		w++;
	}
	return sbuf_take(&b);
}

struct text_wrapper {
	struct text_line *lines;
	int n, cap;
};

static void text_wrap_emit(struct text_wrapper *t, size_t start, size_t end, int width)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->lines = xreallocarray(t->lines, (size_t)t->cap, sizeof(*t->lines));
	}
	t->lines[t->n].off = start;
	t->lines[t->n].len = end - start;
	t->lines[t->n].width = width;
	t->n++;
}

int text_wrap(const char *str, int cols, struct text_line **lines)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	struct text_wrapper t = { NULL, 0, 0 };
	size_t i = 0, start = 0, k;
	/* The last run of spaces after content: where it starts and where the next word does,
	 * with the line's width at both points. */
	size_t run_start = 0, brk_end = 0, brk_next = 0;
	int run_w = 0, brk_w = 0, brk_next_w = 0;
	bool in_run = false, have_brk = false, content = false;
	int w = 0, cw;

	if (cols < 1)
		cols = 1;
	while (s[i]) {
		if (s[i] == '\n') {
			if (in_run)
				text_wrap_emit(&t, start, run_start, run_w);
			else
				text_wrap_emit(&t, start, i, w);
			i++;
			start = i;
			w = 0;
			in_run = have_brk = content = false;
			continue;
		}
		k = text_cluster(s + i, NO_LIMIT, &cw);
		/* A space carrying a combining mark is a visible character, not a break. */
		if (s[i] == ' ' && k == 1) {
			if (!in_run) {
				in_run = true;
				run_start = i;
				run_w = w;
			}
			/* Spaces never wrap by themselves: a run that overflows is trailing or ends
			 * at the wrap point, and is part of neither line. */
			w++;
			i++;
			continue;
		}
		if (in_run) {
			in_run = false;
			if (content) {
				have_brk = true;
				brk_end = run_start;
				brk_w = run_w;
				brk_next = i;
				brk_next_w = w;
			}
		}
		while (w + cw > cols && i > start) {
			if (!content) {
				/* Indentation wider than the line: drop it rather than print a blank. */
			} else if (have_brk) {
				text_wrap_emit(&t, start, brk_end, brk_w);
				start = brk_next;
				w -= brk_next_w;
				have_brk = false;
				content = start < i;
				continue;
			} else {
				/* One word longer than the line: break it between clusters. */
				text_wrap_emit(&t, start, i, w);
			}
			start = i;
			w = 0;
			content = false;
		}
		/* A single cluster wider than cols still gets a line, the only line wider than
		 * cols; dropping it would hide text from the moderator. */
		w += cw;
		content = true;
		i += k;
	}
	if (start < i) {
		if (in_run)
			text_wrap_emit(&t, start, run_start, run_w);
		else
			text_wrap_emit(&t, start, i, w);
	}
	*lines = t.lines;
	return t.n;
}

static bool text_is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* COMPAT folds ligatures and full-width letters, LUMP folds look-alike quotes and dashes,
 * IGNORE drops soft hyphens and zero-width spaces: all things a searcher does not type. */
#define FOLD_OPTIONS (UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | \
		      UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_LUMP)

/* utf8proc_map's steps, but with the buffer from xmalloc so that running out of memory
 * takes the same road as everywhere else. NULL when s is not valid UTF-8. */
static char *text_fold_valid(const char *s)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t *buf;
	utf8proc_ssize_t n, r;

	n = utf8proc_decompose(u, 0, NULL, 0, FOLD_OPTIONS);
	if (n < 0)
		return NULL;
	/* reencode writes UTF-8 in place and needs room for the NUL. */
	buf = xmalloc(((size_t)n + 1) * sizeof(*buf));
	r = utf8proc_decompose(u, 0, buf, n, FOLD_OPTIONS);
	if (r >= 0 && r <= n)
		r = utf8proc_reencode(buf, r, FOLD_OPTIONS);
	else
		r = -1;
	if (r < 0) {
		free(buf);
		return NULL;
	}
	return (char *)buf;
}

char *text_fold(const char *str)
{
	const char *s = str ? str : "";
	char *p, *clean;

	/* Folding ASCII is lowering it; search runs this for every row while typing. */
	if (text_is_ascii(s)) {
		p = xstrdup(s);
		for (char *c = p; *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
		return p;
	}
	p = text_fold_valid(s);
	if (p)
		return p;
	/* utf8proc refuses ill-formed UTF-8; fold what the screen would show instead. */
	clean = text_sanitize(s, TEXT_KEEP_NEWLINES);
	p = text_fold_valid(clean);
	if (!p)
		return clean;
	free(clean);
	return p;
}

bool text_contains_fold(const char *hay, const char *needle)
{
	char *h, *n;
	bool found;

	if (!needle || !*needle)
		return true;
	if (!hay)
		return false;
	h = text_fold(hay);
	n = text_fold(needle);
	found = strstr(h, n) != NULL;
	free(h);
	free(n);
	return found;
}
