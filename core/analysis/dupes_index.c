/* The duplicate index: the ideas of the pool (a signature of word ids each, no text), the
 * postings of word stems, document frequencies kept as ideas come and go, the queries, the
 * all-pairs pass and the index file. The pair score itself is in dupes.c.
 *
 * Candidates: a query reads the postings of its stems, rarest first, until it has read
 * tuning.budget postings; every idea met gathers the squared IDF of the stems it shares, and
 * the tuning.candidates ideas with the most are scored exactly. Stems in more than
 * COMMON_DF ideas (and more than 1/64 of the pool) lose their postings for good: a query
 * could not afford to read them anyway, and they are most of the memory. A pool in scope
 * smaller than tuning.exhaustive_below is scored whole, which is both exact and fast. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/analysis/dupes_int.h"
#include "core/i18n.h"

#define COMMON_DF 4096
/* Candidates from the postings that get the stems' cosine, per one that gets the exact score. */
#define PRESCORE 4

/* --- ids and projects ----------------------------------------------------------------------- */

static uint32_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return (uint32_t)x;
}

uint32_t dx_hash_id(int64_t id)
{
	return mix64((uint64_t)id);
}

struct id_ctx {
	const struct dupes_index *ix;
	int64_t id;
};

static bool id_eq(const void *ctx, uint32_t doc)
{
	const struct id_ctx *c = ctx;

	return c->ix->id[doc] == c->id;
}

static uint32_t id_hash(const void *ctx, uint32_t doc)
{
	return dx_hash_id(((const struct dupes_index *)ctx)->id[doc]);
}

static uint32_t *id_slot(const struct dupes_index *ix, int64_t id)
{
	struct id_ctx c = { ix, id };

	return dx_table_find(&ix->ids, dx_hash_id(id), id_eq, &c);
}

static uint32_t doc_of(const struct dupes_index *ix, int64_t id)
{
	uint32_t *s = id_slot(ix, id);

	return *s ? *s - 1 : DX_NONE;
}

static bool proj_eq(const void *ctx, uint32_t p)
{
	const struct id_ctx *c = ctx;

	return c->ix->projects[p] == c->id;
}

static uint32_t proj_hash(const void *ctx, uint32_t p)
{
	return dx_hash_id(((const struct dupes_index *)ctx)->projects[p]);
}

static uint32_t *proj_slot(const struct dupes_index *ix, int64_t project)
{
	struct id_ctx c = { ix, project };

	return dx_table_find(&ix->projtab, dx_hash_id(project), proj_eq, &c);
}

static uint32_t proj_get(struct dupes_index *ix, int64_t project)
{
	uint32_t *s = proj_slot(ix, project), p;

	if (*s)
		return *s - 1;
	if (ix->nprojects == ix->capprojects) {
		ix->capprojects = ix->capprojects ? ix->capprojects * 2 : 16;
		ix->projects = xreallocarray(ix->projects, ix->capprojects, sizeof(*ix->projects));
		ix->project_live = xreallocarray(ix->project_live, ix->capprojects, sizeof(*ix->project_live));
	}
	p = ix->nprojects++;
	ix->projects[p] = project;
	ix->project_live[p] = 0;
	dx_table_put(&ix->projtab, s, p, proj_hash, ix);
	return p;
}

void dx_ids_rehash(struct dupes_index *ix)
{
	dx_table_free(&ix->ids);
	dx_table_init(&ix->ids, ix->nlive + ix->nlive / 2 + 16);
	for (uint32_t d = 0; d < ix->ndocs; d++)
		if (!ix->dead[d])
			dx_table_put(&ix->ids, id_slot(ix, ix->id[d]), d, id_hash, ix);
}

void dx_projects_rehash(struct dupes_index *ix)
{
	dx_table_free(&ix->projtab);
	dx_table_init(&ix->projtab, ix->nprojects * 2 + 16);
	for (uint32_t p = 0; p < ix->nprojects; p++)
		dx_table_put(&ix->projtab, proj_slot(ix, ix->projects[p]), p, proj_hash, ix);
}

