#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/act.h"
#include "core/i18n.h"
#include "core/template.h"

int act_pick_keep(const struct idea_detail *ideas, int n)
{
	int best = 0;

	for (int i = 1; i < n; i++) {
		const struct idea_detail *a = &ideas[i], *b = &ideas[best];

		if (a->support_up > b->support_up ||
		    (a->support_up == b->support_up && (a->created_at < b->created_at ||
		     (a->created_at == b->created_at && a->id < b->id))))
			best = i;
	}
	return best;
}

char *act_signature(const struct act_ctx *c, const char *department_signature)
{
	const char *team = cfg_str(c->cfg, OPT_SIGNATURE);

	if (cfg_bool(c->cfg, OPT_SIGN_PERSONALLY) && c->me && c->me->name)
		return xstrdup(c->me->name);
	if (department_signature && *department_signature)
		return xstrdup(department_signature);
	if (team && *team)
		return xstrdup(team);
	if (c->ref && c->ref->platform)
		return xstrdup(c->ref->platform);
	return xstrdup(_("The municipality"));
}

char *act_reply_text(const struct act_ctx *c, const struct idea_detail *d, const char *status,
		     const char *template_name, const struct idea_detail *kept_idea,
		     const char *reason)
{
	char lang[8], kept[32];
	const char *name = template_name ? template_name : status ? status : d->status;
	char *text = template_find(name ? name : "default", d->author_locale, lang);
	char *signature = act_signature(c, d->department_signature);
	const struct ref *dept = c->ref ? ref_by_id(&c->ref->departments, d->department_id) : NULL;
	bool en = strcmp(lang, "en") == 0;
	char *out;

	snprintf(kept, sizeof(kept), "%lld", kept_idea ? (long long)kept_idea->id : 0LL);
	{
		const struct template_var vars[] = {
			/* A greeting needs a name; without one, the neutral form of the language. */
			{ "name", d->author_first_name && *d->author_first_name ? d->author_first_name
				  : en ? "resident" : "inwoner" },
			{ "title", d->title },
			{ "idea", NULL },
			{ "department", dept && dept->extra ? dept->extra
					: d->department ? d->department : en ? "The municipality" : "De gemeente" },
			{ "signature", signature },
			{ "kept_title", kept_idea && kept_idea->title ? kept_idea->title : "" },
			{ "kept_idea", kept },
			{ "kept_link", kept_idea && kept_idea->url ? kept_idea->url : "" },
			{ "reason", reason ? reason : "" },
			{ "municipality", c->ref && c->ref->platform ? c->ref->platform : "" },
		};
		char idea[32];
		struct template_var v[ARRAY_SIZE(vars)];

		memcpy(v, vars, sizeof(vars));
		snprintf(idea, sizeof(idea), "%lld", (long long)d->id);
		v[2].value = idea;
		out = template_render(text ? text : "{signature}", v, (int)ARRAY_SIZE(v));
	}
	free(text);
	free(signature);
	return out;
}

void merge_plan_free(struct merge_plan *p)
{
	free(p->merged);
	free(p->versions);
	merge_preview_free(&p->preview);
	free(p->replies);
	for (int i = 0; i < p->ntexts; i++)
		free(p->texts[i]);
	free(p->texts);
	memset(p, 0, sizeof(*p));
}

static const char *keep_text(struct merge_plan *p, char *s)
{
	p->texts = xreallocarray(p->texts, (size_t)p->ntexts + 1, sizeof(*p->texts));
	p->texts[p->ntexts++] = s;
	return s;
}

enum status act_merge_plan(const struct act_ctx *c, int64_t keep, const int64_t *merged, int n,
			   struct merge_plan *p, struct err *e)
{
	struct store *s = c->store;
	struct idea_detail kd;
	enum status st;

