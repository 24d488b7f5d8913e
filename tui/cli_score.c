/* `inspraak score spam|department`: train on a labelled TSV file, score the items of another,
 * one line per item on standard output and no header. `inspraak score duplicates` scores
 * pairs of ideas of one file, or lists each idea's best candidates among the others. The files follow the conventions of
 * the data sets (core/analysis/tsv.h): `id`, the text in `title` + `body`, `title` + `text`
 * or `text`, the label in `label` or the column --label names. The label column of --input
 * is never read, so scoring a labelled file measures nothing but the model. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/analysis/classify.h"
#include "core/analysis/dupes.h"
#include "core/analysis/tsv.h"
#include "core/i18n.h"
#include "tui/cli.h"
#include "tui/cli_score.h"

#define SCORE_COMMON (CLI_BIT(INPUT) | CLI_BIT(LABEL) | CLI_BIT(VERBOSE))

/* The kinds of `inspraak score`: one row and one case of the switch in cli_score_main. */
enum score_kind { SCORE_SPAM, SCORE_DEPARTMENT, SCORE_DUPLICATES, SCORE_KINDS };

static const struct {
	const char *word;
	uint64_t options;
} kinds[SCORE_KINDS] = {
	[SCORE_SPAM] = { "spam", SCORE_COMMON | CLI_BIT(TRAIN) | CLI_BIT(POSITIVE) },
	[SCORE_DEPARTMENT] = { "department", SCORE_COMMON | CLI_BIT(TRAIN) | CLI_BIT(KEYWORDS) },
	[SCORE_DUPLICATES] = { "duplicates", CLI_BIT(IDEAS) | CLI_BIT(PAIRS) | CLI_BIT(TOP) | CLI_BIT(VERBOSE) },
};

void cli_score_usage(FILE *f)
{
	fprintf(f, "%s", _(
"Scoring TSV files (no database; see inspraak(1) for the columns):\n"
"       inspraak score spam --train LABELED.tsv --input ITEMS.tsv [--label COLUMN]\n"
"                           [--positive LABEL] [--verbose]\n"
"              prints `id score label' per item: the probability of the positive label\n"
"              (the rarer label of the training file unless --positive names it) and the\n"
"              predicted label\n"
"       inspraak score department --train LABELED.tsv --input ITEMS.tsv [--label COLUMN]\n"
"                           [--keywords KEYWORDS.tsv] [--verbose]\n"
"              prints `id department confidence' per item; --keywords (columns label and\n"
"              keywords: a few words separated by commas) adds or replaces training data\n"
"              for a new municipality\n"
"       inspraak score duplicates --ideas IDEAS.tsv --pairs PAIRS.tsv [--verbose]\n"
"              prints `a b score decision' per pair (columns a and b: ids of IDEAS.tsv);\n"
"              decision is duplicate or distinct at the engine's threshold\n"
"       inspraak score duplicates --ideas IDEAS.tsv --top N [--verbose]\n"
"              prints `id candidate rank score' for the N most likely duplicates of every\n"
"              idea among all the others of the file\n"));
}

bool cli_score_is(const struct cli_args *a)
{
	return a->nwords > 0 && str_eq(a->words[0], "score");
}

static int fail(const char *msg)
{
	fprintf(stderr, _("inspraak: %s\n"), msg);
	return 1;
}

/* A file's text columns, or a message: an item without text cannot be scored. */
static enum status need_text(const struct tsv *t, struct err *e)
{
	if (tsv_col(t, "text") < 0 && tsv_col(t, "body") < 0 && tsv_col(t, "title") < 0) {
		err_set(e, _("%s:1: no text column in the header: title, body or text"), t->path);
		return ST_INVALID;
	}
	return ST_OK;
}

/* Examples of a labelled file; texts are allocated, one per row. */
static enum status read_examples(const char *path, const char *label, struct tsv *t,
				 struct cls_example **ex, int *n, struct err *e)
{
	int lc;

	*ex = NULL;
	*n = 0;
	if (tsv_read(path, t, e) != ST_OK || tsv_need(t, label, &lc, e) != ST_OK || need_text(t, e) != ST_OK)
		return ST_INVALID;
	if (t->nrows == 0) {
		err_set(e, _("%s:2: no rows after the header: nothing to train on"), path);
		return ST_INVALID;
	}
	*ex = xcalloc((size_t)t->nrows, sizeof(**ex));
	for (int i = 0; i < t->nrows; i++) {
		(*ex)[i].text = tsv_item_text(t, i);
		(*ex)[i].label = t->rows[i][lc];
	}
	*n = t->nrows;
	return ST_OK;
}

