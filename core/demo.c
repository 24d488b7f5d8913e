#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/demo.h"
#include "core/demo_words.h"
#include "core/i18n.h"
#include "core/util.h"

/*
 * How the demo municipality is made.
 *
 * The generator writes only what people would have written: citizens' ideas, votes, comments
 * and reports, staff's replies and the traces of their past moderation (status, department,
 * hidden spam, merged duplicates, resolved reports). It never writes what an analysis would
 * conclude: duplicate suggestions, machine flags and department suggestions are the analysis
 * engine's (core/analyze.h), which `inspraak demo` runs over the loaded municipality. What
 * staff handled counts as analysed when it came in; the rest waits for the engine.
 *
 * Everything is a function of the seed and of the reference time ("now", pinned with
 * INSPRAAK_DEMO_NOW=<unix seconds> for reproducible loads): times are offsets from it, so the
 * same seed gives the same texts, authors and votes whenever it runs.
 *
 * Passes, so that no text has to be kept in memory at scale:
 *   plan      one compact record per idea (time, project, kind, author, topic, place, status,
 *             handling times, vote and comment counts); ideas are numbered in time order
 *   ideas     texts generated from the idea's own random stream and streamed through COPY
 *   votes, comments, reports, feedback: each from the idea's record and its own stream
 *   users     last, when the first activity of every user is known (an account is older
 *             than anything its owner did)
 * Per-row triggers are off during the load (session_replication_role = replica), so the
 * counters on ideas are computed here and flag_queue is filled with one INSERT ... SELECT
 * that matches what inspraak_flag_queue_sync would have written.
 *
 * INSPRAAK_DEMO_TRUTH=<file> writes what the generator knows about each idea (kind, topic,
 * place, which earlier idea it repeats) as TSV, for measuring an analysis against the demo.
 * That file never goes into the database. INSPRAAK_DEMO_TIMING=1 prints the time of each
 * stage on stderr, for scale work.
 */

#define DAY 86400LL
#define HOUR 3600LL
#define NEVER INT64_MAX
#define NO_PLACE 0xffff
#define NONE8 0xff
#define COPY_FLUSH (1 << 20)
#define MAX_IDEAS 5000000L /* about 300 MB of plan; the scale target is a million */

/* Random streams: every pass seeds its own per idea or per user. */
enum { RS_PLAN = 1, RS_TEXT, RS_LOC, RS_VOTES, RS_COMMENTS, RS_REPORTS, RS_FEEDBACK, RS_USER, RS_NAME,
       RS_TIMES };

enum kind {
	K_NORMAL, K_DUP, K_DUPLANG, K_REPOST, K_LOOK_PLACE, K_LOOK_TOPIC, K_ANGRY,
	K_SPAM, K_SPAM_AGAIN, K_ABUSE, K_JUNK,
};
static const char *const kind_name[] = {
	"normal", "duplicate", "duplicate-other-language", "repost", "look-alike-place", "look-alike-request",
	"angry", "spam", "spam-repeat", "abuse", "junk",
};

enum st { S_PROPOSED, S_VIEWED, S_CONSIDER, S_ACCEPTED, S_PLANNED, S_IMPLEMENTED, S_REJECTED,
	  S_FORWARDED, S_MERGED };
static const char *const status_key[] = {
	"proposed", "viewed", "under_consideration", "accepted", "planned", "implemented", "rejected",
	"forwarded", "merged",
};

enum { F_OFFLINE = 1, F_HIDDEN = 2 };
enum { U_SPAMMER = 1, U_OFFENDER = 2 };
static const char *const locale_code[] = { "nl-BE", "fr-BE", "en" };
static const char *const lang_code[] = { "nl", "fr", "en", "de" };
static const char *const town_at[] = {
	"in Gravenvoorde", "à Gravenvoorde", "in Gravenvoorde", "in Gravenvoorde",
};

/* ---- arithmetic without libm ----------------------------------------------------------- */

/* The build links no libm; these are precise enough for drawing distributions. */
static double fexp(double x)
{
	int k = 0;
	double r, t, s;

	if (x > 700)
		x = 700;
	if (x < -700)
		return 0;
	while (x > 0.01 || x < -0.01) {
		x /= 2;
		k++;
	}
	s = 1;
	t = 1;
	for (int i = 1; i < 7; i++) {
		t *= x / i;
		s += t;
	}
	r = s;
	while (k-- > 0)
		r *= r;
	return r;
}

static double flog(double x)
{
	double y = 0, z, z2, t, s = 0;
	int k = 0;

	if (x <= 0)
		return -745;
	while (x > 1.5) {
		x /= 2;
		k++;
	}
	while (x < 0.75) {
		x *= 2;
		k--;
	}
	/* log x = 2 atanh((x-1)/(x+1)) */
	z = (x - 1) / (x + 1);
	z2 = z * z;
	t = z;
	for (int i = 1; i < 40; i += 2) {
		s += t / i;
		t *= z2;
	}
	y = 2 * s;
	return y + k * 0.69314718055994530942;
}

static double fpow(double b, double e)
{
	return b <= 0 ? 0 : fexp(e * flog(b));
}

/* ---- random numbers ------------------------------------------------------------------- */

struct rng {
	uint64_t s[4];
};

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void rng_seed(struct rng *r, uint64_t seed, uint64_t stream, uint64_t index)
{
	uint64_t x = seed;

	x = splitmix(&x) ^ (stream * 0xd1b54a32d192ed03ULL);
	x = splitmix(&x) ^ (index * 0x8cb92ba72f3d8dd7ULL);
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* xoshiro256** */
static uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

static double unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static long below(struct rng *r, long n)
{
	return n <= 1 ? 0 : (long)(unit(r) * (double)n);
}

static bool chance(struct rng *r, double p)
{
	return unit(r) < p;
}

static long between(struct rng *r, long lo, long hi)
{
	return lo + below(r, hi - lo + 1);
}

/* Approximately standard normal (Irwin-Hall), plenty for demo data. */
static double normal(struct rng *r)
{
	double s = 0;

	for (int i = 0; i < 12; i++)
		s += unit(r);
	return s - 6;
}

static double lognormal(struct rng *r, double median, double sigma)
{
	return median * fexp(sigma * normal(r));
}

#define PICK(r, a) ((a)[below((r), (long)ARRAY_SIZE(a))])

/* ---- time ----------------------------------------------------------------------------- */

static void civil(int64_t days, int *y, int *m, int *d)
{
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static char *put_uint(char *p, uint64_t v, int width)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n < width)
		tmp[n++] = '0';
	while (n)
		*p++ = tmp[--n];
	return p;
}

/* "2025-03-14 18:22:05+00" */
static size_t fmt_ts(char *buf, int64_t t)
{
	int64_t days = t >= 0 ? t / DAY : -((-t + DAY - 1) / DAY);
	int64_t sec = t - days * DAY;
	int y, m, d;
	char *p = buf;

	civil(days, &y, &m, &d);
	p = put_uint(p, (uint64_t)y, 4);
	*p++ = '-';
	p = put_uint(p, (uint64_t)m, 2);
	*p++ = '-';
	p = put_uint(p, (uint64_t)d, 2);
	*p++ = ' ';
	p = put_uint(p, (uint64_t)(sec / 3600), 2);
	*p++ = ':';
	p = put_uint(p, (uint64_t)(sec / 60 % 60), 2);
	*p++ = ':';
	p = put_uint(p, (uint64_t)(sec % 60), 2);
	memcpy(p, "+00", 4);
	return (size_t)(p - buf) + 3;
}

/* ---- COPY ----------------------------------------------------------------------------- */

struct copy {
	PGconn *conn;
	struct sbuf b;
	int col;
	bool failed;
};

static void c_sep(struct copy *c)
{
	if (c->col++)
		sbuf_addc(&c->b, '\t');
}

static void c_text(struct copy *c, const char *s)
{
	const char *run = s;

	c_sep(c);
	for (; *s; s++) {
		const char *esc = NULL;

		switch (*s) {
		case '\\': esc = "\\\\"; break;
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		default: continue;
		}
		sbuf_addn(&c->b, run, (size_t)(s - run));
		sbuf_add(&c->b, esc);
		run = s + 1;
	}
	sbuf_addn(&c->b, run, (size_t)(s - run));
}

static void c_null(struct copy *c)
{
	c_sep(c);
	sbuf_addn(&c->b, "\\N", 2);
}

static void c_int(struct copy *c, int64_t v)
{
	char buf[24], *p = buf;

	c_sep(c);
	if (v < 0) {
		*p++ = '-';
		v = -v;
	}
	p = put_uint(p, (uint64_t)v, 1);
	sbuf_addn(&c->b, buf, (size_t)(p - buf));
}

/* An id, or NULL when negative. */
static void c_id(struct copy *c, int64_t id)
{
	if (id < 0)
		c_null(c);
	else
		c_int(c, id);
}

static void c_coord(struct copy *c, double v)
{
	char buf[32];
	int n = snprintf(buf, sizeof(buf), "%.6f", v);

	c_sep(c);
	sbuf_addn(&c->b, buf, (size_t)n);
}

static void c_ts(struct copy *c, int64_t t)
{
	char buf[40];

	c_sep(c);
	sbuf_addn(&c->b, buf, fmt_ts(buf, t));
}

static void c_flush(struct copy *c)
{
	if (!c->failed && c->b.len && PQputCopyData(c->conn, c->b.s, (int)c->b.len) != 1)
		c->failed = true;
	sbuf_reset(&c->b);
}

static void c_row(struct copy *c)
{
	sbuf_addc(&c->b, '\n');
	c->col = 0;
	if (c->b.len >= COPY_FLUSH)
		c_flush(c);
}

/* ---- the generator's state ------------------------------------------------------------- */

struct idea {
	int64_t at;       /* created */
	int64_t handled;  /* a moderator triaged it, hid it, merged it; NEVER: not (yet) */
	int64_t decided;  /* final decision; NEVER: none */
	int32_t author;   /* user index */
	int32_t origin;   /* the earlier idea it repeats or resembles, -1 */
	int32_t merged;   /* merged into, -1 */
	int32_t up;
	uint16_t down;
	uint16_t topic;   /* topic, or spam/abuse/junk template */
	uint16_t place;
	uint8_t project, phase, area, lang, kind, status, dept, assignee, comments, reports, flags;
};

struct gen {
	PGconn *conn;
	const struct demo_opts *o;
	struct err *e;
	uint64_t seed;
	int64_t now;
	long n;
	struct idea *ideas;

	/* users: staff first, then citizens, spam accounts last */
	long nstaff, ncit, nusers, first_spammer;
	uint8_t *u_area, *u_locale, *u_flags;
	int64_t *u_first, *u_block;
	uint32_t *mark;   /* mark[u] == tag: u already used for the current item */
	uint32_t tag;
	long *by_locale[3];
	long n_locale[3];
	long *by_area[ARRAY_SIZE(demo_areas)];
	long n_area[ARRAY_SIZE(demo_areas)];
	long *offenders;
	long n_offenders;

	/* places: the landmarks of demo_words.h, then its ordinary streets */
	struct demo_place *places;
	size_t nplaces;
	char **strs;
	size_t nstrs;
	/* for each project and topic, the places where the request fits */
	struct placeset {
		int *idx;
		int n;
	} fit[PR_COUNT][ARRAY_SIZE(demo_topics)];
	int weight[PR_COUNT][ARRAY_SIZE(demo_topics)]; /* 0: not invited by the project */
	int *scratch;

	/* ids */
	int phase_base[PR_COUNT];
	int64_t next_comment, next_report, next_feedback;
	int64_t launch;

	/* reports on comments, collected by the comment pass */
	struct creport {
		int64_t comment, at, resolved;
		int32_t idea, author;
		uint8_t n, resolution, abusive;
	} *creports;
	size_t ncreports, capcreports;

	/* the latest spam, which its senders like to post again */
	long recent_spam[32];
	int nrecent_spam;

	/* progress */
	long tick; /* report every so many items */
	const char *stage;
	double last_done;
	int64_t t_stage;
	FILE *timing;
};

static void progress(struct gen *g, const char *stage, double done)
{
	if (!str_eq(g->stage, stage)) {
		int64_t t = now_us();

		if (g->timing && g->stage)
			fprintf(g->timing, "demo: %-22s %7.2f s\n", g->stage, (double)(t - g->t_stage) / 1e6);
		g->stage = stage;
		g->t_stage = t;
		g->last_done = -1;
	}
	if (done < 1 && done - g->last_done < 0.01)
		return;
	g->last_done = done;
	if (g->o->progress && stage)
		g->o->progress(g->o->ctx, _(stage), done > 1 ? 1 : done);
}

