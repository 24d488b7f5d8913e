/* The moderation actions as subcommands for scripts. One table row per subcommand names its
 * row of the action list (its name and the role it needs), the options it reads and its
 * handler. A handler reads what a script named (numbers, codes, names), reads the item's
 * current version just before acting (a script acts on what is there now, not on what a
 * person saw), makes the same store call as the console, and leaves its result in the run:
 * details for --json, a line for a person. Everything else happens in one place here: the
 * connection, the role check, the output and the exit status. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/act.h"
#include "core/actions.h"
#include "core/i18n.h"
#include "core/store.h"
#include "core/text.h"
#include "tui/cli.h"
#include "tui/cli_actions.h"

/* What every subcommand reads; the ones that change something also read --justification. */
#define COMMON (CLI_BIT(DB) | CLI_BIT(CONFIG) | CLI_BIT(JSON))
#define CHANGES (COMMON | CLI_BIT(JUSTIFICATION))

/* A reply is an answer to a citizen, not a document. */
#define REPLY_MAX (256 * 1024)

struct run;

struct subcommand {
	const char *word, *verb;  /* "phase", "set"; verb NULL for a one-word subcommand */
	enum action action;       /* its row of the action list; ACTION_NONE for what only reads */
	const char *label;        /* "action" in JSON when the row's name is not it */
	uint64_t options;         /* what it reads, COMMON included */
	int min, max;             /* arguments after the words; max -1: any number */
	const char *synopsis;     /* after "inspraak " */
	const char *details;      /* for `inspraak SUBCOMMAND --help`, untranslated */
	enum status (*run)(struct run *r);
};

struct run {
	const struct cli_args *a;
	const struct subcommand *cmd;
	char **args;
	int nargs;
	bool json;
	const char *justification;
	struct store *store;
	struct config *cfg;
	struct refdata ref;
	struct staff me;
	struct act_ctx ctx;
	struct err e;
	int64_t audit;            /* the audit row written; 0 when none */
	json_t *detail;           /* the success object's details */
	json_t *list;             /* list subcommands: the array printed instead */
	struct sbuf out;          /* for a person; made harmless when printed */
};

/* --- output ------------------------------------------------------------------------------ */

/* Citizen text is valid UTF-8 in the database; should it ever not be, the JSON still is. */
static json_t *jstr(const char *s)
{
	json_t *j;
	char *clean;

	if (!s)
		return json_null();
	if ((j = json_string(s)))
		return j;
	clean = text_sanitize(s, TEXT_KEEP_NEWLINES);
	j = json_string(clean);
	free(clean);
	return j ? j : json_null();
}

static json_t *jid(int64_t id)
{
	return id ? json_integer((json_int_t)id) : json_null();
}

/* RFC 3339 in local time with its offset: unambiguous for a program, readable for a person. */
static json_t *jtime(int64_t t)
{
	char buf[40];
	time_t tt = (time_t)t;
	struct tm tm;
	size_t n;

	if (!t || !localtime_r(&tt, &tm) ||
	    !(n = strftime(buf, sizeof(buf) - 1, "%Y-%m-%dT%H:%M:%S%z", &tm)))
		return json_null();
	if (n >= 5 && (buf[n - 5] == '+' || buf[n - 5] == '-')) {
		memmove(buf + n - 1, buf + n - 2, 3);
		buf[n - 2] = ':';
	}
	return json_string(buf);
}

/* The form --start and --at read back. */
static const char *human_time(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm) || !strftime(buf, n, "%Y-%m-%d %H:%M", &tm))
		snprintf(buf, n, "?");
	return buf;
}

static void put(struct run *r, const char *key, json_t *v)
{
	json_object_set_new(r->detail, key, v);
}

static void say(struct run *r, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void say(struct run *r, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	sbuf_add(&r->out, s);
	free(s);
}

static void print_json(FILE *f, json_t *j)
{
	char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);

	fprintf(f, "%s\n", s ? s : "null");
	free(s);
}

void cli_json_error(FILE *f, const char *code, const char *msg)
{
	json_t *o = json_object();

	json_object_set_new(o, "ok", json_false());
	json_object_set_new(o, "error", jstr(msg));
	json_object_set_new(o, "code", json_string(code));
	print_json(f, o);
	json_decref(o);
}

static const char *status_code(enum status st)
{
	switch (st) {
	case ST_CONFLICT: return "conflict";
	case ST_INVALID: return "invalid";
	case ST_GAP: return "gap";
	case ST_FORBIDDEN: return "forbidden";
	case ST_DONE: return "done";
	case ST_NOT_FOUND: return "not-found";
	case ST_CLAIMED: return "claimed";
	case ST_CONNECT:
	case ST_NO_SCHEMA:
	case ST_OLD_SCHEMA:
	case ST_NEW_SCHEMA: return "connect";
	default: return "failed";
	}
}

static const char *label_of(const struct subcommand *c)
{
	return c->label ? c->label : action_info(c->action)->name;
}

static int report(struct run *r, enum status st)
{
	if (st != ST_OK) {
		if (!r->e.msg[0])
			err_set(&r->e, _("The action failed."));
		if (r->json) {
			cli_json_error(stdout, status_code(st), r->e.msg);
		} else {
			char *msg = text_sanitize(r->e.msg, 0);

			fprintf(stderr, "inspraak: %s\n", msg);
			free(msg);
		}
		return 1;
	}
	if (r->json && r->list) {
		print_json(stdout, r->list);
	} else if (r->json) {
		json_t *o = json_object();

		json_object_set_new(o, "ok", json_true());
		json_object_set_new(o, "action", json_string(label_of(r->cmd)));
		json_object_set_new(o, "audit", jid(r->audit));
		json_object_update(o, r->detail);
		print_json(stdout, o);
		json_decref(o);
	} else {
		char *s = text_sanitize(r->out.s, TEXT_KEEP_NEWLINES);

		fputs(s, stdout);
		free(s);
	}
	return 0;
}

/* --- reading what a script names ----------------------------------------------------------- */

static NORETURN void usage_of(struct run *r, const char *fmt, ...) PRINTF_LIKE(2, 3);
static NORETURN void usage_of(struct run *r, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	cli_fail_usage(r->a, s);
}

static int64_t number(struct run *r, const char *s, const char *what)
{
	long v;

	if (!str_to_long(s, &v) || v <= 0)
		usage_of(r, _("%s wants a number, not \"%s\""), what, s);
	return v;
}

static int64_t time_opt(struct run *r, enum cli_opt o, const char *name)
{
	int64_t t;

	if (!act_parse_time(cli_opt(r->a, o), (int64_t)time(NULL), &t))
		usage_of(r, _("--%s wants a time such as \"2026-12-01 09:00\", 2026-12-01, now or +2d"),
			 name);
	return t;
}

enum ref_kind { REF_PROJECT, REF_PHASE, REF_DEPARTMENT, REF_STATUS };

static const char *const ref_none[] = {
	N_("There is no project \"%s\"."),
	N_("There is no phase \"%s\"."),
	N_("There is no department \"%s\"."),
	N_("There is no status \"%s\"."),
};

