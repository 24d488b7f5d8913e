/* The store over a hosted Go Vocal platform's web API: see store_govocal.h for what maps
 * onto what. The client (core/govocal/) does HTTP, retries and validation; this file turns
 * the console's questions into API calls and the answers into the model's structs.
 *
 * Threads: every operation runs as a job on the store's worker thread while the caller's
 * thread waits and calls store->wait. Operations touch the store's tables only inside their
 * job, so there is never more than one thread on them; the one exception, the background
 * fetch of a queue's next page, touches nothing but its own result, which the next job that
 * needs it (the worker runs jobs in order, so it has finished by then) takes over. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "core/govocal/client.h"
#include "core/i18n.h"
#include "core/store_govocal.h"
#include "core/text.h"

#define PAGE_DEFAULT 50
/* A queue read longer ago than this is read again from its start when the console asks for
 * the first rows (a tab switch, a refresh): other moderators work on the same platform. */
#define CACHE_TTL_US (30 * INT64_C(1000000))
#define WAIT_SLICE_MS 50
/* An idea read with a list page stands for its detail this long; ideas kept so at most. */
#define SEEN_TTL_US (30 * INT64_C(1000000))
#define SEEN_MAX 2000

/* --- jobs on the worker thread ----------------------------------------------------------- */

struct gv_store;

struct job {
	enum status (*run)(struct gv_store *g, void *arg, struct err *e);
	void *arg;
	enum status st;
	struct err e;
	bool done, cancel;
	struct job *next;
};

/* A queue page fetched ahead: the raw answer, taken over by the next job on that queue. */
struct prefetch {
	struct job job;
	char *url;
	bool moderations;
	struct gv_ideas ideas;
	struct gv_moderations mods;
};

/* --- the tables that give the platform's records small numbers ---------------------------- */

struct gid {
	char *uuid;
	/* What the moderation inbox said about the item, for flag_item and verdicts. */
	char *flag;       /* the item's flag, NULL: none seen */
	int64_t idea;     /* a comment's idea */
	char *text;       /* a comment's text */
	int64_t at;
	bool comment;
	/* A user's name, first name and language, read once. */
	bool user_read;
	char *name, *first_name, *locale;
	/* An idea as a list page gave it, for its detail without another request while it is
	 * fresh (SEEN_TTL_US). */
	struct gv_idea *seen;
	int64_t seen_at;
};

struct gstatus {
	char *id, *key, *code, *method, *title;
	long ordering;
};

struct gproject {
	char *id, *slug, *title, *pubstatus;
};

struct gphase {
	char *id, *project, *title, *method;
	int64_t start, end;
	long ideas;
};

/* One queue's rows in the platform's order, as far as they have been read. */
struct qcache {
	bool valid;
	struct filter f;
	int64_t loaded_at;
	struct queue_row *rows;
	int n, cap;
	int *pos_of;      /* by id: index + 1, 0: not in the queue (as far as read) */
	int npos;
	bool started, done;
	char *next;       /* the next page's URL */
	int served;       /* rows handed out so far: prefetch when few are left beyond */
	struct prefetch *pending;
};

struct gv_store {
	struct store base;
	struct gv_client *client;
	char describe[300];
	char base_url[300];
	int page_size;

	struct gid *ids;
	int nids, capids;
	int *slots;       /* hash of uuid: index into ids + 1 */
	int nslots;

	struct gstatus *statuses;
	int nstatuses;
	bool statuses_loaded;
	struct gproject *projects;
	int nprojects;
	bool projects_loaded;
	struct gphase *phases;
	int nphases;

	struct qcache queues[QUEUE_COUNT];
	int nseen;

	pthread_t worker;
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	struct job *head, *tail, *running;
	bool quit;
	bool relogging;   /* the console is logging in again: no second prompt from within */
	enum role my_role; /* who is logged in (whoami), ROLE_ADMIN until known */
	char *my_id, *my_email;

	/* Polling, as the platform has no change feed (§8): every poll_ms of quiet the worker
	 * counts the queues again with the console's last filter; a difference from what the
	 * console last saw empties the caches and makes notify[0] readable. */
	int poll_ms;
	bool poll_primed;
	struct filter poll_filter;
	long poll_counts[QUEUE_COUNT];
	int64_t last_work_us;
	int notify[2];

	/* Departments mapped onto platform users (api-department in the config file). */
	struct gdept {
		char *code, *user, *title;
		char *uuid;       /* the platform user, once found; NULL: not found */
	} *depts;
	int ndepts;
	bool depts_resolved;

	char *merge_status;   /* the status key merged ideas get */

	/* The platform's answer to the last search (platform_search). */
	char *search_needle;
	enum queue_kind search_k;
	struct filter search_f;
	int64_t search_at;
	int64_t *search_ids;
	int nsearch_ids;
};

static struct gv_store *G(struct store *s)
{
	return (struct gv_store *)s;
}

static void poll_changes(struct gv_store *g);

static void *worker_main(void *arg)
{
	struct gv_store *g = arg;

	pthread_mutex_lock(&g->mu);
	for (;;) {
		struct job *j;
		bool skip;

		while (!g->head && !g->quit) {
			if (g->poll_ms > 0 && g->poll_primed) {
				int64_t due = g->last_work_us + (int64_t)g->poll_ms * 1000;
				struct timespec ts;

				if (now_us() >= due) {
					poll_changes(g);
					continue;
				}
				clock_gettime(CLOCK_REALTIME, &ts);
				ts.tv_sec += (time_t)((due - now_us()) / 1000000);
				ts.tv_nsec += (long)((due - now_us()) % 1000000) * 1000L;
				if (ts.tv_nsec >= 1000000000L) {
					ts.tv_sec++;
					ts.tv_nsec -= 1000000000L;
				}
				pthread_cond_timedwait(&g->work, &g->mu, &ts);
			} else {
				pthread_cond_wait(&g->work, &g->mu);
			}
		}
		if (!g->head)
			break;
		j = g->head;
		g->head = j->next;
		if (!g->head)
			g->tail = NULL;
		g->running = j;
		skip = j->cancel;
		pthread_mutex_unlock(&g->mu);
		err_clear(&j->e);
		if (skip) {
			err_set(&j->e, _("Cancelled."));
			j->st = ST_CANCELLED;
		} else {
			j->st = j->run(g, j->arg, &j->e);
		}
		pthread_mutex_lock(&g->mu);
		g->running = NULL;
		g->last_work_us = now_us();
		j->done = true;
		pthread_cond_broadcast(&g->done);
	}
	pthread_mutex_unlock(&g->mu);
	return NULL;
}

static void submit(struct gv_store *g, struct job *j)
{
	j->done = j->cancel = false;
	j->next = NULL;
	pthread_mutex_lock(&g->mu);
	if (g->tail)
		g->tail->next = j;
	else
		g->head = j;
	g->tail = j;
	pthread_cond_signal(&g->work);
	pthread_mutex_unlock(&g->mu);
}

/* Wait for a job, calling the console's wait hook between slices. Once the hook asks to
 * cancel, the client is told again every slice: a cancel that arrives between two requests
 * of one job is cleared when the next request starts, and must not be lost. */
static void wait_job(struct gv_store *g, struct job *j)
{
	bool cancel = false;

	pthread_mutex_lock(&g->mu);
	while (!j->done) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += WAIT_SLICE_MS * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&g->done, &g->mu, &ts);
		if (j->done)
			break;
		if (!cancel && g->base.wait) {
			pthread_mutex_unlock(&g->mu);
			g->base.wait(g->base.wait_ctx, &cancel);
			pthread_mutex_lock(&g->mu);
		}
		if (cancel) {
			j->cancel = true;
			gv_client_cancel(g->client);
		}
	}
	pthread_mutex_unlock(&g->mu);
}

/* Whether the job running now was cancelled: checked between the requests of one job. */
static bool cancelled(struct gv_store *g, struct err *e)
{
	bool c;

	pthread_mutex_lock(&g->mu);
	c = g->running && g->running->cancel;
	pthread_mutex_unlock(&g->mu);
	if (c)
		err_set(e, _("Cancelled."));
	return c;
}

typedef enum status (*job_fn)(struct gv_store *g, void *arg, struct err *e);

static enum status run_once(struct gv_store *g, job_fn fn, void *arg, struct err *e)
{
	struct job j;

	memset(&j, 0, sizeof(j));
	j.run = fn;
	j.arg = arg;
	submit(g, &j);
	wait_job(g, &j);
	if (j.st != ST_OK)
		*e = j.e;
	return j.st;
}

/* A job; when the platform no longer accepts the session, the console is asked to log in
 * again and the job runs once more, so what the moderator was doing is not lost. */
static enum status run(struct gv_store *g, job_fn fn, void *arg, struct err *e)
{
	enum status st = run_once(g, fn, arg, e);

	if (st == ST_CONNECT && g->base.relogin && !g->relogging) {
		bool ok;

		g->relogging = true;
		ok = g->base.relogin(g->base.relogin_ctx, &g->base);
		g->relogging = false;
		if (ok)
			st = run_once(g, fn, arg, e);
	}
	return st;
}

/* What this platform's API does not offer: one sentence, never an imitation. */
static enum status unavailable(struct err *e, const char *what)
{
	err_set(e, _("%s: the platform's web API does not offer this."), what);
	return ST_INVALID;
}

/* A call whose failure leaves a detail out rather than failing the whole, unless it means
 * the user must log in again or cancelled. */
static bool fatal(enum status st)
{
	return st == ST_CONNECT || st == ST_CANCELLED;
}

/* --- ids ------------------------------------------------------------------------------------ */

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void slots_grow(struct gv_store *g)
{
	free(g->slots);
	g->nslots = g->nslots ? g->nslots * 2 : 256;
	g->slots = xcalloc((size_t)g->nslots, sizeof(*g->slots));
	for (int i = 0; i < g->nids; i++) {
		uint32_t h = hash_str(g->ids[i].uuid) & (uint32_t)(g->nslots - 1);

		while (g->slots[h])
			h = (h + 1) & (uint32_t)(g->nslots - 1);
		g->slots[h] = i + 1;
	}
}

/* The number of a UUID; with add, a new one for a UUID not seen before (else 0). */
static int64_t id_find(struct gv_store *g, const char *uuid, bool add)
{
	uint32_t h;

	if (!uuid || !*uuid)
		return 0;
	if (!g->nslots)
		slots_grow(g);
	h = hash_str(uuid) & (uint32_t)(g->nslots - 1);
	for (; g->slots[h]; h = (h + 1) & (uint32_t)(g->nslots - 1))
		if (strcmp(g->ids[g->slots[h] - 1].uuid, uuid) == 0)
			return g->slots[h];
	if (!add)
		return 0;
	if (g->nids == g->capids) {
		g->capids = g->capids ? g->capids * 2 : 256;
		g->ids = xreallocarray(g->ids, (size_t)g->capids, sizeof(*g->ids));
	}
	memset(&g->ids[g->nids], 0, sizeof(g->ids[0]));
	g->ids[g->nids].uuid = xstrdup(uuid);
	g->slots[h] = ++g->nids;
	if (g->nids * 2 > g->nslots)
		slots_grow(g);
	return g->nids;
}

static int64_t id_of(struct gv_store *g, const char *uuid)
{
	return id_find(g, uuid, true);
}

static struct gid *gid(struct gv_store *g, int64_t id)
{
	return id > 0 && id <= g->nids ? &g->ids[id - 1] : NULL;
}

static const char *uuid_of(struct gv_store *g, int64_t id)
{
	struct gid *x = gid(g, id);

	return x ? x->uuid : NULL;
}

/* The UUID of a number the console got from this store, or ST_NOT_FOUND. */
static enum status need_uuid(struct gv_store *g, int64_t id, const char *what, const char **out,
			     struct err *e)
{
	*out = uuid_of(g, id);
	if (*out)
		return ST_OK;
	err_set(e, _("There is no %s #%lld."), what, (long long)id);
	return ST_NOT_FOUND;
}

/* --- text ----------------------------------------------------------------------------------- */

static char *dup_or_null(const char *s)
{
	return s && *s ? xstrdup(s) : NULL;
}

static bool tag_is(const char *p, const char *name)
{
	size_t n = strlen(name);

	return strncasecmp(p, name, n) == 0 && (p[n] == '>' || p[n] == ' ' || p[n] == '/');
}

/* The platform's sanitised HTML (bodies, official feedback) as plain text: paragraphs
 * separated by a blank line, <br> a line break, other tags dropped, entities decoded. The
 * result is still raw text: the drawing layer makes it safe. */
static char *html_text(const char *h)
{
	static const struct { const char *ent, *txt; } ents[] = {
		{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
		{ "&#39;", "'" }, { "&apos;", "'" }, { "&nbsp;", " " },
	};
	struct sbuf b;

	sbuf_init(&b);
	for (const char *p = h ? h : ""; *p;) {
		if (*p == '<') {
			const char *end = strchr(p, '>');

			if (!end)
				break;
			if ((tag_is(p + 1, "p") || tag_is(p + 1, "/p") || tag_is(p + 1, "div") ||
			     tag_is(p + 1, "/div")) && b.len && b.s[b.len - 1] != '\n')
				sbuf_add(&b, "\n\n");
			else if (tag_is(p + 1, "br"))
				sbuf_addc(&b, '\n');
			p = end + 1;
			continue;
		}
		if (*p == '&') {
			size_t i;

			for (i = 0; i < ARRAY_SIZE(ents); i++)
				if (strncmp(p, ents[i].ent, strlen(ents[i].ent)) == 0)
					break;
			if (i < ARRAY_SIZE(ents)) {
				sbuf_add(&b, ents[i].txt);
				p += strlen(ents[i].ent);
				continue;
			}
		}
		sbuf_addc(&b, *p++);
	}
	while (b.len && b.s[b.len - 1] == '\n')
		b.s[--b.len] = '\0';
	if (!b.s)
		sbuf_add(&b, "");
	return sbuf_take(&b);
}

static void html_escape(struct sbuf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '&')
			sbuf_add(b, "&amp;");
		else if (s[i] == '<')
			sbuf_add(b, "&lt;");
		else if (s[i] == '>')
			sbuf_add(b, "&gt;");
		else if (s[i] == '\n')
			sbuf_add(b, "<br>");
		else if (s[i] != '\r')
			sbuf_addc(b, s[i]);
	}
}

