#include "config.h"

#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cluster.h"
#include "core/migrate.h"
#include "tests/db/pgtest.h"

static struct cluster cluster;
static char *conninfo;
static pid_t owner;
static int dbseq;
static char *topdir;

static void cleanup(void)
{
	struct err e;

	/* Check forks a child per test; only the process that started the server stops it. */
	if (!conninfo || getpid() != owner)
		return;
	if (cluster_destroy(&cluster, &e) != ST_OK)
		fprintf(stderr, "pgtest: %s\n", e.msg);
	cluster_close(&cluster);
	rmdir(topdir);
}

static void on_signal(int sig)
{
	cleanup();
	signal(sig, SIG_DFL);
	raise(sig);
}

const char *pgtest_conninfo(void)
{
	char tmpl[256];
	const char *tmp = getenv("TMPDIR");
	struct err e;

	if (conninfo)
		return conninfo;
	snprintf(tmpl, sizeof(tmpl), "%s/inspraak-test.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(tmpl)) {
		perror("pgtest: mkdtemp");
		exit(1);
	}
	/* The cluster lives below the fresh directory, which the server user (postgres, when
	 * we are root) must be able to enter. */
	chmod(tmpl, 0755);
	topdir = strdup(tmpl);
	strncat(tmpl, "/pg", sizeof(tmpl) - strlen(tmpl) - 1);
	setenv("INSPRAAK_PG_NOSYNC", "1", 1);
	if (cluster_open(&cluster, tmpl, &e) != ST_OK || cluster_init(&cluster, &e) != ST_OK) {
		fprintf(stderr, "pgtest: %s\n", e.msg);
		exit(1);
	}
	owner = getpid();
	conninfo = cluster_conninfo(&cluster, "postgres");
	atexit(cleanup);
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGHUP, on_signal);
	if (cluster_start(&cluster, &e) != ST_OK) {
		fprintf(stderr, "pgtest: %s\n", e.msg);
		exit(1);
	}
	return conninfo;
}

void pgtest_setup(void)
{
	pgtest_conninfo();
}

char *pgtest_new_db(const char *prefix, bool migrate)
{
	char name[128];
	struct err e;
	char *ci;

	pgtest_conninfo();
	snprintf(name, sizeof(name), "%s_%d_%d", prefix, (int)getpid(), ++dbseq);
	if (cluster_create_db(&cluster, name, &e) != ST_OK)
		ck_abort_msg("pgtest: %s", e.msg);
	ci = cluster_conninfo(&cluster, name);
	if (migrate) {
		PGconn *conn = pgtest_connect(ci);
		int from, to;

		if (migrate_apply(conn, &from, &to, &e) != ST_OK)
			ck_abort_msg("pgtest: migrate: %s", e.msg);
		PQfinish(conn);
	}
	return ci;
}

PGconn *pgtest_connect(const char *ci)
{
	PGconn *conn = PQconnectdb(ci);

	if (PQstatus(conn) != CONNECTION_OK)
		ck_abort_msg("pgtest: cannot connect (%s): %s", ci, PQerrorMessage(conn));
	PQsetNoticeProcessor(conn, NULL, NULL);
	return conn;
}

void pgtest_exec(PGconn *conn, const char *sql)
{
	PGresult *r = PQexec(conn, sql);
	ExecStatusType s = PQresultStatus(r);

	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
		char msg[1024];

		snprintf(msg, sizeof(msg), "%s", PQresultErrorMessage(r));
		PQclear(r);
		ck_abort_msg("pgtest: %s\n  in: %.200s", msg, sql);
	}
	PQclear(r);
}

char *pgtest_str(PGconn *conn, const char *sql)
{
	PGresult *r = PQexec(conn, sql);
	char *s;

	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) < 1) {
		char msg[1024];

		snprintf(msg, sizeof(msg), "%s", PQresultErrorMessage(r));
		PQclear(r);
		ck_abort_msg("pgtest: no value: %s\n  in: %.200s", msg, sql);
	}
	s = strdup(PQgetisnull(r, 0, 0) ? "" : PQgetvalue(r, 0, 0));
	PQclear(r);
	return s;
}

long pgtest_long(PGconn *conn, const char *sql)
{
	char *s = pgtest_str(conn, sql);
	long v = atol(s);

	free(s);
	return v;
}