static const char *const ref_many[] = {
	N_("\"%s\" fits more than one project: %s."),
	N_("\"%s\" fits more than one phase: %s."),
	N_("\"%s\" fits more than one department: %s."),
	N_("\"%s\" fits more than one status: %s."),
};

/* A project, phase, department or status by code, number or the unique start of its title
 * (ref_find, as the console's filter reads them); phases may be limited to one project.
 * When nothing or more than one fits, a sentence that says so, naming the candidates. */
static enum status find_ref(struct run *r, enum ref_kind kind, const struct ref_list *l,
			    int64_t parent, const char *s, const struct ref **out)
{
	struct ref_list sub = { xcalloc((size_t)l->n + 1, sizeof(struct ref)), 0 };
	int *index = xcalloc((size_t)l->n + 1, sizeof(*index));
	const struct ref *hit;
	struct sbuf names;
	int fits = 0;

	for (int i = 0; i < l->n; i++)
		if (!parent || l->v[i].parent == parent) {
			index[sub.n] = i;
			sub.v[sub.n++] = l->v[i];
		}
	hit = ref_find(&sub, s);
	*out = hit ? &l->v[index[hit - sub.v]] : NULL;
	sbuf_init(&names);
	for (int i = 0; !hit && i < sub.n; i++)
		if (sub.v[i].title && strncasecmp(sub.v[i].title, s, strlen(s)) == 0 && ++fits <= 5)
			sbuf_addf(&names, "%s%s (%s)", fits > 1 ? ", " : "", sub.v[i].title,
				  sub.v[i].code ? sub.v[i].code : "?");
	free(sub.v);
	free(index);
	if (!hit && fits > 1)
		err_set(&r->e, _(ref_many[kind]), s, names.s);
	else if (!hit)
		err_set(&r->e, _(ref_none[kind]), s);
	sbuf_free(&names);
	return hit ? ST_OK : fits > 1 ? ST_INVALID : ST_NOT_FOUND;
}

/* A staff member by number or by the unique start of their name. */
static enum status find_staff(struct run *r, const char *s, int64_t *id, char **name)
{
	struct staff_line *l;
	int n, fits = 0;
	long num;
	bool by_number = str_to_long(s, &num);
	enum status st = r->store->ops->staff(r->store, &l, &n, &r->e);

	if (st != ST_OK)
		return st;
	*id = 0;
	for (int i = 0; i < n; i++) {
		bool fit = by_number ? l[i].id == num
			 : l[i].name && strncasecmp(l[i].name, s, strlen(s)) == 0;

		if (fit && fits++ == 0) {
			*id = l[i].id;
			*name = xstrdup(l[i].name ? l[i].name : "?");
		}
	}
	for (int i = 0; i < n; i++)
		free(l[i].name);
	free(l);
	if (fits == 1)
		return ST_OK;
	if (fits)
		free(*name);
	*name = NULL;
	if (fits > 1) {
		err_set(&r->e, _("\"%s\" fits more than one staff member."), s);
		return ST_INVALID;
	}
	err_set(&r->e, _("No staff member is \"%s\"."), s);
	return ST_NOT_FOUND;
}

/* --- the connection, once per run ---------------------------------------------------------- */

static enum status open_store(struct run *r)
{
	enum status st = store_pg_open(cli_conninfo(r->a), i18n_content_locale(), &r->store, &r->e);

	if (st != ST_OK) {
		r->store = NULL;
		return st;
	}
	if ((st = r->store->ops->whoami(r->store, &r->me, &r->e)) != ST_OK ||
	    (st = r->store->ops->refdata(r->store, &r->ref, &r->e)) != ST_OK)
		return st;
	r->cfg = cli_load_config(r->a);
	r->ctx = (struct act_ctx){ .store = r->store, .cfg = r->cfg, .ref = &r->ref, .me = &r->me };
	/* The database refuses too; asking the action list first gives the same answer without
	 * reading or writing anything. */
	if (r->cmd->action != ACTION_NONE) {
		const struct action_info *info = action_info(r->cmd->action);

		if (!r->me.id) {
			err_set(&r->e, _("The database user %s is not a staff member of this platform."),
				r->me.login ? r->me.login : "?");
			return ST_FORBIDDEN;
		}
		if (r->me.role < info->role) {
			err_set(&r->e, _("%s needs the role %s; %s has the role %s."), info->name,
				role_name(info->role), r->me.login ? r->me.login : "?",
				role_name(r->me.role));
			return ST_FORBIDDEN;
		}
	}
	return ST_OK;
}

/* --- merge ------------------------------------------------------------------------------------ */

static void merge_describe(struct run *r, const struct merge_plan *p, bool dry)
{
	const struct merge_preview *pv = &p->preview;
	json_t *merged = json_array(), *told = json_array(), *replies = json_array();

	for (int i = 0; i < p->n; i++)
		json_array_append_new(merged, json_integer((json_int_t)p->merged[i]));
	for (int i = 0; i < pv->ntold; i++)
		json_array_append_new(told, json_pack("{s:I, s:o, s:o, s:o}", "idea",
						      (json_int_t)pv->told[i].idea_id, "title",
						      jstr(pv->told[i].title), "author",
						      jstr(pv->told[i].author), "locale",
						      jstr(pv->told[i].locale)));
	for (int i = 0; i < p->nreplies; i++)
		json_array_append_new(replies, json_pack("{s:I, s:o, s:o, s:o}", "idea",
							 (json_int_t)p->replies[i].idea, "locale",
							 jstr(p->replies[i].locale), "signature",
							 jstr(p->replies[i].signature), "body",
							 jstr(p->replies[i].body)));
	put(r, "keep", json_integer((json_int_t)p->keep));
	put(r, "keep_title", jstr(pv->keep_title));
	put(r, "merged", merged);
	put(r, "support_before", json_integer(pv->support_before));
	put(r, "support_after", json_integer(pv->support_after));
	put(r, "support_sum", json_integer(pv->support_sum));
	put(r, "comments", json_integer(pv->comments));
	put(r, "told", told);
	put(r, "replies", replies);
	put(r, "dry_run", json_boolean(dry));
	if (!dry)
		return;
	say(r, _("Merge into #%lld \"%s\":\n"), (long long)p->keep, pv->keep_title ? pv->keep_title : "");
	for (int i = 0; i < pv->ntold; i++) {
		const struct merge_told *t = &pv->told[i];

		if (t->author)
			say(r, _("  #%lld \"%s\": %s is told\n"), (long long)t->idea_id,
			    t->title ? t->title : "", t->author);
		else
			say(r, _("  #%lld \"%s\": nobody to tell\n"), (long long)t->idea_id,
			    t->title ? t->title : "");
	}
	say(r, _("Support: %d citizens before, %d after (%d counted idea by idea); %d comments.\n"),
	    pv->support_before, pv->support_after, pv->support_sum, pv->comments);
	for (int i = 0; i < p->nreplies; i++) {
		const char *b = p->replies[i].body ? p->replies[i].body : "";

		say(r, _("\nThe reply on #%lld, signed %s:\n"), (long long)p->replies[i].idea,
		    p->replies[i].signature ? p->replies[i].signature : "");
		while (*b) {
			size_t n = strcspn(b, "\n");

			say(r, "  %.*s\n", (int)n, b);
			b += n + (b[n] == '\n');
		}
	}
	say(r, _("\nNothing was changed (--dry-run).\n"));
}

