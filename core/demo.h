/* The demo municipality: a seeded generator that writes what citizens and staff of a fictional
 * Flemish municipality would have written, loaded with COPY. */
#ifndef INSPRAAK_DEMO_H
#define INSPRAAK_DEMO_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "core/util.h"

#define DEMO_DEFAULT_IDEAS 3600

struct demo_opts {
	long ideas;              /* number of ideas; at least 100 */
	unsigned long long seed; /* same seed, same municipality */
	/* Called now and then with what is being done and how far (0..1); may be NULL. */
	void (*progress)(void *ctx, const char *stage, double done);
	void *ctx;
};

/* Load the demo municipality into a migrated, empty database. Writes areas, departments,
 * projects with phases, staff and citizens with demographics, ideas (Dutch with some French
 * and English; near-duplicates, spam and abuse among them), votes, comments, citizen
 * reports and staff replies, all with COPY. Then computes duplicate suggestions with a
 * pg_trgm similarity query (method "pg_trgm") and runs VACUUM ANALYZE. ST_INVALID when the
 * database is not empty. */
enum status demo_load(PGconn *conn, const struct demo_opts *o, struct err *e);

/* True when the database holds ideas already. */
bool demo_has_data(PGconn *conn);

#endif