/* A reply written as plain text, as the platform's HTML: one <p> per paragraph. */
static char *text_html(const char *t)
{
	struct sbuf b;
	const char *p = t ? t : "";

	sbuf_init(&b);
	while (*p) {
		const char *end = strstr(p, "\n\n");
		size_t n = end ? (size_t)(end - p) : strlen(p);

		while (n && (p[n - 1] == '\n' || p[n - 1] == '\r'))
			n--;
		if (n) {
			sbuf_add(&b, "<p>");
			html_escape(&b, p, n);
			sbuf_add(&b, "</p>");
		}
		p += end ? (size_t)(end - p) + 2 : strlen(p);
		while (*p == '\n' || *p == '\r')
			p++;
	}
	if (!b.s)
		sbuf_add(&b, "");
	return sbuf_take(&b);
}

/* The language of a multiloc text as the model keeps it: "nl-BE" → "nl". */
static void multiloc_lang(const struct gv_multiloc *m, const char *locale, char lang[4])
{
	const char *t = gv_multiloc_get(m, locale);

	lang[0] = '\0';
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].text == t) {
			snprintf(lang, 4, "%.*s", (int)strcspn(m->v[i].locale, "-_"),
				 m->v[i].locale);
			break;
		}
}

/* An admin-made status's key: its title as a lower-case identifier. */
static char *title_key(const char *title)
{
	struct sbuf b;

	sbuf_init(&b);
	for (const unsigned char *p = (const unsigned char *)title; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			sbuf_addc(&b, (char)*p);
		else if (*p >= 'A' && *p <= 'Z')
			sbuf_addc(&b, (char)(*p - 'A' + 'a'));
		else if (b.len && b.s[b.len - 1] != '_')
			sbuf_addc(&b, '_');
	}
	while (b.len && b.s[b.len - 1] == '_')
		b.s[--b.len] = '\0';
	if (!b.len)
		sbuf_add(&b, "custom");
	return sbuf_take(&b);
}

/* "2025-04-01T08:00:00+00:00", the form the platform takes for phase times. */
static void iso_time(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
}

/* --- reference tables, read once and on demand -------------------------------------------- */

static enum status load_statuses(struct gv_store *g, struct err *e)
{
	struct gv_statuses l = { 0 };
	enum status st;

	if (g->statuses_loaded)
		return ST_OK;
	st = gv_statuses_list(g->client, NULL, &l, e);
	if (st != ST_OK)
		return st;
	g->statuses = xcalloc(l.n ? l.n : 1, sizeof(*g->statuses));
	for (size_t i = 0; i < l.n; i++) {
		struct gstatus *s = &g->statuses[i];
		const char *en = gv_multiloc_get(&l.v[i].title, "en");

		s->id = xstrdup(l.v[i].id);
		s->code = xstrdup(l.v[i].code ? l.v[i].code : "custom");
		s->key = strcmp(s->code, "custom") == 0 ? title_key(en) : xstrdup(s->code);
		s->method = xstrdup(l.v[i].participation_method ? l.v[i].participation_method
								 : "ideation");
		s->title = xstrdup(gv_multiloc_get(&l.v[i].title, g->base.locale));
		s->ordering = l.v[i].ordering;
	}
	g->nstatuses = (int)l.n;
	g->statuses_loaded = true;
	GV_FREE(&l);
	return ST_OK;
}

static const struct gstatus *status_by_id(struct gv_store *g, const char *id)
{
	for (int i = 0; id && i < g->nstatuses; i++)
		if (strcmp(g->statuses[i].id, id) == 0)
			return &g->statuses[i];
	return NULL;
}

/* By key, preferring a participation method (ideation and proposals share codes). */
static const struct gstatus *status_by_key(struct gv_store *g, const char *key, const char *method)
{
	const struct gstatus *any = NULL;

	for (int i = 0; key && i < g->nstatuses; i++) {
		if (strcmp(g->statuses[i].key, key) != 0)
			continue;
		if (!method || strcmp(g->statuses[i].method, method) == 0)
			return &g->statuses[i];
		if (!any)
			any = &g->statuses[i];
	}
	return any;
}

/* The statuses in which an idea has been decided (the others are still to be handled). */
static bool status_final(const char *code)
{
	static const char *const open[] = { "prescreening", "proposed", "viewed",
					     "under_consideration", "threshold_reached" };

	for (size_t i = 0; i < ARRAY_SIZE(open); i++)
		if (strcmp(code, open[i]) == 0)
			return false;
	return true;
}

static void project_add(struct gv_store *g, const struct gv_project *p)
{
	struct gproject *x;

	for (int i = 0; i < g->nprojects; i++)
		if (strcmp(g->projects[i].id, p->id) == 0)
			return;
	g->projects = xreallocarray(g->projects, (size_t)g->nprojects + 1, sizeof(*g->projects));
	x = &g->projects[g->nprojects++];
	x->id = xstrdup(p->id);
	x->slug = xstrdup(p->slug ? p->slug : p->id);
	x->title = xstrdup(gv_multiloc_get(&p->title, g->base.locale));
	x->pubstatus = xstrdup(p->publication_status ? p->publication_status : "published");
	id_of(g, p->id);
}

/* The projects this user may moderate, every page. */
static enum status load_projects(struct gv_store *g, struct err *e)
{
	struct gv_projects l = { 0 };
	struct gv_page pg = { 1, 100 };
	enum status st;

	if (g->projects_loaded)
		return ST_OK;
	/* Those the moderator may moderate; a support user, who moderates none, looks at the
	 * platform's published projects (read only, as on the database). */
	st = gv_projects_list(g->client, g->my_role != ROLE_SUPPORT, pg, &l, e);
	while (st == ST_OK) {
		char *next = l.next ? xstrdup(l.next) : NULL;

		for (size_t i = 0; i < l.n; i++)
			project_add(g, &l.v[i]);
		GV_FREE(&l);
		if (!next)
			break;
		st = cancelled(g, e) ? ST_CANCELLED : gv_next(g->client, next, "projects", &l, e);
		free(next);
	}
	if (st == ST_OK)
		g->projects_loaded = true;
	return st;
}

/* A project's title; one not among those one moderates is asked for once. */
static const char *project_title(struct gv_store *g, const char *id)
{
	struct gv_projects l = { 0 };
	struct err e;

	if (!id)
		return NULL;
	for (int i = 0; i < g->nprojects; i++)
		if (strcmp(g->projects[i].id, id) == 0)
			return g->projects[i].title;
	if (gv_project_get(g->client, id, &l, &e) != ST_OK || !l.n)
		return NULL;
	project_add(g, &l.v[0]);
	GV_FREE(&l);
	return g->projects[g->nprojects - 1].title;
}

static struct gphase *phase_put(struct gv_store *g, const struct gv_phase *p)
{
	struct gphase *x = NULL;

	for (int i = 0; i < g->nphases && !x; i++)
		if (strcmp(g->phases[i].id, p->id) == 0)
			x = &g->phases[i];
	if (x) {
		free(x->id);
		free(x->project);
		free(x->title);
		free(x->method);
	} else {
		g->phases = xreallocarray(g->phases, (size_t)g->nphases + 1, sizeof(*g->phases));
		x = &g->phases[g->nphases++];
	}
	x->id = xstrdup(p->id);
	x->project = xstrdup(p->project_id ? p->project_id : "");
	x->title = xstrdup(gv_multiloc_get(&p->title, g->base.locale));
	x->method = xstrdup(p->participation_method ? p->participation_method : "ideation");
	x->start = p->start_at;
	x->end = p->end_at;
	x->ideas = p->ideas_count;
	id_of(g, p->id);
	return x;
}

static void phase_forget(struct gv_store *g, const char *id)
{
	for (int i = 0; i < g->nphases; i++) {
		if (strcmp(g->phases[i].id, id) != 0)
			continue;
		free(g->phases[i].id);
		free(g->phases[i].project);
		free(g->phases[i].title);
		free(g->phases[i].method);
		g->phases[i] = g->phases[--g->nphases];
		return;
	}
}

/* A project's phases, every page, replacing what was known of them. */
static enum status load_phases(struct gv_store *g, const char *project, struct err *e)
{
	struct gv_phases l = { 0 };
	struct gv_page pg = { 1, 100 };
	enum status st = gv_phases_list(g->client, project, pg, &l, e);

	if (st == ST_OK)
		for (int i = g->nphases - 1; i >= 0; i--)
			if (strcmp(g->phases[i].project, project) == 0)
				phase_forget(g, g->phases[i].id);
	while (st == ST_OK) {
		char *next = l.next ? xstrdup(l.next) : NULL;

		for (size_t i = 0; i < l.n; i++)
			phase_put(g, &l.v[i]);
		GV_FREE(&l);
		if (!next)
			break;
		st = cancelled(g, e) ? ST_CANCELLED : gv_next(g->client, next, "phases", &l, e);
		free(next);
	}
	return st;
}

static struct gphase *phase_find(struct gv_store *g, const char *id)
{
	struct gv_phases l = { 0 };
	struct gphase *x = NULL;
	struct err e;

	for (int i = 0; id && i < g->nphases; i++)
		if (strcmp(g->phases[i].id, id) == 0)
			return &g->phases[i];
	if (!id || gv_phase_get(g->client, id, &l, &e) != ST_OK || !l.n)
		return NULL;
	x = phase_put(g, &l.v[0]);
	GV_FREE(&l);
	return x;
}

