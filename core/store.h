/* The store: one interface, two back ends. store_pg talks to the platform's PostgreSQL
 * database; store_govocal (later) to a hosted Go Vocal platform over its web API. The
 * console, the command line and the tests only see this interface. */
#ifndef INSPRAAK_STORE_H
#define INSPRAAK_STORE_H

#include <stdbool.h>

#include "core/model.h"
#include "core/util.h"

struct store;

/* An official reply as it will be posted. */
struct reply {
	int64_t idea;
	const char *body;
	const char *signature;
	const char *locale;
};

struct store_ops {
	void (*close)(struct store *s);
	/* Where we are connected, for the status line: "inspraak on /var/lib/… (5432)". */
	const char *(*describe)(struct store *s);
	enum status (*whoami)(struct store *s, struct staff *me, struct err *e);
	enum status (*refdata)(struct store *s, struct refdata *out, struct err *e);
	/* Rows in each queue, exact up to COUNT_CAP (COUNT_CAP + 1: more); -1 for a queue the
	 * back end does not offer (the web API has no duplicate suggestions). */
	enum status (*counts)(struct store *s, const struct filter *f, long out[QUEUE_COUNT],
			      struct err *e);
	/* Up to limit rows of queue q next to `from` in queue order: after it (dir > 0) or
	 * before it (dir < 0), or the first/last ones when from is NULL. With inclusive, the
	 * row at `from` itself counts. Rows come in queue order. */
	enum status (*page)(struct store *s, enum queue_kind q, const struct filter *f,
			    const struct qkey *from, int dir, bool inclusive, int limit,
			    struct queue_row *rows, int *n, struct err *e);
	/* How many rows come before `at` in queue order, exact up to COUNT_CAP. */
	enum status (*position)(struct store *s, enum queue_kind q, const struct filter *f,
				const struct qkey *at, long *pos, struct err *e);
	/* The nearest row after (dir > 0) or before (dir < 0) `from` whose text contains
	 * needle, case and accents ignored. ST_NOT_FOUND when there is none. */
	enum status (*search)(struct store *s, enum queue_kind q, const struct filter *f,
			      const struct qkey *from, int dir, const char *needle,
			      struct queue_row *found, struct err *e);
	enum status (*idea)(struct store *s, int64_t id, struct idea_detail *out, struct err *e);
	enum status (*flag_item)(struct store *s, enum item_kind kind, int64_t id,
				 struct flag_detail *out, struct err *e);
	enum status (*suggestion)(struct store *s, int64_t id, struct dupe_detail *out,
				  struct err *e);
	enum status (*author)(struct store *s, int64_t user_id, struct author_view *out,
			      struct err *e);
	/* --- actions: each one transaction with its audit row, refused with ST_CONFLICT (and
	 * who changed it, when) when the version the caller saw is stale. *audit receives the
	 * id of the audit row, for undo. --- */
	enum status (*merge_preview)(struct store *s, int64_t keep, const int64_t *merged, int n,
				     struct merge_preview *out, struct err *e);
	enum status (*merge)(struct store *s, int64_t keep, const int64_t *merged,
			     const int *versions, int n, const struct reply *replies, int nreplies,
			     const char *justification, int64_t *audit, struct err *e);
	enum status (*dismiss_suggestion)(struct store *s, int64_t suggestion,
					  const char *justification, int64_t *audit, struct err *e);
	enum status (*assign)(struct store *s, int64_t idea, int version, int64_t department,
			      int64_t assignee, const char *justification, int64_t *audit,
			      struct err *e);
	enum status (*set_status)(struct store *s, int64_t idea, int version, const char *status,
				  const char *justification, int64_t *audit, struct err *e);
	/* status may be NULL: the reply leaves the status as it is. */
	enum status (*reply)(struct store *s, int64_t idea, int version, const struct reply *r,
			     const char *status, const char *justification, int64_t *audit,
			     struct err *e);
	enum status (*verdict)(struct store *s, enum item_kind kind, int64_t item, int version,
			       bool confirm, const char *reason, const char *justification,
			       int64_t *audit, struct err *e);
	/* until: unix time, 0 for until lifted. */
	enum status (*block)(struct store *s, int64_t user, int64_t until, const char *reason,
			     bool hide_content, const char *justification, int64_t *audit,
			     struct err *e);
	enum status (*unblock)(struct store *s, int64_t user, const char *justification,
			       int64_t *audit, struct err *e);
	enum status (*timeline)(struct store *s, struct timeline *out, struct err *e);
	enum status (*phase_set_current)(struct store *s, int64_t project, int64_t phase,
					 int64_t at, const char *justification, int64_t *audit,
					 struct err *e);
	/* end 0: open-ended. */
	enum status (*phase_update)(struct store *s, int64_t phase, int64_t start, int64_t end,
				    bool allow_gap, const char *justification, int64_t *audit,
				    struct err *e);
	enum status (*phase_add)(struct store *s, int64_t project, const char *title,
				 const char *method, int64_t start, int64_t end, bool allow_gap,
				 const char *justification, int64_t *audit, struct err *e);
	enum status (*phase_delete)(struct store *s, int64_t phase, const char *justification,
				    int64_t *audit, struct err *e);
	enum status (*undo)(struct store *s, int64_t audit, const char *justification,
			    int64_t *undo_audit, struct err *e);
	/* Claim an item for this console; ST_CLAIMED with the holder in *holder (allocated)
	 * when someone else holds it and take_over is false. */
	enum status (*claim)(struct store *s, enum item_kind kind, int64_t item, int minutes,
			     bool take_over, char **holder, struct err *e);
	enum status (*release)(struct store *s, enum item_kind kind, int64_t item, struct err *e);
	enum status (*staff)(struct store *s, struct staff_line **out, int *n, struct err *e);
	enum status (*audit)(struct store *s, const struct audit_filter *f,
			     struct audit_line **out, int *n, struct err *e);

