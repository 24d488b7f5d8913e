/* The typed calls of the Go Vocal client: paths, query strings and request bodies as the
 * reference gives them, answers through the decoders of json.c. */
#include "config.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/govocal/internal.h"
#include "core/i18n.h"

enum kind { K_NONE, K_USERS, K_PROJECTS, K_PHASES, K_STATUSES, K_IDEAS, K_FEEDBACK,
	    K_MODERATIONS, K_SPAM_REPORTS, K_FLAGS };

static enum status decode(enum kind k, const char *buf, size_t len, void *out, struct err *e)
{
	switch (k) {
	case K_USERS: return gv_decode_users(buf, len, out, e);
	case K_PROJECTS: return gv_decode_projects(buf, len, out, e);
	case K_PHASES: return gv_decode_phases(buf, len, out, e);
	case K_STATUSES: return gv_decode_statuses(buf, len, out, e);
	case K_IDEAS: return gv_decode_ideas(buf, len, out, e);
	case K_FEEDBACK: return gv_decode_feedbacks(buf, len, out, e);
	case K_MODERATIONS: return gv_decode_moderations(buf, len, out, e);
	case K_SPAM_REPORTS: return gv_decode_spam_reports(buf, len, out, e);
	case K_FLAGS: return gv_decode_flags(buf, len, out, e);
	default: return ST_OK;
	}
}

/* Every list type starts with the same members (GV_LIST): clear one before filling it. */
struct any_list {
	void *v;
	size_t n;
	const char *next;
	struct gv_pool *pool;
};

static void list_clear(void *out)
{
	struct any_list *l = out;

	if (l)
		memset(l, 0, sizeof(*l));
}

/* One request; a 2xx answer is decoded into out (when given), anything else becomes the
 * message of gv_http_error. */
static enum status call(struct gv_client *c, enum gv_method m, const char *path,
			const char *body, enum kind k, void *out, struct err *e)
{
	struct gv_resp r;
	enum status st;

	list_clear(out);
	st = gv_request(c, m, path, body, &r, e);
	if (st != ST_OK)
		return st;
	if (r.status < 200 || r.status > 299) {
		st = gv_http_error(c, &r, m, path, e);
	} else if (out && k != K_NONE) {
		st = decode(k, r.body, r.len, out, e);
		if (st != ST_OK && m != GV_GET) {
			char saved[sizeof(e->msg)];

			snprintf(saved, sizeof(saved), "%s", e->msg);
			err_set(e, _("The change was saved, but its answer cannot be read: %s"),
				saved);
		}
	}
	gv_resp_free(&r);
	return st;
}

/* --- building paths ---------------------------------------------------------------------------- */

static void add_escaped(struct sbuf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || strchr("-._~", ch)) {
			sbuf_addc(b, (char)ch);
		} else {
			sbuf_addc(b, '%');
			sbuf_addc(b, hex[ch >> 4]);
			sbuf_addc(b, hex[ch & 15]);
		}
	}
}

/* key is written as is (brackets already encoded), the value escaped. */
static void q_add(struct sbuf *b, const char *key, const char *val)
{
	if (!val)
		return;
	sbuf_addc(b, strchr(b->s, '?') ? '&' : '?');
	sbuf_add(b, key);
	sbuf_addc(b, '=');
	add_escaped(b, val);
}

static void q_page(struct sbuf *b, struct gv_page pg)
{
	char n[24];

	snprintf(n, sizeof(n), "%d", pg.number > 0 ? pg.number : 1);
	q_add(b, "page%5Bnumber%5D", n);
	snprintf(n, sizeof(n), "%d", pg.size > 0 ? pg.size : 50);
	q_add(b, "page%5Bsize%5D", n);
}

static void path_id_to(struct sbuf *b, const char *before, const char *id, const char *after)
{
	sbuf_init(b);
	sbuf_add(b, before);
	add_escaped(b, id ? id : "");
	sbuf_add(b, after ? after : "");
}

/* "/ideas/" + escaped id + rest */
static char *path_id(const char *before, const char *id, const char *after)
{
	struct sbuf b;

	path_id_to(&b, before, id, after);
	return sbuf_take(&b);
}

/* The same, one page of a list: "/projects/<id>/phases?page[number]=..." */
static char *path_id_page(const char *before, const char *id, const char *after,
			  struct gv_page pg)
{
	struct sbuf b;

	path_id_to(&b, before, id, after);
	q_page(&b, pg);
	return sbuf_take(&b);
}

