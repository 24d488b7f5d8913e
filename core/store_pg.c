/* The PostgreSQL back end of the store. Every query is parameterised; queues are read with
 * keyset pagination on the indexes the schema builds for them, so a page costs the same on
 * the first and on the millionth idea. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/migrate.h"
#include "core/pg.h"
#include "core/store.h"

/* Statements are prepared once per connection and kept: planning the detail query costs
 * more than running it. */
#define STMT_CACHE 96

struct stmt {
	char *sql;
	uint32_t hash;
};

struct pg_store {
	struct store base;
	PGconn *conn;
	char *conninfo;
	char describe[512];
	struct stmt stmts[STMT_CACHE];
	int nstmts;
};

static void stmts_forget(struct pg_store *p)
{
	for (int i = 0; i < p->nstmts; i++)
		free(p->stmts[i].sql);
	p->nstmts = 0;
}

static uint32_t hash_sql(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The name of a prepared statement for sql, preparing it when needed; NULL when the cache
 * is full (run it unprepared) or preparing failed (e is set). */
static const char *stmt_name(struct pg_store *p, const char *sql, int nparams, char *name,
			     size_t n, bool *failed, struct err *e);

static struct pg_store *PG(struct store *s)
{
	return (struct pg_store *)s;
}

/* The author's counts in the idea query stop at 1001, COUNT_CAP + 1. */
_Static_assert(COUNT_CAP == 1000, "the idea query counts up to 1001");

/* --- a small query builder: SQL text plus its parameters --------------------------------- */

#define QMAX_PARAMS 24

struct query {
	struct sbuf sql;
	char *params[QMAX_PARAMS];
	int n;
};

static void q_init(struct query *q)
{
	sbuf_init(&q->sql);
	q->n = 0;
}

static void q_free(struct query *q)
{
	sbuf_free(&q->sql);
	for (int i = 0; i < q->n; i++)
		free(q->params[i]);
	q->n = 0;
}

static void q_sql(struct query *q, const char *s)
{
	sbuf_add(&q->sql, s);
}

/* Append "$N" for a new parameter with this value. */
static void q_param(struct query *q, const char *value)
{
	if (q->n >= QMAX_PARAMS)
		die("internal error: too many query parameters");
	q->params[q->n++] = xstrdup(value);
	sbuf_addf(&q->sql, "$%d", q->n);
}

static void q_param_i64(struct query *q, int64_t v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", (long long)v);
	q_param(q, buf);
}

static void set_err(struct pg_store *p, struct err *e, const PGresult *r)
{
	char line[768];

	pg_error_line(r ? PQresultErrorMessage(r) : PQerrorMessage(p->conn), line, sizeof(line));
	if (PQstatus(p->conn) != CONNECTION_OK)
		err_set(e, _("Lost the connection to the database: %s"), line);
	else
		err_set(e, _("Database error: %s"), line);
}

static const char *stmt_name(struct pg_store *p, const char *sql, int nparams, char *name,
			     size_t n, bool *failed, struct err *e)
{
	uint32_t h = hash_sql(sql);
	PGresult *r;

	*failed = false;
	for (int i = 0; i < p->nstmts; i++)
		if (p->stmts[i].hash == h && strcmp(p->stmts[i].sql, sql) == 0) {
			snprintf(name, n, "inspraak_%d", i);
			return name;
		}
	if (p->nstmts == STMT_CACHE)
		return NULL;
	snprintf(name, n, "inspraak_%d", p->nstmts);
	r = PQprepare(p->conn, name, sql, nparams, NULL);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		set_err(p, e, r);
		PQclear(r);
		*failed = true;
		return NULL;
	}
	PQclear(r);
	p->stmts[p->nstmts].sql = xstrdup(sql);
	p->stmts[p->nstmts].hash = h;
	p->nstmts++;
	return name;
}

static PGresult *q_run(struct pg_store *p, struct query *q, struct err *e)
{
	char name[32];
	bool failed;
	const char *stmt = stmt_name(p, q->sql.s, q->n, name, sizeof(name), &failed, e);
	PGresult *r;

	if (failed) {
		q_free(q);
		return NULL;
	}
	if (stmt)
		r = PQexecPrepared(p->conn, stmt, q->n, (const char *const *)q->params, NULL, NULL, 0);
	else
		r = PQexecParams(p->conn, q->sql.s, q->n, NULL, (const char *const *)q->params,
				 NULL, NULL, 0);

	if (PQresultStatus(r) != PGRES_TUPLES_OK && PQresultStatus(r) != PGRES_COMMAND_OK) {
		set_err(p, e, r);
		PQclear(r);
		r = NULL;
	}
	q_free(q);
	return r;
}

static PGresult *run1(struct pg_store *p, const char *sql, const char *param, struct err *e)
{
	struct query q;

	q_init(&q);
	q_sql(&q, sql);
	if (param) {
		q.params[0] = xstrdup(param);
		q.n = 1;
	}
	return q_run(p, &q, e);
}

#define EPOCH(col) "(extract(epoch from " col ") * 1000000)::bigint"
#define SECS(col) "extract(epoch from " col ")::bigint"
#define NAME(u) "nullif(btrim(" u ".first_name || ' ' || " u ".last_name), '')"

/* A timestamp from a key's microseconds since the epoch, exactly. */
static void q_ts(struct query *q, int64_t us)
{
	q_sql(q, "('epoch'::timestamptz + ");
	q_param_i64(q, us);
	q_sql(q, "::bigint * interval '1 microsecond')");
}

/* --- queues --------------------------------------------------------------------------------- */

/* Conditions the filter puts on an idea aliased `i`. */
static void q_filter_idea(struct query *q, const char *i, const struct filter *f)
{
	if (f->project_id) {
		sbuf_addf(&q->sql, " and %s.project_id = ", i);
		q_param_i64(q, f->project_id);
	}
	if (f->phase_id) {
		sbuf_addf(&q->sql, " and %s.phase_id = ", i);
		q_param_i64(q, f->phase_id);
	}
	if (f->area_id) {
		sbuf_addf(&q->sql, " and %s.area_id = ", i);
		q_param_i64(q, f->area_id);
	}
	if (f->department_id > 0) {
		sbuf_addf(&q->sql, " and %s.department_id = ", i);
		q_param_i64(q, f->department_id);
	} else if (f->department_id < 0) {
		sbuf_addf(&q->sql, " and %s.department_id is null", i);
	}
}

/* The rows a queue holds, without order: FROM and WHERE. */
static void q_queue_from(struct query *q, enum queue_kind k, const struct filter *f)
{
	char thr[32];

	switch (k) {
	case QUEUE_NEW:
		q_sql(q, " from ideas i where ");
		if (f->status[0]) {
			q_sql(q, "i.status = ");
			q_param(q, f->status);
		} else {
			/* Matches the partial index ideas_triage. */
			q_sql(q, "i.status = 'proposed' and i.merged_into_id is null and i.hidden_at is null");
		}
		q_filter_idea(q, "i", f);
		break;
	case QUEUE_DUPLICATES:
		/* live: both ideas neither merged nor hidden, kept by a trigger on ideas. */
		q_sql(q, " from duplicate_suggestions s"
			 " join ideas i on i.id = s.idea_a join ideas o on o.id = s.idea_b"
			 " where s.state = 'open' and s.live");
		q_filter_idea(q, "i", f);
		if (f->status[0]) {
			q_sql(q, " and (i.status = ");
			q_param(q, f->status);
			q_sql(q, " or o.status = ");
			q_param(q, f->status);
			q_sql(q, ")");
		}
		break;
	case QUEUE_FLAGS:
		q_sql(q, " from flag_queue f join ideas i on i.id = f.idea_id where (f.open_reports > 0 or f.machine_score >= ");
		snprintf(thr, sizeof(thr), "%.6f", f->flag_threshold);
		q_param(q, thr);
		q_sql(q, "::real)");
		q_filter_idea(q, "i", f);
		if (f->status[0]) {
			q_sql(q, " and i.status = ");
			q_param(q, f->status);
		}
		break;
	case QUEUE_INBOX:
		/* The statuses of an idea someone is handling (index ideas_inbox). */
		q_sql(q, " from ideas i where i.department_id is not null"
			 " and i.status in ('proposed', 'viewed', 'under_consideration')"
			 " and i.merged_into_id is null and i.hidden_at is null");
		q_filter_idea(q, "i", f);
		if (f->status[0]) {
			q_sql(q, " and i.status = ");
			q_param(q, f->status);
		}
		break;
	case QUEUE_UNTOLD:
		/* Decided since the last official reply (index ideas_untold). */
		q_sql(q, " from ideas i where i.decided_at is not null and i.author_id is not null"
			 " and i.decided_at > coalesce(i.told_at, '-infinity')");
		q_filter_idea(q, "i", f);
		if (f->status[0]) {
			q_sql(q, " and i.status = ");
			q_param(q, f->status);
		}
		break;
	default:
		break;
	}
}

/* The column a queue of ideas is ordered by. */
static const char *idea_order_column(enum queue_kind k)
{
	return k == QUEUE_UNTOLD ? "decided_at" : "created_at";
}


static int64_t score_key(float f)
{
	uint32_t bits;

	memcpy(&bits, &f, sizeof(bits));
	return bits;
}

static float key_score(const struct qkey *k)
{
	uint32_t bits = (uint32_t)k->a;
	float f;

	memcpy(&f, &bits, sizeof(f));
	return f;
}

