/* The insides of the duplicate index, shared by dupes.c (texts, vocabulary, the pair score),
 * dupes_index.c (ideas, postings, queries, the all-pairs pass) and dupes_file.c (the index
 * file). Not for other modules. */
#ifndef INSPRAAK_AN_DUPES_INT_H
#define INSPRAAK_AN_DUPES_INT_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/analysis/dupes.h"

#define DX_NONE UINT32_MAX

/* An open-addressing table of ids (slot = id + 1, 0 = empty, linear probing); the keys live
 * in the arrays the ids point into, so the table itself is 4 bytes a slot. */
struct dx_table {
	uint32_t *slot;
	uint32_t mask;   /* slots - 1 */
	uint32_t n;
};

/* Terms: word stems and character grams, told apart by bit 0 of the key. */
#define DX_STEM 0u
#define DX_GRAM 1u
/* tflags */
#define DX_COMMON 0x1   /* too common to keep postings for: dropped for good */

/* A stem's postings: ideas in increasing order, each as a varint of the gap to the last. */
struct dx_list {
	uint32_t off, len, cap;   /* bytes in the arena */
	uint32_t last;            /* the last idea added, to code the next gap */
};

/* A folded word of the vocabulary, in one language (the stem depends on it). */
struct dx_word {
	uint32_t key;       /* an_hash of the folded word and the language */
	uint32_t str;       /* offset of the folded word in strs */
	uint32_t stem;      /* term id */
	uint32_t grams;     /* offset of its gram term ids in gpool */
	uint16_t ngrams;
	uint8_t lang;
	uint8_t number;     /* has a digit */
	uint32_t seen;      /* occurrences not at a sentence start ... */
	uint32_t capital;   /* ... and of those, written with a capital: a name when most are */
};

struct dupes_index {
	/* terms */
	uint32_t *tkey, *tdf, *tlist;   /* tlist: list index or DX_NONE */
	uint8_t *tflags;
	uint32_t nterms, capterms;
	struct dx_table terms;
	/* stem postings */
	struct dx_list *lists;
	uint32_t nlists, caplists;
	uint8_t *arena;
	size_t arena_len, arena_cap, arena_waste;
	/* vocabulary */
	struct dx_word *words;
	uint32_t nwords, capwords;
	struct dx_table vocab;
	char *strs;
	size_t strs_len, strs_cap;
	uint32_t *gpool;
	size_t gpool_len, gpool_cap;
	/* ideas: a word-id signature each, without the text */
	int64_t *id;
	uint32_t *proj;     /* index into projects */
	uint32_t *sig;      /* offset into sigs */
	uint8_t *lang, *ntok, *dead;
	uint32_t ndocs, capdocs, nlive;
	float log_live;     /* log(1 + nlive), for dx_idf */
	struct dx_table ids;
	uint8_t *sigs;
	size_t sigs_len, sigs_cap;
	/* projects */
	int64_t *projects;
	uint32_t *project_live;
	uint32_t nprojects, capprojects;
	struct dx_table projtab;
	struct dupes_tuning tune;
	/* what the public queries reuse between calls (dupes_index.c); not index memory */
	struct dx_scratch *scratch;
};

/* --- tables (dupes.c) --- */
void dx_table_init(struct dx_table *t, uint32_t slots);
void dx_table_free(struct dx_table *t);
/* The slot for hash h: where id sits (eq(ctx, id) true) or the empty slot to put it. */
uint32_t *dx_table_find(const struct dx_table *t, uint32_t h, bool (*eq)(const void *ctx, uint32_t id),
			const void *ctx);
/* Put id in the empty slot *s found by dx_table_find, growing the table when it fills;
 * hash(ctx, id) rehashes. */
void dx_table_put(struct dx_table *t, uint32_t *s, uint32_t id,
		  uint32_t (*hash)(const void *ctx, uint32_t id), const void *ctx);
/* Take out the id in slot s (backward shift, no tombstones). */
void dx_table_del(struct dx_table *t, uint32_t *s, uint32_t (*hash)(const void *ctx, uint32_t id),
		  const void *ctx);
size_t dx_table_bytes(const struct dx_table *t);

/* --- terms and vocabulary (dupes.c) --- */
uint32_t dx_term_key(const char *s, size_t n, unsigned kind);
uint32_t dx_term_find(const struct dupes_index *ix, uint32_t key);
uint32_t dx_term_get(struct dupes_index *ix, uint32_t key);
void dx_term_rehash(struct dupes_index *ix);
void dx_vocab_rehash(struct dupes_index *ix);
void dx_ids_rehash(struct dupes_index *ix);
void dx_projects_rehash(struct dupes_index *ix);
uint32_t dx_hash_id(int64_t id);

/* A word of a text being analysed, before or without the vocabulary. */
struct dx_tword {
	uint32_t word;    /* vocabulary id, or DX_NONE (a query's unseen word) */
	char *fold, *stem;   /* owned, when word is DX_NONE */
	bool title, capital, number, sentence_start;
};

/* A text analysed: its distinct non-stop words. */
struct dx_text {
	struct dx_tword *w;
	int n;
	int ntok;          /* non-stop tokens */
	enum an_lang lang;
};

