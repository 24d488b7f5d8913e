/* Schema migrations: the SQL files of db/, compiled into the binary, applied in order. The
 * database records which versions it has in the table inspraak_schema. */
#ifndef INSPRAAK_MIGRATE_H
#define INSPRAAK_MIGRATE_H

#include <libpq-fe.h>

#include "core/util.h"

/* The newest schema version this binary knows. */
int migrate_latest(void);

/* The database's schema version: 0 when it has no inspraak schema. */
enum status migrate_current(PGconn *conn, int *version, struct err *e);

/* Apply the missing migrations, all in one transaction under an advisory lock, so two
 * concurrent runs cannot both apply one. Idempotent. Refuses (ST_NEW_SCHEMA) a database whose
 * schema is newer than this binary. *from and *to receive the versions before and after. */
enum status migrate_apply(PGconn *conn, int *from, int *to, struct err *e);

/* For the console at start-up: ST_OK when the schema is the binary's, else ST_NO_SCHEMA,
 * ST_OLD_SCHEMA or ST_NEW_SCHEMA with one sentence saying what to do. */
enum status migrate_check(PGconn *conn, struct err *e);

#endif
