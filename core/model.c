#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/util.h"

static const char *const queue_names[QUEUE_COUNT] = { "new", "duplicates", "flags", "inbox",
							  "untold" };

const char *queue_name(enum queue_kind q)
{
	return (unsigned)q < QUEUE_COUNT ? queue_names[q] : "?";
}

const char *queue_title(enum queue_kind q)
{
	switch (q) {
	case QUEUE_NEW:
		return _("New ideas");
	case QUEUE_DUPLICATES:
		return _("Duplicates");
	case QUEUE_FLAGS:
		return _("Flags");
	case QUEUE_INBOX:
		return _("Inbox");
	case QUEUE_UNTOLD:
		return _("Not told");
	default:
		return "?";
	}
}

const char *queue_short_title(enum queue_kind q)
{
	switch (q) {
	case QUEUE_NEW:
		/* TRANSLATORS: short tab titles, for narrow terminals. */
		return _("New");
	case QUEUE_DUPLICATES:
		return _("Dupes");
	case QUEUE_FLAGS:
		return _("Flags");
	case QUEUE_INBOX:
		return _("Inbox");
	case QUEUE_UNTOLD:
		return _("Untold");
	default:
		return "?";
	}
}

bool queue_parse(const char *s, enum queue_kind *out)
{
	for (int i = 0; i < QUEUE_COUNT; i++)
		if (str_starts(queue_names[i], s) && *s) {
			*out = (enum queue_kind)i;
			return true;
		}
	return false;
}

const struct ref *ref_by_id(const struct ref_list *l, int64_t id)
{
	for (int i = 0; i < l->n; i++)
		if (l->v[i].id == id)
			return &l->v[i];
	return NULL;
}

const struct ref *ref_find(const struct ref_list *l, const char *s)
{
	const struct ref *hit = NULL;
	size_t len = strlen(s);
	long id;
	int hits = 0;

	if (!len)
		return NULL;
	for (int i = 0; i < l->n; i++)
		if (l->v[i].code && strcasecmp(l->v[i].code, s) == 0)
			return &l->v[i];
	if (str_to_long(s, &id))
		return ref_by_id(l, id);
	for (int i = 0; i < l->n; i++)
		if (l->v[i].title && strncasecmp(l->v[i].title, s, len) == 0) {
			hit = &l->v[i];
			hits++;
		}
	return hits == 1 ? hit : NULL;
}

static void ref_list_free(struct ref_list *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->v[i].code);
		free(l->v[i].title);
		free(l->v[i].extra);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void refdata_free(struct refdata *r)
{
	ref_list_free(&r->projects);
	ref_list_free(&r->phases);
	ref_list_free(&r->areas);
	ref_list_free(&r->departments);
	ref_list_free(&r->statuses);
	free(r->platform);
	r->platform = NULL;
}

void staff_free(struct staff *s)
{
	free(s->name);
	free(s->login);
	memset(s, 0, sizeof(*s));
}

void queue_row_free(struct queue_row *r)
{
	free(r->title);
	free(r->other_title);
	free(r->text);
	free(r->project);
	free(r->area);
	free(r->status);
	free(r->department);
	free(r->author);
	free(r->reason);
	free(r->claimed_by);
	memset(r, 0, sizeof(*r));
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void queue_row_copy(struct queue_row *dst, const struct queue_row *src)
{
	*dst = *src;
	dst->title = dup_or_null(src->title);
	dst->other_title = dup_or_null(src->other_title);
	dst->text = dup_or_null(src->text);
	dst->project = dup_or_null(src->project);
	dst->area = dup_or_null(src->area);
	dst->status = dup_or_null(src->status);
	dst->department = dup_or_null(src->department);
	dst->author = dup_or_null(src->author);
	dst->reason = dup_or_null(src->reason);
	dst->claimed_by = dup_or_null(src->claimed_by);
}

static void flags_free(struct flag_line *f, int n)
{
	for (int i = 0; i < n; i++) {
		free(f[i].reason);
		free(f[i].detail);
		free(f[i].model);
		free(f[i].resolution);
	}
	free(f);
}

void audit_lines_free(struct audit_line *l, int n)
{
	for (int i = 0; i < n; i++) {
		free(l[i].actor);
		free(l[i].action);
		free(l[i].summary);
		free(l[i].justification);
	}
	free(l);
}

void idea_detail_free(struct idea_detail *d)
{
	char **strs[] = { &d->title, &d->body, &d->lang, &d->source, &d->project, &d->phase,
			  &d->phase_method, &d->author, &d->area, &d->address, &d->department,
			  &d->assignee, &d->status, &d->status_title, &d->merged_into_title,
			  &d->hidden_reason, &d->author_first_name, &d->author_locale,
			  &d->department_signature, &d->claimed_by, &d->url };

	for (size_t i = 0; i < ARRAY_SIZE(strs); i++)
		free(*strs[i]);
	flags_free(d->flags, d->nflags);
	for (int i = 0; i < d->ndupes; i++) {
		free(d->dupes[i].other_title);
		free(d->dupes[i].method);
		free(d->dupes[i].state);
	}
	free(d->dupes);
	for (int i = 0; i < d->nfeedback; i++) {
		free(d->feedback[i].signature);
		free(d->feedback[i].body);
	}
	free(d->feedback);
	audit_lines_free(d->history, d->nhistory);
	memset(d, 0, sizeof(*d));
}

void flag_detail_free(struct flag_detail *d)
{
	idea_detail_free(&d->idea);
	free(d->comment);
	free(d->comment_author);
	free(d->comment_hidden_reason);
	flags_free(d->flags, d->nflags);
	memset(d, 0, sizeof(*d));
}

void dupe_detail_free(struct dupe_detail *d)
{
	free(d->method);
	free(d->reasons);
	free(d->state);
	idea_detail_free(&d->a);
	idea_detail_free(&d->b);
	memset(d, 0, sizeof(*d));
}

void author_view_free(struct author_view *a)
{
	free(a->name);
	free(a->role);
	free(a->area);
	free(a->locale);
	free(a->gender);
	free(a->block_reason);
	for (int i = 0; i < a->nitems; i++) {
		free(a->items[i].text);
		free(a->items[i].status);
		free(a->items[i].hidden_reason);
	}
	free(a->items);
	memset(a, 0, sizeof(*a));
}

void merge_preview_free(struct merge_preview *p)
{
	free(p->keep_title);
	free(p->merged_status);
	for (int i = 0; i < p->ntold; i++) {
		free(p->told[i].title);
		free(p->told[i].author);
		free(p->told[i].first_name);
		free(p->told[i].locale);
	}
	free(p->told);
	memset(p, 0, sizeof(*p));
}

void timeline_free(struct timeline *t)
{
	for (int i = 0; i < t->n; i++) {
		struct project_timeline *p = &t->projects[i];

		for (int j = 0; j < p->nphases; j++) {
			free(p->phases[j].title);
			free(p->phases[j].method);
		}
		free(p->phases);
		free(p->title);
		free(p->kind);
		free(p->status);
	}
	free(t->projects);
	memset(t, 0, sizeof(*t));
}

const char *item_kind_name(enum item_kind k)
{
	return k == ITEM_COMMENT ? "comment" : k == ITEM_SUGGESTION ? "suggestion" : "idea";
}

void count_text(long n, char *buf, size_t size)
{
	if (n > COUNT_CAP)
		snprintf(buf, size, "%d+", COUNT_CAP);
	else
		snprintf(buf, size, "%ld", n);
}
