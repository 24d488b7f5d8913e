/* The command line: the console by default, and subcommands for the demo, migrations, the
 * private server and the key list. */
#include "config.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/cluster.h"
#include "core/conf.h"
#include "core/demo.h"
#include "core/i18n.h"
#include "core/keys.h"
#include "core/migrate.h"
#include "core/pg.h"
#include "core/store.h"
#include "core/store_govocal.h"
#include "core/vault.h"
#include "tui/app.h"
#include "tui/cli.h"
#include "tui/cli_actions.h"
#include "tui/cli_analyze.h"
#include "tui/cli_login.h"
#include "tui/cli_score.h"

/* What the subcommands of before the actions read: they keep accepting all of these. */
#define LEGACY_OPTIONS (CLI_BIT(DB) | CLI_BIT(CONFIG) | CLI_BIT(DIR) | CLI_BIT(IDEAS) | \
			CLI_BIT(SEED) | CLI_BIT(FRESH) | CLI_BIT(NO_CONSOLE) | CLI_BIT(MAN))

static const struct {
	const char *name;
	bool value;
} options[] = {
#define X(id, name, value) { name, value },
	CLI_OPTIONS(X)
#undef X
};

static void usage(FILE *f)
{
	fprintf(f, "%s", _(
"Usage: inspraak [--db CONNINFO] [--config FILE]\n"
"       inspraak --api URL|NAME [--ca-file FILE] [--config FILE]\n"
"       inspraak demo [--fresh] [--ideas N] [--seed N] [--dir DIR] [--no-console]\n"
"       inspraak db migrate [--db CONNINFO]\n"
"       inspraak server start|stop|status|conninfo [--dir DIR]\n"
"       inspraak keys [--man]\n"
"       inspraak ACTION ARGUMENTS... [--db CONNINFO] [--json] [--justification TEXT]\n"
"       inspraak --version | --help\n"
"\n"
"Without a subcommand, inspraak opens the moderation console on the database named by\n"
"--db, else $INSPRAAK_DB, else libpq's own defaults (PGHOST, PGDATABASE, PGSERVICE,\n"
"~/.pgpass). CONNINFO is a libpq connection string or URI. With --api (or $INSPRAAK_API)\n"
"it opens on a hosted Go Vocal platform instead, with the token of `inspraak login';\n"
"NAME is a profile of the config file (api-profile NAME URL [CA-FILE]).\n"
"\n"
"  demo        set up a private PostgreSQL server with a demo municipality and open\n"
"              the console on it; the server stops when the console closes\n"
"  db migrate  bring a database's schema up to this version of inspraak\n"
"  server      manage the demo's private PostgreSQL server (conninfo prints how to\n"
"              connect to it, e.g. with psql)\n"
"  keys        list the default keys (--man: as a table for the manual page)\n"
"\n"));
	cli_actions_usage(f);
	fputc('\n', f);
	cli_analyze_usage(f);
	fputc('\n', f);
	cli_score_usage(f);
	fputc('\n', f);
	cli_login_usage(f);
	fprintf(f, "%s", _("\nSee inspraak(1) and inspraak-config(5).\n"));
}

void cli_fail_usage(const struct cli_args *a, const char *what)
{
	if (a && cli_has(a, CLI_OPT_JSON))
		cli_json_error(stdout, "usage", what);
	fprintf(stderr, _("inspraak: %s\n"), what);
	fprintf(stderr, _("Try `inspraak --help'.\n"));
	exit(2);
}

void cli_check_options(const struct cli_args *a, uint64_t allowed, const char *command)
{
	for (int o = 0; o < CLI_OPT_COUNT; o++) {
		char msg[160];

		if (!a->opt[o] || (allowed & (UINT64_C(1) << o)))
			continue;
		snprintf(msg, sizeof(msg), _("%s does not take --%s"), command, options[o].name);
		cli_fail_usage(a, msg);
	}
}

/* Options may come anywhere; the rest are the words of the subcommand. "--" ends the
 * options and "-" is a word (standard input). The first mistake is reported after the whole
 * line is read, so that a --json anywhere on it still shapes the error. */
