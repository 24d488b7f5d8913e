/* libpq conveniences shared by the PostgreSQL back end and the subcommands. */
#ifndef INSPRAAK_PG_H
#define INSPRAAK_PG_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/util.h"

/* Connect with inspraak's defaults (application name, a connect timeout the conninfo may
 * override, notices swallowed so nothing writes over the screen). conninfo NULL or "" means
 * libpq's own conventions: PGHOST, PGDATABASE, PGSERVICE, .pgpass. NULL with one sentence
 * in e. */
PGconn *pg_connect(const char *conninfo, struct err *e);

/* libpq's message folded onto one line, without the trailing newline. */
void pg_error_line(const char *msg, char *out, size_t n);

/* Run a statement without results; false with the server's message in e. */
bool pg_exec(PGconn *conn, const char *sql, struct err *e);

/* Values of a result cell, NULL-safe. */
int64_t pg_i64(const PGresult *r, int row, int col);
int pg_int(const PGresult *r, int row, int col);
double pg_double(const PGresult *r, int row, int col, double null_value);
bool pg_bool(const PGresult *r, int row, int col);
/* An allocated copy, or NULL for SQL NULL. */
char *pg_str(const PGresult *r, int row, int col);

#endif
