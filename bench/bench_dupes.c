/* The duplicate engine's benchmark and its training program.
 *
 *   bench_dupes [--threads N] [--queries Q] [--candidates C --budget B] IDEAS.tsv
 *   bench_dupes [--threads N] [--queries Q] [--candidates C --budget B] --synthetic N SEED.tsv
 *       speed: build time, index bytes per idea (live and after a save and load), query
 *       median and p99 for a new idea among the pool, an all-pairs pass (10 candidates per
 *       idea) on N threads (default 2). IDEAS.tsv has the columns id, project, title, body;
 *       --synthetic makes a pool of N ideas by recombining the titles and bodies of SEED.tsv
 *       with random street names and house numbers.
 *   bench_dupes --eval IDEAS.tsv PAIRS.tsv
 *       quality of the compiled model: AP and F1 at DUPES_THRESHOLD over the labelled pairs,
 *       and the share of ideas with a dup_group mate among their 10 best candidates.
 *   bench_dupes --train IDEAS.tsv PAIRS.tsv
 *       fits the pair model (the weights in core/analysis/dupes.c) on the labelled pairs, with
 *       5-fold cross-validation grouped by duplicate group, and prints the figures and the
 *       weights to paste. Labels are read here and nowhere in the engine. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/analysis/dupes.h"
#include "core/analysis/tsv.h"

static void fatal(const char *msg)
{
	fprintf(stderr, "bench_dupes: %s\n", msg);
	exit(1);
}

static struct tsv read_tsv(const char *path)
{
	struct tsv t = { 0 };
	struct err e;

	if (tsv_read(path, &t, &e) != ST_OK)
		fatal(e.msg);
	return t;
}

static const char *field(const struct tsv *t, int row, const char *name)
{
	int c = tsv_col(t, name);

	return c >= 0 ? t->rows[row][c] : "";
}

/* Ideas get their row number + 1 as id; the file's ids are looked up by name. */
static int find_id(const struct tsv *t, const char *id)
{
	int c = tsv_col(t, "id");

	for (int i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i][c], id) == 0)
			return i;
	return -1;
}

static struct dupes_index *index_file(const struct tsv *t)
{
	struct dupes_index *ix = dupes_index_new();

	for (int i = 0; i < t->nrows; i++)
		dupes_index_add(ix, i + 1, atoll(field(t, i, "project")), field(t, i, "title"),
				field(t, i, "body"), AN_OTHER);
	return ix;
}

/* --- quality ------------------------------------------------------------------------------- */

struct scored {
	double s;
	int y;
};

static int by_score(const void *a, const void *b)
{
	double x = ((const struct scored *)a)->s, y = ((const struct scored *)b)->s;

	return x > y ? -1 : x < y;
}

static double average_precision(struct scored *v, int n)
{
	int pos = 0, seen = 0;
	double sum = 0;

	qsort(v, (size_t)n, sizeof(*v), by_score);
	for (int i = 0; i < n; i++)
		if (v[i].y) {
			seen++;
			sum += (double)seen / (i + 1);
		}
	for (int i = 0; i < n; i++)
		pos += v[i].y;
	return pos ? sum / pos : 0;
}

static double f1_at(const struct scored *v, int n, double t, double *prec, double *rec)
{
	int tp = 0, fp = 0, fn = 0;

	for (int i = 0; i < n; i++) {
		bool p = v[i].s >= t;

		tp += p && v[i].y;
		fp += p && !v[i].y;
		fn += !p && v[i].y;
	}
	*prec = tp + fp ? (double)tp / (tp + fp) : 0;
	*rec = tp + fn ? (double)tp / (tp + fn) : 0;
	return tp ? 2.0 * tp / (2.0 * tp + fp + fn) : 0;
}

struct pairs {
	int n;
	double (*f)[DUPES_NFEAT];
	int *y, *fold;
	double *w;      /* weight in training */
	int labelled;   /* the first ones come from the pairs file; the figures are over them */
};

static int fold_of(const struct tsv *ideas, int row)
{
	const char *g = field(ideas, row, "dup_group");

	if (!*g || !strcmp(g, "-"))
		g = field(ideas, row, "id");
	return (int)(an_hash(g, strlen(g), 7) % 5);
}