/* Keyset condition: rows after (dir > 0) or before (dir < 0) the key, in queue order. */
static void q_queue_key(struct query *q, enum queue_kind k, const struct qkey *key, int dir,
			bool inclusive)
{
	/* Queue order is descending on every key column, so "after" is "less than". */
	const char *op = dir > 0 ? (inclusive ? "<=" : "<") : (inclusive ? ">=" : ">");
	char score[32];

	if (!key)
		return;
	switch (k) {
	case QUEUE_NEW:
	case QUEUE_INBOX:
	case QUEUE_UNTOLD:
		sbuf_addf(&q->sql, " and (i.%s, i.id) ", idea_order_column(k));
		q_sql(q, op);
		q_sql(q, " (");
		q_ts(q, key->a);
		q_sql(q, ", ");
		q_param_i64(q, key->b);
		q_sql(q, "::bigint)");
		break;
	case QUEUE_DUPLICATES:
		/* a holds the bits of the real score: nine digits give the same real back. */
		snprintf(score, sizeof(score), "%.9g", (double)key_score(key));
		q_sql(q, " and (s.score, s.id) ");
		q_sql(q, op);
		q_sql(q, " (");
		q_param(q, score);
		q_sql(q, "::real, ");
		q_param_i64(q, key->b);
		q_sql(q, "::bigint)");
		break;
	case QUEUE_FLAGS:
		q_sql(q, " and (f.last_at, f.item_kind, f.item_id) ");
		q_sql(q, op);
		q_sql(q, " (");
		q_ts(q, key->a);
		q_sql(q, ", ");
		q_param(q, key->b ? "idea" : "comment");
		q_sql(q, "::text, ");
		q_param_i64(q, key->c);
		q_sql(q, "::bigint)");
		break;
	default:
		break;
	}
}

/* The queue's order; the outer query of a page (outer) repeats it on the inner query's
 * columns, which all carry the alias k. */
static void q_queue_order(struct query *q, enum queue_kind k, int dir, bool outer)
{
	const char *d = dir > 0 ? "desc" : "asc";

	switch (k) {
	case QUEUE_NEW:
	case QUEUE_INBOX:
	case QUEUE_UNTOLD:
		sbuf_addf(&q->sql, " order by %s.%s %s, %s.id %s", outer ? "k" : "i",
			  idea_order_column(k), d, outer ? "k" : "i", d);
		break;
	case QUEUE_DUPLICATES:
		sbuf_addf(&q->sql, " order by %s.score %s, %s.id %s", outer ? "k" : "s", d,
			  outer ? "k" : "s", d);
		break;
	case QUEUE_FLAGS:
		sbuf_addf(&q->sql, " order by %s.last_at %s, %s.item_kind %s, %s.item_id %s",
			  outer ? "k" : "f", d, outer ? "k" : "f", d, outer ? "k" : "f", d);
		break;
	default:
		break;
	}
}

/* A queue page is read in two steps: the inner query finds the rows on the queue's index
 * (keyset condition, order, limit) and carries what it needs; the outer query adds names and
 * titles for those rows only. Done in one query, PostgreSQL would compute them for every row
 * it sorts. The row readers below follow these column lists. */
/* Who else holds a claim on the row's item right now. */
static void q_claimed_by(struct query *q, const char *kind_sql, const char *id_sql,
			 const char *console)
{
	sbuf_addf(&q->sql, ", (select c.holder_name from claims c where c.item_kind = %s"
		  " and c.item_id = %s and c.expires_at > now() and c.console <> ", kind_sql, id_sql);
	q_param(q, console);
	q_sql(q, ")");
}

static void q_queue_outer(struct query *q, enum queue_kind k, const char *loc,
			  const char *console)
{
	switch (k) {
	case QUEUE_NEW:
	case QUEUE_INBOX:
	case QUEUE_UNTOLD:
		sbuf_addf(&q->sql, "select " EPOCH("k.%s") ", k.id, k.title, "
			  "(select inspraak_ml(p.title_multiloc, ", idea_order_column(k));
		q_param(q, loc);
		q_sql(q, ") from projects p where p.id = k.project_id), "
			 "(select inspraak_ml(a.title_multiloc, ");
		q_param(q, loc);
		q_sql(q, ") from areas a where a.id = k.area_id), k.status, "
			 "(select d.code from departments d where d.id = k.department_id), "
			 "(select " NAME("u") " from users u where u.id = k.author_id), "
			 "k.lang, k.votes_up, k.comments_count, k.hidden_at is not null, k.version, ");
		if (k == QUEUE_UNTOLD)
			q_sql(q, "(select a.action from audit_log a where a.item_kind = 'idea'"
				 " and a.item_id = k.id and a.undone_by is null and a.undo_of is null"
				 " order by a.at desc limit 1)");
		else
			q_sql(q, "null");
		q_claimed_by(q, "'idea'", "k.id", console);
		break;
	case QUEUE_DUPLICATES:
		q_sql(q, "select k.score, k.id, k.idea_a, k.idea_b, k.a_title, k.b_title, "
			 "k.a_votes, k.b_votes, k.method, " SECS("k.created_at") ", "
			 "(select inspraak_ml(p.title_multiloc, ");
		q_param(q, loc);
		q_sql(q, ") from projects p where p.id = k.project_id), k.status, k.score");
		q_claimed_by(q, "'suggestion'", "k.id", console);
		break;
	case QUEUE_FLAGS:
		q_sql(q, "select " EPOCH("k.last_at") ", k.item_kind, k.item_id, k.idea_id, k.title, "
			 "(select c.body from comments c where k.item_kind = 'comment' and c.id = k.item_id), "
			 "k.open_reports, k.machine_score, "
			 "(select inspraak_ml(p.title_multiloc, ");
		q_param(q, loc);
		q_sql(q, ") from projects p where p.id = k.project_id), k.status, "
			 /* Each subquery on its own column, so each can use its index. */
			 "coalesce(case when k.item_kind = 'idea' then"
			 "  (select r.reason_code from citizen_reports r"
			 "   where r.idea_id = k.item_id and r.resolved_at is null"
			 "   group by r.reason_code order by count(*) desc, r.reason_code limit 1)"
			 " else (select r.reason_code from citizen_reports r"
			 "   where r.comment_id = k.item_id and r.resolved_at is null"
			 "   group by r.reason_code order by count(*) desc, r.reason_code limit 1) end,"
			 " case when k.item_kind = 'idea' then"
			 "  (select m.kind || coalesce(': ' || (m.reasons ->> 0), '') from machine_flags m"
			 "   where m.idea_id = k.item_id and m.resolved_at is null order by m.score desc limit 1)"
			 " else (select m.kind || coalesce(': ' || (m.reasons ->> 0), '') from machine_flags m"
			 "   where m.comment_id = k.item_id and m.resolved_at is null order by m.score desc limit 1)"
			 " end), "
			 SECS("k.last_at") ", "
			 "(select " NAME("u") " from users u where u.id = case when k.item_kind = 'idea'"
			 " then k.author_id else (select c.author_id from comments c where c.id = k.item_id) end), "
			 "case when k.item_kind = 'idea' then k.version"
			 " else (select c.version from comments c where c.id = k.item_id) end");
		q_claimed_by(q, "k.item_kind", "k.item_id", console);
		break;
	default:
		break;
	}
}

static void q_queue_inner(struct query *q, enum queue_kind k)
{
	switch (k) {
	case QUEUE_NEW:
	case QUEUE_INBOX:
	case QUEUE_UNTOLD:
		q_sql(q, "select i.id, i.created_at, i.decided_at, i.title, i.project_id, i.area_id, i.status,"
			 " i.department_id, i.author_id, i.lang, i.votes_up, i.comments_count, i.hidden_at,"
			 " i.version");
		break;
	case QUEUE_DUPLICATES:
		q_sql(q, "select s.id, s.score, s.idea_a, s.idea_b, s.method, s.created_at,"
			 " i.title as a_title, o.title as b_title, i.votes_up as a_votes,"
			 " o.votes_up as b_votes, i.project_id, i.status");
		break;
	case QUEUE_FLAGS:
		q_sql(q, "select f.item_kind, f.item_id, f.idea_id, f.last_at, f.open_reports,"
			 " f.machine_score, i.title, i.project_id, i.status, i.author_id, i.version");
		break;
	default:
		break;
	}
}

static void q_search(struct query *q, enum queue_kind k, const char *needle);

/* A whole page query: rows next to `from`, optionally only those matching needle. */
static void q_page(struct query *q, enum queue_kind k, const struct filter *f,
		   const struct store *s, const struct qkey *from, int dir, bool inclusive,
		   const char *needle, int limit)
{
	q_queue_outer(q, k, s->locale, s->console);
	q_sql(q, " from (");
	q_queue_inner(q, k);
	q_queue_from(q, k, f);
	q_queue_key(q, k, from, dir, inclusive);
	if (needle)
		q_search(q, k, needle);
	q_queue_order(q, k, dir, false);
	q_sql(q, " limit ");
	q_param_i64(q, limit);
	q_sql(q, ") k");
	q_queue_order(q, k, dir, true);
}