static void parse(int argc, char **argv, struct cli_args *a)
{
	char bad[160] = "";
	bool words_only = false;

	memset(a, 0, sizeof(*a));
	a->words = xcalloc((size_t)argc + 1, sizeof(*a->words));
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const char *eq;
		size_t len;
		int o = -1;

		if (words_only || arg[0] != '-' || !arg[1]) {
			a->words[a->nwords++] = argv[i];
			continue;
		}
		if (str_eq(arg, "--")) {
			words_only = true;
			continue;
		}
		if (str_eq(arg, "--help") || str_eq(arg, "-h")) {
			a->help = true;
			continue;
		}
		/* `analyze --status` asks for the engine's status; elsewhere --status names an
		 * idea status and takes a value. */
		if (str_eq(arg, "--status") && a->nwords && str_eq(a->words[0], "analyze")) {
			a->opt[CLI_OPT_STATUS] = "";
			continue;
		}
		if (str_eq(arg, "--version") || str_eq(arg, "-V")) {
			printf("inspraak %s (schema %d)\n", PACKAGE_VERSION, migrate_latest());
			exit(0);
		}
		eq = strchr(arg, '=');
		len = eq ? (size_t)(eq - arg) : strlen(arg);
		for (int k = 0; str_starts(arg, "--") && k < CLI_OPT_COUNT; k++)
			if (strlen(options[k].name) == len - 2 && !strncmp(arg + 2, options[k].name, len - 2))
				o = k;
		if (o < 0) {
			if (!*bad)
				snprintf(bad, sizeof(bad), _("unknown option %.*s"), (int)len, arg);
			continue;
		}
		if (!options[o].value) {
			if (eq && !*bad)
				snprintf(bad, sizeof(bad), _("--%s takes no value"), options[o].name);
			a->opt[o] = "";
			continue;
		}
		if (a->opt[o] && !*bad)
			snprintf(bad, sizeof(bad), _("--%s is given twice"), options[o].name);
		if (eq) {
			a->opt[o] = eq + 1;
		} else if (i + 1 < argc) {
			a->opt[o] = argv[++i];
		} else {
			if (!*bad)
				snprintf(bad, sizeof(bad), _("--%s needs a value"), options[o].name);
			a->opt[o] = "";
		}
	}
	if (*bad)
		cli_fail_usage(a, bad);
}

const char *cli_conninfo(const struct cli_args *a)
{
	const char *env = getenv("INSPRAAK_DB");

	if (cli_has(a, CLI_OPT_DB))
		return cli_opt(a, CLI_OPT_DB);
	return env && *env ? env : NULL;
}

struct config *cli_load_config(const struct cli_args *a)
{
	struct config *c = xcalloc(1, sizeof(*c));
	struct err e;

	config_init(c);
	if (cli_has(a, CLI_OPT_CONFIG))
		setenv("INSPRAAK_CONFIG", cli_opt(a, CLI_OPT_CONFIG), 1);
	config_load_user(c, &e);
	return c;
}

char *cli_api_address(const struct cli_args *a, const struct config *cfg, const char *given,
		      char **ca_file)
{
	const char *ca = cli_has(a, CLI_OPT_CA_FILE) ? cli_opt(a, CLI_OPT_CA_FILE) : NULL;
	const struct api_profile *p;
	struct config *own = NULL;
	char *url = NULL;

	*ca_file = NULL;
	if (strstr(given, "://")) {
		*ca_file = ca ? xstrdup(ca) : NULL;
		return xstrdup(given);
	}
	if (!cfg)
		cfg = own = cli_load_config(a);
	if ((p = config_api_profile(cfg, given))) {
		url = xstrdup(p->url);
		*ca_file = ca ? xstrdup(ca) : p->ca_file ? xstrdup(p->ca_file) : NULL;
	} else {
		fprintf(stderr, _("inspraak: no platform \"%s\": give its https:// address, or name it "
				  "in the config file (api-profile %s URL)\n"), given, given);
	}
	cli_free_config(own);
	return url;
}

void cli_free_config(struct config *c)
{
	if (!c)
		return;
	config_free(c);
	free(c);
}