/* Besides the labelled pairs (mostly hard negatives), every pair of group mates and a
 * deterministic twentieth of the other pairs of the file: without them the model would learn
 * what the pairs file over-represents (say, that another language means a duplicate) rather
 * than what tells duplicates apart in a whole pool. */
static void add_pool_pairs(const struct tsv *ideas, const struct dupes_index *ix, struct pairs *v)
{
	int cap = v->n;

	for (int a = 0; a < ideas->nrows; a++)
		for (int b = a + 1; b < ideas->nrows; b++) {
			const char *ga = field(ideas, a, "dup_group"), *gb = field(ideas, b, "dup_group");
			bool mate = strcmp(ga, "-") && !strcmp(ga, gb);
			uint32_t h = (uint32_t)(a * 7919 + b) * 2654435761u;

			if (!mate && h % 20)
				continue;
			if (v->n == cap) {
				cap *= 2;
				v->f = realloc(v->f, (size_t)cap * sizeof(*v->f));
				v->y = realloc(v->y, (size_t)cap * sizeof(*v->y));
				v->fold = realloc(v->fold, (size_t)cap * sizeof(*v->fold));
				v->w = realloc(v->w, (size_t)cap * sizeof(*v->w));
			}
			dupes_index_pair_features(ix, a + 1, b + 1, v->f[v->n]);
			v->y[v->n] = mate;
			/* A pair crossing folds is left out of cross-validation (fold 5). */
			v->fold[v->n] = fold_of(ideas, a) == fold_of(ideas, b) ? fold_of(ideas, a) : 5;
			v->w[v->n] = 1;
			v->n++;
		}
}

static struct pairs pair_features(const struct tsv *ideas, const struct dupes_index *ix,
				  const char *path)
{
	struct tsv p = read_tsv(path);
	struct pairs v = { 0 };
	int ac, bc, lc;
	struct err e;

	if (tsv_need(&p, "a", &ac, &e) || tsv_need(&p, "b", &bc, &e) || tsv_need(&p, "label", &lc, &e))
		fatal(e.msg);
	v.f = calloc((size_t)p.nrows, sizeof(*v.f));
	v.y = calloc((size_t)p.nrows, sizeof(*v.y));
	v.fold = calloc((size_t)p.nrows, sizeof(*v.fold));
	v.w = calloc((size_t)p.nrows, sizeof(*v.w));
	for (int i = 0; i < p.nrows; i++) {
		int a = find_id(ideas, p.rows[i][ac]), b = find_id(ideas, p.rows[i][bc]);

		if (a < 0 || b < 0)
			fatal("a pair names an unknown idea");
		dupes_index_pair_features(ix, a + 1, b + 1, v.f[v.n]);
		v.y[v.n] = strcmp(p.rows[i][lc], "duplicate") == 0;
		/* Folds by duplicate group (or by the idea when it has none), so no group is both
		 * learnt from and scored. */
		v.fold[v.n] = fold_of(ideas, a);
		v.w[v.n] = 5;
		v.n++;
	}
	tsv_free(&p);
	v.labelled = v.n;
	return v;
}

/* --- logistic regression by Newton's method with an L2 penalty (not on the intercept) ---- */

#define NP (DUPES_NFEAT + 1)

static double dot(const double *w, const double *f)
{
	double z = w[DUPES_NFEAT];

	for (int i = 0; i < DUPES_NFEAT; i++)
		z += w[i] * f[i];
	return z;
}

static void solve(double a[NP][NP], double *b, double *x)
{
	for (int c = 0; c < NP; c++) {
		int p = c;

		for (int r = c + 1; r < NP; r++)
			if (fabs(a[r][c]) > fabs(a[p][c]))
				p = r;
		for (int k = 0; k < NP; k++) {
			double t = a[c][k];

			a[c][k] = a[p][k];
			a[p][k] = t;
		}
		double t = b[c];

		b[c] = b[p];
		b[p] = t;
		for (int r = c + 1; r < NP; r++) {
			double m = a[r][c] / a[c][c];

			for (int k = c; k < NP; k++)
				a[r][k] -= m * a[c][k];
			b[r] -= m * b[c];
		}
	}
	for (int c = NP - 1; c >= 0; c--) {
		double s = b[c];

		for (int k = c + 1; k < NP; k++)
			s -= a[c][k] * x[k];
		x[c] = s / a[c][c];
	}
}

