/* Duplicate suggestions: which ideas a moderator would merge.
 *
 * A pair score in [0, 1] for two ideas, from evidence that carries over to ideas the engine
 * has never seen: TF-IDF cosine and IDF-weighted overlap over word stems and over character
 * 3..5-grams (the grams catch compounds, typos and cognates across Dutch, French and
 * English), the same between the titles, the ideas' lengths and whether they are written in
 * two languages. A small logistic regression combines them; its weights, and how they were
 * obtained, are in dupes.c. A score of DUPES_THRESHOLD or more means "duplicate".
 *
 * The index holds a pool of ideas (id, project, text) without their texts: each idea is a
 * short list of word ids into a shared vocabulary, the vocabulary knows each word's stem and
 * character grams, and document frequencies are kept as ideas come and go, so IDF always
 * describes the pool. Candidates for a new idea come from postings of word stems, rarest
 * first and within a budget, so a query costs the same in a pool of a thousand or a million
 * ideas; the cosine of their stems picks which of them are scored exactly (a pool smaller
 * than dupes_tuning.exhaustive_below is scored whole). The index is saved to a versioned
 * binary file and loaded without normalising a single text again.
 *
 * Not thread-safe, except that dupes_index_all runs its own threads over an index nobody
 * changes meanwhile. */
#ifndef INSPRAAK_AN_DUPES_H
#define INSPRAAK_AN_DUPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/analysis/norm.h"
#include "core/util.h"

/* The version of the scoring method; a saved index records it with the normalisation
 * version (AN_NORM_VERSION) and refuses to load under another. */
#define DUPES_VERSION 1

/* What the engine calls a duplicate. Scores are rebased so that this is 0.5. */
#define DUPES_THRESHOLD 0.5

/* The method string recorded with every score (duplicate_suggestions.method), e.g.
 * "dupes-1:lr10-nldev:norm-1". */
const char *dupes_method(void);

/* Why two ideas look alike, as a moderator reads it: at most three short sentences such as
 * "shared: fietsenstalling, station", "differs: Molenstraat / Kaaistraat", "other language:
 * fr / nl". Already translated. */
#define DUPES_REASONS 3
struct dupes_reasons {
	int n;
	char text[DUPES_REASONS][96];
};

/* A candidate. */
struct dupes_hit {
	int64_t id;
	double score;
	struct dupes_reasons why;   /* filled only when asked for */
};

/* Every project: for the project argument of the queries. */
#define DUPES_ANY_PROJECT INT64_MIN

struct dupes_index;

struct dupes_index *dupes_index_new(void);
void dupes_index_free(struct dupes_index *ix);

/* Add an idea, or replace the one with this id (an edited idea). title or body may be NULL
 * or "". lang is a hint used when the text is too short to tell (AN_OTHER: none). */
void dupes_index_add(struct dupes_index *ix, int64_t id, int64_t project, const char *title,
		     const char *body, enum an_lang lang);
/* Remove an idea; false when the id is not there. */
bool dupes_index_remove(struct dupes_index *ix, int64_t id);
bool dupes_index_has(const struct dupes_index *ix, int64_t id);
/* Ideas in the pool. */
size_t dupes_index_count(const struct dupes_index *ix);

/* Query flags. */
enum {
	DUPES_REASONS_TOO = 1 << 0,   /* fill dupes_hit.why */
};

/* The k most likely duplicates (best first, score ties by id) of a new text among the ideas
 * of project (DUPES_ANY_PROJECT: the whole pool), which it does not add. Returns how many
 * were written to hits (at most k; only ideas sharing some evidence with the text). */
int dupes_index_query(const struct dupes_index *ix, const char *title, const char *body,
		      enum an_lang lang, int64_t project, int k, unsigned flags,
		      struct dupes_hit *hits);
/* The same for an idea of the pool, which is never its own candidate. -1 when the id is not
 * there. */
int dupes_index_query_id(const struct dupes_index *ix, int64_t id, int64_t project, int k,
			 unsigned flags, struct dupes_hit *hits);

/* The score of two ideas of the pool (with reasons when why is not NULL); false when an id
 * is not there. */
bool dupes_index_pair(const struct dupes_index *ix, int64_t a, int64_t b, double *score,
		      struct dupes_reasons *why);
/* The score of two texts, neither of which needs to be in the pool: the pool only lends its
 * document frequencies (an empty pool weighs every term alike). */
double dupes_score_texts(const struct dupes_index *ix, const char *title_a, const char *body_a,
			 const char *title_b, const char *body_b, struct dupes_reasons *why);

/* The k best candidates of every idea, as fn(ctx, id, hits, n), called from the calling
 * thread in the order the ideas were added. same_project limits each idea's candidates to its
 * own project. threads <= 0: one per processor. */
void dupes_index_all(const struct dupes_index *ix, int k, bool same_project, int threads,
		     void (*fn)(void *ctx, int64_t id, const struct dupes_hit *hits, int n),
		     void *ctx);

/* Save to a file (written beside it and renamed, so a crash leaves the old one), and load:
 * ST_INVALID with a sentence for a file that is not an index, is damaged, or was written by
 * another index or normalisation version (then it must be rebuilt from the ideas). */
enum status dupes_index_save(const struct dupes_index *ix, const char *path, struct err *e);
enum status dupes_index_load(const char *path, struct dupes_index **ix, struct err *e);

/* Bytes of memory the index holds, slack included: incremental growth leaves some (arrays
 * grown by doubling, postings moved as they grow, removed ideas kept until the next save);
 * a saved and loaded index has none. The buffers of a running query are not counted. */
size_t dupes_index_bytes(const struct dupes_index *ix);

/* For tests, the benchmark and the training script. */
struct dupes_tuning {
	int exhaustive_below;   /* score every idea in scope when there are fewer than this */
	int candidates;         /* candidates from the postings that are scored exactly */
	int budget;             /* postings read per query, at most */
};
void dupes_index_get_tuning(const struct dupes_index *ix, struct dupes_tuning *t);
void dupes_index_set_tuning(struct dupes_index *ix, const struct dupes_tuning *t);

/* The pair features the model combines (DUPES_NFEAT of them, named by dupes_feature_name),
 * for the training script. */
#define DUPES_NFEAT 10
const char *dupes_feature_name(int i);
bool dupes_index_pair_features(const struct dupes_index *ix, int64_t a, int64_t b,
			       double f[DUPES_NFEAT]);

#endif
