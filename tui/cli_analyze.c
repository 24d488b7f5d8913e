/* `inspraak analyze`: the analysis service from the command line, and the same service on a
 * thread of the console's process (the demo runs it there). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/analyze.h"
#include "core/i18n.h"
#include "core/pg.h"
#include "tui/cli.h"
#include "tui/cli_analyze.h"

void cli_analyze_usage(FILE *f)
{
	fprintf(f, "%s", _(
"The analysis engine on a database:\n"
"       inspraak analyze [--db CONNINFO] [--follow] [--retrain] [--status] [--limit N]\n"
"              analyse the ideas and comments that wait (at most N), writing duplicate\n"
"              suggestions, spam flags and department suggestions; --follow keeps\n"
"              listening for new ones; --retrain trains the models again from the\n"
"              moderators' decisions first; --status shows the models and how often\n"
"              they and the moderators disagreed\n"));
}

bool cli_analyze_is(const struct cli_args *a)
{
	return a->nwords > 0 && str_eq(a->words[0], "analyze");
}

/* The duplicate index's file for a database: in the state directory, named after the
 * database's instance id so two databases never share one. */
char *cli_analyze_index_path(PGconn *conn)
{
	PGresult *r = PQexec(conn, "select instance from analysis_settings");
	char *dir, *path = NULL;

	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
		char *base = xdg_state_home();

		dir = xasprintf("%s/inspraak", base);
		free(base);
		if (mkdir_p(dir, 0700) == 0)
			path = xasprintf("%s/dupes-%s.idx", dir, PQgetvalue(r, 0, 0));
		free(dir);
	}
	PQclear(r);
	return path;
}

static void log_stderr(void *ctx, const char *line)
{
	(void)ctx;
	fprintf(stderr, "inspraak: %s\n", line);
}

/* One run of the engine: on conn, or on a connection of its own to conninfo; with the
 * database's index file; retrain first when asked; then follow until stop_fd, or analyse up to
 * limit waiting items (0: all) and save the index. */
enum status cli_analyze_run(const struct cli_engine_run *r, long *done, struct err *e)
{
	PGconn *conn = r->conn ? r->conn : pg_connect(r->conninfo, e);
	struct analyze_opts o = { .log = r->log, .ctx = r->ctx };
	struct analyzer *an = NULL;
	enum status st;
	char *path;

	if (!conn)
		return ST_CONNECT;
	path = cli_analyze_index_path(conn);
	o.index_path = path;
	st = analyzer_open(conn, &o, &an, e);
	if (st == ST_OK && r->retrain)
		st = analyzer_retrain(an, e);
	if (st == ST_OK && r->follow)
		st = analyzer_follow(an, r->stop_fd, 0, e);
	else if (st == ST_OK && (st = analyzer_pending(an, r->limit, done, e)) == ST_OK)
		st = analyzer_save(an, e);
	analyzer_close(an);
	free(path);
	if (!r->conn)
		PQfinish(conn);
	return st;
}

static volatile sig_atomic_t stop_signal;
static int stop_pipe[2] = { -1, -1 };

static void on_stop(int sig)
{
	int saved = errno;

	stop_signal = sig;
	if (stop_pipe[1] >= 0 && write(stop_pipe[1], "x", 1) < 0) {
		/* nothing to do: the loop also wakes every half minute */
	}
	errno = saved;
}

/* One connection's life of --follow: returns 0 when stopped, 1 when the connection failed. */
static int follow_once(const char *conninfo, bool retrain)
{
	struct cli_engine_run r = { .conninfo = conninfo, .retrain = retrain, .follow = true,
				    .stop_fd = stop_pipe[0], .log = log_stderr };
	struct err e;

	if (cli_analyze_run(&r, NULL, &e) != ST_OK) {
		fprintf(stderr, "inspraak: %s\n", e.msg);
		return 1;
	}
	return 0;
}

