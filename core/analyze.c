/* The analysis service: the database side of the engine (see analyze.h). */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/analysis/classify.h"
#include "core/analysis/dupes.h"
#include "core/analysis/norm.h"
#include "core/analyze.h"
#include "core/i18n.h"
#include "core/pg.h"

/* What one model learns from at most: the newest items, so training stays within seconds on
 * a platform of any age. */
#define TRAIN_MAX 20000
/* Items per transaction of a pass. */
#define BATCH 200
/* Duplicate suggestions written per idea, at most, and candidates looked at. */
#define DUP_PER_IDEA 3
#define DUP_CANDIDATES 8
/* Reasons kept with a machine flag. */
#define FLAG_REASONS 3
/* The index file is written at most this often while following (and always at the end). */
#define SAVE_EVERY_US (300 * 1000000LL)

struct analyzer {
	PGconn *conn;
	struct analyze_opts o;
	struct cls_model *spam;      /* NULL: not enough labels yet */
	struct cls_model *dept;      /* NULL: fewer than two departments */
	struct dupes_index *ix;
	/* The duplicate scores as moderators judge them: p = sigmoid(cal_a * logit(s) + cal_b),
	 * fitted on their merges and dismissals; cal_version "" while there are too few. */
	double cal_a, cal_b;
	char cal_version[40];
	char *method;                /* what each suggestion records: index and calibration */
	int64_t max_id;              /* the newest idea the index has seen */
	bool dirty;                  /* the index changed since it was saved */
	int64_t saved_us;
};

static void note(struct analyzer *a, const char *fmt, ...) PRINTF_LIKE(2, 3);

static void note(struct analyzer *a, const char *fmt, ...)
{
	va_list ap;
	char *s;

	if (!a->o.log)
		return;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	a->o.log(a->o.ctx, s);
	free(s);
}

static enum an_lang lang_of(const char *code)
{
	for (int l = 0; l < AN_LANGS; l++)
		if (code && str_eq(code, an_lang_code((enum an_lang)l)))
			return (enum an_lang)l;
	return AN_OTHER;
}

static bool res_ok(PGconn *conn, PGresult *r, ExecStatusType want, struct err *e)
{
	char line[512];

	if (PQresultStatus(r) == want)
		return true;
	pg_error_line(PQresultErrorMessage(r)[0] ? PQresultErrorMessage(r) : PQerrorMessage(conn),
		      line, sizeof(line));
	err_set(e, _("The analysis could not read or write the database: %s"), line);
	PQclear(r);
	return false;
}

static PGresult *query(PGconn *conn, const char *sql, int n, const char *const *v, struct err *e)
{
	PGresult *r = PQexecParams(conn, sql, n, NULL, v, NULL, NULL, 0);

	return res_ok(conn, r, PGRES_TUPLES_OK, e) ? r : NULL;
}

static bool command(PGconn *conn, const char *sql, int n, const char *const *v, struct err *e)
{
	PGresult *r = PQexecParams(conn, sql, n, NULL, v, NULL, NULL, 0);

	if (!res_ok(conn, r, PGRES_COMMAND_OK, e))
		return false;
	PQclear(r);
	return true;
}

static void rollback(PGconn *conn)
{
	PQclear(PQexec(conn, "rollback"));
}

/* ---- training ------------------------------------------------------------------------- */

/* The behaviour of an item's author, as SQL columns over an item aliased i with its author's
 * row u: other accounts with the same text, posts in the hour before, account age. */
#define IDEA_BEHAVIOUR \
	"(select count(distinct o.author_id) from ideas o where o.text_hash = i.text_hash " \
	"   and o.id <> i.id and o.author_id is distinct from i.author_id) as same_text, " \
	"(select count(*) from ideas o where o.author_id = i.author_id and o.id <> i.id " \
	"   and o.created_at between i.created_at - interval '1 hour' and i.created_at) as burst, " \
	"coalesce(extract(epoch from i.created_at - u.created_at) / 86400, -1) as age"
#define COMMENT_BEHAVIOUR \
	"-1 as same_text, (select count(*) from comments o where o.author_id = i.author_id " \
	"   and o.id <> i.id and o.created_at between i.created_at - interval '1 hour'" \
	"   and i.created_at) as burst, " \
	"coalesce(extract(epoch from i.created_at - u.created_at) / 86400, -1) as age"

/* What a moderator would hide ("hide") and keep ("keep"): their verdicts count double, then
 * the platform's history of hidden ideas and comments against handled ones that stayed. */
static const char SPAM_EXAMPLES[] =
	"with lab as ("
	"  select l.item_kind, l.item_id, case when l.label = 'ham' then 'keep' else 'hide' end as label"
	"    from moderation_labels l order by l.id desc limit $1), "
	"items as ("
	"  (select 'idea' as kind, i.id, 'hide' as label, i.title || E'\\n' || i.body as text, " IDEA_BEHAVIOUR
	"     from ideas i left join users u on u.id = i.author_id"
	"    where i.hidden_at is not null order by i.id desc limit $1)"
	"  union all"
	"  (select 'idea', i.id, 'keep', i.title || E'\\n' || i.body, " IDEA_BEHAVIOUR
	"     from ideas i left join users u on u.id = i.author_id"
	"    where i.hidden_at is null and i.status <> 'proposed' order by i.id desc limit $1)"
	"  union all"
	"  (select 'comment', i.id, 'hide', i.body, " COMMENT_BEHAVIOUR
	"     from comments i left join users u on u.id = i.author_id"
	"    where i.hidden_at is not null order by i.id desc limit $1 / 2)"
	"  union all"
	"  (select 'comment', i.id, 'keep', i.body, " COMMENT_BEHAVIOUR
	"     from comments i left join users u on u.id = i.author_id"
	"    where i.hidden_at is null and i.created_at < now() - interval '14 days'"
	"    order by i.id desc limit $1 / 2)) "
	"select coalesce(lab.label, items.label), items.text, "
	"       case when lab.label is not null then 2 else 1 end, items.same_text, items.burst, "
	"       items.age "
	"  from items left join lab on lab.item_kind = items.kind and lab.item_id = items.id";