static bool need(const char *v, const char *what, struct err *e)
{
	if (v && *v)
		return true;
	err_set(e, _("No %s was given."), what);
	return false;
}

static enum status get_path(struct gv_client *c, char *path, enum kind k, void *out,
			    struct err *e)
{
	enum status st;

	gv_call_begin(c);
	st = call(c, GV_GET, path, NULL, k, out, e);
	free(path);
	return st;
}

static enum status write_path(struct gv_client *c, enum gv_method m, char *path, json_t *body,
			      enum kind k, void *out, struct err *e)
{
	char *json = body ? json_dumps(body, JSON_COMPACT) : NULL;
	enum status st;

	gv_call_begin(c);
	if (body && !json)
		die("out of memory");
	st = call(c, m, path, json, k, out, e);
	free(json);
	json_decref(body);
	free(path);
	return st;
}

/* --- log-in --------------------------------------------------------------------------------------- */

/* A JSON string into dst (room for 6 * strlen + 3), so the password passes through no
 * buffer we cannot wipe. */
static char *json_quote(char *dst, const char *s)
{
	static const char hex[] = "0123456789abcdef";

	*dst++ = '"';
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\') {
			*dst++ = '\\';
			*dst++ = (char)ch;
		} else if (ch < 0x20) {
			memcpy(dst, "\\u00", 4);
			dst[4] = hex[ch >> 4];
			dst[5] = hex[ch & 15];
			dst += 6;
		} else {
			*dst++ = (char)ch;
		}
	}
	*dst++ = '"';
	*dst = '\0';
	return dst;
}

static void wipe(void *p, size_t n)
{
	volatile unsigned char *v = p;

	while (n--)
		*v++ = 0;
}

enum status gv_login(struct gv_client *c, const char *email, const char *password, char **token,
		     int64_t *expires, struct err *e)
{
	size_t size = 6 * (strlen(email ? email : "") + strlen(password ? password : "")) + 96;
	char *body = xmalloc(size), *p;
	struct gv_resp r;
	enum status st;

	*token = NULL;
	*expires = 0;
	gv_call_begin(c);
	if (!email || !*email || !password || !*password) {
		free(body);
		err_set(e, _("Give an e-mail address and a password."));
		return ST_INVALID;
	}
	p = body + sprintf(body, "{\"auth\":{\"email\":");
	p = json_quote(p, email);
	p += sprintf(p, ",\"password\":");
	p = json_quote(p, password);
	strcpy(p, ",\"remember_me\":true}}");
	st = gv_request(c, GV_POST, "/user_token", body, &r, e);
	wipe(body, size);
	free(body);
	if (st != ST_OK)
		return st;
	if (r.status == 201 || r.status == 200) {
		st = gv_decode_jwt(r.body, r.len, token, e);
		if (st == ST_OK)
			*expires = gv_token_expiry(*token);
	} else if (r.status == 404) {
		/* The platform says no more than that: unknown address, wrong password, an
		 * invitation not accepted, or password log-in switched off (§2). */
		err_set(e, _("Wrong e-mail address or password (or this account cannot log in "
			     "with a password)."));
		st = ST_INVALID;
	} else if (r.status == 401) {
		err_set(e, _("The platform refused the log-in."));
		st = ST_INVALID;
	} else {
		st = gv_http_error(c, &r, GV_POST, "/user_token", e);
	}
	if (r.body)
		wipe(r.body, r.len);
	gv_resp_free(&r);
	return st;
}

/* --- reads ------------------------------------------------------------------------------------------ */

enum status gv_me(struct gv_client *c, struct gv_users *out, struct err *e)
{
	return get_path(c, xstrdup("/users/me"), K_USERS, out, e);
}

enum status gv_user_get(struct gv_client *c, const char *id, struct gv_users *out, struct err *e)
{
	list_clear(out);
	if (!need(id, _("user"), e))
		return ST_INVALID;
	return get_path(c, path_id("/users/", id, NULL), K_USERS, out, e);
}

enum status gv_project_moderators(struct gv_client *c, const char *project_id, struct gv_page pg,
				  struct gv_users *out, struct err *e)
{
	list_clear(out);
	if (!need(project_id, _("project"), e))
		return ST_INVALID;
	return get_path(c, path_id_page("/projects/", project_id, "/moderators", pg), K_USERS,
			out, e);
}

enum status gv_projects_list(struct gv_client *c, bool can_moderate, struct gv_page pg,
			     struct gv_projects *out, struct err *e)
{
	struct sbuf b;