/* Fit on the pairs whose fold is not skip (skip < 0: all), weighting the classes to balance;
 * lambda is the L2 penalty. Then move the intercept so the F1-best threshold on the training
 * pairs becomes 0.5. */
static void fit(const struct pairs *v, int skip, double lambda, double *w)
{

	double wpos = 0, wneg = 0;

	for (int i = 0; i < v->n; i++)
		if (v->fold[i] != skip)
			*(v->y[i] ? &wpos : &wneg) += v->w[i];
	memset(w, 0, NP * sizeof(*w));
	for (int it = 0; it < 50; it++) {
		double h[NP][NP] = { { 0 } }, g[NP] = { 0 }, step[NP];

		for (int i = 0; i < v->n; i++) {
			double x[NP], p, cw;

			if (v->fold[i] == skip)
				continue;
			memcpy(x, v->f[i], sizeof(v->f[i]));
			x[DUPES_NFEAT] = 1;
			p = 1 / (1 + exp(-dot(w, v->f[i])));
			/* Both classes weigh the same in total. */
			cw = v->w[i] * (v->y[i] ? (wpos + wneg) / (2.0 * wpos) : (wpos + wneg) / (2.0 * wneg));
			for (int a = 0; a < NP; a++) {
				g[a] += cw * (p - v->y[i]) * x[a];
				for (int b = 0; b < NP; b++)
					h[a][b] += cw * p * (1 - p) * x[a] * x[b];
			}
		}
		for (int a = 0; a < DUPES_NFEAT; a++) {
			g[a] += lambda * w[a];
			h[a][a] += lambda;
		}
		h[DUPES_NFEAT][DUPES_NFEAT] += 1e-9;
		solve(h, g, step);
		for (int a = 0; a < NP; a++)
			w[a] -= step[a];
	}
	/* The threshold: the F1-best on the training pairs. */
	struct scored *s = calloc((size_t)v->n, sizeof(*s));
	int m = 0;
	double best = 0, bt = 0.5, pr, rc;

	for (int i = 0; i < v->labelled; i++)
		if (v->fold[i] != skip)
			s[m++] = (struct scored){ 1 / (1 + exp(-dot(w, v->f[i]))), v->y[i] };
	for (int i = 0; i < m; i++) {
		double f = f1_at(s, m, s[i].s, &pr, &rc);

		if (f > best) {
			best = f;
			bt = s[i].s;
		}
	}
	/* Halfway to the next lower score, so the training cut does not sit on a pair. */
	double below = 0;

	for (int i = 0; i < m; i++)
		if (s[i].s < bt && s[i].s > below)
			below = s[i].s;
	bt = (bt + below) / 2;
	w[DUPES_NFEAT] -= log(bt / (1 - bt));
	free(s);
}