static bool fail_res(struct gen *g, PGresult *res, const char *what)
{
	const char *msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	char line[900];
	size_t j = 0;

	if (!msg || !*msg)
		msg = PQresultErrorMessage(res);
	/* Fold the server's message onto one line. */
	for (const char *p = msg && *msg ? msg : PQerrorMessage(g->conn); *p && j + 1 < sizeof(line); p++)
		line[j++] = (*p == '\n' || *p == '\t') ? ' ' : *p;
	while (j && line[j - 1] == ' ')
		j--;
	line[j] = '\0';
	err_set(g->e, _("Loading the demo failed (%s): %s"), what, line);
	PQclear(res);
	return false;
}

static bool exec(struct gen *g, const char *sql, const char *what)
{
	PGresult *res = PQexec(g->conn, sql);

	if (PQresultStatus(res) != PGRES_COMMAND_OK && PQresultStatus(res) != PGRES_TUPLES_OK)
		return fail_res(g, res, what);
	PQclear(res);
	return true;
}

static bool copy_begin(struct gen *g, struct copy *c, const char *sql, const char *what)
{
	PGresult *res = PQexec(g->conn, sql);

	if (PQresultStatus(res) != PGRES_COPY_IN)
		return fail_res(g, res, what);
	PQclear(res);
	c->conn = g->conn;
	c->col = 0;
	c->failed = false;
	sbuf_init(&c->b);
	return true;
}

static bool copy_end(struct gen *g, struct copy *c, const char *what)
{
	PGresult *res;
	bool ok = true;

	c_flush(c);
	sbuf_free(&c->b);
	/* When the server refused a row, libpq has left COPY mode already and PQputCopyEnd fails;
	 * the server's reason comes with the result. */
	if (PQputCopyEnd(g->conn, c->failed ? "demo generator failed" : NULL) != 1)
		ok = false;
	while ((res = PQgetResult(g->conn))) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			if (ok || !g->e->msg[0]) {
				fail_res(g, res, what);
				ok = false;
				continue;
			}
			ok = false;
		}
		PQclear(res);
	}
	if (!ok && !g->e->msg[0])
		err_set(g->e, _("Loading the demo failed (%s): %s"), what, PQerrorMessage(g->conn));
	return ok;
}

/* ---- users ---------------------------------------------------------------------------- */

static int pick_area(struct rng *r)
{
	int total = 0, x;

	for (size_t a = 0; a < ARRAY_SIZE(demo_areas); a++)
		total += demo_areas[a].weight;
	x = (int)below(r, total);
	for (size_t a = 0; a < ARRAY_SIZE(demo_areas); a++) {
		if (x < demo_areas[a].weight)
			return (int)a;
		x -= demo_areas[a].weight;
	}
	return 0;
}

/* Where citizens live and which language they chose: needed before anyone posts. */
static void users_prepare(struct gen *g)
{
	long want = (long)(g->n / 2.4);
	long cap = 20000 + (long)(g->n * 0.13);
	long nspam = g->n / 170 + 4;

	g->nstaff = (long)ARRAY_SIZE(demo_staff);
	g->ncit = want < cap ? want : cap;
	if (g->ncit < 60)
		g->ncit = 60;
	g->nusers = g->nstaff + g->ncit;
	g->first_spammer = g->nusers - nspam;
	g->u_area = xcalloc((size_t)g->nusers, 1);
	g->u_locale = xcalloc((size_t)g->nusers, 1);
	g->u_flags = xcalloc((size_t)g->nusers, 1);
	g->u_first = xcalloc((size_t)g->nusers, sizeof(int64_t));
	g->u_block = xcalloc((size_t)g->nusers, sizeof(int64_t));
	g->mark = xcalloc((size_t)g->nusers, sizeof(uint32_t));
	for (int l = 0; l < 3; l++)
		g->by_locale[l] = xmalloc((size_t)g->nusers * sizeof(long));
	for (size_t a = 0; a < ARRAY_SIZE(demo_areas); a++)
		g->by_area[a] = xmalloc((size_t)g->nusers * sizeof(long));
	g->offenders = xmalloc(((size_t)g->nusers / 150 + 4) * sizeof(long));

	for (long u = 0; u < g->nusers; u++) {
		struct rng r;
		double x;

		g->u_first[u] = NEVER;
		if (u < g->nstaff) {
			g->u_area[u] = NONE8;
			g->u_locale[u] = 0;
			continue;
		}
		rng_seed(&r, g->seed, RS_USER, (uint64_t)u);
		x = unit(&r);
		g->u_locale[u] = x < 0.88 ? 0 : x < 0.95 ? 1 : 2;
		g->u_area[u] = chance(&r, 0.03) ? NONE8 : (uint8_t)pick_area(&r);
		if (u >= g->first_spammer) {
			g->u_flags[u] |= U_SPAMMER;
			g->u_area[u] = NONE8;
			g->u_locale[u] = chance(&r, 0.6) ? 2 : 0;
			continue;
		}
		g->by_locale[g->u_locale[u]][g->n_locale[g->u_locale[u]]++] = u;
		if (g->u_area[u] != NONE8)
			g->by_area[g->u_area[u]][g->n_area[g->u_area[u]]++] = u;
		if (u % 149 == 17 && g->u_locale[u] == 0) {
			g->u_flags[u] |= U_OFFENDER;
			g->offenders[g->n_offenders++] = u;
		}
	}
	/* Small municipalities may lack a language group; borrow from Dutch. */
	for (int l = 1; l < 3; l++)
		if (!g->n_locale[l]) {
			g->by_locale[l][0] = g->by_locale[0][0];
			g->n_locale[l] = 1;
		}
	if (!g->n_offenders)
		g->offenders[g->n_offenders++] = g->by_locale[0][0];
}

/* Some residents post a lot, most once or twice. */
static long pick_author(struct gen *g, struct rng *r, int lang)
{
	int l = lang == L_FR ? 1 : lang == L_NL ? 0 : 2;
	double x = unit(r);

	if (chance(r, 0.7))
		x = x * x;
	return g->by_locale[l][(long)(x * (double)g->n_locale[l])];
}

static long pick_citizen(struct gen *g, struct rng *r, int area)
{
	if (area != NONE8 && g->n_area[area] > 0 && chance(r, 0.6))
		return g->by_area[area][below(r, g->n_area[area])];
	for (;;) {
		long u = g->nstaff + below(r, g->first_spammer - g->nstaff);

		if (!(g->u_flags[u] & U_SPAMMER))
			return u;
	}
}

static void touch(struct gen *g, long u, int64_t t)
{
	if (u >= 0 && t < g->u_first[u])
		g->u_first[u] = t;
}

static long staff_head(int dept)
{
	return DEMO_STAFF_HEADS + dept;
}

/* ---- planning the ideas ---------------------------------------------------------------- */

static bool topic_fits_place(const struct demo_topic *t, const struct demo_place *p, int project)
{
	const struct demo_project *pr = &demo_projects[project];

	if (!(t->kinds & p->kind))
		return false;
	if (project == PR_PLEIN && !p->redesign)
		return false;
	if (pr->area >= 0 && p->area != pr->area)
		return false;
	return true;
}

static char *own(struct gen *g, char *str)
{
	g->strs = xreallocarray(g->strs, g->nstrs + 1, sizeof(*g->strs));
	g->strs[g->nstrs++] = str;
	return str;
}

/* The landmarks and the streets as one list of places, and for every project and topic the
 * places that fit, so that choosing one is cheap at a million ideas. */
static void places_prepare(struct gen *g)
{
	size_t nl = ARRAY_SIZE(demo_places), ns = ARRAY_SIZE(demo_streets), next;

	g->nplaces = nl + 2 * ns;
	g->places = xcalloc(g->nplaces, sizeof(*g->places));
	memcpy(g->places, demo_places, sizeof(demo_places));
	next = nl + ns;
	for (size_t k = 0; k < ns; k++) {
		struct demo_place *p = &g->places[nl + k];
		const char *name = demo_streets[k].name;
		size_t len = strlen(name);
		bool on = len > 3 && (str_eq(name + len - 3, "weg") || str_eq(name + len - 4, "kaai"));
		uint64_t h = k + 1;
		uint64_t x = splitmix(&h);

		p->area = demo_streets[k].area;
		p->kind = PK_STREET;
		p->name = name;
		p->the = own(g, xasprintf("de %s", name));
		p->at[L_NL] = own(g, xasprintf("%s de %s", on ? "op" : "in", name));
		p->at[L_FR] = own(g, xasprintf("dans la %s", name));
		p->at[L_EN] = own(g, xasprintf("in %s", name));
		p->at[L_DE] = own(g, xasprintf("in der %s", name));
		p->dlat = ((double)(x & 0xffff) / 65535.0 - 0.5) * 0.009;
		p->dlng = ((double)((x >> 16) & 0xffff) / 65535.0 - 0.5) * 0.013;

		/* Small spots of the neighbourhood, named after their street: a playground here, a
		 * lawn or a car park there. */
		if (k % 5 == 1 || k % 5 == 3) {
			struct demo_place *q = &g->places[next++];

			*q = *p;
			q->dlat += 0.0004;
			if (k % 5 == 1) {
				q->kind = PK_PLAY;
				q->name = own(g, xasprintf("speelpleintje %s", name));
				q->the = own(g, xasprintf("het speelpleintje in de %s", name));
				q->at[L_NL] = own(g, xasprintf("op het speelpleintje in de %s", name));
				q->at[L_FR] = own(g, xasprintf("à la plaine de jeux de la %s", name));
				q->at[L_EN] = own(g, xasprintf("at the %s playground", name));
				q->at[L_DE] = own(g, xasprintf("am Spielplatz %s", name));
			} else if (k % 10 == 3) {
				q->kind = PK_PARK;
				q->name = own(g, xasprintf("grasveld %s", name));
				q->the = own(g, xasprintf("het grasveld aan de %s", name));
				q->at[L_NL] = own(g, xasprintf("op het grasveld aan de %s", name));
				q->at[L_FR] = own(g, xasprintf("sur la pelouse de la %s", name));
				q->at[L_EN] = own(g, xasprintf("on the green in %s", name));
				q->at[L_DE] = own(g, xasprintf("auf der Wiese in der %s", name));
			} else {
				q->kind = PK_PARKING;
				q->name = own(g, xasprintf("parking %s", name));
				q->the = own(g, xasprintf("de parking aan de %s", name));
				q->at[L_NL] = own(g, xasprintf("op de parking aan de %s", name));
				q->at[L_FR] = own(g, xasprintf("au parking de la %s", name));
				q->at[L_EN] = own(g, xasprintf("in the %s car park", name));
				q->at[L_DE] = own(g, xasprintf("am Parkplatz %s", name));
			}
		}
	}
	g->nplaces = next;
	g->scratch = xmalloc(g->nplaces * sizeof(int));
	for (int pr = 0; pr < PR_COUNT; pr++) {
		for (size_t t = 0; t < ARRAY_SIZE(demo_topics); t++) {
			const struct demo_topic *tp = &demo_topics[t];
			struct placeset *ps = &g->fit[pr][t];

			ps->idx = xmalloc(g->nplaces * sizeof(int));
			for (size_t p = 0; p < g->nplaces; p++)
				if (topic_fits_place(tp, &g->places[p], pr))
					ps->idx[ps->n++] = (int)p;
			/* A request that fits few places is asked less often: there are only so many
			 * swimming pools. Otherwise every second idea would repeat an earlier one. */
			if (pr != PR_BOX && !(tp->projects & PB(pr)))
				g->weight[pr][t] = 0;
			else if (tp->kinds & PK_TOWN)
				g->weight[pr][t] = pr == PR_PLEIN ? 0 : 3 * tp->weight;
			else if (tp->kinds & PK_AREA)
				g->weight[pr][t] = pr == PR_PLEIN ? 0
					: demo_projects[pr].area >= 0 ? 3 * tp->weight : 8 * tp->weight;
			else if (demo_projects[pr].area >= 0)
				g->weight[pr][t] = ps->n ? 10 * tp->weight : 0;
			else
				g->weight[pr][t] = tp->weight * (ps->n < 12 ? ps->n : 12);
		}
	}
}

static int pick_topic(struct gen *g, struct rng *r, int project, bool need_de)
{
	int total = 0, x;

	for (size_t t = 0; t < ARRAY_SIZE(demo_topics); t++)
		if (!need_de || demo_topics[t].de_title)
			total += g->weight[project][t];
	if (!total)
		return -1;
	x = (int)below(r, total);
	for (size_t t = 0; t < ARRAY_SIZE(demo_topics); t++) {
		if (need_de && !demo_topics[t].de_title)
			continue;
		if (x < g->weight[project][t])
			return (int)t;
		x -= g->weight[project][t];
	}
	return -1;
}

