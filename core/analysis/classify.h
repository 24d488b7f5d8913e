/* The classifiers of the analysis engine: a spam and abuse score (or any two-label moderation
 * verdict: spam/ham, hidden/accepted, yes/no) and a department router.
 *
 * Both are linear models over the hashed features of features.h: words, stems, stem pairs
 * and character 2..5-grams weighted by TF-IDF (sublinear counts, each family normalised to
 * unit length), the language, and for the spam kind the signals of the raw text and of the
 * author's behaviour. The weights come from L2-regularised logistic regression (linear.h):
 * one vector for two labels, one per label against the rest for more.
 *
 * Training takes labelled examples from any source: the shipped seed data, past assignments,
 * moderators' confirm/dismiss verdicts (give recent verdicts a larger weight to let them
 * count more), and for a router also a few keywords per department. Retraining is training
 * again on the union. A trained model has a version string that changes with its data and
 * parameters; record it with every score. A model is serialised to bytes for the database.
 *
 * A model may be used from several threads for scoring once trained. No database, no curses. */
#ifndef INSPRAAK_AN_CLASSIFY_H
#define INSPRAAK_AN_CLASSIFY_H

#include <stddef.h>
#include <stdint.h>

#include "core/analysis/features.h"
#include "core/util.h"

enum cls_kind {
	CLS_SPAM,        /* two labels, with the spam signals: "spam-lr-2" */
	CLS_DEPARTMENT,  /* two or more labels, text only: "department-lr-2" */
};

/* One labelled example. */
struct cls_example {
	const char *text;
	const char *label;
	double weight;                          /* 0 counts as 1 */
	const struct an_behaviour *behaviour;   /* NULL: unknown */
};

/* A few keywords for a label, separated by commas ("fietspad, verkeerslicht, parkeren"):
 * for a new municipality, before there are assignments to learn from. Each keyword becomes
 * an example of its own, and all of them together one more. */
struct cls_keywords {
	const char *label;
	const char *words;
};

struct cls_params {
	enum cls_kind kind;
	const char *positive;   /* CLS_SPAM: the label to score; NULL: the rarer one */
	double c;               /* regularisation, larger fits the data more; 0: default */
	uint64_t seed;          /* 0: default */
};

struct cls_model;

/* Train a model. ST_INVALID with a message when the examples do not allow it: no example,
 * one label only, more than two labels for CLS_SPAM, an unknown positive label. */
enum status cls_train(const struct cls_params *p, const struct cls_example *ex, int n,
		      const struct cls_keywords *kw, int nkw, struct cls_model **out, struct err *e);
void cls_free(struct cls_model *m);

/* "spam-lr-2:0123456789abcdef": the kind and a hash of the training data and parameters. */
const char *cls_version(const struct cls_model *m);
enum cls_kind cls_kind(const struct cls_model *m);
int cls_nlabels(const struct cls_model *m);
const char *cls_label(const struct cls_model *m, int i);
/* The label a spam model scores; -1 for a router. */
int cls_positive(const struct cls_model *m);

/* The probability of every label (p: cls_nlabels numbers, may be NULL); returns the index of
 * the most likely. A spam model predicts its positive label from 0.5 on. */
int cls_predict(const struct cls_model *m, const char *text, const struct an_behaviour *b,
		double *p);
/* A spam model's score: the probability of the positive label, in [0, 1]. */
double cls_score(const struct cls_model *m, const char *text, const struct an_behaviour *b);

/* Why: what pushed the text towards a label, in words a moderator understands. */
struct cls_reason {
	char what[96];     /* "link", "same text from 3 accounts", or a word or phrase of the text */
	double weight;     /* its push on the log-odds, > 0 */
};

/* The strongest reasons for label (a spam model: its positive label for why it is spam),
 * strongest first; returns how many were written (at most max). */
int cls_explain(const struct cls_model *m, const char *text, const struct an_behaviour *b,
		int label, struct cls_reason *r, int max);

/* The model as bytes (allocated, *len set), and back. ST_INVALID when the bytes are not a
 * model of this version of the engine. */
uint8_t *cls_save(const struct cls_model *m, size_t *len);
enum status cls_load(const void *buf, size_t len, struct cls_model **out, struct err *e);

#endif
