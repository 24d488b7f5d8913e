#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/cluster.h"
#include "core/i18n.h"

/* PostgreSQL refuses to run as root. When we are root, the server and its tools run as the
 * postgres system user that Debian's package creates. */
static bool as_root(void)
{
	return geteuid() == 0;
}

static struct passwd *server_user(void)
{
	return getpwnam("postgres");
}

char *cluster_default_dir(void)
{
	char *data;
	char *dir;

	if (as_root())
		return xstrdup("/var/lib/inspraak/demo");
	data = xdg_data_home();
	dir = xasprintf("%s/inspraak/demo", data);
	free(data);
	return dir;
}

static bool is_exec(const char *dir, const char *prog)
{
	char *p = xasprintf("%s/%s", dir, prog);
	bool ok = access(p, X_OK) == 0;

	free(p);
	return ok;
}

/* The first line of a stream, without its newline; NULL when there is none. */
static char *first_line(FILE *f)
{
	char buf[4096];

	if (!f || !fgets(buf, sizeof(buf), f))
		return NULL;
	buf[strcspn(buf, "\n")] = '\0';
	return xstrdup(buf);
}

/* The first line a command prints, or NULL. */
static char *command_line(const char *cmd)
{
	FILE *f = popen(cmd, "r");
	char *out = first_line(f);

	if (f)
		pclose(f);
	return out;
}

static char *find_bindir(void)
{
	const char *env = getenv("INSPRAAK_PG_BINDIR");
	char *dir;
	DIR *d;
	struct dirent *de;
	long best = -1;

	if (env && *env)
		return is_exec(env, "initdb") ? xstrdup(env) : NULL;
	dir = command_line("pg_config --bindir 2>/dev/null");
	if (dir && is_exec(dir, "initdb") && is_exec(dir, "pg_ctl"))
		return dir;
	free(dir);
	dir = NULL;
	/* Debian keeps server binaries out of PATH, one directory per major version. */
	d = opendir("/usr/lib/postgresql");
	if (!d)
		return NULL;
	while ((de = readdir(d))) {
		long v;
		char *bin;

		if (!str_to_long(de->d_name, &v) || v <= best)
			continue;
		bin = xasprintf("/usr/lib/postgresql/%s/bin", de->d_name);
		if (is_exec(bin, "initdb") && is_exec(bin, "pg_ctl")) {
			free(dir);
			dir = bin;
			best = v;
		} else {
			free(bin);
		}
	}
	closedir(d);
	return dir;
}

static char *read_small_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *out = first_line(f);

	if (f)
		fclose(f);
	return out;
}

static int write_small_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return -1;
	fprintf(f, "%s\n", text);
	return fclose(f);
}

/* A port from the directory's name, so that two clusters never share a socket file name even
 * when their sockets end up side by side under /tmp. */
static int port_for(const char *dir)
{
	unsigned h = 5381;

	for (const char *p = dir; *p; p++)
		h = h * 33 + (unsigned char)*p;
	return 50000 + (int)(h % 10000);
}

enum status cluster_open(struct cluster *c, const char *dir, struct err *e)
{
	char *f, *s;

	memset(c, 0, sizeof(*c));
	c->bindir = find_bindir();
	if (!c->bindir) {
		err_set(e, _("PostgreSQL's server programs (initdb, pg_ctl) were not found; on Debian: "
			     "apt-get install postgresql postgresql-contrib"));
		return ST_FAIL;
	}
	if (as_root() && !server_user()) {
		err_set(e, _("Running as root, but there is no \"postgres\" system user to run the "
			     "server as; install the Debian package postgresql"));
		free(c->bindir);
		c->bindir = NULL;
		return ST_FAIL;
	}
	c->dir = xstrdup(dir);
	f = xasprintf("%s/port", dir);
	s = read_small_file(f);
	c->port = s && atoi(s) > 0 ? atoi(s) : port_for(dir);
	free(s);
	free(f);
	f = xasprintf("%s/sockdir", dir);
	c->sockdir = read_small_file(f);
	free(f);
	if (!c->sockdir)
		c->sockdir = xstrdup(dir);
	return ST_OK;
}

void cluster_close(struct cluster *c)
{
	free(c->dir);
	free(c->sockdir);
	free(c->bindir);
	memset(c, 0, sizeof(*c));
}

bool cluster_exists(const struct cluster *c)
{
	char *p = xasprintf("%s/data/PG_VERSION", c->dir);
	bool ok = access(p, F_OK) == 0;

	free(p);
	return ok;
}

/* Run a program and wait for it, as the postgres user when we are root. Its output goes to
 * logpath (appended) or is discarded. Returns the exit status, or -1. */