/* --- the index ------------------------------------------------------------------------------ */

/* A candidate while a query runs. */
struct cand {
	uint32_t doc;
	float score;
};

/* What a query needs besides the index: two probes and the accumulator of the postings. */
struct dx_scratch {
	struct dx_probe q, c;
	struct dx_qmap m;
	float *acc;          /* per doc, 0 when untouched */
	uint32_t acc_cap;
	uint32_t *touched;
	uint32_t ntouched, captouched;
	struct cand *tally;  /* the touched ideas with their tallies, for the selection */
	uint32_t captally;
	uint32_t *terms;     /* the query's stem term ids, rarest first */
	int capterms;
};

static struct dx_scratch *scratch_new(void)
{
	struct dx_scratch *s = xcalloc(1, sizeof(*s));

	dx_probe_init(&s->q);
	dx_probe_init(&s->c);
	return s;
}

static void scratch_free(struct dx_scratch *s)
{
	if (!s)
		return;
	dx_probe_free(&s->q);
	dx_probe_free(&s->c);
	dx_qmap_free(&s->m);
	free(s->acc);
	free(s->touched);
	free(s->tally);
	free(s->terms);
	free(s);
}

struct dupes_index *dupes_index_new(void)
{
	struct dupes_index *ix = xcalloc(1, sizeof(*ix));

	dx_idf_init();
	dx_table_init(&ix->terms, 1024);
	dx_table_init(&ix->vocab, 1024);
	dx_table_init(&ix->ids, 1024);
	dx_table_init(&ix->projtab, 16);
	ix->tune = (struct dupes_tuning){ .exhaustive_below = 2000, .candidates = 24, .budget = 4000 };
	return ix;
}

void dupes_index_free(struct dupes_index *ix)
{
	if (!ix)
		return;
	free(ix->tkey);
	free(ix->tdf);
	free(ix->tlist);
	free(ix->tflags);
	dx_table_free(&ix->terms);
	free(ix->lists);
	free(ix->arena);
	free(ix->words);
	dx_table_free(&ix->vocab);
	free(ix->strs);
	free(ix->gpool);
	free(ix->id);
	free(ix->proj);
	free(ix->sig);
	free(ix->lang);
	free(ix->ntok);
	free(ix->dead);
	dx_table_free(&ix->ids);
	free(ix->sigs);
	free(ix->projects);
	free(ix->project_live);
	dx_table_free(&ix->projtab);
	scratch_free(ix->scratch);
	free(ix);
}

bool dupes_index_has(const struct dupes_index *ix, int64_t id)
{
	return doc_of(ix, id) != DX_NONE;
}

size_t dupes_index_count(const struct dupes_index *ix)
{
	return ix->nlive;
}

void dupes_index_get_tuning(const struct dupes_index *ix, struct dupes_tuning *t)
{
	*t = ix->tune;
}

void dupes_index_set_tuning(struct dupes_index *ix, const struct dupes_tuning *t)
{
	ix->tune = *t;
	if (ix->tune.candidates < 1)
		ix->tune.candidates = 1;
}

size_t dupes_index_bytes(const struct dupes_index *ix)
{
	return (size_t)ix->capterms * (3 * sizeof(uint32_t) + 1) + dx_table_bytes(&ix->terms) +
	       (size_t)ix->caplists * sizeof(*ix->lists) + ix->arena_cap +
	       (size_t)ix->capwords * sizeof(*ix->words) + dx_table_bytes(&ix->vocab) + ix->strs_cap +
	       ix->gpool_cap * sizeof(*ix->gpool) +
	       (size_t)ix->capdocs * (sizeof(int64_t) + 2 * sizeof(uint32_t) + 3) +
	       dx_table_bytes(&ix->ids) + ix->sigs_cap +
	       (size_t)ix->capprojects * (sizeof(int64_t) + sizeof(uint32_t)) +
	       dx_table_bytes(&ix->projtab);
}