static const char DEPT_EXAMPLES[] =
	"select i.department_id::text, i.title || E'\\n' || i.body from ideas i"
	" where i.department_id is not null and i.hidden_at is null"
	" order by i.id desc limit $1";

/* Each department's names in every language, as keywords for a router with little history. */
static const char DEPT_KEYWORDS[] =
	"select d.id::text, string_agg(t.value, ', ') from departments d,"
	"       jsonb_each_text(d.title_multiloc) t group by d.id order by d.id";

struct examples {
	struct cls_example *ex;
	struct an_behaviour *b;
	char **texts;
	int n;
};

static void examples_free(struct examples *x)
{
	for (int i = 0; i < x->n; i++)
		free(x->texts[i]);
	free(x->texts);
	free(x->ex);
	free(x->b);
	memset(x, 0, sizeof(*x));
}

/* Rows of (label, text[, weight, same text, burst, age]) as examples; labels point into r. */
static void examples_from(PGresult *r, struct examples *x)
{
	int n = PQntuples(r), cols = PQnfields(r);

	x->n = n;
	x->ex = xcalloc((size_t)n + 1, sizeof(*x->ex));
	x->b = xcalloc((size_t)n + 1, sizeof(*x->b));
	x->texts = xcalloc((size_t)n + 1, sizeof(*x->texts));
	for (int i = 0; i < n; i++) {
		x->texts[i] = xstrdup(PQgetvalue(r, i, 1));
		x->ex[i].label = PQgetvalue(r, i, 0);
		x->ex[i].text = x->texts[i];
		x->ex[i].weight = cols > 2 ? atof(PQgetvalue(r, i, 2)) : 1;
		if (cols > 5) {
			x->b[i].same_text_accounts = atoi(PQgetvalue(r, i, 3));
			x->b[i].posts_last_hour = atoi(PQgetvalue(r, i, 4));
			x->b[i].account_age_days = atof(PQgetvalue(r, i, 5));
			x->ex[i].behaviour = &x->b[i];
		}
	}
}

/* Figures of a model trained on four fifths of the examples and scored on the rest: what
 * `analyze --status` reports as the last training's figures. */
static json_t *holdout(const struct cls_params *p, const struct examples *x,
		       const struct cls_keywords *kw, int nkw)
{
	struct cls_example *train = xcalloc((size_t)x->n + 1, sizeof(*train));
	struct cls_model *m = NULL;
	struct err e;
	int nt = 0, ntest = 0, right = 0, tp = 0, fp = 0, fn = 0;
	json_t *j = json_object();

	for (int i = 0; i < x->n; i++)
		if (i % 5 != 4)
			train[nt++] = x->ex[i];
	if (nt < 10 || cls_train(p, train, nt, kw, nkw, &m, &e) != ST_OK) {
		free(train);
		return j;
	}
	for (int i = 4; i < x->n; i += 5) {
		int got = cls_predict(m, x->ex[i].text, x->ex[i].behaviour, NULL);
		const char *label = cls_label(m, got);
		bool pos_true, pos_got;

		ntest++;
		right += str_eq(label, x->ex[i].label);
		if (p->kind != CLS_SPAM)
			continue;
		pos_true = str_eq(x->ex[i].label, cls_label(m, cls_positive(m)));
		pos_got = got == cls_positive(m);
		tp += pos_true && pos_got;
		fp += !pos_true && pos_got;
		fn += pos_true && !pos_got;
	}
	json_object_set_new(j, "held_out", json_integer(ntest));
	if (ntest)
		json_object_set_new(j, "accuracy", json_real((double)right / ntest));
	if (p->kind == CLS_SPAM && tp + fp + fn > 0)
		json_object_set_new(j, "f1", json_real(2.0 * tp / (2.0 * tp + fp + fn)));
	if (p->kind == CLS_SPAM && tp + fp > 0)
		json_object_set_new(j, "precision", json_real((double)tp / (tp + fp)));
	if (p->kind == CLS_SPAM && tp + fn > 0)
		json_object_set_new(j, "recall", json_real((double)tp / (tp + fn)));
	cls_free(m);
	free(train);
	return j;
}

/* Keep a trained model as the active one of its kind. */
/* Keep a model as the active one of its kind: the previous one stays, inactive, so each
 * score's model_version can still be looked up. */
static bool activate_model(PGconn *conn, const char *kind, const char *version, int examples,
			   json_t *metrics, const void *bytes, size_t len, struct err *e)
{
	char *mj = json_dumps(metrics, JSON_COMPACT);
	char nex[16];
	const char *v[5] = { kind, version, nex, mj, bytes };
	int lens[5] = { 0, 0, 0, 0, (int)len }, fmts[5] = { 0, 0, 0, 0, 1 };
	PGresult *r;
	bool ok;

	snprintf(nex, sizeof(nex), "%d", examples);
	ok = command(conn, "begin", 0, NULL, e) &&
	     command(conn, "update analysis_models set active = false where kind = $1 and active",
		     1, v, e);
	if (ok) {
		r = PQexecParams(conn,
				 "insert into analysis_models (kind, version, examples, metrics, model, active)"
				 " values ($1, $2, $3, $4, $5, true)"
				 " on conflict (version) do update set active = true, examples = excluded.examples,"
				 "   metrics = excluded.metrics, model = excluded.model, created_at = now()",
				 5, NULL, v, lens, fmts, 0);
		ok = res_ok(conn, r, PGRES_COMMAND_OK, e);
		if (ok)
			PQclear(r);
	}
	ok = ok && command(conn, "commit", 0, NULL, e);
	if (!ok)
		rollback(conn);
	free(mj);
	return ok;
}