static void read_row(enum queue_kind k, const PGresult *r, int i, struct queue_row *row)
{
	char *s;

	memset(row, 0, sizeof(*row));
	row->score = -1;
	switch (k) {
	case QUEUE_NEW:
	case QUEUE_INBOX:
	case QUEUE_UNTOLD:
		row->key.a = pg_i64(r, i, 0);
		row->key.b = row->id = row->idea_id = pg_i64(r, i, 1);
		row->time = row->key.a / 1000000;
		row->title = pg_str(r, i, 2);
		row->project = pg_str(r, i, 3);
		row->area = pg_str(r, i, 4);
		row->status = pg_str(r, i, 5);
		row->department = pg_str(r, i, 6);
		row->author = pg_str(r, i, 7);
		snprintf(row->lang, sizeof(row->lang), "%s", PQgetvalue(r, i, 8));
		row->votes = pg_int(r, i, 9);
		row->comments = pg_int(r, i, 10);
		row->hidden = pg_bool(r, i, 11);
		row->version = pg_int(r, i, 12);
		row->reason = pg_str(r, i, 13);
		row->claimed_by = pg_str(r, i, 14);
		break;
	case QUEUE_DUPLICATES:
		row->key.a = score_key(strtof(PQgetvalue(r, i, 0), NULL));
		row->key.b = row->id = pg_i64(r, i, 1);
		row->idea_id = pg_i64(r, i, 2);
		row->other_id = pg_i64(r, i, 3);
		row->title = pg_str(r, i, 4);
		row->other_title = pg_str(r, i, 5);
		row->votes = pg_int(r, i, 6);
		row->other_votes = pg_int(r, i, 7);
		row->reason = pg_str(r, i, 8);
		row->time = pg_i64(r, i, 9);
		row->project = pg_str(r, i, 10);
		row->status = pg_str(r, i, 11);
		row->score = pg_double(r, i, 12, 0);
		row->claimed_by = pg_str(r, i, 13);
		break;
	case QUEUE_FLAGS:
		row->key.a = pg_i64(r, i, 0);
		s = PQgetvalue(r, i, 1);
		row->kind = strcmp(s, "idea") == 0 ? ITEM_IDEA : ITEM_COMMENT;
		row->key.b = row->kind == ITEM_IDEA;
		row->key.c = row->id = pg_i64(r, i, 2);
		row->idea_id = pg_i64(r, i, 3);
		row->title = pg_str(r, i, 4);
		row->text = pg_str(r, i, 5);
		row->reports = pg_int(r, i, 6);
		row->score = pg_double(r, i, 7, -1);
		row->project = pg_str(r, i, 8);
		row->status = pg_str(r, i, 9);
		row->reason = pg_str(r, i, 10);
		row->time = pg_i64(r, i, 11);
		row->author = pg_str(r, i, 12);
		row->version = pg_int(r, i, 13);
		row->claimed_by = pg_str(r, i, 14);
		break;
	default:
		break;
	}
}

static enum status pg_page(struct store *s, enum queue_kind k, const struct filter *f,
			   const struct qkey *from, int dir, bool inclusive, int limit,
			   struct queue_row *rows, int *n, struct err *e)
{
	struct pg_store *p = PG(s);
	struct query q;
	PGresult *r;
	int got;

	*n = 0;
	if (dir == 0)
		dir = 1;
	q_init(&q);
	q_page(&q, k, f, s, from, dir, inclusive, NULL, limit);
	r = q_run(p, &q, e);
	if (!r)
		return ST_FAIL;
	got = PQntuples(r);
	for (int i = 0; i < got; i++)
		read_row(k, r, i, &rows[dir > 0 ? i : got - 1 - i]);
	PQclear(r);
	*n = got;
	return ST_OK;
}

static enum status pg_position(struct store *s, enum queue_kind k, const struct filter *f,
			       const struct qkey *at, long *pos, struct err *e)
{
	struct query q;
	PGresult *r;

	q_init(&q);
	q_sql(&q, "select count(*) from (select 1");
	q_queue_from(&q, k, f);
	/* Rows before `at` are those "after" it in reverse order. */
	q_queue_key(&q, k, at, -1, false);
	q_sql(&q, " limit ");
	q_param_i64(&q, COUNT_CAP + 1);
	q_sql(&q, ") x");
	r = q_run(PG(s), &q, e);
	if (!r)
		return ST_FAIL;
	*pos = (long)pg_i64(r, 0, 0);
	PQclear(r);
	return ST_OK;
}

/* A LIKE pattern that matches needle anywhere, with LIKE's own characters escaped. */
static char *like_pattern(const char *needle)
{
	struct sbuf b;

	sbuf_init(&b);
	sbuf_addc(&b, '%');
	for (const char *c = needle; *c; c++) {
		if (*c == '%' || *c == '_' || *c == '\\')
			sbuf_addc(&b, '\\');
		sbuf_addc(&b, *c);
	}
	sbuf_addc(&b, '%');
	return sbuf_take(&b);
}

/* The search condition, inside the inner query. */
static void q_search(struct query *q, enum queue_kind k, const char *needle)
{
	char *pat = like_pattern(needle);

	switch (k) {
	case QUEUE_NEW:
	case QUEUE_INBOX:
	case QUEUE_UNTOLD:
		q_sql(q, " and (unaccent(i.title) ilike unaccent(");
		q_param(q, pat);
		q_sql(q, ") or unaccent(i.body) ilike unaccent(");
		q_param(q, pat);
		q_sql(q, "))");
		break;
	case QUEUE_DUPLICATES:
		q_sql(q, " and (unaccent(i.title || ' ' || i.body) ilike unaccent(");
		q_param(q, pat);
		q_sql(q, ") or unaccent(o.title || ' ' || o.body) ilike unaccent(");
		q_param(q, pat);
		q_sql(q, "))");
		break;
	case QUEUE_FLAGS:
		q_sql(q, " and (unaccent(i.title || ' ' || i.body) ilike unaccent(");
		q_param(q, pat);
		q_sql(q, ") or (f.item_kind = 'comment' and exists (select 1 from comments c"
			 " where c.id = f.item_id and unaccent(c.body) ilike unaccent(");
		q_param(q, pat);
		q_sql(q, "))))");
		break;
	default:
		break;
	}
	free(pat);
}

static enum status pg_search(struct store *s, enum queue_kind k, const struct filter *f,
			     const struct qkey *from, int dir, const char *needle,
			     struct queue_row *found, struct err *e)
{
	struct query q;
	PGresult *r;
	enum status st = ST_NOT_FOUND;

	q_init(&q);
	q_page(&q, k, f, s, from, dir, false, needle, 1);
	r = q_run(PG(s), &q, e);
	if (!r)
		return ST_FAIL;
	if (PQntuples(r) == 1) {
		read_row(k, r, 0, found);
		st = ST_OK;
	}
	PQclear(r);
	return st;
}

static enum status pg_counts(struct store *s, const struct filter *f, long out[QUEUE_COUNT],
			     struct err *e)
{
	struct query q;
	PGresult *r;

	q_init(&q);
	q_sql(&q, "select");
	for (int k = 0; k < QUEUE_COUNT; k++) {
		q_sql(&q, k ? ", (select count(*) from (select 1" : " (select count(*) from (select 1");
		q_queue_from(&q, (enum queue_kind)k, f);
		q_sql(&q, " limit ");
		q_param_i64(&q, COUNT_CAP + 1);
		q_sql(&q, ") x)");
	}
	r = q_run(PG(s), &q, e);
	if (!r)
		return ST_FAIL;
	for (int k = 0; k < QUEUE_COUNT; k++)
		out[k] = (long)pg_i64(r, 0, k);
	PQclear(r);
	return ST_OK;
}

/* --- details ------------------------------------------------------------------------------ */

static enum status pg_idea(struct store *s, int64_t id, struct idea_detail *d, struct err *e)
{
	struct pg_store *p = PG(s);
	struct query q;
	PGresult *r;
	int c = 0;