static int run(const char *logpath, char *const argv[])
{
	pid_t pid = fork();
	int st;

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open(logpath ? logpath : "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0600);

		if (as_root()) {
			struct passwd *pw = server_user();

			if (!pw || setgid(pw->pw_gid) || initgroups(pw->pw_name, pw->pw_gid) ||
			    setuid(pw->pw_uid))
				_exit(126);
			setenv("HOME", pw->pw_dir, 1);
			setenv("USER", pw->pw_name, 1);
		}
		if (fd >= 0) {
			dup2(fd, STDOUT_FILENO);
			dup2(fd, STDERR_FILENO);
			if (fd > 2)
				close(fd);
		}
		fd = open("/dev/null", O_RDONLY);
		if (fd >= 0)
			dup2(fd, STDIN_FILENO);
		/* Tools must not pick up the caller's idea of a server. */
		unsetenv("PGDATA");
		unsetenv("PGHOST");
		unsetenv("PGPORT");
		unsetenv("PGOPTIONS");
		execv(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Give a path to the server user (root only). */
static int give(const char *path)
{
	struct passwd *pw;

	if (!as_root())
		return 0;
	pw = server_user();
	return pw ? chown(path, pw->pw_uid, pw->pw_gid) : -1;
}

static char *log_tail(const char *path, int lines)
{
	FILE *f = fopen(path, "r");
	char *ring[16] = { 0 };
	char buf[512];
	int n = 0;
	struct sbuf b;

	if (lines > 16)
		lines = 16;
	sbuf_init(&b);
	if (!f)
		return sbuf_take(&b);
	while (fgets(buf, sizeof(buf), f)) {
		buf[strcspn(buf, "\n")] = '\0';
		free(ring[n % lines]);
		ring[n % lines] = xstrdup(buf);
		n++;
	}
	fclose(f);
	for (int i = n > lines ? n - lines : 0; i < n; i++) {
		if (b.len)
			sbuf_add(&b, " | ");
		sbuf_add(&b, ring[i % lines]);
	}
	for (int i = 0; i < lines; i++)
		free(ring[i]);
	return sbuf_take(&b);
}

static bool nosync(void)
{
	const char *v = getenv("INSPRAAK_PG_NOSYNC");

	return v && *v && strcmp(v, "0") != 0;
}

enum status cluster_init(struct cluster *c, struct err *e)
{
	char *data, *initdb, *log, *f;
	struct sockaddr_un sun;
	int rc;

	if (cluster_exists(c))
		return ST_OK;
	if (as_root()) {
		/* The parents stay root's; the cluster's own directory is the server user's. */
		char *parent = xstrdup(c->dir);
		char *slash = strrchr(parent, '/');

		if (slash && slash != parent) {
			*slash = '\0';
			mkdir_p(parent, 0755);
		}
		free(parent);
	}
	if (mkdir_p(c->dir, 0700) != 0) {
		err_set(e, _("Cannot create the directory %s: %s"), c->dir, strerror(errno));
		return ST_FAIL;
	}
	if (give(c->dir) != 0) {
		err_set(e, _("Cannot give %s to the postgres user: %s"), c->dir, strerror(errno));
		return ST_FAIL;
	}
	/* A Unix socket path has a small limit; a deep home directory goes over it. */
	if (strlen(c->sockdir) + sizeof("/.s.PGSQL.00000") > sizeof(sun.sun_path)) {
		char tmpl[] = "/tmp/inspraak-sock.XXXXXX";

		if (!mkdtemp(tmpl)) {
			err_set(e, _("Cannot create a socket directory under /tmp: %s"), strerror(errno));
			return ST_FAIL;
		}
		give(tmpl);
		free(c->sockdir);
		c->sockdir = xstrdup(tmpl);
		f = xasprintf("%s/sockdir", c->dir);
		write_small_file(f, tmpl);
		give(f);
		free(f);
	}
	f = xasprintf("%s/port", c->dir);
	{
		char port[16];

		snprintf(port, sizeof(port), "%d", c->port);
		write_small_file(f, port);
	}
	give(f);
	free(f);

	data = xasprintf("%s/data", c->dir);
	initdb = xasprintf("%s/initdb", c->bindir);
	log = xasprintf("%s/initdb.log", c->dir);
	{
		char *argv[] = { initdb, "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8",
				 "--locale=C.UTF-8", nosync() ? "-N" : NULL, NULL };

		rc = run(log, argv);
	}
	if (rc != 0) {
		char *tail = log_tail(log, 4);

		err_set(e, _("initdb failed (exit %d): %s"), rc, tail);
		free(tail);
	}
	free(data);
	free(initdb);
	free(log);
	return rc == 0 ? ST_OK : ST_FAIL;
}

static int pg_ctl(const struct cluster *c, const char *logpath, const char *verb,
		  const char *opts)
{
	char *prog = xasprintf("%s/pg_ctl", c->bindir);
	char *data = xasprintf("%s/data", c->dir);
	char *log = xasprintf("%s/log", c->dir);
	int rc;

	if (str_eq(verb, "start")) {
		char *argv[] = { prog, "-D", data, "-o", (char *)opts, "-l", log, "-w", "-t", "60",
				 "start", NULL };
		rc = run(logpath, argv);
	} else if (str_eq(verb, "stop")) {
		char *argv[] = { prog, "-D", data, "-m", "fast", "-w", "stop", NULL };
		rc = run(logpath, argv);
	} else {
		char *argv[] = { prog, "-D", data, (char *)verb, NULL };
		rc = run(logpath, argv);
	}
	free(prog);
	free(data);
	free(log);
	return rc;
}

bool cluster_running(const struct cluster *c)
{
	return cluster_exists(c) && pg_ctl(c, NULL, "status", NULL) == 0;
}

enum status cluster_start(struct cluster *c, struct err *e)
{
	char *opts, *log;
	int rc;

	if (!cluster_exists(c)) {
		err_set(e, _("There is no PostgreSQL cluster in %s"), c->dir);
		return ST_FAIL;
	}
	if (cluster_running(c))
		return ST_OK;
	opts = xasprintf("-k \"%s\" -c listen_addresses= -p %d%s", c->sockdir, c->port,
			 nosync() ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : "");
	rc = pg_ctl(c, NULL, "start", opts);
	free(opts);
	if (rc != 0) {
		log = xasprintf("%s/log", c->dir);
		char *tail = log_tail(log, 4);

		err_set(e, _("The PostgreSQL server in %s did not start: %s"), c->dir, tail);
		free(tail);
		free(log);
		return ST_FAIL;
	}
	c->started = true;
	return ST_OK;
}

enum status cluster_stop(struct cluster *c, struct err *e)
{
	if (!cluster_running(c))
		return ST_OK;
	if (pg_ctl(c, NULL, "stop", NULL) != 0) {
		err_set(e, _("The PostgreSQL server in %s did not stop"), c->dir);
		return ST_FAIL;
	}
	c->started = false;
	return ST_OK;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

enum status cluster_destroy(struct cluster *c, struct err *e)
{
	enum status st = cluster_stop(c, e);

	if (st != ST_OK)
		return st;
	if (!str_eq(c->sockdir, c->dir))
		rmdir(c->sockdir);
	if (access(c->dir, F_OK) == 0 && nftw(c->dir, rm_one, 16, FTW_DEPTH | FTW_PHYS) != 0) {
		err_set(e, _("Cannot remove %s: %s"), c->dir, strerror(errno));
		return ST_FAIL;
	}
	free(c->sockdir);
	c->sockdir = xstrdup(c->dir);
	return ST_OK;
}

char *cluster_conninfo(const struct cluster *c, const char *dbname)
{
	return xasprintf("host=%s port=%d user=postgres dbname=%s", c->sockdir, c->port, dbname);
}

enum status cluster_create_db(struct cluster *c, const char *dbname, struct err *e)
{
	char *ci = cluster_conninfo(c, "postgres");
	PGconn *conn = PQconnectdb(ci);
	enum status st = ST_OK;

	free(ci);
	if (PQstatus(conn) != CONNECTION_OK) {
		err_set(e, _("Cannot connect to the server in %s: %s"), c->dir, PQerrorMessage(conn));
		PQfinish(conn);
		return ST_CONNECT;
	}
	{
		const char *params[] = { dbname };
		PGresult *r = PQexecParams(conn, "select 1 from pg_database where datname = $1", 1,
					   NULL, params, NULL, NULL, 0);

		if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 0) {
			char *ident = PQescapeIdentifier(conn, dbname, strlen(dbname));
			char *sql = xasprintf("create database %s encoding 'UTF8' template template0",
					      ident);
			PGresult *r2 = PQexec(conn, sql);

			if (PQresultStatus(r2) != PGRES_COMMAND_OK) {
				err_set(e, _("Cannot create the database %s: %s"), dbname,
					PQresultErrorMessage(r2));
				st = ST_FAIL;
			}
			PQclear(r2);
			free(sql);
			PQfreemem(ident);
		} else if (PQresultStatus(r) != PGRES_TUPLES_OK) {
			err_set(e, "%s", PQresultErrorMessage(r));
			st = ST_FAIL;
		}
		PQclear(r);
	}
	PQfinish(conn);
	return st;
}