/* A place for the request: preferably in the author's own area, never avoid (an earlier
 * idea's place, for look-alikes). NO_PLACE when the topic is about an area or the town. */
static int pick_place(struct gen *g, struct rng *r, int topic, int project, int pref_area, int avoid)
{
	const struct placeset *ps = &g->fit[project][topic];
	int nn = 0;

	if (demo_topics[topic].kinds & (PK_AREA | PK_TOWN))
		return NO_PLACE;
	if (!ps->n || (ps->n == 1 && ps->idx[0] == avoid))
		return -1;
	/* Most requests are about an ordinary street, when the request fits one. */
	if (chance(r, 0.6)) {
		for (int k = 0; k < ps->n; k++)
			if (g->places[ps->idx[k]].kind == PK_STREET && ps->idx[k] != avoid
			    && (g->places[ps->idx[k]].area == pref_area || pref_area == NONE8))
				g->scratch[nn++] = ps->idx[k];
		if (nn)
			return g->scratch[below(r, nn)];
	}
	if (chance(r, 0.7)) {
		for (int k = 0; k < ps->n; k++)
			if (g->places[ps->idx[k]].area == pref_area && ps->idx[k] != avoid)
				g->scratch[nn++] = ps->idx[k];
		if (nn)
			return g->scratch[below(r, nn)];
	}
	for (;;) {
		int p = ps->idx[below(r, ps->n)];

		if (p != avoid)
			return p;
	}
}

/* Density rising linearly from 1 at start to ratio at end: more ideas as a phase closes,
 * and more in recent months than two years ago. */
static int64_t pick_time(struct rng *r, int64_t start, int64_t end, double ratio)
{
	static const int hour_weight[24] = { 2, 1, 1, 0, 0, 1, 2, 4, 6, 6, 6, 6, 8, 8, 6, 6, 6, 8, 10, 14,
					     18, 18, 14, 6 };
	double a = ratio - 1, u = unit(r), x;
	int64_t day0, t;
	int total = 0, h = 0, w;

	/* inverse of F(x) = (x + a x^2 / 2) / (1 + a / 2) */
	if (a < 1e-9) {
		x = u;
	} else {
		double c = u * (1 + a / 2), disc = 1 + 2 * a * c, s = disc;

		for (int i = 0; i < 30; i++)
			s = 0.5 * (s + disc / s);
		x = (s - 1) / a;
	}
	t = start + (int64_t)(x * (double)(end - start));
	/* Keep the day, redraw the hour of day: people post in the evening. */
	day0 = t - ((t + HOUR) % DAY + DAY) % DAY;
	for (int i = 0; i < 24; i++)
		total += hour_weight[i];
	w = (int)below(r, total);
	while (w >= hour_weight[h])
		w -= hour_weight[h++];
	t = day0 + h * HOUR + below(r, HOUR);
	if (t < start)
		t = start + below(r, HOUR);
	if (t >= end)
		t = end - 1 - below(r, HOUR);
	return t;
}

struct slot {
	int64_t at;
	long seq;
	uint8_t project, phase;
};