	memset(d, 0, sizeof(*d));
	q_init(&q);
	q_sql(&q, "select i.id, i.project_id, i.phase_id, i.author_id, i.area_id, i.department_id,"
		  " i.merged_into_id, i.title, i.body, i.lang, i.source,"
		  " inspraak_ml(p.title_multiloc, $2), inspraak_ml(ph.title_multiloc, $2),"
		  " ph.participation_method, " NAME("u") ", inspraak_ml(a.title_multiloc, $2),"
		  " i.address, inspraak_ml(d.title_multiloc, $2), " NAME("asg") ","
		  " i.status, inspraak_ml(st.title_multiloc, $2), m.title, i.hidden_reason,"
		  " " SECS("i.created_at") ", " SECS("i.hidden_at") ","
		  " i.votes_up, i.votes_down, i.comments_count, i.version, i.location_lat, i.location_lng,"
		  /* Counted up to COUNT_CAP + 1, as the queues are: an author with thousands of
		   * posts costs no more than a frame. */
		  " (select count(*) from (select from ideas x where x.author_id = i.author_id"
		  "  limit 1001) c),"
		  " (select count(*) from (select from comments x where x.author_id = i.author_id"
		  "  limit 1001) c),"
		  " (select count(*) from ideas x where x.author_id = i.author_id and x.hidden_at is not null)"
		  "  + (select count(*) from comments x where x.author_id = i.author_id and x.hidden_at is not null),"
		  " u.first_name, u.locale, inspraak_ml(d.signature_multiloc, u.locale),"
		  " sup.up, sup.down,"
		  " (select count(*) from ideas x where x.merged_into_id = i.id),"
		  " ds.department_id, ds.confidence"
		  " from ideas i join projects p on p.id = i.project_id"
		  " left join department_suggestions ds on ds.idea_id = i.id"
		  " cross join lateral inspraak_support(i.id) sup"
		  " join idea_statuses st on st.key = i.status"
		  " left join phases ph on ph.id = i.phase_id"
		  " left join users u on u.id = i.author_id"
		  " left join areas a on a.id = i.area_id"
		  " left join departments d on d.id = i.department_id"
		  " left join users asg on asg.id = i.assignee_id"
		  " left join ideas m on m.id = i.merged_into_id"
		  " where i.id = ");
	q_param_i64(&q, id);
	q_sql(&q, " and ");
	q_param(&q, s->locale);
	q_sql(&q, " is not null");
	r = q_run(p, &q, e);
	if (!r)
		return ST_FAIL;
	if (PQntuples(r) != 1) {
		PQclear(r);
		err_set(e, _("There is no idea #%lld."), (long long)id);
		return ST_NOT_FOUND;
	}
	d->id = pg_i64(r, 0, c++);
	d->project_id = pg_i64(r, 0, c++);
	d->phase_id = pg_i64(r, 0, c++);
	d->author_id = pg_i64(r, 0, c++);
	d->area_id = pg_i64(r, 0, c++);
	d->department_id = pg_i64(r, 0, c++);
	d->merged_into_id = pg_i64(r, 0, c++);
	d->title = pg_str(r, 0, c++);
	d->body = pg_str(r, 0, c++);
	d->lang = pg_str(r, 0, c++);
	d->source = pg_str(r, 0, c++);
	d->project = pg_str(r, 0, c++);
	d->phase = pg_str(r, 0, c++);
	d->phase_method = pg_str(r, 0, c++);
	d->author = pg_str(r, 0, c++);
	d->area = pg_str(r, 0, c++);
	d->address = pg_str(r, 0, c++);
	d->department = pg_str(r, 0, c++);
	d->assignee = pg_str(r, 0, c++);
	d->status = pg_str(r, 0, c++);
	d->status_title = pg_str(r, 0, c++);
	d->merged_into_title = pg_str(r, 0, c++);
	d->hidden_reason = pg_str(r, 0, c++);
	d->created_at = pg_i64(r, 0, c++);
	d->hidden_at = pg_i64(r, 0, c++);
	d->votes_up = pg_int(r, 0, c++);
	d->votes_down = pg_int(r, 0, c++);
	d->comments = pg_int(r, 0, c++);
	d->version = pg_int(r, 0, c++);
	d->has_location = !PQgetisnull(r, 0, c);
	d->lat = pg_double(r, 0, c++, 0);
	d->lng = pg_double(r, 0, c++, 0);
	d->author_ideas = pg_int(r, 0, c++);
	d->author_comments = pg_int(r, 0, c++);
	d->author_hidden = pg_int(r, 0, c++);
	d->author_first_name = pg_str(r, 0, c++);
	d->author_locale = pg_str(r, 0, c++);
	d->department_signature = pg_str(r, 0, c++);
	d->support_up = pg_int(r, 0, c++);
	d->support_down = pg_int(r, 0, c++);
	d->merged_count = pg_int(r, 0, c++);
	d->suggested_department = pg_i64(r, 0, c++);
	d->suggested_confidence = pg_double(r, 0, c++, 0);
	PQclear(r);
	return ST_OK;
}

/* Citizen reports and machine scores on one item, newest first. */
static enum status pg_flags(struct pg_store *p, enum item_kind kind, int64_t id,
			    struct flag_line **out, int *n, struct err *e)
{
	const char *col = kind == ITEM_IDEA ? "idea_id" : "comment_id";
	struct query q;
	PGresult *r;

	*out = NULL;
	*n = 0;
	q_init(&q);
	sbuf_addf(&q.sql,
		  "select false, r.reason_code, r.other_reason, null, null::real, " SECS("r.created_at") ","
		  " r.resolution from citizen_reports r where r.%s = $1"
		  " union all "
		  "select true, m.kind, (select string_agg(x, ', ') from jsonb_array_elements_text(m.reasons) x),"
		  " m.model_version, m.score, " SECS("m.created_at") ", m.resolution"
		  " from machine_flags m where m.%s = $1"
		  " order by 6 desc limit 100", col, col);
	{
		char buf[32];

		snprintf(buf, sizeof(buf), "%lld", (long long)id);
		q.params[0] = xstrdup(buf);
		q.n = 1;
	}
	r = q_run(p, &q, e);
	if (!r)
		return ST_FAIL;
	*n = PQntuples(r);
	*out = xcalloc((size_t)*n, sizeof(**out));
	for (int i = 0; i < *n; i++) {
		struct flag_line *f = &(*out)[i];

		f->machine = pg_bool(r, i, 0);
		f->reason = pg_str(r, i, 1);
		f->detail = pg_str(r, i, 2);
		f->model = pg_str(r, i, 3);
		f->score = pg_double(r, i, 4, -1);
		f->at = pg_i64(r, i, 5);
		f->resolution = pg_str(r, i, 6);
	}
	PQclear(r);
	return ST_OK;
}

/* An item's audit trail, newest first. */
static enum status pg_history(struct pg_store *p, const char *kind, int64_t id,
			      struct audit_line **out, int *n, struct err *e)
{
	struct query q;
	PGresult *r;

	*out = NULL;
	*n = 0;
	q_init(&q);
	q_sql(&q, "select a.id, " SECS("a.at") ", a.actor, a.action,"
		  " coalesce(a.after ->> 'summary', ''), a.justification, a.undone_by is not null"
		  " from audit_log a where a.item_kind = ");
	q_param(&q, kind);
	q_sql(&q, " and a.item_id = ");
	q_param_i64(&q, id);
	q_sql(&q, " order by a.at desc, a.id desc limit 50");
	r = q_run(p, &q, e);
	if (!r)
		return ST_FAIL;
	*n = PQntuples(r);
	*out = xcalloc((size_t)*n, sizeof(**out));
	for (int i = 0; i < *n; i++) {
		(*out)[i].id = pg_i64(r, i, 0);
		(*out)[i].at = pg_i64(r, i, 1);
		(*out)[i].actor = pg_str(r, i, 2);
		(*out)[i].action = pg_str(r, i, 3);
		(*out)[i].summary = pg_str(r, i, 4);
		(*out)[i].justification = pg_str(r, i, 5);
		(*out)[i].undone = pg_bool(r, i, 6);
	}
	PQclear(r);
	return ST_OK;
}

/* Who else holds a claim on an item now (NULL: nobody). */
static enum status pg_holder(struct pg_store *p, const char *kind, int64_t id, char **holder,
			     struct err *e)
{
	struct query q;
	PGresult *r;

	*holder = NULL;
	q_init(&q);
	q_sql(&q, "select holder_name from claims where item_kind = ");
	q_param(&q, kind);
	q_sql(&q, " and item_id = ");
	q_param_i64(&q, id);
	q_sql(&q, " and expires_at > now() and console <> ");
	q_param(&q, p->base.console);
	r = q_run(p, &q, e);
	if (!r)
		return ST_FAIL;
	if (PQntuples(r))
		*holder = pg_str(r, 0, 0);
	PQclear(r);
	return ST_OK;
}

/* The idea with its signals, duplicate candidates and official replies. */
static enum status pg_idea_full(struct store *s, int64_t id, struct idea_detail *d, struct err *e)
{
	struct pg_store *p = PG(s);
	char ids[32];
	PGresult *r;
	enum status st = pg_idea(s, id, d, e);

	if (st != ST_OK)
		return st;
	if (pg_flags(p, ITEM_IDEA, id, &d->flags, &d->nflags, e) != ST_OK)
		goto fail;
	snprintf(ids, sizeof(ids), "%lld", (long long)id);
	r = run1(p, "select s.id, o.id, o.title, s.score, s.method, s.state"
		    " from duplicate_suggestions s"
		    " join ideas o on o.id = case when s.idea_a = $1 then s.idea_b else s.idea_a end"
		    " where s.idea_a = $1 or s.idea_b = $1"
		    " order by s.state = 'open' desc, s.score desc limit 20", ids, e);
	if (!r)
		goto fail;
	d->ndupes = PQntuples(r);
	d->dupes = xcalloc((size_t)d->ndupes, sizeof(*d->dupes));
	for (int i = 0; i < d->ndupes; i++) {
		d->dupes[i].suggestion_id = pg_i64(r, i, 0);
		d->dupes[i].other_id = pg_i64(r, i, 1);
		d->dupes[i].other_title = pg_str(r, i, 2);
		d->dupes[i].score = pg_double(r, i, 3, 0);
		d->dupes[i].method = pg_str(r, i, 4);
		d->dupes[i].state = pg_str(r, i, 5);
	}
	PQclear(r);
	r = run1(p, "select signature, body, " SECS("created_at") " from official_feedback"
		    " where idea_id = $1 order by created_at desc limit 20", ids, e);
	if (!r)
		goto fail;
	d->nfeedback = PQntuples(r);
	d->feedback = xcalloc((size_t)d->nfeedback, sizeof(*d->feedback));
	for (int i = 0; i < d->nfeedback; i++) {
		d->feedback[i].signature = pg_str(r, i, 0);
		d->feedback[i].body = pg_str(r, i, 1);
		d->feedback[i].at = pg_i64(r, i, 2);
	}
	PQclear(r);
	if (pg_history(p, "idea", id, &d->history, &d->nhistory, e) != ST_OK)
		goto fail;
	if (pg_holder(p, "idea", id, &d->claimed_by, e) != ST_OK)
		goto fail;
	return ST_OK;
fail:
	idea_detail_free(d);
	return ST_FAIL;
}

static enum status pg_flag_item(struct store *s, enum item_kind kind, int64_t id,
				struct flag_detail *d, struct err *e)
{
	struct pg_store *p = PG(s);
	int64_t idea = id;
	enum status st;