static enum status do_merge(struct run *r)
{
	int n = r->nargs, nmerged = n;
	int64_t *ids = xcalloc((size_t)n, sizeof(*ids));
	int64_t keep = 0, *merged = ids;
	struct merge_plan plan;
	enum status st;

	for (int i = 0; i < n; i++)
		ids[i] = number(r, r->args[i], "IDEA");
	if (cli_has(r->a, CLI_OPT_KEEP))
		keep = number(r, cli_opt(r->a, CLI_OPT_KEEP), "--keep");
	else if (n < 2)
		usage_of(r, _("merge wants two ideas or more, or --keep and one idea"));
	if ((st = open_store(r)) != ST_OK)
		goto out;
	if (keep) {
		/* "merge 1 2 3 --keep 2" reads as naturally as "merge 1 3 --keep 2": the idea that
		 * stays may be listed, once. */
		merged = xcalloc((size_t)n, sizeof(*merged));
		nmerged = 0;
		for (int i = 0, seen = 0; i < n; i++)
			if (ids[i] != keep || seen++)
				merged[nmerged++] = ids[i];
	} else {
		/* The one that stays is chosen as the console chooses it. */
		struct idea_detail *d = xcalloc((size_t)n, sizeof(*d));
		int read = 0, k;

		while (read < n && (st = r->store->ops->idea(r->store, ids[read], &d[read], &r->e)) == ST_OK)
			read++;
		if (st == ST_OK) {
			k = act_pick_keep(d, n);
			keep = ids[k];
			merged = xcalloc((size_t)n, sizeof(*merged));
			nmerged = 0;
			for (int i = 0; i < n; i++)
				if (i != k)
					merged[nmerged++] = ids[i];
		}
		for (int i = 0; i < read; i++)
			idea_detail_free(&d[i]);
		free(d);
		if (st != ST_OK)
			goto out;
	}
	if ((st = act_merge_plan(&r->ctx, keep, merged, nmerged, &plan, &r->e)) != ST_OK)
		goto out;
	if (cli_has(r->a, CLI_OPT_DRY_RUN)) {
		merge_describe(r, &plan, true);
	} else if ((st = act_merge_apply(&r->ctx, &plan, r->justification, &r->audit, &r->e)) == ST_OK) {
		merge_describe(r, &plan, false);
		say(r, P_("Merged %d idea into #%lld; %d author told (audit %lld).\n",
			  "Merged %d ideas into #%lld; %d authors told (audit %lld).\n", plan.n),
		    plan.n, (long long)plan.keep, plan.nreplies, (long long)r->audit);
	}
	merge_plan_free(&plan);
out:
	if (merged != ids)
		free(merged);
	free(ids);
	return st;
}

/* --- not a duplicate -------------------------------------------------------------------------- */

static enum status do_not_duplicate(struct run *r)
{
	int64_t id = number(r, r->args[0], "SUGGESTION");
	struct dupe_detail d;
	enum status st;

	if ((st = open_store(r)) != ST_OK ||
	    (st = r->store->ops->suggestion(r->store, id, &d, &r->e)) != ST_OK)
		return st;
	put(r, "suggestion", json_integer((json_int_t)id));
	put(r, "ideas", json_pack("[I, I]", (json_int_t)d.a.id, (json_int_t)d.b.id));
	dupe_detail_free(&d);
	st = r->store->ops->dismiss_suggestion(r->store, id, r->justification, &r->audit, &r->e);
	if (st == ST_OK)
		say(r, _("Suggestion #%lld dismissed: not a duplicate, never suggested again (audit %lld).\n"),
		    (long long)id, (long long)r->audit);
	return st;
}

/* --- assign, status, reply --------------------------------------------------------------------- */

static enum status do_assign(struct run *r)
{
	int64_t idea = number(r, r->args[0], "IDEA"), person = 0;
	const char *dept_arg = r->args[1];
	const struct ref *dept = NULL;
	char *person_name = NULL;
	struct idea_detail d;
	enum status st;

	if ((st = open_store(r)) != ST_OK)
		return st;
	if (!str_eq(dept_arg, "none") &&
	    (st = find_ref(r, REF_DEPARTMENT, &r->ref.departments, 0, dept_arg, &dept)) != ST_OK)
		return st;
	if (cli_has(r->a, CLI_OPT_PERSON) &&
	    (st = find_staff(r, cli_opt(r->a, CLI_OPT_PERSON), &person, &person_name)) != ST_OK)
		return st;
	if ((st = r->store->ops->idea(r->store, idea, &d, &r->e)) == ST_OK) {
		st = r->store->ops->assign(r->store, idea, d.version, dept ? dept->id : 0, person,
					   r->justification, &r->audit, &r->e);
		put(r, "idea", json_integer((json_int_t)idea));
		put(r, "version", json_integer(d.version));
		idea_detail_free(&d);
	}
	if (st == ST_OK) {
		put(r, "department", dept ? json_pack("{s:I, s:o, s:o}", "id", (json_int_t)dept->id,
						      "code", jstr(dept->code), "title", jstr(dept->title))
				     : json_null());
		put(r, "person", person ? json_pack("{s:I, s:o}", "id", (json_int_t)person, "name",
						    jstr(person_name)) : json_null());
		if (!dept)
			say(r, _("Idea #%lld is no longer assigned to a department (audit %lld).\n"),
			    (long long)idea, (long long)r->audit);
		else if (person)
			say(r, _("Idea #%lld assigned to %s, %s (audit %lld).\n"), (long long)idea,
			    dept->title ? dept->title : dept->code, person_name, (long long)r->audit);
		else
			say(r, _("Idea #%lld assigned to %s (audit %lld).\n"), (long long)idea,
			    dept->title ? dept->title : dept->code, (long long)r->audit);
	}
	free(person_name);
	return st;
}

static enum status do_status(struct run *r)
{
	int64_t idea = number(r, r->args[0], "IDEA");
	const struct ref *status;
	struct idea_detail d;
	enum status st;

	if ((st = open_store(r)) != ST_OK ||
	    (st = find_ref(r, REF_STATUS, &r->ref.statuses, 0, r->args[1], &status)) != ST_OK ||
	    (st = r->store->ops->idea(r->store, idea, &d, &r->e)) != ST_OK)
		return st;
	st = r->store->ops->set_status(r->store, idea, d.version, status->code, r->justification,
				       &r->audit, &r->e);
	if (st == ST_OK) {
		put(r, "idea", json_integer((json_int_t)idea));
		put(r, "version", json_integer(d.version));
		put(r, "status", jstr(status->code));
		put(r, "previous_status", jstr(d.status));
		say(r, _("Idea #%lld is now \"%s\", was \"%s\" (audit %lld).\n"), (long long)idea,
		    status->title ? status->title : status->code,
		    d.status_title ? d.status_title : d.status ? d.status : "", (long long)r->audit);
	}
	idea_detail_free(&d);
	return st;
}