/* --- signatures and terms of an idea ------------------------------------------------------- */

/* A signature: the number of title words and of body words, then each part's word ids in
 * increasing order as gaps (the first one whole). */
static void sig_put(struct dupes_index *ix, const struct dx_text *t)
{
	uint8_t *p;
	uint32_t nt = 0, last = 0;
	bool first = true;

	if (ix->sigs_len + 10 + (size_t)t->n * 5 > ix->sigs_cap) {
		ix->sigs_cap = ix->sigs_cap ? ix->sigs_cap * 2 : 65536;
		while (ix->sigs_len + 10 + (size_t)t->n * 5 > ix->sigs_cap)
			ix->sigs_cap *= 2;
		ix->sigs = xrealloc(ix->sigs, ix->sigs_cap);
	}
	for (int i = 0; i < t->n; i++)
		nt += t->w[i].title;
	p = dx_put_varint(ix->sigs + ix->sigs_len, nt);
	p = dx_put_varint(p, (uint32_t)t->n - nt);
	for (int part = 1; part >= 0; part--, first = true)
		for (int i = 0; i < t->n; i++) {
			if (t->w[i].title != part)
				continue;
			p = dx_put_varint(p, first ? t->w[i].word : t->w[i].word - last);
			last = t->w[i].word;
			first = false;
		}
	ix->sigs_len = (size_t)(p - ix->sigs);
}

static int u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static void terms_push(uint32_t **v, int *n, int *cap, uint32_t x)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 512;
		*v = xreallocarray(*v, (size_t)*cap, sizeof(**v));
	}
	(*v)[(*n)++] = x;
}

void dx_doc_terms(const struct dupes_index *ix, uint32_t doc, bool grams, uint32_t **terms, int *n,
		  int *cap)
{
	const uint8_t *q = ix->sigs + ix->sig[doc];
	uint32_t nt, nb, word = 0;
	int m = 0;

	*n = 0;
	q = dx_get_varint(q, &nt);
	q = dx_get_varint(q, &nb);
	for (uint32_t i = 0; i < nt + nb; i++) {
		uint32_t gap;
		const struct dx_word *w;

		q = dx_get_varint(q, &gap);
		word = i == 0 || i == nt ? gap : word + gap;
		w = &ix->words[word];
		terms_push(terms, n, cap, w->stem);
		for (int g = 0; grams && g < w->ngrams; g++)
			terms_push(terms, n, cap, ix->gpool[w->grams + (uint32_t)g]);
	}
	qsort(*terms, (size_t)*n, sizeof(**terms), u32_cmp);
	for (int i = 0; i < *n; i++)
		if (!m || (*terms)[m - 1] != (*terms)[i])
			(*terms)[m++] = (*terms)[i];
	*n = m;
}

/* --- postings ----------------------------------------------------------------------------- */

static void list_drop(struct dupes_index *ix, uint32_t term)
{
	ix->arena_waste += ix->lists[ix->tlist[term]].cap;
	ix->lists[ix->tlist[term]] = (struct dx_list){ 0 };
	ix->tlist[term] = DX_NONE;
	ix->tflags[term] |= DX_COMMON;
}

static void arena_reserve(struct dupes_index *ix, size_t more)
{
	if (ix->arena_len + more <= ix->arena_cap)
		return;
	ix->arena_cap = ix->arena_cap ? ix->arena_cap * 2 : 1 << 20;
	while (ix->arena_len + more > ix->arena_cap)
		ix->arena_cap *= 2;
	ix->arena = xrealloc(ix->arena, ix->arena_cap);
}