	sbuf_init(&b);
	sbuf_add(&b, "/projects");
	if (can_moderate)
		q_add(&b, "filter_can_moderate", "true");
	q_page(&b, pg);
	return get_path(c, sbuf_take(&b), K_PROJECTS, out, e);
}

enum status gv_project_get(struct gv_client *c, const char *id, struct gv_projects *out,
			   struct err *e)
{
	list_clear(out);
	if (!need(id, _("project"), e))
		return ST_INVALID;
	return get_path(c, path_id("/projects/", id, NULL), K_PROJECTS, out, e);
}

enum status gv_phases_list(struct gv_client *c, const char *project_id, struct gv_page pg,
			   struct gv_phases *out, struct err *e)
{
	list_clear(out);
	if (!need(project_id, _("project"), e))
		return ST_INVALID;
	return get_path(c, path_id_page("/projects/", project_id, "/phases", pg), K_PHASES, out,
			e);
}

enum status gv_phase_get(struct gv_client *c, const char *id, struct gv_phases *out,
			 struct err *e)
{
	list_clear(out);
	if (!need(id, _("phase"), e))
		return ST_INVALID;
	return get_path(c, path_id("/phases/", id, NULL), K_PHASES, out, e);
}

enum status gv_statuses_list(struct gv_client *c, const char *method, struct gv_statuses *out,
			     struct err *e)
{
	struct sbuf b;

	sbuf_init(&b);
	sbuf_add(&b, "/idea_statuses");
	q_add(&b, "participation_method", method);
	return get_path(c, sbuf_take(&b), K_STATUSES, out, e);
}

static void idea_query(struct sbuf *b, const struct gv_idea_query *q, bool sort)
{
	static const struct gv_idea_query none;

	if (!q)
		q = &none;
	for (size_t i = 0; i < q->nprojects; i++)
		q_add(b, "projects%5B%5D", q->projects[i]);
	q_add(b, "phase", q->phase);
	q_add(b, "idea_status", q->status_id);
	q_add(b, "search", q->search && *q->search ? q->search : NULL);
	q_add(b, "assignee", q->assignee);
	q_add(b, "author", q->author);
	q_add(b, "publication_status", q->publication_status);
	if (q->feedback_needed)
		q_add(b, "feedback_needed", "true");
	for (size_t i = 0; i < q->nids; i++)
		q_add(b, "ideas%5B%5D", q->ids[i]);
	/* Without a sort the platform shuffles (random): pages would overlap. */
	if (sort)
		q_add(b, "sort", q->sort && *q->sort ? q->sort : "new");
}

enum status gv_ideas_list(struct gv_client *c, const struct gv_idea_query *q, struct gv_page pg,
			  struct gv_ideas *out, struct err *e)
{
	struct sbuf b;

	sbuf_init(&b);
	sbuf_add(&b, "/ideas");
	idea_query(&b, q, true);
	q_page(&b, pg);
	return get_path(c, sbuf_take(&b), K_IDEAS, out, e);
}

/* A count answer: GET path, then attributes.key. */
static enum status get_count(struct gv_client *c, char *path, const char *key, long *count,
			     struct err *e)
{
	struct gv_resp r;
	enum status st;

	gv_call_begin(c);
	*count = 0;
	st = gv_request(c, GV_GET, path, NULL, &r, e);
	if (st == ST_OK) {
		if (r.status == 200)
			st = gv_decode_count(r.body, r.len, key, count, e);
		else
			st = gv_http_error(c, &r, GV_GET, path, e);
		gv_resp_free(&r);
	}
	free(path);
	return st;
}

enum status gv_ideas_count(struct gv_client *c, const struct gv_idea_query *q, long *total,
			   struct err *e)
{
	struct sbuf b;

	sbuf_init(&b);
	sbuf_add(&b, "/ideas/filter_counts");
	idea_query(&b, q, false);
	return get_count(c, sbuf_take(&b), "total", total, e);
}

enum status gv_idea_get(struct gv_client *c, const char *id, struct gv_ideas *out,
			struct err *e)
{
	list_clear(out);
	if (!need(id, _("idea"), e))
		return ST_INVALID;
	return get_path(c, path_id("/ideas/", id, NULL), K_IDEAS, out, e);
}