static bool store_model(PGconn *conn, const char *kind, struct cls_model *m, int examples,
			json_t *metrics, struct err *e)
{
	size_t len;
	uint8_t *bytes = cls_save(m, &len);
	bool ok = activate_model(conn, kind, cls_version(m), examples, metrics, bytes, len, e);

	free(bytes);
	return ok;
}

static enum status train_spam(struct analyzer *a, struct err *e)
{
	char lim[16];
	const char *v[1] = { lim };
	struct cls_params p = { .kind = CLS_SPAM, .positive = "hide" };
	struct examples x = { 0 };
	struct cls_model *m = NULL;
	bool hide = false, keep = false;
	PGresult *r;
	json_t *metrics;
	int64_t t0 = now_us();
	struct err te;

	snprintf(lim, sizeof(lim), "%d", TRAIN_MAX / 2);
	if (!(r = query(a->conn, SPAM_EXAMPLES, 1, v, e)))
		return ST_FAIL;
	examples_from(r, &x);
	for (int i = 0; i < x.n; i++) {
		hide |= str_eq(x.ex[i].label, "hide");
		keep |= str_eq(x.ex[i].label, "keep");
	}
	if (!hide || !keep) {
		note(a, _("Spam model: not trained yet, it needs hidden and kept items to learn from "
			  "(%d labelled)."), x.n);
		examples_free(&x);
		PQclear(r);
		return ST_OK;
	}
	if (cls_train(&p, x.ex, x.n, NULL, 0, &m, &te) != ST_OK) {
		note(a, _("Spam model: %s"), te.msg);
		examples_free(&x);
		PQclear(r);
		return ST_OK;
	}
	metrics = holdout(&p, &x, NULL, 0);
	json_object_set_new(metrics, "train_seconds", json_real((double)(now_us() - t0) / 1e6));
	if (!store_model(a->conn, "spam", m, x.n, metrics, e)) {
		cls_free(m);
		json_decref(metrics);
		examples_free(&x);
		PQclear(r);
		return ST_FAIL;
	}
	note(a, _("Spam model %s trained on %d items."), cls_version(m), x.n);
	cls_free(a->spam);
	a->spam = m;
	json_decref(metrics);
	examples_free(&x);
	PQclear(r);
	return ST_OK;
}

static enum status train_dept(struct analyzer *a, struct err *e)
{
	char lim[16];
	const char *v[1] = { lim };
	struct cls_params p = { .kind = CLS_DEPARTMENT };
	struct examples x = { 0 };
	struct cls_keywords *kw;
	struct cls_model *m = NULL;
	PGresult *r, *rk;
	json_t *metrics;
	int nkw;
	int64_t t0 = now_us();
	struct err te;

	snprintf(lim, sizeof(lim), "%d", TRAIN_MAX);
	if (!(rk = query(a->conn, DEPT_KEYWORDS, 0, NULL, e)))
		return ST_FAIL;
	if (!(r = query(a->conn, DEPT_EXAMPLES, 1, v, e))) {
		PQclear(rk);
		return ST_FAIL;
	}
	nkw = PQntuples(rk);
	kw = xcalloc((size_t)nkw + 1, sizeof(*kw));
	for (int i = 0; i < nkw; i++) {
		kw[i].label = PQgetvalue(rk, i, 0);
		kw[i].words = PQgetvalue(rk, i, 1);
	}
	examples_from(r, &x);
	if (nkw < 2 || cls_train(&p, x.ex, x.n, kw, nkw, &m, &te) != ST_OK) {
		if (nkw < 2)
			note(a, _("Department router: not trained, there are fewer than two departments."));
		else
			note(a, _("Department router: %s"), te.msg);
		goto out;
	}
	metrics = holdout(&p, &x, kw, nkw);
	json_object_set_new(metrics, "train_seconds", json_real((double)(now_us() - t0) / 1e6));
	json_object_set_new(metrics, "departments", json_integer(nkw));
	if (!store_model(a->conn, "department", m, x.n, metrics, e)) {
		cls_free(m);
		json_decref(metrics);
		examples_free(&x);
		free(kw);
		PQclear(r);
		PQclear(rk);
		return ST_FAIL;
	}
	note(a, _("Department router %s trained on %d assignments."), cls_version(m), x.n);
	cls_free(a->dept);
	a->dept = m;
	json_decref(metrics);
out:
	examples_free(&x);
	free(kw);
	PQclear(r);
	PQclear(rk);
	return ST_OK;
}


/* ---- the duplicate scores, calibrated on moderators' decisions --------------------------- */

/* Decisions of each kind needed before the engine's scores are recalibrated. */
#define CAL_MIN 20

static double logit(double p)
{
	p = p < 1e-4 ? 1e-4 : p > 1 - 1e-4 ? 1 - 1e-4 : p;
	return log(p / (1 - p));
}

static double sigmoid(double x)
{
	return 1 / (1 + exp(-x));
}

/* One-feature logistic regression by Newton's method, with a little weight towards the
 * identity (a = 1, b = 0) so a few decisions cannot turn the scale upside down. */
static void fit_calibration(const double *x, const int *y, int n, double *pa, double *pb)
{
	double a = 1, b = 0, lambda = 1.0;

	for (int it = 0; it < 50; it++) {
		double ga = lambda * (a - 1), gb = lambda * b;
		double haa = lambda, hab = 0, hbb = lambda, det, da, db;

		for (int i = 0; i < n; i++) {
			double p = sigmoid(a * x[i] + b), w = p * (1 - p);

			ga += (p - y[i]) * x[i];
			gb += p - y[i];
			haa += w * x[i] * x[i];
			hab += w * x[i];
			hbb += w;
		}
		det = haa * hbb - hab * hab;
		if (fabs(det) < 1e-12)
			break;
		da = (hbb * ga - hab * gb) / det;
		db = (haa * gb - hab * ga) / det;
		a -= da;
		b -= db;
		if (fabs(da) + fabs(db) < 1e-9)
			break;
	}
	*pa = a;
	*pb = b;
}