static void posting_add(struct dupes_index *ix, uint32_t term, uint32_t doc)
{
	struct dx_list *l;
	uint8_t *end;

	if (ix->tflags[term] & DX_COMMON)
		return;
	if (ix->tdf[term] > COMMON_DF && ix->tdf[term] > ix->nlive / 64) {
		if (ix->tlist[term] != DX_NONE)
			list_drop(ix, term);
		ix->tflags[term] |= DX_COMMON;
		return;
	}
	if (ix->tlist[term] == DX_NONE) {
		if (ix->nlists == ix->caplists) {
			ix->caplists = ix->caplists ? ix->caplists * 2 : 1024;
			ix->lists = xreallocarray(ix->lists, ix->caplists, sizeof(*ix->lists));
		}
		ix->tlist[term] = ix->nlists;
		ix->lists[ix->nlists++] = (struct dx_list){ 0 };
	}
	l = &ix->lists[ix->tlist[term]];
	if (l->len + 5 > l->cap) {
		/* Move to the end of the arena with twice the room; the old place is waste. */
		uint32_t cap = l->cap ? l->cap * 2 : 8;

		arena_reserve(ix, cap);
		l = &ix->lists[ix->tlist[term]];
		memcpy(ix->arena + ix->arena_len, ix->arena + l->off, l->len);
		ix->arena_waste += l->cap;
		l->off = (uint32_t)ix->arena_len;
		l->cap = cap;
		ix->arena_len += cap;
	}
	end = dx_put_varint(ix->arena + l->off + l->len, l->len ? doc - l->last : doc);
	l->len = (uint32_t)(end - (ix->arena + l->off));
	l->last = doc;
}

/* --- adding and removing ---------------------------------------------------------------- */

static uint32_t doc_new(struct dupes_index *ix)
{
	if (ix->ndocs == ix->capdocs) {
		ix->capdocs = ix->capdocs ? ix->capdocs * 2 : 1024;
		ix->id = xreallocarray(ix->id, ix->capdocs, sizeof(*ix->id));
		ix->proj = xreallocarray(ix->proj, ix->capdocs, sizeof(*ix->proj));
		ix->sig = xreallocarray(ix->sig, ix->capdocs, sizeof(*ix->sig));
		ix->lang = xreallocarray(ix->lang, ix->capdocs, 1);
		ix->ntok = xreallocarray(ix->ntok, ix->capdocs, 1);
		ix->dead = xreallocarray(ix->dead, ix->capdocs, 1);
	}
	return ix->ndocs++;
}

/* Document frequencies (and postings) of a new idea. */
static void doc_count(struct dupes_index *ix, uint32_t doc, int delta)
{
	uint32_t *terms = NULL;
	int n = 0, cap = 0;

	dx_doc_terms(ix, doc, true, &terms, &n, &cap);
	for (int i = 0; i < n; i++) {
		ix->tdf[terms[i]] += (uint32_t)delta;
		if (delta > 0 && (ix->tkey[terms[i]] & 1) == DX_STEM)
			posting_add(ix, terms[i], doc);
	}
	free(terms);
}

void dupes_index_add(struct dupes_index *ix, int64_t id, int64_t project, const char *title,
		     const char *body, enum an_lang lang)
{
	struct dx_text t;
	uint32_t doc;

	dupes_index_remove(ix, id);
	dx_text_make(ix, ix, &t, title, body, lang);
	doc = doc_new(ix);
	ix->id[doc] = id;
	ix->proj[doc] = proj_get(ix, project);
	ix->project_live[ix->proj[doc]]++;
	ix->lang[doc] = (uint8_t)t.lang;
	ix->ntok[doc] = (uint8_t)(t.ntok > 255 ? 255 : t.ntok);
	ix->dead[doc] = 0;
	ix->sig[doc] = (uint32_t)ix->sigs_len;
	sig_put(ix, &t);
	dx_text_free(&t);
	dx_set_live(ix, ix->nlive + 1);
	doc_count(ix, doc, +1);
	dx_table_put(&ix->ids, id_slot(ix, id), doc, id_hash, ix);
}

