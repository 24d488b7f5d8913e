#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/pg.h"

static void quiet_notices(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

void pg_error_line(const char *msg, char *out, size_t n)
{
	size_t j = 0;
	bool space = false;

	for (const char *p = msg ? msg : ""; *p && j + 1 < n; p++) {
		if (*p == '\n' || *p == '\t' || *p == '\r') {
			space = j > 0;
			continue;
		}
		if (space) {
			if (j > 0 && out[j - 1] != ' ' && out[j - 1] != '.' && j + 2 < n)
				out[j++] = ';';
			if (j + 1 < n)
				out[j++] = ' ';
			space = false;
		}
		out[j++] = *p;
	}
	while (j > 0 && (out[j - 1] == ' ' || out[j - 1] == ';'))
		j--;
	out[j] = '\0';
}

PGconn *pg_connect(const char *conninfo, struct err *e)
{
	/* Later keywords win: the user's conninfo overrides our defaults. */
	const char *keys[] = { "connect_timeout", "fallback_application_name", "dbname", NULL };
	const char *vals[] = { "10", "inspraak", conninfo && *conninfo ? conninfo : NULL, NULL };
	PGconn *conn;
	char line[768];

	if (!vals[2])
		keys[2] = NULL;
	conn = PQconnectdbParams(keys, vals, 1);
	if (!conn) {
		err_set(e, _("Cannot connect to the database: out of memory"));
		return NULL;
	}
	if (PQstatus(conn) != CONNECTION_OK) {
		pg_error_line(PQerrorMessage(conn), line, sizeof(line));
		if (*line && !strchr(".?!", line[strlen(line) - 1]))
			strncat(line, ".", sizeof(line) - strlen(line) - 1);
		err_set(e, _("Cannot connect to the database: %s"), line);
		PQfinish(conn);
		return NULL;
	}
	PQsetNoticeProcessor(conn, quiet_notices, NULL);
	return conn;
}

bool pg_exec(PGconn *conn, const char *sql, struct err *e)
{
	PGresult *r = PQexec(conn, sql);
	ExecStatusType s = PQresultStatus(r);
	bool ok = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;

	if (!ok) {
		char line[768];

		pg_error_line(PQresultErrorMessage(r), line, sizeof(line));
		err_set(e, "%s", line);
	}
	PQclear(r);
	return ok;
}

int64_t pg_i64(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? 0 : strtoll(PQgetvalue(r, row, col), NULL, 10);
}

int pg_int(const PGresult *r, int row, int col)
{
	return (int)pg_i64(r, row, col);
}

double pg_double(const PGresult *r, int row, int col, double null_value)
{
	return PQgetisnull(r, row, col) ? null_value : strtod(PQgetvalue(r, row, col), NULL);
}

bool pg_bool(const PGresult *r, int row, int col)
{
	return !PQgetisnull(r, row, col) && PQgetvalue(r, row, col)[0] == 't';
}

char *pg_str(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? NULL : xstrdup(PQgetvalue(r, row, col));
}
