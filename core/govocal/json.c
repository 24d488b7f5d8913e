/* Decoding the platform's JSON:API answers into the plain structs of client.h. Nothing from
 * the network is trusted: every field is checked for presence and type, and the first
 * problem ends the decoding with a sentence saying where it is. */
#include "config.h"

#include <jansson.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/govocal/internal.h"
#include "core/i18n.h"

/* --- the pool: one allocation context per answer, freed at once ---------------------------- */

struct blk {
	struct blk *next;
	size_t used, cap;
	alignas(max_align_t) unsigned char data[];
};

struct gv_pool {
	struct blk *head;
};

struct gv_pool *gv_pool_new(void)
{
	return xcalloc(1, sizeof(struct gv_pool));
}

void *gv_pool_alloc(struct gv_pool *p, size_t n)
{
	const size_t align = alignof(max_align_t);
	struct blk *b = p->head;
	void *r;

	n = (n + align - 1) / align * align;
	if (!n)
		n = align;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > 8192 ? n : 8192;

		b = xmalloc(sizeof(*b) + cap);
		b->cap = cap;
		b->used = 0;
		b->next = p->head;
		p->head = b;
	}
	r = b->data + b->used;
	b->used += n;
	memset(r, 0, n);
	return r;
}

const char *gv_pool_strdup(struct gv_pool *p, const char *s)
{
	size_t n = strlen(s) + 1;
	char *r = gv_pool_alloc(p, n);

	memcpy(r, s, n);
	return r;
}

void gv_list_free(struct gv_pool **pool)
{
	struct blk *b, *next;

	if (!pool || !*pool)
		return;
	for (b = (*pool)->head; b; b = next) {
		next = b->next;
		free(b);
	}
	free(*pool);
	*pool = NULL;
}

/* --- multilocs ---------------------------------------------------------------------------- */

static const char *loc_exact(const struct gv_multiloc *m, const char *locale, size_t cmp)
{
	for (size_t i = 0; i < m->n; i++) {
		const char *l = m->v[i].locale;

		if (!m->v[i].text[0])
			continue;
		if (cmp ? strncmp(l, locale, cmp) == 0 && (l[cmp] == '-' || !l[cmp])
			: strcmp(l, locale) == 0)
			return m->v[i].text;
	}
	return NULL;
}

const char *gv_multiloc_get(const struct gv_multiloc *m, const char *locale)
{
	const char *t = NULL;

	if (!m || !m->n)
		return "";
	if (locale) {
		t = loc_exact(m, locale, 0);
		if (!t)
			t = loc_exact(m, locale, strcspn(locale, "-_"));
	}
	if (!t)
		t = loc_exact(m, "nl-BE", 0);
	if (!t)
		t = loc_exact(m, "en", 0);
	for (size_t i = 0; !t && i < m->n; i++)
		if (m->v[i].text[0])
			t = m->v[i].text;
	return t ? t : "";
}

/* --- times: the platform's zone is Europe/Brussels (dates and zone-less times) -------------- */

static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static int days_in_month(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return n[m - 1];
}

/* The last Sunday of a month, 01:00 UTC: when EU summer time starts and ends. */
static int64_t last_sunday_1utc(int y, int m)
{
	int64_t day = days_from_civil(y, m, days_in_month(y, m));
	int wd = (int)(((day % 7) + 11) % 7); /* 1970-01-01 was a Thursday: 0 = Sunday */

	return (day - wd) * 86400 + 3600;
}

static bool brussels_dst(int64_t t, int y)
{
	return t >= last_sunday_1utc(y, 3) && t < last_sunday_1utc(y, 10);
}

static int64_t brussels_to_utc(int y, int mo, int d, int h, int mi, int s)
{
	int64_t naive = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
	int64_t t = naive - 3600;

	return brussels_dst(t, y) ? naive - 7200 : t;
}

static bool digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return false;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return true;
}

bool gv_parse_time(const char *s, int64_t *out, bool *date_only)
{
	int y, mo, d, h = 0, mi = 0, sec = 0, zh, zm;
	const char *p = s;
	int64_t t;

	if (date_only)
		*date_only = false;
	if (!s || !digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &mo) || *p++ != '-' ||
	    !digits(&p, 2, &d) || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
		return false;
	if (!*p) {
		if (date_only)
			*date_only = true;
		*out = brussels_to_utc(y, mo, d, 0, 0, 0);
		return true;
	}
	if ((*p != 'T' && *p != ' ') || (p++, !digits(&p, 2, &h)) || *p++ != ':' ||
	    !digits(&p, 2, &mi) || h > 23 || mi > 59)
		return false;
	if (*p == ':') {
		p++;
		if (!digits(&p, 2, &sec) || sec > 60)
			return false;
		if (*p == '.') {
			p++;
			if (*p < '0' || *p > '9')
				return false;
			while (*p >= '0' && *p <= '9')
				p++;
		}
	}
	if (!*p) {
		*out = brussels_to_utc(y, mo, d, h, mi, sec);
		return true;
	}
	t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
	if ((*p == 'Z' || *p == 'z') && !p[1]) {
		*out = t;
		return true;
	}
	if (*p != '+' && *p != '-')
		return false;
	{
		int sign = *p++ == '+' ? 1 : -1;

		if (!digits(&p, 2, &zh))
			return false;
		if (*p == ':')
			p++;
		if (!digits(&p, 2, &zm) || *p || zh > 23 || zm > 59)
			return false;
		*out = t - sign * (zh * 3600 + zm * 60);
	}
	return true;
}