static int slot_cmp(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int64_t phase_start(const struct gen *g, int project, int phase)
{
	return g->now + demo_projects[project].phases[phase].start * DAY;
}

static int64_t phase_end(const struct gen *g, int project, int phase)
{
	int end = demo_projects[project].phases[phase].end;

	return end >= OPEN_END ? NEVER : g->now + end * DAY;
}

static bool phase_takes_ideas(int project, int phase)
{
	const char *m = demo_projects[project].phases[phase].method;

	return m && (str_eq(m, "ideation") || str_eq(m, "proposals"));
}

static void plan_times(struct gen *g)
{
	struct slot *s = xmalloc((size_t)g->n * sizeof(*s));
	struct rng r;

	rng_seed(&r, g->seed, RS_TIMES, 0);
	for (long i = 0; i < g->n; i++) {
		double x = unit(&r), acc = 0;
		int p = PR_BOX, ph, nph = 0, phs[6];
		int64_t start, end, len[6], total = 0, y;

		for (int k = 0; k < PR_COUNT; k++) {
			acc += demo_projects[k].share;
			if (x < acc) {
				p = k;
				break;
			}
		}
		for (int k = 0; k < 6 && demo_projects[p].phases[k].method; k++) {
			if (!phase_takes_ideas(p, k) || phase_start(g, p, k) >= g->now)
				continue;
			end = phase_end(g, p, k);
			if (end > g->now)
				end = g->now;
			len[nph] = end - phase_start(g, p, k);
			/* The phase open now draws the most attention. */
			if (end == g->now)
				len[nph] *= 3;
			total += len[nph];
			phs[nph++] = k;
		}
		if (!nph) {
			i--;
			continue;
		}
		/* Proportional to how long each phase has been open. */
		y = (int64_t)(unit(&r) * (double)total);
		ph = phs[0];
		for (int k = 0; k < nph; k++) {
			if (y < len[k]) {
				ph = phs[k];
				break;
			}
			y -= len[k];
		}
		start = phase_start(g, p, ph);
		end = phase_end(g, p, ph);
		if (end > g->now - 600)
			end = g->now - 600;
		s[i].at = pick_time(&r, start, end, p == PR_BOX ? 3.0 : 1.6);
		s[i].seq = i;
		s[i].project = (uint8_t)p;
		s[i].phase = (uint8_t)ph;
	}
	qsort(s, (size_t)g->n, sizeof(*s), slot_cmp);
	for (long i = 0; i < g->n; i++) {
		g->ideas[i].at = s[i].at;
		g->ideas[i].project = s[i].project;
		g->ideas[i].phase = s[i].phase;
	}
	free(s);
}

static bool is_content(int kind)
{
	return kind < K_SPAM;
}

/* An earlier idea of the same project that people may repeat. */
static long find_origin(struct gen *g, struct rng *r, long i, long window)
{
	const struct idea *d = &g->ideas[i];

	for (int tries = 0; tries < 16 && i > 0; tries++) {
		long w = i < window ? i : window;
		long j = i - 1 - below(r, w);
		const struct idea *o = &g->ideas[j];

		if (o->project != d->project)
			continue;
		if (!is_content(o->kind) || o->kind == K_REPOST)
			continue;
		return j;
	}
	return -1;
}

static int pick_lang(struct rng *r)
{
	double x = unit(r);

	return x < 0.895 ? L_NL : x < 0.955 ? L_FR : x < 0.995 ? L_EN : L_DE;
}

static int final_status(struct rng *r, int project)
{
	double x = unit(r);

	if (project == PR_BUDGET)
		return x < 0.58 ? S_ACCEPTED : x < 0.93 ? S_REJECTED : S_FORWARDED;
	if (project == PR_DORP)
		return x < 0.42 ? S_IMPLEMENTED : x < 0.52 ? S_ACCEPTED : x < 0.58 ? S_PLANNED
			: x < 0.90 ? S_REJECTED : S_FORWARDED;
	return x < 0.20 ? S_ACCEPTED : x < 0.35 ? S_PLANNED : x < 0.53 ? S_IMPLEMENTED
		: x < 0.82 ? S_REJECTED : S_FORWARDED;
}

/* When moderators looked at the idea and when it was decided, and so its status now. */
static void plan_handling(struct gen *g, struct rng *r, long i)
{
	struct idea *d = &g->ideas[i];
	int p = d->project;
	int64_t pend = phase_end(g, p, d->phase);
	bool stays = false;

	d->handled = d->decided = NEVER;
	if (!is_content(d->kind)) {
		/* Spam, abuse and junk: hidden within a week or so, unless nobody got to it. */
		if (!chance(r, 0.12))
			d->handled = d->at + (int64_t)(lognormal(r, 6, 1.0) * DAY);
		if (d->handled <= g->now)
			d->flags |= F_HIDDEN;
		else
			d->handled = NEVER;
		return;
	}
	/* Few staff hours: triage takes about two weeks, and a few ideas slip through. */
	if (!chance(r, 0.06))
		d->handled = d->at + (int64_t)(lognormal(r, p == PR_PLEIN ? 25 : 15, 1.1) * DAY);
	switch (p) {
	case PR_BUDGET:
		/* Proposals are checked together after the submission phase. */
		d->handled = pend + below(r, 24 * DAY);
		d->decided = d->handled;
		break;
	case PR_PLEIN:
	case PR_PLAY:
		/* Triage as ideas come in; decisions only in the design phase, ahead of us. */
		d->decided = NEVER;
		break;
	case PR_MOB:
		if (pend < g->now && d->handled != NEVER)
			d->decided = (d->handled > pend ? d->handled : pend)
				+ (int64_t)(lognormal(r, 25, 0.6) * DAY);
		break;
	case PR_DORP:
		if (d->handled == NEVER || d->handled > pend + 20 * DAY)
			d->handled = pend + below(r, 20 * DAY);
		d->decided = d->handled + (int64_t)(lognormal(r, 30, 0.5) * DAY);
		break;
	default:
		stays = chance(r, 0.22);
		if (d->handled != NEVER && !stays)
			d->decided = d->handled + (int64_t)(lognormal(r, 20, 0.9) * DAY);
	}
	if (d->handled > g->now)
		d->handled = d->decided = NEVER;
	if (d->decided > g->now)
		d->decided = NEVER;

	if (d->handled == NEVER) {
		d->status = S_PROPOSED;
		/* The idea box routes a few by itself, from the category the citizen picked. */
		d->dept = chance(r, 0.05) ? (uint8_t)demo_topics[d->topic].dept : NONE8;
		return;
	}
	d->dept = (uint8_t)demo_topics[d->topic].dept;
	if ((d->kind == K_DUP || d->kind == K_DUPLANG || d->kind == K_REPOST) && d->origin >= 0
	    && chance(r, d->kind == K_REPOST ? 0.8 : 0.45)) {
		long root = d->origin;

		while (g->ideas[root].merged >= 0)
			root = g->ideas[root].merged;
		if (!(g->ideas[root].flags & F_HIDDEN)) {
			d->merged = (int32_t)root;
			d->status = S_MERGED;
			d->decided = d->handled;
			d->assignee = NONE8;
			return;
		}
	}
	if (d->decided == NEVER)
		d->status = chance(r, 0.45) && p != PR_BUDGET ? S_VIEWED : S_CONSIDER;
	else
		d->status = (uint8_t)final_status(r, p);
	d->assignee = chance(r, 0.65) ? (uint8_t)staff_head(d->dept) : NONE8;
}

static void plan_counts(struct gen *g, struct rng *r, long i)
{
	struct idea *d = &g->ideas[i];
	double age = (double)(g->now - d->at) / DAY, v, downshare = 0.07;
	long cap = g->ncit / 2 < 2500 ? g->ncit / 2 : 2500, total;
	int c;

	v = lognormal(r, 3, 1.2);
	if (chance(r, 0.02))
		v *= 8 + below(r, 25);
	switch (d->kind) {
	case K_SPAM: case K_SPAM_AGAIN: v *= 0.12; downshare = 0.8; break;
	case K_JUNK: v *= 0.1; downshare = 0.6; break;
	case K_ABUSE: v *= 0.5; downshare = 0.45; break;
	case K_ANGRY: v *= 1.3; downshare = 0.3; break;
	case K_DUP: case K_DUPLANG: v *= 0.6; break;
	case K_REPOST: v *= 0.2; break;
	default: break;
	}
	if (d->project == PR_BUDGET && d->status == S_ACCEPTED)
		v = v * 4 + 10;
	if (age < 30)
		v *= fpow(age / 30, 0.6);
	if (d->flags & F_HIDDEN)
		v *= 0.3;
	total = (long)(v + unit(r));
	if (total > cap)
		total = cap;
	d->down = 0;
	for (long k = 0; k < total; k++)
		if (chance(r, downshare))
			d->down++;
	d->up = (int32_t)(total - d->down);

	/* Comments: most ideas none or one, a few a conversation. */
	{
		static const int dist[] = { 45, 20, 13, 9, 6, 4, 3 };
		int x = (int)below(r, 100);

		for (c = 0; c < 6 && x >= dist[c]; c++)
			x -= dist[c];
	}
	if (total > 80 && c < 4)
		c += 2;
	if (!is_content(d->kind))
		c = chance(r, 0.25) ? 1 : 0;
	if (age < 0.2)
		c = 0;
	d->comments = (uint8_t)c;
}

static void plan_reports(struct rng *r, struct idea *d)
{
	int n = 0;

	switch (d->kind) {
	case K_SPAM: case K_SPAM_AGAIN: n = chance(r, 0.25) ? 0 : (int)between(r, 1, 4); break;
	case K_ABUSE: n = chance(r, 0.12) ? 0 : (int)between(r, 1, 4); break;
	case K_JUNK: n = chance(r, 0.6) ? 0 : (int)between(r, 1, 2); break;
	case K_ANGRY: n = chance(r, 0.3) ? (chance(r, 0.3) ? 2 : 1) : 0; break;
	default: n = chance(r, 0.004) ? 1 : 0; break;
	}
	d->reports = (uint8_t)n;
}

static int plan_kind(struct rng *r, bool recent)
{
	static const struct {
		int kind;
		double p;
	} mix[] = {
		{ K_SPAM, 0.027 }, { K_ABUSE, 0.012 }, { K_JUNK, 0.008 }, { K_ANGRY, 0.03 },
		{ K_DUP, 0.075 }, { K_DUPLANG, 0.012 }, { K_REPOST, 0.018 },
		{ K_LOOK_PLACE, 0.03 }, { K_LOOK_TOPIC, 0.03 },
	};
	double x = unit(r);

	for (size_t k = 0; k < ARRAY_SIZE(mix); k++) {
		/* Spam comes in waves, and the current one is worse than the old ones. */
		double p = mix[k].kind == K_SPAM ? mix[k].p * (recent ? 2.0 : 0.6) : mix[k].p;

		if (x < p)
			return mix[k].kind;
		x -= p;
	}
	return K_NORMAL;
}

static void plan_idea(struct gen *g, long i)
{
	struct idea *d = &g->ideas[i];
	struct rng r;
	long o = -1;
	int kind, topic = -1, place = NO_PLACE, area = NONE8;

	rng_seed(&r, g->seed, RS_PLAN, (uint64_t)i);
	d->origin = d->merged = -1;
	d->dept = d->assignee = NONE8;
	kind = plan_kind(&r, g->now - d->at < 60 * DAY);
	if (kind == K_SPAM && g->nrecent_spam && chance(&r, 0.35)) {
		int k = g->nrecent_spam < 32 ? g->nrecent_spam : 32;

		o = g->recent_spam[below(&r, k)];
		kind = K_SPAM_AGAIN;
	} else if (kind == K_SPAM) {
		g->recent_spam[g->nrecent_spam++ % 32] = i;
	}
	if (kind == K_DUP || kind == K_DUPLANG || kind == K_LOOK_PLACE || kind == K_LOOK_TOPIC)
		o = find_origin(g, &r, i, 300);
	else if (kind == K_REPOST)
		o = find_origin(g, &r, i, 6);
	if (o < 0 && kind != K_SPAM && kind != K_ABUSE && kind != K_JUNK && kind != K_ANGRY)
		kind = K_NORMAL;
	d->kind = (uint8_t)kind;
	d->origin = (int32_t)o;

	switch (kind) {
	case K_SPAM:
		d->topic = (uint16_t)below(&r, ARRAY_SIZE(demo_spam));
		d->author = (int32_t)(g->first_spammer + below(&r, g->nusers - g->first_spammer));
		d->lang = (uint8_t)(str_eq(demo_spam[d->topic].lang, "nl") ? L_NL
				    : str_eq(demo_spam[d->topic].lang, "fr") ? L_FR : L_EN);
		break;
	case K_SPAM_AGAIN:
		d->topic = g->ideas[o].topic;
		d->author = g->ideas[o].author;
		d->lang = g->ideas[o].lang;
		break;
	case K_ABUSE:
		d->topic = (uint16_t)below(&r, ARRAY_SIZE(demo_abuse));
		d->lang = (uint8_t)(str_eq(demo_abuse[d->topic].lang, "nl") ? L_NL
				    : str_eq(demo_abuse[d->topic].lang, "fr") ? L_FR : L_EN);
		if (chance(&r, 0.4) && d->lang == L_NL)
			d->author = (int32_t)g->offenders[below(&r, g->n_offenders)];
		else
			d->author = (int32_t)pick_author(g, &r, d->lang);
		break;
	case K_JUNK:
		d->topic = (uint16_t)below(&r, 64);
		d->lang = L_NL;
		d->author = (int32_t)pick_author(g, &r, chance(&r, 0.8) ? L_NL : L_EN);
		break;
	default:
		if (kind == K_NORMAL || kind == K_ANGRY) {
			int lang = kind == K_ANGRY ? (chance(&r, 0.9) ? L_NL : chance(&r, 0.5) ? L_FR : L_EN)
				: pick_lang(&r);

			d->author = (int32_t)pick_author(g, &r, lang);
			topic = pick_topic(g, &r, d->project, lang == L_DE);
			if (topic < 0) {
				lang = L_NL;
				topic = pick_topic(g, &r, d->project, false);
			}
			d->lang = (uint8_t)lang;
			place = pick_place(g, &r, topic, d->project, g->u_area[d->author], -1);
		} else {
			const struct idea *od = &g->ideas[o];

			topic = od->topic;
			place = od->place;
			d->lang = od->lang;
			d->author = kind == K_REPOST ? od->author : (int32_t)pick_author(g, &r, od->lang);
			if (kind == K_DUPLANG) {
				d->lang = od->lang != L_NL ? L_NL : chance(&r, 0.55) ? L_FR : L_EN;
				d->author = (int32_t)pick_author(g, &r, d->lang);
			} else if (kind == K_LOOK_PLACE) {
				/* The same request for somewhere else. */
				if (place != NO_PLACE) {
					int p2 = pick_place(g, &r, topic, d->project, g->places[place].area,
							    place);

					if (p2 >= 0)
						place = p2;
				} else if (demo_topics[topic].kinds & PK_AREA) {
					area = od->area;
					while (area == od->area && demo_projects[d->project].area < 0)
						area = pick_area(&r);
				} else {
					d->kind = K_DUP;
				}
			} else if (kind == K_LOOK_TOPIC) {
				/* Another request for the same spot. */
				for (int tries = 0; tries < 40; tries++) {
					int t2 = pick_topic(g, &r, d->project, false);

					if (t2 < 0 || t2 == topic)
						continue;
					unsigned both = demo_topics[t2].kinds & demo_topics[topic].kinds;

					const struct demo_place *pl =
						place == NO_PLACE ? NULL : &g->places[place];

					if (pl ? topic_fits_place(&demo_topics[t2], pl, d->project)
					    : (both & (PK_AREA | PK_TOWN)) != 0) {
						topic = t2;
						break;
					}
				}
				area = od->area;
			}
			if (d->lang == L_DE && !demo_topics[topic].de_title)
				d->lang = L_NL;
			if (kind == K_DUP || kind == K_DUPLANG || kind == K_REPOST)
				area = od->area;
			if (kind == K_REPOST)
				d->flags |= od->flags & F_OFFLINE;
		}
		if (place < 0)
			place = NO_PLACE;
		d->topic = (uint16_t)topic;
		d->place = (uint16_t)place;
		if (place != NO_PLACE)
			area = g->places[place].area;
		else if (area == NONE8 && (demo_topics[topic].kinds & PK_AREA))
			area = demo_projects[d->project].area >= 0 ? demo_projects[d->project].area
				: g->u_area[d->author] != NONE8 ? g->u_area[d->author] : pick_area(&r);
		if (kind == K_NORMAL && d->lang == L_NL && chance(&r, 0.045))
			d->flags |= F_OFFLINE;
		break;
	}
	if (!is_content(kind)) {
		d->place = NO_PLACE;
		area = chance(&r, 0.5) ? g->u_area[d->author] : NONE8;
	}
	d->area = (uint8_t)area;
	if (d->flags & F_OFFLINE) {
		static const long typists[] = { 1, 2, 3, DEMO_STAFF_HEADS + D_COMM, 7 };

		d->author = (int32_t)typists[below(&r, ARRAY_SIZE(typists))];
	}
	plan_handling(g, &r, i);
	plan_counts(g, &r, i);
	plan_reports(&r, d);
	touch(g, d->author, d->at);
	if (d->flags & F_HIDDEN) {
		long u = d->author;

		if (g->u_flags[u] & U_SPAMMER)
			g->u_block[u] = g->now + 5 * 365 * DAY;
		else if ((g->u_flags[u] & U_OFFENDER) && d->kind == K_ABUSE
			 && d->handled + 30 * DAY > g->u_block[u])
			g->u_block[u] = d->handled + 30 * DAY;
	}
}

/* ---- texts ---------------------------------------------------------------------------- */

struct tctx {
	const struct demo_place *places;
	int lang;
	const struct demo_topic *t;
	int place, area;
	const char *name;
	const char *inner;  /* {body} in offline wrappers */
	const char *sig;
	int site;           /* spam template, for {url} and {email} */
	struct rng *r;
};

static void add_cap(struct sbuf *b, const char *s, bool cap)
{
	size_t at = b->len;

	sbuf_add(b, s);
	if (cap && b->s[at] >= 'a' && b->s[at] <= 'z')
		b->s[at] = (char)(b->s[at] - 'a' + 'A');
}

static void expand(struct sbuf *b, const char *tmpl, const struct tctx *c)
{
	const struct demo_place *pl = c->place != NO_PLACE && c->place >= 0 ? &c->places[c->place] : NULL;
	const struct demo_area *ar = c->area != NONE8 && c->area >= 0 ? &demo_areas[c->area] : NULL;
	int lang = c->lang;

	for (const char *s = tmpl; *s;) {
		const char *close;
		char key[16];
		size_t n;
		bool cap;
		char num[32];

		if (*s != '{' || !(close = strchr(s, '}')) || (n = (size_t)(close - s - 1)) >= sizeof(key)) {
			sbuf_addc(b, *s++);
			continue;
		}
		memcpy(key, s + 1, n);
		key[n] = '\0';
		cap = key[0] >= 'A' && key[0] <= 'Z';
		if (cap)
			key[0] = (char)(key[0] - 'A' + 'a');
		s = close + 1;
		if (str_eq(key, "at"))
			add_cap(b, pl ? pl->at[lang] : ar ? ar->at[lang] : town_at[lang], cap);
		else if (str_eq(key, "p"))
			add_cap(b, pl ? pl->name : ar ? ar->name[lang] : DEMO_TOWN, cap);
		else if (str_eq(key, "the"))
			add_cap(b, pl ? pl->the : ar ? ar->name[L_NL] : DEMO_TOWN, cap);
		else if (str_eq(key, "what") && c->t)
			add_cap(b, lang == L_FR ? c->t->fr_what : lang == L_EN ? c->t->en_what : c->t->what,
				cap);
		else if (str_eq(key, "thing") && c->t)
			add_cap(b, lang == L_FR ? c->t->fr_what : lang == L_EN ? c->t->en_what : c->t->thing,
				cap);
		else if (str_eq(key, "area"))
			add_cap(b, ar ? ar->name[lang] : pl ? demo_areas[pl->area].name[lang] : DEMO_TOWN,
				cap);
		else if (str_eq(key, "area_at"))
			add_cap(b, ar ? ar->at[lang] : pl ? demo_areas[pl->area].at[lang] : town_at[lang],
				cap);
		else if (str_eq(key, "n")) {
			snprintf(num, sizeof(num), "%ld", between(c->r, 2, 35));
			sbuf_add(b, num);
		} else if (str_eq(key, "name"))
			sbuf_add(b, c->name ? c->name : "");
		else if (str_eq(key, "body"))
			sbuf_add(b, c->inner ? c->inner : "");
		else if (str_eq(key, "sig"))
			sbuf_add(b, c->sig ? c->sig : "");
		else if (str_eq(key, "phone")) {
			/* One draw per statement: argument evaluation order is unspecified. */
			char *p = num;

			*p++ = '0';
			*p++ = '4';
			*p++ = (char)('6' + below(c->r, 4));
			for (int k = 0; k < 7; k++) {
				if (k == 1 || k == 3 || k == 5)
					*p++ = ' ';
				*p++ = (char)('0' + below(c->r, 10));
			}
			*p = '\0';
			sbuf_add(b, num);
		} else if (str_eq(key, "url")) {
			const char *path = chance(c->r, 0.5) ? "?ref=gv" : "promo/";

			sbuf_addf(b, "https://www.%s.example/%s%ld", demo_spam[c->site].site, path,
				  below(c->r, 1000));
		} else if (str_eq(key, "email")) {
			const char *who = chance(c->r, 0.5) ? "info" : "contact";

			sbuf_addf(b, "%s@%s.example", who, demo_spam[c->site].site);
		} else {
			sbuf_addc(b, '{');
			sbuf_add(b, key);
			sbuf_addc(b, '}');
		}
	}
}

static bool is_ascii_letter(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* A slip of the finger: swap, drop or double one letter. */
static void typo(struct sbuf *b, struct rng *r)
{
	size_t i;

	if (b->len < 6)
		return;
	for (int tries = 0; tries < 10; tries++) {
		i = 1 + (size_t)below(r, (long)b->len - 2);
		if (!is_ascii_letter(b->s[i]) || !is_ascii_letter(b->s[i + 1]))
			continue;
		switch (below(r, 3)) {
		case 0: {
			char t = b->s[i];

			b->s[i] = b->s[i + 1];
			b->s[i + 1] = t;
			break;
		}
		case 1:
			memmove(b->s + i, b->s + i + 1, b->len - i);
			b->len--;
			break;
		default:
			sbuf_addc(b, ' ');
			memmove(b->s + i + 1, b->s + i, b->len - i - 1);
			b->s[b->len] = '\0';
			break;
		}
		return;
	}
}

static void upper_ascii(struct sbuf *b, size_t from)
{
	for (size_t i = from; i < b->len; i++)
		if (b->s[i] >= 'a' && b->s[i] <= 'z')
			b->s[i] = (char)(b->s[i] - 'a' + 'A');
}

static void replace_all(struct sbuf *b, const char *from, const char *to)
{
	struct sbuf out;
	const char *s = b->s, *hit;
	size_t fl = strlen(from);

	if (!s || !strstr(s, from))
		return;
	sbuf_init(&out);
	while ((hit = strstr(s, from))) {
		sbuf_addn(&out, s, (size_t)(hit - s));
		sbuf_add(&out, to);
		s = hit + fl;
	}
	sbuf_add(&out, s);
	sbuf_free(b);
	*b = out;
}

static void tussentaal(struct sbuf *b, struct rng *r)
{
	int k = (int)between(r, 2, 5);

	for (int i = 0; i < k; i++) {
		long j = below(r, ARRAY_SIZE(demo_tussentaal));

		replace_all(b, demo_tussentaal[j][0], demo_tussentaal[j][1]);
	}
}

static void sentence(struct sbuf *b, const char *tmpl, const struct tctx *c, const char *sep)
{
	if (b->len && sep)
		sbuf_add(b, sep);
	expand(b, tmpl, c);
}

static const char *const greeting_closers[] = { "Groetjes", "Mvg", "Met vriendelijke groeten" };

static void body_nl(struct sbuf *b, const struct tctx *c, struct rng *r, int len)
{
	const struct demo_topic *t = c->t;
	const char *para = len >= 3 ? "\n\n" : " ";
	int first = (int)below(r, 2);

	if (len >= 2 && chance(r, 0.4)) {
		expand(b, PICK(r, demo_open_nl), c);
		sbuf_add(b, "\n\n");
	}
	if (len >= 2 && chance(r, len >= 3 ? 0.8 : 0.45))
		sentence(b, PICK(r, demo_context_nl), c, b->len && b->s[b->len - 1] != '\n' ? " " : NULL);
	sentence(b, t->body[first], c, b->len && b->s[b->len - 1] != '\n' ? " " : NULL);
	if (len >= 3 || (len == 2 && chance(r, 0.3)))
		sentence(b, t->body[!first], c, " ");
	if (len >= 2 && chance(r, len >= 3 ? 0.9 : 0.5))
		sentence(b, demo_motive_nl[t->dept][below(r, 3)], c, para);
	if (len >= 3 && chance(r, 0.5))
		sentence(b, PICK(r, demo_extra_nl), c, " ");
	if (len >= 2 && chance(r, 0.6)) {
		const char *cl = PICK(r, demo_close_nl);

		sentence(b, cl, c, para);
		for (size_t k = 0; k < ARRAY_SIZE(greeting_closers); k++)
			if (str_eq(cl, greeting_closers[k]) && c->name && chance(r, 0.6)) {
				sbuf_add(b, "\n");
				sbuf_add(b, c->name);
			}
	}
}

static void body_other(struct sbuf *b, const struct tctx *c, struct rng *r, int len)
{
	const struct demo_topic *t = c->t;
	bool fr = c->lang == L_FR;

	if (c->lang == L_DE) {
		expand(b, PICK(r, demo_body_de), c);
		return;
	}
	if (len >= 2 && chance(r, 0.45)) {
		expand(b, fr ? PICK(r, demo_open_fr) : PICK(r, demo_open_en), c);
		sbuf_add(b, "\n\n");
	}
	if (len >= 2 && chance(r, 0.6)) {
		expand(b, fr ? PICK(r, demo_context_fr) : PICK(r, demo_context_en), c);
		sbuf_addc(b, ' ');
	}
	expand(b, fr ? t->fr_body : t->en_body, c);
	if (len >= 2 && chance(r, 0.6))
		sentence(b, fr ? PICK(r, demo_motive_fr) : PICK(r, demo_motive_en), c, " ");
	if (len >= 2 && chance(r, 0.6))
		sentence(b, fr ? PICK(r, demo_close_fr) : PICK(r, demo_close_en), c, len >= 3 ? "\n\n" : " ");
}

static void title_for(struct sbuf *b, const struct tctx *c, struct rng *r, bool angry)
{
	const struct demo_topic *t = c->t;
	bool general = c->place == NO_PLACE;

	switch (c->lang) {
	case L_NL:
		if (angry && chance(r, 0.65))
			expand(b, PICK(r, demo_angry_title_nl), c);
		else if (chance(r, 0.45))
			expand(b, t->title[below(r, 2)], c);
		else if (general && chance(r, 0.5))
			expand(b, PICK(r, demo_title_nl_general), c);
		else
			expand(b, PICK(r, demo_title_nl), c);
		break;
	case L_FR:
		expand(b, PICK(r, demo_title_fr), c);
		break;
	case L_EN:
		expand(b, PICK(r, demo_title_en), c);
		break;
	default:
		expand(b, t->de_title, c);
	}
}

static void mash(struct sbuf *b, struct rng *r)
{
	static const char keys[] = "asdfghjklqwertyuiopzxcvbnm";
	long n = between(r, 5, 18);

	if (chance(r, 0.4)) {
		char ch = chance(r, 0.5) ? keys[below(r, 26)] : "!?.x"[below(r, 4)];

		for (long i = 0; i < n + 6; i++)
			sbuf_addc(b, ch);
		return;
	}
	for (long i = 0; i < n; i++)
		sbuf_addc(b, i && chance(r, 0.15) ? ' ' : keys[below(r, 26)]);
}

static void citizen_first_name(const struct gen *g, long u, char *out, size_t n);

static void idea_text(struct gen *g, long i, struct sbuf *title, struct sbuf *body)
{
	const struct idea *d = &g->ideas[i];
	struct rng r;
	struct tctx c = { 0 };
	char name[64];
	int len;
	double x;

	rng_seed(&r, g->seed, RS_TEXT, (uint64_t)i);
	c.places = g->places;
	c.lang = d->lang;
	c.place = d->place;
	c.area = d->area == NONE8 ? -1 : d->area;
	c.r = &r;
	citizen_first_name(g, d->author, name, sizeof(name));
	c.name = name;

	switch (d->kind) {
	case K_SPAM:
		c.site = d->topic;
		expand(title, demo_spam[d->topic].title, &c);
		if (chance(&r, 0.2))
			upper_ascii(title, 0);
		if (chance(&r, 0.3))
			sbuf_add(title, chance(&r, 0.5) ? "!!!" : " 💰");
		expand(body, demo_spam[d->topic].body, &c);
		return;
	case K_SPAM_AGAIN:
		idea_text(g, d->origin, title, body);
		if (chance(&r, 0.4)) {
			c.site = d->topic;
			sbuf_add(body, "\n");
			expand(body, "{url}", &c);
		}
		return;
	case K_ABUSE:
		expand(title, demo_abuse[d->topic].title, &c);
		if (chance(&r, 0.3))
			upper_ascii(title, 0);
		expand(body, demo_abuse[d->topic].body, &c);
		return;
	case K_JUNK:
		if (chance(&r, 0.6))
			sbuf_add(title, PICK(&r, demo_junk));
		else
			mash(title, &r);
		x = unit(&r);
		if (x < 0.3)
			sbuf_add(body, title->s);
		else if (x < 0.6)
			mash(body, &r);
		return;
	case K_REPOST:
		idea_text(g, d->origin, title, body);
		x = unit(&r);
		if (x < 0.3)
			typo(title, &r);
		else if (x < 0.5)
			sbuf_add(title, "!");
		if (chance(&r, 0.25))
			sbuf_add(body, "\n\n(Tweede keer gepost, mijn eerste bericht leek niet door "
				 "te komen.)");
		return;
	default:
		break;
	}

	c.t = &demo_topics[d->topic];
	x = unit(&r);
	len = x < 0.07 ? 0 : x < 0.27 ? 1 : x < 0.77 ? 2 : 3;
	title_for(title, &c, &r, d->kind == K_ANGRY);

	if (d->flags & F_OFFLINE) {
		struct sbuf inner;

		sbuf_init(&inner);
		expand(&inner, c.t->body[below(&r, 2)], &c);
		c.inner = inner.s;
		expand(body, PICK(&r, demo_offline_nl), &c);
		if (chance(&r, 0.05))
			sbuf_add(body, "\nStraat:\tzie titel\nTel.:\tniet opgegeven");
		sbuf_free(&inner);
		return;
	}
	if (d->kind == K_ANGRY) {
		if (d->lang == L_NL) {
			size_t from;

			sentence(body, PICK(&r, demo_angry_open_nl), &c, NULL);
			from = body->len;
			sentence(body, c.t->body[below(&r, 2)], &c, " ");
			if (chance(&r, 0.3))
				upper_ascii(body, from);
			sentence(body, PICK(&r, demo_angry_close_nl), &c, chance(&r, 0.5) ? "\n\n" : " ");
			if (chance(&r, 0.3))
				upper_ascii(title, 0);
		} else {
			body_other(body, &c, &r, 1);
			sentence(body, d->lang == L_FR ? PICK(&r, demo_angry_fr) : PICK(&r, demo_angry_en),
				 &c, " ");
		}
		return;
	}
	if (len > 0) {
		if (d->lang == L_NL)
			body_nl(body, &c, &r, len);
		else
			body_other(body, &c, &r, len);
	}
	/* The way people actually type. */
	if (d->lang == L_NL && chance(&r, 0.1))
		tussentaal(body, &r);
	if (chance(&r, 0.06))
		typo(title, &r);
	if (chance(&r, 0.1)) {
		typo(body, &r);
		if (chance(&r, 0.4))
			typo(body, &r);
	}
	if (chance(&r, 0.08) && title->s && title->s[0] >= 'A' && title->s[0] <= 'Z')
		title->s[0] = (char)(title->s[0] - 'A' + 'a');
	if (chance(&r, 0.02))
		upper_ascii(title, 0);
	if (chance(&r, 0.03)) {
		sbuf_addc(title, ' ');
		sbuf_add(title, PICK(&r, demo_emoji));
	}
	if (body->len && chance(&r, 0.05)) {
		sbuf_addc(body, ' ');
		sbuf_add(body, PICK(&r, demo_emoji));
	}
	if (body->len && chance(&r, 0.004))
		sbuf_add(body, " :-\\");
}

/* ---- passes ----------------------------------------------------------------------------- */

static int64_t user_id(long u)
{
	return u + 1;
}

static int64_t dept_id(int d)
{
	return d == NONE8 ? -1 : d + 1;
}

static const char *hidden_reason(const struct idea *d, struct rng *r)
{
	switch (d->kind) {
	case K_ABUSE: return PICK(r, demo_hidden_abuse);
	case K_JUNK: return PICK(r, demo_hidden_junk);
	default: return PICK(r, demo_hidden_spam);
	}
}

static bool write_ideas(struct gen *g, FILE *truth)
{
	struct copy c;
	struct sbuf title, body;

	if (!copy_begin(g, &c, "COPY ideas (id, project_id, phase_id, author_id, title, body, lang, "
			"area_id, location_lat, location_lng, address, status, department_id, assignee_id, "
			"source, merged_into_id, hidden_at, hidden_reason, votes_up, votes_down, "
			"comments_count, version, created_at, updated_at, analyzed_at) FROM STDIN", "ideas"))
		return false;
	sbuf_init(&title);
	sbuf_init(&body);
	for (long i = 0; i < g->n && !c.failed; i++) {
		const struct idea *d = &g->ideas[i];
		struct rng r;
		int64_t updated = d->at;
		int version = 1;

		rng_seed(&r, g->seed, RS_LOC, (uint64_t)i);
		sbuf_reset(&title);
		sbuf_reset(&body);
		idea_text(g, i, &title, &body);
		if (!title.len || !title.s[strspn(title.s, " ")])
			sbuf_add(&title, "?");

		c_int(&c, i + 1);
		c_int(&c, d->project + 1);
		c_int(&c, g->phase_base[d->project] + d->phase);
		c_int(&c, user_id(d->author));
		c_text(&c, title.s);
		c_text(&c, body.s ? body.s : "");
		c_text(&c, lang_code[d->lang]);
		c_id(&c, d->area == NONE8 ? -1 : d->area + 1);
		if (d->place != NO_PLACE && chance(&r, 0.8)) {
			const struct demo_place *p = &g->places[d->place];
			const struct demo_area *a = &demo_areas[p->area];

			c_coord(&c, a->lat + p->dlat + (unit(&r) - 0.5) * 0.0008);
			c_coord(&c, a->lng + p->dlng + (unit(&r) - 0.5) * 0.0012);
			if ((p->kind & PK_STREET) && chance(&r, 0.45)) {
				char addr[128];

				long nr = between(&r, 1, 180);

				snprintf(addr, sizeof(addr), "%s %ld, %s", p->name, nr, DEMO_TOWN);
				c_text(&c, addr);
			} else if ((p->kind & PK_SQUARE) && chance(&r, 0.3)) {
				char addr[128];

				snprintf(addr, sizeof(addr), "%s, %s", p->name, DEMO_TOWN);
				c_text(&c, addr);
			} else {
				c_null(&c);
			}
		} else if (d->area != NONE8 && is_content(d->kind) && chance(&r, 0.4)) {
			const struct demo_area *a = &demo_areas[d->area];

			c_coord(&c, a->lat + (unit(&r) - 0.5) * 0.008);
			c_coord(&c, a->lng + (unit(&r) - 0.5) * 0.012);
			c_null(&c);
		} else {
			c_null(&c);
			c_null(&c);
			c_null(&c);
		}
		c_text(&c, status_key[d->status]);
		c_id(&c, dept_id(d->dept));
		c_id(&c, d->assignee == NONE8 ? -1 : user_id(d->assignee));
		c_text(&c, d->flags & F_OFFLINE ? "offline" : "online");
		c_id(&c, d->merged >= 0 ? d->merged + 1 : -1);
		if (d->flags & F_HIDDEN) {
			c_ts(&c, d->handled);
			c_text(&c, hidden_reason(d, &r));
		} else {
			c_null(&c);
			c_null(&c);
		}
		c_int(&c, d->up);
		c_int(&c, d->down);
		c_int(&c, d->comments);
		if (d->handled != NEVER) {
			updated = d->handled;
			version++;
		}
		if (d->decided != NEVER && d->decided != d->handled) {
			updated = d->decided;
			version++;
		}
		c_int(&c, version);
		c_ts(&c, d->at);
		c_ts(&c, updated);
		/* What staff have handled, the engine saw when it came in; the rest waits for
		 * its first look. */
		if (d->handled != NEVER || d->merged >= 0)
			c_ts(&c, d->at);
		else
			c_null(&c);
		c_row(&c);
		if (truth)
			fprintf(truth, "%ld\t%s\t%d\t%d\t%d\t%ld\t%d\t%s\n", i + 1, kind_name[d->kind],
				is_content(d->kind) ? d->topic : -1, d->place == NO_PLACE ? -1 : d->place,
				d->area == NONE8 ? -1 : d->area, d->origin >= 0 ? (long)d->origin + 1 : 0L,
				d->project + 1, lang_code[d->lang]);
		if (i % g->tick == 0)
			progress(g, N_("ideas"), 0.2 + 0.8 * (double)i / (double)g->n);
	}
	sbuf_free(&title);
	sbuf_free(&body);
	return copy_end(g, &c, "ideas");
}

/* A moment between from and to, early ones likelier: interest fades. */
static int64_t soon_after(struct rng *r, int64_t from, int64_t to)
{
	double x = unit(r);

	if (to <= from)
		return from;
	return from + (int64_t)(x * x * (double)(to - from));
}

static bool write_votes(struct gen *g)
{
	struct copy c;

	if (!copy_begin(g, &c, "COPY votes (idea_id, user_id, mode, created_at) FROM STDIN", "votes"))
		return false;
	for (long i = 0; i < g->n && !c.failed; i++) {
		const struct idea *d = &g->ideas[i];
		long total = d->up + d->down;
		int64_t from = d->at, to = g->now;
		struct rng r;

		if (!total)
			continue;
		rng_seed(&r, g->seed, RS_VOTES, (uint64_t)i);
		if (++g->tag == 0)
			g->tag = 1;
		g->mark[d->author] = g->tag;
		if (d->flags & F_HIDDEN)
			to = d->handled;
		if (d->project == PR_BUDGET && d->status == S_ACCEPTED)
			from = phase_start(g, PR_BUDGET, 2);
		for (long k = 0; k < total; k++) {
			long u;
			int64_t t;

			do
				u = pick_citizen(g, &r, d->area);
			while (g->mark[u] == g->tag);
			g->mark[u] = g->tag;
			t = soon_after(&r, from, to);
			touch(g, u, t);
			c_int(&c, i + 1);
			c_int(&c, user_id(u));
			c_text(&c, k < d->up ? "up" : "down");
			c_ts(&c, t);
			c_row(&c);
		}
		if (i % g->tick == 0)
			progress(g, N_("votes"), (double)i / (double)g->n);
	}
	return copy_end(g, &c, "votes");
}

static void add_creport(struct gen *g, const struct creport *cr)
{
	if (g->ncreports == g->capcreports) {
		g->capcreports = g->capcreports ? g->capcreports * 2 : 256;
		g->creports = xreallocarray(g->creports, g->capcreports, sizeof(*g->creports));
	}
	g->creports[g->ncreports++] = *cr;
}

static bool write_comments(struct gen *g)
{
	struct copy c;
	struct sbuf text;

	if (!copy_begin(g, &c, "COPY comments (id, idea_id, parent_id, author_id, body, lang, hidden_at, "
			"hidden_reason, version, created_at, analyzed_at) FROM STDIN", "comments"))
		return false;
	sbuf_init(&text);
	for (long i = 0; i < g->n && !c.failed; i++) {
		const struct idea *d = &g->ideas[i];
		int64_t ids[8], t = d->at, end = (d->flags & F_HIDDEN) ? d->handled : g->now;
		struct rng r;
		struct tctx tc = { 0 };

		if (!d->comments)
			continue;
		rng_seed(&r, g->seed, RS_COMMENTS, (uint64_t)i);
		tc.places = g->places;
		tc.lang = d->lang;
		tc.place = d->place;
		tc.area = d->area == NONE8 ? -1 : d->area;
		tc.r = &r;
		for (int k = 0; k < d->comments; k++) {
			int64_t id = g->next_comment++;
			int64_t parent = -1, hidden = NEVER;
			long author;
			bool abusive = false, reply = k > 0 && chance(&r, 0.3);
			int lang = d->lang == L_DE ? L_NL : d->lang;

			{
				int64_t next = t + (int64_t)(lognormal(&r, 8, 1.2) * HOUR);

				/* A conversation squeezed into the time the idea has been online. */
				t = next < end ? next : t + (end - t) / 2;
			}
			if (reply)
				parent = ids[below(&r, k)];
			author = reply && chance(&r, 0.25) && d->author >= g->nstaff ? d->author
				: pick_citizen(g, &r, d->area);
			sbuf_reset(&text);
			if (!is_content(d->kind)) {
				lang = L_NL;
				expand(&text, PICK(&r, demo_comment_on_spam), &tc);
			} else if (chance(&r, 0.02)) {
				abusive = true;
				lang = L_NL;
				expand(&text, PICK(&r, demo_comment_abuse), &tc);
			} else if (lang == L_FR) {
				expand(&text, PICK(&r, demo_comment_fr), &tc);
			} else if (lang == L_EN) {
				expand(&text, PICK(&r, demo_comment_en), &tc);
			} else if (author == d->author) {
				expand(&text, PICK(&r, demo_comment_author_nl), &tc);
			} else if (reply) {
				expand(&text, PICK(&r, demo_comment_reply_nl), &tc);
			} else {
				double x = unit(&r);

				expand(&text, x < 0.55 ? PICK(&r, demo_comment_agree_nl)
					      : x < 0.8 ? PICK(&r, demo_comment_disagree_nl)
					      : PICK(&r, demo_comment_info_nl), &tc);
			}
			if (chance(&r, 0.05))
				typo(&text, &r);
			if (abusive || chance(&r, 0.004)) {
				struct creport cr = { .comment = id, .at = t, .idea = (int32_t)i,
						      .author = (int32_t)author, .abusive = abusive,
						      .resolved = NEVER };

				cr.n = (uint8_t)(abusive ? (chance(&r, 0.25) ? 0 : between(&r, 1, 2)) : 1);
				if (cr.n) {
					int64_t h = t + (int64_t)(lognormal(&r, 3, 0.8) * DAY);

					if (h < g->now) {
						cr.resolved = h;
						cr.resolution = abusive ? 1 : 2;
						if (abusive)
							hidden = h;
					}
					add_creport(g, &cr);
				}
			}
			touch(g, author, t);
			ids[k] = id;
			c_int(&c, id);
			c_int(&c, i + 1);
			c_id(&c, parent);
			c_int(&c, user_id(author));
			c_text(&c, text.s);
			c_text(&c, lang_code[lang]);
			if (hidden != NEVER) {
				c_ts(&c, hidden);
				c_text(&c, PICK(&r, demo_hidden_abuse));
			} else {
				c_null(&c);
				c_null(&c);
			}
			c_int(&c, hidden != NEVER ? 2 : 1);
			c_ts(&c, t);
			/* The last three days' comments wait for the engine's first look. */
			if (t < g->now - 3 * DAY)
				c_ts(&c, t);
			else
				c_null(&c);
			c_row(&c);
		}
		if (i % g->tick == 0)
			progress(g, N_("comments"), (double)i / (double)g->n);
	}
	sbuf_free(&text);
	return copy_end(g, &c, "comments");
}

static void report_row(struct gen *g, struct copy *c, struct rng *r, int64_t idea, int64_t comment,
		       long author, int64_t from, int64_t resolved, const char *resolution, int kind,
		       int area)
{
	long u;
	int64_t to = resolved != NEVER ? resolved : g->now;
	double x = unit(r);
	const char *code, *other = NULL;

	do
		u = pick_citizen(g, r, area);
	while (g->mark[u] == g->tag || u == author);
	g->mark[u] = g->tag;
	switch (kind) {
	case K_SPAM: case K_SPAM_AGAIN:
		code = x < 0.55 ? "wrong_content" : x < 0.9 ? "other" : "inappropriate";
		if (*code == 'o')
			other = PICK(r, demo_report_spam);
		break;
	case K_JUNK:
		code = x < 0.7 ? "wrong_content" : "other";
		if (*code == 'o')
			other = PICK(r, demo_report_junk);
		break;
	case K_ANGRY:
		code = x < 0.5 ? "inappropriate" : "other";
		if (*code == 'o')
			other = PICK(r, demo_report_angry);
		break;
	case K_ABUSE:
		code = x < 0.7 ? "inappropriate" : "other";
		if (*code == 'o')
			other = PICK(r, demo_report_abuse);
		break;
	default:
		code = x < 0.5 ? "inappropriate" : "wrong_content";
	}
	{
		int64_t t = soon_after(r, from, to - 60 > from ? to - 60 : from);

		touch(g, u, t);
		c_int(c, g->next_report++);
		c_id(c, idea);
		c_id(c, comment);
		c_int(c, user_id(u));
		c_text(c, code);
		if (other)
			c_text(c, other);
		else
			c_null(c);
		c_ts(c, t);
		if (resolved != NEVER) {
			c_ts(c, resolved);
			c_text(c, resolution);
		} else {
			c_null(c);
			c_null(c);
		}
		c_row(c);
	}
}

static bool write_reports(struct gen *g)
{
	struct copy c;

	if (!copy_begin(g, &c, "COPY citizen_reports (id, idea_id, comment_id, reporter_id, reason_code, "
			"other_reason, created_at, resolved_at, resolution) FROM STDIN", "citizen_reports"))
		return false;
	for (long i = 0; i < g->n && !c.failed; i++) {
		const struct idea *d = &g->ideas[i];
		struct rng r;
		int64_t resolved = NEVER;
		const char *resolution = NULL;

		if (!d->reports)
			continue;
		rng_seed(&r, g->seed, RS_REPORTS, (uint64_t)i);
		if (++g->tag == 0)
			g->tag = 1;
		if (!is_content(d->kind)) {
			if (d->flags & F_HIDDEN) {
				resolved = d->handled;
				resolution = "confirmed";
			}
		} else if (d->handled != NEVER) {
			/* Reported, but a legitimate idea: moderators dismissed the report. */
			resolved = d->handled;
			resolution = "dismissed";
		}
		for (int k = 0; k < d->reports; k++)
			report_row(g, &c, &r, i + 1, -1, d->author, d->at, resolved, resolution, d->kind,
				   d->area);
		if (i % g->tick == 0)
			progress(g, N_("reports and replies"), 0.4 * (double)i / (double)g->n);
	}
	for (size_t k = 0; k < g->ncreports && !c.failed; k++) {
		const struct creport *cr = &g->creports[k];
		struct rng r;

		rng_seed(&r, g->seed, RS_REPORTS, (uint64_t)(g->n + (long)k));
		if (++g->tag == 0)
			g->tag = 1;
		for (int j = 0; j < cr->n; j++)
			report_row(g, &c, &r, -1, cr->comment, cr->author, cr->at, cr->resolved,
				   cr->resolution == 1 ? "confirmed" : "dismissed",
				   cr->abusive ? K_ABUSE : K_NORMAL, g->ideas[cr->idea].area);
	}
	return copy_end(g, &c, "citizen_reports");
}

static void feedback_row(struct gen *g, struct copy *c, struct rng *r, long i, const char *const *tmpl,
			 size_t ntmpl, int64_t at)
{
	const struct idea *d = &g->ideas[i];
	int dept = d->dept == NONE8 ? D_COMM : d->dept;
	struct tctx tc = { 0 };
	struct sbuf b;
	long author = d->assignee != NONE8 ? d->assignee
		: chance(r, 0.6) ? staff_head(dept) : between(r, 1, 3);

	tc.places = g->places;
	tc.lang = L_NL;
	tc.t = &demo_topics[d->topic];
	tc.place = d->place;
	tc.area = d->area == NONE8 ? -1 : d->area;
	tc.sig = demo_depts[dept].signature[0];
	tc.r = r;
	sbuf_init(&b);
	expand(&b, tmpl[below(r, (long)ntmpl)], &tc);
	if (at > g->now)
		at = g->now;
	c_int(c, g->next_feedback++);
	c_int(c, i + 1);
	c_int(c, user_id(author));
	c_int(c, dept + 1);
	c_text(c, demo_depts[dept].signature[0]);
	c_text(c, b.s);
	c_text(c, "nl-BE");
	c_ts(c, at);
	c_row(c);
	sbuf_free(&b);
}

#define FB(g, c, r, i, arr, at) feedback_row((g), (c), (r), (i), (arr), ARRAY_SIZE(arr), (at))

static bool write_feedback(struct gen *g)
{
	struct copy c;

	if (!copy_begin(g, &c, "COPY official_feedback (id, idea_id, author_id, department_id, "
			"signature, body, locale, created_at) FROM STDIN", "official_feedback"))
		return false;
	for (long i = 0; i < g->n && !c.failed; i++) {
		const struct idea *d = &g->ideas[i];
		struct rng r;
		int64_t at;

		if (!is_content(d->kind) || d->handled == NEVER || d->status == S_PROPOSED
		    || d->status == S_VIEWED)
			continue;
		rng_seed(&r, g->seed, RS_FEEDBACK, (uint64_t)i);
		at = d->handled + below(&r, 2 * DAY);
		if (d->status == S_MERGED) {
			if (chance(&r, 0.5))
				FB(g, &c, &r, i, demo_fb_merged, at);
			continue;
		}
		if (d->status == S_CONSIDER) {
			if (chance(&r, 0.5))
				FB(g, &c, &r, i, demo_fb_considering, at);
			continue;
		}
		if (!chance(&r, 0.8))
			continue;
		if (d->project != PR_BUDGET && chance(&r, 0.25))
			FB(g, &c, &r, i, demo_fb_considering, at);
		at = d->decided + below(&r, 2 * DAY);
		if (d->project == PR_BUDGET && d->status == S_ACCEPTED)
			FB(g, &c, &r, i, demo_fb_budget_yes, at);
		else if (d->project == PR_BUDGET && d->status == S_REJECTED)
			FB(g, &c, &r, i, demo_fb_budget_no, at);
		else if (d->status == S_ACCEPTED)
			FB(g, &c, &r, i, demo_fb_accepted, at);
		else if (d->status == S_PLANNED)
			FB(g, &c, &r, i, demo_fb_planned, at);
		else if (d->status == S_IMPLEMENTED)
			FB(g, &c, &r, i, demo_fb_implemented, at);
		else if (d->status == S_REJECTED)
			FB(g, &c, &r, i, demo_fb_rejected, at);
		else if (d->status == S_FORWARDED)
			FB(g, &c, &r, i, demo_fb_forwarded, at);
		if (i % g->tick == 0)
			progress(g, N_("reports and replies"), 0.5 + 0.5 * (double)i / (double)g->n);
	}
	return copy_end(g, &c, "official_feedback");
}

/* ---- users ---------------------------------------------------------------------------- */

struct identity {
	const char *first, *last;
	const char *gender;
	int birth_year; /* 0: not given */
};

static void identity(const struct gen *g, long u, struct identity *id)
{
	struct rng r;
	int loc = g->u_locale[u];
	double x;
	bool female;

	if (u < g->nstaff) {
		id->first = demo_staff[u].first;
		id->last = demo_staff[u].last;
		id->gender = NULL;
		id->birth_year = 0;
		return;
	}
	rng_seed(&r, g->seed, RS_NAME, (uint64_t)u);
	x = unit(&r);
	id->gender = x < 0.49 ? "female" : x < 0.94 ? "male" : x < 0.955 ? "other" : NULL;
	female = id->gender ? *id->gender == 'f' || (*id->gender == 'o' && chance(&r, 0.5)) : chance(&r, 0.5);
	if (loc == 1) {
		id->first = female ? PICK(&r, demo_first_f_fr) : PICK(&r, demo_first_m_fr);
		id->last = chance(&r, 0.8) ? PICK(&r, demo_last_fr) : PICK(&r, demo_last_nl);
	} else if (loc == 2) {
		id->first = female ? PICK(&r, demo_first_f_en) : PICK(&r, demo_first_m_en);
		id->last = PICK(&r, demo_last_en);
	} else {
		id->first = female ? PICK(&r, demo_first_f_nl) : PICK(&r, demo_first_m_nl);
		id->last = PICK(&r, demo_last_nl);
	}
	/* Who takes part online: few teenagers and very old people, most between 30 and 65. */
	{
		static const struct {
			int lo, hi, w;
		} bands[] = { { 14, 17, 4 }, { 18, 24, 8 }, { 25, 34, 17 }, { 35, 44, 21 }, { 45, 54, 19 },
			      { 55, 64, 15 }, { 65, 74, 11 }, { 75, 92, 5 } };
		int w = (int)below(&r, 100), k = 0;
		int y, m, d;

		while (k < 7 && w >= bands[k].w)
			w -= bands[k++].w;
		civil(g->now / DAY, &y, &m, &d);
		id->birth_year = chance(&r, 0.04) ? 0 : y - (int)between(&r, bands[k].lo, bands[k].hi);
	}
}

static void citizen_first_name(const struct gen *g, long u, char *out, size_t n)
{
	struct identity id;

	identity(g, u, &id);
	snprintf(out, n, "%s", id.first);
}

/* An e-mail local part from a name: ASCII letters only. */
static void mail_part(struct sbuf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			sbuf_addc(b, (char)(*p - 'A' + 'a'));
		else if (*p >= 'a' && *p <= 'z')
			sbuf_addc(b, (char)*p);
		else if (*p == 0xc3 && p[1]) {
			/* é è ë ê -> e, ö -> o, ï -> i, ç -> c, É -> e */
			unsigned char n = *++p;

			sbuf_addc(b, n >= 0xa8 && n <= 0xab ? 'e' : n == 0x89 ? 'e' : n == 0xb6 ? 'o'
				  : n == 0xaf ? 'i' : n == 0xa7 ? 'c' : 'x');
		}
	}
}

static bool write_users(struct gen *g)
{
	struct copy c;
	struct sbuf mail;

	if (!copy_begin(g, &c, "COPY users (id, login, email, first_name, last_name, role, locale, "
			"birth_year, gender, area_id, department_id, blocked_until, block_reason, "
			"created_at) FROM STDIN", "users"))
		return false;
	sbuf_init(&mail);
	for (long u = 0; u < g->nusers && !c.failed; u++) {
		struct identity id;
		struct rng r;
		int64_t created;

		identity(g, u, &id);
		rng_seed(&r, g->seed, RS_USER, (uint64_t)(u + g->nusers));
		sbuf_reset(&mail);
		c_int(&c, user_id(u));
		if (u < g->nstaff) {
			const struct demo_staff *s = &demo_staff[u];

			c_text(&c, s->login);
			if (u == 0) {
				c_null(&c);
			} else {
				mail_part(&mail, s->first);
				sbuf_addc(&mail, '.');
				mail_part(&mail, s->last);
				sbuf_add(&mail, "@" DEMO_MAIL_DOMAIN);
				c_text(&c, mail.s);
			}
			c_text(&c, s->first);
			c_text(&c, s->last);
			c_text(&c, s->role);
			c_text(&c, "nl-BE");
			c_null(&c);
			c_null(&c);
			c_null(&c);
			c_id(&c, s->dept < 0 ? -1 : s->dept + 1);
			c_null(&c);
			c_null(&c);
			c_ts(&c, g->launch - 40 * DAY + u * HOUR);
			c_row(&c);
			continue;
		}
		c_null(&c);
		if (g->u_flags[u] & U_SPAMMER) {
			static const char *const words[] = {
				"bestdeals", "cryptoking", "promo", "winner", "easycash", "hotoffer",
			};

			const char *w = PICK(&r, words);
			long nr = between(&r, 10, 99);

			sbuf_addf(&mail, "%s%ld.%ld@%s", w, nr, u, PICK(&r, demo_mail_domains));
			c_text(&c, mail.s);
		} else if (chance(&r, 0.96)) {
			mail_part(&mail, id.first);
			sbuf_addc(&mail, '.');
			mail_part(&mail, id.last);
			sbuf_addf(&mail, ".%ld@%s", u, PICK(&r, demo_mail_domains));
			c_text(&c, mail.s);
		} else {
			c_null(&c);
		}
		c_text(&c, id.first);
		c_text(&c, id.last);
		c_text(&c, "citizen");
		c_text(&c, locale_code[g->u_locale[u]]);
		c_id(&c, id.birth_year ? id.birth_year : -1);
		if (id.gender)
			c_text(&c, id.gender);
		else
			c_null(&c);
		c_id(&c, g->u_area[u] == NONE8 ? -1 : g->u_area[u] + 1);
		c_null(&c);
		if (g->u_block[u]) {
			c_ts(&c, g->u_block[u]);
			c_text(&c, g->u_flags[u] & U_SPAMMER ? "Spam: herhaaldelijk reclame geplaatst"
			       : "Beledigingen aan het adres van het bestuur en medewerkers");
		} else {
			c_null(&c);
			c_null(&c);
		}
		/* An account is older than whatever its owner did with it. */
		if (g->u_first[u] != NEVER) {
			created = g->u_first[u] - (int64_t)(lognormal(&r, 10, 1.5) * DAY);
			if (created < g->launch)
				created = g->launch + below(&r, DAY);
			if (created > g->u_first[u])
				created = g->u_first[u] - 60;
		} else {
			created = g->launch + below(&r, g->now - g->launch);
		}
		c_ts(&c, created);
		c_row(&c);
		if (u % g->tick == 0)
			progress(g, N_("users"), (double)u / (double)g->nusers);
	}
	sbuf_free(&mail);
	return copy_end(g, &c, "users");
}

/* ---- the small tables ------------------------------------------------------------------- */

static void json_str(struct sbuf *b, const char *s)
{
	sbuf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			sbuf_addc(b, '\\');
		if (*s == '\n') {
			sbuf_add(b, "\\n");
			continue;
		}
		sbuf_addc(b, *s);
	}
	sbuf_addc(b, '"');
}