enum status gv_feedback_list(struct gv_client *c, const char *idea_id, struct gv_page pg,
			     struct gv_feedbacks *out, struct err *e)
{
	list_clear(out);
	if (!need(idea_id, _("idea"), e))
		return ST_INVALID;
	return get_path(c, path_id_page("/ideas/", idea_id, "/official_feedback", pg), K_FEEDBACK,
			out, e);
}

static void moderation_query(struct sbuf *b, const struct gv_moderation_query *q)
{
	if (!q)
		return;
	q_add(b, "moderation_status", q->status);
	q_add(b, "moderatable_types%5B%5D", q->type);
	for (size_t i = 0; i < q->nproject_ids; i++)
		q_add(b, "project_ids%5B%5D", q->project_ids[i]);
	q_add(b, "search", q->search && *q->search ? q->search : NULL);
	if (q->flagged >= 0)
		q_add(b, "is_flagged", q->flagged ? "true" : "false");
}

enum status gv_moderations_list(struct gv_client *c, const struct gv_moderation_query *q,
				struct gv_page pg, struct gv_moderations *out, struct err *e)
{
	struct sbuf b;

	sbuf_init(&b);
	sbuf_add(&b, "/moderations");
	moderation_query(&b, q);
	q_page(&b, pg);
	return get_path(c, sbuf_take(&b), K_MODERATIONS, out, e);
}

enum status gv_moderations_count(struct gv_client *c, const struct gv_moderation_query *q,
				 long *count, struct err *e)
{
	struct sbuf b;

	sbuf_init(&b);
	sbuf_add(&b, "/moderations/moderations_count");
	moderation_query(&b, q);
	return get_count(c, sbuf_take(&b), "count", count, e);
}

enum status gv_flag_get(struct gv_client *c, const char *id, struct gv_flags *out,
			struct err *e)
{
	list_clear(out);
	if (!need(id, _("flag"), e))
		return ST_INVALID;
	return get_path(c, path_id("/inappropriate_content_flags/", id, NULL), K_FLAGS, out, e);
}

enum status gv_spam_reports_list(struct gv_client *c, const char *kind, const char *id,
				 struct gv_page pg, struct gv_spam_reports *out, struct err *e)
{
	list_clear(out);
	if (!kind || (strcmp(kind, "idea") != 0 && strcmp(kind, "comment") != 0)) {
		err_set(e, _("Reports exist for ideas and comments only."));
		return ST_INVALID;
	}
	if (!need(id, kind, e))
		return ST_INVALID;
	return get_path(c, path_id_page(strcmp(kind, "idea") == 0 ? "/ideas/" : "/comments/", id,
					"/spam_reports", pg), K_SPAM_REPORTS, out, e);
}

enum status gv_next(struct gv_client *c, const char *url, const char *what, void *out,
		    struct err *e)
{
	static const struct { const char *name; enum kind k; } kinds[] = {
		{ "ideas", K_IDEAS }, { "projects", K_PROJECTS }, { "phases", K_PHASES },
		{ "feedback", K_FEEDBACK }, { "moderations", K_MODERATIONS },
		{ "spam_reports", K_SPAM_REPORTS }, { "users", K_USERS },
	};

	list_clear(out);
	if (!need(url, _("page address"), e))
		return ST_INVALID;
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (what && strcmp(what, kinds[i].name) == 0)
			return get_path(c, xstrdup(url), kinds[i].k, out, e);
	err_set(e, "gv_next: unknown list \"%s\"", what ? what : "");
	return ST_INVALID;
}

/* --- writes ------------------------------------------------------------------------------------------- */

static json_t *multiloc_json(const struct gv_multiloc *m)
{
	json_t *o = json_object();

	for (size_t i = 0; m && i < m->n; i++)
		if (m->v[i].locale && m->v[i].text)
			json_object_set_new(o, m->v[i].locale, json_string(m->v[i].text));
	return o;
}

static enum status idea_patch(struct gv_client *c, const char *idea_id, const char *key,
			      const char *value, struct gv_ideas *out, struct err *e)
{
	json_t *body;

	list_clear(out);
	if (!need(idea_id, _("idea"), e))
		return ST_INVALID;
	body = json_pack("{s:{s:o}}", "idea", key, value ? json_string(value) : json_null());
	return write_path(c, GV_PATCH, path_id("/ideas/", idea_id, NULL), body, K_IDEAS, out, e);
}

enum status gv_idea_set_status(struct gv_client *c, const char *idea_id, const char *status_id,
			       struct gv_ideas *out, struct err *e)
{
	list_clear(out);
	if (!need(status_id, _("status"), e))
		return ST_INVALID;
	return idea_patch(c, idea_id, "idea_status_id", status_id, out, e);
}