static void set_method(struct analyzer *a)
{
	free(a->method);
	a->method = a->cal_version[0] ? xasprintf("%s+%s", dupes_method(), a->cal_version)
				      : xstrdup(dupes_method());
}

static enum status train_dupes(struct analyzer *a, struct err *e)
{
	PGresult *r = query(a->conn,
			    "select score, state = 'merged' from duplicate_suggestions"
			    " where state in ('merged', 'dismissed') and method like 'dupes-%'"
			    " order by decided_at desc nulls last limit 20000", 0, NULL, e);
	int n, pos = 0, right0 = 0, right1 = 0;
	double *x, ca, cb;
	int *y;
	char version[40], model[64];
	json_t *metrics;
	bool ok;

	if (!r)
		return ST_FAIL;
	n = PQntuples(r);
	x = xcalloc((size_t)n + 1, sizeof(*x));
	y = xcalloc((size_t)n + 1, sizeof(*y));
	for (int i = 0; i < n; i++) {
		x[i] = logit(atof(PQgetvalue(r, i, 0)));
		y[i] = pg_bool(r, i, 1);
		pos += y[i];
	}
	PQclear(r);
	if (pos < CAL_MIN || n - pos < CAL_MIN) {
		free(x);
		free(y);
		return ST_OK;
	}
	fit_calibration(x, y, n, &ca, &cb);
	for (int i = 0; i < n; i++) {
		right0 += (x[i] >= 0) == y[i];
		right1 += (ca * x[i] + cb >= 0) == y[i];
	}
	free(x);
	free(y);
	snprintf(model, sizeof(model), "%.6f %.6f", ca, cb);
	snprintf(version, sizeof(version), "cal-%08x", (unsigned)an_hash(model, strlen(model), 7));
	metrics = json_pack("{s:i,s:i,s:f,s:f,s:f,s:f}", "merged", pos, "dismissed", n - pos,
			    "accuracy_before", (double)right0 / n, "accuracy", (double)right1 / n,
			    "a", ca, "b", cb);
	ok = activate_model(a->conn, "duplicates", version, n, metrics, model, strlen(model), e);
	json_decref(metrics);
	if (!ok)
		return ST_FAIL;
	a->cal_a = ca;
	a->cal_b = cb;
	snprintf(a->cal_version, sizeof(a->cal_version), "%s", version);
	set_method(a);
	note(a, _("Duplicate scores recalibrated on %d merges and %d dismissals."), pos, n - pos);
	return ST_OK;
}

static enum status load_calibration(struct analyzer *a, struct err *e)
{
	PGresult *r = query(a->conn, "select version, convert_from(model, 'UTF8') from analysis_models"
			    " where kind = 'duplicates' and active", 0, NULL, e);

	if (!r)
		return ST_FAIL;
	if (PQntuples(r) == 1 &&
	    sscanf(PQgetvalue(r, 0, 1), "%lf %lf", &a->cal_a, &a->cal_b) == 2)
		snprintf(a->cal_version, sizeof(a->cal_version), "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	set_method(a);
	return ST_OK;
}

/* A score of the index as the moderators of this platform would judge it. */
static double calibrated(const struct analyzer *a, double score)
{
	return a->cal_version[0] ? sigmoid(a->cal_a * logit(score) + a->cal_b) : score;
}

enum status analyzer_retrain(struct analyzer *a, struct err *e)
{
	if (train_spam(a, e) != ST_OK || train_dept(a, e) != ST_OK || train_dupes(a, e) != ST_OK)
		return ST_FAIL;
	return command(a->conn, "update analysis_settings set last_retrain_at = now()", 0, NULL, e)
	       ? ST_OK : ST_FAIL;
}

/* The active model of a kind, or NULL when there is none (or it no longer loads: a model of
 * an older engine is trained again). */
static enum status load_model(struct analyzer *a, const char *kind, struct cls_model **out,
			      struct err *e)
{
	const char *v[1] = { kind };
	PGresult *r = PQexecParams(a->conn, "select model from analysis_models where kind = $1 and active",
				   1, NULL, v, NULL, NULL, 1);
	struct err le;

	*out = NULL;
	if (!res_ok(a->conn, r, PGRES_TUPLES_OK, e))
		return ST_FAIL;
	if (PQntuples(r) == 1 && !PQgetisnull(r, 0, 0) &&
	    cls_load(PQgetvalue(r, 0, 0), (size_t)PQgetlength(r, 0, 0), out, &le) != ST_OK)
		note(a, _("The stored %s model does not load (%s); training a new one."), kind, le.msg);
	PQclear(r);
	return ST_OK;
}

/* ---- the duplicate index -------------------------------------------------------------- */

/* The ideas a duplicate may be found among: live ones. */
static const char IDEA_LIVE[] = "i.merged_into_id is null and i.hidden_at is null";

/* Add rows (id, project, title, body, lang, live) to the index. */
static void index_rows(struct analyzer *a, PGresult *r)
{
	for (int i = 0; i < PQntuples(r); i++) {
		int64_t id = pg_i64(r, i, 0);

		if (pg_bool(r, i, 5))
			dupes_index_add(a->ix, id, pg_i64(r, i, 1), PQgetvalue(r, i, 2),
					PQgetvalue(r, i, 3), lang_of(PQgetvalue(r, i, 4)));
		else
			dupes_index_remove(a->ix, id);
		if (id > a->max_id)
			a->max_id = id;
		a->dirty = true;
	}
}

/* Read ideas through a cursor, a few thousand at a time, into the index. */
static bool index_query(struct analyzer *a, const char *where, const char *const *v, int nv,
			struct err *e)
{
	char *sql = xasprintf("declare inspraak_ix no scroll cursor for"
			      " select i.id, i.project_id, i.title, i.body, i.lang, %s from ideas i"
			      " where %s order by i.id", IDEA_LIVE, where);
	bool ok = command(a->conn, "begin", 0, NULL, e) && command(a->conn, sql, nv, v, e);