/* The console; with analyze, the analysis engine follows the database on a thread beside it
 * (the demo's way: no service to set up). */
/* The console on an open store, which it closes; engine (may be NULL) is stopped after. */
/* cfg: the configuration already read, or NULL to read it now; the console frees it. */
static int console(const struct cli_args *a, struct store *s, struct cli_analyzer *engine,
		   struct config *cfg)
{
	int rc;

	if (!cfg)
		cfg = cli_load_config(a);
	rc = app_run(s, cfg, s->ops->describe(s));

	cli_analyzer_stop(engine);
	store_close(s);
	cli_free_config(cfg);
	return rc;
}

static int run_console(const struct cli_args *a, const char *conninfo, bool analyze)
{
	struct store *s;
	struct err e;

	if (store_pg_open(conninfo, i18n_content_locale(), &s, &e) != ST_OK) {
		fprintf(stderr, "inspraak: %s\n", e.msg);
		return 1;
	}
	app_connected_us = now_us();
	return console(a, s, analyze ? cli_analyzer_start(conninfo) : NULL, NULL);
}

/* The console on a hosted platform: the token `inspraak login` keeps in the vault. */
static int run_console_at(const struct cli_args *a, const char *api, const char *ca_file,
			  struct config *cfg);

/* The config file is read once: for the profile's address and for what the console uses. */
static int run_console_api(const struct cli_args *a, const char *given)
{
	struct config *cfg = cli_load_config(a);
	char *ca_file = NULL, *api = cli_api_address(a, cfg, given, &ca_file);
	int rc;

	if (!api) {
		cli_free_config(cfg);
		return 1;
	}
	rc = run_console_at(a, api, ca_file, cfg);
	free(api);
	free(ca_file);
	return rc;
}

/* A session the platform no longer accepts, in the middle of the console: the password is
 * asked on the bottom line, the store logs in again and the new token is kept in the vault;
 * the store then does again what it was doing. */
struct relogin {
	const struct cli_args *a;
	const char *api;
	char *email;
};

static bool relogin(void *ctx, struct store *s)
{
	struct relogin *r = ctx;
	struct err e;

	for (int attempt = 0; attempt < 3; attempt++) {
		char *label = xasprintf(attempt ? _("Not accepted. Password for %s on %s (Esc: cancel):")
					: _("The log-in has expired. Password for %s on %s (Esc: cancel):"),
					r->email, r->api);
		char *password = app_ask_secret(label), *token = NULL, *path;
		int64_t expires;
		struct vault *v;
		enum status st;

		free(label);
		if (!password)
			return false;
		st = store_govocal_login(s, r->email, password, &token, &expires, &e);
		/* Both plain allocations (not the vault's): wiped, then freed. */
		sodium_memzero(password, strlen(password));
		free(password);
		if (st != ST_OK) {
			free(token);
			if (st == ST_CANCELLED || st == ST_FAIL)
				return false;
			continue;
		}
		/* Kept for the next start; the session goes on even when that fails. */
		path = vault_default_path();
		if ((v = cli_login_open_vault(r->a, path, false))) {
			const struct vault_entry *old = vault_get(v, r->api);
			struct vault_entry en = { r->api, r->email, token, old ? old->password : NULL,
						  expires };

			vault_put(v, &en);
			if (vault_save(v, &e) == ST_OK)
				app_say(false, "%s", _("Logged in again; what you were doing goes on."));
			else
				app_say(true, _("Logged in again, but the token could not be kept: %s"), e.msg);
			vault_close(v);
		}
		free(path);
		sodium_memzero(token, strlen(token));
		free(token);
		return true;
	}
	return false;
}

/* cfg is the console's to free. */
static int run_console_at(const struct cli_args *a, const char *api, const char *ca_file,
			  struct config *cfg)
{
	char *path = vault_default_path(), *token = NULL;
	struct relogin r = { a, api, NULL };
	int rc;
	struct vault *v = cli_login_open_vault(a, path, false);
	const struct vault_entry *en = v ? vault_get(v, api) : NULL;
	struct store *s;
	struct err e;

