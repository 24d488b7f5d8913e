#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/embedded.h"
#include "core/i18n.h"
#include "core/migrate.h"

/* Embedded files named db/NNNN_what.sql, in the order the build lists them. */
static int migration_version(const char *name)
{
	long v;
	char num[8];

	if (!str_starts(name, "db/") || strlen(name) < 8)
		return 0;
	memcpy(num, name + 3, 4);
	num[4] = '\0';
	return str_to_long(num, &v) && name[7] == '_' ? (int)v : 0;
}

int migrate_latest(void)
{
	int latest = 0;

	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		int v = migration_version(f->name);

		if (v > latest)
			latest = v;
	}
	return latest;
}

static bool exec_ok(PGconn *conn, const char *sql, struct err *e)
{
	PGresult *r = PQexec(conn, sql);
	ExecStatusType s = PQresultStatus(r);
	bool ok = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;

	if (!ok)
		err_set(e, "%s", PQresultErrorMessage(r));
	PQclear(r);
	return ok;
}

enum status migrate_current(PGconn *conn, int *version, struct err *e)
{
	PGresult *r = PQexec(conn, "select to_regclass('inspraak_schema') is not null");
	enum status st = ST_OK;
	bool has;

	*version = 0;
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		err_set(e, _("Cannot read the schema version: %s"), PQresultErrorMessage(r));
		PQclear(r);
		return ST_FAIL;
	}
	has = PQgetvalue(r, 0, 0)[0] == 't';
	PQclear(r);
	if (!has)
		return ST_OK;
	r = PQexec(conn, "select coalesce(max(version), 0) from inspraak_schema");
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		err_set(e, _("Cannot read the schema version: %s"), PQresultErrorMessage(r));
		st = ST_FAIL;
	} else {
		*version = atoi(PQgetvalue(r, 0, 0));
	}
	PQclear(r);
	return st;
}

enum status migrate_apply(PGconn *conn, int *from, int *to, struct err *e)
{
	int cur, latest = migrate_latest();
	enum status st;

	*from = *to = 0;
	if (!exec_ok(conn, "begin; select pg_advisory_xact_lock(7265413)", e))
		return ST_FAIL;
	st = migrate_current(conn, &cur, e);
	if (st != ST_OK)
		goto fail;
	if (cur == 0 && !exec_ok(conn, "create table if not exists inspraak_schema ("
				 " version integer primary key,"
				 " name text not null,"
				 " applied_at timestamptz not null default now())", e))
		goto fail;
	*from = *to = cur;
	if (cur > latest) {
		exec_ok(conn, "rollback", NULL);
		err_set(e, _("The database's schema (version %d) is newer than this inspraak "
			     "understands (version %d): upgrade inspraak."), cur, latest);
		return ST_NEW_SCHEMA;
	}
	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		int v = migration_version(f->name);
		char vs[16];
		const char *params[2] = { vs, f->name };
		PGresult *r;

		if (v <= cur)
			continue;
		if (!exec_ok(conn, f->text, e)) {
			char msg[sizeof(e->msg)];

			snprintf(msg, sizeof(msg), "%s", e->msg);
			err_set(e, _("Migration %s failed: %s"), f->name, msg);
			goto fail;
		}
		snprintf(vs, sizeof(vs), "%d", v);
		r = PQexecParams(conn, "insert into inspraak_schema (version, name) values ($1, $2)",
				 2, NULL, params, NULL, NULL, 0);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			err_set(e, "%s", PQresultErrorMessage(r));
			PQclear(r);
			goto fail;
		}
		PQclear(r);
		*to = v;
	}
	if (!exec_ok(conn, "commit", e))
		goto fail;
	/* A migration that rewrote rows leaves the planner's statistics behind; a queue read with
	 * stale ones can cost a hundred times more. */
	if (*to > *from && !exec_ok(conn, "analyze", e))
		return ST_FAIL;
	return ST_OK;
fail:
	exec_ok(conn, "rollback", NULL);
	*to = *from;
	return ST_FAIL;
}

enum status migrate_check(PGconn *conn, struct err *e)
{
	int cur, latest = migrate_latest();
	enum status st = migrate_current(conn, &cur, e);

	if (st != ST_OK)
		return st;
	if (cur == 0) {
		err_set(e, _("The database %s has no inspraak schema: run `inspraak db migrate` "
			     "on it first."), PQdb(conn));
		return ST_NO_SCHEMA;
	}
	if (cur < latest) {
		err_set(e, _("The database %s has schema version %d and this inspraak needs "
			     "version %d: run `inspraak db migrate`."), PQdb(conn), cur, latest);
		return ST_OLD_SCHEMA;
	}
	if (cur > latest) {
		err_set(e, _("The database's schema (version %d) is newer than this inspraak "
			     "understands (version %d): upgrade inspraak."), cur, latest);
		return ST_NEW_SCHEMA;
	}
	return ST_OK;
}