/* The whole file, or standard input for "-". */
static enum status read_text(struct run *r, const char *path, char **out)
{
	bool in = str_eq(path, "-");
	FILE *f = in ? stdin : fopen(path, "rb");
	struct sbuf b;
	char chunk[8192];
	size_t n;

	*out = NULL;
	if (!f) {
		err_set(&r->e, _("Cannot read %s: %s."), path, strerror(errno));
		return ST_FAIL;
	}
	sbuf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && b.len <= REPLY_MAX)
		sbuf_addn(&b, chunk, n);
	if (ferror(f)) {
		err_set(&r->e, _("Cannot read %s: %s."), in ? _("standard input") : path, strerror(errno));
		sbuf_free(&b);
		if (!in)
			fclose(f);
		return ST_FAIL;
	}
	if (!in)
		fclose(f);
	if (b.len > REPLY_MAX || (b.s && strlen(b.s) != b.len)) {
		err_set(&r->e, b.len > REPLY_MAX ? _("The reply is longer than %d KiB; nothing was sent.")
			: _("The reply is not text (it holds a NUL byte); nothing was sent."),
			REPLY_MAX / 1024);
		sbuf_free(&b);
		return ST_INVALID;
	}
	*out = b.s ? sbuf_take(&b) : xstrdup("");
	return ST_OK;
}

static bool blank(const char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	return !*s;
}

static enum status do_reply(struct run *r)
{
	int64_t idea = number(r, r->args[0], "IDEA");
	const char *file = cli_opt(r->a, CLI_OPT_FILE);
	const struct ref *status = NULL;
	struct idea_detail d;
	struct reply rp = { 0 };
	char *text = NULL, *signature;
	bool from_template;
	enum status st;

	if (r->nargs > 1 && !str_eq(r->args[1], "-"))
		usage_of(r, _("reply reads its text from --file FILE or from - (standard input), not \"%s\""),
			 r->args[1]);
	if (r->nargs > 1 && file)
		usage_of(r, _("reply reads --file or -, not both"));
	if (r->nargs > 1)
		file = "-";
	/* Read the text first: a script that pipes it should not hold a connection meanwhile. */
	if (file && (st = read_text(r, file, &text)) != ST_OK)
		return st;
	if (text) {
		size_t n = strlen(text);

		while (n && isspace((unsigned char)text[n - 1]))
			text[--n] = '\0';
	}
	if (text && blank(text)) {
		err_set(&r->e, _("The reply is empty; nothing was sent."));
		free(text);
		return ST_INVALID;
	}
	if ((st = open_store(r)) != ST_OK ||
	    (cli_has(r->a, CLI_OPT_STATUS) &&
	     (st = find_ref(r, REF_STATUS, &r->ref.statuses, 0, cli_opt(r->a, CLI_OPT_STATUS),
			    &status)) != ST_OK) ||
	    (st = r->store->ops->idea(r->store, idea, &d, &r->e)) != ST_OK) {
		free(text);
		return st;
	}
	from_template = !text;
	if (!text)
		text = act_reply_text(&r->ctx, &d, status ? status->code : NULL, NULL, NULL, NULL);
	signature = act_signature(&r->ctx, d.department_signature);
	rp.idea = idea;
	rp.body = text;
	rp.signature = signature;
	rp.locale = d.author_locale ? d.author_locale : "nl-BE";
	if (blank(text)) {
		err_set(&r->e, _("The reply is empty; nothing was sent."));
		st = ST_INVALID;
	} else {
		st = r->store->ops->reply(r->store, idea, d.version, &rp, status ? status->code : NULL,
					  r->justification, &r->audit, &r->e);
	}
	if (st == ST_OK) {
		put(r, "idea", json_integer((json_int_t)idea));
		put(r, "version", json_integer(d.version));
		put(r, "status", status ? jstr(status->code) : json_null());
		put(r, "template", json_boolean(from_template));
		put(r, "locale", jstr(rp.locale));
		put(r, "signature", jstr(signature));
		put(r, "body", jstr(text));
		if (status)
			say(r, _("Reply sent on idea #%lld, signed %s; its status is now \"%s\" (audit %lld).\n"),
			    (long long)idea, signature, status->title ? status->title : status->code,
			    (long long)r->audit);
		else
			say(r, _("Reply sent on idea #%lld, signed %s (audit %lld).\n"), (long long)idea,
			    signature, (long long)r->audit);
	}
	idea_detail_free(&d);
	free(signature);
	free(text);
	return st;
}

/* --- flags and blocks ----------------------------------------------------------------------- */

static enum status do_flag(struct run *r)
{
	bool confirm = r->cmd->action == ACTION_CONFIRM_FLAG;
	const char *reason = cli_opt(r->a, CLI_OPT_REASON);
	enum item_kind kind = ITEM_IDEA;
	int64_t item = 0;
	int version, given = (r->nargs > 0) + cli_has(r->a, CLI_OPT_IDEA) + cli_has(r->a, CLI_OPT_COMMENT);
	enum status st;

	if (given != 1)
		usage_of(r, _("flag %s wants one item: IDEA, --idea IDEA or --comment COMMENT"),
			 confirm ? "confirm" : "dismiss");
	if (r->nargs)
		item = number(r, r->args[0], "IDEA");
	else if (cli_has(r->a, CLI_OPT_IDEA))
		item = number(r, cli_opt(r->a, CLI_OPT_IDEA), "--idea");
	else {
		kind = ITEM_COMMENT;
		item = number(r, cli_opt(r->a, CLI_OPT_COMMENT), "--comment");
	}
	if ((st = open_store(r)) != ST_OK)
		return st;
	if (kind == ITEM_IDEA) {
		struct idea_detail d;

		if ((st = r->store->ops->idea(r->store, item, &d, &r->e)) != ST_OK)
			return st;
		version = d.version;
		idea_detail_free(&d);
	} else {
		struct flag_detail f;

		if ((st = r->store->ops->flag_item(r->store, ITEM_COMMENT, item, &f, &r->e)) != ST_OK)
			return st;
		version = f.comment_version;
		flag_detail_free(&f);
	}
	st = r->store->ops->verdict(r->store, kind, item, version, confirm, reason, r->justification,
				    &r->audit, &r->e);
	if (st != ST_OK)
		return st;
	put(r, "item_kind", json_string(item_kind_name(kind)));
	put(r, "item", json_integer((json_int_t)item));
	put(r, "version", json_integer(version));
	put(r, "verdict", json_string(confirm ? "confirm" : "dismiss"));
	put(r, "reason", jstr(reason));
	if (kind == ITEM_IDEA)
		say(r, confirm ? _("Flag confirmed: idea #%lld is hidden (audit %lld).\n")
		    : _("Flag dismissed: idea #%lld stays visible (audit %lld).\n"),
		    (long long)item, (long long)r->audit);
	else
		say(r, confirm ? _("Flag confirmed: comment #%lld is hidden (audit %lld).\n")
		    : _("Flag dismissed: comment #%lld stays visible (audit %lld).\n"),
		    (long long)item, (long long)r->audit);
	return ST_OK;
}

