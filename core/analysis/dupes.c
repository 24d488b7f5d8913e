/* The pair score of the duplicate engine: what an idea is made of (its distinct words, each
 * with a stem and character grams from a shared vocabulary), the features of a pair and the
 * model that combines them, and the reasons a moderator reads. The ideas, postings and
 * queries are in dupes_index.c, the index file in dupes_file.c. */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/analysis/dupes_int.h"
#include "core/i18n.h"

/* --- the model ------------------------------------------------------------------------------
 *
 * Logistic regression over the features of dx_features, fitted by `bench/bench_dupes --train
 * ideas.tsv pairs.tsv` on the nl-dev set (CC0), which prints these numbers: the labelled pairs
 * of pairs.tsv (mostly hard negatives) weigh five times, beside every pair of group mates of
 * ideas.tsv and a fixed twentieth of its other pairs (so the model sees a whole pool, not only
 * what the pairs file over-represents); classes balanced, Newton's method, L2 penalty 1 on the
 * weights. Measured first with 5-fold cross-validation grouped by duplicate group over the
 * labelled pairs (AP 0.547, F1 0.559 at 0.5), then refitted on everything. The intercept is
 * moved so that the F1-best threshold on the training pairs becomes 0.5 (DUPES_THRESHOLD):
 * the score orders pairs like the model's probability, and 0.5 is the decision. No weight
 * names a word; the features are cosines and overlaps, lengths and languages. */
static const char *const feature_names[DUPES_NFEAT] = {
	"cos_grams", "cos_stems", "overlap_stems", "overlap_grams", "cos_titles",
	"cos_title_text", "other_language", "other_language_x_cos_grams", "log_min_words",
	"log_max_words",
};

static const double weights[DUPES_NFEAT] = {
	2.646, 0.076, 0.424, 6.859, -0.004, 3.101, 1.771, 2.638, -0.673, 0.911,
};
static const double intercept = -3.835;

#define MODEL_TAG "lr10-nldev-2"

const char *dupes_feature_name(int i)
{
	return i >= 0 && i < DUPES_NFEAT ? feature_names[i] : "";
}

const char *dupes_method(void)
{
	static char m[64];

	if (!m[0])
		snprintf(m, sizeof(m), "dupes-%d:%s:norm-%d", DUPES_VERSION, MODEL_TAG, AN_NORM_VERSION);
	return m;
}

double dx_score(const double f[DUPES_NFEAT])
{
	double z = intercept;

	for (int i = 0; i < DUPES_NFEAT; i++)
		z += weights[i] * f[i];
	return 1 / (1 + exp(-z));
}

/* --- tables ------------------------------------------------------------------------------- */

void dx_table_init(struct dx_table *t, uint32_t slots)
{
	uint32_t n = 16;

	while (n < slots)
		n *= 2;
	t->slot = xcalloc(n, sizeof(*t->slot));
	t->mask = n - 1;
	t->n = 0;
}

void dx_table_free(struct dx_table *t)
{
	free(t->slot);
	memset(t, 0, sizeof(*t));
}

size_t dx_table_bytes(const struct dx_table *t)
{
	return t->slot ? ((size_t)t->mask + 1) * sizeof(*t->slot) : 0;
}

uint32_t *dx_table_find(const struct dx_table *t, uint32_t h, bool (*eq)(const void *ctx, uint32_t id),
			const void *ctx)
{
	uint32_t i = h & t->mask;

	while (t->slot[i] && !eq(ctx, t->slot[i] - 1))
		i = (i + 1) & t->mask;
	return &t->slot[i];
}

void dx_table_put(struct dx_table *t, uint32_t *s, uint32_t id,
		  uint32_t (*hash)(const void *ctx, uint32_t id), const void *ctx)
{
	*s = id + 1;
	t->n++;
	/* Linear probing stays short below 70 % full. */
	if ((uint64_t)t->n * 10 > (uint64_t)(t->mask + 1) * 7) {
		struct dx_table g;

		dx_table_init(&g, (t->mask + 1) * 2);
		for (uint32_t i = 0; i <= t->mask; i++) {
			uint32_t j;

			if (!t->slot[i])
				continue;
			j = hash(ctx, t->slot[i] - 1) & g.mask;
			while (g.slot[j])
				j = (j + 1) & g.mask;
			g.slot[j] = t->slot[i];
		}
		g.n = t->n;
		free(t->slot);
		*t = g;
	}
}

