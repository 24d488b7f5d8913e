/* The demo municipality: a seeded generator that writes what citizens and staff of a fictional
 * Flemish municipality would have written, loaded with COPY. */
#ifndef INSPRAAK_DEMO_H
#define INSPRAAK_DEMO_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "core/util.h"

#define DEMO_DEFAULT_IDEAS 3600

struct demo_opts {
	long ideas;              /* number of ideas; 100 to 5,000,000 */
	unsigned long long seed; /* same seed, same municipality */
	/* Called now and then with what is being done, translated ("ideas", "votes", ...,
	 * "vacuum"), and how far that stage is (0..1): about every 1%
	 * of the stages that stream rows, at the start and end of the single statements, and
	 * with 1 as the very last call. May be NULL. */
	void (*progress)(void *ctx, const char *stage, double done);
	void *ctx;
};

/* Load the demo municipality Gravenvoorde into a migrated, empty database. Writes areas,
 * departments, projects with phases, staff and citizens with demographics, ideas (Dutch with
 * some French and English; near-duplicates, spam and abuse among them), votes, comments,
 * citizen reports and staff replies, all with COPY in one transaction; commits, notifies
 * channel "inspraak" and runs VACUUM ANALYZE. It writes no duplicate suggestions, flags or
 * department suggestions: those are the analysis engine's (core/analyze.h).
 *
 * Times are relative to now, or to INSPRAAK_DEMO_NOW (unix seconds) when set: with it, the
 * same seed gives the same database. The connection must be allowed to set
 * session_replication_role (a superuser, as in the embedded demo cluster).
 *
 * ST_INVALID (nothing written) when the size is out of range or the database already holds
 * ideas, users, projects, areas or departments; ST_FAIL with the server's message when a
 * statement fails, after rolling back. */
enum status demo_load(PGconn *conn, const struct demo_opts *o, struct err *e);

/* True when the database holds ideas already. */
bool demo_has_data(PGconn *conn);

#endif