/* Brussels midnight t (a date's start) to the next midnight, summer time switches included. */
static int64_t next_midnight(int64_t t)
{
	int y = (int)(1970 + t / 31556952);
	int64_t n = t + 86400;
	int before = brussels_dst(t, y) ? 7200 : 3600, after = brussels_dst(n, y) ? 7200 : 3600;

	return n + before - after;
}

void gv_format_time(int64_t t, char *buf, size_t size)
{
	int64_t local, day, rem;
	int64_t z, era, doe, yoe, y, doy, mp, d, m;

	/* The offset at t; near a switch an hour either way does not change a date. */
	for (int i = 0; i < 2; i++) {
		local = t + 3600;
		day = local / 86400 - (local % 86400 < 0);
		z = day + 719468;
		era = (z >= 0 ? z : z - 146096) / 146097;
		doe = z - era * 146097;
		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
		y = yoe + era * 400;
		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
		mp = (5 * doy + 2) / 153;
		d = doy - (153 * mp + 2) / 5 + 1;
		m = mp < 10 ? mp + 3 : mp - 9;
		y += m <= 2;
		if (i == 0 && brussels_dst(t, (int)y))
			t += 3600;
		else
			break;
	}
	rem = local - day * 86400;
	if (rem == 0)
		snprintf(buf, size, "%04lld-%02lld-%02lld", (long long)y, (long long)m, (long long)d);
	else
		snprintf(buf, size, "%04lld-%02lld-%02lld %02lld:%02lld", (long long)y, (long long)m,
			 (long long)d, (long long)(rem / 3600), (long long)(rem % 3600 / 60));
}

/* --- the decoder -------------------------------------------------------------------------- */

struct dec {
	struct gv_pool *pool;
	struct err *e;
	bool failed;
	char where[64]; /* "record 3 (idea)" or "the answer" */
};

static const char *jtype_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return _("an object");
	case JSON_ARRAY: return _("a list");
	case JSON_STRING: return _("text");
	case JSON_INTEGER:
	case JSON_REAL: return _("a number");
	case JSON_TRUE:
	case JSON_FALSE: return _("true/false");
	default: return _("null");
	}
}

static void fail_missing(struct dec *d, const char *key)
{
	if (d->failed)
		return;
	d->failed = true;
	err_set(d->e, _("The platform's answer is incomplete: \"%s\" is missing in %s."), key,
		d->where);
}

static void fail_type(struct dec *d, const char *key, const json_t *v, const char *want)
{
	if (d->failed)
		return;
	d->failed = true;
	err_set(d->e, _("The platform's answer is not as expected: \"%s\" in %s is %s, not %s."),
		key, d->where, jtype_name(v), want);
}

enum { OPT = 0, REQ = 1 };

/* The member key of obj when it has the wanted type; NULL (and a failure when required)
 * when it is absent or null, a failure when it has another type. */
static json_t *member(struct dec *d, json_t *obj, const char *key, json_type t, int req,
		      const char *want)
{
	json_t *v = obj ? json_object_get(obj, key) : NULL;

	if (d->failed)
		return NULL;
	if (!v || json_is_null(v)) {
		if (req)
			fail_missing(d, key);
		return NULL;
	}
	if (json_typeof(v) != t && !(t == JSON_TRUE && json_is_boolean(v))) {
		fail_type(d, key, v, want);
		return NULL;
	}
	return v;
}

static const char *get_str(struct dec *d, json_t *obj, const char *key, int req)
{
	json_t *v = member(d, obj, key, JSON_STRING, req, _("text"));

	return v ? gv_pool_strdup(d->pool, json_string_value(v)) : NULL;
}

static long get_long(struct dec *d, json_t *obj, const char *key, int req)
{
	json_t *v = json_object_get(obj, key);

	/* A count rendered as 3.0 is still a count. */
	if (v && json_is_real(v) && json_real_value(v) > -1e15 && json_real_value(v) < 1e15)
		return (long)json_real_value(v);
	v = member(d, obj, key, JSON_INTEGER, req, _("a whole number"));
	return v ? (long)json_integer_value(v) : 0;
}

static bool get_bool(struct dec *d, json_t *obj, const char *key)
{
	json_t *v = member(d, obj, key, JSON_TRUE, OPT, _("true/false"));

	return v && json_is_true(v);
}

