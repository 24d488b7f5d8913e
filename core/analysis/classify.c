#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/analysis/classify.h"
#include "core/analysis/linear.h"
#include "core/i18n.h"
#include "core/util.h"

/* Defaults chosen by cross-validation on the development sets (bench/analysis/anchors.py),
 * one per kind: the regularisation, and how strongly the naive Bayes ratio scales each
 * feature (see nb_scale). Family weights likewise. None of them names a word. */
static const double default_c[CLS_DEPARTMENT + 1] = { [CLS_SPAM] = 16, [CLS_DEPARTMENT] = 8 };
static const double nb_power[CLS_DEPARTMENT + 1] = { [CLS_SPAM] = 1, [CLS_DEPARTMENT] = 0.5 };
#define DEFAULT_SEED 20261201u
#define KEYWORD_WEIGHT 1.0
/* The smoothing of the naive Bayes ratio: one pseudo-document per feature and label. */
#define NB_ALPHA 1.0

/* Each family's share of a text's vector, after each is normalised to unit length. The
 * character n-grams weigh most: they carry misspellings, compounds and inflections that
 * neither words nor stems catch, in every language. */
static const float family_weight[CLS_DEPARTMENT + 1][AN_FAMILIES] = {
	[CLS_SPAM] = {
		[AN_FAM_WORD] = 1, [AN_FAM_STEM] = 0.5f, [AN_FAM_PAIR] = 0.5f, [AN_FAM_CHAR] = 2,
		[AN_FAM_LANG] = 0.3f, [AN_FAM_SIGNAL] = 1,
	},
	[CLS_DEPARTMENT] = {
		[AN_FAM_WORD] = 1, [AN_FAM_STEM] = 0.5f, [AN_FAM_PAIR] = 0.5f, [AN_FAM_CHAR] = 2,
		[AN_FAM_LANG] = 0, [AN_FAM_SIGNAL] = 0,
	},
};

/* What the behaviour signals weigh before any verdict on them: the seed data has no
 * behaviour, so without a prior they would weigh nothing until moderators have judged posts
 * that have it. Verdicts move them from here (the penalty pulls towards the prior). The
 * same text from three or more accounts alone makes a post more likely spam than not. */
static double behaviour_prior(enum an_signal s)
{
	switch (s) {
	case AN_SIG_SAME_TEXT:
		return 3.0;
	case AN_SIG_BURST:
		return 1.5;
	case AN_SIG_NEW_ACCOUNT:
		return 0.5;
	case AN_SIG_NEW_AND_BURST:
		return 1.5;
	default:
		return 0;
	}
}

/* Keys and the index of each, in an open-addressing table. */
struct keytab {
	uint32_t *key;
	int n, cap;
	int32_t *slot;
	uint32_t mask;
};

static void keytab_rehash(struct keytab *t, uint32_t size)
{
	free(t->slot);
	t->slot = xmalloc(size * sizeof(*t->slot));
	memset(t->slot, 0xff, size * sizeof(*t->slot));
	t->mask = size - 1;
	for (int i = 0; i < t->n; i++) {
		uint32_t h = t->key[i] * 0x9e3779b1u;

		while (t->slot[h & t->mask] >= 0)
			h++;
		t->slot[h & t->mask] = i;
	}
}

static int keytab_find(const struct keytab *t, uint32_t key)
{
	if (!t->slot)
		return -1;
	for (uint32_t h = key * 0x9e3779b1u;; h++) {
		int32_t s = t->slot[h & t->mask];

		if (s < 0 || t->key[s] == key)
			return s;
	}
}

/* The index of key, added at the end when new. */
static int keytab_add(struct keytab *t, uint32_t key)
{
	int k = keytab_find(t, key);
	uint32_t h;

	if (k >= 0)
		return k;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 4096;
		t->key = xreallocarray(t->key, (size_t)t->cap, sizeof(*t->key));
	}
	t->key[t->n++] = key;
	if ((uint32_t)t->n * 2 > (t->slot ? t->mask + 1 : 0)) {
		keytab_rehash(t, t->slot ? (t->mask + 1) * 2 : 8192);
		return t->n - 1;
	}
	for (h = key * 0x9e3779b1u; t->slot[h & t->mask] >= 0; h++)
		;
	t->slot[h & t->mask] = t->n - 1;
	return t->n - 1;
}

static void keytab_free(struct keytab *t)
{
	free(t->key);
	free(t->slot);
	memset(t, 0, sizeof(*t));
}

struct cls_model {
	enum cls_kind kind;
	char *version;
	int nlabels, positive, nvec;  /* nvec: 1 for two labels, else nlabels */
	char **labels;
	float famw[AN_FAMILIES];
	struct keytab feats;          /* the features the model knows: keys */
	int nfeat;                    /* feats.n */
	uint8_t *fam;                 /* per feature */
	float *idf;
	float *w;                     /* per feature, nvec each */
	float *bias;                  /* nvec */
};