/* Phases in start order, for timelines. */
static int phase_cmp(const void *a, const void *b)
{
	const struct gphase *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

/* --- departments: platform users standing for them ------------------------------------------ */

static bool looks_like_uuid(const char *s)
{
	size_t n = strlen(s);

	return n == 36 && strspn(s, "0123456789abcdefABCDEF-") == n;
}

/* Finds each department's user once: an id as given (checked with the platform), an e-mail
 * among the logged-in user and the projects' moderators, which is where the platform lets
 * an admin see e-mail addresses (§4.4). A department whose user is not found stays in the
 * list; assigning to it says why. */
static enum status resolve_departments(struct gv_store *g, struct err *e)
{
	enum status st;

	if (g->depts_resolved || !g->ndepts)
		return ST_OK;
	for (int i = 0; i < g->ndepts; i++) {
		struct gdept *d = &g->depts[i];

		if (looks_like_uuid(d->user)) {
			struct gv_users u = { 0 };

			st = gv_user_get(g->client, d->user, &u, e);
			if (st == ST_OK && u.n)
				d->uuid = xstrdup(u.v[0].id);
			GV_FREE(&u);
			if (st != ST_OK && st != ST_NOT_FOUND)
				goto out;
		} else if (g->my_email && strcasecmp(g->my_email, d->user) == 0) {
			/* As whoami read it: the console asks who it is before anything else. */
			d->uuid = xstrdup(g->my_id);
		}
	}
	for (int p = 0; p < g->nprojects; p++) {
		struct gv_users l = { 0 };
		struct gv_page pg = { 1, 250 };
		bool missing = false;

		for (int i = 0; i < g->ndepts; i++)
			missing = missing || !g->depts[i].uuid;
		if (!missing)
			break;
		st = gv_project_moderators(g->client, g->projects[p].id, pg, &l, e);
		if (st != ST_OK) {
			GV_FREE(&l);
			if (st == ST_CANCELLED || st == ST_CONNECT)
				goto out;
			continue;   /* a project this moderator may not see the moderators of */
		}
		for (size_t j = 0; j < l.n; j++)
			for (int i = 0; i < g->ndepts; i++)
				if (!g->depts[i].uuid && l.v[j].email &&
				    strcasecmp(l.v[j].email, g->depts[i].user) == 0)
					g->depts[i].uuid = xstrdup(l.v[j].id);
		GV_FREE(&l);
	}
	st = ST_OK;
	err_clear(e);
	g->depts_resolved = true;
out:
	return st;
}

/* The department (1-based, as refdata numbers them) an assignee stands for; 0: none. */
static int64_t dept_of_user(const struct gv_store *g, const char *uuid)
{
	if (uuid)
		for (int i = 0; i < g->ndepts; i++)
			if (g->depts[i].uuid && strcmp(g->depts[i].uuid, uuid) == 0)
				return i + 1;
	return 0;
}

void store_govocal_set_departments(struct store *s, const struct api_department *d, int n)
{
	struct gv_store *g = G(s);

	g->depts = xcalloc((size_t)n + 1, sizeof(*g->depts));
	g->ndepts = n;
	for (int i = 0; i < n; i++) {
		g->depts[i].code = xstrdup(d[i].code);
		g->depts[i].user = xstrdup(d[i].user);
		g->depts[i].title = xstrdup(d[i].title);
	}
}

/* --- queues ------------------------------------------------------------------------------- */

/* The API's question for a queue under a filter. false: the filter cannot match anything on
 * this platform (a department, an unknown status or project). */
struct qquery {
	bool moderations;
	struct gv_idea_query iq;
	struct gv_moderation_query mq;
	const char *project;
};

static bool queue_query(struct gv_store *g, enum queue_kind k, const struct filter *f,
			struct qquery *q)
{
	const char *key = f->status[0] ? f->status : k == QUEUE_NEW ? "proposed" : NULL;

	memset(q, 0, sizeof(*q));
	q->iq.sort = "new";
	q->mq.flagged = -1;
	if (k == QUEUE_DUPLICATES)
		return false;
	/* A department is its platform user, the ideas' assignee. The inbox knows no assignees:
	 * as with statuses and phases, the filter does not narrow it. */
	if (f->department_id > 0) {
		if (f->department_id > g->ndepts || !g->depts[f->department_id - 1].uuid)
			return false;
		q->iq.assignee = g->depts[f->department_id - 1].uuid;
	} else if (f->department_id < 0) {
		q->iq.assignee = "unassigned";
	}
	if (f->project_id) {
		q->project = uuid_of(g, f->project_id);
		if (!q->project)
			return false;
	}
	switch (k) {
	case QUEUE_NEW:
	case QUEUE_UNTOLD:
		if (key) {
			const struct gstatus *s = status_by_key(g, key, "ideation");

			if (!s)
				return false;
			q->iq.status_id = s->id;
		}
		q->iq.feedback_needed = k == QUEUE_UNTOLD;
		if (q->project) {
			q->iq.projects = &q->project;
			q->iq.nprojects = 1;
		}
		if (f->phase_id && !(q->iq.phase = uuid_of(g, f->phase_id)))
			return false;
		return true;
	case QUEUE_FLAGS:
	case QUEUE_INBOX:
		/* The inbox knows no statuses or phases: those filters do not narrow it. */
		q->moderations = true;
		q->mq.flagged = k == QUEUE_FLAGS ? 1 : -1;
		q->mq.status = k == QUEUE_INBOX ? "unread" : NULL;
		q->mq.type = k == QUEUE_INBOX ? "Idea" : NULL;
		if (q->project) {
			q->mq.project_ids = &q->project;
			q->mq.nproject_ids = 1;
		}
		return true;
	default:
		return false;
	}
}

/* The console's version of an idea: its last change, never 0 (0: not known). */
static int idea_version(const struct gv_idea *i)
{
	int64_t t = i->updated_at ? i->updated_at : i->created_at;

	return (int)(t % 2000000000) | 1;
}

static void idea_row(struct gv_store *g, const struct gv_idea *i, struct queue_row *r)
{
	const struct gstatus *s = status_by_id(g, i->status_id);

	memset(r, 0, sizeof(*r));
	r->id = r->idea_id = id_of(g, i->id);
	r->kind = ITEM_IDEA;
	r->time = i->published_at ? i->published_at : i->created_at;
	r->key.a = r->time;
	r->key.b = r->id;
	r->title = xstrdup(gv_multiloc_get(&i->title, g->base.locale));
	r->project = dup_or_null(project_title(g, i->project_id));
	r->status = s ? xstrdup(s->key) : NULL;
	r->author = dup_or_null(i->author_name);
	multiloc_lang(&i->title, g->base.locale, r->lang);
	r->votes = (int)i->likes_count;
	r->comments = (int)i->comments_count;
	r->version = idea_version(i);
	r->score = -1;
	r->hidden = !i->publication_status || strcmp(i->publication_status, "published") != 0;
	if (i->author_id)
		id_of(g, i->author_id);
}

static void moderation_row(struct gv_store *g, const struct gv_moderation *m, struct queue_row *r)
{
	bool comment = m->moderatable_type && strcmp(m->moderatable_type, "Comment") == 0;
	struct gid *x;

	memset(r, 0, sizeof(*r));
	r->id = id_of(g, m->id);
	r->kind = comment ? ITEM_COMMENT : ITEM_IDEA;
	r->idea_id = comment ? id_of(g, m->idea_id) : r->id;
	r->time = m->created_at;
	r->key.a = r->time;
	r->key.b = r->id;
	r->title = xstrdup(gv_multiloc_get(comment ? &m->idea_title : &m->content_title,
					   g->base.locale));
	if (comment)
		r->text = html_text(gv_multiloc_get(&m->content_body, g->base.locale));
	if (m->project_title.n)
		r->project = xstrdup(gv_multiloc_get(&m->project_title, g->base.locale));
	else
		r->project = dup_or_null(project_title(g, m->project_id));
	multiloc_lang(comment ? &m->content_body : &m->content_title, g->base.locale, r->lang);
	r->score = -1;
	r->reports = -1;
	/* The platform has no scores and shows moderators no reports (§8): the flag's category
	 * is all there is, and the report count is unknown rather than 0. */
	if (m->flag && !m->flag->deleted_at)
		r->reason = dup_or_null(m->flag->toxicity_label ? m->flag->toxicity_label
								 : m->flag->reason_code);
	/* Kept for flag_item and verdicts, which get only the number. */
	x = gid(g, r->id);
	x->comment = comment;
	x->idea = r->idea_id;
	x->at = m->created_at;
	free(x->flag);
	x->flag = dup_or_null(m->flag_id);
	if (comment) {
		free(x->text);
		x->text = xstrdup(r->text);
	}
}

static void cache_clear(struct qcache *c)
{
	if (c->pending) {
		/* Finished: the worker runs jobs in order and this runs in a later one. */
		GV_FREE(&c->pending->ideas);
		GV_FREE(&c->pending->mods);
		free(c->pending->url);
		free(c->pending);
	}
	for (int i = 0; i < c->n; i++)
		queue_row_free(&c->rows[i]);
	free(c->rows);
	free(c->pos_of);
	free(c->next);
	memset(c, 0, sizeof(*c));
}

static void forget_seen(struct gv_store *g);

/* After a write or a change seen by polling: the queues and the ideas kept from them are
 * read anew. */
static void invalidate_queues(struct gv_store *g)
{
	for (int k = 0; k < QUEUE_COUNT; k++)
		cache_clear(&g->queues[k]);
	forget_seen(g);
}

static bool filter_eq(const struct filter *a, const struct filter *b)
{
	return a->project_id == b->project_id && a->phase_id == b->phase_id &&
	       a->area_id == b->area_id && a->department_id == b->department_id &&
	       strcmp(a->status, b->status) == 0;
}

/* The queue's cache for this filter; fresh when the filter changed or, with `first`, when
 * it was read a while ago. */
static struct qcache *cache_for(struct gv_store *g, enum queue_kind k, const struct filter *f,
				bool first)
{
	struct qcache *c = &g->queues[k];

	if (c->valid && (!filter_eq(&c->f, f) || (first && now_us() - c->loaded_at > CACHE_TTL_US)))
		cache_clear(c);
	if (!c->valid) {
		c->valid = true;
		c->f = *f;
		c->loaded_at = now_us();
	}
	return c;
}

/* Add a row unless the queue has it already: pages shift while they are read (§5). */
static void cache_add(struct qcache *c, struct queue_row *r)
{
	if (r->id < c->npos && c->pos_of[r->id]) {
		queue_row_free(r);
		return;
	}
	if (r->id >= c->npos) {
		int n = (int)r->id * 2 + 64;

		c->pos_of = xreallocarray(c->pos_of, (size_t)n, sizeof(*c->pos_of));
		memset(c->pos_of + c->npos, 0, (size_t)(n - c->npos) * sizeof(*c->pos_of));
		c->npos = n;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->rows = xreallocarray(c->rows, (size_t)c->cap, sizeof(*c->rows));
	}
	c->rows[c->n] = *r;
	c->pos_of[r->id] = ++c->n;
}

/* --- ideas as list pages gave them ----------------------------------------------------------- */

/* Unlike dup_or_null, "" stays "": the copy must read as the original does. */
static char *dup_opt(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void multiloc_dup(struct gv_multiloc *to, const struct gv_multiloc *from)
{
	struct gv_loc *v = xcalloc(from->n + 1, sizeof(*v));

	for (size_t i = 0; i < from->n; i++) {
		v[i].locale = dup_opt(from->v[i].locale);
		v[i].text = dup_opt(from->v[i].text);
	}
	to->v = v;
	to->n = from->n;
}

static void multiloc_free(struct gv_multiloc *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free((char *)m->v[i].locale);
		free((char *)m->v[i].text);
	}
	free((struct gv_loc *)m->v);
}

static void idea_copy_free(struct gv_idea *i)
{
	if (!i)
		return;
	free((char *)i->id);
	free((char *)i->slug);
	free((char *)i->publication_status);
	free((char *)i->author_name);
	free((char *)i->location_description);
	free((char *)i->project_id);
	free((char *)i->status_id);
	free((char *)i->author_id);
	free((char *)i->assignee_id);
	for (size_t k = 0; k < i->nphases; k++)
		free((char *)i->phase_ids[k]);
	free((char **)i->phase_ids);
	multiloc_free(&i->title);
	multiloc_free(&i->body);
	free(i);
}

/* A copy that owns its strings (a list's ideas point into the list's JSON). Topics are
 * left out: nothing the detail shows uses them. */
static struct gv_idea *idea_copy(const struct gv_idea *from)
{
	struct gv_idea *i = xcalloc(1, sizeof(*i));
	const char **ph = xcalloc(from->nphases + 1, sizeof(*ph));

	*i = *from;
	i->id = dup_opt(from->id);
	i->slug = dup_opt(from->slug);
	i->publication_status = dup_opt(from->publication_status);
	i->author_name = dup_opt(from->author_name);
	i->location_description = dup_opt(from->location_description);
	i->project_id = dup_opt(from->project_id);
	i->status_id = dup_opt(from->status_id);
	i->author_id = dup_opt(from->author_id);
	i->assignee_id = dup_opt(from->assignee_id);
	for (size_t k = 0; k < from->nphases; k++)
		ph[k] = dup_opt(from->phase_ids[k]);
	i->phase_ids = ph;
	i->topic_ids = NULL;
	i->ntopics = 0;
	multiloc_dup(&i->title, &from->title);
	multiloc_dup(&i->body, &from->body);
	return i;
}

static void forget_seen(struct gv_store *g)
{
	for (int k = 0; k < g->nids; k++) {
		idea_copy_free(g->ids[k].seen);
		g->ids[k].seen = NULL;
	}
	g->nseen = 0;
}

/* Keep an idea from a list page (or a detail read) for the next detail of it. */
static void remember_idea(struct gv_store *g, const struct gv_idea *i)
{
	struct gid *x = gid(g, id_of(g, i->id));

	if (!x->seen && g->nseen >= SEEN_MAX)
		forget_seen(g);
	if (!x->seen)
		g->nseen++;
	idea_copy_free(x->seen);
	x->seen = idea_copy(i);
	x->seen_at = now_us();
}

static void cache_take_ideas(struct gv_store *g, struct qcache *c, struct gv_ideas *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct queue_row r;

		idea_row(g, &l->v[i], &r);
		cache_add(c, &r);
		remember_idea(g, &l->v[i]);
	}
	free(c->next);
	c->next = l->next ? xstrdup(l->next) : NULL;
	c->done = !l->next || !l->n;
	GV_FREE(l);
}

/* What the inbox does not say about an idea (status, author, votes), from the idea. */
static void enrich_row(struct gv_store *g, struct queue_row *r, const struct gv_ideas *ideas,
		       const char *uuid)
{
	const struct gstatus *s;

	for (size_t i = 0; i < ideas->n; i++) {
		const struct gv_idea *x = &ideas->v[i];

		if (strcmp(x->id, uuid) != 0)
			continue;
		s = status_by_id(g, x->status_id);
		r->status = s ? xstrdup(s->key) : NULL;
		r->author = dup_or_null(x->author_name);
		r->votes = (int)x->likes_count;
		r->comments = (int)x->comments_count;
		return;
	}
}

static void cache_take_mods(struct gv_store *g, struct qcache *c, struct gv_moderations *l,
			    struct gv_ideas *ideas)
{
	for (size_t i = 0; i < l->n; i++) {
		struct queue_row r;

		moderation_row(g, &l->v[i], &r);
		if (r.kind == ITEM_IDEA)
			enrich_row(g, &r, ideas, l->v[i].id);
		cache_add(c, &r);
	}
	for (size_t i = 0; i < ideas->n; i++)
		remember_idea(g, &ideas->v[i]);
	GV_FREE(ideas);
	free(c->next);
	c->next = l->next ? xstrdup(l->next) : NULL;
	c->done = !l->next || !l->n;
	GV_FREE(l);
}

/* The ideas of a page of the inbox, in one request: the inbox items carry only titles. A
 * refusal leaves the rows as they are; only a lost session or a cancel is an error. Uses no
 * table of the store (it runs in fetches ahead). */
static enum status inbox_ideas(struct gv_client *c, const struct gv_moderations *l,
			       struct gv_ideas *out, struct err *e)
{
	const char **ids = xcalloc(l->n + 1, sizeof(*ids));
	struct gv_idea_query q = { 0 };
	struct gv_page pg = { 1, 0 };
	enum status st = ST_OK;

	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].moderatable_type && strcmp(l->v[i].moderatable_type, "Idea") == 0)
			ids[q.nids++] = l->v[i].id;
	q.ids = ids;
	q.sort = "new";
	pg.size = (int)q.nids;
	if (q.nids) {
		st = gv_ideas_list(c, &q, pg, out, e);
		if (!fatal(st))
			st = ST_OK;
	}
	free(ids);
	return st;
}

/* Read the queue's next page: the one fetched ahead if there is one, else now. */
static enum status cache_more(struct gv_store *g, enum queue_kind k, struct qcache *c,
			      struct err *e)
{
	struct qquery q;
	enum status st;

	if (c->done)
		return ST_OK;
	if (cancelled(g, e))
		return ST_CANCELLED;
	if (c->pending) {
		struct prefetch *p = c->pending;

		c->pending = NULL;
		if (p->job.st == ST_OK) {
			if (p->moderations)
				cache_take_mods(g, c, &p->mods, &p->ideas);
			else
				cache_take_ideas(g, c, &p->ideas);
		}
		GV_FREE(&p->ideas);
		GV_FREE(&p->mods);
		free(p->url);
		st = p->job.st;
		free(p);
		/* A failed fetch ahead is not the caller's error: read the page again now. */
		if (st == ST_OK)
			return ST_OK;
	}
	if (!queue_query(g, k, &c->f, &q)) {
		c->started = c->done = true;
		return ST_OK;
	}
	if (q.moderations) {
		struct gv_moderations l = { 0 };
		struct gv_page pg = { 1, g->page_size };

		struct gv_ideas ideas = { 0 };

		st = c->started ? gv_next(g->client, c->next, "moderations", &l, e)
				: gv_moderations_list(g->client, &q.mq, pg, &l, e);
		if (st == ST_OK)
			st = inbox_ideas(g->client, &l, &ideas, e);
		if (st == ST_OK)
			cache_take_mods(g, c, &l, &ideas);
		else
			GV_FREE(&l);
	} else {
		struct gv_ideas l = { 0 };
		struct gv_page pg = { 1, g->page_size };

		st = c->started ? gv_next(g->client, c->next, "ideas", &l, e)
				: gv_ideas_list(g->client, &q.iq, pg, &l, e);
		if (st == ST_OK)
			cache_take_ideas(g, c, &l);
	}
	if (st == ST_OK)
		c->started = true;
	return st;
}

