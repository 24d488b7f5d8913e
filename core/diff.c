#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "core/diff.h"
#include "core/text.h"
#include "core/util.h"

/* Above this many DP cells the quadratic table costs more time than the screen may wait. */
#define DIFF_MAX_CELLS 4000000ULL

struct diff_word {
	size_t off, len;        /* the word itself, without the whitespace after it */
	int id;                 /* equal ids: the same word once folded */
	bool differs;
};

struct diff_text {
	const char *s;
	size_t lead;            /* whitespace before the first word */
	struct diff_word *w;
	size_t n, cap;
};

/* Whitespace as a reader sees it, not only ASCII: a no-break space in "10 km" or an
 * ideographic space between CJK phrases still separates words. */
static size_t diff_space_len(const unsigned char *s)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;
	size_t avail;

	if (s[0] < 0x80)
		return (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r')) ? 1 : 0;
	for (avail = 1; avail < 4 && s[avail]; avail++)
		;
	r = utf8proc_iterate(s, (utf8proc_ssize_t)avail, &cp);
	if (r <= 0)
		return 0;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return (size_t)r;
	default:
		return 0;
	}
}

static void diff_split(struct diff_text *t, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, k, start;

	t->s = str;
	t->w = NULL;
	t->n = t->cap = 0;
	while (s[i] && (k = diff_space_len(s + i)) > 0)
		i += k;
	t->lead = i;
	while (s[i]) {
		start = i;
		while (s[i] && diff_space_len(s + i) == 0)
			i++;
		if (t->n == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 64;
			t->w = xreallocarray(t->w, t->cap, sizeof(*t->w));
		}
		t->w[t->n].off = start;
		t->w[t->n].len = i - start;
		t->w[t->n].id = -1;
		t->w[t->n].differs = false;
		t->n++;
		while (s[i] && (k = diff_space_len(s + i)) > 0)
			i += k;
	}
}

static bool diff_is_punct(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return true;
	default:
		return false;
	}
}

/* Start of the last code point before end (s is valid UTF-8, as text_fold returns). */
static size_t diff_prev(const char *s, size_t end)
{
	do
		end--;
	while (end > 0 && ((unsigned char)s[end] & 0xC0) == 0x80);
	return end;
}

/* The word as compared: folded, then without the punctuation around it, so that
 * "Fietsenstalling," and "fietsenstalling" meet. A word of punctuation only ("-", "...")
 * keeps it, otherwise every dash would equal every ellipsis. */
static char *diff_key(const char *word, size_t len)
{
	char *raw = xstrndup(word, len);
	char *f = text_fold(raw);
	size_t a = 0, b = strlen(f), p;
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;

	free(raw);
	while (a < b) {
		r = utf8proc_iterate((const utf8proc_uint8_t *)f + a, (utf8proc_ssize_t)(b - a), &cp);
		if (r <= 0 || !diff_is_punct(cp))
			break;
		a += (size_t)r;
	}
	while (b > a) {
		p = diff_prev(f, b);
		r = utf8proc_iterate((const utf8proc_uint8_t *)f + p, (utf8proc_ssize_t)(b - p), &cp);
		if (r <= 0 || !diff_is_punct(cp))
			break;
		b = p;
	}
	if (a == b)
		return f;
	memmove(f, f + a, b - a);
	f[b - a] = '\0';
	return f;
}

/* Interning table: folded word -> small integer, so the LCS compares ints. */
struct diff_intern {
	char **keys;            /* by id */
	uint64_t *hashes;       /* by id */
	int *slots;             /* open addressing, -1 when empty */
	size_t nslots;
	int n;
};

static uint64_t diff_hash(const char *s)
{
	/* FNV-1a: short keys, no adversary worth more than that. */
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static void diff_intern_init(struct diff_intern *t, size_t nwords)
{
	t->nslots = 16;
	while (t->nslots < nwords * 2)
		t->nslots *= 2;
	t->slots = xmalloc(t->nslots * sizeof(*t->slots));
	for (size_t i = 0; i < t->nslots; i++)
		t->slots[i] = -1;
	t->keys = xreallocarray(NULL, nwords + 1, sizeof(*t->keys));
	t->hashes = xreallocarray(NULL, nwords + 1, sizeof(*t->hashes));
	t->n = 0;
}

/* Takes ownership of key. */
static int diff_intern_id(struct diff_intern *t, char *key)
{
	uint64_t h = diff_hash(key);
	size_t i = (size_t)h & (t->nslots - 1);
	int id;

	while ((id = t->slots[i]) >= 0) {
		if (t->hashes[id] == h && strcmp(t->keys[id], key) == 0) {
			free(key);
			return id;
		}
		i = (i + 1) & (t->nslots - 1);
	}
	id = t->n++;
	t->keys[id] = key;
	t->hashes[id] = h;
	t->slots[i] = id;
	return id;
}

static void diff_intern_free(struct diff_intern *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->keys[i]);
	free(t->keys);
	free(t->hashes);
	free(t->slots);
}

/* Mark words that are not in a longest common subsequence of a[0..n) and b[0..m). Keeps two
 * rows of lengths and one bit per cell for the way back, so the 4M-cell worst case needs
 * half a megabyte rather than 16. */