static unsigned feat_flags(enum cls_kind kind)
{
	return kind == CLS_SPAM ? AN_FEAT_SIGNALS : 0;
}

/* --- a text as the model sees it ----------------------------------------------------------- */

/* Turn counts into weights, in place: sublinear TF-IDF, each family scaled to the length the
 * model gives it; signals keep their value (in [0, 1]) times the family weight. */
static void weigh(const float famw[AN_FAMILIES], const uint8_t *fam, const float *idf,
		  const int32_t *idx, float *val, int n)
{
	double sq[AN_FAMILIES] = { 0 }, scale[AN_FAMILIES];

	for (int i = 0; i < n; i++) {
		int f = fam[idx[i]];
		double v = f == AN_FAM_SIGNAL ? val[i] : (1 + log(val[i])) * idf[idx[i]];

		sq[f] += v * v;
		val[i] = (float)v;
	}
	for (int f = 0; f < AN_FAMILIES; f++)
		scale[f] = f == AN_FAM_SIGNAL ? famw[f] : sq[f] > 0 ? famw[f] / sqrt(sq[f]) : 0;
	for (int i = 0; i < n; i++)
		val[i] = (float)(val[i] * scale[fam[idx[i]]]);
}

/* A text's known features as (feature, weight), with the an_feats entry each came from. */
struct xvec {
	int n;
	int32_t *idx;
	float *val;
	int *from;
};

static void model_vector(const struct cls_model *m, const struct an_feats *fs, struct xvec *x)
{
	x->n = 0;
	x->idx = xmalloc((size_t)(fs->n + 1) * sizeof(*x->idx));
	x->val = xmalloc((size_t)(fs->n + 1) * sizeof(*x->val));
	x->from = xmalloc((size_t)(fs->n + 1) * sizeof(*x->from));
	for (int i = 0; i < fs->n; i++) {
		int k = keytab_find(&m->feats, fs->f[i].key);

		if (k < 0 || m->famw[m->fam[k]] == 0)
			continue;
		x->idx[x->n] = k;
		x->val[x->n] = fs->f[i].count;
		x->from[x->n] = i;
		x->n++;
	}
	weigh(m->famw, m->fam, m->idf, x->idx, x->val, x->n);
}

static void xvec_free(struct xvec *x)
{
	free(x->idx);
	free(x->val);
	free(x->from);
}

static double sigmoid(double t)
{
	return t >= 0 ? 1 / (1 + exp(-t)) : exp(t) / (1 + exp(t));
}

/* The log-odds of every vector. */
static void margins(const struct cls_model *m, const struct xvec *x, double *out)
{
	for (int v = 0; v < m->nvec; v++)
		out[v] = m->bias[v];
	for (int i = 0; i < x->n; i++) {
		const float *w = m->w + (size_t)x->idx[i] * (size_t)m->nvec;

		for (int v = 0; v < m->nvec; v++)
			out[v] += (double)w[v] * x->val[i];
	}
}

static int probabilities(const struct cls_model *m, const double *mg, double *p)
{
	int best = 0;

	if (m->nvec == 1) {
		double s = sigmoid(mg[0]);

		p[m->positive] = s;
		p[1 - m->positive] = 1 - s;
		return s >= 0.5 ? m->positive : 1 - m->positive;
	}
	/* One against the rest: each vector's probability, normalised over the labels. */
	{
		double sum = 0;

		for (int v = 0; v < m->nvec; v++) {
			p[v] = sigmoid(mg[v]);
			sum += p[v];
			if (mg[v] > mg[best])
				best = v;
		}
		for (int v = 0; v < m->nvec; v++)
			p[v] = sum > 0 ? p[v] / sum : 1.0 / m->nvec;
	}
	return best;
}

int cls_predict(const struct cls_model *m, const char *text, const struct an_behaviour *b,
		double *p)
{
	struct an_feats fs;
	struct xvec x;
	double *mg = xmalloc((size_t)m->nvec * sizeof(*mg));
	double *pp = p ? p : xmalloc((size_t)m->nlabels * sizeof(*pp));
	int best;

	an_feats_init(&fs);
	an_feats_extract(&fs, text, b, feat_flags(m->kind));
	model_vector(m, &fs, &x);
	margins(m, &x, mg);
	best = probabilities(m, mg, pp);
	xvec_free(&x);
	an_feats_free(&fs);
	free(mg);
	if (pp != p)
		free(pp);
	return best;
}

double cls_score(const struct cls_model *m, const char *text, const struct an_behaviour *b)
{
	double *p = xmalloc((size_t)m->nlabels * sizeof(*p)), s;

	cls_predict(m, text, b, p);
	s = m->positive >= 0 ? p[m->positive] : p[0];
	free(p);
	return s;
}