static enum status read_keywords(const char *path, const char *label, struct tsv *t,
				 struct cls_keywords **kw, int *n, struct err *e)
{
	int lc, wc;

	*kw = NULL;
	*n = 0;
	if (tsv_read(path, t, e) != ST_OK || tsv_need(t, label, &lc, e) != ST_OK ||
	    tsv_need(t, "keywords", &wc, e) != ST_OK)
		return ST_INVALID;
	*kw = xcalloc((size_t)t->nrows + 1, sizeof(**kw));
	for (int i = 0; i < t->nrows; i++)
		(*kw)[i] = (struct cls_keywords){ t->rows[i][lc], t->rows[i][wc] };
	*n = t->nrows;
	return ST_OK;
}

static int score_classify(const struct cli_args *a, enum score_kind kind)
{
	const char *label = cli_has(a, CLI_OPT_LABEL) ? cli_opt(a, CLI_OPT_LABEL) : "label";
	bool verbose = cli_has(a, CLI_OPT_VERBOSE);
	struct tsv train = { 0 }, keys = { 0 }, input = { 0 };
	struct cls_example *ex = NULL;
	struct cls_keywords *kw = NULL;
	struct cls_params p = { .kind = kind == SCORE_SPAM ? CLS_SPAM : CLS_DEPARTMENT };
	struct cls_model *m = NULL;
	struct err e;
	int nex = 0, nkw = 0, idc, rc = 1;
	int64_t t0, t1, t2;
	double *prob = NULL;

	if (!cli_has(a, CLI_OPT_INPUT))
		cli_fail_usage(a, _("score wants --input ITEMS.tsv"));
	if (!cli_has(a, CLI_OPT_TRAIN) && !cli_has(a, CLI_OPT_KEYWORDS))
		cli_fail_usage(a, kind == SCORE_SPAM ? _("score spam wants --train LABELED.tsv")
						     : _("score department wants --train LABELED.tsv or --keywords KEYWORDS.tsv"));
	if (!*label)
		cli_fail_usage(a, _("--label wants a column name"));
	p.positive = cli_has(a, CLI_OPT_POSITIVE) ? cli_opt(a, CLI_OPT_POSITIVE) : NULL;

	t0 = now_us();
	if (cli_has(a, CLI_OPT_TRAIN) &&
	    read_examples(cli_opt(a, CLI_OPT_TRAIN), label, &train, &ex, &nex, &e) != ST_OK)
		goto out;
	if (cli_has(a, CLI_OPT_KEYWORDS) &&
	    read_keywords(cli_opt(a, CLI_OPT_KEYWORDS), label, &keys, &kw, &nkw, &e) != ST_OK)
		goto out;
	/* The input is checked before training, so a mistake in it shows at once. */
	if (tsv_read(cli_opt(a, CLI_OPT_INPUT), &input, &e) != ST_OK ||
	    tsv_need(&input, "id", &idc, &e) != ST_OK || need_text(&input, &e) != ST_OK)
		goto out;
	if (cls_train(&p, ex, nex, kw, nkw, &m, &e) != ST_OK) {
		char *msg = xasprintf("%s: %s", cli_has(a, CLI_OPT_TRAIN) ? cli_opt(a, CLI_OPT_TRAIN)
									 : cli_opt(a, CLI_OPT_KEYWORDS), e.msg);

		err_set(&e, "%s", msg);
		free(msg);
		goto out;
	}
	t1 = now_us();
	prob = xmalloc((size_t)cls_nlabels(m) * sizeof(*prob));
	for (int i = 0; i < input.nrows; i++) {
		char *text = tsv_item_text(&input, i);
		int best = cls_predict(m, text, NULL, prob);

		if (kind == SCORE_SPAM)
			printf("%s\t%.4f\t%s\n", input.rows[i][idc], prob[cls_positive(m)], cls_label(m, best));
		else
			printf("%s\t%s\t%.4f\n", input.rows[i][idc], cls_label(m, best), prob[best]);
		free(text);
	}
	t2 = now_us();
	if (verbose)
		fprintf(stderr, _("model %s: %d labels, trained on %d examples in %.3f s; "
				  "scored %d items in %.3f s (%.1f us each)\n"),
			cls_version(m), cls_nlabels(m), nex + nkw, (double)(t1 - t0) / 1e6, input.nrows,
			(double)(t2 - t1) / 1e6, input.nrows ? (double)(t2 - t1) / input.nrows : 0.0);
	rc = 0;
out:
	if (rc)
		fail(e.msg);
	free(prob);
	cls_free(m);
	for (int i = 0; i < nex; i++)
		free((char *)ex[i].text);
	free(ex);
	free(kw);
	tsv_free(&train);
	tsv_free(&keys);
	tsv_free(&input);
	return rc;
}