	memset(p, 0, sizeof(*p));
	if (n < 1) {
		err_set(e, _("Choose at least one idea to merge into #%lld."), (long long)keep);
		return ST_INVALID;
	}
	for (int i = 0; i < n; i++) {
		if (merged[i] == keep) {
			err_set(e, _("Idea #%lld cannot be merged into itself."), (long long)keep);
			return ST_INVALID;
		}
		for (int j = 0; j < i; j++)
			if (merged[j] == merged[i]) {
				err_set(e, _("Idea #%lld is named twice."), (long long)merged[i]);
				return ST_INVALID;
			}
	}
	st = s->ops->idea(s, keep, &kd, e);
	if (st != ST_OK)
		return st;
	if (kd.merged_into_id || kd.hidden_at) {
		err_set(e, kd.merged_into_id ? _("Idea #%lld was itself merged into another idea.")
			: _("Idea #%lld is hidden."), (long long)keep);
		idea_detail_free(&kd);
		return ST_INVALID;
	}
	p->keep = keep;
	p->n = n;
	p->merged = xcalloc((size_t)n, sizeof(*p->merged));
	p->versions = xcalloc((size_t)n, sizeof(*p->versions));
	p->replies = xcalloc((size_t)n, sizeof(*p->replies));
	for (int i = 0; i < n && st == ST_OK; i++) {
		struct idea_detail d;

		st = s->ops->idea(s, merged[i], &d, e);
		if (st != ST_OK)
			break;
		if (d.merged_into_id) {
			err_set(e, _("Idea #%lld is already merged into #%lld."), (long long)d.id,
				(long long)d.merged_into_id);
			st = ST_INVALID;
		} else {
			p->merged[i] = d.id;
			p->versions[i] = d.version;
			/* An offline idea without an author has nobody to tell. */
			if (d.author_id) {
				struct reply *r = &p->replies[p->nreplies++];

				r->idea = d.id;
				/* Where the merge moves nothing, the reply says so. */
				r->body = keep_text(p, act_reply_text(c, &d, "merged",
								      s->merge_by_status ? "merged-platform"
									     : "merged", &kd, NULL));
				r->signature = keep_text(p, act_signature(c, kd.department_signature
									  ? kd.department_signature
									  : d.department_signature));
				r->locale = keep_text(p, xstrdup(d.author_locale ? d.author_locale : "nl-BE"));
			}
		}
		idea_detail_free(&d);
	}
	idea_detail_free(&kd);
	if (st == ST_OK)
		st = s->ops->merge_preview(s, keep, p->merged, n, &p->preview, e);
	if (st != ST_OK)
		merge_plan_free(p);
	return st;
}

enum status act_merge_apply(const struct act_ctx *c, const struct merge_plan *p,
			    const char *justification, int64_t *audit, struct err *e)
{
	return c->store->ops->merge(c->store, p->keep, p->merged, p->versions, p->n, p->replies,
				    p->nreplies, justification, audit, e);
}

bool act_parse_duration(const char *s, int64_t *seconds)
{
	char *end;
	long v;

	if (!s || !*s)
		return false;
	if (strcmp(s, "permanent") == 0 || strcmp(s, "forever") == 0) {
		*seconds = 0;
		return true;
	}
	v = strtol(s, &end, 10);
	if (end == s || v <= 0 || v > 100000)
		return false;
	if (strcmp(end, "h") == 0)
		*seconds = (int64_t)v * 3600;
	else if (strcmp(end, "d") == 0 || *end == '\0')
		*seconds = (int64_t)v * 86400;
	else if (strcmp(end, "w") == 0)
		*seconds = (int64_t)v * 7 * 86400;
	else
		return false;
	return true;
}

bool act_parse_time(const char *s, int64_t now, int64_t *out)
{
	struct tm tm;
	const char *end;
	int64_t d;

	if (!s)
		return false;
	while (isspace((unsigned char)*s))
		s++;
	if (strcmp(s, "now") == 0) {
		*out = now;
		return true;
	}
	if (*s == '+') {
		if (!act_parse_duration(s + 1, &d) || d == 0)
			return false;
		*out = now + d;
		return true;
	}
	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%Y-%m-%d", &tm);
	if (!end)
		return false;
	while (*end == ' ' || *end == 'T')
		end++;
	if (*end) {
		end = strptime(end, "%H:%M", &tm);
		if (!end || *end)
			return false;
	}
	tm.tm_isdst = -1;
	*out = (int64_t)mktime(&tm);
	return *out != -1;
}