const char *cls_version(const struct cls_model *m)
{
	return m->version;
}

enum cls_kind cls_kind(const struct cls_model *m)
{
	return m->kind;
}

int cls_nlabels(const struct cls_model *m)
{
	return m->nlabels;
}

const char *cls_label(const struct cls_model *m, int i)
{
	return i >= 0 && i < m->nlabels ? m->labels[i] : NULL;
}

int cls_positive(const struct cls_model *m)
{
	return m->kind == CLS_SPAM ? m->positive : -1;
}

void cls_free(struct cls_model *m)
{
	if (!m)
		return;
	for (int i = 0; i < m->nlabels; i++)
		free(m->labels[i]);
	free(m->labels);
	free(m->version);
	keytab_free(&m->feats);
	free(m->fam);
	free(m->idf);
	free(m->w);
	free(m->bias);
	free(m);
}

/* --- training ------------------------------------------------------------------------------ */

/* The version: the kind, then a 64-bit hash of everything training read. Numbers are hashed
 * as text so that the same data gives the same version on every machine. */
struct vhash {
	uint32_t a, b;
};

static void vh_add(struct vhash *h, const void *p, size_t n)
{
	h->a = an_hash(p, n, h->a);
	h->b = an_hash(p, n, h->b ^ 0x5bd1e995u);
}

static void vh_str(struct vhash *h, const char *s)
{
	s = s ? s : "";
	vh_add(h, s, strlen(s) + 1);
}

static void vh_num(struct vhash *h, double d)
{
	char buf[40];

	snprintf(buf, sizeof(buf), "%.17g", d);
	vh_str(h, buf);
}

/* One training text: an example or a keyword. */
struct doc {
	const char *text;
	int label;
	double weight;
	const struct an_behaviour *b;
};