static void train(const char *ideas_path, const char *pairs_path)
{
	struct tsv ideas = read_tsv(ideas_path);
	struct dupes_index *ix = index_file(&ideas);
	struct pairs v = pair_features(&ideas, ix, pairs_path);
	struct scored *oof;

	add_pool_pairs(&ideas, ix, &v);
	oof = calloc((size_t)v.n, sizeof(*oof));
	double lambdas[] = { 0.01, 0.1, 1, 10 }, w[NP], pr, rc;

	int pos = 0;

	for (int i = 0; i < v.labelled; i++)
		pos += v.y[i];
	printf("labelled pairs: %d (%d duplicates); with the pool's pairs: %d\n", v.labelled, pos, v.n);
	/* Each feature alone, as a ranking: what the anchors (cosines) reach on the same pairs. */
	for (int k = 0; k < DUPES_NFEAT; k++) {
		for (int i = 0; i < v.labelled; i++)
			oof[i] = (struct scored){ v.f[i][k], v.y[i] };
		printf("  %-28s alone: AP %.3f\n", dupes_feature_name(k), average_precision(oof, v.labelled));
	}
	for (size_t l = 0; l < sizeof(lambdas) / sizeof(*lambdas); l++) {
		for (int k = 0; k < 5; k++) {
			fit(&v, k, lambdas[l], w);
			for (int i = 0; i < v.labelled; i++)
				if (v.fold[i] == k)
					oof[i] = (struct scored){ 1 / (1 + exp(-dot(w, v.f[i]))), v.y[i] };
		}
		double f1 = f1_at(oof, v.labelled, 0.5, &pr, &rc);

		printf("lambda %-5g 5-fold grouped CV on the labelled pairs: AP %.3f  F1@0.5 %.3f (P %.3f R %.3f)\n",
		       lambdas[l], average_precision(oof, v.labelled), f1, pr, rc);
	}
	fit(&v, -1, 1, w);
	printf("refit on every pair, lambda 1:\nstatic const double weights[DUPES_NFEAT] = {\n\t");
	for (int i = 0; i < DUPES_NFEAT; i++)
		printf("%.3f,%s", w[i], i == DUPES_NFEAT - 1 ? "\n" : " ");
	printf("};\nstatic const double intercept = %.3f;\n", w[DUPES_NFEAT]);
	for (int i = 0; i < DUPES_NFEAT; i++)
		printf("  %-28s %8.3f\n", dupes_feature_name(i), w[i]);
	dupes_index_free(ix);
	tsv_free(&ideas);
}

static void eval(const char *ideas_path, const char *pairs_path)
{
	struct tsv ideas = read_tsv(ideas_path);
	struct dupes_index *ix = index_file(&ideas);
	struct pairs v = pair_features(&ideas, ix, pairs_path);
	struct scored *s = calloc((size_t)v.n, sizeof(*s));
	struct dupes_hit hits[10];
	int with = 0, found = 0, pos = 0;
	double pr, rc, f1;

	for (int i = 0; i < v.n; i++) {
		s[i] = (struct scored){ 0, v.y[i] };
		pos += v.y[i];
	}
	/* Scores as the engine gives them (the features went through the same path). */
	{
		struct tsv p = read_tsv(pairs_path);
		int ac = tsv_col(&p, "a"), bc = tsv_col(&p, "b");

		for (int i = 0; i < p.nrows; i++)
			dupes_index_pair(ix, find_id(&ideas, p.rows[i][ac]) + 1,
					 find_id(&ideas, p.rows[i][bc]) + 1, &s[i].s, NULL);
		tsv_free(&p);
	}
	f1 = f1_at(s, v.n, DUPES_THRESHOLD, &pr, &rc);
	printf("pairs: %d (%d duplicates); AP %.3f; at %.2f: F1 %.3f (P %.3f R %.3f)\n", v.n, pos,
	       average_precision(s, v.n), DUPES_THRESHOLD, f1, pr, rc);
	for (int i = 0; i < ideas.nrows; i++) {
		const char *g = field(&ideas, i, "dup_group");
		bool mates = false, hit = false;
		int n;

		if (!*g || !strcmp(g, "-"))
			continue;
		for (int j = 0; j < ideas.nrows && !mates; j++)
			mates = j != i && !strcmp(field(&ideas, j, "dup_group"), g);
		if (!mates)
			continue;
		with++;
		n = dupes_index_query_id(ix, i + 1, DUPES_ANY_PROJECT, 10, 0, hits);
		for (int h = 0; h < n; h++)
			hit |= !strcmp(field(&ideas, (int)hits[h].id - 1, "dup_group"), g);
		found += hit;
	}
	printf("ideas with a dup_group mate: %d; a mate among the 10 best: %d (%.1f %%)\n", with, found,
	       with ? 100.0 * found / with : 0);
	dupes_index_free(ix);
	tsv_free(&ideas);
}

/* --- speed -------------------------------------------------------------------------------- */

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

static const char *const syl[] = { "Molen", "Kerk", "Linde", "Beuken", "Eiken", "Kaai", "Brug",
	"Veld", "Meers", "Heide", "Bos", "Water", "Schans", "Kapel", "Hoog", "Laag", "Zand", "Klooster",
	"Ros", "Groen", "Wind", "Dorp", "Beek", "Vijver", "Steen", "Hof", "Markt", "Leeuw", "Zwaluw",
	"Merel", "Berken", "Populier", "Wilgen", "Rozen", "Tulpen", "Spoor", "Station", "School" };