static enum status do_block(struct run *r, bool block)
{
	int64_t user = number(r, r->args[0], "USER"), secs = 7 * 86400, until = 0;
	const char *reason = cli_opt(r->a, CLI_OPT_REASON);
	bool hide = cli_has(r->a, CLI_OPT_HIDE_CONTENT);
	struct author_view who;
	char when[32];
	enum status st;

	if (block && !reason)
		usage_of(r, _("block wants --reason TEXT: the author reads it"));
	if (block && cli_has(r->a, CLI_OPT_FOR) && !act_parse_duration(cli_opt(r->a, CLI_OPT_FOR), &secs))
		usage_of(r, _("--for wants a duration such as 12h, 7d, 2w, or permanent"));
	if ((st = open_store(r)) != ST_OK ||
	    (st = r->store->ops->author(r->store, user, &who, &r->e)) != ST_OK)
		return st;
	put(r, "user", json_integer((json_int_t)user));
	put(r, "name", jstr(who.name));
	if (block) {
		until = secs ? (int64_t)time(NULL) + secs : 0;
		st = r->store->ops->block(r->store, user, until, reason, hide, r->justification,
					  &r->audit, &r->e);
	} else {
		st = r->store->ops->unblock(r->store, user, r->justification, &r->audit, &r->e);
	}
	if (st == ST_OK && block) {
		put(r, "until", jtime(until));
		put(r, "permanent", json_boolean(!until));
		put(r, "hide_content", json_boolean(hide));
		put(r, "reason", jstr(reason));
		if (until)
			say(r, _("User #%lld (%s) blocked until %s (audit %lld).\n"), (long long)user,
			    who.name ? who.name : "?", human_time(until, when, sizeof(when)),
			    (long long)r->audit);
		else
			say(r, _("User #%lld (%s) blocked until the block is lifted (audit %lld).\n"),
			    (long long)user, who.name ? who.name : "?", (long long)r->audit);
	} else if (st == ST_OK) {
		say(r, _("User #%lld (%s) unblocked (audit %lld).\n"), (long long)user,
		    who.name ? who.name : "?", (long long)r->audit);
	}
	author_view_free(&who);
	return st;
}

static enum status do_block_user(struct run *r) { return do_block(r, true); }
static enum status do_unblock_user(struct run *r) { return do_block(r, false); }

/* --- phases ------------------------------------------------------------------------------------ */

static const struct phase_info *timeline_phase(const struct timeline *t, int64_t id,
					       const struct project_timeline **project)
{
	for (int i = 0; i < t->n; i++)
		for (int j = 0; j < t->projects[i].nphases; j++)
			if (t->projects[i].phases[j].id == id) {
				if (project)
					*project = &t->projects[i];
				return &t->projects[i].phases[j];
			}
	return NULL;
}

static bool phase_current(const struct phase_info *ph, int64_t now)
{
	return ph->start_at <= now && (!ph->end_at || now < ph->end_at);
}

static enum status do_phase_list(struct run *r)
{
	const struct ref *only = NULL;
	struct timeline t;
	enum status st;
	char a[32], b[32];

	if ((st = open_store(r)) != ST_OK ||
	    (cli_has(r->a, CLI_OPT_PROJECT) &&
	     (st = find_ref(r, REF_PROJECT, &r->ref.projects, 0, cli_opt(r->a, CLI_OPT_PROJECT),
			    &only)) != ST_OK) ||
	    (st = r->store->ops->timeline(r->store, &t, &r->e)) != ST_OK)
		return st;
	r->list = json_array();
	for (int i = 0; i < t.n; i++) {
		const struct project_timeline *p = &t.projects[i];
		const struct ref *pr = ref_by_id(&r->ref.projects, p->id);
		json_t *phases;

		if (only && only->id != p->id)
			continue;
		phases = json_array();
		say(r, "#%lld %s  %s (%s)\n", (long long)p->id, pr && pr->code ? pr->code : "",
		    p->title ? p->title : "", p->kind ? p->kind : "");
		for (int j = 0; j < p->nphases; j++) {
			const struct phase_info *ph = &p->phases[j];
			bool cur = phase_current(ph, t.now);

			json_array_append_new(phases, json_pack("{s:I, s:o, s:o, s:o, s:o, s:i, s:b}",
				"id", (json_int_t)ph->id, "title", jstr(ph->title), "method",
				jstr(ph->method), "start", jtime(ph->start_at), "end", jtime(ph->end_at),
				"ideas", ph->ideas, "current", cur));
			say(r, "  #%-4lld %s  %-16s  %-12s %5d  %s%s\n", (long long)ph->id,
			    human_time(ph->start_at, a, sizeof(a)),
			    ph->end_at ? human_time(ph->end_at, b, sizeof(b)) : _("open"),
			    ph->method ? ph->method : "", ph->ideas, ph->title ? ph->title : "",
			    cur ? _("  (current)") : "");
		}
		json_array_append_new(r->list, json_pack("{s:I, s:o, s:o, s:o, s:o, s:o}", "id",
			(json_int_t)p->id, "slug", jstr(pr ? pr->code : NULL), "title", jstr(p->title),
			"kind", jstr(p->kind), "status", jstr(p->status), "phases", phases));
	}
	timeline_free(&t);
	return ST_OK;
}

static enum status do_phase_set(struct run *r)
{
	const struct ref *project, *phase;
	int64_t at = cli_has(r->a, CLI_OPT_AT) ? time_opt(r, CLI_OPT_AT, "at") : 0;
	char when[32];
	enum status st;

	if ((st = open_store(r)) != ST_OK ||
	    (st = find_ref(r, REF_PROJECT, &r->ref.projects, 0, r->args[0], &project)) != ST_OK ||
	    (st = find_ref(r, REF_PHASE, &r->ref.phases, project->id, r->args[1], &phase)) != ST_OK)
		return st;
	st = r->store->ops->phase_set_current(r->store, project->id, phase->id, at, r->justification,
					      &r->audit, &r->e);
	if (st != ST_OK)
		return st;
	put(r, "project", json_integer((json_int_t)project->id));
	put(r, "phase", json_integer((json_int_t)phase->id));
	put(r, "at", at ? jtime(at) : jtime((int64_t)time(NULL)));
	say(r, _("Phase #%lld \"%s\" is the current phase of \"%s\" from %s (audit %lld).\n"),
	    (long long)phase->id, phase->title ? phase->title : "",
	    project->title ? project->title : project->code,
	    at ? human_time(at, when, sizeof(when)) : _("now"), (long long)r->audit);
	return ST_OK;
}

