/* The store: one interface, two back ends. store_pg talks to the platform's PostgreSQL
 * database; store_govocal (later) to a hosted Go Vocal platform over its web API. The
 * console, the command line and the tests only see this interface. */
#ifndef INSPRAAK_STORE_H
#define INSPRAAK_STORE_H

#include <stdbool.h>

#include "core/model.h"
#include "core/util.h"

struct store;

struct store_ops {
	void (*close)(struct store *s);
	/* Where we are connected, for the status line: "inspraak on /var/lib/… (5432)". */
	const char *(*describe)(struct store *s);
	enum status (*whoami)(struct store *s, struct staff *me, struct err *e);
	enum status (*refdata)(struct store *s, struct refdata *out, struct err *e);
	/* Rows in each queue, exact up to COUNT_CAP (COUNT_CAP + 1: more). */
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
	/* A file descriptor that becomes readable when another client changed something, or -1. */
	int (*notify_fd)(struct store *s);
	/* Take the pending change notices; true when anything changed. */
	bool (*changes)(struct store *s);
	/* After an error: is the connection still good? Reconnects once when it is not. */
	enum status (*check)(struct store *s, struct err *e);
};

struct store {
	const struct store_ops *ops;
	char locale[8];   /* the content locale ("nl-BE") texts are read in */
};

/* Open the PostgreSQL back end. conninfo may be NULL or "" for libpq's defaults (PGHOST,
 * PGDATABASE, PGSERVICE, .pgpass). Checks the schema version: ST_NO_SCHEMA, ST_OLD_SCHEMA,
 * ST_NEW_SCHEMA, ST_CONNECT come with one sentence in e. */
enum status store_pg_open(const char *conninfo, const char *locale, struct store **out,
			  struct err *e);

static inline void store_close(struct store *s) { if (s) s->ops->close(s); }

#endif
