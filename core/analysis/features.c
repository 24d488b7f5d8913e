#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/analysis/features.h"
#include "core/i18n.h"
#include "core/util.h"

/* One seed per family, so that the word "de" and the character pair "de" are two features. */
static const uint32_t family_seed[AN_FAMILIES] = {
	0x9e3779b1u, 0x85ebca77u, 0xc2b2ae3du, 0x27d4eb2fu, 0x165667b1u, 0xd3a2646cu,
};

static const char *const signal_names[] = {
#define X(id, reason) #id,
	AN_SIGNALS(X)
#undef X
};

static const char *const signal_reasons[] = {
#define X(id, reason) reason,
	AN_SIGNALS(X)
#undef X
};

const char *an_signal_reason(enum an_signal s)
{
	return (unsigned)s < AN_SIGNAL_COUNT ? signal_reasons[s] : "";
}

uint32_t an_signal_key(enum an_signal s)
{
	const char *n = signal_names[s];

	return an_hash(n, strlen(n), family_seed[AN_FAM_SIGNAL]);
}

bool an_signal_is_behaviour(enum an_signal s)
{
	return s == AN_SIG_SAME_TEXT || s == AN_SIG_BURST || s == AN_SIG_NEW_ACCOUNT ||
	       s == AN_SIG_NEW_AND_BURST;
}

/* --- signals of the raw text ------------------------------------------------------------- */

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum_ascii(int c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_lower_ascii(int c)
{
	return c >= 'a' && c <= 'z';
}

/* A host name: labels of letters, digits and hyphens joined by dots, ending in a lowercase
 * top-level label of 2..6 letters that is not followed by more letters. A missing space after
 * a full stop ("straat.De") is common in citizen text, hence lowercase only, and a first
 * label of two characters at least. Returns its length from s, or 0. */
static size_t host_len(const char *s)
{
	size_t i = 0, label = 0, labels = 0, tld = 0;
	bool tld_lower = true;

	for (;;) {
		size_t st = i;

		while (is_alnum_ascii((unsigned char)s[i]) || s[i] == '-')
			i++;
		label = i - st;
		if (!label)
			return 0;
		labels++;
		tld = label;
		tld_lower = true;
		for (size_t k = st; k < i; k++)
			if (!is_lower_ascii((unsigned char)s[k]))
				tld_lower = false;
		if (labels == 1 && label < 2)
			return 0;
		if (s[i] == '.' && is_alnum_ascii((unsigned char)s[i + 1]))
			i++;
		else
			break;
	}
	if (labels < 2 || !tld_lower || tld < 2 || tld > 6)
		return 0;
	/* "a.b" cut from a longer word with non-ASCII letters is not a host. */
	if ((unsigned char)s[i] >= 0x80)
		return 0;
	return i;
}

static bool ci_starts(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++)
		if ((*s | 0x20) != *prefix)
			return false;
	return true;
}

struct raw_counts {
	int links, emails, phones, handles, money, percent, markup, emoji, exclaim;
	int letters, upper, digits, visible, longest_run;
};

