/* The command line: the console by default, and subcommands for the demo, migrations, the
 * private server and the key list. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/cluster.h"
#include "core/conf.h"
#include "core/demo.h"
#include "core/i18n.h"
#include "core/keys.h"
#include "core/migrate.h"
#include "core/pg.h"
#include "core/store.h"
#include "tui/app.h"
#include "tui/cli.h"

struct opts {
	const char *db;
	const char *config;
	const char *dir;
	long ideas;
	unsigned long long seed;
	bool fresh;
	bool no_console;
	bool man;
	bool ideas_given;
};

static void usage(FILE *f)
{
	fprintf(f, "%s", _(
"Usage: inspraak [--db CONNINFO] [--config FILE]\n"
"       inspraak demo [--fresh] [--ideas N] [--seed N] [--dir DIR] [--no-console]\n"
"       inspraak db migrate [--db CONNINFO]\n"
"       inspraak server start|stop|status|conninfo [--dir DIR]\n"
"       inspraak keys [--man]\n"
"       inspraak --version | --help\n"
"\n"
"Without a subcommand, inspraak opens the moderation console on the database named by\n"
"--db, else $INSPRAAK_DB, else libpq's own defaults (PGHOST, PGDATABASE, PGSERVICE,\n"
"~/.pgpass). CONNINFO is a libpq connection string or URI.\n"
"\n"
"  demo        set up a private PostgreSQL server with a demo municipality and open\n"
"              the console on it; the server stops when the console closes\n"
"  db migrate  bring a database's schema up to this version of inspraak\n"
"  server      manage the demo's private PostgreSQL server (conninfo prints how to\n"
"              connect to it, e.g. with psql)\n"
"  keys        list the default keys (--man: as a table for the manual page)\n"
"\n"
"See inspraak(1) and inspraak-config(5).\n"));
}

static void fail_usage(const char *what)
{
	fprintf(stderr, _("inspraak: %s\n"), what);
	fprintf(stderr, _("Try `inspraak --help'.\n"));
	exit(2);
}

/* Options may come anywhere; the rest are the words of the subcommand. */
static int parse(int argc, char **argv, struct opts *o, char **words, int max)
{
	int n = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = NULL;
		char name[64];
		const char *eq;

		if (a[0] != '-' || !a[1]) {
			if (n < max)
				words[n++] = argv[i];
			continue;
		}
		if (str_eq(a, "--help") || str_eq(a, "-h")) {
			usage(stdout);
			exit(0);
		}
		if (str_eq(a, "--version") || str_eq(a, "-V")) {
			printf("inspraak %s (schema %d)\n", PACKAGE_VERSION, migrate_latest());
			exit(0);
		}
		eq = strchr(a, '=');
		snprintf(name, sizeof(name), "%.*s", eq ? (int)(eq - a) : (int)strlen(a), a);
		if (str_eq(name, "--fresh")) {
			o->fresh = true;
			continue;
		}
		if (str_eq(name, "--no-console")) {
			o->no_console = true;
			continue;
		}
		if (str_eq(name, "--man")) {
			o->man = true;
			continue;
		}
		if (!str_eq(name, "--db") && !str_eq(name, "--config") && !str_eq(name, "--dir") &&
		    !str_eq(name, "--ideas") && !str_eq(name, "--seed")) {
			char msg[128];

			snprintf(msg, sizeof(msg), _("unknown option %s"), name);
			fail_usage(msg);
		}
		if (eq) {
			val = eq + 1;
		} else if (i + 1 < argc) {
			val = argv[++i];
		} else {
			char msg[128];

			snprintf(msg, sizeof(msg), _("%s needs a value"), name);
			fail_usage(msg);
		}
		if (str_eq(name, "--db")) {
			o->db = val;
		} else if (str_eq(name, "--config")) {
			o->config = val;
		} else if (str_eq(name, "--dir")) {
			o->dir = val;
		} else if (str_eq(name, "--ideas")) {
			if (!str_to_long(val, &o->ideas) || o->ideas < 100 || o->ideas > 5000000)
				fail_usage(_("--ideas wants a number from 100 to 5000000"));
			o->ideas_given = true;
		} else {
			long s;

			if (!str_to_long(val, &s) || s < 0)
				fail_usage(_("--seed wants a number"));
			o->seed = (unsigned long long)s;
		}
	}
	return n;
}

static const char *conninfo_of(const struct opts *o)
{
	const char *env = getenv("INSPRAAK_DB");

	if (o->db)
		return o->db;
	return env && *env ? env : NULL;
}

static struct config *load_config(const struct opts *o)
{
	struct config *c = xcalloc(1, sizeof(*c));
	struct err e;

	config_init(c);
	if (o->config)
		setenv("INSPRAAK_CONFIG", o->config, 1);
	config_load_user(c, &e);
	return c;
}