static int64_t get_time(struct dec *d, json_t *obj, const char *key, int req, bool *date_only)
{
	json_t *v = member(d, obj, key, JSON_STRING, req, _("a time"));
	int64_t t = 0;

	if (v && !gv_parse_time(json_string_value(v), &t, date_only) && !d->failed) {
		d->failed = true;
		err_set(d->e, _("The platform's answer is not as expected: \"%s\" in %s is not a "
				"time."), key, d->where);
	}
	return t;
}

static struct gv_multiloc get_multiloc(struct dec *d, json_t *obj, const char *key, int req)
{
	struct gv_multiloc m = { NULL, 0 };
	json_t *v = member(d, obj, key, JSON_OBJECT, req, _("a text per language"));
	struct gv_loc *locs;
	const char *k;
	json_t *t;
	size_t i = 0;

	if (!v)
		return m;
	locs = gv_pool_alloc(d->pool, (json_object_size(v) + 1) * sizeof(*locs));
	json_object_foreach(v, k, t) {
		if (json_is_null(t))
			continue;
		if (!json_is_string(t)) {
			fail_type(d, key, t, _("text"));
			return m;
		}
		locs[i].locale = gv_pool_strdup(d->pool, k);
		locs[i].text = gv_pool_strdup(d->pool, json_string_value(t));
		i++;
	}
	m.v = locs;
	m.n = i;
	return m;
}

/* A to-one relationship: true when the relationship is there (even with "data": null). */
static bool get_rel(struct dec *d, json_t *rels, const char *key, int req, struct gv_ref *out)
{
	json_t *r = member(d, rels, key, JSON_OBJECT, req, _("a relationship"));
	json_t *data;

	out->type = out->id = NULL;
	if (!r)
		return false;
	/* JSON:API allows a relationship with links only: nothing known about it then. */
	if (!json_object_get(r, "data"))
		return false;
	data = member(d, r, "data", JSON_OBJECT, OPT, _("a reference"));
	if (data) {
		out->id = get_str(d, data, "id", REQ);
		out->type = get_str(d, data, "type", REQ);
	}
	return !d->failed;
}

static const char *const *get_rel_ids(struct dec *d, json_t *rels, const char *key, size_t *n)
{
	json_t *r = member(d, rels, key, JSON_OBJECT, OPT, _("a relationship"));
	json_t *data, *x;
	const char **ids;
	size_t i;

	*n = 0;
	if (!r)
		return NULL;
	data = member(d, r, "data", JSON_ARRAY, OPT, _("a list"));
	if (!data)
		return NULL;
	ids = gv_pool_alloc(d->pool, (json_array_size(data) + 1) * sizeof(*ids));
	json_array_foreach(data, i, x) {
		if (!json_is_object(x)) {
			fail_type(d, key, x, _("a reference"));
			return NULL;
		}
		ids[i] = get_str(d, x, "id", REQ);
	}
	*n = json_array_size(data);
	return d->failed ? NULL : ids;
}

/* --- one record per type ------------------------------------------------------------------- */

typedef void (*rec_fn)(struct dec *d, json_t *rec, json_t *attrs, json_t *rels, void *out);

static void dec_user(struct dec *d, json_t *rec, json_t *a, json_t *rels, void *out)
{
	struct gv_user *u = out;
	json_t *roles, *r;
	struct gv_role *v;
	size_t i;

	(void)rec;
	(void)rels;
	u->first_name = get_str(d, a, "first_name", OPT);
	u->last_name = get_str(d, a, "last_name", OPT);
	u->display_name = get_str(d, a, "display_name", OPT);
	u->email = get_str(d, a, "email", OPT);
	u->locale = get_str(d, a, "locale", OPT);
	u->highest_role = get_str(d, a, "highest_role", OPT);
	u->blocked = get_bool(d, a, "blocked");
	u->block_end_at = get_time(d, a, "block_end_at", OPT, NULL);
	u->created_at = get_time(d, a, "created_at", OPT, NULL);
	roles = member(d, a, "roles", JSON_ARRAY, OPT, _("a list"));
	if (!roles)
		return;
	v = gv_pool_alloc(d->pool, (json_array_size(roles) + 1) * sizeof(*v));
	json_array_foreach(roles, i, r) {
		if (!json_is_object(r)) {
			fail_type(d, "roles", r, _("an object"));
			return;
		}
		v[i].type = get_str(d, r, "type", REQ);
		v[i].project_id = get_str(d, r, "project_id", OPT);
		v[i].project_folder_id = get_str(d, r, "project_folder_id", OPT);
	}
	u->roles = v;
	u->nroles = json_array_size(roles);
}