	free(sql);
	while (ok) {
		PGresult *r = query(a->conn, "fetch 5000 from inspraak_ix", 0, NULL, e);
		int n;

		if (!r) {
			ok = false;
			break;
		}
		index_rows(a, r);
		n = PQntuples(r);
		PQclear(r);
		if (n == 0)
			break;
	}
	ok = ok && command(a->conn, "commit", 0, NULL, e);
	if (!ok)
		rollback(a->conn);
	return ok;
}

/* The index file's companion: which idea it has seen last and when it was saved, so a load
 * reads only what changed since. */
static char *meta_path(const char *path)
{
	return xasprintf("%s.meta", path);
}

static enum status index_load(struct analyzer *a, struct err *e)
{
	struct err le;
	char *mp;
	FILE *f;
	long long max_id = 0, saved = 0;
	char since[32], maxs[32];
	const char *v[2] = { maxs, since };

	if (!a->o.index_path || access(a->o.index_path, R_OK) != 0)
		return ST_INVALID;
	mp = meta_path(a->o.index_path);
	f = fopen(mp, "r");
	free(mp);
	if (!f)
		return ST_INVALID;
	if (fscanf(f, "inspraak-dupes-meta 1 %lld %lld", &max_id, &saved) != 2) {
		fclose(f);
		return ST_INVALID;
	}
	fclose(f);
	if (dupes_index_load(a->o.index_path, &a->ix, &le) != ST_OK) {
		note(a, _("The duplicate index is rebuilt: %s"), le.msg);
		return ST_INVALID;
	}
	a->max_id = max_id;
	snprintf(maxs, sizeof(maxs), "%lld", max_id);
	/* A minute of slack for clocks and transactions that were open at the save. */
	snprintf(since, sizeof(since), "%lld", saved - 60);
	if (!index_query(a, "i.id > $1 or i.updated_at > to_timestamp($2)", v, 2, e))
		return ST_FAIL;
	a->dirty = false;
	return ST_OK;
}

enum status analyzer_save(struct analyzer *a, struct err *e)
{
	char *mp, *tmp;
	FILE *f;

	if (!a->o.index_path || !a->dirty)
		return ST_OK;
	if (dupes_index_save(a->ix, a->o.index_path, e) != ST_OK)
		return ST_FAIL;
	mp = meta_path(a->o.index_path);
	tmp = xasprintf("%s.tmp", mp);
	f = fopen(tmp, "w");
	if (!f || fprintf(f, "inspraak-dupes-meta 1 %lld %lld\n", (long long)a->max_id,
			  (long long)time(NULL)) < 0 || fclose(f) != 0 || rename(tmp, mp) != 0) {
		err_set(e, _("Cannot write %s: %s"), mp, strerror(errno));
		free(mp);
		free(tmp);
		return ST_FAIL;
	}
	free(mp);
	free(tmp);
	a->dirty = false;
	a->saved_us = now_us();
	return ST_OK;
}

/* ---- opening --------------------------------------------------------------------------- */

enum status analyzer_open(PGconn *conn, const struct analyze_opts *o, struct analyzer **out,
			  struct err *e)
{
	struct analyzer *a = xcalloc(1, sizeof(*a));
	enum status st;
	int64_t t0;