static void c_multiloc(struct copy *c, const char *nl, const char *fr, const char *en)
{
	struct sbuf b;

	sbuf_init(&b);
	sbuf_add(&b, "{\"nl-BE\": ");
	json_str(&b, nl);
	sbuf_add(&b, ", \"fr-BE\": ");
	json_str(&b, fr);
	sbuf_add(&b, ", \"en\": ");
	json_str(&b, en);
	sbuf_addc(&b, '}');
	c_text(c, b.s);
	sbuf_free(&b);
}

static bool write_small(struct gen *g)
{
	struct copy c;
	int phase_id = 1;

	if (!exec(g, "INSERT INTO platform (id, name_multiloc) VALUES (true, "
		  "'{\"nl-BE\": \"Gravenvoorde denkt mee\", \"fr-BE\": \"Gravenvoorde participe\", "
		  "\"en\": \"Gravenvoorde speaks up\"}') "
		  "ON CONFLICT (id) DO UPDATE SET name_multiloc = excluded.name_multiloc", "platform"))
		return false;

	if (!copy_begin(g, &c, "COPY areas (id, code, title_multiloc, ordering) FROM STDIN", "areas"))
		return false;
	for (size_t a = 0; a < ARRAY_SIZE(demo_areas); a++) {
		c_int(&c, (int64_t)a + 1);
		c_text(&c, demo_areas[a].code);
		c_multiloc(&c, demo_areas[a].name[L_NL], demo_areas[a].name[L_FR], demo_areas[a].name[L_EN]);
		c_int(&c, (int64_t)a + 1);
		c_row(&c);
	}
	if (!copy_end(g, &c, "areas"))
		return false;

	if (!copy_begin(g, &c, "COPY departments (id, code, title_multiloc, signature_multiloc, email, "
			"ordering) FROM STDIN", "departments"))
		return false;
	for (size_t d = 0; d < ARRAY_SIZE(demo_depts); d++) {
		char mail[96];

		snprintf(mail, sizeof(mail), "%s@%s", demo_depts[d].code, DEMO_MAIL_DOMAIN);
		c_int(&c, (int64_t)d + 1);
		c_text(&c, demo_depts[d].code);
		c_multiloc(&c, demo_depts[d].title[0], demo_depts[d].title[1], demo_depts[d].title[2]);
		c_multiloc(&c, demo_depts[d].signature[0], demo_depts[d].signature[1],
			   demo_depts[d].signature[2]);
		c_text(&c, mail);
		c_int(&c, (int64_t)d + 1);
		c_row(&c);
	}
	if (!copy_end(g, &c, "departments"))
		return false;

	if (!copy_begin(g, &c, "COPY projects (id, slug, title_multiloc, description_multiloc, kind, "
			"publication_status, default_department_id, ordering, created_at) FROM STDIN",
			"projects"))
		return false;
	for (int p = 0; p < PR_COUNT; p++) {
		const struct demo_project *pr = &demo_projects[p];

		c_int(&c, p + 1);
		c_text(&c, pr->slug);
		c_multiloc(&c, pr->title[0], pr->title[1], pr->title[2]);
		c_multiloc(&c, pr->description[0], pr->description[1], pr->description[2]);
		c_text(&c, pr->kind);
		c_text(&c, pr->publication);
		c_id(&c, pr->dept < 0 ? -1 : pr->dept + 1);
		c_int(&c, p + 1);
		c_ts(&c, g->now + pr->created * DAY);
		c_row(&c);
	}
	if (!copy_end(g, &c, "projects"))
		return false;

	if (!copy_begin(g, &c, "COPY phases (id, project_id, title_multiloc, participation_method, "
			"start_at, end_at) FROM STDIN", "phases"))
		return false;
	for (int p = 0; p < PR_COUNT; p++) {
		g->phase_base[p] = phase_id;
		for (int k = 0; k < 6 && demo_projects[p].phases[k].method; k++) {
			const struct demo_phase *ph = &demo_projects[p].phases[k];

			c_int(&c, phase_id++);
			c_int(&c, p + 1);
			c_multiloc(&c, ph->title[0], ph->title[1], ph->title[2]);
			c_text(&c, ph->method);
			c_ts(&c, phase_start(g, p, k));
			if (ph->end >= OPEN_END)
				c_null(&c);
			else
				c_ts(&c, phase_end(g, p, k));
			c_row(&c);
		}
	}
	return copy_end(g, &c, "phases");
}