/* Analyse a text against the vocabulary of cix; with add (== cix), unseen words join it
 * and the name statistics count the text. */
void dx_text_make(struct dupes_index *add, const struct dupes_index *cix, struct dx_text *t,
		  const char *title, const char *body, enum an_lang hint);
void dx_text_free(struct dx_text *t);

/* --- the pair score (dupes.c) --- */

/* A term of a probe. */
struct dx_pterm {
	uint32_t key;
	float idf;
	uint8_t title;      /* in the title */
	uint32_t word;      /* a word it came from (stems: for reasons) or DX_NONE */
	const char *fold;   /* that word, folded */
};

/* One side of a comparison: distinct stems and grams with their IDF, and hash indexes for
 * looking the other side's terms up. Reused across queries (per thread). */
struct dx_probe {
	struct dx_pterm *s, *g;
	int ns, ng, caps, capg;
	uint32_t *sidx, *gidx;     /* open addressing over s and g: index + 1 */
	uint32_t smask, gmask;
	uint32_t *stamp;           /* generation per gidx slot, for building without clearing */
	uint32_t gen;
	double s2, s1, g2, g1, t2; /* sums of idf^2 and idf over stems, grams; idf^2 over title grams */
	int ntok;
	enum an_lang lang;
};

void dx_probe_init(struct dx_probe *p);
void dx_probe_free(struct dx_probe *p);
/* Fill a probe from an analysed text or from an idea of the pool. idf_n is the pool size the
 * IDF is computed for. */
void dx_probe_text(struct dx_probe *p, const struct dupes_index *ix, const struct dx_text *t);
void dx_probe_doc(struct dx_probe *p, const struct dupes_index *ix, uint32_t doc);
/* Make p searchable (after filling, before it is the first argument of dx_features). */
void dx_probe_index(struct dx_probe *p);

/* A probe's terms by term id, so a pool idea is scored against it straight from its
 * signature, without a probe of its own: no hashing, and the same sums in the same order as
 * dx_features over a probe of the idea. Per thread, reused. */
struct dx_qslot {
	uint32_t gen;     /* == cur when the probe has the term */
	uint32_t idx;     /* then its index among the probe's grams (or stems) */
	uint32_t seen;    /* == cgen when the idea being scored had it already */
};

struct dx_qmap {
	struct dx_qslot *t;   /* per term, together so one term costs one cache line */
	uint32_t cap, cur, cgen;
};
void dx_qmap_free(struct dx_qmap *m);
void dx_qmap_fill(struct dx_qmap *m, const struct dupes_index *ix, const struct dx_probe *q);
void dx_qmap_fill_doc(struct dx_qmap *m, const struct dupes_index *ix, uint32_t doc);
void dx_features_doc(const struct dupes_index *ix, const struct dx_probe *q, struct dx_qmap *m,
		     uint32_t doc, double f[DUPES_NFEAT]);
double dx_stem_cosine(const struct dupes_index *ix, const struct dx_probe *q, struct dx_qmap *m,
		      uint32_t doc);
void dx_features(const struct dx_probe *a, const struct dx_probe *b, double f[DUPES_NFEAT]);
double dx_score(const double f[DUPES_NFEAT]);
void dx_reasons(const struct dupes_index *ix, const struct dx_probe *a, const struct dx_probe *b,
		struct dupes_reasons *why);

/* The stems (and with grams, the grams) of a pool idea, distinct, from its signature
 * (dupes_index.c). */
void dx_doc_terms(const struct dupes_index *ix, uint32_t doc, bool grams, uint32_t **terms, int *n,
		  int *cap);

/* IDF of a document frequency in the pool, smoothed as in most TF-IDF (a term in
 * every idea still weighs 1). log(1 + v) comes from a table for small v, so scoring a
 * candidate takes no logarithm: a candidate has hundreds of grams and a query scores dozens
 * of candidates. dx_idf_init fills the table (thread-safe); every index calls it when made. */
#define DX_LOG_TABLE 65536
extern float dx_log_table[DX_LOG_TABLE];
void dx_idf_init(void);

static inline float dx_log1p(uint32_t v)
{
	return v < DX_LOG_TABLE ? dx_log_table[v] : (float)log(1.0 + v);
}

/* The pool's size is the same for every term: its logarithm is kept in the index (a pool
 * past the table would take a logarithm per term otherwise). */
static inline float dx_idf(const struct dupes_index *ix, uint32_t df)
{
	return ix->log_live - dx_log1p(df) + 1;
}

static inline void dx_set_live(struct dupes_index *ix, uint32_t n)
{
	ix->nlive = n;
	ix->log_live = dx_log1p(n);
}

/* Varints. */
static inline uint8_t *dx_put_varint(uint8_t *p, uint32_t v)
{
	while (v >= 0x80) {
		*p++ = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	*p++ = (uint8_t)v;
	return p;
}

static inline const uint8_t *dx_get_varint(const uint8_t *p, uint32_t *v)
{
	uint32_t x = 0;
	int shift = 0;

	while (*p & 0x80) {
		x |= (uint32_t)(*p++ & 0x7f) << shift;
		shift += 7;
	}
	*v = x | (uint32_t)*p++ << shift;
	return p;
}

#endif