	a->conn = conn;
	if (o)
		a->o = *o;
	*out = NULL;
	if (load_model(a, "spam", &a->spam, e) != ST_OK || load_model(a, "department", &a->dept, e) != ST_OK ||
	    load_calibration(a, e) != ST_OK)
		goto fail;
	if (!a->spam || !a->dept) {
		if ((!a->spam && train_spam(a, e) != ST_OK) || (!a->dept && train_dept(a, e) != ST_OK) ||
		    !command(conn, "update analysis_settings set last_retrain_at = now()", 0, NULL, e))
			goto fail;
	}
	t0 = now_us();
	st = index_load(a, e);
	if (st == ST_FAIL)
		goto fail;
	if (st != ST_OK) {
		dupes_index_free(a->ix);
		a->ix = dupes_index_new();
		a->max_id = 0;
		if (!index_query(a, "true", NULL, 0, e))
			goto fail;
		note(a, _("Duplicate index built over %zu ideas in %.1f s."), dupes_index_count(a->ix),
		     (double)(now_us() - t0) / 1e6);
	}
	a->saved_us = now_us();
	*out = a;
	return ST_OK;
fail:
	analyzer_close(a);
	return ST_FAIL;
}

void analyzer_close(struct analyzer *a)
{
	if (!a)
		return;
	cls_free(a->spam);
	cls_free(a->dept);
	dupes_index_free(a->ix);
	free(a->method);
	free(a);
}

/* ---- a pass ---------------------------------------------------------------------------- */

static char *reasons_json(const struct cls_reason *r, int n)
{
	json_t *j = json_array();
	char *s;

	for (int i = 0; i < n; i++)
		json_array_append_new(j, json_string(r[i].what));
	s = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	return s;
}

static bool flag_item(struct analyzer *a, const char *kind, const char *id, const char *text,
		      const struct an_behaviour *b, struct err *e)
{
	struct cls_reason r[FLAG_REASONS];
	double score = cls_score(a->spam, text, b);
	char sc[32], *rj;
	const char *v[5] = { id, sc, NULL, cls_version(a->spam), kind };
	bool ok;
	int n;

	if (score < 0.5)
		return true;
	n = cls_explain(a->spam, text, b, cls_positive(a->spam), r, FLAG_REASONS);
	rj = reasons_json(r, n);
	v[2] = rj;
	snprintf(sc, sizeof(sc), "%.4f", score);
	ok = command(a->conn, str_eq(kind, "idea")
		     ? "insert into machine_flags (idea_id, kind, score, reasons, model_version)"
		       " select $1, 'spam', $2, $3, $4 where $5 = 'idea' and not exists"
		       " (select 1 from machine_flags m where m.idea_id = $1 and m.model_version = $4)"
		     : "insert into machine_flags (comment_id, kind, score, reasons, model_version)"
		       " select $1, 'spam', $2, $3, $4 where $5 = 'comment' and not exists"
		       " (select 1 from machine_flags m where m.comment_id = $1 and m.model_version = $4)",
		     5, v, e);
	free(rj);
	return ok;
}

static bool route_idea(struct analyzer *a, const char *id, const char *text, struct err *e)
{
	int n = cls_nlabels(a->dept), best;
	double *p = xcalloc((size_t)n, sizeof(*p)), *left = xcalloc((size_t)n, sizeof(*left));
	json_t *rank = json_array();
	char conf[32], *rj;
	const char *v[5];
	bool ok;

	best = cls_predict(a->dept, text, NULL, p);
	memcpy(left, p, (size_t)n * sizeof(*p));
	/* The three likeliest, for the picker to show beside the first. */
	for (int k = 0; k < 3 && k < n; k++) {
		int top = -1;

		for (int i = 0; i < n; i++)
			if (left[i] >= 0 && (top < 0 || left[i] > left[top]))
				top = i;
		if (top < 0)
			break;
		json_array_append_new(rank, json_pack("{s:I,s:f}", "department",
						      (json_int_t)atoll(cls_label(a->dept, top)),
						      "confidence", left[top]));
		left[top] = -1;
	}
	rj = json_dumps(rank, JSON_COMPACT);
	json_decref(rank);
	snprintf(conf, sizeof(conf), "%.4f", p[best]);
	v[0] = id;
	v[1] = cls_label(a->dept, best);
	v[2] = conf;
	v[3] = rj;
	v[4] = cls_version(a->dept);
	ok = command(a->conn,
		     "insert into department_suggestions (idea_id, department_id, confidence, ranking, model_version)"
		     " select $1, $2, $3, $4, $5 where exists (select 1 from departments where id = $2)"
		     " on conflict (idea_id) do update set department_id = excluded.department_id,"
		     "   confidence = excluded.confidence, ranking = excluded.ranking,"
		     "   model_version = excluded.model_version, created_at = now()",
		     5, v, e);
	free(rj);
	free(left);
	free(p);
	return ok;
}

static bool suggest_duplicates(struct analyzer *a, int64_t id, int64_t project, const char *title,
			       const char *body, enum an_lang lang, struct err *e)
{
	struct dupes_hit hits[DUP_CANDIDATES];
	int n = dupes_index_query(a->ix, title, body, lang, project, DUP_CANDIDATES,
				  DUPES_REASONS_TOO, hits);
	int written = 0;

	for (int i = 0; i < n && written < DUP_PER_IDEA; i++) {
		json_t *rj;
		char ids[2][24], sc[32], *rs;
		const char *v[4] = { ids[0], ids[1], sc, NULL };
		PGresult *r;

		hits[i].score = calibrated(a, hits[i].score);
		if (hits[i].score < DUPES_THRESHOLD || hits[i].id == id)
			continue;
		rj = json_array();
		for (int k = 0; k < hits[i].why.n; k++)
			json_array_append_new(rj, json_string(hits[i].why.text[k]));
		rs = json_dumps(rj, JSON_COMPACT);
		json_decref(rj);
		snprintf(ids[0], sizeof(ids[0]), "%lld", (long long)(id < hits[i].id ? id : hits[i].id));
		snprintf(ids[1], sizeof(ids[1]), "%lld", (long long)(id < hits[i].id ? hits[i].id : id));
		snprintf(sc, sizeof(sc), "%.4f", hits[i].score);
		v[3] = rs;
		{
			const char *vv[5] = { v[0], v[1], v[2], a->method, rs };

			/* Both ideas must still be live: the index may not have heard of a merge
			 * made a moment ago. */
			r = PQexecParams(a->conn,
					 "insert into duplicate_suggestions (idea_a, idea_b, score, method, reasons)"
					 " select $1, $2, $3, $4, $5 where (select count(*) from ideas i"
					 "   where i.id in ($1, $2) and i.merged_into_id is null"
					 "     and i.hidden_at is null) = 2"
					 " on conflict (idea_a, idea_b) do nothing",
					 5, NULL, vv, NULL, NULL, 0);
		}
		free(rs);
		if (!res_ok(a->conn, r, PGRES_COMMAND_OK, e))
			return false;
		written += atoi(PQcmdTuples(r)) > 0;
		PQclear(r);
	}
	return true;
}

static const char PENDING_IDEAS[] =
	"select i.id, i.project_id, i.title, i.body, i.lang, (i.merged_into_id is null and"
	"       i.hidden_at is null), i.department_id is null, " IDEA_BEHAVIOUR
	"  from ideas i left join users u on u.id = i.author_id"
	" where i.analyzed_at is null order by i.id desc limit $1";

static const char PENDING_COMMENTS[] =
	"select i.id, i.body, " COMMENT_BEHAVIOUR
	"  from comments i left join users u on u.id = i.author_id"
	" where i.analyzed_at is null and i.hidden_at is null order by i.id desc limit $1";

/* One idea of a pass: flagged, routed and looked for among the index, then added to it. */
static bool idea_row(struct analyzer *a, PGresult *r, int i, struct err *e)
{
	const char *id = PQgetvalue(r, i, 0), *title = PQgetvalue(r, i, 2);
	const char *body = PQgetvalue(r, i, 3);
	enum an_lang lang = lang_of(PQgetvalue(r, i, 4));
	bool live = pg_bool(r, i, 5), unassigned = pg_bool(r, i, 6), ok = true;
	struct an_behaviour b = {
		atoi(PQgetvalue(r, i, 7)), atoi(PQgetvalue(r, i, 8)), atof(PQgetvalue(r, i, 9)),
	};
	char *text = xasprintf("%s\n%s", title, body);

	if (live && a->spam)
		ok = flag_item(a, "idea", id, text, &b, e);
	if (ok && live && unassigned && a->dept)
		ok = route_idea(a, id, text, e);
	if (ok && live) {
		ok = suggest_duplicates(a, pg_i64(r, i, 0), pg_i64(r, i, 1), title, body, lang, e);
		dupes_index_add(a->ix, pg_i64(r, i, 0), pg_i64(r, i, 1), title, body, lang);
		a->dirty = true;
		if (pg_i64(r, i, 0) > a->max_id)
			a->max_id = pg_i64(r, i, 0);
	}
	free(text);
	return ok;
}

static bool comment_row(struct analyzer *a, PGresult *r, int i, struct err *e)
{
	struct an_behaviour b = {
		atoi(PQgetvalue(r, i, 2)), atoi(PQgetvalue(r, i, 3)), atof(PQgetvalue(r, i, 4)),
	};

	return !a->spam || flag_item(a, "comment", PQgetvalue(r, i, 0), PQgetvalue(r, i, 1), &b, e);
}

/* One transaction of a pass: up to limit waiting items (pending: their query, the id first),
 * each handed to row, then all marked analysed. */
static bool pass(struct analyzer *a, const char *pending, const char *mark,
		 bool (*row)(struct analyzer *, PGresult *, int, struct err *), int limit, int *n,
		 struct err *e)
{
	char lim[16];
	const char *v[1] = { lim };
	PGresult *r;
	struct sbuf ids;
	bool ok = true;