/* ---- after the COPYs -------------------------------------------------------------------- */

static bool finish_tables(struct gen *g)
{
	static const char *const seqs[] = { "areas", "departments", "users", "projects", "phases", "ideas",
					    "comments", "official_feedback", "citizen_reports" };
	struct sbuf q;
	bool ok;

	/* What inspraak_flag_queue_sync would have written for every reported item; there are no
	 * machine flags yet. */
	if (!exec(g, "INSERT INTO flag_queue (item_kind, item_id, idea_id, open_reports, machine_score, "
		  "                        first_at, last_at) "
		  "SELECT 'idea', r.idea_id, r.idea_id, count(*), NULL::real, min(r.created_at), "
		  "       max(r.created_at) "
		  "  FROM citizen_reports r WHERE r.idea_id IS NOT NULL AND r.resolved_at IS NULL "
		  " GROUP BY r.idea_id "
		  "UNION ALL "
		  "SELECT 'comment', r.comment_id, c.idea_id, count(*), NULL::real, min(r.created_at), "
		  "       max(r.created_at) "
		  "  FROM citizen_reports r JOIN comments c ON c.id = r.comment_id "
		  " WHERE r.comment_id IS NOT NULL AND r.resolved_at IS NULL "
		  " GROUP BY r.comment_id, c.idea_id",
		  "flag_queue"))
		return false;
	sbuf_init(&q);
	for (size_t k = 0; k < ARRAY_SIZE(seqs); k++)
		sbuf_addf(&q, "SELECT setval(pg_get_serial_sequence('%s', 'id'), coalesce(max(id), 0) + 1, "
			  "false) FROM %s;", seqs[k], seqs[k]);
	ok = exec(g, q.s, "sequences");
	sbuf_free(&q);
	return ok;
}