static const char *const suf[] = { "straat", "laan", "weg", "plein", "dreef", "hof", "pad",
	"kouter", "veld", "wijk" };

/* A new idea from the seed file: one idea's title, another's body, a place and a number. */
static void synth(const struct tsv *seed, char *title, size_t tn, char *body, size_t bn, int64_t *proj)
{
	int a = (int)rnd((uint32_t)seed->nrows), b = (int)rnd((uint32_t)seed->nrows);
	char street[64];

	snprintf(street, sizeof(street), "%s%s%s", syl[rnd(ARRAY_SIZE(syl))],
		 rnd(3) ? "" : syl[rnd(ARRAY_SIZE(syl))], suf[rnd(ARRAY_SIZE(suf))]);
	snprintf(title, tn, "%s", field(seed, a, "title"));
	snprintf(body, bn, "%s Ter hoogte van de %s %u.", field(seed, b, "body"), street, 1 + rnd(180));
	*proj = 1 + rnd(40);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static long all_count;

static void count_hits(void *ctx, int64_t id, const struct dupes_hit *hits, int n)
{
	(void)ctx;
	(void)id;
	(void)hits;
	all_count += n;
}

static struct dupes_tuning tuning = { 0 };

static void speed(const char *path, long synthetic, int threads, int queries)
{
	struct tsv t = read_tsv(path);
	struct dupes_index *ix = dupes_index_new(), *loaded;
	long n = synthetic ? synthetic : t.nrows;
	static char title[4096], body[16384];
	double *q = calloc((size_t)queries, sizeof(*q));
	struct dupes_hit hits[10];
	struct err e;
	int64_t t0 = now_us(), proj;
	char file[] = "/tmp/bench_dupes.XXXXXX";
	/* An exhaustive query costs seconds in a million: fewer of them there. */
	int recall = n > 200000 ? 10 : 100;
	int fd, exhaustive, recall_hits = 0, recall_all = 0, top1 = 0, top1_all = 0;

	for (long i = 0; i < n; i++) {
		if (synthetic) {
			synth(&t, title, sizeof(title), body, sizeof(body), &proj);
			dupes_index_add(ix, i + 1, proj, title, body, AN_OTHER);
		} else {
			dupes_index_add(ix, atoll(field(&t, (int)i, "id")), atoll(field(&t, (int)i, "project")),
					field(&t, (int)i, "title"), field(&t, (int)i, "body"), AN_OTHER);
		}
		if ((i + 1) % 100000 == 0)
			fprintf(stderr, "  %ld ideas, %.1f s\n", i + 1, (double)(now_us() - t0) / 1e6);
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("pool: %zu ideas; built in %.1f s (%.1f us per idea)\n", dupes_index_count(ix),
	       (double)(now_us() - t0) / 1e6, (double)(now_us() - t0) / (double)n);
	printf("index: %.0f bytes per idea while growing\n", (double)dupes_index_bytes(ix) / (double)n);
	fd = mkstemp(file);
	if (fd >= 0)
		close(fd);
	t0 = now_us();
	if (dupes_index_save(ix, file, &e) != ST_OK)
		fatal(e.msg);
	printf("saved in %.2f s; ", (double)(now_us() - t0) / 1e6);
	t0 = now_us();
	if (dupes_index_load(file, &loaded, &e) != ST_OK)
		fatal(e.msg);
	printf("loaded in %.2f s: %.0f bytes per idea\n", (double)(now_us() - t0) / 1e6,
	       (double)dupes_index_bytes(loaded) / (double)n);
	unlink(file);
	dupes_index_free(ix);
	ix = loaded;
	if (tuning.candidates) {
		struct dupes_tuning d;

		dupes_index_get_tuning(ix, &d);
		d.candidates = tuning.candidates;
		d.budget = tuning.budget ? tuning.budget : d.budget;
		dupes_index_set_tuning(ix, &d);
	}
	dupes_index_get_tuning(ix, &tuning);
	exhaustive = tuning.exhaustive_below;
	printf("tuning: %d candidates scored exactly, %d postings at most\n", tuning.candidates,
	       tuning.budget);
	/* New ideas of the same kind, not in the pool; for the first 100, what the exhaustive
	 * search finds too (recall of the candidate stage). */
	for (int i = 0; i < queries; i++) {
		int64_t s;
		int r = (int)rnd((uint32_t)t.nrows), nh, nx;
		struct dupes_hit exact[10];

		if (synthetic)
			synth(&t, title, sizeof(title), body, sizeof(body), &proj);
		else
			snprintf(title, sizeof(title), "%s", field(&t, r, "title")),
			snprintf(body, sizeof(body), "%s Graag snel.", field(&t, r, "body"));
		s = now_us();
		nh = dupes_index_query(ix, title, body, AN_OTHER, DUPES_ANY_PROJECT, 10, DUPES_REASONS_TOO, hits);
		q[i] = (double)(now_us() - s) / 1000;
		if (i >= recall)
			continue;
		tuning.exhaustive_below = INT32_MAX;
		dupes_index_set_tuning(ix, &tuning);
		nx = dupes_index_query(ix, title, body, AN_OTHER, DUPES_ANY_PROJECT, 10, 0, exact);
		tuning.exhaustive_below = exhaustive;
		dupes_index_set_tuning(ix, &tuning);
		/* By score at each rank: the demo texts repeat, and ties make ids arbitrary. */
		for (int a = 0; a < nx; a++)
			recall_hits += a < nh && hits[a].score >= exact[a].score - 1e-3;
		recall_all += nx;
		top1 += nx && nh && hits[0].score >= exact[0].score - 1e-3;
		top1_all += nx > 0;
	}
	qsort(q, (size_t)queries, sizeof(*q), cmp_double);
	printf("query (10 best among all %ld, with reasons): median %.2f ms, p99 %.2f ms\n", n,
	       q[queries / 2], q[queries * 99 / 100]);
	printf("candidate stage against an exhaustive search (%d queries): the same score at %.1f %% "
	       "of the ranks of the exact top 10, at rank 1 in %.1f %%\n", recall < queries ? recall : queries, recall_all ? 100.0 * recall_hits / recall_all : 0,
	       top1_all ? 100.0 * top1 / top1_all : 0);
	t0 = now_us();
	dupes_index_all(ix, 10, false, threads, count_hits, NULL);
	printf("all pairs (10 best of each among all), %d threads: %.1f s, %ld candidates\n", threads,
	       (double)(now_us() - t0) / 1e6, all_count);
	t0 = now_us();
	all_count = 0;
	dupes_index_all(ix, 10, true, threads, count_hits, NULL);
	printf("all pairs within each project, %d threads: %.1f s, %ld candidates\n", threads,
	       (double)(now_us() - t0) / 1e6, all_count);
	free(q);
	dupes_index_free(ix);
	tsv_free(&t);
}

int main(int argc, char **argv)
{
	int threads = 2, queries = 1000, i = 1;
	long synthetic = 0;

	for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
		if (!strcmp(argv[i], "--train") && i + 2 < argc) {
			train(argv[i + 1], argv[i + 2]);
			return 0;
		}
		if (!strcmp(argv[i], "--eval") && i + 2 < argc) {
			eval(argv[i + 1], argv[i + 2]);
			return 0;
		}
		if (!strcmp(argv[i], "--threads") && i + 1 < argc)
			threads = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--queries") && i + 1 < argc)
			queries = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--candidates") && i + 1 < argc)
			tuning.candidates = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--budget") && i + 1 < argc)
			tuning.budget = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--synthetic") && i + 1 < argc)
			synthetic = atol(argv[++i]);
		else
			fatal("unknown option; see the comment at the top of bench/bench_dupes.c");
	}
	if (i != argc - 1 || queries < 1)
		fatal("usage: bench_dupes [--threads N] [--queries Q] [--synthetic N] IDEAS.tsv\n"
		    "       bench_dupes --train|--eval IDEAS.tsv PAIRS.tsv");
	speed(argv[i], synthetic, threads, queries);
	return 0;
}