static int run_console(const struct opts *o, const char *conninfo)
{
	struct store *s;
	struct config *cfg;
	struct err e;
	int rc;

	if (store_pg_open(conninfo, i18n_content_locale(), &s, &e) != ST_OK) {
		fprintf(stderr, "inspraak: %s\n", e.msg);
		return 1;
	}
	app_connected_us = now_us();
	cfg = load_config(o);
	rc = app_run(s, cfg, s->ops->describe(s));
	store_close(s);
	config_free(cfg);
	free(cfg);
	return rc;
}

static int cmd_migrate(const struct opts *o)
{
	struct err e;
	PGconn *conn = pg_connect(conninfo_of(o), &e);
	int from, to;

	if (!conn) {
		fprintf(stderr, "inspraak: %s\n", e.msg);
		return 1;
	}
	if (migrate_apply(conn, &from, &to, &e) != ST_OK) {
		fprintf(stderr, "inspraak: %s\n", e.msg);
		PQfinish(conn);
		return 1;
	}
	if (from == to)
		printf(_("The schema of %s is up to date (version %d).\n"), PQdb(conn), to);
	else
		printf(_("Migrated %s from schema version %d to %d.\n"), PQdb(conn), from, to);
	PQfinish(conn);
	return 0;
}

static bool open_cluster(const struct opts *o, struct cluster *c)
{
	char *dir = o->dir ? xstrdup(o->dir) : cluster_default_dir();
	struct err e;
	bool ok = cluster_open(c, dir, &e) == ST_OK;

	if (!ok)
		fprintf(stderr, "inspraak: %s\n", e.msg);
	free(dir);
	return ok;
}

static bool start_cluster(struct cluster *c)
{
	struct err e;

	if (!cluster_exists(c)) {
		fprintf(stderr, _("Creating a private PostgreSQL server in %s ...\n"), c->dir);
		if (cluster_init(c, &e) != ST_OK) {
			fprintf(stderr, "inspraak: %s\n", e.msg);
			return false;
		}
	}
	if (cluster_start(c, &e) != ST_OK || cluster_create_db(c, "inspraak", &e) != ST_OK) {
		fprintf(stderr, "inspraak: %s\n", e.msg);
		return false;
	}
	return true;
}

static int cmd_server(const struct opts *o, const char *verb)
{
	struct cluster c;
	struct err e;
	char *ci;
	int rc = 0;

	if (!verb)
		fail_usage(_("server wants start, stop, status or conninfo"));
	if (!open_cluster(o, &c))
		return 1;
	ci = cluster_conninfo(&c, "inspraak");
	if (str_eq(verb, "start")) {
		rc = start_cluster(&c) ? 0 : 1;
		if (!rc)
			printf("%s\n", ci);
	} else if (str_eq(verb, "stop")) {
		if (cluster_stop(&c, &e) != ST_OK) {
			fprintf(stderr, "inspraak: %s\n", e.msg);
			rc = 1;
		}
	} else if (str_eq(verb, "status")) {
		bool up = cluster_running(&c);

		printf(up ? _("The server in %s is running: %s\n") : _("The server in %s is not running.\n"),
		       c.dir, ci);
		rc = up ? 0 : 3;
	} else if (str_eq(verb, "conninfo")) {
		printf("%s\n", ci);
	} else {
		free(ci);
		cluster_close(&c);
		fail_usage(_("server wants start, stop, status or conninfo"));
	}
	free(ci);
	cluster_close(&c);
	return rc;
}

static void progress(void *ctx, const char *stage, double done)
{
	static char last[64];
	static int last_pct = -1;
	int pct = (int)(done * 100);
	bool tty = *(bool *)ctx;

	if (pct == last_pct && str_eq(last, stage))
		return;
	if (tty) {
		fputc('\r', stderr);
		fprintf(stderr, _("Loading the demo municipality: %-24s %3d%%"), stage, pct);
		if (done >= 1 && str_eq(stage, _("done")))
			fputc('\n', stderr);
	} else if (!str_eq(last, stage) || pct % 25 == 0) {
		if (pct != last_pct || !str_eq(last, stage))
			fprintf(stderr, _("Loading the demo municipality: %s %d%%\n"), stage, pct);
	}
	snprintf(last, sizeof(last), "%s", stage);
	last_pct = pct;
}

/* Other consoles still connected to the demo server keep it running. */
static int other_clients(const char *conninfo)
{
	struct err e;
	PGconn *conn = pg_connect(conninfo, &e);
	PGresult *r;
	int n = 0;

	if (!conn)
		return 0;
	r = PQexec(conn, "select count(*) from pg_stat_activity"
			 " where backend_type = 'client backend' and pid <> pg_backend_pid()");
	if (PQresultStatus(r) == PGRES_TUPLES_OK)
		n = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	PQfinish(conn);
	return n;
}