static enum status do_phase_edit(struct run *r)
{
	const char *end_arg = cli_opt(r->a, CLI_OPT_END);
	int64_t start = 0, end = 0;
	const struct ref *phase;
	const struct phase_info *ph;
	struct timeline t;
	char a[32], b[32];
	enum status st;

	if (!cli_has(r->a, CLI_OPT_START) && !end_arg)
		usage_of(r, _("phase edit wants --start TIME, --end TIME or both"));
	if (cli_has(r->a, CLI_OPT_START))
		start = time_opt(r, CLI_OPT_START, "start");
	if (end_arg && !str_eq(end_arg, "open"))
		end = time_opt(r, CLI_OPT_END, "end");
	if ((st = open_store(r)) != ST_OK ||
	    (st = find_ref(r, REF_PHASE, &r->ref.phases, 0, r->args[0], &phase)) != ST_OK ||
	    (st = r->store->ops->timeline(r->store, &t, &r->e)) != ST_OK)
		return st;
	/* What is not given stays as it is now. */
	if ((ph = timeline_phase(&t, phase->id, NULL))) {
		if (!cli_has(r->a, CLI_OPT_START))
			start = ph->start_at;
		if (!end_arg)
			end = ph->end_at;
	}
	timeline_free(&t);
	st = r->store->ops->phase_update(r->store, phase->id, start, end,
					 cli_has(r->a, CLI_OPT_ALLOW_GAP), r->justification,
					 &r->audit, &r->e);
	if (st != ST_OK)
		return st;
	put(r, "phase", json_integer((json_int_t)phase->id));
	put(r, "start", jtime(start));
	put(r, "end", jtime(end));
	if (end)
		say(r, _("Phase #%lld now runs from %s until %s (audit %lld).\n"), (long long)phase->id,
		    human_time(start, a, sizeof(a)), human_time(end, b, sizeof(b)), (long long)r->audit);
	else
		say(r, _("Phase #%lld now runs from %s, open-ended (audit %lld).\n"),
		    (long long)phase->id, human_time(start, a, sizeof(a)), (long long)r->audit);
	return ST_OK;
}

static enum status do_phase_add(struct run *r)
{
	const char *title = cli_opt(r->a, CLI_OPT_TITLE);
	const char *method = cli_has(r->a, CLI_OPT_METHOD) ? cli_opt(r->a, CLI_OPT_METHOD) : "ideation";
	const struct ref *project;
	struct timeline before, after;
	const struct project_timeline *p;
	int64_t start, end = 0, id = 0;
	enum status st;

	if (!title || !cli_has(r->a, CLI_OPT_START))
		usage_of(r, _("phase add wants --title TEXT and --start TIME"));
	start = time_opt(r, CLI_OPT_START, "start");
	if (cli_has(r->a, CLI_OPT_END) && !str_eq(cli_opt(r->a, CLI_OPT_END), "open"))
		end = time_opt(r, CLI_OPT_END, "end");
	if ((st = open_store(r)) != ST_OK ||
	    (st = find_ref(r, REF_PROJECT, &r->ref.projects, 0, r->args[0], &project)) != ST_OK ||
	    (st = r->store->ops->timeline(r->store, &before, &r->e)) != ST_OK)
		return st;
	st = r->store->ops->phase_add(r->store, project->id, title, method, start, end,
				      cli_has(r->a, CLI_OPT_ALLOW_GAP), r->justification,
				      &r->audit, &r->e);
	/* The store answers with the audit row; the new phase is the project's one that was not
	 * there before. */
	if (st == ST_OK && r->store->ops->timeline(r->store, &after, &r->e) == ST_OK) {
		for (int i = 0; i < after.n && !id; i++) {
			if (after.projects[i].id != project->id)
				continue;
			p = &after.projects[i];
			for (int j = 0; j < p->nphases && !id; j++)
				if (!timeline_phase(&before, p->phases[j].id, NULL))
					id = p->phases[j].id;
		}
		timeline_free(&after);
	}
	timeline_free(&before);
	if (st != ST_OK)
		return st;
	put(r, "project", json_integer((json_int_t)project->id));
	put(r, "phase", jid(id));
	put(r, "title", jstr(title));
	put(r, "method", jstr(method));
	put(r, "start", jtime(start));
	put(r, "end", jtime(end));
	say(r, _("Phase #%lld \"%s\" added to \"%s\" (audit %lld).\n"), (long long)id, title,
	    project->title ? project->title : project->code, (long long)r->audit);
	return ST_OK;
}

static enum status do_phase_remove(struct run *r)
{
	const struct ref *phase;
	enum status st;

	if ((st = open_store(r)) != ST_OK ||
	    (st = find_ref(r, REF_PHASE, &r->ref.phases, 0, r->args[0], &phase)) != ST_OK)
		return st;
	st = r->store->ops->phase_delete(r->store, phase->id, r->justification, &r->audit, &r->e);
	if (st != ST_OK)
		return st;
	put(r, "phase", json_integer((json_int_t)phase->id));
	put(r, "title", jstr(phase->title));
	say(r, _("Phase #%lld \"%s\" removed; its ideas stay (audit %lld).\n"), (long long)phase->id,
	    phase->title ? phase->title : "", (long long)r->audit);
	return ST_OK;
}

/* --- undo and the audit log -------------------------------------------------------------------- */

static enum status do_undo(struct run *r)
{
	int64_t id = number(r, r->args[0], "AUDIT");
	enum status st;

	if ((st = open_store(r)) != ST_OK ||
	    (st = r->store->ops->undo(r->store, id, r->justification, &r->audit, &r->e)) != ST_OK)
		return st;
	put(r, "undone", json_integer((json_int_t)id));
	say(r, _("Action %lld undone (audit %lld).\n"), (long long)id, (long long)r->audit);
	return ST_OK;
}

/* The columns of the audit table up to the summary, measured in cells: names and
 * translated headings need not be ASCII. */
static void audit_row(struct run *r, const char *id, const char *when, const char *actor,
		      const char *action)
{
	static const int width[] = { 7, 16, 16, 18 };
	const char *cols[] = { id, when, actor, action };

	for (size_t c = 0; c < ARRAY_SIZE(cols); c++) {
		char *clean = text_sanitize(cols[c], 0);
		char *fit = text_fit(clean, width[c], true);
		int pad = c == 0 ? width[0] - text_width(clean) : 0;

		/* Numbers right-aligned, words left. */
		say(r, "%*s%s  ", pad > 0 ? pad : 0, "", c == 0 ? clean : fit);
		free(clean);
		free(fit);
	}
}

static enum status do_audit(struct run *r)
{
	struct audit_filter f = { .kind = ITEM_IDEA };
	struct audit_line *l;
	int n;
	long limit;
	enum status st;