	memset(d, 0, sizeof(*d));
	d->kind = kind;
	d->item_id = id;
	if (kind == ITEM_COMMENT) {
		char ids[32];
		PGresult *r;

		snprintf(ids, sizeof(ids), "%lld", (long long)id);
		r = run1(p, "select c.idea_id, c.body, " NAME("u") ", c.author_id, " SECS("c.created_at") ","
			    " c.hidden_at is not null, c.hidden_reason, c.version"
			    " from comments c left join users u on u.id = c.author_id where c.id = $1", ids, e);
		if (!r)
			return ST_FAIL;
		if (PQntuples(r) != 1) {
			PQclear(r);
			err_set(e, _("There is no comment #%lld."), (long long)id);
			return ST_NOT_FOUND;
		}
		idea = pg_i64(r, 0, 0);
		d->comment = pg_str(r, 0, 1);
		d->comment_author = pg_str(r, 0, 2);
		d->comment_author_id = pg_i64(r, 0, 3);
		d->comment_at = pg_i64(r, 0, 4);
		d->comment_hidden = pg_bool(r, 0, 5);
		d->comment_hidden_reason = pg_str(r, 0, 6);
		d->comment_version = pg_int(r, 0, 7);
		PQclear(r);
	}
	st = pg_idea_full(s, idea, &d->idea, e);
	if (st != ST_OK) {
		flag_detail_free(d);
		return st;
	}
	if (kind == ITEM_IDEA)
		return ST_OK;
	if (pg_flags(p, kind, id, &d->flags, &d->nflags, e) != ST_OK) {
		flag_detail_free(d);
		return ST_FAIL;
	}
	return ST_OK;
}

static enum status pg_suggestion(struct store *s, int64_t id, struct dupe_detail *d,
				 struct err *e)
{
	struct pg_store *p = PG(s);
	char ids[32];
	PGresult *r;
	int64_t a, b;
	enum status st;

	memset(d, 0, sizeof(*d));
	snprintf(ids, sizeof(ids), "%lld", (long long)id);
	r = run1(p, "select s.idea_a, s.idea_b, s.score, s.method, s.state,"
		    " (select string_agg(x, '; ') from jsonb_array_elements_text(s.reasons) x)"
		    " from duplicate_suggestions s where s.id = $1", ids, e);
	if (!r)
		return ST_FAIL;
	if (PQntuples(r) != 1) {
		PQclear(r);
		err_set(e, _("There is no duplicate suggestion #%lld."), (long long)id);
		return ST_NOT_FOUND;
	}
	d->id = id;
	a = pg_i64(r, 0, 0);
	b = pg_i64(r, 0, 1);
	d->score = pg_double(r, 0, 2, 0);
	d->method = pg_str(r, 0, 3);
	d->state = pg_str(r, 0, 4);
	d->reasons = pg_str(r, 0, 5);
	PQclear(r);
	st = pg_idea(s, a, &d->a, e);
	if (st == ST_OK)
		st = pg_idea(s, b, &d->b, e);
	if (st != ST_OK)
		dupe_detail_free(d);
	return st;
}

static enum status pg_author(struct store *s, int64_t uid, struct author_view *a, struct err *e)
{
	struct pg_store *p = PG(s);
	char ids[32];
	struct query q;
	PGresult *r;
	int c = 0;

	memset(a, 0, sizeof(*a));
	snprintf(ids, sizeof(ids), "%lld", (long long)uid);
	q_init(&q);
	q_sql(&q, "select u.id, " NAME("u") ", u.role, inspraak_ml(ar.title_multiloc, $2), u.locale,"
		  " u.gender, u.birth_year, " SECS("u.created_at") ", " SECS("u.blocked_until") ","
		  " u.block_reason,"
		  " (select count(*) from ideas x where x.author_id = u.id),"
		  " (select count(*) from comments x where x.author_id = u.id),"
		  " (select count(*) from votes x where x.user_id = u.id),"
		  " (select count(*) from ideas x where x.author_id = u.id and x.hidden_at is not null)"
		  "  + (select count(*) from comments x where x.author_id = u.id and x.hidden_at is not null),"
		  " (select count(*) from citizen_reports r left join ideas x on x.id = r.idea_id"
		  "   left join comments y on y.id = r.comment_id"
		  "   where coalesce(x.author_id, y.author_id) = u.id and r.resolution = 'confirmed'),"
		  " (select count(*) from citizen_reports r left join ideas x on x.id = r.idea_id"
		  "   left join comments y on y.id = r.comment_id"
		  "   where coalesce(x.author_id, y.author_id) = u.id and r.resolution = 'dismissed')"
		  " from users u left join areas ar on ar.id = u.area_id where u.id = ");
	q_param(&q, ids);
	q_sql(&q, " and ");
	q_param(&q, s->locale);
	q_sql(&q, " is not null");
	r = q_run(p, &q, e);
	if (!r)
		return ST_FAIL;
	if (PQntuples(r) != 1) {
		PQclear(r);
		err_set(e, _("There is no user #%lld."), (long long)uid);
		return ST_NOT_FOUND;
	}
	a->id = pg_i64(r, 0, c++);
	a->name = pg_str(r, 0, c++);
	a->role = pg_str(r, 0, c++);
	a->area = pg_str(r, 0, c++);
	a->locale = pg_str(r, 0, c++);
	a->gender = pg_str(r, 0, c++);
	a->birth_year = pg_int(r, 0, c++);
	a->created_at = pg_i64(r, 0, c++);
	a->blocked_until = pg_i64(r, 0, c++);
	a->block_reason = pg_str(r, 0, c++);
	a->ideas = pg_int(r, 0, c++);
	a->comments = pg_int(r, 0, c++);
	a->votes = pg_int(r, 0, c++);
	a->hidden = pg_int(r, 0, c++);
	a->confirmed = pg_int(r, 0, c++);
	a->dismissed = pg_int(r, 0, c++);
	PQclear(r);

	r = run1(p, "select * from ("
		    " select 'idea' as kind, i.id, i.id as idea_id, i.title as text, i.status,"
		    "  i.hidden_at is not null, i.hidden_reason, i.created_at as at,"
		    "  count(r.*) filter (where r.resolved_at is null),"
		    "  count(r.*) filter (where r.resolution = 'confirmed'),"
		    "  count(r.*) filter (where r.resolution = 'dismissed')"
		    " from ideas i left join citizen_reports r on r.idea_id = i.id"
		    " where i.author_id = $1 group by i.id"
		    " union all"
		    " select 'comment', c.id, c.idea_id, c.body, null, c.hidden_at is not null,"
		    "  c.hidden_reason, c.created_at,"
		    "  count(r.*) filter (where r.resolved_at is null),"
		    "  count(r.*) filter (where r.resolution = 'confirmed'),"
		    "  count(r.*) filter (where r.resolution = 'dismissed')"
		    " from comments c left join citizen_reports r on r.comment_id = c.id"
		    " where c.author_id = $1 group by c.id"
		    ") x order by at desc limit 200", ids, e);
	if (!r) {
		author_view_free(a);
		return ST_FAIL;
	}
	a->nitems = PQntuples(r);
	a->items = xcalloc((size_t)a->nitems, sizeof(*a->items));
	for (int i = 0; i < a->nitems; i++) {
		struct contribution *it = &a->items[i];

		it->kind = strcmp(PQgetvalue(r, i, 0), "idea") == 0 ? ITEM_IDEA : ITEM_COMMENT;
		it->id = pg_i64(r, i, 1);
		it->idea_id = pg_i64(r, i, 2);
		it->text = pg_str(r, i, 3);
		it->status = pg_str(r, i, 4);
		it->hidden = pg_bool(r, i, 5);
		it->hidden_reason = pg_str(r, i, 6);
		it->at = 0;
		it->reports_open = pg_int(r, i, 8);
		it->reports_confirmed = pg_int(r, i, 9);
		it->reports_dismissed = pg_int(r, i, 10);
	}
	PQclear(r);
	/* The timestamps, as unix time; kept out of the union so its sort stays on timestamptz. */
	r = run1(p, "select " SECS("at") " from ("
		    " select created_at as at from ideas where author_id = $1"
		    " union all select created_at from comments where author_id = $1) x"
		    " order by at desc limit 200", ids, e);
	if (r) {
		for (int i = 0; i < a->nitems && i < PQntuples(r); i++)
			a->items[i].at = pg_i64(r, i, 0);
		PQclear(r);
	}
	return ST_OK;
}

/* --- actions ------------------------------------------------------------------------------- */

/* The database's own sentence for a refused action, and what kind of refusal it was. */
static enum status action_error(struct pg_store *p, const PGresult *r, struct err *e)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;

	if (!state || strncmp(state, "IN", 2) != 0 || !msg) {
		set_err(p, e, r);
		return ST_FAIL;
	}
	err_set(e, "%s", msg);
	if (strcmp(state, "IN001") == 0)
		return ST_CONFLICT;
	if (strcmp(state, "IN003") == 0)
		return ST_CLAIMED;
	if (strcmp(state, "IN004") == 0)
		return ST_FORBIDDEN;
	if (strcmp(state, "IN006") == 0)
		return ST_DONE;
	/* IN005, the timeline would break: a gap (which the caller may allow) says where in
	 * its detail; an overlap does not. */
	if (strcmp(state, "IN005") == 0 && PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL) &&
	    strstr(PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL), "gap_after"))
		return ST_GAP;
	return ST_INVALID;
}

/* Run an action function that returns an audit id. */
static enum status q_action(struct pg_store *p, struct query *q, int64_t *audit, struct err *e)
{
	char name[32];
	bool failed;
	const char *stmt = stmt_name(p, q->sql.s, q->n, name, sizeof(name), &failed, e);
	PGresult *r;
	enum status st = ST_OK;