bool dupes_index_remove(struct dupes_index *ix, int64_t id)
{
	uint32_t *s = id_slot(ix, id), doc;

	if (!*s)
		return false;
	doc = *s - 1;
	dx_table_del(&ix->ids, s, id_hash, ix);
	/* Its postings stay until the next save, skipped by every query. */
	ix->dead[doc] = 1;
	ix->project_live[ix->proj[doc]]--;
	dx_set_live(ix, ix->nlive - 1);
	doc_count(ix, doc, -1);
	return true;
}

/* --- queries ------------------------------------------------------------------------------ */

/* Better first: higher score, then lower id. */
static bool cand_better(const struct dupes_index *ix, const struct cand *a, const struct cand *b)
{
	if (a->score != b->score)
		return a->score > b->score;
	return ix->id[a->doc] < ix->id[b->doc];
}

/* Keep the k best of a stream in a[0..*n): a sorted insertion, since k is small. */
static void keep_best(const struct dupes_index *ix, struct cand *a, int *n, int k, struct cand c)
{
	int j;

	if (*n == k && !cand_better(ix, &c, &a[k - 1]))
		return;
	j = *n < k ? (*n)++ : k - 1;
	while (j > 0 && cand_better(ix, &c, &a[j - 1])) {
		a[j] = a[j - 1];
		j--;
	}
	a[j] = c;
}

static bool in_scope(const struct dupes_index *ix, uint32_t doc, uint32_t proj, uint32_t self)
{
	return !ix->dead[doc] && doc != self && (proj == DX_NONE || ix->proj[doc] == proj);
}

static void acc_touch(struct dx_scratch *s, uint32_t doc, float w)
{
	if (s->acc[doc] == 0) {
		if (s->ntouched == s->captouched) {
			s->captouched = s->captouched ? s->captouched * 2 : 4096;
			s->touched = xreallocarray(s->touched, s->captouched, sizeof(*s->touched));
		}
		s->touched[s->ntouched++] = doc;
	}
	s->acc[doc] += w;
}

/* Higher tally first, then the older idea: a total order, so the selection is the same
 * whatever order the postings were met in. */
static bool tally_before(const struct cand *a, const struct cand *b)
{
	return a->score != b->score ? a->score > b->score : a->doc < b->doc;
}

/* The max best of the touched ideas into c, in no particular order: a selection in linear
 * time (Hoare's), since thousands are touched and a few dozen kept. */