static bool no_label(const char *l)
{
	return !l || !*l || strcmp(l, "-") == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int find_label(char **labels, int n, const char *l)
{
	char **hit = bsearch(&l, labels, (size_t)n, sizeof(*labels), cmp_str);

	return hit ? (int)(hit - labels) : -1;
}

/* Distinct labels of examples and keywords, sorted so that the order does not depend on the
 * order of the data. */
static char **collect_labels(const struct cls_example *ex, int n, const struct cls_keywords *kw,
			     int nkw, int *nout)
{
	char **l = xmalloc(((size_t)n + (size_t)nkw + 1) * sizeof(*l));
	int k = 0, out = 0;

	for (int i = 0; i < n; i++)
		if (!no_label(ex[i].label))
			l[k++] = (char *)ex[i].label;
	for (int i = 0; i < nkw; i++)
		if (!no_label(kw[i].label))
			l[k++] = (char *)kw[i].label;
	qsort(l, (size_t)k, sizeof(*l), cmp_str);
	for (int i = 0; i < k; i++)
		if (!out || strcmp(l[out - 1], l[i]) != 0)
			l[out++] = l[i];
	for (int i = 0; i < out; i++)
		l[i] = xstrdup(l[i]);
	*nout = out;
	return l;
}

/* Keyword lists as texts: each keyword alone, then all of them together. */
static int keyword_docs(const struct cls_keywords *kw, int nkw, char **labels, int nlabels,
			struct doc **docs, int nd, char ***owned, int *nowned)
{
	for (int i = 0; i < nkw; i++) {
		int label = no_label(kw[i].label) ? -1 : find_label(labels, nlabels, kw[i].label);
		char *all = xstrdup(kw[i].words ? kw[i].words : ""), *save = NULL;
		int words = 0;

		if (label < 0) {
			free(all);
			continue;
		}
		for (char *w = strtok_r(all, ",;\n", &save); w; w = strtok_r(NULL, ",;\n", &save)) {
			while (*w == ' ')
				w++;
			if (!*w)
				continue;
			*docs = xreallocarray(*docs, (size_t)nd + 2, sizeof(**docs));
			*owned = xreallocarray(*owned, (size_t)*nowned + 2, sizeof(**owned));
			(*owned)[(*nowned)++] = xstrdup(w);
			(*docs)[nd++] = (struct doc){ (*owned)[*nowned - 1], label, KEYWORD_WEIGHT, NULL };
			words++;
		}
		free(all);
		if (words > 1) {
			*docs = xreallocarray(*docs, (size_t)nd + 1, sizeof(**docs));
			*owned = xreallocarray(*owned, (size_t)*nowned + 1, sizeof(**owned));
			(*owned)[(*nowned)++] = xstrdup(kw[i].words);
			(*docs)[nd++] = (struct doc){ (*owned)[*nowned - 1], label, KEYWORD_WEIGHT, NULL };
		}
	}
	return nd;
}

/* The training texts' features, counted: entries [start[d], start[d+1]) of doc d. */
struct counts {
	struct keytab voc;
	int voc_cap;      /* of fam and df */
	uint8_t *fam;
	int *df;
	int64_t *start, len, cap;
	int32_t *idx;
	float *cnt;
};

static void counts_add_key(struct counts *c, uint32_t key, int fam, int *k)
{
	int before = c->voc.n;

	*k = keytab_add(&c->voc, key);
	if (c->voc.n > before) {
		if (c->voc_cap < c->voc.cap) {
			c->voc_cap = c->voc.cap;
			c->fam = xreallocarray(c->fam, (size_t)c->voc_cap, sizeof(*c->fam));
			c->df = xreallocarray(c->df, (size_t)c->voc_cap, sizeof(*c->df));
		}
		c->fam[*k] = (uint8_t)fam;
		c->df[*k] = 0;
	}
}

static void count_docs(const struct doc *docs, int nd, enum cls_kind kind,
		       const float famw[AN_FAMILIES], struct counts *c)
{
	struct an_feats fs;

	memset(c, 0, sizeof(*c));
	c->start = xmalloc(((size_t)nd + 1) * sizeof(*c->start));
	an_feats_init(&fs);
	if (kind == CLS_SPAM)
		for (int s = 0; s < AN_SIGNAL_COUNT; s++) {
			int k;

			counts_add_key(c, an_signal_key((enum an_signal)s), AN_FAM_SIGNAL, &k);
		}
	for (int d = 0; d < nd; d++) {
		c->start[d] = c->len;
		an_feats_extract(&fs, docs[d].text, docs[d].b, feat_flags(kind));
		if (c->len + fs.n > c->cap) {
			c->cap = (c->len + fs.n) * 2;
			c->idx = xreallocarray(c->idx, (size_t)c->cap, sizeof(*c->idx));
			c->cnt = xreallocarray(c->cnt, (size_t)c->cap, sizeof(*c->cnt));
		}
		for (int i = 0; i < fs.n; i++) {
			int k;

			if (famw[fs.f[i].fam] == 0)
				continue;
			counts_add_key(c, fs.f[i].key, fs.f[i].fam, &k);
			c->df[k]++;
			c->idx[c->len] = k;
			c->cnt[c->len++] = fs.f[i].count;
		}
	}
	c->start[nd] = c->len;
	an_feats_free(&fs);
}

static void counts_free(struct counts *c)
{
	keytab_free(&c->voc);
	free(c->fam);
	free(c->df);
	free(c->start);
	free(c->idx);
	free(c->cnt);
}

/* Scale each feature by how unevenly it is spread over the labels: the naive Bayes log-count
 * ratio of Wang and Manning ("Baselines and bigrams", ACL 2012), to the power given; for
 * more than two labels the largest ratio of a label against the rest. The regression then
 * spends its weight on features that tell labels apart rather than on frequent ones that do
 * not, which matters most with few examples. Signals keep their scale: they are few and
 * carry priors. The scale is folded into the IDF, so scoring costs nothing more. */
static void nb_scale(const struct counts *cn, const struct doc *docs, int nd, int nlabels,
		     const int *remap, double power, float *idf)
{
	int nv = cn->voc.n, nvec = nlabels == 2 ? 1 : nlabels;
	double *dfl, *tot, all = 0, *scale;

	if (power <= 0 || nv == 0)
		return;
	dfl = xcalloc((size_t)nlabels * (size_t)nv, sizeof(*dfl));
	tot = xcalloc((size_t)nlabels, sizeof(*tot));
	scale = xcalloc((size_t)nv, sizeof(*scale));
	for (int d = 0; d < nd; d++)
		for (int64_t k = cn->start[d]; k < cn->start[d + 1]; k++)
			dfl[(size_t)docs[d].label * (size_t)nv + (size_t)cn->idx[k]] += 1;
	for (int l = 0; l < nlabels; l++) {
		for (int k = 0; k < nv; k++)
			tot[l] += dfl[(size_t)l * (size_t)nv + (size_t)k];
		all += tot[l];
	}
	for (int l = 0; l < nvec; l++) {
		double in = tot[l] + NB_ALPHA * nv, out = all - tot[l] + NB_ALPHA * nv;

		for (int k = 0; k < nv; k++) {
			double a = dfl[(size_t)l * (size_t)nv + (size_t)k], b = cn->df[k] - a;
			double r = fabs(log(((a + NB_ALPHA) / in) / ((b + NB_ALPHA) / out)));

			if (r > scale[k])
				scale[k] = r;
		}
	}
	for (int k = 0; k < nv; k++)
		if (cn->fam[k] != AN_FAM_SIGNAL)
			idf[remap[k]] *= (float)pow(scale[k], power);
	free(dfl);
	free(tot);
	free(scale);
}

enum status cls_train(const struct cls_params *p, const struct cls_example *ex, int n,
		      const struct cls_keywords *kw, int nkw, struct cls_model **out, struct err *e)
{
	struct cls_model *m;
	struct doc *docs = NULL;
	char **owned = NULL;
	int nd = 0, nowned = 0, ncol;
	double c = p->c > 0 ? p->c : default_c[p->kind];
	uint64_t seed = p->seed ? p->seed : DEFAULT_SEED;
	struct counts cn;
	struct lin_rows rows;
	double *w, *prior = NULL, *cost;
	signed char *y;
	int *remap;
	struct vhash vh = { 0x12345678u, 0x9abcdef0u };

	*out = NULL;
	m = xcalloc(1, sizeof(*m));
	m->kind = p->kind;
	m->positive = -1;
	memcpy(m->famw, family_weight[p->kind], sizeof(m->famw));
	m->labels = collect_labels(ex, n, kw, nkw, &m->nlabels);
	if (m->nlabels < 2) {
		err_set(e, m->nlabels ? _("only one label (%s): training needs examples of two labels at least")
				      : _("no labelled examples to train on"), m->nlabels ? m->labels[0] : "");
		cls_free(m);
		return ST_INVALID;
	}
	if (p->kind == CLS_SPAM && m->nlabels > 2) {
		err_set(e, _("%d labels (%s, %s, %s, ...): a spam score needs exactly two"), m->nlabels,
			m->labels[0], m->labels[1], m->labels[2]);
		cls_free(m);
		return ST_INVALID;
	}
	m->nvec = m->nlabels == 2 ? 1 : m->nlabels;

	/* The texts, and the version from all of them. */
	docs = xmalloc(((size_t)n + 1) * sizeof(*docs));
	for (int i = 0; i < n; i++) {
		if (no_label(ex[i].label))
			continue;
		docs[nd++] = (struct doc){ ex[i].text ? ex[i].text : "", find_label(m->labels, m->nlabels, ex[i].label),
					   ex[i].weight > 0 ? ex[i].weight : 1, ex[i].behaviour };
	}
	nd = keyword_docs(kw, nkw, m->labels, m->nlabels, &docs, nd, &owned, &nowned);

	if (m->nvec == 1) {
		int tot[2] = { 0, 0 };

		/* Rarer by the number of examples, not by their weights: a moderator's verdicts
		 * weigh more than seed data, and that must not turn the score around. */
		for (int d = 0; d < nd; d++)
			tot[docs[d].label]++;
		if (p->positive) {
			m->positive = find_label(m->labels, 2, p->positive);
			if (m->positive < 0) {
				err_set(e, _("the positive label %s is not one of the labels (%s, %s)"), p->positive,
					m->labels[0], m->labels[1]);
				goto fail;
			}
		} else {
			/* The rarer label is what a moderator looks for; on a tie, the second. */
			m->positive = tot[0] < tot[1] ? 0 : 1;
		}
	}
	vh_str(&vh, p->kind == CLS_SPAM ? "spam" : "department");
	vh_num(&vh, c);
	vh_num(&vh, (double)seed);
	vh_num(&vh, m->positive);
	for (int d = 0; d < nd; d++) {
		vh_str(&vh, docs[d].text);
		vh_str(&vh, m->labels[docs[d].label]);
		vh_num(&vh, docs[d].weight);
		if (docs[d].b) {
			vh_num(&vh, docs[d].b->same_text_accounts);
			vh_num(&vh, docs[d].b->posts_last_hour);
			vh_num(&vh, docs[d].b->account_age_days);
		}
	}
	m->version = xasprintf("%s:%08x%08x", p->kind == CLS_SPAM ? "spam-lr-2" : "department-lr-2",
			       (unsigned)vh.a, (unsigned)vh.b);

	/* Features: the vocabulary of the training texts, document frequencies, IDF. */
	count_docs(docs, nd, p->kind, m->famw, &cn);
	remap = xmalloc(((size_t)cn.voc.n + 1) * sizeof(*remap));
	m->fam = xmalloc(((size_t)cn.voc.n + 1) * sizeof(*m->fam));
	m->idf = xmalloc(((size_t)cn.voc.n + 1) * sizeof(*m->idf));
	for (int k = 0; k < cn.voc.n; k++) {
		int nk = keytab_add(&m->feats, cn.voc.key[k]);

		remap[k] = nk;
		m->fam[nk] = cn.fam[k];
		m->idf[nk] = cn.fam[k] == AN_FAM_SIGNAL ? 1.0f :
			     (float)(log((1.0 + nd) / (1.0 + cn.df[k])) + 1);
	}
	nb_scale(&cn, docs, nd, m->nlabels, remap, nb_power[p->kind], m->idf);
	m->nfeat = m->feats.n;
	ncol = m->nfeat + 1; /* and the bias */

	/* The rows: each text's weighted vector and a constant 1 for the bias. */
	rows.n = nd;
	rows.ncol = ncol;
	rows.start = xmalloc(((size_t)nd + 1) * sizeof(*rows.start));
	rows.col = xmalloc(((size_t)cn.len + (size_t)nd + 1) * sizeof(*rows.col));
	rows.val = xmalloc(((size_t)cn.len + (size_t)nd + 1) * sizeof(*rows.val));
	{
		int64_t at = 0;

		for (int d = 0; d < nd; d++) {
			int64_t from = at;

			rows.start[d] = at;
			for (int64_t k = cn.start[d]; k < cn.start[d + 1]; k++)
				if (remap[cn.idx[k]] >= 0) {
					rows.col[at] = remap[cn.idx[k]];
					rows.val[at++] = cn.cnt[k];
				}
			weigh(m->famw, m->fam, m->idf, rows.col + from, rows.val + from, (int)(at - from));
			rows.col[at] = m->nfeat;
			rows.val[at++] = 1;
		}
		rows.start[nd] = at;
	}
	counts_free(&cn);
	free(remap);

	/* One logistic regression per vector. */
	m->w = xcalloc((size_t)m->nfeat * (size_t)m->nvec + 1, sizeof(*m->w));
	m->bias = xcalloc((size_t)m->nvec, sizeof(*m->bias));
	w = xmalloc((size_t)ncol * sizeof(*w));
	y = xmalloc((size_t)nd + 1);
	cost = xmalloc(((size_t)nd + 1) * sizeof(*cost));
	if (p->kind == CLS_SPAM) {
		prior = xcalloc((size_t)ncol, sizeof(*prior));
		for (int s = 0; s < AN_SIGNAL_COUNT; s++) {
			int k = keytab_find(&m->feats, an_signal_key((enum an_signal)s));

			if (k >= 0)
				prior[k] = behaviour_prior((enum an_signal)s) / (m->famw[AN_FAM_SIGNAL] ? m->famw[AN_FAM_SIGNAL] : 1);
		}
	}
	for (int v = 0; v < m->nvec; v++) {
		int target = m->nvec == 1 ? m->positive : v;
		double tot[2] = { 0, 0 };
		struct lin_problem lp = {
			.x = &rows, .y = y, .cost = cost, .prior = prior,
			.seed = seed + (uint64_t)v, .tol = 0.1, .max_epochs = 60,
		};

		for (int d = 0; d < nd; d++) {
			y[d] = docs[d].label == target ? 1 : -1;
			tot[y[d] > 0] += docs[d].weight;
		}
		for (int d = 0; d < nd; d++) {
			/* Both sides weigh the same in total, so the rarer label (or, against the
			 * rest, a small department) is not drowned. */
			double balance = (tot[0] + tot[1]) / (2 * tot[y[d] > 0]);

			cost[d] = c * docs[d].weight * balance;
		}
		lin_train(&lp, w);
		for (int k = 0; k < m->nfeat; k++)
			m->w[(size_t)k * (size_t)m->nvec + (size_t)v] = (float)w[k];
		m->bias[v] = (float)w[m->nfeat];
	}
	free(w);
	free(y);
	free(cost);
	free(prior);
	free(rows.start);
	free(rows.col);
	free(rows.val);
	for (int i = 0; i < nowned; i++)
		free(owned[i]);
	free(owned);
	free(docs);
	*out = m;
	return ST_OK;
fail:
	for (int i = 0; i < nowned; i++)
		free(owned[i]);
	free(owned);
	free(docs);
	cls_free(m);
	return ST_INVALID;
}

/* --- reasons ------------------------------------------------------------------------------- */

static int cmp_reason(const void *a, const void *b)
{
	const struct cls_reason *x = a, *y = b;

	if (x->weight != y->weight)
		return x->weight < y->weight ? 1 : -1;
	return strcmp(x->what, y->what);
}

static int signal_of_key(uint32_t key)
{
	for (int s = 0; s < AN_SIGNAL_COUNT; s++)
		if (an_signal_key((enum an_signal)s) == key)
			return s;
	return -1;
}

static void signal_reason(enum an_signal s, const struct an_behaviour *b, char *buf, size_t len)
{
	const char *fmt = _(an_signal_reason(s));

	if (s == AN_SIG_SAME_TEXT && b)
		snprintf(buf, len, fmt, b->same_text_accounts + 1);
	else if (s == AN_SIG_BURST && b)
		snprintf(buf, len, fmt, b->posts_last_hour + 1);
	else
		snprintf(buf, len, "%s", fmt);
}

/* Add weight to the reason named what, or make it. */
static int reason_add(struct cls_reason *r, int n, const char *what, double weight)
{
	for (int i = 0; i < n; i++)
		if (strcmp(r[i].what, what) == 0) {
			r[i].weight += weight;
			return n;
		}
	snprintf(r[n].what, sizeof(r[n].what), "%s", what);
	r[n].weight = weight;
	return n + 1;
}

int cls_explain(const struct cls_model *m, const char *text, const struct an_behaviour *b,
		int label, struct cls_reason *r, int max)
{
	struct an_feats fs;
	struct xvec x;
	const struct an_text *t;
	double *tokw, sigw[AN_SIGNAL_COUNT] = { 0 }, top = 0, sign = 1;
	struct cls_reason *cand;
	int nc = 0, vec = label, out;

	if (label < 0 || label >= m->nlabels || max <= 0)
		return 0;
	if (m->nvec == 1) {
		vec = 0;
		sign = label == m->positive ? 1 : -1;
	}
	an_feats_init(&fs);
	an_feats_extract(&fs, text, b, feat_flags(m->kind));
	model_vector(m, &fs, &x);
	t = &fs.text;
	tokw = xcalloc((size_t)t->ntok + 1, sizeof(*tokw));
	/* Each feature's push goes to the word it came from: a character n-gram to the word it
	 * starts in, a pair half to each of its words. */
	for (int i = 0; i < x.n; i++) {
		const struct an_feat *f = &fs.f[x.from[i]];
		double push = sign * x.val[i] * m->w[(size_t)x.idx[i] * (size_t)m->nvec + (size_t)vec];
		int s;

		switch (f->fam) {
		case AN_FAM_SIGNAL:
			if ((s = signal_of_key(f->key)) >= 0)
				sigw[s] += push;
			break;
		case AN_FAM_PAIR:
			if (f->tok >= 0 && f->tok + 1 < t->ntok) {
				tokw[f->tok] += push / 2;
				tokw[f->tok + 1] += push / 2;
			}
			break;
		case AN_FAM_LANG:
			break;
		default:
			if (f->tok >= 0 && f->tok < t->ntok)
				tokw[f->tok] += push;
			break;
		}
	}
	for (int i = 0; i < t->ntok; i++)
		if (tokw[i] > top)
			top = tokw[i];
	cand = xmalloc(((size_t)t->ntok + AN_SIGNAL_COUNT + 1) * sizeof(*cand));
	/* Neighbouring words that each push hard read as a phrase ("check out my channel"). */
	for (int i = 0; i < t->ntok;) {
		struct sbuf ph;
		double sum = 0;
		int j = i;

		if (tokw[i] <= 0) {
			i++;
			continue;
		}
		sbuf_init(&ph);
		do {
			if (ph.len)
				sbuf_addc(&ph, ' ');
			sbuf_add(&ph, t->tok[j].fold);
			sum += tokw[j];
			j++;
		} while (j < t->ntok && j - i < 4 && tokw[j - 1] > 0.3 * top && tokw[j] > 0.3 * top);
		nc = reason_add(cand, nc, ph.s, sum);
		sbuf_free(&ph);
		i = j;
	}
	for (int s = 0; s < AN_SIGNAL_COUNT; s++)
		if (sigw[s] > 0) {
			char what[96];

			signal_reason((enum an_signal)s, b, what, sizeof(what));
			nc = reason_add(cand, nc, what, sigw[s]);
		}
	qsort(cand, (size_t)nc, sizeof(*cand), cmp_reason);
	for (out = 0; out < nc && out < max && cand[out].weight > 0; out++)
		r[out] = cand[out];
	free(cand);
	free(tokw);
	xvec_free(&x);
	an_feats_free(&fs);
	return out;
}

/* --- bytes ------------------------------------------------------------------------------- */

#define MAGIC "INSPCLS1"

struct bytes {
	uint8_t *p;
	size_t len, cap;
};

static void put(struct bytes *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 64;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

static void put_u32(struct bytes *b, uint32_t v)
{
	uint8_t le[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };

	put(b, le, 4);
}

static void put_f32(struct bytes *b, float f)
{
	uint32_t v;

	memcpy(&v, &f, 4);
	put_u32(b, v);
}

static void put_str(struct bytes *b, const char *s)
{
	put_u32(b, (uint32_t)strlen(s));
	put(b, s, strlen(s));
}

uint8_t *cls_save(const struct cls_model *m, size_t *len)
{
	struct bytes b = { 0 };

	put(&b, MAGIC, 8);
	put_u32(&b, (uint32_t)m->kind);
	put_u32(&b, (uint32_t)m->nlabels);
	put_u32(&b, (uint32_t)(m->positive + 1));
	put_u32(&b, (uint32_t)m->nvec);
	put_u32(&b, (uint32_t)m->nfeat);
	put_u32(&b, AN_FAMILIES);
	for (int f = 0; f < AN_FAMILIES; f++)
		put_f32(&b, m->famw[f]);
	put_str(&b, m->version);
	for (int i = 0; i < m->nlabels; i++)
		put_str(&b, m->labels[i]);
	for (int v = 0; v < m->nvec; v++)
		put_f32(&b, m->bias[v]);
	for (int k = 0; k < m->nfeat; k++) {
		put_u32(&b, m->feats.key[k]);
		put(&b, &m->fam[k], 1);
		put_f32(&b, m->idf[k]);
		for (int v = 0; v < m->nvec; v++)
			put_f32(&b, m->w[(size_t)k * (size_t)m->nvec + (size_t)v]);
	}
	*len = b.len;
	return b.p;
}

struct reader {
	const uint8_t *p;
	size_t len, at;
	bool bad;
};

static bool get(struct reader *r, void *out, size_t n)
{
	if (r->bad || r->len - r->at < n) {
		r->bad = true;
		memset(out, 0, n);
		return false;
	}
	memcpy(out, r->p + r->at, n);
	r->at += n;
	return true;
}

static uint32_t get_u32(struct reader *r)
{
	uint8_t le[4];

	get(r, le, 4);
	return (uint32_t)le[0] | (uint32_t)le[1] << 8 | (uint32_t)le[2] << 16 | (uint32_t)le[3] << 24;
}

static float get_f32(struct reader *r)
{
	uint32_t v = get_u32(r);
	float f;

	memcpy(&f, &v, 4);
	return isfinite(f) ? f : (r->bad = true, 0.0f);
}

static char *get_str(struct reader *r)
{
	uint32_t n = get_u32(r);
	char *s;

	if (r->bad || n > r->len - r->at || n > 4096) {
		r->bad = true;
		return xstrdup("");
	}
	s = xstrndup((const char *)r->p + r->at, n);
	r->at += n;
	if (strlen(s) != n)
		r->bad = true;
	return s;
}

enum status cls_load(const void *buf, size_t len, struct cls_model **out, struct err *e)
{
	struct reader r = { buf, len, 0, false };
	struct cls_model *m = xcalloc(1, sizeof(*m));
	char magic[8];
	uint32_t nlabels, nvec, nfeat, positive, kind;

	*out = NULL;
	if (!get(&r, magic, 8) || memcmp(magic, MAGIC, 8) != 0) {
		err_set(e, _("not a classifier model of this version of inspraak"));
		free(m);
		return ST_INVALID;
	}
	kind = get_u32(&r);
	nlabels = get_u32(&r);
	positive = get_u32(&r);
	nvec = get_u32(&r);
	nfeat = get_u32(&r);
	if (r.bad || kind > CLS_DEPARTMENT || nlabels < 2 || nlabels > 100000 ||
	    nvec != (nlabels == 2 ? 1 : nlabels) || positive > nlabels ||
	    (kind == CLS_SPAM) != (positive > 0) || get_u32(&r) != AN_FAMILIES ||
	    (uint64_t)nfeat * (9 + 4 * (uint64_t)nvec) > len) {
		err_set(e, _("a damaged classifier model"));
		free(m);
		return ST_INVALID;
	}
	m->kind = (enum cls_kind)kind;
	m->nlabels = (int)nlabels;
	m->positive = (int)positive - 1;
	m->nvec = (int)nvec;
	for (int f = 0; f < AN_FAMILIES; f++)
		m->famw[f] = get_f32(&r);
	m->version = get_str(&r);
	m->labels = xcalloc(nlabels, sizeof(*m->labels));
	for (uint32_t i = 0; i < nlabels; i++)
		m->labels[i] = get_str(&r);
	m->bias = xcalloc(nvec, sizeof(*m->bias));
	for (uint32_t v = 0; v < nvec; v++)
		m->bias[v] = get_f32(&r);
	m->fam = xmalloc((size_t)nfeat + 1);
	m->idf = xmalloc(((size_t)nfeat + 1) * sizeof(*m->idf));
	m->w = xmalloc(((size_t)nfeat * nvec + 1) * sizeof(*m->w));
	for (uint32_t k = 0; k < nfeat && !r.bad; k++) {
		uint32_t key = get_u32(&r);

		get(&r, &m->fam[k], 1);
		m->idf[k] = get_f32(&r);
		for (uint32_t v = 0; v < nvec; v++)
			m->w[(size_t)k * nvec + v] = get_f32(&r);
		if (m->fam[k] >= AN_FAMILIES || keytab_add(&m->feats, key) != (int)k)
			r.bad = true;
	}
	m->nfeat = m->feats.n;
	if (r.bad || r.at != len) {
		err_set(e, _("a damaged classifier model"));
		cls_free(m);
		return ST_INVALID;
	}
	*out = m;
	return ST_OK;
}