	if (audit)
		*audit = 0;
	if (failed) {
		q_free(q);
		return ST_FAIL;
	}
	r = stmt ? PQexecPrepared(p->conn, stmt, q->n, (const char *const *)q->params, NULL, NULL, 0)
		 : PQexecParams(p->conn, q->sql.s, q->n, NULL, (const char *const *)q->params, NULL,
				NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		st = action_error(p, r, e);
	else if (audit && PQntuples(r) == 1)
		*audit = pg_i64(r, 0, 0);
	PQclear(r);
	q_free(q);
	return st;
}

static void q_param_or_null(struct query *q, const char *v)
{
	if (v) {
		q_param(q, v);
		return;
	}
	if (q->n >= QMAX_PARAMS)
		die("internal error: too many query parameters");
	q->params[q->n++] = NULL;
	sbuf_addf(&q->sql, "$%d", q->n);
}

static void q_param_ts(struct query *q, int64_t t)
{
	char buf[32];

	if (!t) {
		q_param_or_null(q, NULL);
		return;
	}
	snprintf(buf, sizeof(buf), "%lld", (long long)t);
	q_sql(q, "to_timestamp(");
	q_param(q, buf);
	q_sql(q, "::bigint)");
}

static void q_param_id_or_null(struct query *q, int64_t v)
{
	if (v)
		q_param_i64(q, v);
	else
		q_param_or_null(q, NULL);
}

/* A bigint[] or int[] literal. */
static void q_param_array(struct query *q, const int64_t *v64, const int *v32, int n)
{
	struct sbuf b;

	sbuf_init(&b);
	sbuf_addc(&b, '{');
	for (int i = 0; i < n; i++)
		sbuf_addf(&b, "%s%lld", i ? "," : "", v64 ? (long long)v64[i] : (long long)v32[i]);
	sbuf_addc(&b, '}');
	q_param(q, b.s);
	sbuf_free(&b);
}

/* An action function that takes an id and a justification. */
static enum status call_id(struct store *s, const char *fn, int64_t id, const char *justification,
			   int64_t *audit, struct err *e)
{
	struct query q;

	q_init(&q);
	sbuf_addf(&q.sql, "select %s(", fn);
	q_param_i64(&q, id);
	q_sql(&q, ", ");
	q_param_or_null(&q, justification);
	q_sql(&q, ")");
	return q_action(PG(s), &q, audit, e);
}

static enum status pg_merge_preview(struct store *s, int64_t keep, const int64_t *merged, int n,
				    struct merge_preview *out, struct err *e)
{
	struct pg_store *p = PG(s);
	struct query q;
	PGresult *r;

	memset(out, 0, sizeof(*out));
	out->keep = keep;
	q_init(&q);
	q_sql(&q, "select i.title, (select up from inspraak_support(i.id)),"
		  " (select count(distinct v.user_id) from votes v where v.mode = 'up' and v.idea_id in"
		  "   (select x.id from inspraak_merge_group(i.id) x union select unnest(");
	q_param_array(&q, merged, NULL, n);
	q_sql(&q, "::bigint[]))),"
		  " (select sum(up) from (select (inspraak_support(x)).up from unnest(");
	q_param_array(&q, merged, NULL, n);
	q_sql(&q, "::bigint[] || i.id) x) y),"
		  " (select count(*) from comments c where c.hidden_at is null and c.idea_id in"
		  "   (select x.id from inspraak_merge_group(i.id) x union select unnest(");
	q_param_array(&q, merged, NULL, n);
	q_sql(&q, "::bigint[])))"
		  " from ideas i where i.id = ");
	q_param_i64(&q, keep);
	r = q_run(p, &q, e);
	if (!r)
		return ST_FAIL;
	if (PQntuples(r) != 1) {
		PQclear(r);
		err_set(e, _("There is no idea #%lld."), (long long)keep);
		return ST_NOT_FOUND;
	}
	out->keep_title = pg_str(r, 0, 0);
	out->support_before = pg_int(r, 0, 1);
	out->support_after = pg_int(r, 0, 2);
	out->support_sum = pg_int(r, 0, 3);
	out->comments = pg_int(r, 0, 4);
	PQclear(r);
	q_init(&q);
	q_sql(&q, "select i.id, i.title, " NAME("u") ", u.first_name, u.locale"
		  " from unnest(");
	q_param_array(&q, merged, NULL, n);
	q_sql(&q, "::bigint[]) with ordinality m(id, n) join ideas i on i.id = m.id"
		  " left join users u on u.id = i.author_id order by m.n");
	r = q_run(p, &q, e);
	if (!r) {
		merge_preview_free(out);
		return ST_FAIL;
	}
	out->ntold = PQntuples(r);
	out->told = xcalloc((size_t)out->ntold, sizeof(*out->told));
	for (int i = 0; i < out->ntold; i++) {
		out->told[i].idea_id = pg_i64(r, i, 0);
		out->told[i].title = pg_str(r, i, 1);
		out->told[i].author = pg_str(r, i, 2);
		out->told[i].first_name = pg_str(r, i, 3);
		out->told[i].locale = pg_str(r, i, 4);
	}
	PQclear(r);
	if (out->ntold != n) {
		err_set(e, _("One of the ideas to merge does not exist."));
		merge_preview_free(out);
		return ST_NOT_FOUND;
	}
	return ST_OK;
}

static enum status pg_merge(struct store *s, int64_t keep, const int64_t *merged,
			    const int *versions, int n, const struct reply *replies, int nreplies,
			    const char *justification, int64_t *audit, struct err *e)
{
	json_t *arr = json_array();
	char *js;
	struct query q;

	for (int i = 0; i < nreplies; i++)
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s}", "idea",
						     (json_int_t)replies[i].idea, "signature",
						     replies[i].signature, "body", replies[i].body,
						     "locale", replies[i].locale ? replies[i].locale : "nl-BE"));
	js = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	q_init(&q);
	q_sql(&q, "select inspraak_merge(");
	q_param_i64(&q, keep);
	q_sql(&q, ", ");
	q_param_array(&q, merged, NULL, n);
	q_sql(&q, "::bigint[], ");
	q_param_array(&q, NULL, versions, n);
	q_sql(&q, "::int[], ");
	q_param(&q, js ? js : "[]");
	q_sql(&q, "::jsonb, ");
	q_param_or_null(&q, justification);
	q_sql(&q, ")");
	free(js);
	return q_action(PG(s), &q, audit, e);
}

static enum status pg_dismiss_suggestion(struct store *s, int64_t suggestion,
					 const char *justification, int64_t *audit, struct err *e)
{
	return call_id(s, "inspraak_dismiss_suggestion", suggestion, justification, audit, e);
}

static enum status pg_assign(struct store *s, int64_t idea, int version, int64_t department,
			     int64_t assignee, const char *justification, int64_t *audit,
			     struct err *e)
{
	struct query q;

	q_init(&q);
	q_sql(&q, "select inspraak_assign(");
	q_param_i64(&q, idea);
	q_sql(&q, ", ");
	q_param_i64(&q, version);
	q_sql(&q, "::int, ");
	q_param_id_or_null(&q, department);
	q_sql(&q, "::bigint, ");
	q_param_id_or_null(&q, assignee);
	q_sql(&q, "::bigint, ");
	q_param_or_null(&q, justification);
	q_sql(&q, ")");
	return q_action(PG(s), &q, audit, e);
}

static enum status pg_set_status(struct store *s, int64_t idea, int version, const char *status,
				 const char *justification, int64_t *audit, struct err *e)
{
	struct query q;

	q_init(&q);
	q_sql(&q, "select inspraak_set_status(");
	q_param_i64(&q, idea);
	q_sql(&q, ", ");
	q_param_i64(&q, version);
	q_sql(&q, "::int, ");
	q_param(&q, status);
	q_sql(&q, ", ");
	q_param_or_null(&q, justification);
	q_sql(&q, ")");
	return q_action(PG(s), &q, audit, e);
}

static enum status pg_reply(struct store *s, int64_t idea, int version, const struct reply *rp,
			    const char *status, const char *justification, int64_t *audit,
			    struct err *e)
{
	struct query q;

	q_init(&q);
	q_sql(&q, "select inspraak_reply(");
	q_param_i64(&q, idea);
	q_sql(&q, ", ");
	q_param_i64(&q, version);
	q_sql(&q, "::int, ");
	q_param(&q, rp->body ? rp->body : "");
	q_sql(&q, ", ");
	q_param(&q, rp->signature ? rp->signature : "");
	q_sql(&q, ", ");
	q_param(&q, rp->locale ? rp->locale : "nl-BE");
	q_sql(&q, ", ");
	q_param_or_null(&q, status);
	q_sql(&q, "::text, ");
	q_param_or_null(&q, justification);
	q_sql(&q, ")");
	return q_action(PG(s), &q, audit, e);
}

static enum status pg_verdict(struct store *s, enum item_kind kind, int64_t item, int version,
			      bool confirm, const char *reason, const char *justification,
			      int64_t *audit, struct err *e)
{
	struct query q;

	q_init(&q);
	q_sql(&q, "select inspraak_verdict(");
	q_param(&q, item_kind_name(kind));
	q_sql(&q, ", ");
	q_param_i64(&q, item);
	q_sql(&q, ", ");
	q_param_i64(&q, version);
	q_sql(&q, "::int, ");
	q_param(&q, confirm ? "confirm" : "dismiss");
	q_sql(&q, ", ");
	q_param_or_null(&q, reason);
	q_sql(&q, "::text, ");
	q_param_or_null(&q, justification);
	q_sql(&q, ")");
	return q_action(PG(s), &q, audit, e);
}