static void count_raw(const char *text, struct raw_counts *c)
{
	size_t n = strlen(text), i = 0;
	utf8proc_int32_t prev = -1;
	int run = 0;

	memset(c, 0, sizeof(*c));
	while (i < n) {
		const char *p = text + i;
		unsigned char ch = (unsigned char)*p;
		bool word_start = i == 0 || !is_alnum_ascii((unsigned char)text[i - 1]);
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;
		size_t h;

		if (word_start && (ci_starts(p, "http://") || ci_starts(p, "https://") ||
				   ci_starts(p, "www."))) {
			c->links++;
			while (i < n && text[i] != ' ')
				i++;
			prev = -1;
			continue;
		}
		if (ch == '<' && (ci_starts(p + 1, "a ") || ci_starts(p + 1, "br") ||
				  ci_starts(p + 1, "/") || ci_starts(p + 1, "b>") || ci_starts(p + 1, "i>")))
			c->markup++;
		if (ch == '&' && (ci_starts(p + 1, "amp;") || ci_starts(p + 1, "lt;") ||
				  ci_starts(p + 1, "gt;") || ci_starts(p + 1, "quot;") || p[1] == '#'))
			c->markup++;
		if (word_start && is_alnum_ascii(ch)) {
			/* local@host is an address; a host alone is a link. */
			size_t w = 0;

			while (is_alnum_ascii((unsigned char)p[w]) || p[w] == '.' || p[w] == '_' ||
			       p[w] == '-' || p[w] == '+')
				w++;
			if (p[w] == '@' && host_len(p + w + 1)) {
				c->emails++;
				i += w + 1 + host_len(p + w + 1);
				prev = -1;
				continue;
			}
			if ((h = host_len(p)) > 0) {
				c->links++;
				i += h;
				while (i < n && text[i] != ' ')
					i++;
				prev = -1;
				continue;
			}
		}
		if (ch == '@' && (i == 0 || text[i - 1] == ' ') && is_alnum_ascii((unsigned char)p[1]))
			c->handles++;
		if (word_start && (is_digit(ch) || ((ch == '+' || ch == '(') && is_digit((unsigned char)p[1])))) {
			/* A phone number: eight digits or more, in groups. */
			size_t w = 0, last = 0;
			int d = 0;

			while (is_digit((unsigned char)p[w]) || p[w] == ' ' || p[w] == '-' || p[w] == '.' ||
			       p[w] == '/' || p[w] == '(' || p[w] == ')' || (w == 0 && p[w] == '+')) {
				if (is_digit((unsigned char)p[w])) {
					d++;
					last = w + 1;
				}
				w++;
			}
			if (d >= 8 && d <= 15) {
				c->phones++;
				c->digits += d;
				c->visible += d;
				i += last;
				prev = -1;
				continue;
			}
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			i++;
			continue;
		}
		if (cp == '%' && i > 0 && is_digit((unsigned char)text[i - 1]))
			c->percent++;
		if (cp == '!')
			c->exclaim++;
		switch (utf8proc_category(cp)) {
		case UTF8PROC_CATEGORY_LU:
			c->upper++;
			c->letters++;
			break;
		case UTF8PROC_CATEGORY_LL:
		case UTF8PROC_CATEGORY_LT:
		case UTF8PROC_CATEGORY_LO:
			c->letters++;
			break;
		case UTF8PROC_CATEGORY_ND:
			c->digits++;
			break;
		case UTF8PROC_CATEGORY_SC:
			c->money++;
			break;
		case UTF8PROC_CATEGORY_SO:
			c->emoji++;
			break;
		default:
			break;
		}
		if (cp != ' ') {
			c->visible++;
			run = cp == prev ? run + 1 : 1;
			if (run > c->longest_run)
				c->longest_run = run;
		} else {
			run = 0;
		}
		prev = cp == ' ' ? -1 : cp;
		i += (size_t)k;
	}
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static double clip01(double x)
{
	return x < 0 ? 0 : x > 1 ? 1 : x;
}

/* The signals of a text already normalised into t. */
static void signals_of(const char *text, const struct an_text *t, const struct an_behaviour *b,
		       double v[AN_SIGNAL_COUNT])
{
	struct raw_counts c;
	int content = 0, distinct = 0;

	memset(v, 0, AN_SIGNAL_COUNT * sizeof(*v));
	count_raw(text, &c);
	v[AN_SIG_LINK] = c.links > 0;
	v[AN_SIG_EMAIL] = c.emails > 0;
	v[AN_SIG_PHONE] = c.phones > 0;
	v[AN_SIG_HANDLE] = c.handles > 0;
	v[AN_SIG_MONEY] = c.money > 0;
	v[AN_SIG_PERCENT] = c.percent > 0;
	v[AN_SIG_MARKUP] = c.markup > 0;
	v[AN_SIG_EMOJI] = clip01(c.emoji / 3.0);
	v[AN_SIG_EXCLAIM] = clip01((c.exclaim - 1) / 3.0);
	v[AN_SIG_DIGITS] = c.visible >= 6 ? clip01(2.0 * c.digits / c.visible) : 0;
	v[AN_SIG_REPEAT_CHARS] = clip01((c.longest_run - 3) / 6.0);
	v[AN_SIG_SHOUTING] = c.letters >= 12 ? clip01(((double)c.upper / c.letters - 0.3) / 0.5) : 0;

	/* Words repeated over and over: flooding. Only the words that carry content count, so
	 * that a long text with many "de" and "het" is not flooding. */
	{
		/* Sorted hashes count the distinct words without comparing every pair, which
		 * a long text would make slow. */
		uint32_t *h = xmalloc(((size_t)t->ntok + 1) * sizeof(*h));

		for (int i = 0; i < t->ntok; i++)
			if (!t->tok[i].stop)
				h[content++] = an_hash(t->tok[i].fold, strlen(t->tok[i].fold), 0);
		qsort(h, (size_t)content, sizeof(*h), cmp_u32);
		for (int i = 0; i < content; i++)
			distinct += i == 0 || h[i] != h[i - 1];
		free(h);
	}
	if (content >= 4)
		v[AN_SIG_REPEAT_WORDS] = clip01((1.0 - (double)distinct / content - 0.3) / 0.5);
	v[AN_SIG_NO_WORDS] = c.letters == 0;
	v[AN_SIG_VERY_SHORT] = t->ntok <= 3;
	v[AN_SIG_SHORT] = t->ntok > 3 && t->ntok <= 10;
	v[AN_SIG_LONG] = t->ntok > 60;

	if (b) {
		if (b->same_text_accounts > 0)
			v[AN_SIG_SAME_TEXT] = clip01(b->same_text_accounts / 2.0);
		if (b->posts_last_hour > 2)
			v[AN_SIG_BURST] = clip01((b->posts_last_hour - 2) / 8.0);
		if (b->account_age_days >= 0)
			v[AN_SIG_NEW_ACCOUNT] = b->account_age_days < 1 ? 1 : b->account_age_days < 7 ? 0.5 : 0;
		v[AN_SIG_NEW_AND_BURST] = v[AN_SIG_NEW_ACCOUNT] * v[AN_SIG_BURST];
	}
}

void an_signals(const char *text, const struct an_behaviour *b, double v[AN_SIGNAL_COUNT])
{
	struct an_text t;

	text = text ? text : "";
	an_text_init(&t, text, AN_OTHER);
	signals_of(text, &t, b, v);
	an_text_free(&t);
}

/* --- the aggregated feature set ---------------------------------------------------------- */

void an_feats_init(struct an_feats *fs)
{
	memset(fs, 0, sizeof(*fs));
}

void an_feats_free(struct an_feats *fs)
{
	free(fs->f);
	free(fs->slot);
	if (fs->has_text)
		an_text_free(&fs->text);
	memset(fs, 0, sizeof(*fs));
}

static void rehash(struct an_feats *fs, uint32_t size)
{
	free(fs->slot);
	fs->slot = xmalloc(size * sizeof(*fs->slot));
	memset(fs->slot, 0xff, size * sizeof(*fs->slot));
	fs->mask = size - 1;
	for (int i = 0; i < fs->n; i++) {
		uint32_t h = fs->f[i].key * 0x9e3779b1u;

		while (fs->slot[h & fs->mask] >= 0)
			h++;
		fs->slot[h & fs->mask] = i;
	}
}

static void add(struct an_feats *fs, uint32_t key, enum an_family fam, float count, int tok)
{
	uint32_t h;

	if ((uint32_t)(fs->n + 1) * 2 > fs->mask + 1)
		rehash(fs, fs->mask ? (fs->mask + 1) * 2 : 1024);
	/* Fibonacci hashing spreads keys that differ in their high bits too. */
	for (h = key * 0x9e3779b1u;; h++) {
		int32_t s = fs->slot[h & fs->mask];

		if (s < 0)
			break;
		if (fs->f[s].key == key) {
			fs->f[s].count += count;
			return;
		}
	}
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 512;
		fs->f = xreallocarray(fs->f, (size_t)fs->cap, sizeof(*fs->f));
	}
	fs->f[fs->n] = (struct an_feat){ key, (uint8_t)fam, count, tok };
	fs->slot[h & fs->mask] = fs->n++;
}