enum status gv_idea_set_assignee(struct gv_client *c, const char *idea_id,
				 const char *assignee_id, struct gv_ideas *out, struct err *e)
{
	return idea_patch(c, idea_id, "assignee_id", assignee_id && *assignee_id ? assignee_id
								       : NULL, out, e);
}

enum status gv_feedback_post(struct gv_client *c, const char *idea_id,
			     const struct gv_multiloc *body, const struct gv_multiloc *signature,
			     struct gv_feedbacks *out, struct err *e)
{
	json_t *doc;

	list_clear(out);
	if (!need(idea_id, _("idea"), e))
		return ST_INVALID;
	doc = json_pack("{s:{s:o,s:o}}", "official_feedback", "body_multiloc",
			multiloc_json(body), "author_multiloc", multiloc_json(signature));
	return write_path(c, GV_POST, path_id("/ideas/", idea_id, "/official_feedback"), doc,
			  K_FEEDBACK, out, e);
}

static json_t *phase_json(const struct gv_phase_edit *p)
{
	json_t *ph = json_object();

	if (p->title.n)
		json_object_set_new(ph, "title_multiloc", multiloc_json(&p->title));
	if (p->start_at)
		json_object_set_new(ph, "start_at", json_string(p->start_at));
	if (p->end_at)
		json_object_set_new(ph, "end_at", *p->end_at ? json_string(p->end_at) : json_null());
	if (p->participation_method)
		json_object_set_new(ph, "participation_method",
				    json_string(p->participation_method));
	return json_pack("{s:o}", "phase", ph);
}

/* The overlap error does not say which phase is in the way (§4.5): find it among the
 * project's phases, so the message can name it. self: the phase being changed, or NULL. */
static void name_overlap(struct gv_client *c, const char *project_id, const char *self,
			 int64_t start, int64_t end, struct err *e)
{
	const char *generic = _("The dates overlap with another phase of the project.");
	struct gv_phases ph;
	struct sbuf names;
	struct err e2;
	char *at, from[32], to[32];
	int count = 0;

	if (!project_id || gv_phases_list(c, project_id, (struct gv_page){ 1, 250 }, &ph, &e2) !=
							      ST_OK)
		return;
	sbuf_init(&names);
	for (size_t i = 0; i < ph.n; i++) {
		const struct gv_phase *o = &ph.v[i];
		const char *title = gv_multiloc_get(&o->title, i18n_content_locale());

		if (self && strcmp(o->id, self) == 0)
			continue;
		if ((end && o->start_at >= end) || (o->end_at && o->end_at <= start))
			continue;
		gv_format_time(o->start_at, from, sizeof(from));
		if (count++)
			sbuf_add(&names, _(" and "));
		if (!o->end_at) {
			sbuf_addf(&names, _("\"%s\" (from %s, open-ended)"), title, from);
			continue;
		}
		/* The end is exclusive; a moderator reads the last day of the phase. */
		gv_format_time(o->end_at, to, sizeof(to));
		if (strlen(to) == 10) {
			gv_format_time(o->end_at - 12 * 3600, to, sizeof(to));
			to[10] = '\0';
		}
		sbuf_addf(&names, _("\"%s\" (%s to %s)"), title, from, to);
	}
	at = strstr(e->msg, generic);
	if (count && at) {
		char rest[sizeof(e->msg)], head[sizeof(e->msg)];

		snprintf(rest, sizeof(rest), "%s", at + strlen(generic));
		snprintf(head, sizeof(head), "%.*s", (int)(at - e->msg), e->msg);
		if (count == 1)
			err_set(e, _("%sThe dates overlap with the phase %s of the same project.%s"),
				head, names.s, rest);
		else
			err_set(e, _("%sThe dates overlap with the phases %s of the same project.%s"),
				head, names.s, rest);
	}
	sbuf_free(&names);
	GV_FREE(&ph);
}

static bool edit_time(const char *s, int64_t *t, struct err *e)
{
	*t = 0;
	if (!s || !*s)
		return true;
	if (gv_parse_time(s, t, NULL))
		return true;
	err_set(e, _("\"%s\" is not a date (use 2025-04-01, or a time like "
		     "2025-04-01T09:00:00+02:00)."), s);
	return false;
}