/* Network only, no tables: a fetch ahead runs while the caller's thread may use them. */
static enum status job_prefetch(struct gv_store *g, void *arg, struct err *e)
{
	struct prefetch *p = arg;
	enum status st;

	if (!p->moderations)
		return gv_next(g->client, p->url, "ideas", &p->ideas, e);
	st = gv_next(g->client, p->url, "moderations", &p->mods, e);
	return st == ST_OK ? inbox_ideas(g->client, &p->mods, &p->ideas, e) : st;
}

/* After a page was handed out: fetch the following API page in the background when fewer
 * than a page of rows are left beyond what the console has seen, so scrolling on does not
 * wait for the network. Runs on the caller's thread, between jobs. */
static void cache_ahead(struct gv_store *g, enum queue_kind k)
{
	struct qcache *c = &g->queues[k];
	struct prefetch *p;

	if (!c->valid || c->done || !c->started || !c->next || c->pending ||
	    c->n - c->served > g->page_size)
		return;
	p = xcalloc(1, sizeof(*p));
	p->url = xstrdup(c->next);
	p->moderations = k == QUEUE_FLAGS || k == QUEUE_INBOX;
	p->job.run = job_prefetch;
	p->job.arg = p;
	c->pending = p;
	submit(g, &p->job);
}

/* Is row r after key in queue order (newest first, then the higher number first)? Used
 * when the row at key has left the queue. */
static bool row_after(const struct queue_row *r, const struct qkey *key)
{
	return r->key.a < key->a || (r->key.a == key->a && r->key.b < key->b);
}

/* Where key is in the queue: *at its index and *exact whether that row is there, else the
 * index of the first row after it. Reads on until it finds it or, with cap, past cap rows. */
static enum status cache_find(struct gv_store *g, enum queue_kind k, struct qcache *c,
			      const struct qkey *key, int cap, int *at, bool *exact, struct err *e)
{
	enum status st;

	*exact = false;
	for (;;) {
		if (key->b > 0 && key->b < c->npos && c->pos_of[key->b]) {
			*at = c->pos_of[key->b] - 1;
			*exact = true;
			return ST_OK;
		}
		if (c->done || (cap && c->n > cap) ||
		    (c->n && c->rows[c->n - 1].key.a < key->a))
			break;
		st = cache_more(g, k, c, e);
		if (st != ST_OK)
			return st;
	}
	for (*at = 0; *at < c->n && !row_after(&c->rows[*at], key); (*at)++)
		;
	return ST_OK;
}

static enum status cache_fill(struct gv_store *g, enum queue_kind k, struct qcache *c, int upto,
			      struct err *e)
{
	while ((upto < 0 || c->n < upto) && !c->done) {
		enum status st = cache_more(g, k, c, e);

		if (st != ST_OK)
			return st;
	}
	return ST_OK;
}

struct page_args {
	enum queue_kind k;
	const struct filter *f;
	const struct qkey *from;
	int dir;
	bool inclusive;
	int limit;
	struct queue_row *rows;
	int *n;
	long *pos;
	const char *needle;
	struct queue_row *found;
};

static enum status job_page(struct gv_store *g, void *arg, struct err *e)
{
	struct page_args *a = arg;
	struct qcache *c;
	int start, end, at = 0;
	bool exact = false;
	enum status st;

	*a->n = 0;
	if ((st = load_statuses(g, e)) != ST_OK)
		return st;
	c = cache_for(g, a->k, a->f, !a->from && a->dir > 0);
	if (a->from && (st = cache_find(g, a->k, c, a->from, 0, &at, &exact, e)) != ST_OK)
		return st;
	if (a->dir > 0) {
		start = !a->from ? 0 : exact && !a->inclusive ? at + 1 : at;
		if ((st = cache_fill(g, a->k, c, start + a->limit, e)) != ST_OK)
			return st;
		end = start + a->limit < c->n ? start + a->limit : c->n;
	} else {
		/* The last rows: the platform has no reverse order for every queue, so the whole
		 * queue is read. */
		if (!a->from && (st = cache_fill(g, a->k, c, -1, e)) != ST_OK)
			return st;
		end = !a->from ? c->n : exact && a->inclusive ? at + 1 : at;
		start = end - a->limit > 0 ? end - a->limit : 0;
	}
	for (int i = start; i < end; i++)
		queue_row_copy(&a->rows[i - start], &c->rows[i]);
	*a->n = end > start ? end - start : 0;
	if (end > c->served)
		c->served = end;
	return ST_OK;
}

static enum status gs_page(struct store *s, enum queue_kind k, const struct filter *f,
			   const struct qkey *from, int dir, bool inclusive, int limit,
			   struct queue_row *rows, int *n, struct err *e)
{
	struct page_args a = { k, f, from, dir ? dir : 1, inclusive, limit, rows, n, NULL, NULL,
			       NULL };
	enum status st = run(G(s), job_page, &a, e);

	if (st == ST_OK)
		cache_ahead(G(s), k);
	return st;
}

static enum status job_position(struct gv_store *g, void *arg, struct err *e)
{
	struct page_args *a = arg;
	struct qcache *c;
	int at;
	bool exact;
	enum status st;

	if ((st = load_statuses(g, e)) != ST_OK)
		return st;
	c = cache_for(g, a->k, a->f, false);
	st = cache_find(g, a->k, c, a->from, COUNT_CAP, &at, &exact, e);
	if (st == ST_OK)
		*a->pos = at > COUNT_CAP ? COUNT_CAP + 1 : at;
	return st;
}

static enum status gs_position(struct store *s, enum queue_kind k, const struct filter *f,
			       const struct qkey *at, long *pos, struct err *e)
{
	struct page_args a = { k, f, at, 1, false, 0, NULL, NULL, pos, NULL, NULL };

	*pos = 0;
	return run(G(s), job_position, &a, e);
}

static bool row_matches(const struct queue_row *r, const char *needle)
{
	const char *hay[] = { r->title, r->text, r->author, r->project };

	for (size_t i = 0; i < ARRAY_SIZE(hay); i++)
		if (hay[i] && text_contains_fold(hay[i], needle))
			return true;
	return false;
}

/* The rows list only titles: what the body says is asked of the platform's own search (a
 * word-prefix search over title and body), once per needle, queue and filter, and kept for
 * n and N a while, as it allows 15 searches in 20 seconds (§7). Up to one page of 100
 * matches; beyond, the titles and names of the rows as read still match. */
#define SEARCH_TTL_US (60 * INT64_C(1000000))
static enum status platform_search(struct gv_store *g, enum queue_kind k, const struct filter *f,
				   const char *needle, struct err *e)
{
	struct gv_page pg = { 1, 100 };
	struct qquery q;
	enum status st = ST_OK;

	if (g->search_needle && g->search_k == k && filter_eq(&g->search_f, f) &&
	    strcmp(g->search_needle, needle) == 0 && now_us() - g->search_at < SEARCH_TTL_US)
		return ST_OK;
	free(g->search_needle);
	free(g->search_ids);
	g->search_needle = NULL;
	g->search_ids = NULL;
	g->nsearch_ids = 0;
	if (!queue_query(g, k, f, &q))
		return ST_OK;
	if (q.moderations) {
		struct gv_moderations l = { 0 };

		q.mq.search = needle;
		if ((st = gv_moderations_list(g->client, &q.mq, pg, &l, e)) == ST_OK) {
			g->search_ids = xcalloc(l.n + 1, sizeof(*g->search_ids));
			for (size_t i = 0; i < l.n; i++)
				g->search_ids[g->nsearch_ids++] = id_of(g, l.v[i].id);
		}
		GV_FREE(&l);
	} else {
		struct gv_ideas l = { 0 };

		q.iq.search = needle;
		if ((st = gv_ideas_list(g->client, &q.iq, pg, &l, e)) == ST_OK) {
			g->search_ids = xcalloc(l.n + 1, sizeof(*g->search_ids));
			for (size_t i = 0; i < l.n; i++)
				g->search_ids[g->nsearch_ids++] = id_of(g, l.v[i].id);
		}
		GV_FREE(&l);
	}
	/* A refused search (the limit reached) leaves the titles to search. */
	if (st != ST_OK && st != ST_CANCELLED && st != ST_CONNECT) {
		err_clear(e);
		st = ST_OK;
	}
	if (st == ST_OK) {
		g->search_needle = xstrdup(needle);
		g->search_k = k;
		g->search_f = *f;
		g->search_at = now_us();
	}
	return st;
}

static bool found_by_platform(const struct gv_store *g, const struct queue_row *r)
{
	for (int i = 0; i < g->nsearch_ids; i++)
		if (g->search_ids[i] == r->id)
			return true;
	return false;
}

/* Searched in the rows as read, reading on as needed, for the console's "contains" in titles
 * and names, and for the platform's search in bodies (platform_search). */
static enum status job_search(struct gv_store *g, void *arg, struct err *e)
{
	struct page_args *a = arg;
	struct qcache *c;
	int i = 0;
	bool exact = false;
	enum status st;

	if ((st = load_statuses(g, e)) != ST_OK ||
	    (st = platform_search(g, a->k, a->f, a->needle, e)) != ST_OK)
		return st;
	c = cache_for(g, a->k, a->f, false);
	if (a->from && (st = cache_find(g, a->k, c, a->from, 0, &i, &exact, e)) != ST_OK)
		return st;
	if (a->dir > 0) {
		if (a->from && exact)
			i++;
		for (;; i++) {
			if (i >= c->n) {
				if (c->done)
					break;
				if ((st = cache_more(g, a->k, c, e)) != ST_OK)
					return st;
				i--;
				continue;
			}
			if (row_matches(&c->rows[i], a->needle) ||
			    found_by_platform(g, &c->rows[i])) {
				queue_row_copy(a->found, &c->rows[i]);
				return ST_OK;
			}
		}
	} else {
		if (!a->from) {
			if ((st = cache_fill(g, a->k, c, -1, e)) != ST_OK)
				return st;
			i = c->n;
		}
		while (--i >= 0)
			if (row_matches(&c->rows[i], a->needle) ||
			    found_by_platform(g, &c->rows[i])) {
				queue_row_copy(a->found, &c->rows[i]);
				return ST_OK;
			}
	}
	err_set(e, _("No more rows with \"%s\"."), a->needle);
	return ST_NOT_FOUND;
}

static enum status gs_search(struct store *s, enum queue_kind k, const struct filter *f,
			     const struct qkey *from, int dir, const char *needle,
			     struct queue_row *found, struct err *e)
{
	struct page_args a = { k, f, from, dir ? dir : 1, false, 0, NULL, NULL, NULL, needle,
			       found };

	memset(found, 0, sizeof(*found));
	return run(G(s), job_search, &a, e);
}

struct counts_args {
	const struct filter *f;
	long *out;
};

static enum status count_queues(struct gv_store *g, const struct filter *f, long *out,
				struct err *e);

/* The console's counts are also the baseline the poller compares with. */
static enum status job_counts(struct gv_store *g, void *arg, struct err *e)
{
	struct counts_args *a = arg;
	enum status st = count_queues(g, a->f, a->out, e);

	if (st == ST_OK) {
		g->poll_filter = *a->f;
		memcpy(g->poll_counts, a->out, sizeof(g->poll_counts));
		g->poll_primed = true;
	}
	return st;
}

static enum status count_queues(struct gv_store *g, const struct filter *f, long *out,
				struct err *e)
{
	struct counts_args aa = { f, out }, *a = &aa;
	enum status st;

	if ((st = load_statuses(g, e)) != ST_OK)
		return st;
	for (int k = 0; k < QUEUE_COUNT; k++) {
		struct qquery q;
		long n = 0;

		/* No duplicates on this platform (§8): a queue it does not offer. */
		if (k == QUEUE_DUPLICATES) {
			a->out[k] = -1;
			continue;
		}
		if (!queue_query(g, (enum queue_kind)k, a->f, &q))
			st = ST_OK;
		else if (q.moderations)
			st = gv_moderations_count(g->client, &q.mq, &n, e);
		else
			st = gv_ideas_count(g->client, &q.iq, &n, e);
		if (st != ST_OK)
			return st;
		a->out[k] = n > COUNT_CAP ? COUNT_CAP + 1 : n;
	}
	return ST_OK;
}

/* On the worker, its lock held on entry and exit, when nothing has been asked for poll_ms. */
static void poll_changes(struct gv_store *g)
{
	struct job j;
	long now[QUEUE_COUNT];
	bool changed;

	memset(&j, 0, sizeof(j));
	g->running = &j;
	pthread_mutex_unlock(&g->mu);
	err_clear(&j.e);
	j.st = count_queues(g, &g->poll_filter, now, &j.e);
	changed = j.st == ST_OK && memcmp(now, g->poll_counts, sizeof(now)) != 0;
	if (changed) {
		memcpy(g->poll_counts, now, sizeof(now));
		invalidate_queues(g);
		while (write(g->notify[1], "!", 1) < 0 && errno == EINTR)
			;
	}
	pthread_mutex_lock(&g->mu);
	g->running = NULL;
	/* A failed poll (the network, an expired session) waits as long as a good one; the
	 * console learns of the trouble with its next request. */
	g->last_work_us = now_us();
}

static enum status gs_counts(struct store *s, const struct filter *f, long out[QUEUE_COUNT],
			     struct err *e)
{
	struct counts_args a = { f, out };

	for (int k = 0; k < QUEUE_COUNT; k++)
		out[k] = 0;
	return run(G(s), job_counts, &a, e);
}

/* --- who, what, details -------------------------------------------------------------------- */

static char *user_name(const struct gv_user *u)
{
	if (u->display_name && *u->display_name)
		return xstrdup(u->display_name);
	if ((u->first_name && *u->first_name) || (u->last_name && *u->last_name))
		return xasprintf("%s%s%s", u->first_name ? u->first_name : "",
				 u->first_name && *u->first_name && u->last_name && *u->last_name
					 ? " " : "",
				 u->last_name ? u->last_name : "");
	return xstrdup("?");
}

/* Admins may do everything; a project (or folder) moderator on the platform moderates ideas
 * and edits the project's timeline, which the console calls a project lead. */
static enum role user_role(const struct gv_user *u)
{
	const char *r = u->highest_role;