static void add_str(struct an_feats *fs, enum an_family fam, const char *s, size_t len, int tok)
{
	add(fs, an_hash(s, len, family_seed[fam]), fam, 1, tok);
}

/* Character n-grams of the folded text with a space at both ends, over whole code points,
 * digits written as 0 (a phone number or a price is a shape, not a value). Each gram
 * remembers the token its first letter belongs to. */
static void char_grams(struct an_feats *fs, const char *fold, int nmin, int nmax)
{
	size_t n = strlen(fold), cps = 0;
	char *s = xmalloc(n + 3);
	size_t *start = xmalloc((n + 3) * sizeof(*start));
	int *tok = xmalloc((n + 3) * sizeof(*tok));
	int t = 0;

	s[0] = ' ';
	for (size_t i = 0; i < n; i++)
		s[i + 1] = is_digit((unsigned char)fold[i]) ? '0' : fold[i];
	s[n + 1] = ' ';
	s[n + 2] = '\0';
	for (size_t i = 0; i < n + 2;) {
		start[cps] = i;
		if (s[i] == ' ' && i > 0 && i < n + 1)
			t++;
		tok[cps++] = s[i] == ' ' ? -1 : t;
		i++;
		while (i < n + 2 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
	start[cps] = n + 2;
	for (size_t a = 0; a < cps; a++) {
		int owner = tok[a] >= 0 ? tok[a] : a + 1 < cps ? tok[a + 1] : -1;

		for (int len = nmin; len <= nmax && a + (size_t)len <= cps; len++) {
			add_str(fs, AN_FAM_CHAR, s + start[a], start[a + (size_t)len] - start[a], owner);
		}
	}
	free(tok);
	free(start);
	free(s);
}

void an_feats_extract(struct an_feats *fs, const char *text, const struct an_behaviour *b,
		      unsigned flags)
{
	struct an_text *t = &fs->text;
	const char *lang;

	if (fs->has_text)
		an_text_free(t);
	fs->n = 0;
	if (fs->slot)
		memset(fs->slot, 0xff, (fs->mask + 1) * sizeof(*fs->slot));
	text = text ? text : "";
	an_text_init(t, text, AN_OTHER);
	fs->has_text = true;
	for (int i = 0; i < t->ntok; i++) {
		const struct an_token *k = &t->tok[i];

		add_str(fs, AN_FAM_WORD, k->fold, strlen(k->fold), i);
		add_str(fs, AN_FAM_STEM, k->stem, strlen(k->stem), i);
		if (i + 1 < t->ntok) {
			const char *s2 = t->tok[i + 1].stem;
			size_t l1 = strlen(k->stem), l2 = strlen(s2);
			char *pair = xmalloc(l1 + l2 + 2);

			memcpy(pair, k->stem, l1);
			pair[l1] = ' ';
			memcpy(pair + l1 + 1, s2, l2 + 1);
			add_str(fs, AN_FAM_PAIR, pair, l1 + l2 + 1, i);
			free(pair);
		}
	}
	char_grams(fs, t->fold, 2, 5);
	lang = an_lang_code(t->lang);
	add_str(fs, AN_FAM_LANG, lang, strlen(lang), -1);
	if (flags & AN_FEAT_SIGNALS) {
		double v[AN_SIGNAL_COUNT];

		signals_of(text, t, b, v);
		for (int s = 0; s < AN_SIGNAL_COUNT; s++)
			if (v[s] > 0)
				add(fs, an_signal_key((enum an_signal)s), AN_FAM_SIGNAL, (float)v[s], -1);
	}
}