static int cmd_demo(const struct opts *o)
{
	struct cluster c;
	struct err e;
	char *ci;
	PGconn *conn;
	int from, to, rc = 0;
	bool tty = isatty(STDERR_FILENO);
	bool started;

	if (!open_cluster(o, &c))
		return 1;
	if (o->fresh && cluster_exists(&c)) {
		fprintf(stderr, _("Removing the old demo server in %s ...\n"), c.dir);
		if (cluster_destroy(&c, &e) != ST_OK) {
			fprintf(stderr, "inspraak: %s\n", e.msg);
			cluster_close(&c);
			return 1;
		}
	}
	if (!start_cluster(&c)) {
		cluster_close(&c);
		return 1;
	}
	started = c.started;
	ci = cluster_conninfo(&c, "inspraak");
	conn = pg_connect(ci, &e);
	if (!conn || migrate_apply(conn, &from, &to, &e) != ST_OK) {
		fprintf(stderr, "inspraak: %s\n", e.msg);
		rc = 1;
		goto out;
	}
	if (!demo_has_data(conn)) {
		struct demo_opts d = {
			.ideas = o->ideas_given ? o->ideas : DEMO_DEFAULT_IDEAS,
			.seed = o->seed ? o->seed : 20261201,
			.progress = progress,
			.ctx = &tty,
		};
		int64_t t0 = now_us();

		if (demo_load(conn, &d, &e) != ST_OK) {
			fprintf(stderr, "\ninspraak: %s\n", e.msg);
			rc = 1;
			goto out;
		}
		progress(&tty, _("done"), 1);
		fprintf(stderr, _("Loaded %ld ideas in %.1f s.\n"), d.ideas, (double)(now_us() - t0) / 1e6);
	} else if (o->ideas_given) {
		fprintf(stderr, _("The demo database already holds a municipality; add --fresh to build "
				  "a new one with %ld ideas.\n"), o->ideas);
	}
	PQfinish(conn);
	conn = NULL;
	if (o->no_console)
		printf("%s\n", ci);
	else
		rc = run_console(o, ci);
out:
	if (conn)
		PQfinish(conn);
	if (started && !o->no_console) {
		if (other_clients(ci) > 0)
			fprintf(stderr, _("The demo server keeps running: another client is connected to it.\n"));
		else if (cluster_stop(&c, &e) != ST_OK)
			fprintf(stderr, "inspraak: %s\n", e.msg);
	}
	free(ci);
	cluster_close(&c);
	return rc;
}

/* The default keys as text or as a table for the manual page, from the action list. */
static int cmd_keys(const struct opts *o)
{
	struct config c;
	static const enum menu menus[] = { MENU_GENERIC, MENU_QUEUE, MENU_PAGER };

	config_init(&c);
	if (o->man)
		printf(".TS\nlb l lx.\n");
	for (size_t m = 0; m < ARRAY_SIZE(menus); m++) {
		for (int i = 1; i < ACTION_COUNT; i++) {
			const struct action_info *info = action_info((enum action)i);
			int keys[8];
			int n = config_action_keys(&c, menus[m], info->id, keys, 8);
			char list[128] = "";

			if (!n && !(info->menus & (1u << menus[m])))
				continue;
			for (int k = 0; k < n; k++) {
				char name[32];

				key_format(keys[k], name, sizeof(name));
				if (strlen(list) + strlen(name) + 2 < sizeof(list)) {
					if (k)
						strcat(list, " ");
					strcat(list, name);
				}
			}
			if (o->man) {
				/* Backslashes and leading dots would be roff. */
				printf("%s\t", menu_name(menus[m]));
				for (const char *p = list; *p; p++)
					printf(*p == '\\' ? "\\e" : "%c", *p);
				printf("\tT{\n\\fB%s\\fR: %s\nT}\n", info->name, info->help);
			} else {
				printf("%-8s %-16s %-18s %s\n", menu_name(menus[m]), list, info->name, _(info->help));
			}
		}
	}
	if (o->man)
		printf(".TE\n");
	config_free(&c);
	return 0;
}

int cli_main(int argc, char **argv)
{
	struct opts o = { 0 };
	char *words[4] = { 0 };
	int n;

	i18n_init();
	n = parse(argc, argv, &o, words, 4);
	if (n == 0)
		return run_console(&o, conninfo_of(&o));
	if (str_eq(words[0], "demo"))
		return cmd_demo(&o);
	if (str_eq(words[0], "db")) {
		if (n < 2 || !str_eq(words[1], "migrate"))
			fail_usage(_("db wants migrate"));
		return cmd_migrate(&o);
	}
	if (str_eq(words[0], "server"))
		return cmd_server(&o, n > 1 ? words[1] : NULL);
	if (str_eq(words[0], "keys"))
		return cmd_keys(&o);
	{
		char msg[128];

		snprintf(msg, sizeof(msg), _("unknown command %s"), words[0]);
		fail_usage(msg);
	}
	return 2;
}