enum status gv_phase_create(struct gv_client *c, const char *project_id,
			    const struct gv_phase_edit *p, struct gv_phases *out, struct err *e)
{
	int64_t start, end;
	enum status st;

	list_clear(out);
	if (!need(project_id, _("project"), e) || !edit_time(p->start_at, &start, e) ||
	    !edit_time(p->end_at, &end, e))
		return ST_INVALID;
	st = write_path(c, GV_POST, path_id("/projects/", project_id, "/phases"), phase_json(p),
			K_PHASES, out, e);
	if (st == ST_INVALID && strstr(e->msg, _("The dates overlap with another phase")))
		name_overlap(c, project_id, NULL, start, end, e);
	return st;
}

enum status gv_phase_update(struct gv_client *c, const char *phase_id,
			    const struct gv_phase_edit *p, struct gv_phases *out, struct err *e)
{
	int64_t start, end;
	enum status st;

	list_clear(out);
	if (!need(phase_id, _("phase"), e) || !edit_time(p->start_at, &start, e) ||
	    !edit_time(p->end_at, &end, e))
		return ST_INVALID;
	st = write_path(c, GV_PATCH, path_id("/phases/", phase_id, NULL), phase_json(p),
			K_PHASES, out, e);
	if (st == ST_INVALID && strstr(e->msg, _("The dates overlap with another phase"))) {
		/* The dates not changed are the phase's own: read them. */
		struct gv_phases cur;
		struct err e2;

		if (gv_phase_get(c, phase_id, &cur, &e2) == ST_OK && cur.n == 1) {
			if (!p->start_at)
				start = cur.v[0].start_at;
			if (!p->end_at)
				end = cur.v[0].end_at;
			name_overlap(c, cur.v[0].project_id, phase_id, start, end, e);
		}
		GV_FREE(&cur);
	}
	return st;
}

enum status gv_phase_delete(struct gv_client *c, const char *phase_id, struct err *e)
{
	if (!need(phase_id, _("phase"), e))
		return ST_INVALID;
	return write_path(c, GV_DELETE, path_id("/phases/", phase_id, NULL), NULL, K_NONE, NULL,
			  e);
}

enum status gv_moderation_mark(struct gv_client *c, const char *type, const char *id, bool read,
			       struct err *e)
{
	struct sbuf b;
	json_t *body;

	if (!type || (strcmp(type, "Idea") != 0 && strcmp(type, "Comment") != 0)) {
		err_set(e, _("Only ideas and comments can be marked read."));
		return ST_INVALID;
	}
	if (!need(id, _("item"), e))
		return ST_INVALID;
	sbuf_init(&b);
	sbuf_addf(&b, "/moderations/%s/", type);
	add_escaped(&b, id);
	body = json_pack("{s:{s:s}}", "moderation", "moderation_status", read ? "read" : "unread");
	return write_path(c, GV_PATCH, sbuf_take(&b), body, K_NONE, NULL, e);
}

enum status gv_flag_dismiss(struct gv_client *c, const char *flag_id, struct err *e)
{
	if (!need(flag_id, _("flag"), e))
		return ST_INVALID;
	return write_path(c, GV_PATCH,
			  path_id("/inappropriate_content_flags/", flag_id, "/mark_as_deleted"),
			  NULL, K_NONE, NULL, e);
}

enum status gv_flag_restore(struct gv_client *c, const char *flag_id, struct err *e)
{
	if (!need(flag_id, _("flag"), e))
		return ST_INVALID;
	return write_path(c, GV_PATCH,
			  path_id("/inappropriate_content_flags/", flag_id, "/mark_as_flagged"),
			  NULL, K_NONE, NULL, e);
}

enum status gv_idea_delete(struct gv_client *c, const char *idea_id, struct err *e)
{
	if (!need(idea_id, _("idea"), e))
		return ST_INVALID;
	return write_path(c, GV_DELETE, path_id("/ideas/", idea_id, NULL), NULL, K_NONE, NULL, e);
}

enum status gv_comment_remove(struct gv_client *c, const char *comment_id, const char *reason,
			      const char *other_reason, struct err *e)
{
	json_t *body;

	if (!need(comment_id, _("comment"), e) || !need(reason, _("reason"), e))
		return ST_INVALID;
	body = json_pack("{s:{s:s}}", "comment", "reason_code", reason);
	if (other_reason && *other_reason)
		json_object_set_new(json_object_get(body, "comment"), "other_reason",
				    json_string(other_reason));
	return write_path(c, GV_POST, path_id("/comments/", comment_id, "/mark_as_deleted"), body,
			  K_NONE, NULL, e);
}