	snprintf(lim, sizeof(lim), "%d", limit);
	*n = 0;
	if (!command(a->conn, "begin", 0, NULL, e))
		return false;
	if (!(r = query(a->conn, pending, 1, v, e))) {
		rollback(a->conn);
		return false;
	}
	sbuf_init(&ids);
	sbuf_add(&ids, "{");
	for (int i = 0; ok && i < PQntuples(r); i++) {
		ok = row(a, r, i, e);
		sbuf_addf(&ids, "%s%s", i ? "," : "", PQgetvalue(r, i, 0));
	}
	sbuf_add(&ids, "}");
	*n = PQntuples(r);
	PQclear(r);
	v[0] = ids.s;
	ok = ok && (!*n || command(a->conn, mark, 1, v, e)) && command(a->conn, "commit", 0, NULL, e);
	if (!ok)
		rollback(a->conn);
	sbuf_free(&ids);
	return ok;
}

static bool pass_ideas(struct analyzer *a, int limit, int *n, struct err *e)
{
	return pass(a, PENDING_IDEAS, "update ideas set analyzed_at = now() where id = any($1::bigint[])",
		    idea_row, limit, n, e);
}

static bool pass_comments(struct analyzer *a, int limit, int *n, struct err *e)
{
	return pass(a, PENDING_COMMENTS,
		    "update comments set analyzed_at = now() where id = any($1::bigint[])",
		    comment_row, limit, n, e);
}

enum status analyzer_pending(struct analyzer *a, long max, long *done, struct err *e)
{
	long total = 0;
	int n;

	for (;;) {
		int lim = max > 0 && max - total < BATCH ? (int)(max - total) : BATCH;

		if (max > 0 && total >= max)
			break;
		if (!pass_ideas(a, lim, &n, e))
			return ST_FAIL;
		total += n;
		if (n < lim)
			break;
	}
	for (;;) {
		int lim = max > 0 && max - total < BATCH ? (int)(max - total) : BATCH;

		if (max > 0 && total >= max)
			break;
		if (!pass_comments(a, lim, &n, e))
			return ST_FAIL;
		total += n;
		if (n < lim)
			break;
	}
	if (done)
		*done = total;
	return ST_OK;
}

/* ---- following ------------------------------------------------------------------------- */

/* Hours between trainings: the argument, else the database's setting. */
static bool retrain_due(struct analyzer *a, int hours, struct err *e)
{
	char h[16];
	const char *v[1] = { h };
	PGresult *r;
	bool due;

	snprintf(h, sizeof(h), "%d", hours);
	r = query(a->conn,
		  "select last_retrain_at is null or last_retrain_at < now() - make_interval(hours =>"
		  " case when $1::int > 0 then $1::int else retrain_hours end) from analysis_settings",
		  1, v, e);
	if (!r)
		return false;
	due = PQntuples(r) == 1 && pg_bool(r, 0, 0);
	PQclear(r);
	return due;
}

enum status analyzer_follow(struct analyzer *a, int stop_fd, int retrain_hours, struct err *e)
{
	long n;

	if (!command(a->conn, "listen inspraak", 0, NULL, e))
		return ST_FAIL;
	if (analyzer_pending(a, 0, &n, e) != ST_OK)
		return ST_FAIL;
	if (n)
		note(a, _("Analysed %ld waiting items."), n);
	for (;;) {
		struct pollfd p[2] = { { PQsocket(a->conn), POLLIN, 0 }, { stop_fd, POLLIN, 0 } };
		bool work = false;
		PGnotify *nt;
		int rc = poll(p, stop_fd >= 0 ? 2 : 1, 30000);

		if (rc < 0 && errno != EINTR) {
			err_set(e, "poll: %s", strerror(errno));
			return ST_FAIL;
		}
		if (stop_fd >= 0 && (p[1].revents & (POLLIN | POLLHUP)))
			break;
		if (rc > 0 && !PQconsumeInput(a->conn)) {
			char line[256];

			pg_error_line(PQerrorMessage(a->conn), line, sizeof(line));
			err_set(e, _("The connection to the database was lost: %s"), line);
			return ST_FAIL;
		}
		while ((nt = PQnotifies(a->conn))) {
			work |= str_eq(nt->extra, "ideas") || str_eq(nt->extra, "comments");
			PQfreemem(nt);
		}
		/* Every half minute without news, look anyway: a notification may have been
		 * missed while the connection was busy. */
		if (rc == 0)
			work = true;
		if (work) {
			if (analyzer_pending(a, 0, &n, e) != ST_OK)
				return ST_FAIL;
			if (n)
				note(a, _("Analysed %ld new items."), n);
		}
		if (rc == 0 && retrain_due(a, retrain_hours, e)) {
			if (analyzer_retrain(a, e) != ST_OK)
				return ST_FAIL;
		}
		if (a->dirty && now_us() - a->saved_us > SAVE_EVERY_US && analyzer_save(a, e) != ST_OK)
			note(a, "%s", e->msg);
	}
	return analyzer_save(a, e);
}

/* ---- status ---------------------------------------------------------------------------- */

static void print_metric(FILE *out, json_t *m, const char *key, const char *label)
{
	json_t *v = json_object_get(m, key);

	if (json_is_number(v))
		fprintf(out, "  %s %.3f", label, json_number_value(v));
}

enum status analyze_status(PGconn *conn, FILE *out, struct err *e)
{
	PGresult *r;