static enum status pg_block(struct store *s, int64_t user, int64_t until, const char *reason,
			    bool hide, const char *justification, int64_t *audit, struct err *e)
{
	struct query q;

	q_init(&q);
	q_sql(&q, "select inspraak_block(");
	q_param_i64(&q, user);
	q_sql(&q, ", ");
	if (until)
		q_param_ts(&q, until);
	else
		q_sql(&q, "'infinity'::timestamptz");
	q_sql(&q, ", ");
	q_param(&q, reason ? reason : "");
	q_sql(&q, ", ");
	q_param(&q, hide ? "true" : "false");
	q_sql(&q, "::boolean, ");
	q_param_or_null(&q, justification);
	q_sql(&q, ")");
	return q_action(PG(s), &q, audit, e);
}

static enum status pg_unblock(struct store *s, int64_t user, const char *justification,
			      int64_t *audit, struct err *e)
{
	return call_id(s, "inspraak_unblock", user, justification, audit, e);
}

static enum status pg_timeline(struct store *s, struct timeline *t, struct err *e)
{
	struct pg_store *p = PG(s);
	PGresult *r = run1(p, "select pr.id, inspraak_ml(pr.title_multiloc, $1), pr.kind,"
			   " pr.publication_status, ph.id, inspraak_ml(ph.title_multiloc, $1),"
			   " ph.participation_method, " SECS("ph.start_at") ", " SECS("ph.end_at") ","
			   " (select count(*) from ideas i where i.phase_id = ph.id),"
			   " extract(epoch from now())::bigint"
			   " from projects pr left join phases ph on ph.project_id = pr.id"
			   " order by pr.ordering, pr.id, ph.start_at", s->locale, e);

	memset(t, 0, sizeof(*t));
	if (!r)
		return ST_FAIL;
	for (int i = 0; i < PQntuples(r); i++) {
		int64_t pid = pg_i64(r, i, 0);
		struct project_timeline *pt;

		t->now = pg_i64(r, i, 10);
		if (!t->n || t->projects[t->n - 1].id != pid) {
			t->projects = xreallocarray(t->projects, (size_t)t->n + 1, sizeof(*t->projects));
			pt = &t->projects[t->n++];
			memset(pt, 0, sizeof(*pt));
			pt->id = pid;
			pt->title = pg_str(r, i, 1);
			pt->kind = pg_str(r, i, 2);
			pt->status = pg_str(r, i, 3);
		}
		pt = &t->projects[t->n - 1];
		if (PQgetisnull(r, i, 4))
			continue;
		pt->phases = xreallocarray(pt->phases, (size_t)pt->nphases + 1, sizeof(*pt->phases));
		pt->phases[pt->nphases].id = pg_i64(r, i, 4);
		pt->phases[pt->nphases].title = pg_str(r, i, 5);
		pt->phases[pt->nphases].method = pg_str(r, i, 6);
		pt->phases[pt->nphases].start_at = pg_i64(r, i, 7);
		pt->phases[pt->nphases].end_at = pg_i64(r, i, 8);
		pt->phases[pt->nphases].ideas = pg_int(r, i, 9);
		pt->nphases++;
	}
	PQclear(r);
	return ST_OK;
}

static enum status pg_phase_set_current(struct store *s, int64_t project, int64_t phase,
					int64_t at, const char *justification, int64_t *audit,
					struct err *e)
{
	struct query q;

	q_init(&q);
	q_sql(&q, "select inspraak_phase_set_current(");
	q_param_i64(&q, project);
	q_sql(&q, ", ");
	q_param_i64(&q, phase);
	q_sql(&q, ", ");
	if (at)
		q_param_ts(&q, at);
	else
		q_sql(&q, "now()");
	q_sql(&q, ", ");
	q_param_or_null(&q, justification);
	q_sql(&q, ")");
	return q_action(PG(s), &q, audit, e);
}

static enum status pg_phase_update(struct store *s, int64_t phase, int64_t start, int64_t end,
				   bool allow_gap, const char *justification, int64_t *audit,
				   struct err *e)
{
	struct query q;

	q_init(&q);
	q_sql(&q, "select inspraak_phase_update(");
	q_param_i64(&q, phase);
	q_sql(&q, ", ");
	q_param_ts(&q, start);
	q_sql(&q, "::timestamptz, ");
	q_param_ts(&q, end);
	q_sql(&q, "::timestamptz, ");
	q_param(&q, allow_gap ? "true" : "false");
	q_sql(&q, "::boolean, ");
	q_param_or_null(&q, justification);
	q_sql(&q, ")");
	return q_action(PG(s), &q, audit, e);
}

static enum status pg_phase_add(struct store *s, int64_t project, const char *title,
				const char *method, int64_t start, int64_t end, bool allow_gap,
				const char *justification, int64_t *audit, struct err *e)
{
	json_t *ml = json_pack("{s:s}", s->locale, title ? title : "");
	char *js = json_dumps(ml, JSON_COMPACT);
	struct query q;

	json_decref(ml);
	q_init(&q);
	q_sql(&q, "select inspraak_phase_add(");
	q_param_i64(&q, project);
	q_sql(&q, ", ");
	q_param(&q, js ? js : "{}");
	q_sql(&q, "::jsonb, ");
	q_param(&q, method ? method : "ideation");
	q_sql(&q, ", ");
	q_param_ts(&q, start);
	q_sql(&q, "::timestamptz, ");
	q_param_ts(&q, end);
	q_sql(&q, "::timestamptz, ");
	q_param(&q, allow_gap ? "true" : "false");
	q_sql(&q, "::boolean, ");
	q_param_or_null(&q, justification);
	q_sql(&q, ")");
	free(js);
	return q_action(PG(s), &q, audit, e);
}

static enum status pg_phase_delete(struct store *s, int64_t phase, const char *justification,
				   int64_t *audit, struct err *e)
{
	return call_id(s, "inspraak_phase_delete", phase, justification, audit, e);
}

static enum status pg_undo(struct store *s, int64_t audit, const char *justification,
			   int64_t *undo_audit, struct err *e)
{
	return call_id(s, "inspraak_undo", audit, justification, undo_audit, e);
}

static enum status pg_claim(struct store *s, enum item_kind kind, int64_t item, int minutes,
			    bool take_over, char **holder, struct err *e)
{
	struct pg_store *p = PG(s);
	struct query q;
	PGresult *r;
	enum status st = ST_OK;

	*holder = NULL;
	q_init(&q);
	q_sql(&q, "select * from inspraak_claim(");
	q_param(&q, item_kind_name(kind));
	q_sql(&q, ", ");
	q_param_i64(&q, item);
	q_sql(&q, ", ");
	q_param(&q, s->console);
	q_sql(&q, ", ");
	q_param_i64(&q, minutes);
	q_sql(&q, "::int, ");
	q_param(&q, take_over ? "true" : "false");
	q_sql(&q, "::boolean)");
	r = q_run(p, &q, e);
	if (!r)
		return ST_FAIL;
	/* The function names the other holder when it did not give us the claim. */
	if (PQntuples(r) == 1 && !PQgetisnull(r, 0, 0) && PQnfields(r) >= 2 && !pg_bool(r, 0, 1)) {
		*holder = pg_str(r, 0, 0);
		st = ST_CLAIMED;
	}
	PQclear(r);
	return st;
}

static enum status pg_release(struct store *s, enum item_kind kind, int64_t item, struct err *e)
{
	struct query q;
	PGresult *r;

	q_init(&q);
	q_sql(&q, "select inspraak_release(");
	q_param(&q, item_kind_name(kind));
	q_sql(&q, ", ");
	q_param_i64(&q, item);
	q_sql(&q, ", ");
	q_param(&q, s->console);
	q_sql(&q, ")");
	r = q_run(PG(s), &q, e);
	if (!r)
		return ST_FAIL;
	PQclear(r);
	return ST_OK;
}

static enum status pg_staff(struct store *s, struct staff_line **out, int *n, struct err *e)
{
	PGresult *r = run1(PG(s), "select id, " NAME("u") ", department_id from users u"
			   " where role <> 'citizen' and (blocked_until is null or blocked_until < now())"
			   " order by department_id nulls last, last_name, first_name", NULL, e);

	*out = NULL;
	*n = 0;
	if (!r)
		return ST_FAIL;
	*n = PQntuples(r);
	*out = xcalloc((size_t)*n, sizeof(**out));
	for (int i = 0; i < *n; i++) {
		(*out)[i].id = pg_i64(r, i, 0);
		(*out)[i].name = pg_str(r, i, 1);
		(*out)[i].department_id = pg_i64(r, i, 2);
	}
	PQclear(r);
	return ST_OK;
}

static enum status pg_audit(struct store *s, const struct audit_filter *f,
			    struct audit_line **out, int *n, struct err *e)
{
	struct pg_store *p = PG(s);
	struct query q;
	PGresult *r;