/* --- duplicates --------------------------------------------------------------------------- */

/* The ideas of a file, their ids sorted for lookups (the index knows them as row + 1). */
struct idea_file {
	struct tsv t;
	int idc, *by_id;
};

/* qsort has no context argument: the file being sorted, for id_order. */
static const struct idea_file *sort_file;

static int id_order(const void *a, const void *b)
{
	const struct idea_file *f = sort_file;

	return strcmp(f->t.rows[*(const int *)a][f->idc], f->t.rows[*(const int *)b][f->idc]);
}

/* The row of an id, or -1. */
static int idea_row(const struct idea_file *f, const char *id)
{
	int lo = 0, hi = f->t.nrows;

	while (lo < hi) {
		int mid = (lo + hi) / 2, c = strcmp(f->t.rows[f->by_id[mid]][f->idc], id);

		if (c == 0)
			return f->by_id[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static enum an_lang lang_of(const char *code)
{
	for (int l = 0; l < AN_OTHER; l++)
		if (str_eq(code, an_lang_code((enum an_lang)l)))
			return (enum an_lang)l;
	return AN_OTHER;
}

/* Read the ideas and index them all. Label columns (dup_group, ...) are never looked at. */
static enum status read_ideas(const char *path, struct idea_file *f, struct dupes_index **ix,
			      struct err *e)
{
	int title, body, project, lang;

	if (tsv_read(path, &f->t, e) != ST_OK || tsv_need(&f->t, "id", &f->idc, e) != ST_OK ||
	    need_text(&f->t, e) != ST_OK)
		return ST_INVALID;
	if (f->t.nrows == 0) {
		err_set(e, _("%s:2: no ideas after the header"), path);
		return ST_INVALID;
	}
	f->by_id = xcalloc((size_t)f->t.nrows, sizeof(*f->by_id));
	for (int i = 0; i < f->t.nrows; i++)
		f->by_id[i] = i;
	sort_file = f;
	qsort(f->by_id, (size_t)f->t.nrows, sizeof(*f->by_id), id_order);
	for (int i = 1; i < f->t.nrows; i++) {
		int a = f->by_id[i - 1], b = f->by_id[i];

		if (str_eq(f->t.rows[a][f->idc], f->t.rows[b][f->idc])) {
			err_set(e, _("%s:%d: the id %s was on line %d already"), path,
				f->t.lines[a > b ? a : b], f->t.rows[b][f->idc], f->t.lines[a < b ? a : b]);
			return ST_INVALID;
		}
	}
	title = tsv_col(&f->t, "title");
	body = tsv_col(&f->t, "body") >= 0 ? tsv_col(&f->t, "body") : tsv_col(&f->t, "text");
	project = tsv_col(&f->t, "project");
	lang = tsv_col(&f->t, "lang");
	*ix = dupes_index_new();
	for (int i = 0; i < f->t.nrows; i++) {
		char **r = f->t.rows[i];
		long p = 0;

		/* A project that is not a number is still a project: its name's hash stands in. */
		if (project >= 0 && !str_to_long(r[project], &p))
			p = (long)an_hash(r[project], strlen(r[project]), 0);
		dupes_index_add(*ix, i + 1, p, title >= 0 ? r[title] : NULL, body >= 0 ? r[body] : NULL,
				lang >= 0 ? lang_of(r[lang]) : AN_OTHER);
	}
	return ST_OK;
}

static enum status score_pairs(const char *path, const struct idea_file *f,
			       const struct dupes_index *ix, struct err *e)
{
	struct tsv p = { 0 };
	int ac, bc;
	enum status st = ST_INVALID;

	if (tsv_read(path, &p, e) != ST_OK || tsv_need(&p, "a", &ac, e) != ST_OK ||
	    tsv_need(&p, "b", &bc, e) != ST_OK)
		goto out;
	if (p.nrows == 0) {
		err_set(e, _("%s:2: no pairs after the header"), path);
		goto out;
	}
	/* Every id first, so a mistake shows before any output. */
	for (int i = 0; i < p.nrows; i++)
		for (int c = 0; c < 2; c++) {
			const char *id = p.rows[i][c ? bc : ac];

			if (idea_row(f, id) < 0) {
				err_set(e, _("%s:%d: the idea %s is not in %s"), path, p.lines[i], id, f->t.path);
				goto out;
			}
		}
	for (int i = 0; i < p.nrows; i++) {
		double score = 0;

		dupes_index_pair(ix, idea_row(f, p.rows[i][ac]) + 1, idea_row(f, p.rows[i][bc]) + 1, &score,
				 NULL);
		printf("%s\t%s\t%.4f\t%s\n", p.rows[i][ac], p.rows[i][bc], score,
		       score >= DUPES_THRESHOLD ? "duplicate" : "distinct");
	}
	st = ST_OK;
out:
	tsv_free(&p);
	return st;
}

static void score_top(const struct idea_file *f, const struct dupes_index *ix, int k)
{
	struct dupes_hit *hits = xcalloc((size_t)k, sizeof(*hits));

	for (int i = 0; i < f->t.nrows; i++) {
		int n = dupes_index_query_id(ix, i + 1, DUPES_ANY_PROJECT, k, 0, hits);

		for (int h = 0; h < n; h++)
			printf("%s\t%s\t%d\t%.4f\n", f->t.rows[i][f->idc],
			       f->t.rows[hits[h].id - 1][f->idc], h + 1, hits[h].score);
	}
	free(hits);
}

static int score_duplicates(const struct cli_args *a)
{
	struct idea_file f = { 0 };
	struct dupes_index *ix = NULL;
	struct err e;
	long top = 0;
	int rc = 1;
	int64_t t0 = now_us(), t1;

	if (!cli_has(a, CLI_OPT_IDEAS))
		cli_fail_usage(a, _("score duplicates wants --ideas IDEAS.tsv"));
	if (cli_has(a, CLI_OPT_PAIRS) == cli_has(a, CLI_OPT_TOP))
		cli_fail_usage(a, _("score duplicates wants either --pairs PAIRS.tsv or --top N"));
	if (cli_has(a, CLI_OPT_TOP) && (!str_to_long(cli_opt(a, CLI_OPT_TOP), &top) || top < 1 || top > 1000))
		cli_fail_usage(a, _("--top wants a number of candidates from 1 to 1000"));
	if (read_ideas(cli_opt(a, CLI_OPT_IDEAS), &f, &ix, &e) != ST_OK)
		goto out;
	t1 = now_us();
	if (top)
		score_top(&f, ix, (int)top);
	else if (score_pairs(cli_opt(a, CLI_OPT_PAIRS), &f, ix, &e) != ST_OK)
		goto out;
	if (cli_has(a, CLI_OPT_VERBOSE))
		fprintf(stderr, _("%s: %zu ideas indexed in %.3f s (%zu bytes), scored in %.3f s\n"),
			dupes_method(), dupes_index_count(ix), (double)(t1 - t0) / 1e6, dupes_index_bytes(ix),
			(double)(now_us() - t1) / 1e6);
	rc = 0;
out:
	if (rc)
		fail(e.msg);
	dupes_index_free(ix);
	free(f.by_id);
	tsv_free(&f.t);
	return rc;
}

int cli_score_main(const struct cli_args *a)
{
	const char *word = a->nwords > 1 ? a->words[1] : NULL;
	int kind;
	char msg[200];

	if (!word)
		cli_fail_usage(a, _("score wants spam, department or duplicates"));
	for (kind = 0; kind < SCORE_KINDS; kind++)
		if (str_eq(word, kinds[kind].word))
			break;
	if (kind == SCORE_KINDS) {
		snprintf(msg, sizeof(msg), _("score does not know %s: it wants spam, department or duplicates"),
			 word);
		cli_fail_usage(a, msg);
	}
	snprintf(msg, sizeof(msg), "score %s", word);
	cli_check_options(a, kinds[kind].options, msg);
	if (a->nwords > 2) {
		snprintf(msg, sizeof(msg), _("score %s takes no arguments, only options"), word);
		cli_fail_usage(a, msg);
	}
	switch ((enum score_kind)kind) {
	case SCORE_SPAM:
	case SCORE_DEPARTMENT:
		return score_classify(a, (enum score_kind)kind);
	case SCORE_DUPLICATES:
		return score_duplicates(a);
	case SCORE_KINDS:
		break;
	}
	return 2;
}