static bool database_empty(struct gen *g, bool *empty)
{
	static const char *const tables[] = { "ideas", "users", "projects", "areas", "departments" };

	*empty = true;
	for (size_t k = 0; k < ARRAY_SIZE(tables); k++) {
		const char *msg;
		char sql[128];
		PGresult *res;

		snprintf(sql, sizeof(sql), "SELECT EXISTS (SELECT 1 FROM %s)", tables[k]);
		res = PQexec(g->conn, sql);
		if (PQresultStatus(res) != PGRES_TUPLES_OK)
			return fail_res(g, res, tables[k]);
		if (str_eq(PQgetvalue(res, 0, 0), "t")) {
			*empty = false;
			msg = k == 0 ? _("The database already holds ideas; the demo loads only into an "
					 "empty database.")
				: _("The database is not empty (table %s has rows); the demo loads only "
				    "into an empty database.");
			err_set(g->e, msg, tables[k]);
		}
		PQclear(res);
		if (!*empty)
			return true;
	}
	return true;
}

bool demo_has_data(PGconn *conn)
{
	PGresult *res = PQexec(conn, "SELECT EXISTS (SELECT 1 FROM ideas)");
	bool has = PQresultStatus(res) == PGRES_TUPLES_OK && str_eq(PQgetvalue(res, 0, 0), "t");

	PQclear(res);
	return has;
}