static void dec_project(struct dec *d, json_t *rec, json_t *a, json_t *rels, void *out)
{
	struct gv_project *p = out;
	struct gv_ref r;

	(void)rec;
	p->title = get_multiloc(d, a, "title_multiloc", REQ);
	p->description_preview = get_multiloc(d, a, "description_preview_multiloc", OPT);
	p->slug = get_str(d, a, "slug", OPT);
	p->publication_status = get_str(d, a, "publication_status", OPT);
	p->visible_to = get_str(d, a, "visible_to", OPT);
	p->folder_id = get_str(d, a, "folder_id", OPT);
	p->timeline_active = get_str(d, a, "timeline_active", OPT);
	p->ideas_count = get_long(d, a, "ideas_count", OPT);
	p->comments_count = get_long(d, a, "comments_count", OPT);
	p->participants_count = get_long(d, a, "participants_count", OPT);
	p->created_at = get_time(d, a, "created_at", OPT, NULL);
	p->updated_at = get_time(d, a, "updated_at", OPT, NULL);
	if (get_rel(d, rels, "current_phase", OPT, &r))
		p->current_phase_id = r.id;
	p->default_assignee_known = get_rel(d, rels, "default_assignee", OPT, &r);
	p->default_assignee_id = r.id;
}

static void dec_phase(struct dec *d, json_t *rec, json_t *a, json_t *rels, void *out)
{
	struct gv_phase *p = out;
	struct gv_ref r;
	bool start_date = false, end_date = false;

	(void)rec;
	p->title = get_multiloc(d, a, "title_multiloc", REQ);
	p->description = get_multiloc(d, a, "description_multiloc", OPT);
	p->start_at = get_time(d, a, "start_at", REQ, &start_date);
	p->end_at = get_time(d, a, "end_at", OPT, &end_date);
	/* An older platform's end day is inclusive: the phase ends at the next midnight. */
	if (end_date && p->end_at)
		p->end_at = next_midnight(p->end_at);
	p->dates_only = start_date;
	p->participation_method = get_str(d, a, "participation_method", OPT);
	p->submission_enabled = get_bool(d, a, "submission_enabled");
	p->commenting_enabled = get_bool(d, a, "commenting_enabled");
	p->reacting_enabled = get_bool(d, a, "reacting_enabled");
	p->ideas_count = get_long(d, a, "ideas_count", OPT);
	p->previous_phase_end_at_updated = get_bool(d, a, "previous_phase_end_at_updated");
	p->created_at = get_time(d, a, "created_at", OPT, NULL);
	p->updated_at = get_time(d, a, "updated_at", OPT, NULL);
	if (get_rel(d, rels, "project", OPT, &r))
		p->project_id = r.id;
}

static void dec_status(struct dec *d, json_t *rec, json_t *a, json_t *rels, void *out)
{
	struct gv_status *s = out;

	(void)rec;
	(void)rels;
	s->title = get_multiloc(d, a, "title_multiloc", REQ);
	s->description = get_multiloc(d, a, "description_multiloc", OPT);
	s->code = get_str(d, a, "code", REQ);
	s->color = get_str(d, a, "color", OPT);
	s->participation_method = get_str(d, a, "participation_method", OPT);
	s->ordering = get_long(d, a, "ordering", OPT);
	s->ideas_count = get_long(d, a, "ideas_count", OPT);
	s->locked = get_bool(d, a, "locked");
	s->can_manually_transition_to = get_bool(d, a, "can_manually_transition_to");
}

static void dec_idea(struct dec *d, json_t *rec, json_t *a, json_t *rels, void *out)
{
	struct gv_idea *i = out;
	struct gv_ref r;

	(void)rec;
	i->title = get_multiloc(d, a, "title_multiloc", REQ);
	i->body = get_multiloc(d, a, "body_multiloc", OPT);
	i->slug = get_str(d, a, "slug", OPT);
	i->publication_status = get_str(d, a, "publication_status", OPT);
	i->author_name = get_str(d, a, "author_name", OPT);
	i->location_description = get_str(d, a, "location_description", OPT);
	i->anonymous = get_bool(d, a, "anonymous");
	i->likes_count = get_long(d, a, "likes_count", OPT);
	i->dislikes_count = get_long(d, a, "dislikes_count", OPT);
	i->comments_count = get_long(d, a, "comments_count", OPT);
	i->official_feedbacks_count = get_long(d, a, "official_feedbacks_count", OPT);
	i->followers_count = get_long(d, a, "followers_count", OPT);
	i->votes_count = get_long(d, a, "votes_count", OPT);
	i->created_at = get_time(d, a, "created_at", OPT, NULL);
	i->updated_at = get_time(d, a, "updated_at", OPT, NULL);
	i->published_at = get_time(d, a, "published_at", OPT, NULL);
	if (!rels && !d->failed)
		fail_missing(d, "relationships");
	get_rel(d, rels, "project", REQ, &r);
	i->project_id = r.id;
	if (!i->project_id && !d->failed)
		fail_missing(d, "project");
	get_rel(d, rels, "idea_status", OPT, &r);
	i->status_id = r.id;
	get_rel(d, rels, "author", OPT, &r);
	i->author_id = r.id;
	i->assignee_known = get_rel(d, rels, "assignee", OPT, &r);
	i->assignee_id = r.id;
	i->phase_ids = get_rel_ids(d, rels, "phases", &i->nphases);
	if (rels && json_object_get(rels, "input_topics"))
		i->topic_ids = get_rel_ids(d, rels, "input_topics", &i->ntopics);
	else
		i->topic_ids = get_rel_ids(d, rels, "topics", &i->ntopics);
}