	if (!(r = query(conn, "select kind, version, examples, metrics::text,"
			"       to_char(created_at, 'YYYY-MM-DD HH24:MI')"
			"  from analysis_models where active order by kind", 0, NULL, e)))
		return ST_FAIL;
	fprintf(out, "%s\n", _("Models:"));
	if (PQntuples(r) == 0)
		fprintf(out, "  %s\n", _("none yet (run inspraak analyze)"));
	for (int i = 0; i < PQntuples(r); i++) {
		json_t *m = json_loads(PQgetvalue(r, i, 3), 0, NULL);

		fprintf(out, _("  %-10s %s, trained %s on %s items;"), PQgetvalue(r, i, 0),
			PQgetvalue(r, i, 1), PQgetvalue(r, i, 4), PQgetvalue(r, i, 2));
		print_metric(out, m, "accuracy", _("accuracy"));
		print_metric(out, m, "f1", "F1");
		print_metric(out, m, "precision", _("precision"));
		print_metric(out, m, "recall", _("recall"));
		print_metric(out, m, "train_seconds", _("seconds"));
		fputc('\n', out);
		json_decref(m);
	}
	PQclear(r);
	fprintf(out, _("  index      %s\n"), dupes_method());

	if (!(r = query(conn, "select count(*) filter (where label = 'spam'),"
			"       count(*) filter (where label = 'abuse'), count(*) filter (where label = 'ham'),"
			"       count(*) filter (where created_at > now() - interval '28 days'),"
			"       (select count(*) from ideas where department_id is not null),"
			"       (select count(*) from ideas where analyzed_at is null),"
			"       (select count(*) from comments where analyzed_at is null and hidden_at is null)"
			"  from moderation_labels", 0, NULL, e)))
		return ST_FAIL;
	fprintf(out, _("Labels: %s spam, %s abuse, %s kept by moderators (%s in the last 4 weeks); "
		       "%s ideas assigned to a department.\n"),
		PQgetvalue(r, 0, 0), PQgetvalue(r, 0, 1), PQgetvalue(r, 0, 2), PQgetvalue(r, 0, 3),
		PQgetvalue(r, 0, 4));
	fprintf(out, _("Waiting: %s ideas and %s comments not analysed yet.\n"), PQgetvalue(r, 0, 5),
		PQgetvalue(r, 0, 6));
	PQclear(r);

	/* Shadow figures: the engine's flags that moderators have decided on, and the items
	 * moderators hid that the engine had not flagged, over four weeks. */
	if (!(r = query(conn,
			"select count(*) filter (where m.resolution = 'confirmed'),"
			"       count(*) filter (where m.resolution = 'dismissed'),"
			"       count(*) filter (where m.resolution is null),"
			"       (select count(*) from moderation_labels l"
			"         where l.label <> 'ham' and l.created_at > now() - interval '28 days'"
			"           and not exists (select 1 from machine_flags f"
			"                 where (l.item_kind = 'idea' and f.idea_id = l.item_id)"
			"                    or (l.item_kind = 'comment' and f.comment_id = l.item_id))),"
			"       (select auto_hide_threshold from analysis_settings),"
			"       (select to_char(last_retrain_at, 'YYYY-MM-DD HH24:MI') from analysis_settings),"
			"       (select retrain_hours from analysis_settings)"
			"  from machine_flags m where m.created_at > now() - interval '28 days'", 0, NULL, e)))
		return ST_FAIL;
	{
		long agree = atol(PQgetvalue(r, 0, 0)), disagree = atol(PQgetvalue(r, 0, 1));
		long open = atol(PQgetvalue(r, 0, 2)), missed = atol(PQgetvalue(r, 0, 3));
		long decided = agree + disagree + missed;

		fprintf(out, "%s\n", _("Shadow, last 4 weeks:"));
		fprintf(out, _("  flags confirmed by a moderator %ld, dismissed %ld, still open %ld;\n"
			       "  hidden by a moderator without a flag %ld"), agree, disagree, open, missed);
		if (decided)
			fprintf(out, _("; disagreement %.0f%%"), 100.0 * (double)(disagree + missed) / (double)decided);
		fputc('\n', out);
		if (PQgetisnull(r, 0, 4))
			fprintf(out, "%s\n", _("Auto-hide: off; the engine flags and moderators decide."));
		else
			fprintf(out, _("Auto-hide threshold set to %s, but this version of the engine "
				       "never hides: it only flags.\n"), PQgetvalue(r, 0, 4));
		fprintf(out, _("Retraining every %s hours; last %s.\n"), PQgetvalue(r, 0, 6),
			PQgetisnull(r, 0, 5) ? _("never") : PQgetvalue(r, 0, 5));
	}
	PQclear(r);
	return ST_OK;
}