static void gen_free(struct gen *g)
{
	free(g->ideas);
	free(g->u_area);
	free(g->u_locale);
	free(g->u_flags);
	free(g->u_first);
	free(g->u_block);
	free(g->mark);
	for (int l = 0; l < 3; l++)
		free(g->by_locale[l]);
	for (size_t a = 0; a < ARRAY_SIZE(demo_areas); a++)
		free(g->by_area[a]);
	free(g->offenders);
	free(g->creports);
	for (size_t k = 0; k < g->nstrs; k++)
		free(g->strs[k]);
	free(g->strs);
	free(g->places);
	free(g->scratch);
	for (int p = 0; p < PR_COUNT; p++)
		for (size_t t = 0; t < ARRAY_SIZE(demo_topics); t++)
			free(g->fit[p][t].idx);
}

static int64_t reference_time(void)
{
	const char *s = getenv("INSPRAAK_DEMO_NOW");
	long v;

	if (s && *s && str_to_long(s, &v) && v > 0)
		return v;
	return (int64_t)time(NULL);
}

enum status demo_load(PGconn *conn, const struct demo_opts *o, struct err *e)
{
	struct gen g = { 0 };
	FILE *truth = NULL;
	const char *truth_path = getenv("INSPRAAK_DEMO_TRUTH");
	bool empty, ok;

	err_clear(e);
	if (o->ideas < 100 || o->ideas > MAX_IDEAS) {
		err_set(e, _("The demo needs between 100 and %ld ideas, not %ld."), MAX_IDEAS, o->ideas);
		return ST_INVALID;
	}
	g.conn = conn;
	g.o = o;
	g.e = e;
	g.seed = o->seed;
	g.n = o->ideas;
	g.now = reference_time();
	g.launch = g.now - 790 * DAY;
	g.next_comment = g.next_report = g.next_feedback = 1;
	g.tick = g.n / 200 > 0 ? g.n / 200 : 1;
	if (getenv("INSPRAAK_DEMO_TIMING"))
		g.timing = stderr;

	if (!exec(&g, "BEGIN", "begin"))
		return ST_FAIL;
	if (!exec(&g, "LOCK TABLE ideas IN EXCLUSIVE MODE", "lock") || !database_empty(&g, &empty)) {
		exec(&g, "ROLLBACK", "rollback");
		return ST_FAIL;
	}
	if (!empty) {
		PQclear(PQexec(conn, "ROLLBACK"));
		return ST_INVALID;
	}
	/* Per-row triggers (counters, flag queue, foreign keys) stay off while we load; what they
	 * would compute is computed here. */
	if (!exec(&g, "SET LOCAL session_replication_role = replica", "replica role")) {
		PQclear(PQexec(conn, "ROLLBACK"));
		return ST_FAIL;
	}

	progress(&g, N_("ideas"), 0);
	g.ideas = xcalloc((size_t)g.n, sizeof(*g.ideas));
	places_prepare(&g);
	users_prepare(&g);
	plan_times(&g);
	for (long i = 0; i < g.n; i++) {
		plan_idea(&g, i);
		if (i % g.tick == 0)
			progress(&g, N_("ideas"), 0.2 * (double)i / (double)g.n);
	}
	if (truth_path && *truth_path) {
		truth = fopen(truth_path, "w");
		if (truth)
			fputs("id\tkind\ttopic\tplace\tarea\torigin\tproject\tlang\n", truth);
	}
	ok = write_small(&g) && write_ideas(&g, truth) && write_votes(&g) && write_comments(&g)
		&& write_reports(&g) && write_feedback(&g) && write_users(&g) && finish_tables(&g);
	if (truth)
		fclose(truth);
	/* The copies ran with triggers off: the text hash the analysis counts reposts by is
	 * computed here once. */
	if (ok)
		ok = exec(&g, "UPDATE ideas SET text_hash = inspraak_text_hash(title, body)", "ideas");
	/* Staff decided some recent ideas and have not answered yet: the "decided, not yet
	 * told" queue starts with work in it, as it would on a real platform. */
	if (ok) {
		char ts[40], sql[1024];

		fmt_ts(ts, g.now);
		snprintf(sql, sizeof(sql),
			 "UPDATE ideas i SET decided_at = least('%s'::timestamptz, i.created_at + interval '4 days') "
			 " WHERE i.status NOT IN ('proposed', 'merged') AND i.author_id IS NOT NULL "
			 "   AND i.hidden_at IS NULL AND i.created_at > '%s'::timestamptz - interval '60 days' "
			 "   AND NOT EXISTS (SELECT 1 FROM official_feedback f WHERE f.idea_id = i.id)", ts, ts);
		ok = exec(&g, sql, "decisions");
	}
	if (ok)
		ok = exec(&g, "SELECT pg_notify('inspraak', t) FROM unnest(ARRAY['ideas', 'comments', "
			  "'flag_queue', 'duplicate_suggestions']) t", "notify")
			&& exec(&g, "COMMIT", "commit");
	if (!ok) {
		PQclear(PQexec(conn, "ROLLBACK"));
		gen_free(&g);
		return ST_FAIL;
	}
	gen_free(&g);
	progress(&g, N_("vacuum"), 0);
	if (!exec(&g, "VACUUM ANALYZE", "vacuum"))
		return ST_FAIL;
	progress(&g, N_("vacuum"), 1);
	progress(&g, NULL, 1);
	return ST_OK;
}