static void diff_lcs(struct diff_word *a, size_t n, struct diff_word *b, size_t m)
{
	size_t row = m + 1, i, j;
	uint32_t *prev = xcalloc(row, sizeof(*prev));
	uint32_t *cur = xcalloc(row, sizeof(*cur));
	unsigned char *up = xcalloc((n + 1) * row / 8 + 1, 1);
	uint32_t *tmp;

	for (i = 1; i <= n; i++) {
		cur[0] = 0;
		for (j = 1; j <= m; j++) {
			if (a[i - 1].id == b[j - 1].id) {
				cur[j] = prev[j - 1] + 1;
			} else if (prev[j] >= cur[j - 1]) {
				size_t bit = i * row + j;

				cur[j] = prev[j];
				up[bit / 8] |= (unsigned char)(1u << (bit % 8));
			} else {
				cur[j] = cur[j - 1];
			}
		}
		tmp = prev;
		prev = cur;
		cur = tmp;
	}
	for (i = 0; i < n; i++)
		a[i].differs = true;
	for (j = 0; j < m; j++)
		b[j].differs = true;
	i = n;
	j = m;
	while (i > 0 && j > 0) {
		size_t bit = i * row + j;

		if (a[i - 1].id == b[j - 1].id) {
			a[--i].differs = false;
			b[--j].differs = false;
		} else if (up[bit / 8] & (1u << (bit % 8))) {
			i--;
		} else {
			j--;
		}
	}
	free(prev);
	free(cur);
	free(up);
}

/* The fallback for long texts: linear, and still right for the common case of a few words
 * added or removed; only reordering goes unmarked. */
static void diff_sets(struct diff_word *a, size_t n, struct diff_word *b, size_t m, int nids)
{
	unsigned char *in = xcalloc((size_t)nids + 1, 1);
	size_t i;

	for (i = 0; i < n; i++)
		in[a[i].id] |= 1;
	for (i = 0; i < m; i++)
		in[b[i].id] |= 2;
	for (i = 0; i < n; i++)
		a[i].differs = !(in[a[i].id] & 2);
	for (i = 0; i < m; i++)
		b[i].differs = !(in[b[i].id] & 1);
	free(in);
}

static void diff_span_add(struct diff_span **spans, int *n, size_t *cap, size_t off, size_t len,
			  bool differs)
{
	struct diff_span *last = *n > 0 ? &(*spans)[*n - 1] : NULL;

	if (len == 0)
		return;
	/* Neighbours with the same state are one run for whoever draws them. */
	if (last && last->differs == differs && last->off + last->len == off) {
		last->len += len;
		return;
	}
	if ((size_t)*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*spans = xreallocarray(*spans, *cap, sizeof(**spans));
	}
	(*spans)[*n].off = off;
	(*spans)[*n].len = len;
	(*spans)[*n].differs = differs;
	(*n)++;
}

static void diff_spans(const struct diff_text *t, struct diff_span **spans, int *nspans)
{
	size_t cap = 0, end = strlen(t->s), next;

	*spans = NULL;
	*nspans = 0;
	/* Leading whitespace has no word before it to belong to; it is never a change. */
	diff_span_add(spans, nspans, &cap, 0, t->lead, false);
	for (size_t i = 0; i < t->n; i++) {
		next = i + 1 < t->n ? t->w[i + 1].off : end;
		diff_span_add(spans, nspans, &cap, t->w[i].off, next - t->w[i].off,
			      t->w[i].differs);
	}
}

void diff_words(const char *a, const char *b, struct diff_result *out)
{
	struct diff_text ta, tb;
	struct diff_intern in;
	size_t pre = 0, suf = 0, n, m, i;

	diff_split(&ta, a ? a : "");
	diff_split(&tb, b ? b : "");
	diff_intern_init(&in, ta.n + tb.n);
	for (i = 0; i < ta.n; i++)
		ta.w[i].id = diff_intern_id(&in, diff_key(ta.s + ta.w[i].off, ta.w[i].len));
	for (i = 0; i < tb.n; i++)
		tb.w[i].id = diff_intern_id(&in, diff_key(tb.s + tb.w[i].off, tb.w[i].len));

	/* A shared head and tail belong to some longest common subsequence, and two versions
	 * of one idea share most of theirs: only the middle needs the table. */
	while (pre < ta.n && pre < tb.n && ta.w[pre].id == tb.w[pre].id)
		pre++;
	while (suf < ta.n - pre && suf < tb.n - pre &&
	       ta.w[ta.n - 1 - suf].id == tb.w[tb.n - 1 - suf].id)
		suf++;
	n = ta.n - pre - suf;
	m = tb.n - pre - suf;
	if (n == 0 || m == 0) {
		for (i = 0; i < n; i++)
			ta.w[pre + i].differs = true;
		for (i = 0; i < m; i++)
			tb.w[pre + i].differs = true;
	} else if ((unsigned long long)n * m <= DIFF_MAX_CELLS) {
		diff_lcs(ta.w + pre, n, tb.w + pre, m);
	} else {
		diff_sets(ta.w, ta.n, tb.w, tb.n, in.n);
	}

	diff_spans(&ta, &out->a, &out->na);
	diff_spans(&tb, &out->b, &out->nb);
	diff_intern_free(&in);
	free(ta.w);
	free(tb.w);
}

void diff_free(struct diff_result *r)
{
	if (!r)
		return;
	free(r->a);
	free(r->b);
	r->a = r->b = NULL;
	r->na = r->nb = 0;
}