	if (!r) {
		for (size_t i = 0; i < u->nroles; i++)
			if (u->roles[i].type && strcmp(u->roles[i].type, "admin") == 0)
				return ROLE_ADMIN;
		return u->nroles ? ROLE_PROJECT_LEAD : ROLE_SUPPORT;
	}
	if (strcmp(r, "admin") == 0 || strcmp(r, "super_admin") == 0)
		return ROLE_ADMIN;
	if (strstr(r, "moderator"))
		return ROLE_PROJECT_LEAD;
	return ROLE_SUPPORT;
}

static enum status job_whoami(struct gv_store *g, void *arg, struct err *e)
{
	struct staff *me = arg;
	struct gv_users l = { 0 };
	enum status st = gv_me(g->client, &l, e);

	if (st != ST_OK)
		return st;
	if (!l.n) {
		GV_FREE(&l);
		err_set(e, _("The platform did not say who is logged in."));
		return ST_FAIL;
	}
	me->id = id_of(g, l.v[0].id);
	me->name = user_name(&l.v[0]);
	me->login = xstrdup(l.v[0].email ? l.v[0].email : me->name);
	me->role = user_role(&l.v[0]);
	g->my_role = me->role;
	free(g->my_id);
	free(g->my_email);
	g->my_id = xstrdup(l.v[0].id);
	g->my_email = dup_or_null(l.v[0].email);
	GV_FREE(&l);
	return ST_OK;
}

static enum status gs_whoami(struct store *s, struct staff *me, struct err *e)
{
	memset(me, 0, sizeof(*me));
	return run(G(s), job_whoami, me, e);
}

static void ref_add(struct ref_list *l, int64_t id, int64_t parent, const char *code,
		    const char *title, const char *extra)
{
	struct ref *r;

	l->v = xreallocarray(l->v, (size_t)l->n + 1, sizeof(*l->v));
	r = &l->v[l->n++];
	r->id = id;
	r->parent = parent;
	r->code = xstrdup(code ? code : "");
	r->title = xstrdup(title ? title : "");
	r->extra = dup_or_null(extra);
}

static enum status job_refdata(struct gv_store *g, void *arg, struct err *e)
{
	struct refdata *out = arg;
	struct gphase *ph;
	enum status st;

	if ((st = load_statuses(g, e)) != ST_OK || (st = load_projects(g, e)) != ST_OK)
		return st;
	for (int i = 0; i < g->nprojects; i++)
		if ((st = load_phases(g, g->projects[i].id, e)) != ST_OK)
			return st;
	for (int i = 0; i < g->nprojects; i++)
		ref_add(&out->projects, id_of(g, g->projects[i].id), 0, g->projects[i].slug,
			g->projects[i].title, g->projects[i].pubstatus);
	/* The store's lists are in the order they were met: sort a copy by project and start. */
	ph = xcalloc((size_t)g->nphases + 1, sizeof(*ph));
	if (g->nphases)
		memcpy(ph, g->phases, (size_t)g->nphases * sizeof(*ph));
	qsort(ph, (size_t)g->nphases, sizeof(*ph), phase_cmp);
	for (int i = 0; i < g->nprojects; i++)
		for (int j = 0; j < g->nphases; j++) {
			char code[32];

			if (strcmp(ph[j].project, g->projects[i].id) != 0)
				continue;
			snprintf(code, sizeof(code), "%lld", (long long)id_of(g, ph[j].id));
			ref_add(&out->phases, id_of(g, ph[j].id), id_of(g, ph[j].project), code,
				ph[j].title, ph[j].method);
		}
	free(ph);
	/* The ideation statuses; the proposals ones only when there are no others. Their ids
	 * are their orderings, as in the database. */
	for (int pass = 0; pass < 2 && !out->statuses.n; pass++)
		for (int i = 0; i < g->nstatuses; i++) {
			const struct gstatus *s = &g->statuses[i];

			bool dup = false;

			for (int j = 0; j < out->statuses.n; j++)
				dup = dup || strcmp(out->statuses.v[j].code, s->key) == 0;
			if (dup || (pass == 0 && strcmp(s->method, "ideation") != 0))
				continue;
			ref_add(&out->statuses, s->ordering, 0, s->key, s->title,
				status_final(s->code) ? "t" : "f");
		}
	/* Departments as the config file maps them onto platform users (api-department). */
	if ((st = resolve_departments(g, e)) != ST_OK)
		return st;
	for (int i = 0; i < g->ndepts; i++)
		ref_add(&out->departments, i + 1, 0, g->depts[i].code, g->depts[i].title, NULL);
	return ST_OK;
}

/* Departments and areas of ideas do not exist on the platform (§8): those lists stay empty,
 * which the console shows as nothing to choose. */
static enum status gs_refdata(struct store *s, struct refdata *out, struct err *e)
{
	enum status st;

	memset(out, 0, sizeof(*out));
	st = run(G(s), job_refdata, out, e);
	if (st != ST_OK)
		refdata_free(out);
	return st;
}

static enum status read_feedback(struct gv_store *g, const char *idea, struct idea_detail *d,
				 struct err *e)
{
	struct gv_feedbacks l = { 0 };
	struct gv_page pg = { 1, 20 };
	enum status st = gv_feedback_list(g->client, idea, pg, &l, e);

	if (st != ST_OK)
		return st;
	d->feedback = xcalloc(l.n ? l.n : 1, sizeof(*d->feedback));
	for (size_t i = 0; i < l.n; i++) {
		d->feedback[i].signature = xstrdup(gv_multiloc_get(&l.v[i].author, g->base.locale));
		d->feedback[i].body = html_text(gv_multiloc_get(&l.v[i].body, g->base.locale));
		d->feedback[i].at = l.v[i].created_at;
	}
	d->nfeedback = (int)l.n;
	GV_FREE(&l);
	return ST_OK;
}

/* A user's names, asked once per store: staff and authors come back often. *out is NULL
 * when the platform would not say (a policy refusal, a deleted user). */
static enum status user_info(struct gv_store *g, const char *uuid, struct gid **out,
			     struct err *e)
{
	struct gv_users u = { 0 };
	int64_t id = id_of(g, uuid);
	enum status st;

	*out = NULL;
	if (!gid(g, id)->user_read) {
		st = gv_user_get(g->client, uuid, &u, e);
		if (st != ST_OK)
			return st;
		if (u.n) {
			struct gid *x = gid(g, id);

			x->name = user_name(&u.v[0]);
			x->first_name = dup_or_null(u.v[0].first_name);
			x->locale = dup_or_null(u.v[0].locale);
		}
		gid(g, id)->user_read = true;
		GV_FREE(&u);
	}
	*out = gid(g, id)->name ? gid(g, id) : NULL;
	return ST_OK;
}

static enum status read_idea(struct gv_store *g, int64_t id, struct idea_detail *d, struct err *e)
{
	struct gv_ideas l = { 0 };
	struct gid *x;
	const struct gv_idea *i;
	const struct gstatus *s;
	struct gphase *ph;
	const char *uuid;
	enum status st;
	char lang[4];

	memset(d, 0, sizeof(*d));
	if ((st = need_uuid(g, id, _("idea"), &uuid, e)) != ST_OK ||
	    (st = load_statuses(g, e)) != ST_OK)
		return st;
	/* Fresh from a list page: no request. Else read, and keep it for next time. */
	x = gid(g, id);
	if (x->seen && now_us() - x->seen_at < SEEN_TTL_US) {
		i = x->seen;
	} else {
		if ((st = gv_idea_get(g->client, uuid, &l, e)) != ST_OK)
			return st;
		i = &l.v[0];
		remember_idea(g, i);
		i = gid(g, id)->seen;
	}
	d->id = id;
	d->project_id = id_of(g, i->project_id);
	d->author_id = id_of(g, i->author_id);
	d->title = xstrdup(gv_multiloc_get(&i->title, g->base.locale));
	d->body = html_text(gv_multiloc_get(&i->body, g->base.locale));
	multiloc_lang(&i->title, g->base.locale, lang);
	d->lang = xstrdup(lang);
	d->source = xstrdup("online");
	d->project = dup_or_null(project_title(g, i->project_id));
	if (i->nphases && (ph = phase_find(g, i->phase_ids[0]))) {
		d->phase_id = id_of(g, ph->id);
		d->phase = xstrdup(ph->title);
		d->phase_method = xstrdup(ph->method);
	}
	d->author = dup_or_null(i->author_name);
	if (i->slug && *i->slug)
		d->url = xasprintf("%s/ideas/%s", g->base_url, i->slug);
	/* Counting the author's ideas takes requests of its own: the author view (a) does. */
	d->author_counts_unknown = true;
	d->address = dup_or_null(i->location_description);
	if ((s = status_by_id(g, i->status_id))) {
		d->status = xstrdup(s->key);
		d->status_title = xstrdup(s->title);
	}
	d->created_at = i->published_at ? i->published_at : i->created_at;
	d->version = idea_version(i);
	d->votes_up = d->support_up = (int)i->likes_count;
	d->votes_down = d->support_down = (int)i->dislikes_count;
	d->comments = (int)i->comments_count;
	if (i->assignee_id) {
		int64_t dept = dept_of_user(g, i->assignee_id);

		if (fatal(st = user_info(g, i->assignee_id, &x, e)))
			goto fail;
		d->assignee = x ? dup_or_null(x->name) : NULL;
		if (dept) {
			d->department_id = dept;
			d->department = xstrdup(g->depts[dept - 1].title);
			d->department_signature = xstrdup(g->depts[dept - 1].title);
		}
	}
	/* The author's first name and language, for the greeting of a reply. */
	if (i->author_id && !i->anonymous) {
		if (fatal(st = user_info(g, i->author_id, &x, e)))
			goto fail;
		d->author_first_name = x ? dup_or_null(x->first_name) : NULL;
		d->author_locale = x ? dup_or_null(x->locale) : NULL;
	}
	/* The list says how many replies there are: none needs no request. */
	if (i->official_feedbacks_count > 0 && (st = read_feedback(g, uuid, d, e)) != ST_OK)
		goto fail;
	GV_FREE(&l);
	return ST_OK;
fail:
	GV_FREE(&l);
	idea_detail_free(d);
	return st;
}

struct detail_args {
	int64_t id;
	enum item_kind kind;
	void *out;
};

static enum status job_idea(struct gv_store *g, void *arg, struct err *e)
{
	struct detail_args *a = arg;

	return read_idea(g, a->id, a->out, e);
}

static enum status gs_idea(struct store *s, int64_t id, struct idea_detail *out, struct err *e)
{
	struct detail_args a = { id, ITEM_IDEA, out };

	memset(out, 0, sizeof(*out));
	return run(G(s), job_idea, &a, e);
}

/* What the inbox says about an item, reading the flagged items when it has not been met. */
static enum status inbox_item(struct gv_store *g, int64_t id, struct err *e)
{
	struct gv_moderation_query q = { NULL, NULL, NULL, 0, NULL, 1 };
	struct gv_moderations l = { 0 };
	struct gv_page pg = { 1, 100 };
	struct gid *x = gid(g, id);
	enum status st;

	if (!x || x->flag)
		return ST_OK;
	st = gv_moderations_list(g->client, &q, pg, &l, e);
	while (st == ST_OK) {
		char *next = l.next ? xstrdup(l.next) : NULL;
		bool found = false;

		for (size_t i = 0; i < l.n; i++) {
			struct queue_row r;

			moderation_row(g, &l.v[i], &r);
			found = found || r.id == id;
			queue_row_free(&r);
		}
		GV_FREE(&l);
		if (!next || found) {
			free(next);
			break;
		}
		st = cancelled(g, e) ? ST_CANCELLED
				     : gv_next(g->client, next, "moderations", &l, e);
		free(next);
	}
	return st;
}

static void flag_line_add(struct flag_detail *d, bool machine, const char *reason,
			  const char *detail, int64_t at, bool dismissed)
{
	struct flag_line *f;

	d->flags = xreallocarray(d->flags, (size_t)d->nflags + 1, sizeof(*d->flags));
	f = &d->flags[d->nflags++];
	memset(f, 0, sizeof(*f));
	f->machine = machine;
	f->reason = dup_or_null(reason);
	f->detail = dup_or_null(detail);
	f->score = -1;
	f->at = at;
	f->resolution = dismissed ? xstrdup("dismissed") : NULL;
}

/* The flag (its category: the platform has no scores) and the citizens' reports, which only
 * an admin may read: for others they are left out. */
static enum status read_flags(struct gv_store *g, int64_t id, struct flag_detail *d,
			      struct err *e)
{
	struct gid *x = gid(g, id);
	struct gv_flags fl = { 0 };
	struct gv_spam_reports sr = { 0 };
	struct gv_page pg = { 1, 50 };
	bool dismissed = false;
	enum status st;

	if (x->flag) {
		st = gv_flag_get(g->client, x->flag, &fl, e);
		if (fatal(st))
			return st;
		if (st == ST_OK && fl.n) {
			dismissed = fl.v[0].deleted_at != 0;
			if (fl.v[0].toxicity_label)
				flag_line_add(d, true, fl.v[0].toxicity_label, NULL, x->at,
					      dismissed);
		}
		GV_FREE(&fl);
	}
	st = gv_spam_reports_list(g->client, x->comment ? "comment" : "idea", x->uuid, pg, &sr, e);
	if (fatal(st))
		return st;
	for (size_t i = 0; st == ST_OK && i < sr.n; i++)
		flag_line_add(d, false, sr.v[i].reason_code, sr.v[i].other_reason,
			      sr.v[i].reported_at, dismissed);
	GV_FREE(&sr);
	return ST_OK;
}

static enum status job_flag_item(struct gv_store *g, void *arg, struct err *e)
{
	struct detail_args *a = arg;
	struct flag_detail *d = a->out;
	struct gid *x;
	enum status st;