static void dec_feedback(struct dec *d, json_t *rec, json_t *a, json_t *rels, void *out)
{
	struct gv_feedback *f = out;
	struct gv_ref r;

	(void)rec;
	f->body = get_multiloc(d, a, "body_multiloc", REQ);
	f->author = get_multiloc(d, a, "author_multiloc", OPT);
	f->created_at = get_time(d, a, "created_at", OPT, NULL);
	f->updated_at = get_time(d, a, "updated_at", OPT, NULL);
	/* Older platforms name the idea "post" (polymorphic). */
	if (rels && json_object_get(rels, "post"))
		get_rel(d, rels, "post", OPT, &r);
	else
		get_rel(d, rels, "idea", OPT, &r);
	f->idea_id = r.id;
	get_rel(d, rels, "user", OPT, &r);
	f->user_id = r.id;
}

static void dec_flag(struct dec *d, json_t *rec, json_t *a, json_t *rels, void *out)
{
	struct gv_flag *f = out;

	(void)rec;
	f->toxicity_label = get_str(d, a, "toxicity_label", OPT);
	f->reason_code = get_str(d, a, "reason_code", OPT);
	f->deleted_at = get_time(d, a, "deleted_at", OPT, NULL);
	get_rel(d, rels, "flaggable", OPT, &f->flaggable);
}

static void dec_belongs(struct dec *d, json_t *bt, const char *key, const char **id,
			const char **slug, struct gv_multiloc *title)
{
	json_t *o = member(d, bt, key, JSON_OBJECT, OPT, _("an object"));

	if (!o)
		return;
	*id = get_str(d, o, "id", REQ);
	*slug = get_str(d, o, "slug", OPT);
	*title = get_multiloc(d, o, "title_multiloc", OPT);
}

static void dec_moderation(struct dec *d, json_t *rec, json_t *a, json_t *rels, void *out)
{
	struct gv_moderation *m = out;
	json_t *bt;
	struct gv_ref r;

	(void)rec;
	m->moderatable_type = get_str(d, a, "moderatable_type", REQ);
	m->moderation_status = get_str(d, a, "moderation_status", OPT);
	m->content_title = get_multiloc(d, a, "content_title_multiloc", OPT);
	m->content_body = get_multiloc(d, a, "content_body_multiloc", OPT);
	m->content_slug = get_str(d, a, "content_slug", OPT);
	m->created_at = get_time(d, a, "created_at", OPT, NULL);
	bt = member(d, a, "belongs_to", JSON_OBJECT, OPT, _("an object"));
	dec_belongs(d, bt, "project", &m->project_id, &m->project_slug, &m->project_title);
	dec_belongs(d, bt, "idea", &m->idea_id, &m->idea_slug, &m->idea_title);
	/* Never flagged: no relationship at all, or "data": null (both seen). */
	if (get_rel(d, rels, "inappropriate_content_flag", OPT, &r))
		m->flag_id = r.id;
}

static void dec_report(struct dec *d, json_t *rec, json_t *a, json_t *rels, void *out)
{
	struct gv_spam_report *s = out;
	struct gv_ref r;

	(void)rec;
	s->reason_code = get_str(d, a, "reason_code", OPT);
	s->other_reason = get_str(d, a, "other_reason", OPT);
	s->reported_at = get_time(d, a, "reported_at", OPT, NULL);
	get_rel(d, rels, "spam_reportable", OPT, &s->reportable);
	get_rel(d, rels, "user", OPT, &r);
	s->user_id = r.id;
}

/* --- documents ------------------------------------------------------------------------------ */

static json_t *parse(const char *buf, size_t len, struct err *e)
{
	json_error_t je;
	json_t *root;

	if (!buf || !len) {
		err_set(e, _("The platform sent an empty answer where data was expected."));
		return NULL;
	}
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		if (je.position >= (int)len || strstr(je.text, "premature end"))
			err_set(e, _("The platform's answer was cut off (%zu bytes arrived)."), len);
		else
			err_set(e, _("The platform's answer is not valid JSON (line %d, column %d)."),
				je.line, je.column);
		return NULL;
	}
	if (!json_is_object(root)) {
		err_set(e, _("The platform's answer is not as expected: the document is not an "
			     "object."));
		json_decref(root);
		return NULL;
	}
	return root;
}

static bool dec_record(struct dec *d, json_t *rec, size_t idx, const char *type, rec_fn fn,
		       void *out, const char **id)
{
	json_t *attrs, *rels;
	const char *t;

	if (idx == (size_t)-1)
		snprintf(d->where, sizeof(d->where), _("the %s"), type);
	else
		snprintf(d->where, sizeof(d->where), _("record %zu (%s)"), idx + 1, type);
	if (!json_is_object(rec)) {
		fail_type(d, "data", rec, _("an object"));
		return false;
	}
	*id = get_str(d, rec, "id", REQ);
	t = get_str(d, rec, "type", REQ);
	if (!d->failed && strcmp(t, type) != 0) {
		d->failed = true;
		err_set(d->e, _("The platform's answer is not as expected: it holds a %s where a "
				"%s was expected."), t, type);
		return false;
	}
	attrs = member(d, rec, "attributes", JSON_OBJECT, REQ, _("an object"));
	rels = member(d, rec, "relationships", JSON_OBJECT, OPT, _("an object"));
	if (!d->failed)
		fn(d, rec, attrs, rels, out);
	return !d->failed;
}