void dx_table_del(struct dx_table *t, uint32_t *s, uint32_t (*hash)(const void *ctx, uint32_t id),
		  const void *ctx)
{
	uint32_t i = (uint32_t)(s - t->slot), j = i;

	t->slot[i] = 0;
	t->n--;
	/* Move back every following entry whose home is not between the hole and itself. */
	for (;;) {
		uint32_t home;

		j = (j + 1) & t->mask;
		if (!t->slot[j])
			return;
		home = hash(ctx, t->slot[j] - 1) & t->mask;
		if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
			t->slot[i] = t->slot[j];
			t->slot[j] = 0;
			i = j;
		}
	}
}

/* --- IDF ---------------------------------------------------------------------------------- */

/* The table behind dx_idf (dupes_int.h). */
float dx_log_table[DX_LOG_TABLE];
static pthread_once_t log_once = PTHREAD_ONCE_INIT;

static void log_table_init(void)
{
	for (int i = 0; i < DX_LOG_TABLE; i++)
		dx_log_table[i] = (float)log(1.0 + i);
}

void dx_idf_init(void)
{
	pthread_once(&log_once, log_table_init);
}

/* --- terms and vocabulary --------------------------------------------------------------- */

static const uint32_t seeds[2] = { 0x85ebca77u, 0x27d4eb2fu };

uint32_t dx_term_key(const char *s, size_t n, unsigned kind)
{
	uint32_t k = (an_hash(s, n, seeds[kind]) & ~1u) | kind;

	return k;
}

/* The table compares through the index's arrays; the context is the index and the key. */
struct term_ctx {
	const struct dupes_index *ix;
	uint32_t key;
};

static bool term_eq_ctx(const void *ctx, uint32_t id)
{
	const struct term_ctx *c = ctx;

	return c->ix->tkey[id] == c->key;
}

static uint32_t mix(uint32_t h)
{
	h ^= h >> 16;
	h *= 0x7feb352du;
	h ^= h >> 15;
	h *= 0x846ca68bu;
	h ^= h >> 16;
	return h;
}

static uint32_t term_hash(const void *ctx, uint32_t id)
{
	return mix(((const struct dupes_index *)ctx)->tkey[id]);
}

uint32_t dx_term_find(const struct dupes_index *ix, uint32_t key)
{
	struct term_ctx c = { ix, key };
	uint32_t *s = dx_table_find(&ix->terms, mix(key), term_eq_ctx, &c);

	return *s ? *s - 1 : DX_NONE;
}

uint32_t dx_term_get(struct dupes_index *ix, uint32_t key)
{
	struct term_ctx c = { ix, key };
	uint32_t *s = dx_table_find(&ix->terms, mix(key), term_eq_ctx, &c);
	uint32_t id;

	if (*s)
		return *s - 1;
	if (ix->nterms == ix->capterms) {
		ix->capterms = ix->capterms ? ix->capterms * 2 : 1024;
		ix->tkey = xreallocarray(ix->tkey, ix->capterms, sizeof(*ix->tkey));
		ix->tdf = xreallocarray(ix->tdf, ix->capterms, sizeof(*ix->tdf));
		ix->tlist = xreallocarray(ix->tlist, ix->capterms, sizeof(*ix->tlist));
		ix->tflags = xreallocarray(ix->tflags, ix->capterms, sizeof(*ix->tflags));
	}
	id = ix->nterms++;
	ix->tkey[id] = key;
	ix->tdf[id] = 0;
	ix->tlist[id] = DX_NONE;
	ix->tflags[id] = 0;
	dx_table_put(&ix->terms, s, id, term_hash, ix);
	return id;
}

void dx_term_rehash(struct dupes_index *ix)
{
	dx_table_free(&ix->terms);
	dx_table_init(&ix->terms, ix->nterms + ix->nterms / 2 + 16);
	for (uint32_t id = 0; id < ix->nterms; id++) {
		struct term_ctx c = { ix, ix->tkey[id] };

		dx_table_put(&ix->terms, dx_table_find(&ix->terms, mix(ix->tkey[id]), term_eq_ctx, &c), id,
			     term_hash, ix);
	}
}

struct word_ctx {
	const struct dupes_index *ix;
	uint32_t key;
	const char *fold;
	uint8_t lang;
};

static bool word_eq(const void *ctx, uint32_t id)
{
	const struct word_ctx *c = ctx;
	const struct dx_word *w = &c->ix->words[id];

	return w->key == c->key && w->lang == c->lang && strcmp(c->ix->strs + w->str, c->fold) == 0;
}

static uint32_t word_hash(const void *ctx, uint32_t id)
{
	return mix(((const struct dupes_index *)ctx)->words[id].key);
}

static uint32_t word_key(const char *fold, enum an_lang lang)
{
	return an_hash(fold, strlen(fold), 0x9e3779b1u + (uint32_t)lang);
}