	if (!gid(g, a->id)) {
		err_set(e, _("There is no %s #%lld."), item_kind_name(a->kind), (long long)a->id);
		return ST_NOT_FOUND;
	}
	if ((st = inbox_item(g, a->id, e)) != ST_OK)
		return st;
	x = gid(g, a->id);
	if (a->kind == ITEM_COMMENT && !x->comment) {
		err_set(e, _("Comment #%lld is not in the moderation inbox."), (long long)a->id);
		return ST_NOT_FOUND;
	}
	d->kind = a->kind;
	d->item_id = a->id;
	if ((st = read_idea(g, a->kind == ITEM_COMMENT ? x->idea : a->id, &d->idea, e)) != ST_OK)
		return st;
	x = gid(g, a->id);
	if (a->kind == ITEM_COMMENT) {
		d->comment = dup_or_null(x->text);
		d->comment_at = x->at;
	}
	st = read_flags(g, a->id, d, e);
	if (st != ST_OK)
		flag_detail_free(d);
	return st;
}

static enum status gs_flag_item(struct store *s, enum item_kind kind, int64_t id,
				struct flag_detail *out, struct err *e)
{
	struct detail_args a = { id, kind, out };

	memset(out, 0, sizeof(*out));
	return run(G(s), job_flag_item, &a, e);
}

static enum status gs_suggestion(struct store *s, int64_t id, struct dupe_detail *out,
				 struct err *e)
{
	(void)s;
	(void)id;
	memset(out, 0, sizeof(*out));
	err_set(e, _("Duplicate suggestions: the platform's web API does not offer this."));
	return ST_NOT_FOUND;
}

static enum status job_author(struct gv_store *g, void *arg, struct err *e)
{
	struct detail_args *a = arg;
	struct author_view *v = a->out;
	struct gv_idea_query q = { 0 };
	struct gv_users u = { 0 };
	struct gv_ideas l = { 0 };
	struct gv_page pg = { 1, 50 };
	const char *uuid;
	enum status st;

	if ((st = need_uuid(g, a->id, _("user"), &uuid, e)) != ST_OK ||
	    (st = load_statuses(g, e)) != ST_OK ||
	    (st = gv_user_get(g->client, uuid, &u, e)) != ST_OK)
		return st;
	if (!u.n) {
		GV_FREE(&u);
		err_set(e, _("There is no user #%lld."), (long long)a->id);
		return ST_NOT_FOUND;
	}
	v->id = a->id;
	v->name = user_name(&u.v[0]);
	v->role = dup_or_null(u.v[0].highest_role);
	v->locale = dup_or_null(u.v[0].locale);
	v->created_at = u.v[0].created_at;
	v->blocked_until = u.v[0].blocked ? u.v[0].block_end_at : 0;
	GV_FREE(&u);
	q.author = uuid;
	q.sort = "new";
	if ((st = gv_ideas_list(g->client, &q, pg, &l, e)) != ST_OK) {
		author_view_free(v);
		return st;
	}
	v->items = xcalloc(l.n ? l.n : 1, sizeof(*v->items));
	for (size_t i = 0; i < l.n; i++) {
		struct contribution *c = &v->items[i];
		const struct gstatus *s = status_by_id(g, l.v[i].status_id);

		c->kind = ITEM_IDEA;
		c->id = c->idea_id = id_of(g, l.v[i].id);
		c->text = xstrdup(gv_multiloc_get(&l.v[i].title, g->base.locale));
		c->status = s ? xstrdup(s->key) : NULL;
		c->hidden = !l.v[i].publication_status ||
			    strcmp(l.v[i].publication_status, "published") != 0;
		c->at = l.v[i].published_at ? l.v[i].published_at : l.v[i].created_at;
		v->hidden += c->hidden;
	}
	v->nitems = v->ideas = (int)l.n;
	GV_FREE(&l);
	return ST_OK;
}

/* The person and their ideas (the first 50); comments, votes and decisions on reports are
 * not readable per person through the API. */
static enum status gs_author(struct store *s, int64_t user_id, struct author_view *out,
			     struct err *e)
{
	struct detail_args a = { user_id, ITEM_IDEA, out };

	memset(out, 0, sizeof(*out));
	return run(G(s), job_author, &a, e);
}

/* --- actions ------------------------------------------------------------------------------
 * The platform keeps no audit trail the console can point to (*audit is 0) and no versions
 * (writes are last-write-wins, §8). The console's version of an idea is its updated_at
 * (idea_version): a write first reads the idea and refuses when it changed since the console
 * read it (stale), which leaves only the moment between that read and the write to the
 * platform's last-write-wins. Every change empties the queues' caches, so the next look
 * shows the platform's state. */

struct write_args {
	int version;
	int64_t id, project;
	const char *status;
	const struct reply *reply;
	const char *title, *method;
	int64_t start, end, at;
	enum item_kind kind;
	bool allow_gap;
};

/* Whether the idea read now is still the one the console saw (version; 0: no check). A
 * change since is refused with when it was made (the platform does not say by whom). */
static enum status check_stale(struct gv_store *g, const struct gv_idea *now, int version,
			       struct err *e)
{
	char when[32];
	time_t t;
	struct tm tm;

	if (!version || idea_version(now) == version)
		return ST_OK;
	t = (time_t)(now->updated_at ? now->updated_at : now->created_at);
	localtime_r(&t, &tm);
	strftime(when, sizeof(when), "%d-%m-%Y %H:%M:%S", &tm);
	err_set(e, _("Idea #%lld was changed on the platform at %s, after you read it; it is "
		     "read again: look, and decide again."), (long long)id_of(g, now->id), when);
	invalidate_queues(g);
	return ST_CONFLICT;
}

/* The idea as it is now, checked against the version the console saw. */
static enum status read_fresh(struct gv_store *g, const char *uuid, int version,
			      struct gv_ideas *l, struct err *e)
{
	enum status st = gv_idea_get(g->client, uuid, l, e);

	if (st == ST_OK && (st = check_stale(g, &l->v[0], version, e)) != ST_OK)
		GV_FREE(l);
	return st;
}

/* Only the check: a write that needs nothing else of the idea. */
static enum status check_fresh(struct gv_store *g, const char *uuid, int version,
			       struct err *e)
{
	struct gv_ideas l = { 0 };
	enum status st;

	if (!version)
		return ST_OK;
	if ((st = read_fresh(g, uuid, version, &l, e)) == ST_OK)
		GV_FREE(&l);
	return st;
}

/* Ideation and proposals have statuses of their own with the same codes: the one that goes
 * with the idea's present status is taken. */
static enum status set_status(struct gv_store *g, const char *uuid, const char *key,
			      int version, struct err *e)
{
	struct gv_ideas l = { 0 };
	const struct gstatus *now, *s;
	const char *method = "ideation";
	enum status st;

	if ((st = load_statuses(g, e)) != ST_OK ||
	    (st = read_fresh(g, uuid, version, &l, e)) != ST_OK)
		return st;
	if (l.n && (now = status_by_id(g, l.v[0].status_id)))
		method = now->method;
	GV_FREE(&l);
	if (!(s = status_by_key(g, key, method))) {
		err_set(e, _("The platform has no status \"%s\"."), key);
		return ST_INVALID;
	}
	return gv_idea_set_status(g->client, uuid, s->id, NULL, e);
}

static enum status job_set_status(struct gv_store *g, void *arg, struct err *e)
{
	struct write_args *a = arg;
	const char *uuid;
	enum status st;

	if ((st = need_uuid(g, a->id, _("idea"), &uuid, e)) != ST_OK)
		return st;
	st = set_status(g, uuid, a->status, a->version, e);
	invalidate_queues(g);
	return st;
}

static enum status gs_set_status(struct store *s, int64_t idea, int version, const char *status,
				 const char *justification, int64_t *audit, struct err *e)
{
	struct write_args a = { .id = idea, .status = status, .version = version };

	(void)justification;
	*audit = 0;
	return run(G(s), job_set_status, &a, e);
}

/* An official reply: body and signature in the reply's language. */
static enum status post_reply(struct gv_store *g, const char *uuid, const struct reply *r,
			      struct err *e)
{
	const char *locale = r->locale && *r->locale ? r->locale : g->base.locale;
	char *html = text_html(r->body);
	struct gv_loc body = { locale, html }, sig = { locale, r->signature ? r->signature : "" };
	struct gv_multiloc mb = { &body, 1 }, ms = { &sig, 1 };
	enum status st = gv_feedback_post(g->client, uuid, &mb, &ms, NULL, e);

	free(html);
	return st;
}

static enum status job_reply(struct gv_store *g, void *arg, struct err *e)
{
	struct write_args *a = arg;
	const char *uuid;
	enum status st;

	if ((st = need_uuid(g, a->id, _("idea"), &uuid, e)) != ST_OK)
		return st;
	/* The status first: when the platform refuses it, no reply has gone out yet. */
	if (a->status && (st = set_status(g, uuid, a->status, a->version, e)) != ST_OK)
		return st;
	if (!a->status && (st = check_fresh(g, uuid, a->version, e)) != ST_OK)
		return st;
	st = post_reply(g, uuid, a->reply, e);
	if (st != ST_OK && a->status) {
		char why[sizeof(e->msg)];

		snprintf(why, sizeof(why), "%s", e->msg);
		err_set(e, _("The status was changed, but the reply was not sent: %s"), why);
	}
	invalidate_queues(g);
	return st;
}

static enum status gs_reply(struct store *s, int64_t idea, int version, const struct reply *r,
			    const char *status, const char *justification, int64_t *audit,
			    struct err *e)
{
	struct write_args a = { .id = idea, .status = status, .reply = r, .version = version };

	(void)justification;
	*audit = 0;
	return run(G(s), job_reply, &a, e);
}

static enum status job_dismiss(struct gv_store *g, void *arg, struct err *e)
{
	struct write_args *a = arg;
	struct gid *x = gid(g, a->id);
	enum status st;

	if (!x) {
		err_set(e, _("There is no %s #%lld."), item_kind_name(a->kind), (long long)a->id);
		return ST_NOT_FOUND;
	}
	if ((st = inbox_item(g, a->id, e)) != ST_OK)
		return st;
	x = gid(g, a->id);
	if (!x->flag) {
		err_set(e, _("This %s has no flag on the platform."), item_kind_name(a->kind));
		return ST_NOT_FOUND;
	}
	st = gv_flag_dismiss(g->client, x->flag, e);
	invalidate_queues(g);
	return st;
}

/* Dismiss: the platform's flag is dismissed, the content stays. Confirm would hide the
 * content, which the API cannot do: it can only delete an idea, or remove a comment with a
 * notice to its author, neither of which the console's confirm means. */
static enum status gs_verdict(struct store *s, enum item_kind kind, int64_t item, int version,
			      bool confirm, const char *reason, const char *justification,
			      int64_t *audit, struct err *e)
{
	struct write_args a = { .id = item, .kind = kind };

	(void)version;
	(void)reason;
	(void)justification;
	*audit = 0;
	if (confirm)
		return unavailable(e, _("Hiding flagged content"));
	return run(G(s), job_dismiss, &a, e);
}

/* --- the timeline --------------------------------------------------------------------------- */

static enum status job_timeline(struct gv_store *g, void *arg, struct err *e)
{
	struct timeline *t = arg;
	enum status st;

	if ((st = load_projects(g, e)) != ST_OK)
		return st;
	t->now = (int64_t)time(NULL);
	t->projects = xcalloc((size_t)g->nprojects + 1, sizeof(*t->projects));
	for (int i = 0; i < g->nprojects; i++) {
		struct project_timeline *pt = &t->projects[t->n++];
		struct gphase *ph;
		int n = 0;

		pt->id = id_of(g, g->projects[i].id);
		pt->title = xstrdup(g->projects[i].title);
		pt->status = xstrdup(g->projects[i].pubstatus);
		if ((st = load_phases(g, g->projects[i].id, e)) != ST_OK)
			return st;
		ph = xcalloc((size_t)g->nphases + 1, sizeof(*ph));
		for (int j = 0; j < g->nphases; j++)
			if (strcmp(g->phases[j].project, g->projects[i].id) == 0)
				ph[n++] = g->phases[j];
		qsort(ph, (size_t)n, sizeof(*ph), phase_cmp);
		/* The API does not say which kind a project is: one open-ended phase is how an
		 * idea box looks, anything else a timeline. */
		pt->kind = xstrdup(n == 1 && !ph[0].end ? "continuous" : "timeline");
		pt->phases = xcalloc((size_t)n + 1, sizeof(*pt->phases));
		for (int j = 0; j < n; j++) {
			struct phase_info *pi = &pt->phases[pt->nphases++];

			pi->id = id_of(g, ph[j].id);
			pi->title = xstrdup(ph[j].title);
			pi->method = xstrdup(ph[j].method);
			pi->start_at = ph[j].start;
			pi->end_at = ph[j].end;
			pi->ideas = (int)ph[j].ideas;
		}
		free(ph);
	}
	return ST_OK;
}

static enum status gs_timeline(struct store *s, struct timeline *out, struct err *e)
{
	enum status st;

	memset(out, 0, sizeof(*out));
	st = run(G(s), job_timeline, out, e);
	if (st != ST_OK)
		timeline_free(out);
	return st;
}

/* A phase's new times, as the API takes them; end 0 makes it open-ended. */
static enum status phase_patch(struct gv_store *g, const char *uuid, int64_t start, int64_t end,
			       struct err *e)
{
	struct gv_phase_edit p;
	struct gv_phases out = { 0 };
	char s[40], t[40];
	enum status st;

	memset(&p, 0, sizeof(p));
	iso_time(start, s, sizeof(s));
	if (end)
		iso_time(end, t, sizeof(t));
	else
		t[0] = '\0';
	p.start_at = s;
	p.end_at = t;
	st = gv_phase_update(g->client, uuid, &p, &out, e);
	if (st == ST_OK && out.n)
		phase_put(g, &out.v[0]);
	GV_FREE(&out);
	return st;
}

/* How a sentence names a phase: "Ideeën" (2025-02-01 to 2025-03-01), as the database does. */
static void phase_day(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	strftime(buf, n, tm.tm_hour || tm.tm_min ? "%Y-%m-%d %H:%M" : "%Y-%m-%d", &tm);
}

static void phase_label(const struct gphase *p, char *buf, size_t n)
{
	char a[32], b[32];

	phase_day(p->start, a, sizeof(a));
	if (p->end) {
		phase_day(p->end, b, sizeof(b));
		snprintf(buf, n, _("\"%s\" (%s to %s)"), p->title ? p->title : "?", a, b);
	} else {
		snprintf(buf, n, _("\"%s\" (from %s, open-ended)"), p->title ? p->title : "?", a);
	}
}