/* Decode "data" (one record or a list) of a document into an array of records of size
 * elem, and links.next. */
static enum status dec_doc(const char *buf, size_t len, const char *type, size_t elem,
			   rec_fn fn, void **v, size_t *n, const char **next,
			   struct gv_pool **pool, json_t **included, struct err *e)
{
	struct dec d = { NULL, e, false, "" };
	json_t *root = parse(buf, len, e), *data, *links, *x;
	unsigned char *arr;
	size_t i, count;

	*v = NULL;
	*n = 0;
	*next = NULL;
	*pool = NULL;
	if (!root)
		return ST_FAIL;
	d.pool = gv_pool_new();
	snprintf(d.where, sizeof(d.where), "%s", _("the answer"));
	data = json_object_get(root, "data");
	if (!data) {
		fail_missing(&d, "data");
	} else if (json_is_array(data)) {
		count = json_array_size(data);
		arr = gv_pool_alloc(d.pool, (count + 1) * elem);
		json_array_foreach(data, i, x) {
			if (!dec_record(&d, x, i, type, fn, arr + i * elem,
					(const char **)(arr + i * elem)))
				break;
		}
		*v = arr;
		*n = count;
	} else if (json_is_object(data)) {
		arr = gv_pool_alloc(d.pool, elem);
		dec_record(&d, data, (size_t)-1, type, fn, arr, (const char **)arr);
		*v = arr;
		*n = 1;
	} else {
		fail_type(&d, "data", data, _("a record or a list"));
	}
	snprintf(d.where, sizeof(d.where), "%s", _("the answer"));
	links = member(&d, root, "links", JSON_OBJECT, OPT, _("an object"));
	if (links)
		*next = get_str(&d, links, "next", OPT);
	if (!d.failed && included) {
		*included = member(&d, root, "included", JSON_ARRAY, OPT, _("a list"));
		if (*included)
			json_incref(*included);
	}
	json_decref(root);
	if (d.failed) {
		gv_list_free(&d.pool);
		*v = NULL;
		*n = 0;
		*next = NULL;
		return ST_FAIL;
	}
	*pool = d.pool;
	return ST_OK;
}

/* The id is the first member of every record struct: dec_record writes it there. */
#define DECODER(fname, list, type, fn) \
	enum status fname(const char *buf, size_t len, struct list *out, struct err *e) \
	{ \
		void *v; \
		enum status st = dec_doc(buf, len, type, sizeof(*out->v), fn, &v, &out->n, \
					 &out->next, &out->pool, NULL, e); \
		out->v = v; \
		return st; \
	}

DECODER(gv_decode_users, gv_users, "user", dec_user)
DECODER(gv_decode_projects, gv_projects, "project", dec_project)
DECODER(gv_decode_phases, gv_phases, "phase", dec_phase)
DECODER(gv_decode_statuses, gv_statuses, "idea_status", dec_status)
DECODER(gv_decode_ideas, gv_ideas, "idea", dec_idea)
DECODER(gv_decode_feedbacks, gv_feedbacks, "official_feedback", dec_feedback)
DECODER(gv_decode_spam_reports, gv_spam_reports, "spam_report", dec_report)
DECODER(gv_decode_flags, gv_flags, "inappropriate_content_flag", dec_flag)

/* Inbox items, and the flags of "included" attached to them. */
enum status gv_decode_moderations(const char *buf, size_t len, struct gv_moderations *out,
				  struct err *e)
{
	json_t *inc = NULL, *x;
	struct dec d = { NULL, e, false, "" };
	void *v;
	size_t i;
	enum status st = dec_doc(buf, len, "moderation", sizeof(*out->v), dec_moderation, &v,
				 &out->n, &out->next, &out->pool, &inc, e);

	out->v = v;
	if (st != ST_OK || !inc)
		return st;
	d.pool = out->pool;
	json_array_foreach(inc, i, x) {
		struct gv_flag *f;
		json_t *t = json_is_object(x) ? json_object_get(x, "type") : NULL;

		if (!t || !json_is_string(t) ||
		    strcmp(json_string_value(t), "inappropriate_content_flag") != 0)
			continue;
		f = gv_pool_alloc(d.pool, sizeof(*f));
		if (!dec_record(&d, x, i, "inappropriate_content_flag", dec_flag, f, &f->id))
			break;
		for (size_t k = 0; k < out->n; k++)
			if (out->v[k].flag_id && strcmp(out->v[k].flag_id, f->id) == 0)
				out->v[k].flag = f;
	}
	json_decref(inc);
	if (d.failed) {
		GV_FREE(out);
		return ST_FAIL;
	}
	return ST_OK;
}