	/* A file descriptor that becomes readable when another client changed something, or -1. */
	int (*notify_fd)(struct store *s);
	/* Take the pending change notices; true when anything changed. */
	bool (*changes)(struct store *s);
	/* A back end without a change feed asks the platform every ms milliseconds of quiet
	 * (0: never) and then makes notify_fd readable. NULL: it has a feed (store_pg). */
	void (*poll_every)(struct store *s, int ms);
	/* After an error: is the connection still good? Reconnects once when it is not. */
	enum status (*check)(struct store *s, struct err *e);
};

struct store {
	const struct store_ops *ops;
	char locale[8];   /* the content locale ("nl-BE") texts are read in */
	char console[64]; /* who this console is, for claims: "user@host:pid" */
	/* Called about every 50 ms while a back end waits on the network (store_govocal), so
	 * the console can keep drawing and reading keys; setting *cancel stops the request
	 * (ST_CANCELLED). It must not call the store. NULL: just wait. store_pg ignores it. */
	void (*wait)(void *ctx, bool *cancel);
	void *wait_ctx;
	/* Called when the platform no longer accepts the session (store_govocal, ST_CONNECT):
	 * log in again (the console asks for the password) and say whether it worked; the
	 * operation is then done again, so nothing in progress is lost. NULL: just fail. */
	bool (*relogin)(void *ctx, struct store *s);
	void *relogin_ctx;
	/* The back end has no claims (the web API): the console acts without claiming. */
	bool without_claims;
	/* The back end merges by giving the merged ideas a status and their authors a reply
	 * that points to the idea that stays; votes and comments stay where they are (the web
	 * API). Merges then use the template merged-platform. */
	bool merge_by_status;
	/* The back end cannot hide an idea or a comment (the web API): confirming a flag is
	 * refused before a reason is asked for. */
	bool without_hiding;
};

/* Open the PostgreSQL back end. conninfo may be NULL or "" for libpq's defaults (PGHOST,
 * PGDATABASE, PGSERVICE, .pgpass). Checks the schema version: ST_NO_SCHEMA, ST_OLD_SCHEMA,
 * ST_NEW_SCHEMA, ST_CONNECT come with one sentence in e. */
enum status store_pg_open(const char *conninfo, const char *locale, struct store **out,
			  struct err *e);

static inline void store_close(struct store *s) { if (s) s->ops->close(s); }

#endif