/* The platform allows gaps between phases; the console asks first, as on the database: a
 * change that opens a gap that was not there is refused (ST_GAP) unless allowed. changed is
 * the phase as it would be (id NULL: a new one); the project's phases are in g->phases. */
static enum status check_gaps(struct gv_store *g, const char *project, const struct gphase *changed,
			      bool allow, struct err *e)
{
	struct gphase *before, *after;
	int nb = 0, na = 0;
	enum status st = ST_OK;

	if (allow)
		return ST_OK;
	/* An overlap is the platform's to refuse, in its words (a 422 naming the other phase). */
	for (int i = 0; i < g->nphases; i++) {
		const struct gphase *o = &g->phases[i];

		if (strcmp(o->project, project) == 0 && (!changed->id || strcmp(changed->id, o->id) != 0) &&
		    (!o->end || changed->start < o->end) && (!changed->end || o->start < changed->end))
			return ST_OK;
	}
	before = xcalloc((size_t)g->nphases + 1, sizeof(*before));
	after = xcalloc((size_t)g->nphases + 2, sizeof(*after));
	for (int i = 0; i < g->nphases; i++) {
		if (strcmp(g->phases[i].project, project) != 0)
			continue;
		before[nb++] = g->phases[i];
		if (!changed->id || strcmp(changed->id, g->phases[i].id) != 0)
			after[na++] = g->phases[i];
	}
	after[na++] = *changed;
	qsort(before, (size_t)nb, sizeof(*before), phase_cmp);
	qsort(after, (size_t)na, sizeof(*after), phase_cmp);
	for (int i = 1; i < na && st == ST_OK; i++) {
		const struct gphase *p = &after[i - 1], *q = &after[i];
		bool was = false;

		if (!p->end || p->end >= q->start)
			continue;
		/* A gap between the same two phases before the change is not new. */
		for (int j = 1; j < nb; j++)
			if (before[j - 1].end && before[j - 1].end < before[j].start &&
			    p->id && q->id && strcmp(before[j - 1].id, p->id) == 0 &&
			    strcmp(before[j].id, q->id) == 0)
				was = true;
		if (!was) {
			char lp[200], lq[200];

			phase_label(p, lp, sizeof(lp));
			phase_label(q, lq, sizeof(lq));
			err_set(e, _("There would be a gap between %s and %s; allow the gap to keep it."),
				lp, lq);
			st = ST_GAP;
		}
	}
	free(before);
	free(after);
	return st;
}

static enum status job_phase_update(struct gv_store *g, void *arg, struct err *e)
{
	struct write_args *a = arg;
	const char *uuid;
	struct gphase *p, changed;
	char *project;
	enum status st;

	if ((st = need_uuid(g, a->id, _("phase"), &uuid, e)) != ST_OK)
		return st;
	if (!(p = phase_find(g, uuid))) {
		err_set(e, _("There is no phase #%lld."), (long long)a->id);
		return ST_NOT_FOUND;
	}
	/* Read the project's phases afresh; the table's strings change with them. */
	project = xstrdup(p->project);
	st = load_phases(g, project, e);
	free(project);
	if (st != ST_OK)
		return st;
	if (!(p = phase_find(g, uuid))) {
		err_set(e, _("There is no phase #%lld."), (long long)a->id);
		return ST_NOT_FOUND;
	}
	changed = *p;
	changed.start = a->start;
	changed.end = a->end;
	if ((st = check_gaps(g, changed.project, &changed, a->allow_gap, e)) != ST_OK)
		return st;
	st = phase_patch(g, uuid, a->start, a->end, e);
	invalidate_queues(g);
	return st;
}

/* The platform allows gaps between phases; check_gaps asks first, as the database does. */
static enum status gs_phase_update(struct store *s, int64_t phase, int64_t start, int64_t end,
				   bool allow_gap, const char *justification, int64_t *audit,
				   struct err *e)
{
	struct write_args a = { .id = phase, .start = start, .end = end, .allow_gap = allow_gap };

	(void)justification;
	*audit = 0;
	return run(G(s), job_phase_update, &a, e);
}

static enum status job_phase_add(struct gv_store *g, void *arg, struct err *e)
{
	struct write_args *a = arg;
	struct gv_loc title = { g->base.locale, a->title ? a->title : "" };
	struct gv_phase_edit p;
	struct gv_phases out = { 0 };
	const char *uuid;
	char s[40], t[40];
	enum status st;

	if ((st = need_uuid(g, a->project, _("project"), &uuid, e)) != ST_OK ||
	    (st = load_phases(g, uuid, e)) != ST_OK)
		return st;
	{
		struct gphase fresh = { NULL, (char *)uuid, (char *)(a->title ? a->title : ""),
					(char *)"", a->start, a->end, 0 };

		if ((st = check_gaps(g, uuid, &fresh, a->allow_gap, e)) != ST_OK)
			return st;
	}
	memset(&p, 0, sizeof(p));
	p.title.v = &title;
	p.title.n = 1;
	iso_time(a->start, s, sizeof(s));
	p.start_at = s;
	if (a->end) {
		iso_time(a->end, t, sizeof(t));
		p.end_at = t;
	}
	p.participation_method = a->method ? a->method : "ideation";
	st = gv_phase_create(g->client, uuid, &p, &out, e);
	if (st == ST_OK && out.n) {
		phase_put(g, &out.v[0]);
		/* Creating it may have closed an open-ended phase before it. */
		if (out.v[0].previous_phase_end_at_updated)
			st = load_phases(g, uuid, e);
	}
	GV_FREE(&out);
	invalidate_queues(g);
	return st;
}

static enum status gs_phase_add(struct store *s, int64_t project, const char *title,
				const char *method, int64_t start, int64_t end, bool allow_gap,
				const char *justification, int64_t *audit, struct err *e)
{
	struct write_args a = { .project = project, .title = title, .method = method,
				.start = start, .end = end, .allow_gap = allow_gap };

	(void)justification;
	*audit = 0;
	return run(G(s), job_phase_add, &a, e);
}

static enum status job_phase_delete(struct gv_store *g, void *arg, struct err *e)
{
	struct write_args *a = arg;
	const char *uuid;
	enum status st;

	if ((st = need_uuid(g, a->id, _("phase"), &uuid, e)) != ST_OK)
		return st;
	st = gv_phase_delete(g->client, uuid, e);
	if (st == ST_OK)
		phase_forget(g, uuid);
	invalidate_queues(g);
	return st;
}

static enum status gs_phase_delete(struct store *s, int64_t phase, const char *justification,
				   int64_t *audit, struct err *e)
{
	struct write_args a = { .id = phase };

	(void)justification;
	*audit = 0;
	return run(G(s), job_phase_delete, &a, e);
}

/* Make a phase the current one at `at`, as the database back end does: the running phase
 * ends at `at`; a later phase starts then and keeps its end; a phase that is over runs again
 * from then for as long as it ran before. Two requests, not one transaction: when the
 * second is refused, the first has been made, and the message says so. */
static enum status job_phase_set_current(struct gv_store *g, void *arg, struct err *e)
{
	struct write_args *a = arg;
	const char *puuid, *uuid;
	struct gphase p, r = { 0 };
	int64_t at = a->at ? a->at : (int64_t)time(NULL), start, end;
	enum status st;
	bool have_r = false;

	if ((st = need_uuid(g, a->project, _("project"), &puuid, e)) != ST_OK ||
	    (st = need_uuid(g, a->id, _("phase"), &uuid, e)) != ST_OK ||
	    (st = load_phases(g, puuid, e)) != ST_OK)
		return st;
	if (!phase_find(g, uuid) || strcmp(phase_find(g, uuid)->project, puuid) != 0) {
		err_set(e, _("Phase #%lld is not a phase of project #%lld."), (long long)a->id,
			(long long)a->project);
		return ST_INVALID;
	}
	p = *phase_find(g, uuid);
	for (int i = 0; i < g->nphases; i++) {
		struct gphase *x = &g->phases[i];

		if (strcmp(x->project, puuid) == 0 && x->start <= at && (!x->end || x->end > at)) {
			r = *x;
			have_r = true;
		}
	}
	if (have_r && strcmp(r.id, p.id) == 0) {
		err_set(e, _("Phase %s is already running."), p.title);
		return ST_DONE;
	}
	if (have_r && r.start == at) {
		err_set(e, _("Phase %s starts at that moment; choose a later time."), r.title);
		return ST_INVALID;
	}
	for (int i = 0; p.start > at && i < g->nphases; i++) {
		struct gphase *x = &g->phases[i];

		if (strcmp(x->project, puuid) == 0 && x->start > at && x->start < p.start &&
		    strcmp(x->id, p.id) != 0 && (!have_r || strcmp(x->id, r.id) != 0)) {
			err_set(e, _("Phase %s comes before %s; change or remove it first."),
				x->title, p.title);
			return ST_INVALID;
		}
	}
	start = at;
	end = p.start > at ? p.end : at + (p.end ? p.end - p.start : 0);
	/* The table's strings change with each answer: keep what is needed after one. */
	r.id = have_r ? xstrdup(r.id) : NULL;
	r.title = have_r ? xstrdup(r.title) : NULL;
	st = have_r ? phase_patch(g, r.id, r.start, at, e) : ST_OK;
	if (st == ST_OK)
		st = phase_patch(g, uuid, start, end, e);
	if (st != ST_OK && have_r && phase_find(g, r.id) && phase_find(g, r.id)->end == at) {
		char why[sizeof(e->msg)];

		snprintf(why, sizeof(why), "%s", e->msg);
		err_set(e, _("%s Phase %s now ends at that moment already."), why, r.title);
	}
	free(r.id);
	free(r.title);
	invalidate_queues(g);
	return st;
}

static enum status gs_phase_set_current(struct store *s, int64_t project, int64_t phase,
					int64_t at, const char *justification, int64_t *audit,
					struct err *e)
{
	struct write_args a = { .id = phase, .project = project, .at = at };

	(void)justification;
	*audit = 0;
	return run(G(s), job_phase_set_current, &a, e);
}

/* --- what the platform does not offer (§8) ------------------------------------------------ */

/* A merge on a platform without one (§8): the merged ideas get the merge status (a custom
 * status such as "Merged", set with merge-status) and their authors the reply that points
 * to the idea that stays. Votes and comments cannot be moved and stay with each idea; the
 * preview says so, and nothing pretends otherwise. */
struct merge_args {
	int64_t keep;
	const int64_t *merged;
	const int *versions;
	int n;
	const struct reply *replies;
	int nreplies;
	struct merge_preview *out;
};

static enum status job_merge_preview(struct gv_store *g, void *arg, struct err *e)
{
	struct merge_args *a = arg;
	struct merge_preview *p = a->out;
	struct idea_detail d;
	const struct gstatus *ms;
	enum status st;

	if ((st = load_statuses(g, e)) != ST_OK)
		return st;
	if (!(ms = status_by_key(g, g->merge_status, "ideation"))) {
		err_set(e, _("This platform has no status \"%s\" for merged ideas: set merge-status "
			     "to one it has (see inspraak-config(5))."), g->merge_status);
		return ST_INVALID;
	}
	if ((st = read_idea(g, a->keep, &d, e)) != ST_OK)
		return st;
	p->keep = a->keep;
	p->keep_title = d.title;
	d.title = NULL;
	p->support_before = p->support_after = p->support_sum = d.support_up;
	p->comments = d.comments;
	p->support_stays = true;
	p->merged_status = xstrdup(ms->title);
	idea_detail_free(&d);
	p->told = xcalloc((size_t)a->n + 1, sizeof(*p->told));
	for (int i = 0; i < a->n; i++) {
		struct merge_told *t = &p->told[p->ntold];

		if ((st = read_idea(g, a->merged[i], &d, e)) != ST_OK)
			return st;
		p->support_sum += d.support_up;
		t->idea_id = d.id;
		t->title = d.title;
		t->author = d.author;
		t->first_name = d.author_first_name;
		t->locale = d.author_locale;
		d.title = d.author = d.author_first_name = d.author_locale = NULL;
		p->ntold++;
		idea_detail_free(&d);
	}
	return ST_OK;
}

static enum status gs_merge_preview(struct store *s, int64_t keep, const int64_t *merged, int n,
				   struct merge_preview *out, struct err *e)
{
	struct merge_args a = { keep, merged, NULL, n, NULL, 0, out };
	enum status st;

	memset(out, 0, sizeof(*out));
	st = run(G(s), job_merge_preview, &a, e);
	if (st != ST_OK)
		merge_preview_free(out);
	return st;
}

/* Idea by idea: its status, then its author's reply. A refusal stops there and says what
 * was done already, which stays done (the platform has no transactions). */
static enum status job_merge(struct gv_store *g, void *arg, struct err *e)
{
	struct merge_args *a = arg;
	const char *uuid;
	enum status st = ST_OK;
	int i;

	if ((st = need_uuid(g, a->keep, _("idea"), &uuid, e)) != ST_OK)
		return st;
	for (i = 0; i < a->n && st == ST_OK; i++) {
		if ((st = need_uuid(g, a->merged[i], _("idea"), &uuid, e)) != ST_OK ||
		    (st = set_status(g, uuid, g->merge_status, a->versions ? a->versions[i] : 0,
				     e)) != ST_OK)
			break;
		for (int r = 0; r < a->nreplies && st == ST_OK; r++)
			if (a->replies[r].idea == a->merged[i])
				st = post_reply(g, uuid, &a->replies[r], e);
	}
	if (st != ST_OK && i > 0) {
		char why[sizeof(e->msg)];

		snprintf(why, sizeof(why), "%s", e->msg);
		err_set(e, _("Idea #%lld: %s (the ideas before it are merged)."),
			(long long)a->merged[i < a->n ? i : a->n - 1], why);
	}
	invalidate_queues(g);
	return st;
}

static enum status gs_merge(struct store *s, int64_t keep, const int64_t *merged,
			    const int *versions, int n, const struct reply *replies, int nreplies,
			    const char *justification, int64_t *audit, struct err *e)
{
	struct merge_args a = { keep, merged, versions, n, replies, nreplies, NULL };

	(void)justification;
	*audit = 0;
	return run(G(s), job_merge, &a, e);
}