	free(path);
	if (!v)
		goto fail;
	if (!en || !en->token) {
		fprintf(stderr, _("inspraak: not logged in to %s; first run: inspraak login --api %s\n"),
			api, api);
		vault_close(v);
		goto fail;
	}
	if (en->expires && en->expires <= (int64_t)time(NULL) + 60) {
		fprintf(stderr, _("inspraak: the log-in to %s has expired; run: inspraak login --api %s\n"),
			api, api);
		vault_close(v);
		goto fail;
	}
	token = vault_secret_dup(en->token);
	r.email = xstrdup(en->email ? en->email : "");
	vault_close(v);
	if (store_govocal_open(api, ca_file, token, i18n_content_locale(), &s, &e) != ST_OK) {
		vault_secret_free(token);
		free(r.email);
		fprintf(stderr, "inspraak: %s\n", e.msg);
		goto fail;
	}
	if (*r.email) {
		s->relogin = relogin;
		s->relogin_ctx = &r;
	}
	vault_secret_free(token);
	/* The departments the config file maps onto platform users, before the first question. */
	store_govocal_set_departments(s, cfg->api_departments, cfg->napi_departments);
	store_govocal_set_merge_status(s, cfg_str(cfg, OPT_MERGE_STATUS));
	app_connected_us = now_us();
	rc = console(a, s, NULL, cfg);
	free(r.email);
	return rc;
fail:
	cli_free_config(cfg);
	return 1;
}