enum status gv_decode_count(const char *buf, size_t len, const char *key, long *out,
			    struct err *e)
{
	struct dec d = { NULL, e, false, "" };
	json_t *root = parse(buf, len, e), *data, *attrs;

	*out = 0;
	if (!root)
		return ST_FAIL;
	snprintf(d.where, sizeof(d.where), "%s", _("the answer"));
	data = member(&d, root, "data", JSON_OBJECT, REQ, _("an object"));
	attrs = member(&d, data, "attributes", JSON_OBJECT, REQ, _("an object"));
	*out = get_long(&d, attrs, key, REQ);
	if (!d.failed && *out < 0) {
		d.failed = true;
		err_set(e, _("The platform's answer is not as expected: a negative count."));
	}
	json_decref(root);
	return d.failed ? ST_FAIL : ST_OK;
}

/* A token goes into an HTTP header: nothing but the characters of a JWT. */
static bool jwt_chars(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=",
			    *s))
			return false;
	return true;
}

enum status gv_decode_jwt(const char *buf, size_t len, char **token, struct err *e)
{
	struct dec d = { NULL, e, false, "" };
	json_t *root = parse(buf, len, e), *v;

	*token = NULL;
	if (!root)
		return ST_FAIL;
	snprintf(d.where, sizeof(d.where), "%s", _("the answer"));
	v = member(&d, root, "jwt", JSON_STRING, REQ, _("text"));
	if (v && !jwt_chars(json_string_value(v))) {
		d.failed = true;
		err_set(e, _("The platform's answer is not as expected: the token has characters "
			     "a token cannot have."));
	}
	if (!d.failed)
		*token = xstrdup(json_string_value(v));
	json_decref(root);
	return d.failed ? ST_FAIL : ST_OK;
}

static int b64url_val(int ch)
{
	if (ch >= 'A' && ch <= 'Z')
		return ch - 'A';
	if (ch >= 'a' && ch <= 'z')
		return ch - 'a' + 26;
	if (ch >= '0' && ch <= '9')
		return ch - '0' + 52;
	if (ch == '-' || ch == '+')
		return 62;
	if (ch == '_' || ch == '/')
		return 63;
	return -1;
}

int64_t gv_token_expiry(const char *token)
{
	const char *p, *q;
	unsigned char *out;
	size_t n = 0;
	unsigned acc = 0;
	int bits = 0;
	json_t *root, *exp;
	int64_t r = 0;

	if (!token || !(p = strchr(token, '.')) || !(q = strchr(p + 1, '.')))
		return 0;
	out = xmalloc((size_t)(q - p));
	for (p++; p < q && *p != '='; p++) {
		int v = b64url_val((unsigned char)*p);

		if (v < 0) {
			free(out);
			return 0;
		}
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[n++] = (unsigned char)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	root = json_loadb((const char *)out, n, 0, NULL);
	free(out);
	exp = root ? json_object_get(root, "exp") : NULL;
	if (exp && json_is_integer(exp))
		r = json_integer_value(exp);
	else if (exp && json_is_real(exp) && json_real_value(exp) > 0 &&
		 json_real_value(exp) < 1e15)
		r = (int64_t)json_real_value(exp);
	json_decref(root);
	return r > 0 ? r : 0;
}

/* --- error bodies ---------------------------------------------------------------------------- */

static const char *field_name(const char *f)
{
	static const struct { const char *key, *name; } names[] = {
		{ "title_multiloc", N_("the title") },
		{ "body_multiloc", N_("the text") },
		{ "description_multiloc", N_("the description") },
		{ "author_multiloc", N_("the signature") },
		{ "start_at", N_("the start date") },
		{ "end_at", N_("the end date") },
		{ "participation_method", N_("the participation method") },
		{ "idea_status_id", N_("the status") },
		{ "assignee_id", N_("the assignee") },
		{ "email", N_("the e-mail address") },
		{ "password", N_("the password") },
		{ "reason_code", N_("the reason") },
		{ "ideas_phases", N_("the phases") },
	};

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (strcmp(f, names[i].key) == 0)
			return _(names[i].name);
	return f;
}

/* One error of a 422 as a sentence a moderator understands. */
static void sentence(struct sbuf *b, const char *field, const char *code, const char *value)
{
	const char *fn = field_name(field);

	if (b->len)
		sbuf_addc(b, ' ');
	if (strcmp(code, "blank") == 0)
		sbuf_addf(b, _("Give %s: the platform does not accept it empty."), fn);
	else if (strcmp(code, "after_end_at") == 0)
		sbuf_add(b, _("The phase must start before it ends."));
	else if (strcmp(field, "end_at") == 0 && strcmp(code, "invalid") == 0)
		sbuf_add(b, _("Only the last phase may be open-ended: give this phase an end date."));
	else if (strcmp(field, "start_at") == 0 && strcmp(code, "invalid") == 0)
		sbuf_add(b, _("The phase starts less than two days after the start of the "
			      "previous, open-ended phase."));
	else if (strcmp(code, "has_other_overlapping_phases") == 0)
		sbuf_add(b, _("The dates overlap with another phase of the project."));
	else if (strcmp(code, "inclusion") == 0)
		sbuf_addf(b, _("The platform does not know the value \"%s\" for %s."),
			  value ? value : "?", fn);
	else if (strcmp(code, "assignee_can_not_moderate_project") == 0)
		sbuf_add(b, _("This person cannot be assigned: they do not moderate the idea's "
			      "project on the platform."));
	else if (strcmp(code, "sso_enforced_for_domain") == 0)
		sbuf_add(b, _("This e-mail address must log in through single sign-on, not with a "
			      "password."));
	else if (strcmp(code, "anonymous_participation_not_allowed") == 0)
		sbuf_add(b, _("Anonymous participation is not allowed in this project."));
	else if (strcmp(code, "invalid_reason") == 0)
		sbuf_add(b, _("The platform does not accept this reason."));
	else if (strcmp(code, "unsupported_locales") == 0)
		sbuf_addf(b, _("%s uses a language the platform does not offer."), fn);
	else if (strcmp(field, "idea_status_id") == 0 && strchr(code, ' '))
		sbuf_addf(b, _("This status cannot be set by hand (the platform says: %s)."), code);
	else if (strchr(code, ' '))
		sbuf_addf(b, _("The platform refused %s: %s."), fn, code);
	else
		sbuf_addf(b, _("The platform refused %s (%s)."), fn, code);
}

static void one_error(struct sbuf *b, const char *field, json_t *x)
{
	json_t *code, *value;
	char num[32];
	const char *vs = NULL;

	if (json_is_string(x)) {
		sentence(b, field, json_string_value(x), NULL);
		return;
	}
	if (!json_is_object(x))
		return;
	code = json_object_get(x, "error");
	if (!json_is_string(code))
		return;
	value = json_object_get(x, "value");
	if (json_is_string(value)) {
		vs = json_string_value(value);
	} else if (json_is_integer(value)) {
		snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(value));
		vs = num;
	}
	sentence(b, field, json_string_value(code), vs);
}