static int top_tally(struct dx_scratch *s, struct cand *c, int max)
{
	struct cand *v;
	uint32_t n = s->ntouched, lo = 0, hi;

	if (n <= (uint32_t)max) {
		for (uint32_t i = 0; i < n; i++)
			c[i] = (struct cand){ s->touched[i], s->acc[s->touched[i]] };
		return (int)n;
	}
	if (s->captally < n) {
		s->captally = s->captouched;
		s->tally = xreallocarray(s->tally, s->captally, sizeof(*s->tally));
	}
	v = s->tally;
	for (uint32_t i = 0; i < n; i++)
		v[i] = (struct cand){ s->touched[i], s->acc[s->touched[i]] };
	hi = n - 1;
	/* Until v[0..max) holds the best: partition around a middle pivot, keep the side with
	 * the boundary. */
	while (lo < hi) {
		struct cand pivot = v[lo + (hi - lo) / 2], t;
		uint32_t i = lo, j = hi;

		while (i <= j) {
			while (tally_before(&v[i], &pivot))
				i++;
			while (tally_before(&pivot, &v[j]))
				j--;
			if (i <= j) {
				t = v[i];
				v[i] = v[j];
				v[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if ((uint32_t)max <= j)
			hi = j;
		else if ((uint32_t)max >= i)
			lo = i;
		else
			break;
	}
	memcpy(c, v, (size_t)max * sizeof(*c));
	return max;
}

/* The ideas that share the rarest stems with the probe, best first, into c (at most max). */
static int postings_candidates(const struct dupes_index *ix, struct dx_scratch *s, uint32_t proj,
			       uint32_t self, struct cand *c, int max)
{
	const struct dx_probe *q = &s->q;
	int nterms = 0, n = 0;
	long read = 0;

	if (s->acc_cap < ix->ndocs) {
		free(s->acc);
		s->acc_cap = ix->capdocs;
		s->acc = xcalloc(s->acc_cap, sizeof(*s->acc));
	}
	if (s->capterms < q->ns) {
		s->capterms = q->ns;
		s->terms = xreallocarray(s->terms, (size_t)s->capterms, sizeof(*s->terms));
	}
	for (int i = 0; i < q->ns; i++) {
		uint32_t t = dx_term_find(ix, q->s[i].key);

		if (t != DX_NONE && ix->tlist[t] != DX_NONE)
			s->terms[nterms++] = t;
	}
	/* Rarest first; qsort has no context argument and a probe has a few dozen stems. */
	for (int i = 1; i < nterms; i++) {
		uint32_t t = s->terms[i];
		int j = i;

		while (j > 0 && ix->tdf[s->terms[j - 1]] > ix->tdf[t]) {
			s->terms[j] = s->terms[j - 1];
			j--;
		}
		s->terms[j] = t;
	}
	for (int i = 0; i < nterms; i++) {
		const struct dx_list *l = &ix->lists[ix->tlist[s->terms[i]]];
		const uint8_t *p = ix->arena + l->off, *end = p + l->len;
		float w = dx_idf(ix, ix->tdf[s->terms[i]]);
		uint32_t doc = 0;
		bool first = true;

		/* Lists grow with their stem's frequency: past the budget, the rest are longer. */
		if (read + ix->tdf[s->terms[i]] > ix->tune.budget && read > 0)
			break;
		while (p < end) {
			uint32_t gap;

			p = dx_get_varint(p, &gap);
			doc = first ? gap : doc + gap;
			first = false;
			read++;
			if (in_scope(ix, doc, proj, self))
				acc_touch(s, doc, w * w);
		}
	}
	n = top_tally(s, c, max);
	for (uint32_t i = 0; i < s->ntouched; i++)
		s->acc[s->touched[i]] = 0;
	s->ntouched = 0;
	return n;
}

/* The k best candidates of the probe s->q (indexed, and mapped in s->m) among the ideas of
 * proj (DX_NONE: all), never self. */
static int query_probe(const struct dupes_index *ix, struct dx_scratch *s, uint32_t proj,
		       uint32_t self, int k, unsigned flags, struct dupes_hit *hits)
{
	uint32_t scope = proj == DX_NONE ? ix->nlive : ix->project_live[proj];
	int max = ix->tune.candidates > k ? ix->tune.candidates : k, nc = 0, nbest = 0;
	struct cand *c, *best;

	if (k <= 0)
		return 0;
	c = xmalloc((size_t)max * sizeof(*c));
	best = xmalloc((size_t)k * sizeof(*best));
	if (scope < (uint32_t)ix->tune.exhaustive_below) {
		for (uint32_t d = 0; d < ix->ndocs; d++)
			if (in_scope(ix, d, proj, self)) {
				if (nc == max) {
					max *= 2;
					c = xreallocarray(c, (size_t)max, sizeof(*c));
				}
				c[nc++] = (struct cand){ d, 0 };
			}
	} else {
		/* The postings' tally ties easily (a few rare stems shared by many ideas): the
		 * stems' cosine sorts out which candidates get the exact score. */
		int pre = max * PRESCORE, keep = 0;

		c = xreallocarray(c, (size_t)pre, sizeof(*c));
		nc = postings_candidates(ix, s, proj, self, c, pre);
		for (int i = 0; i < nc; i++) {
			struct cand x = { c[i].doc, (float)dx_stem_cosine(ix, &s->q, &s->m, c[i].doc) };

			keep_best(ix, c, &keep, max, x);
		}
		nc = keep;
	}
	for (int i = 0; i < nc; i++) {
		double f[DUPES_NFEAT];

		dx_features_doc(ix, &s->q, &s->m, c[i].doc, f);
		/* Only ideas that share some evidence: no grams in common, nothing to say why. */
		if (f[0] <= 0)
			continue;
		keep_best(ix, best, &nbest, k, (struct cand){ c[i].doc, (float)dx_score(f) });
	}
	for (int i = 0; i < nbest; i++) {
		hits[i].id = ix->id[best[i].doc];
		hits[i].score = best[i].score;
		hits[i].why.n = 0;
		if (flags & DUPES_REASONS_TOO) {
			dx_probe_doc(&s->c, ix, best[i].doc);
			dx_probe_index(&s->c);
			dx_reasons(ix, &s->q, &s->c, &hits[i].why);
		}
	}
	free(c);
	free(best);
	return nbest;
}

static struct dx_scratch *own_scratch(const struct dupes_index *ix)
{
	struct dupes_index *m = (struct dupes_index *)ix;

	/* The index is not thread-safe anyway: its queries may keep their buffers in it. */
	if (!m->scratch)
		m->scratch = scratch_new();
	return m->scratch;
}

/* The project index of a query, DX_NONE for any; false when the project has no idea. */
static bool query_project(const struct dupes_index *ix, int64_t project, uint32_t *proj)
{
	uint32_t *s;

	*proj = DX_NONE;
	if (project == DUPES_ANY_PROJECT)
		return true;
	s = proj_slot(ix, project);
	if (!*s)
		return false;
	*proj = *s - 1;
	return true;
}

int dupes_index_query(const struct dupes_index *ix, const char *title, const char *body,
		      enum an_lang lang, int64_t project, int k, unsigned flags,
		      struct dupes_hit *hits)
{
	struct dx_scratch *s = own_scratch(ix);
	struct dx_text t;
	uint32_t proj;
	int n;

	if (!query_project(ix, project, &proj))
		return 0;
	dx_text_make(NULL, ix, &t, title, body, lang);
	dx_probe_text(&s->q, ix, &t);
	dx_probe_index(&s->q);
	dx_qmap_fill(&s->m, ix, &s->q);
	n = query_probe(ix, s, proj, DX_NONE, k, flags, hits);
	dx_text_free(&t);
	return n;
}

int dupes_index_query_id(const struct dupes_index *ix, int64_t id, int64_t project, int k,
			 unsigned flags, struct dupes_hit *hits)
{
	struct dx_scratch *s = own_scratch(ix);
	uint32_t doc = doc_of(ix, id), proj;

	if (doc == DX_NONE)
		return -1;
	if (!query_project(ix, project, &proj))
		return 0;
	dx_probe_doc(&s->q, ix, doc);
	dx_probe_index(&s->q);
	dx_qmap_fill_doc(&s->m, ix, doc);
	return query_probe(ix, s, proj, doc, k, flags, hits);
}

static void pair_probes(const struct dupes_index *ix, struct dx_probe *a, struct dx_probe *b,
			double f[DUPES_NFEAT], struct dupes_reasons *why)
{
	dx_probe_index(a);
	dx_probe_index(b);
	dx_features(a, b, f);
	if (why)
		dx_reasons(ix, a, b, why);
}

bool dupes_index_pair_features(const struct dupes_index *ix, int64_t a, int64_t b,
			       double f[DUPES_NFEAT])
{
	struct dx_scratch *s = own_scratch(ix);
	uint32_t da = doc_of(ix, a), db = doc_of(ix, b);

	if (da == DX_NONE || db == DX_NONE)
		return false;
	dx_probe_doc(&s->q, ix, da);
	dx_probe_doc(&s->c, ix, db);
	pair_probes(ix, &s->q, &s->c, f, NULL);
	return true;
}

bool dupes_index_pair(const struct dupes_index *ix, int64_t a, int64_t b, double *score,
		      struct dupes_reasons *why)
{
	struct dx_scratch *s = own_scratch(ix);
	uint32_t da = doc_of(ix, a), db = doc_of(ix, b);
	double f[DUPES_NFEAT];

	if (da == DX_NONE || db == DX_NONE)
		return false;
	dx_probe_doc(&s->q, ix, da);
	dx_probe_doc(&s->c, ix, db);
	pair_probes(ix, &s->q, &s->c, f, why);
	*score = dx_score(f);
	return true;
}

double dupes_score_texts(const struct dupes_index *ix, const char *title_a, const char *body_a,
			 const char *title_b, const char *body_b, struct dupes_reasons *why)
{
	struct dx_scratch *s = own_scratch(ix);
	struct dx_text ta, tb;
	double f[DUPES_NFEAT];

	dx_text_make(NULL, ix, &ta, title_a, body_a, AN_OTHER);
	dx_text_make(NULL, ix, &tb, title_b, body_b, AN_OTHER);
	dx_probe_text(&s->q, ix, &ta);
	dx_probe_text(&s->c, ix, &tb);
	pair_probes(ix, &s->q, &s->c, f, why);
	dx_text_free(&ta);
	dx_text_free(&tb);
	return dx_score(f);
}

/* --- all pairs ---------------------------------------------------------------------------- */

/* Ideas go in blocks: the threads fill one block's results, the calling thread hands them on
 * in order, so the results of a million ideas never need to be held at once. */
#define ALL_BLOCK 16384

struct all_job {
	const struct dupes_index *ix;
	int k;
	bool same_project;
	uint32_t lo, hi;
	atomic_uint next;
	struct dupes_hit *hits;   /* k per doc of the block */
	int *n;
};

static void *all_worker(void *arg)
{
	struct all_job *j = arg;
	struct dx_scratch *s = scratch_new();
	uint32_t d;

	while ((d = atomic_fetch_add(&j->next, 1)) < j->hi) {
		uint32_t i = d - j->lo;

		if (j->ix->dead[d]) {
			j->n[i] = 0;
			continue;
		}
		dx_probe_doc(&s->q, j->ix, d);
		dx_probe_index(&s->q);
		dx_qmap_fill_doc(&s->m, j->ix, d);
		j->n[i] = query_probe(j->ix, s, j->same_project ? j->ix->proj[d] : DX_NONE, d, j->k, 0,
				      j->hits + (size_t)i * (size_t)j->k);
	}
	scratch_free(s);
	return NULL;
}

void dupes_index_all(const struct dupes_index *ix, int k, bool same_project, int threads,
		     void (*fn)(void *ctx, int64_t id, const struct dupes_hit *hits, int n),
		     void *ctx)
{
	struct all_job j = { .ix = ix, .k = k, .same_project = same_project };
	pthread_t *tid;

	if (k <= 0)
		return;
	if (threads <= 0) {
		long p = sysconf(_SC_NPROCESSORS_ONLN);

		threads = p > 0 ? (int)p : 1;
	}
	tid = xcalloc((size_t)threads, sizeof(*tid));
	j.hits = xcalloc((size_t)ALL_BLOCK * (size_t)k, sizeof(*j.hits));
	j.n = xcalloc(ALL_BLOCK, sizeof(*j.n));
	for (j.lo = 0; j.lo < ix->ndocs; j.lo = j.hi) {
		int started = 0;

		j.hi = ix->ndocs - j.lo > ALL_BLOCK ? j.lo + ALL_BLOCK : ix->ndocs;
		atomic_store(&j.next, j.lo);
		for (int t = 1; t < threads; t++)
			started += pthread_create(&tid[started], NULL, all_worker, &j) == 0;
		all_worker(&j);
		for (int t = 0; t < started; t++)
			pthread_join(tid[t], NULL);
		for (uint32_t d = j.lo; d < j.hi; d++)
			if (!ix->dead[d])
				fn(ctx, ix->id[d], j.hits + (size_t)(d - j.lo) * (size_t)k, j.n[d - j.lo]);
	}
	free(j.hits);
	free(j.n);
	free(tid);
}
