/* A throwaway PostgreSQL server for a test program, made with core/cluster.c (the mechanism
 * `inspraak demo` uses). Started on first use in a fresh directory under $TMPDIR (or /tmp),
 * stopped and removed when the process that started it exits, also after a failed test.
 * Check runs each test in a forked child; only the starting process cleans up. */
#ifndef INSPRAAK_PGTEST_H
#define INSPRAAK_PGTEST_H

#include <libpq-fe.h>
#include <stdbool.h>

/* Start the server from the parent process: add it to every test case with
 * tcase_add_unchecked_fixture(tc, pgtest_setup, NULL), so one server serves all the tests of
 * the program and is stopped by the process that lives longest. */
void pgtest_setup(void);

/* The server's conninfo for database "postgres"; starts the server on first call. Exits the
 * test program with a message on stderr when the server cannot start (a failure, not a skip). */
const char *pgtest_conninfo(void);

/* A new, empty database with a unique name starting with prefix; migrated to the newest
 * schema when migrate is true. Returns its conninfo (allocated). */
char *pgtest_new_db(const char *prefix, bool migrate);

/* Connect or exit with libpq's message. */
PGconn *pgtest_connect(const char *conninfo);

/* Run SQL (several statements allowed) or fail the current test with the server's message. */
void pgtest_exec(PGconn *conn, const char *sql);

/* The first column of the first row of a query as a long / an allocated string. */
long pgtest_long(PGconn *conn, const char *sql);
char *pgtest_str(PGconn *conn, const char *sql);

#endif