static enum status gs_dismiss_suggestion(struct store *s, int64_t suggestion,
					 const char *justification, int64_t *audit, struct err *e)
{
	(void)s;
	(void)suggestion;
	(void)justification;
	*audit = 0;
	return unavailable(e, _("Duplicate suggestions"));
}

/* The platform has one assignee per idea, who must moderate its project, and no departments:
 * a department is the platform user the config file maps it onto (api-department), and a
 * person chosen within it is assigned instead. */
struct assign_args {
	int64_t idea, department, assignee;
	int version;
};

static enum status job_assign(struct gv_store *g, void *arg, struct err *e)
{
	struct assign_args *a = arg;
	struct gv_ideas out = { 0 };
	const char *uuid, *user = NULL;
	enum status st;

	if ((st = need_uuid(g, a->idea, _("idea"), &uuid, e)) != ST_OK ||
	    (st = resolve_departments(g, e)) != ST_OK)
		return st;
	if (a->assignee > 0) {
		if ((st = need_uuid(g, a->assignee, _("user"), &user, e)) != ST_OK)
			return st;
	} else if (a->department > 0) {
		const struct gdept *d;

		if (a->department > g->ndepts) {
			err_set(e, _("There is no department #%lld."), (long long)a->department);
			return ST_NOT_FOUND;
		}
		d = &g->depts[a->department - 1];
		if (!d->uuid) {
			err_set(e, _("Department %s stands for the platform user %s, who is not among "
				     "the moderators of its projects (see api-department in "
				     "inspraak-config(5))."), d->title, d->user);
			return ST_INVALID;
		}
		user = d->uuid;
	}
	if ((st = check_fresh(g, uuid, a->version, e)) != ST_OK)
		return st;
	st = gv_idea_set_assignee(g->client, uuid, user, &out, e);
	GV_FREE(&out);
	invalidate_queues(g);
	return st;
}

static enum status gs_assign(struct store *s, int64_t idea, int version, int64_t department,
			     int64_t assignee, const char *justification, int64_t *audit,
			     struct err *e)
{
	struct gv_store *g = G(s);
	struct assign_args a = { idea, department, assignee, version };

	(void)justification;
	*audit = 0;
	if (!g->ndepts)
		return unavailable(e, _("Departments"));
	return run(g, job_assign, &a, e);
}

static enum status gs_block(struct store *s, int64_t user, int64_t until, const char *reason,
			    bool hide_content, const char *justification, int64_t *audit,
			    struct err *e)
{
	(void)s;
	(void)user;
	(void)until;
	(void)reason;
	(void)hide_content;
	(void)justification;
	*audit = 0;
	return unavailable(e, _("Blocking a user"));
}

static enum status gs_unblock(struct store *s, int64_t user, const char *justification,
			      int64_t *audit, struct err *e)
{
	(void)s;
	(void)user;
	(void)justification;
	*audit = 0;
	return unavailable(e, _("Blocking a user"));
}

static enum status gs_undo(struct store *s, int64_t audit, const char *justification,
			   int64_t *undo_audit, struct err *e)
{
	(void)s;
	(void)audit;
	(void)justification;
	*undo_audit = 0;
	return unavailable(e, _("Undo"));
}

static enum status gs_claim(struct store *s, enum item_kind kind, int64_t item, int minutes,
			    bool take_over, char **holder, struct err *e)
{
	(void)s;
	(void)kind;
	(void)item;
	(void)minutes;
	(void)take_over;
	*holder = NULL;
	return unavailable(e, _("Claiming an item"));
}

static enum status gs_release(struct store *s, enum item_kind kind, int64_t item, struct err *e)
{
	(void)s;
	(void)kind;
	(void)item;
	return unavailable(e, _("Claiming an item"));
}

/* The people within a department: on the platform, the one user it stands for. */
static enum status job_staff(struct gv_store *g, void *arg, struct err *e)
{
	struct staff_line **out = ((struct staff_line ***)arg)[0];
	int *n = ((int **)arg)[1];
	enum status st;

	if ((st = resolve_departments(g, e)) != ST_OK)
		return st;
	*out = xcalloc((size_t)g->ndepts + 1, sizeof(**out));
	for (int i = 0; i < g->ndepts; i++) {
		struct gid *x;

		if (!g->depts[i].uuid)
			continue;
		if (fatal(st = user_info(g, g->depts[i].uuid, &x, e)))
			return st;
		(*out)[*n].id = id_of(g, g->depts[i].uuid);
		(*out)[*n].name = xstrdup(x && x->name ? x->name : g->depts[i].user);
		(*out)[*n].department_id = i + 1;
		(*n)++;
	}
	return ST_OK;
}

static enum status gs_staff(struct store *s, struct staff_line **out, int *n, struct err *e)
{
	void *args[2] = { out, n };
	enum status st;

	*out = NULL;
	*n = 0;
	if (!G(s)->ndepts)
		return unavailable(e, _("Departments"));
	st = run(G(s), job_staff, args, e);
	if (st != ST_OK) {
		for (int i = 0; i < *n; i++)
			free((*out)[i].name);
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return st;
}

static enum status gs_audit(struct store *s, const struct audit_filter *f,
			    struct audit_line **out, int *n, struct err *e)
{
	(void)s;
	(void)f;
	*out = NULL;
	*n = 0;
	return unavailable(e, _("The audit log"));
}

/* --- the session ---------------------------------------------------------------------------- */

/* No change feed on the platform (§8): the worker polls (poll_changes) and says so here. */
static int gs_notify_fd(struct store *s)
{
	return G(s)->notify[0];
}

static bool gs_changes(struct store *s)
{
	char buf[64];
	bool any = false;
	ssize_t r;

	while ((r = read(G(s)->notify[0], buf, sizeof(buf))) > 0 || (r < 0 && errno == EINTR))
		if (r > 0)
			any = true;
	return any;
}

static void gs_poll_every(struct store *s, int ms)
{
	struct gv_store *g = G(s);

	pthread_mutex_lock(&g->mu);
	g->poll_ms = ms > 0 ? ms : 0;
	pthread_cond_signal(&g->work);
	pthread_mutex_unlock(&g->mu);
}

/* A token cannot be renewed without the password: an expired one means logging in again. */
static enum status gs_check(struct store *s, struct err *e)
{
	if (gv_logged_in(G(s)->client))
		return ST_OK;
	err_set(e, _("The session on the platform has expired: log in again."));
	return ST_CONNECT;
}

static const char *gs_describe(struct store *s)
{
	return G(s)->describe;
}

static void gs_close(struct store *s)
{
	struct gv_store *g = G(s);

	pthread_mutex_lock(&g->mu);
	g->quit = true;
	/* A fetch ahead still queued or running is not worth waiting for. */
	for (struct job *j = g->head; j; j = j->next)
		j->cancel = true;
	if (g->running)
		gv_client_cancel(g->client);
	pthread_cond_signal(&g->work);
	pthread_mutex_unlock(&g->mu);
	pthread_join(g->worker, NULL);
	invalidate_queues(g);
	gv_client_free(g->client);
	for (int i = 0; i < g->nids; i++) {
		idea_copy_free(g->ids[i].seen);
		free(g->ids[i].uuid);
		free(g->ids[i].flag);
		free(g->ids[i].text);
		free(g->ids[i].name);
		free(g->ids[i].first_name);
		free(g->ids[i].locale);
	}
	free(g->ids);
	free(g->slots);
	for (int i = 0; i < g->nstatuses; i++) {
		free(g->statuses[i].id);
		free(g->statuses[i].key);
		free(g->statuses[i].code);
		free(g->statuses[i].method);
		free(g->statuses[i].title);
	}
	free(g->statuses);
	for (int i = 0; i < g->nprojects; i++) {
		free(g->projects[i].id);
		free(g->projects[i].slug);
		free(g->projects[i].title);
		free(g->projects[i].pubstatus);
	}
	free(g->projects);
	while (g->nphases)
		phase_forget(g, g->phases[0].id);
	free(g->phases);
	pthread_cond_destroy(&g->work);
	pthread_cond_destroy(&g->done);
	pthread_mutex_destroy(&g->mu);
	close(g->notify[0]);
	close(g->notify[1]);
	free(g->search_needle);
	free(g->search_ids);
	free(g->merge_status);
	free(g->my_id);
	free(g->my_email);
	for (int i = 0; i < g->ndepts; i++) {
		free(g->depts[i].code);
		free(g->depts[i].user);
		free(g->depts[i].title);
		free(g->depts[i].uuid);
	}
	free(g->depts);
	free(g);
}

static const struct store_ops gv_ops = {
	.close = gs_close,
	.describe = gs_describe,
	.whoami = gs_whoami,
	.refdata = gs_refdata,
	.counts = gs_counts,
	.page = gs_page,
	.position = gs_position,
	.search = gs_search,
	.idea = gs_idea,
	.flag_item = gs_flag_item,
	.suggestion = gs_suggestion,
	.author = gs_author,
	.merge_preview = gs_merge_preview,
	.merge = gs_merge,
	.dismiss_suggestion = gs_dismiss_suggestion,
	.assign = gs_assign,
	.set_status = gs_set_status,
	.reply = gs_reply,
	.verdict = gs_verdict,
	.block = gs_block,
	.unblock = gs_unblock,
	.timeline = gs_timeline,
	.phase_set_current = gs_phase_set_current,
	.phase_update = gs_phase_update,
	.phase_add = gs_phase_add,
	.phase_delete = gs_phase_delete,
	.undo = gs_undo,
	.claim = gs_claim,
	.release = gs_release,
	.staff = gs_staff,
	.audit = gs_audit,
	.notify_fd = gs_notify_fd,
	.changes = gs_changes,
	.poll_every = gs_poll_every,
	.check = gs_check,
};

/* The host part of the URL, for the status line (never a token or a password). */
static void describe_url(const char *url, char *buf, size_t n)
{
	const char *h = strstr(url, "://");
	size_t len;

	h = h ? h + 3 : url;
	len = strcspn(h, "/?#");
	snprintf(buf, n, "Go Vocal %.*s", (int)len, h);
}

enum status store_govocal_open(const char *base_url, const char *ca_file, const char *token,
			       const char *locale, struct store **out, struct err *e)
{
	struct gv_opts o = { base_url, ca_file, 0, -1 };
	struct gv_store *g;
	struct gv_client *c;
	enum status st;
	int rc;

	*out = NULL;
	st = gv_client_new(&o, &c, e);
	if (st != ST_OK)
		return st;
	gv_set_token(c, token, 0);
	if (!gv_logged_in(c)) {
		gv_client_free(c);
		err_set(e, _("Not logged in to the platform, or the session has expired: log in "
			     "again."));
		return ST_CONNECT;
	}
	g = xcalloc(1, sizeof(*g));
	g->base.ops = &gv_ops;
	g->base.without_claims = true;
	g->base.merge_by_status = true;
	g->my_role = ROLE_ADMIN;
	g->base.without_hiding = true;
	g->merge_status = xstrdup("merged");
	snprintf(g->base_url, sizeof(g->base_url), "%s", base_url);
	for (size_t n = strlen(g->base_url); n && g->base_url[n - 1] == '/'; n--)
		g->base_url[n - 1] = '\0';
	snprintf(g->base.locale, sizeof(g->base.locale), "%s", locale ? locale : "nl-BE");
	snprintf(g->base.console, sizeof(g->base.console), "api:%d", (int)getpid());
	describe_url(base_url, g->describe, sizeof(g->describe));
	g->client = c;
	g->page_size = PAGE_DEFAULT;
	if (pipe(g->notify) < 0) {
		err_set(e, _("Could not make a pipe: %s"), strerror(errno));
		gv_client_free(c);
		free(g);
		return ST_FAIL;
	}
	for (int i = 0; i < 2; i++) {
		fcntl(g->notify[i], F_SETFL, fcntl(g->notify[i], F_GETFL) | O_NONBLOCK);
		fcntl(g->notify[i], F_SETFD, FD_CLOEXEC);
	}
	pthread_mutex_init(&g->mu, NULL);
	pthread_cond_init(&g->work, NULL);
	pthread_cond_init(&g->done, NULL);
	if ((rc = pthread_create(&g->worker, NULL, worker_main, g)) != 0) {
		err_set(e, _("Could not start a thread for the network: %s"), strerror(rc));
		pthread_cond_destroy(&g->work);
		pthread_cond_destroy(&g->done);
		pthread_mutex_destroy(&g->mu);
		close(g->notify[0]);
		close(g->notify[1]);
		gv_client_free(c);
		free(g);
		return ST_FAIL;
	}
	*out = &g->base;
	return ST_OK;
}

struct login_args {
	const char *email, *password;
	char **token;
	int64_t *expires;
};

static enum status job_login(struct gv_store *g, void *arg, struct err *e)
{
	struct login_args *a = arg;
	enum status st = gv_login(g->client, a->email, a->password, a->token, a->expires, e);

	if (st == ST_OK) {
		gv_set_token(g->client, *a->token, *a->expires);
		invalidate_queues(g);
	}
	return st;
}

enum status store_govocal_login(struct store *s, const char *email, const char *password,
				char **token, int64_t *expires, struct err *e)
{
	struct login_args a = { email, password, token, expires };

	*token = NULL;
	*expires = 0;
	return run_once(G(s), job_login, &a, e);
}

void store_govocal_set_merge_status(struct store *s, const char *key)
{
	struct gv_store *g = G(s);

	if (key && *key) {
		free(g->merge_status);
		g->merge_status = xstrdup(key);
	}
}

void store_govocal_set_page_size(struct store *s, int size)
{
	G(s)->page_size = size > 0 ? size : PAGE_DEFAULT;
}

static enum status job_requests(struct gv_store *g, void *arg, struct err *e)
{
	(void)e;
	*(long *)arg = gv_client_requests(g->client);
	return ST_OK;
}

/* Asked on the worker: the client's counter is the worker's, and a fetch ahead may run. */
long store_govocal_requests(struct store *s)
{
	struct err e;
	long n = 0;

	run(G(s), job_requests, &n, &e);
	return n;
}