	if (cli_has(r->a, CLI_OPT_IDEA) && cli_has(r->a, CLI_OPT_COMMENT))
		usage_of(r, _("audit takes --idea or --comment, not both"));
	if (cli_has(r->a, CLI_OPT_IDEA))
		f.item = number(r, cli_opt(r->a, CLI_OPT_IDEA), "--idea");
	if (cli_has(r->a, CLI_OPT_COMMENT)) {
		f.kind = ITEM_COMMENT;
		f.item = number(r, cli_opt(r->a, CLI_OPT_COMMENT), "--comment");
	}
	f.actor = cli_opt(r->a, CLI_OPT_ACTOR);
	f.action = cli_opt(r->a, CLI_OPT_ACTION);
	if (cli_has(r->a, CLI_OPT_SINCE))
		f.since = time_opt(r, CLI_OPT_SINCE, "since");
	if (cli_has(r->a, CLI_OPT_UNTIL))
		f.until = time_opt(r, CLI_OPT_UNTIL, "until");
	if (cli_has(r->a, CLI_OPT_LIMIT)) {
		if (!str_to_long(cli_opt(r->a, CLI_OPT_LIMIT), &limit) || limit < 1 || limit > 100000)
			usage_of(r, _("--limit wants a number from 1 to 100000"));
		f.limit = (int)limit;
	}
	if ((st = open_store(r)) != ST_OK ||
	    (st = r->store->ops->audit(r->store, &f, &l, &n, &r->e)) != ST_OK)
		return st;
	r->list = json_array();
	if (n) {
		audit_row(r, _("AUDIT"), _("WHEN"), _("ACTOR"), _("ACTION"));
		say(r, "%s\n", _("WHAT"));
	} else
		say(r, _("No audited action fits.\n"));
	for (int i = 0; i < n; i++) {
		char when[32], id[24];

		json_array_append_new(r->list, json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:b}",
			"id", (json_int_t)l[i].id, "at", jtime(l[i].at), "actor", jstr(l[i].actor),
			"action", jstr(l[i].action), "summary", jstr(l[i].summary),
			"justification", jstr(l[i].justification), "undone", l[i].undone));
		snprintf(id, sizeof(id), "%lld", (long long)l[i].id);
		audit_row(r, id, human_time(l[i].at, when, sizeof(when)), l[i].actor, l[i].action);
		say(r, "%s", l[i].summary ? l[i].summary : "");
		if (l[i].justification && *l[i].justification)
			say(r, _(" (why: %s)"), l[i].justification);
		say(r, "%s\n", l[i].undone ? _(" [undone]") : "");
	}
	audit_lines_free(l, n);
	return ST_OK;
}

/* --- the table --------------------------------------------------------------------------------- */

static const struct subcommand subcommands[] = {
	{ "merge", NULL, ACTION_MERGE, NULL, CHANGES | CLI_BIT(KEEP) | CLI_BIT(DRY_RUN), 1, -1,
	  N_("merge IDEA IDEA... [--keep IDEA] [--dry-run]"),
	  N_("Merges the ideas into one: the one named by --keep (listed or not), else the one the\n"
	     "console would keep (the most support, else the oldest). Each author of a merged idea gets a reply\n"
	     "from the merged template, signed as in the console. --dry-run shows what would\n"
	     "happen (support before and after, who is told, the replies) and changes nothing.\n"),
	  do_merge },
	{ "not-duplicate", NULL, ACTION_NOT_DUPLICATE, NULL, CHANGES, 1, 1,
	  N_("not-duplicate SUGGESTION"),
	  N_("Dismisses a duplicate suggestion; the pair is never suggested again.\n"),
	  do_not_duplicate },
	{ "assign", NULL, ACTION_ASSIGN, NULL, CHANGES | CLI_BIT(PERSON), 2, 2,
	  N_("assign IDEA DEPARTMENT|none [--person STAFF]"),
	  N_("Routes the idea to a department: its code, number, or the unique start of its name;\n"
	     "none takes it away from its department. --person names a staff member by number or\n"
	     "by the unique start of their name.\n"),
	  do_assign },
	{ "status", NULL, ACTION_SET_STATUS, NULL, CHANGES, 2, 2,
	  N_("status IDEA STATUS"),
	  N_("Moves the idea to another status: its key (accepted, rejected, ...) or the unique\n"
	     "start of its name.\n"),
	  do_status },
	{ "reply", NULL, ACTION_REPLY, NULL, CHANGES | CLI_BIT(STATUS) | CLI_BIT(FILE), 1, 2,
	  N_("reply IDEA [--status STATUS] [--file FILE | -]"),
	  N_("Posts an official reply on the idea, read from FILE or, with -, from standard input.\n"
	     "Without either, the reply is the template for the status (--status, else the idea's\n"
	     "own) in the author's language, filled in. It is signed as in the console. An empty\n"
	     "text is refused and nothing is sent. --status changes the status in the same step.\n"),
	  do_reply },
	{ "flag", "confirm", ACTION_CONFIRM_FLAG, NULL,
	  CHANGES | CLI_BIT(IDEA) | CLI_BIT(COMMENT) | CLI_BIT(REASON), 0, 1,
	  N_("flag confirm IDEA|--comment COMMENT [--reason TEXT]"),
	  N_("Confirms the reports and machine flags on an idea (or a comment): it is hidden, with\n"
	     "the reason, which its author sees.\n"),
	  do_flag },
	{ "flag", "dismiss", ACTION_DISMISS_FLAG, NULL,
	  CHANGES | CLI_BIT(IDEA) | CLI_BIT(COMMENT) | CLI_BIT(REASON), 0, 1,
	  N_("flag dismiss IDEA|--comment COMMENT [--reason TEXT]"),
	  N_("Dismisses the reports and machine flags on an idea (or a comment): it stays visible.\n"),
	  do_flag },
	{ "block", NULL, ACTION_BLOCK, NULL,
	  CHANGES | CLI_BIT(REASON) | CLI_BIT(FOR) | CLI_BIT(HIDE_CONTENT), 1, 1,
	  N_("block USER --reason TEXT [--for DURATION] [--hide-content]"),
	  N_("Blocks an author for a while: --for 12h, 7d (the default), 2w, or permanent (until\n"
	     "lifted). --hide-content also hides everything they posted, with the reason.\n"),
	  do_block_user },
	{ "unblock", NULL, ACTION_BLOCK, "unblock-author", CHANGES, 1, 1,
	  N_("unblock USER"),
	  N_("Lifts a block and shows again what the block hid.\n"),
	  do_unblock_user },
	{ "phase", "list", ACTION_NONE, "phase-list", COMMON | CLI_BIT(PROJECT), 0, 0,
	  N_("phase list [--project PROJECT]"),
	  N_("Lists the projects and their phases, with their numbers and dates.\n"),
	  do_phase_list },
	{ "phase", "set", ACTION_SET_PHASE, NULL, CHANGES | CLI_BIT(AT), 2, 2,
	  N_("phase set PROJECT PHASE [--at TIME]"),
	  N_("Makes the phase the project's current one from TIME (default: now): the running\n"
	     "phase ends then. PROJECT is a slug, number or the start of a title; so is PHASE,\n"
	     "within the project.\n"),
	  do_phase_set },
	{ "phase", "edit", ACTION_EDIT_PHASE, NULL,
	  CHANGES | CLI_BIT(START) | CLI_BIT(END) | CLI_BIT(ALLOW_GAP), 1, 1,
	  N_("phase edit PHASE [--start TIME] [--end TIME|open] [--allow-gap]"),
	  N_("Changes a phase's dates; what is not given stays. An overlap with another phase is\n"
	     "refused, a gap with a neighbour too unless --allow-gap.\n"),
	  do_phase_edit },
	{ "phase", "add", ACTION_ADD_PHASE, NULL,
	  CHANGES | CLI_BIT(TITLE) | CLI_BIT(METHOD) | CLI_BIT(START) | CLI_BIT(END) |
	  CLI_BIT(ALLOW_GAP), 1, 1,
	  N_("phase add PROJECT --title TEXT --start TIME [--end TIME] [--method METHOD] [--allow-gap]"),
	  N_("Adds a phase to the project, by default of the method ideation; the same rules as\n"
	     "phase edit.\n"),
	  do_phase_add },
	{ "phase", "remove", ACTION_REMOVE_PHASE, NULL, CHANGES, 1, 1,
	  N_("phase remove PHASE"),
	  N_("Removes a phase; its ideas stay, without a phase.\n"),
	  do_phase_remove },
	{ "undo", NULL, ACTION_UNDO, NULL, CHANGES, 1, 1,
	  N_("undo AUDIT"),
	  N_("Undoes the action of that audit row (printed by every action), when nothing changed\n"
	     "the same rows since.\n"),
	  do_undo },
	{ "audit", NULL, ACTION_NONE, "audit",
	  COMMON | CLI_BIT(IDEA) | CLI_BIT(COMMENT) | CLI_BIT(ACTOR) | CLI_BIT(ACTION) |
	  CLI_BIT(SINCE) | CLI_BIT(UNTIL) | CLI_BIT(LIMIT), 0, 0,
	  N_("audit [--idea N|--comment N] [--actor WHO] [--action NAME] [--since TIME] [--until TIME] [--limit N]"),
	  N_("Lists the audit log, newest first (at most 100 rows unless --limit): who did what, when,\n"
	     "and why.\n"),
	  do_audit },
};