char *gv_decode_422(const char *buf, size_t len)
{
	json_t *root = buf && len ? json_loadb(buf, len, 0, NULL) : NULL;
	json_t *errors = json_is_object(root) ? json_object_get(root, "errors") : NULL;
	struct sbuf b;
	const char *field;
	json_t *v, *x;
	size_t i;

	if (!json_is_object(errors)) {
		json_decref(root);
		return NULL;
	}
	sbuf_init(&b);
	json_object_foreach(errors, field, v) {
		if (json_is_array(v)) {
			json_array_foreach(v, i, x) {
				/* The overlap comes once per other phase: one sentence is enough. */
				if (i > 0 && json_is_object(x) &&
				    json_equal(json_object_get(x, "error"),
					       json_object_get(json_array_get(v, i - 1), "error")))
					continue;
				one_error(&b, field, x);
			}
		} else {
			one_error(&b, field, v); /* base as a plain string (§6) */
		}
	}
	json_decref(root);
	if (!b.len) {
		sbuf_free(&b);
		return NULL;
	}
	return sbuf_take(&b);
}

bool gv_422_has_code(const char *buf, size_t len, const char *code)
{
	json_t *root = buf && len ? json_loadb(buf, len, 0, NULL) : NULL;
	json_t *errors = json_is_object(root) ? json_object_get(root, "errors") : NULL;
	const char *field;
	json_t *v, *x;
	size_t i;
	bool found = false;

	if (json_is_object(errors)) {
		json_object_foreach(errors, field, v) {
			json_array_foreach(v, i, x) {
				json_t *c = json_is_object(x) ? json_object_get(x, "error") : x;

				if (json_is_string(c) && strcmp(json_string_value(c), code) == 0)
					found = true;
			}
		}
	}
	json_decref(root);
	return found;
}

char *gv_401_code(const char *buf, size_t len, char **detail)
{
	json_t *root = buf && len ? json_loadb(buf, len, 0, NULL) : NULL;
	json_t *errors = json_is_object(root) ? json_object_get(root, "errors") : NULL;
	json_t *base = json_is_object(errors) ? json_object_get(errors, "base") : NULL;
	json_t *first = json_is_array(base) ? json_array_get(base, 0) : base;
	json_t *code = json_is_object(first) ? json_object_get(first, "error") : first;
	json_t *details = json_is_object(first) ? json_object_get(first, "details") : NULL;
	json_t *end = json_is_object(details) ? json_object_get(details, "block_end_at") : NULL;
	char *r = NULL;

	if (detail)
		*detail = json_is_string(end) ? xstrdup(json_string_value(end)) : NULL;
	if (json_is_string(code))
		r = xstrdup(json_string_value(code));
	json_decref(root);
	return r;
}