static uint32_t vocab_find(const struct dupes_index *ix, const char *fold, enum an_lang lang, uint32_t **slot)
{
	struct word_ctx c = { ix, word_key(fold, lang), fold, (uint8_t)lang };
	uint32_t *s = dx_table_find(&ix->vocab, mix(c.key), word_eq, &c);

	if (slot)
		*slot = s;
	return *s ? *s - 1 : DX_NONE;
}

void dx_vocab_rehash(struct dupes_index *ix)
{
	dx_table_free(&ix->vocab);
	dx_table_init(&ix->vocab, ix->nwords + ix->nwords / 2 + 16);
	for (uint32_t id = 0; id < ix->nwords; id++) {
		uint32_t *s;

		vocab_find(ix, ix->strs + ix->words[id].str, (enum an_lang)ix->words[id].lang, &s);
		dx_table_put(&ix->vocab, s, id, word_hash, ix);
	}
}

/* The character 3..5-grams of " word " (word starts and ends count), over whole code points,
 * deduplicated. Returns how many were written to keys (at most max). */
#define GRAM_MIN 3
#define GRAM_MAX 5
#define WORD_GRAMS 192

static int word_grams(const char *fold, uint32_t *keys, int max)
{
	size_t n = strlen(fold), cps = 0, i = 0;
	char buf[256];
	size_t starts[256];
	int nk = 0;

	/* Words longer than this are junk (a URL, a repeated character); their start is enough. */
	if (n > sizeof(buf) - 3)
		n = sizeof(buf) - 3;
	buf[0] = ' ';
	memcpy(buf + 1, fold, n);
	buf[n + 1] = ' ';
	n += 2;
	while (i < n && cps < ARRAY_SIZE(starts) - 1) {
		starts[cps++] = i++;
		while (i < n && ((unsigned char)buf[i] & 0xC0) == 0x80)
			i++;
	}
	starts[cps] = i;
	for (size_t a = 0; a < cps; a++)
		for (size_t len = GRAM_MIN; len <= GRAM_MAX && a + len <= cps && nk < max; len++) {
			uint32_t k = dx_term_key(buf + starts[a], starts[a + len] - starts[a], DX_GRAM);
			bool dup = false;

			for (int j = 0; j < nk && !dup; j++)
				dup = keys[j] == k;
			if (!dup)
				keys[nk++] = k;
		}
	return nk;
}

static uint32_t vocab_add(struct dupes_index *ix, const struct an_token *tok, enum an_lang lang)
{
	uint32_t *s, id = vocab_find(ix, tok->fold, lang, &s), keys[WORD_GRAMS];
	struct dx_word *w;
	size_t len = strlen(tok->fold) + 1;
	int nk;

	if (id != DX_NONE)
		return id;
	if (ix->nwords == ix->capwords) {
		ix->capwords = ix->capwords ? ix->capwords * 2 : 1024;
		ix->words = xreallocarray(ix->words, ix->capwords, sizeof(*ix->words));
	}
	id = ix->nwords++;
	w = &ix->words[id];
	memset(w, 0, sizeof(*w));
	w->key = word_key(tok->fold, lang);
	w->lang = (uint8_t)lang;
	w->number = tok->number;
	if (ix->strs_len + len > ix->strs_cap) {
		ix->strs_cap = ix->strs_cap ? ix->strs_cap * 2 : 65536;
		while (ix->strs_len + len > ix->strs_cap)
			ix->strs_cap *= 2;
		ix->strs = xrealloc(ix->strs, ix->strs_cap);
	}
	w->str = (uint32_t)ix->strs_len;
	memcpy(ix->strs + ix->strs_len, tok->fold, len);
	ix->strs_len += len;
	w->stem = dx_term_get(ix, dx_term_key(tok->stem, strlen(tok->stem), DX_STEM));
	nk = word_grams(tok->fold, keys, WORD_GRAMS);
	if (ix->gpool_len + (size_t)nk > ix->gpool_cap) {
		ix->gpool_cap = ix->gpool_cap ? ix->gpool_cap * 2 : 16384;
		while (ix->gpool_len + (size_t)nk > ix->gpool_cap)
			ix->gpool_cap *= 2;
		ix->gpool = xreallocarray(ix->gpool, ix->gpool_cap, sizeof(*ix->gpool));
	}
	w = &ix->words[id];
	w->grams = (uint32_t)ix->gpool_len;
	w->ngrams = (uint16_t)nk;
	for (int i = 0; i < nk; i++)
		ix->gpool[ix->gpool_len++] = dx_term_get(ix, keys[i]);
	dx_table_put(&ix->vocab, s, id, word_hash, ix);
	return id;
}

/* --- texts ------------------------------------------------------------------------------- */