int cli_analyze_main(const struct cli_args *a)
{
	const char *ci = cli_conninfo(a);
	struct err e;
	PGconn *conn;
	long limit = 0, done = 0;
	bool follow = cli_has(a, CLI_OPT_FOLLOW), retrain = cli_has(a, CLI_OPT_RETRAIN);
	int rc = 0;

	cli_check_options(a, CLI_BIT(DB) | CLI_BIT(CONFIG) | CLI_BIT(FOLLOW) | CLI_BIT(RETRAIN) |
			  CLI_BIT(STATUS) | CLI_BIT(LIMIT), "analyze");
	if (a->nwords > 1)
		cli_fail_usage(a, _("analyze takes no words, only options"));
	if (cli_has(a, CLI_OPT_LIMIT) && (!str_to_long(cli_opt(a, CLI_OPT_LIMIT), &limit) || limit < 1))
		cli_fail_usage(a, _("--limit wants a positive number"));
	if (cli_has(a, CLI_OPT_STATUS)) {
		if (follow || retrain)
			cli_fail_usage(a, _("--status shows; it goes without --follow and --retrain"));
		if (!(conn = pg_connect(ci, &e)) || analyze_status(conn, stdout, &e) != ST_OK) {
			fprintf(stderr, "inspraak: %s\n", e.msg);
			rc = 1;
		}
		if (conn)
			PQfinish(conn);
		return rc;
	}
	if (follow) {
		struct sigaction sa;

		if (pipe(stop_pipe) != 0) {
			perror("inspraak: pipe");
			return 1;
		}
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_stop;
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		/* A lost connection is tried again, a little later each time, until stopped. */
		for (int wait = 1; !stop_signal; wait = wait < 60 ? wait * 2 : 60) {
			if (follow_once(ci, retrain) == 0 || stop_signal)
				break;
			retrain = false;
			fprintf(stderr, _("inspraak: trying again in %d s\n"), wait);
			for (int s = 0; s < wait && !stop_signal; s++)
				sleep(1);
		}
		return 0;
	}

	{
		struct cli_engine_run r = { .conninfo = ci, .retrain = retrain, .limit = limit,
					    .log = log_stderr };

		if (cli_analyze_run(&r, &done, &e) != ST_OK) {
			fprintf(stderr, "inspraak: %s\n", e.msg);
			return 1;
		}
		printf(_("Analysed %ld ideas and comments.\n"), done);
		return 0;
	}
}

/* ---- on a thread of the console ------------------------------------------------------ */

struct cli_analyzer {
	pthread_t thread;
	char *conninfo;
	int stop[2];
	char error[sizeof(((struct err *)0)->msg)];
};

static void *thread_main(void *arg)
{
	struct cli_analyzer *t = arg;
	struct cli_engine_run r = { .conninfo = t->conninfo, .follow = true, .stop_fd = t->stop[0] };
	struct err e;

	if (cli_analyze_run(&r, NULL, &e) != ST_OK)
		snprintf(t->error, sizeof(t->error), "%s", e.msg);
	return NULL;
}

struct cli_analyzer *cli_analyzer_start(const char *conninfo)
{
	struct cli_analyzer *t = xcalloc(1, sizeof(*t));
	sigset_t all, old;
	int rc;

	if (pipe(t->stop) != 0) {
		free(t);
		return NULL;
	}
	fcntl(t->stop[0], F_SETFD, FD_CLOEXEC);
	fcntl(t->stop[1], F_SETFD, FD_CLOEXEC);
	t->conninfo = xstrdup(conninfo ? conninfo : "");
	/* Signals are the console's: the thread starts with all of them blocked. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&t->thread, NULL, thread_main, t);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		close(t->stop[0]);
		close(t->stop[1]);
		free(t->conninfo);
		free(t);
		return NULL;
	}
	return t;
}

void cli_analyzer_stop(struct cli_analyzer *t)
{
	if (!t)
		return;
	close(t->stop[1]);
	pthread_join(t->thread, NULL);
	close(t->stop[0]);
	if (t->error[0])
		fprintf(stderr, _("inspraak: the analysis engine stopped: %s\n"), t->error);
	free(t->conninfo);
	free(t);
}