	*out = NULL;
	*n = 0;
	q_init(&q);
	q_sql(&q, "select a.id, " SECS("a.at") ", a.actor, a.action,"
		  " a.item_kind || ' #' || a.item_id || coalesce(': ' || (a.after ->> 'summary'), ''),"
		  " a.justification, a.undone_by is not null from audit_log a where true");
	if (f->item) {
		q_sql(&q, " and a.item_kind = ");
		q_param(&q, item_kind_name(f->kind));
		q_sql(&q, " and a.item_id = ");
		q_param_i64(&q, f->item);
	}
	if (f->actor) {
		q_sql(&q, " and (a.actor = ");
		q_param(&q, f->actor);
		q_sql(&q, " or a.actor_id in (select id from users where login = ");
		q_param(&q, f->actor);
		q_sql(&q, "))");
	}
	if (f->action) {
		q_sql(&q, " and a.action = ");
		q_param(&q, f->action);
	}
	if (f->since) {
		q_sql(&q, " and a.at >= ");
		q_param_ts(&q, f->since);
	}
	if (f->until) {
		q_sql(&q, " and a.at < ");
		q_param_ts(&q, f->until);
	}
	q_sql(&q, " order by a.at desc, a.id desc limit ");
	q_param_i64(&q, f->limit > 0 ? f->limit : 100);
	r = q_run(p, &q, e);
	if (!r)
		return ST_FAIL;
	*n = PQntuples(r);
	*out = xcalloc((size_t)*n, sizeof(**out));
	for (int i = 0; i < *n; i++) {
		(*out)[i].id = pg_i64(r, i, 0);
		(*out)[i].at = pg_i64(r, i, 1);
		(*out)[i].actor = pg_str(r, i, 2);
		(*out)[i].action = pg_str(r, i, 3);
		(*out)[i].summary = pg_str(r, i, 4);
		(*out)[i].justification = pg_str(r, i, 5);
		(*out)[i].undone = pg_bool(r, i, 6);
	}
	PQclear(r);
	return ST_OK;
}

/* --- session --------------------------------------------------------------------------------- */

static enum status pg_whoami(struct store *s, struct staff *me, struct err *e)
{
	/* current_user is of type name: compared as text, so the index on login serves. */
	PGresult *r = run1(PG(s), "select u.id, " NAME("u") ", current_user, u.role"
			   " from (select current_user::text as login) c"
			   " left join users u on u.login = c.login", NULL, e);

	memset(me, 0, sizeof(*me));
	if (!r)
		return ST_FAIL;
	me->id = pg_i64(r, 0, 0);
	me->name = pg_str(r, 0, 1);
	me->login = pg_str(r, 0, 2);
	if (!me->name)
		me->name = xstrdup(me->login ? me->login : "?");
	me->role = ROLE_SUPPORT;
	if (!PQgetisnull(r, 0, 3)) {
		const char *role = PQgetvalue(r, 0, 3);

		if (strcmp(role, "admin") == 0)
			me->role = ROLE_ADMIN;
		else if (strcmp(role, "project_lead") == 0)
			me->role = ROLE_PROJECT_LEAD;
		else if (strcmp(role, "moderator") == 0)
			me->role = ROLE_MODERATOR;
	}
	PQclear(r);
	return ST_OK;
}

static enum status read_refs(struct pg_store *p, const char *sql, struct ref_list *l,
			     struct err *e)
{
	PGresult *r = run1(p, sql, p->base.locale, e);

	if (!r)
		return ST_FAIL;
	l->n = PQntuples(r);
	l->v = xcalloc((size_t)l->n, sizeof(*l->v));
	for (int i = 0; i < l->n; i++) {
		l->v[i].id = pg_i64(r, i, 0);
		l->v[i].parent = pg_i64(r, i, 1);
		l->v[i].code = pg_str(r, i, 2);
		l->v[i].title = pg_str(r, i, 3);
		l->v[i].extra = pg_str(r, i, 4);
	}
	PQclear(r);
	return ST_OK;
}

static enum status pg_refdata(struct store *s, struct refdata *out, struct err *e)
{
	struct pg_store *p = PG(s);
	PGresult *r;

	memset(out, 0, sizeof(*out));
	if (read_refs(p, "select id, 0, slug, inspraak_ml(title_multiloc, $1), publication_status"
		      " from projects order by ordering, id", &out->projects, e) ||
	    read_refs(p, "select id, project_id, id::text, inspraak_ml(title_multiloc, $1),"
		      " participation_method from phases order by project_id, start_at", &out->phases, e) ||
	    read_refs(p, "select id, 0, code, inspraak_ml(title_multiloc, $1), null"
		      " from areas order by ordering, id", &out->areas, e) ||
	    read_refs(p, "select id, 0, code, inspraak_ml(title_multiloc, $1),"
		      " inspraak_ml(signature_multiloc, $1) from departments order by ordering, id",
		      &out->departments, e) ||
	    read_refs(p, "select ordering, 0, key, inspraak_ml(title_multiloc, $1),"
		      " case when final then 't' else 'f' end from idea_statuses order by ordering",
		      &out->statuses, e)) {
		refdata_free(out);
		return ST_FAIL;
	}
	r = run1(p, "select inspraak_ml(name_multiloc, $1) from platform", s->locale, e);
	if (!r) {
		refdata_free(out);
		return ST_FAIL;
	}
	out->platform = PQntuples(r) ? pg_str(r, 0, 0) : NULL;
	PQclear(r);
	return ST_OK;
}

static int pg_notify_fd(struct store *s)
{
	return PQsocket(PG(s)->conn);
}

static bool pg_changes(struct store *s)
{
	struct pg_store *p = PG(s);
	PGnotify *n;
	bool any = false;

	if (!PQconsumeInput(p->conn))
		return true; /* the connection broke: let the refresh find out and say so */
	while ((n = PQnotifies(p->conn))) {
		any = true;
		PQfreemem(n);
	}
	return any;
}

static enum status session_setup(struct pg_store *p, struct err *e)
{
	const char *params[1] = { p->base.console };
	PGresult *r;

	/* A hung query must not hang the console forever. */
	if (!pg_exec(p->conn, "set statement_timeout = '30s'; listen inspraak", e))
		return ST_FAIL;
	/* The audit log records which console acted. */
	r = PQexecParams(p->conn, "select set_config('inspraak.console', $1, false)", 1, NULL, params,
			 NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		set_err(p, e, r);
		PQclear(r);
		return ST_FAIL;
	}
	PQclear(r);
	return ST_OK;
}

static enum status pg_check(struct store *s, struct err *e)
{
	struct pg_store *p = PG(s);

	if (PQstatus(p->conn) == CONNECTION_OK)
		return ST_OK;
	/* A new session has none of the prepared statements. */
	stmts_forget(p);
	PQreset(p->conn);
	if (PQstatus(p->conn) != CONNECTION_OK) {
		char line[768];

		pg_error_line(PQerrorMessage(p->conn), line, sizeof(line));
		err_set(e, _("Lost the connection to the database and could not reconnect: %s"), line);
		return ST_CONNECT;
	}
	return session_setup(p, e);
}

static const char *pg_describe(struct store *s)
{
	return PG(s)->describe;
}

static void pg_close(struct store *s)
{
	struct pg_store *p = PG(s);

	PQfinish(p->conn);
	stmts_forget(p);
	free(p->conninfo);
	free(p);
}

static const struct store_ops pg_ops = {
	.close = pg_close,
	.describe = pg_describe,
	.whoami = pg_whoami,
	.refdata = pg_refdata,
	.counts = pg_counts,
	.page = pg_page,
	.position = pg_position,
	.search = pg_search,
	.idea = pg_idea_full,
	.flag_item = pg_flag_item,
	.suggestion = pg_suggestion,
	.author = pg_author,
	.merge_preview = pg_merge_preview,
	.merge = pg_merge,
	.dismiss_suggestion = pg_dismiss_suggestion,
	.assign = pg_assign,
	.set_status = pg_set_status,
	.reply = pg_reply,
	.verdict = pg_verdict,
	.block = pg_block,
	.unblock = pg_unblock,
	.timeline = pg_timeline,
	.phase_set_current = pg_phase_set_current,
	.phase_update = pg_phase_update,
	.phase_add = pg_phase_add,
	.phase_delete = pg_phase_delete,
	.undo = pg_undo,
	.claim = pg_claim,
	.release = pg_release,
	.staff = pg_staff,
	.audit = pg_audit,
	.notify_fd = pg_notify_fd,
	.changes = pg_changes,
	.check = pg_check,
};

enum status store_pg_open(const char *conninfo, const char *locale, struct store **out,
			  struct err *e)
{
	struct pg_store *p;
	PGconn *conn;
	enum status st;
	const char *host;

	*out = NULL;
	conn = pg_connect(conninfo, e);
	if (!conn)
		return ST_CONNECT;
	st = migrate_check(conn, e);
	if (st != ST_OK) {
		PQfinish(conn);
		return st;
	}
	p = xcalloc(1, sizeof(*p));
	p->base.ops = &pg_ops;
	snprintf(p->base.locale, sizeof(p->base.locale), "%s", locale ? locale : "nl-BE");
	{
		char hn[32];

		if (gethostname(hn, sizeof(hn)) != 0)
			snprintf(hn, sizeof(hn), "?");
		hn[sizeof(hn) - 1] = '\0';
		snprintf(p->base.console, sizeof(p->base.console), "%s:%d", hn, (int)getpid());
	}
	p->conn = conn;
	p->conninfo = xstrdup(conninfo ? conninfo : "");
	host = PQhost(conn);
	snprintf(p->describe, sizeof(p->describe), "%s@%s%s%s", PQdb(conn),
		 host && *host ? host : "localhost", host && *host == '/' ? ":" : ":", PQport(conn));
	st = session_setup(p, e);
	if (st != ST_OK) {
		pg_close(&p->base);
		return st;
	}
	*out = &p->base;
	return ST_OK;
}