/* The row the words name; *used is how many words that took. An action's name from the
 * action list works too (assign-department, confirm-flag, set-phase, ...), so the console's
 * ':' commands and the command line share their names. */
static const struct subcommand *find(const struct cli_args *a, int *used)
{
	const char *w = a->words[0], *verb = a->nwords > 1 ? a->words[1] : NULL;

	for (size_t i = 0; i < ARRAY_SIZE(subcommands); i++) {
		const struct subcommand *c = &subcommands[i];

		if (str_eq(w, c->word) && (!c->verb || (verb && str_eq(verb, c->verb)))) {
			*used = c->verb ? 2 : 1;
			return c;
		}
		if (!c->label && c->action != ACTION_NONE && str_eq(w, action_info(c->action)->name)) {
			*used = 1;
			return c;
		}
	}
	return NULL;
}

/* "phase" or "flag" with a verb that is not one of theirs. */
static bool names_group(const char *w)
{
	for (size_t i = 0; i < ARRAY_SIZE(subcommands); i++)
		if (subcommands[i].verb && str_eq(w, subcommands[i].word))
			return true;
	return false;
}

bool cli_actions_is(const struct cli_args *a)
{
	int used;

	return a->nwords && (find(a, &used) || names_group(a->words[0]));
}

static void verbs_of(const char *w, struct sbuf *b)
{
	for (size_t i = 0; i < ARRAY_SIZE(subcommands); i++)
		if (subcommands[i].verb && str_eq(w, subcommands[i].word))
			sbuf_addf(b, "%s%s", b->len ? ", " : "", subcommands[i].verb);
}

int cli_actions_run(const struct cli_args *a)
{
	struct run r = { .a = a };
	int used = 0, rc;
	enum status st;

	if (!(r.cmd = find(a, &used))) {
		struct sbuf b;
		char *msg;

		sbuf_init(&b);
		verbs_of(a->words[0], &b);
		msg = xasprintf(_("%s wants one of: %s"), a->words[0], b.s);
		sbuf_free(&b);
		cli_fail_usage(a, msg);
	}
	{
		char *name = r.cmd->verb ? xasprintf("%s %s", r.cmd->word, r.cmd->verb)
			   : xstrdup(a->words[0]);

		cli_check_options(a, r.cmd->options, name);
		free(name);
	}
	r.args = a->words + used;
	r.nargs = a->nwords - used;
	if (r.nargs < r.cmd->min || (r.cmd->max >= 0 && r.nargs > r.cmd->max))
		usage_of(&r, _("usage: inspraak %s"), _(r.cmd->synopsis));
	r.json = cli_has(a, CLI_OPT_JSON);
	r.justification = cli_opt(a, CLI_OPT_JUSTIFICATION);
	r.detail = json_object();
	sbuf_init(&r.out);
	err_clear(&r.e);
	st = r.cmd->run(&r);
	rc = report(&r, st);
	json_decref(r.detail);
	json_decref(r.list);
	sbuf_free(&r.out);
	if (r.store) {
		refdata_free(&r.ref);
		staff_free(&r.me);
		store_close(r.store);
	}
	cli_free_config(r.cfg);
	return rc;
}

bool cli_actions_help(FILE *f, const struct cli_args *a)
{
	int used, shown = 0;
	const struct subcommand *one = find(a, &used);

	for (size_t i = 0; i < ARRAY_SIZE(subcommands); i++) {
		const struct subcommand *c = &subcommands[i];

		if (one ? c != one : !str_eq(a->words[0], c->word))
			continue;
		fprintf(f, "%s%s inspraak %s\n", shown ? "\n" : "", _("Usage:"), _(c->synopsis));
		fprintf(f, "\n%s", _(c->details));
		/* The console's help line speaks of keys and editors; what ties the two together is
		 * the action's name and the role it needs. */
		if (c->action != ACTION_NONE)
			fprintf(f, _("The console's action %s; it needs the role %s.\n"),
				action_info(c->action)->name, role_name(action_info(c->action)->role));
		shown++;
	}
	if (shown)
		fprintf(f, "%s", _("\nCommon options: --db CONNINFO, --config FILE, --json (one JSON object on\n"
				   "standard output), --justification TEXT (kept in the audit log).\n"
				   "Exit status: 0 done, 1 refused or failed, 2 a usage error.\n"));
	return shown > 0;
}

void cli_actions_usage(FILE *f)
{
	fprintf(f, "%s", _("Actions, for scripts (inspraak ACTION --help tells more); every one takes\n"
			   "--db, --config and --json, and those that change something --justification:\n"));
	for (size_t i = 0; i < ARRAY_SIZE(subcommands); i++)
		fprintf(f, "  inspraak %s\n", _(subcommands[i].synopsis));
	fprintf(f, "%s", _("A reply without --file or - is the status's template, filled in and signed.\n"));
}