static int cmd_migrate(const struct cli_args *a)
{
	struct err e;
	PGconn *conn = pg_connect(cli_conninfo(a), &e);
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

static bool open_cluster(const struct cli_args *a, struct cluster *c)
{
	char *dir = cli_has(a, CLI_OPT_DIR) ? xstrdup(cli_opt(a, CLI_OPT_DIR)) : cluster_default_dir();
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

static int cmd_server(const struct cli_args *a, const char *verb)
{
	struct cluster c;
	struct err e;
	char *ci;
	int rc = 0;

	if (!verb)
		cli_fail_usage(a, _("server wants start, stop, status or conninfo"));
	if (!open_cluster(a, &c))
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
		cli_fail_usage(a, _("server wants start, stop, status or conninfo"));
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

static void analysis_note(void *ctx, const char *line)
{
	if (*(bool *)ctx)
		fprintf(stderr, "%s\n", line);
}

/* The engine's first look at the demo: models trained from the municipality's history, the
 * duplicate index built, and the newest waiting ideas analysed so the queues are full when
 * the console opens (the console's engine thread goes on with the rest). */
#define DEMO_FIRST_PASS 20000L

static enum status first_analysis(PGconn *conn, struct err *e)
{
	bool tty = isatty(STDERR_FILENO);
	struct cli_engine_run r = { .conn = conn, .limit = DEMO_FIRST_PASS, .log = analysis_note,
				    .ctx = &tty };
	long done = 0;
	int64_t t0 = now_us();
	enum status st;

	if (tty)
		fprintf(stderr, "%s\n", _("Analysing the demo municipality ..."));
	st = cli_analyze_run(&r, &done, e);
	if (st == ST_OK && tty)
		fprintf(stderr, _("Analysed %ld ideas and comments in %.1f s.\n"), done,
			(double)(now_us() - t0) / 1e6);
	return st;
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

static int cmd_demo(const struct cli_args *a)
{
	struct cluster c;
	struct err e;
	char *ci;
	PGconn *conn;
	int from, to, rc = 0;
	bool tty = isatty(STDERR_FILENO);
	bool started, ideas_given = cli_has(a, CLI_OPT_IDEAS);
	long ideas = 0;
	unsigned long long seed = 0;

	if (ideas_given && (!str_to_long(cli_opt(a, CLI_OPT_IDEAS), &ideas) || ideas < 100 ||
			    ideas > 5000000))
		cli_fail_usage(a, _("--ideas wants a number from 100 to 5000000"));
	if (cli_has(a, CLI_OPT_SEED)) {
		long v;

		if (!str_to_long(cli_opt(a, CLI_OPT_SEED), &v) || v < 0)
			cli_fail_usage(a, _("--seed wants a number"));
		seed = (unsigned long long)v;
	}
	if (!open_cluster(a, &c))
		return 1;
	if (cli_has(a, CLI_OPT_FRESH) && cluster_exists(&c)) {
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
			.ideas = ideas_given ? ideas : DEMO_DEFAULT_IDEAS,
			.seed = seed ? seed : 20261201,
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
	} else if (ideas_given) {
		fprintf(stderr, _("The demo database already holds a municipality; add --fresh to build "
				  "a new one with %ld ideas.\n"), ideas);
	}
	if (first_analysis(conn, &e) != ST_OK) {
		fprintf(stderr, "inspraak: %s\n", e.msg);
		rc = 1;
		goto out;
	}
	PQfinish(conn);
	conn = NULL;
	if (cli_has(a, CLI_OPT_NO_CONSOLE))
		printf("%s\n", ci);
	else
		rc = run_console(a, ci, true);
out:
	if (conn)
		PQfinish(conn);
	if (started && !cli_has(a, CLI_OPT_NO_CONSOLE)) {
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
static int cmd_keys(const struct cli_args *a)
{
	struct config c;
	static const enum menu menus[] = { MENU_GENERIC, MENU_QUEUE, MENU_PAGER };
	bool man = cli_has(a, CLI_OPT_MAN);

	config_init(&c);
	if (man)
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
			if (man) {
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
	if (man)
		printf(".TE\n");
	config_free(&c);
	return 0;
}

int cli_main(int argc, char **argv)
{
	struct cli_args a;
	int rc;

	i18n_init();
	parse(argc, argv, &a);
	if (a.help) {
		if (cli_score_is(&a))
			cli_score_usage(stdout);
		else if (cli_analyze_is(&a))
			cli_analyze_usage(stdout);
		else if (cli_login_is(&a))
			cli_login_usage(stdout);
		else if (!a.nwords || !cli_actions_help(stdout, &a))
			usage(stdout);
		free(a.words);
		return 0;
	}
	if (cli_score_is(&a)) {
		rc = cli_score_main(&a);
	} else if (cli_analyze_is(&a)) {
		rc = cli_analyze_main(&a);
	} else if (cli_login_is(&a)) {
		rc = cli_login_main(&a);
	} else if (a.nwords && cli_actions_is(&a)) {
		rc = cli_actions_run(&a);
	} else if (a.nwords == 0 && (cli_has(&a, CLI_OPT_API) || (getenv("INSPRAAK_API") && *getenv("INSPRAAK_API") &&
								    !cli_has(&a, CLI_OPT_DB)))) {
		cli_check_options(&a, CLI_BIT(API) | CLI_BIT(CONFIG) | CLI_BIT(CA_FILE) | CLI_BIT(KEY_FILE) |
				  CLI_BIT(PASSPHRASE_ENV), "inspraak");
		rc = run_console_api(&a, cli_has(&a, CLI_OPT_API) ? cli_opt(&a, CLI_OPT_API) : getenv("INSPRAAK_API"));
	} else {
		cli_check_options(&a, LEGACY_OPTIONS, a.nwords ? a.words[0] : "inspraak");
		if (a.nwords == 0) {
			rc = run_console(&a, cli_conninfo(&a), false);
		} else if (str_eq(a.words[0], "demo")) {
			rc = cmd_demo(&a);
		} else if (str_eq(a.words[0], "db")) {
			if (a.nwords < 2 || !str_eq(a.words[1], "migrate"))
				cli_fail_usage(&a, _("db wants migrate"));
			rc = cmd_migrate(&a);
		} else if (str_eq(a.words[0], "server")) {
			rc = cmd_server(&a, a.nwords > 1 ? a.words[1] : NULL);
		} else if (str_eq(a.words[0], "keys")) {
			rc = cmd_keys(&a);
		} else {
			char msg[160];

			snprintf(msg, sizeof(msg), _("unknown command %s"), a.words[0]);
			cli_fail_usage(&a, msg);
		}
	}
	free(a.words);
	return rc;
}