static bool shouting(const char *s)
{
	int up = 0, letters = 0;

	for (; s && *s; s++) {
		up += *s >= 'A' && *s <= 'Z';
		letters += (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z');
	}
	return letters >= 8 && up * 2 > letters;
}

static int tword_cmp(const void *a, const void *b)
{
	const struct dx_tword *x = a, *y = b;

	if (x->word != y->word)
		return x->word < y->word ? -1 : 1;
	return x->fold && y->fold ? strcmp(x->fold, y->fold) : 0;
}

void dx_text_make(struct dupes_index *ix, const struct dupes_index *cix, struct dx_text *t,
		  const char *title, const char *body, enum an_lang hint)
{
	bool add = ix != NULL;

	struct an_text all, head;
	char *text;
	int ntitle, m = 0;
	bool loud;

	title = title && strcmp(title, "-") ? title : "";
	body = body && strcmp(body, "-") ? body : "";
	text = *title && *body ? xasprintf("%s. %s", title, body) : xstrdup(*title ? title : body);
	loud = shouting(text);
	an_text_init(&all, text, hint);
	/* The title is the first words of the text: count them the same way. */
	an_text_init(&head, title, all.lang);
	ntitle = head.ntok;
	an_text_free(&head);
	memset(t, 0, sizeof(*t));
	t->lang = all.lang;
	t->w = xcalloc((size_t)all.ntok + 1, sizeof(*t->w));
	for (int i = 0; i < all.ntok; i++) {
		const struct an_token *k = &all.tok[i];
		struct dx_tword *w = &t->w[t->n];
		uint32_t id;

		if (k->stop)
			continue;
		t->ntok++;
		if (add) {
			id = vocab_add(ix, k, all.lang);
			if (!k->start && !loud) {
				ix->words[id].seen++;
				ix->words[id].capital += k->capital;
			}
		} else {
			id = vocab_find(cix, k->fold, all.lang, NULL);
		}
		w->word = id;
		w->fold = id == DX_NONE ? xstrdup(k->fold) : NULL;
		w->stem = id == DX_NONE ? xstrdup(k->stem) : NULL;
		w->title = i < ntitle;
		w->capital = k->capital && !loud;
		w->number = k->number;
		t->n++;
	}
	an_text_free(&all);
	free(text);
	/* Distinct words, a title word counting as title. */
	qsort(t->w, (size_t)t->n, sizeof(*t->w), tword_cmp);
	for (int i = 0; i < t->n; i++) {
		if (m && tword_cmp(&t->w[m - 1], &t->w[i]) == 0) {
			t->w[m - 1].title |= t->w[i].title;
			free(t->w[i].fold);
			free(t->w[i].stem);
			continue;
		}
		t->w[m++] = t->w[i];
	}
	t->n = m;
}

void dx_text_free(struct dx_text *t)
{
	for (int i = 0; i < t->n; i++) {
		free(t->w[i].fold);
		free(t->w[i].stem);
	}
	free(t->w);
	memset(t, 0, sizeof(*t));
}

/* --- probes ------------------------------------------------------------------------------ */

void dx_probe_init(struct dx_probe *p)
{
	memset(p, 0, sizeof(*p));
}

void dx_probe_free(struct dx_probe *p)
{
	free(p->s);
	free(p->g);
	free(p->sidx);
	free(p->gidx);
	free(p->stamp);
	memset(p, 0, sizeof(*p));
}

static void probe_reset(struct dx_probe *p)
{
	p->ns = p->ng = 0;
	p->s2 = p->s1 = p->g2 = p->g1 = p->t2 = 0;
	p->ntok = 0;
	p->lang = AN_OTHER;
	/* The gram slots serve for deduplication while filling: a new generation empties them. */
	if (!p->gidx) {
		p->gmask = 1023;
		p->gidx = xcalloc(p->gmask + 1, sizeof(*p->gidx));
		p->stamp = xcalloc(p->gmask + 1, sizeof(*p->stamp));
	}
	if (++p->gen == 0) {
		memset(p->stamp, 0, ((size_t)p->gmask + 1) * sizeof(*p->stamp));
		p->gen = 1;
	}
}

static void probe_grow_grams(struct dx_probe *p)
{
	uint32_t n = (p->gmask + 1) * 2;

	/* Keep the slots under half full; re-place what is there. */
	free(p->gidx);
	free(p->stamp);
	p->gmask = n - 1;
	p->gidx = xcalloc(n, sizeof(*p->gidx));
	p->stamp = xcalloc(n, sizeof(*p->stamp));
	p->gen = 1;
	for (int i = 0; i < p->ng; i++) {
		uint32_t j = mix(p->g[i].key) & p->gmask;

		while (p->stamp[j] == p->gen)
			j = (j + 1) & p->gmask;
		p->stamp[j] = p->gen;
		p->gidx[j] = (uint32_t)i + 1;
	}
}

static void probe_gram(struct dx_probe *p, uint32_t key, float idf, bool title)
{
	uint32_t j;

	if ((uint32_t)p->ng * 2 >= p->gmask)
		probe_grow_grams(p);
	j = mix(key) & p->gmask;
	while (p->stamp[j] == p->gen) {
		struct dx_pterm *g = &p->g[p->gidx[j] - 1];

		if (g->key == key) {
			g->title |= title;
			return;
		}
		j = (j + 1) & p->gmask;
	}
	if (p->ng == p->capg) {
		p->capg = p->capg ? p->capg * 2 : 256;
		p->g = xreallocarray(p->g, (size_t)p->capg, sizeof(*p->g));
	}
	p->g[p->ng] = (struct dx_pterm){ .key = key, .idf = idf, .title = title, .word = DX_NONE };
	p->stamp[j] = p->gen;
	p->gidx[j] = (uint32_t)++p->ng;
}

static void probe_stem(struct dx_probe *p, uint32_t key, float idf, bool title, uint32_t word,
		       const char *fold)
{
	for (int i = 0; i < p->ns; i++)
		if (p->s[i].key == key) {
			p->s[i].title |= title;
			return;
		}
	if (p->ns == p->caps) {
		p->caps = p->caps ? p->caps * 2 : 64;
		p->s = xreallocarray(p->s, (size_t)p->caps, sizeof(*p->s));
	}
	p->s[p->ns++] = (struct dx_pterm){ .key = key, .idf = idf, .title = title, .word = word,
					   .fold = fold };
}

static void probe_sums(struct dx_probe *p)
{
	for (int i = 0; i < p->ns; i++) {
		p->s2 += (double)p->s[i].idf * p->s[i].idf;
		p->s1 += p->s[i].idf;
	}
	for (int i = 0; i < p->ng; i++) {
		double w2 = (double)p->g[i].idf * p->g[i].idf;

		p->g2 += w2;
		p->g1 += p->g[i].idf;
		if (p->g[i].title)
			p->t2 += w2;
	}
}

static float term_idf(const struct dupes_index *ix, uint32_t id)
{
	return dx_idf(ix, id == DX_NONE ? 0 : ix->tdf[id]);
}

void dx_probe_text(struct dx_probe *p, const struct dupes_index *ix, const struct dx_text *t)
{
	probe_reset(p);
	p->ntok = t->ntok;
	p->lang = t->lang;
	for (int i = 0; i < t->n; i++) {
		const struct dx_tword *w = &t->w[i];

		if (w->word != DX_NONE) {
			const struct dx_word *v = &ix->words[w->word];

			probe_stem(p, ix->tkey[v->stem], term_idf(ix, v->stem), w->title, w->word,
				   ix->strs + v->str);
			for (int g = 0; g < v->ngrams; g++) {
				uint32_t id = ix->gpool[v->grams + (uint32_t)g];

				probe_gram(p, ix->tkey[id], term_idf(ix, id), w->title);
			}
		} else {
			/* A word the pool has never seen: it still counts in the norms. */
			uint32_t keys[WORD_GRAMS], sk = dx_term_key(w->stem, strlen(w->stem), DX_STEM);
			int nk = word_grams(w->fold, keys, WORD_GRAMS);

			probe_stem(p, sk, term_idf(ix, dx_term_find(ix, sk)), w->title, DX_NONE, w->fold);
			for (int g = 0; g < nk; g++)
				probe_gram(p, keys[g], term_idf(ix, dx_term_find(ix, keys[g])), w->title);
		}
	}
	probe_sums(p);
}

void dx_probe_doc(struct dx_probe *p, const struct dupes_index *ix, uint32_t doc)
{
	const uint8_t *q = ix->sigs + ix->sig[doc];
	uint32_t nt, nb, word = 0;

	probe_reset(p);
	p->ntok = ix->ntok[doc];
	p->lang = (enum an_lang)ix->lang[doc];
	q = dx_get_varint(q, &nt);
	q = dx_get_varint(q, &nb);
	for (uint32_t i = 0; i < nt + nb; i++) {
		uint32_t gap;
		const struct dx_word *v;
		bool title = i < nt;

		q = dx_get_varint(q, &gap);
		word = i == 0 || i == nt ? gap : word + gap;
		v = &ix->words[word];
		probe_stem(p, ix->tkey[v->stem], term_idf(ix, v->stem), title, word, ix->strs + v->str);
		for (int g = 0; g < v->ngrams; g++) {
			uint32_t id = ix->gpool[v->grams + (uint32_t)g];

			probe_gram(p, ix->tkey[id], term_idf(ix, id), title);
		}
	}
	probe_sums(p);
}

void dx_probe_index(struct dx_probe *p)
{
	uint32_t n = 16;

	/* The grams are indexed already (deduplication); the stems are few. */
	while (n < (uint32_t)p->ns * 2 + 2)
		n *= 2;
	if (!p->sidx || p->smask + 1 < n) {
		free(p->sidx);
		p->sidx = xcalloc(n, sizeof(*p->sidx));
		p->smask = n - 1;
	} else {
		memset(p->sidx, 0, ((size_t)p->smask + 1) * sizeof(*p->sidx));
	}
	for (int i = 0; i < p->ns; i++) {
		uint32_t j = mix(p->s[i].key) & p->smask;

		while (p->sidx[j])
			j = (j + 1) & p->smask;
		p->sidx[j] = (uint32_t)i + 1;
	}
}

static const struct dx_pterm *probe_find_stem(const struct dx_probe *p, uint32_t key)
{
	uint32_t j = mix(key) & p->smask;

	while (p->sidx[j]) {
		if (p->s[p->sidx[j] - 1].key == key)
			return &p->s[p->sidx[j] - 1];
		j = (j + 1) & p->smask;
	}
	return NULL;
}

static const struct dx_pterm *probe_find_gram(const struct dx_probe *p, uint32_t key)
{
	uint32_t j = mix(key) & p->gmask;

	while (p->stamp[j] == p->gen) {
		if (p->g[p->gidx[j] - 1].key == key)
			return &p->g[p->gidx[j] - 1];
		j = (j + 1) & p->gmask;
	}
	return NULL;
}

/* --- features ----------------------------------------------------------------------------- */

static double ratio(double num, double den)
{
	return den > 0 ? num / den : 0;
}

/* Sums over the terms two sides share, and one side's norms. */
struct sums {
	double s2, s1, g2, g1, tt, ta, at;
};

static void features_from(const struct dx_probe *a, double bs2, double bs1, double bg2, double bg1,
			  double bt2, int bntok, enum an_lang blang, const struct sums *x,
			  double f[DUPES_NFEAT])
{
	bool langs = a->lang != AN_OTHER && blang != AN_OTHER && a->lang != blang;
	int lo = a->ntok < bntok ? a->ntok : bntok, hi = a->ntok < bntok ? bntok : a->ntok;

	f[0] = ratio(x->g2, sqrt(a->g2 * bg2));
	f[1] = ratio(x->s2, sqrt(a->s2 * bs2));
	f[2] = ratio(x->s1, fmin(a->s1, bs1));
	f[3] = ratio(x->g1, fmin(a->g1, bg1));
	f[4] = ratio(x->tt, sqrt(a->t2 * bt2));
	f[5] = fmax(ratio(x->ta, sqrt(a->t2 * bg2)), ratio(x->at, sqrt(a->g2 * bt2)));
	f[6] = langs;
	f[7] = langs * f[0];
	f[8] = log1p(lo);
	f[9] = log1p(hi);
}

static void add_gram(struct sums *x, double idf, bool a_title, bool b_title)
{
	double w2 = idf * idf;

	x->g2 += w2;
	x->g1 += idf;
	if (a_title && b_title)
		x->tt += w2;
	if (a_title)
		x->ta += w2;
	if (b_title)
		x->at += w2;
}

void dx_features(const struct dx_probe *a, const struct dx_probe *b, double f[DUPES_NFEAT])
{
	struct sums x = { 0 };

	for (int i = 0; i < b->ns; i++)
		if (probe_find_stem(a, b->s[i].key)) {
			x.s2 += (double)b->s[i].idf * b->s[i].idf;
			x.s1 += b->s[i].idf;
		}
	for (int i = 0; i < b->ng; i++) {
		const struct dx_pterm *g = probe_find_gram(a, b->g[i].key);

		if (g)
			add_gram(&x, b->g[i].idf, g->title, b->g[i].title);
	}
	features_from(a, b->s2, b->s1, b->g2, b->g1, b->t2, b->ntok, b->lang, &x, f);
}

/* --- scoring pool ideas against a probe, by term id ------------------------------------ */

void dx_qmap_free(struct dx_qmap *m)
{
	free(m->t);
	memset(m, 0, sizeof(*m));
}

static void qmap_size(struct dx_qmap *m, uint32_t nterms)
{
	uint32_t cap = m->cap ? m->cap : 1024;

	if (nterms <= m->cap)
		return;
	while (cap < nterms)
		cap *= 2;
	m->t = xreallocarray(m->t, cap, sizeof(*m->t));
	memset(m->t + m->cap, 0, (cap - m->cap) * sizeof(*m->t));
	m->cap = cap;
}

static void qmap_clear(struct dx_qmap *m, bool gen)
{
	for (uint32_t i = 0; i < m->cap; i++)
		if (gen)
			m->t[i].gen = 0;
		else
			m->t[i].seen = 0;
}

void dx_qmap_fill(struct dx_qmap *m, const struct dupes_index *ix, const struct dx_probe *q)
{
	qmap_size(m, ix->nterms);
	if (++m->cur == 0) {
		qmap_clear(m, true);
		m->cur = 1;
	}
	for (int i = 0; i < q->ns; i++) {
		uint32_t t = dx_term_find(ix, q->s[i].key);

		if (t != DX_NONE)
			m->t[t] = (struct dx_qslot){ m->cur, (uint32_t)i, m->t[t].seen };
	}
	for (int i = 0; i < q->ng; i++) {
		uint32_t t = dx_term_find(ix, q->g[i].key);

		if (t != DX_NONE)
			m->t[t] = (struct dx_qslot){ m->cur, (uint32_t)i, m->t[t].seen };
	}
}

/* The same for a probe made by dx_probe_doc from doc, from the ids in its signature: no
 * hashing. The terms come in the order dx_probe_doc met them, so the indexes agree. */
void dx_qmap_fill_doc(struct dx_qmap *m, const struct dupes_index *ix, uint32_t doc)
{
	const uint8_t *p = ix->sigs + ix->sig[doc];
	uint32_t nt, nb, word = 0, ns = 0, ng = 0;

	qmap_size(m, ix->nterms);
	if (++m->cur == 0) {
		qmap_clear(m, true);
		m->cur = 1;
	}
	p = dx_get_varint(p, &nt);
	p = dx_get_varint(p, &nb);
	for (uint32_t i = 0; i < nt + nb; i++) {
		const struct dx_word *w;
		uint32_t gap;

		p = dx_get_varint(p, &gap);
		word = i == 0 || i == nt ? gap : word + gap;
		w = &ix->words[word];
		if (m->t[w->stem].gen != m->cur)
			m->t[w->stem] = (struct dx_qslot){ m->cur, ns++, m->t[w->stem].seen };
		for (int k = 0; k < w->ngrams; k++) {
			struct dx_qslot *q_t = &m->t[ix->gpool[w->grams + (uint32_t)k]];

			if (q_t->gen != m->cur)
				*q_t = (struct dx_qslot){ m->cur, ng++, q_t->seen };
		}
	}
}

/* A new generation of "seen" for the next idea. */
static uint32_t qmap_next(struct dx_qmap *m)
{
	if (++m->cgen == 0) {
		qmap_clear(m, false);
		m->cgen = 1;
	}
	return m->cgen;
}

/* The cosine of the stems of a pool idea with those of q: a tenth of the cost of the exact
 * features, for sorting out the candidates that deserve them. */
double dx_stem_cosine(const struct dupes_index *ix, const struct dx_probe *q, struct dx_qmap *m,
		      uint32_t doc)
{
	const uint8_t *p = ix->sigs + ix->sig[doc];
	uint32_t nt, nb, word = 0, g = qmap_next(m);
	double dot = 0, norm = 0;

	p = dx_get_varint(p, &nt);
	p = dx_get_varint(p, &nb);
	for (uint32_t i = 0; i < nt + nb; i++) {
		uint32_t gap, stem;
		double idf;

		p = dx_get_varint(p, &gap);
		word = i == 0 || i == nt ? gap : word + gap;
		stem = ix->words[word].stem;
		if (m->t[stem].seen == g)
			continue;
		m->t[stem].seen = g;
		idf = dx_idf(ix, ix->tdf[stem]);
		norm += idf * idf;
		if (m->t[stem].gen == m->cur)
			dot += idf * idf;
	}
	return norm > 0 && q->s2 > 0 ? dot / sqrt(norm * q->s2) : 0;
}

/* dx_features(q, probe of doc) without the probe: the idea's terms in the order its probe
 * would hold them (title words first, so a term's first sight tells whether a title has it). */
void dx_features_doc(const struct dupes_index *ix, const struct dx_probe *q, struct dx_qmap *m,
		     uint32_t doc, double f[DUPES_NFEAT])
{
	const uint8_t *p = ix->sigs + ix->sig[doc];
	uint32_t nt, nb, word = 0, g = qmap_next(m);
	double bs2 = 0, bs1 = 0, bg2 = 0, bg1 = 0, bt2 = 0;
	struct sums x = { 0 };

	p = dx_get_varint(p, &nt);
	p = dx_get_varint(p, &nb);
	for (uint32_t i = 0; i < nt + nb; i++) {
		const struct dx_word *w;
		uint32_t gap;
		bool title = i < nt;

		p = dx_get_varint(p, &gap);
		word = i == 0 || i == nt ? gap : word + gap;
		w = &ix->words[word];
		if (m->t[w->stem].seen != g) {
			float idf = dx_idf(ix, ix->tdf[w->stem]);

			m->t[w->stem].seen = g;
			bs2 += (double)idf * idf;
			bs1 += idf;
			if (m->t[w->stem].gen == m->cur) {
				x.s2 += (double)idf * idf;
				x.s1 += idf;
			}
		}
		for (int k = 0; k < w->ngrams; k++) {
			uint32_t t = ix->gpool[w->grams + (uint32_t)k];
			struct dx_qslot *q_t = &m->t[t];
			float idf;
			double w2;

			if (q_t->seen == g)
				continue;
			q_t->seen = g;
			idf = dx_idf(ix, ix->tdf[t]);
			w2 = (double)idf * idf;
			bg2 += w2;
			bg1 += idf;
			if (title)
				bt2 += w2;
			if (q_t->gen == m->cur)
				add_gram(&x, idf, q->g[q_t->idx].title, title);
		}
	}
	features_from(q, bs2, bs1, bg2, bg1, bt2, ix->ntok[doc], (enum an_lang)ix->lang[doc], &x, f);
}

/* --- reasons ------------------------------------------------------------------------------ */

/* A place or a house number: a word written with a capital most times the pool saw it
 * inside a sentence, or one with a digit. */
static bool is_name(const struct dupes_index *ix, const struct dx_pterm *t)
{
	const struct dx_word *w;

	if (t->word == DX_NONE)
		return false;
	w = &ix->words[t->word];
	return w->number || (w->seen > 0 && w->capital * 2 >= w->seen);
}

/* The n heaviest terms of p that pass keep, heaviest first (ties by key). */
static int heaviest(const struct dx_probe *p, const struct dx_pterm **out, int n,
		    bool (*keep)(const void *ctx, const struct dx_pterm *t), const void *ctx)
{
	int k = 0;

	for (int i = 0; i < p->ns; i++) {
		const struct dx_pterm *t = &p->s[i];
		int j;

		if (!t->fold || !keep(ctx, t))
			continue;
		for (j = k; j > 0; j--) {
			const struct dx_pterm *u = out[j - 1];

			if (u->idf > t->idf || (u->idf == t->idf && u->key < t->key))
				break;
			if (j < n)
				out[j] = u;
		}
		if (j < n)
			out[j] = t;
		if (k < n)
			k++;
	}
	return k;
}

struct keep_ctx {
	const struct dupes_index *ix;
	const struct dx_probe *other;
	bool shared, names;
};

static bool keep_term(const void *ctx, const struct dx_pterm *t)
{
	const struct keep_ctx *c = ctx;
	bool in = probe_find_stem(c->other, t->key) != NULL;

	if (c->shared)
		return in;
	return !in && c->names && is_name(c->ix, t);
}

static char *next_reason(struct dupes_reasons *why)
{
	return why->n < DUPES_REASONS ? why->text[why->n++] : NULL;
}

void dx_reasons(const struct dupes_index *ix, const struct dx_probe *a, const struct dx_probe *b,
		struct dupes_reasons *why)
{
	const struct dx_pterm *top[3], *na[1], *nb[1];
	struct keep_ctx shared = { ix, b, true, false }, names_a = { ix, b, false, true },
			names_b = { ix, a, false, true };
	char list[80] = "", *r;
	int n;

	why->n = 0;
	n = heaviest(a, top, 3, keep_term, &shared);
	for (int i = 0; i < n; i++) {
		size_t len = strlen(list);

		snprintf(list + len, sizeof(list) - len, "%s%s", i ? ", " : "", top[i]->fold);
	}
	if (n && (r = next_reason(why)))
		snprintf(r, sizeof(why->text[0]), _("shared: %s"), list);
	/* Two places named, neither in the other: the commonest false duplicate is the same
	 * request for another street. */
	if (heaviest(a, na, 1, keep_term, &names_a) && heaviest(b, nb, 1, keep_term, &names_b) &&
	    (r = next_reason(why)))
		snprintf(r, sizeof(why->text[0]), _("differs: %s / %s"), na[0]->fold, nb[0]->fold);
	if (a->lang != AN_OTHER && b->lang != AN_OTHER && a->lang != b->lang && (r = next_reason(why)))
		snprintf(r, sizeof(why->text[0]), _("other language: %s / %s"), an_lang_code(a->lang),
			 an_lang_code(b->lang));
	if (!n && (r = next_reason(why)))
		snprintf(r, sizeof(why->text[0]), "%s", _("similar spelling"));
}
