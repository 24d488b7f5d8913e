/* A private PostgreSQL server for the demo and the tests: initdb + pg_ctl in a directory of
 * our own, listening on a Unix socket in that directory and nowhere else. */
#ifndef INSPRAAK_CLUSTER_H
#define INSPRAAK_CLUSTER_H

#include <stdbool.h>

#include "core/util.h"

struct cluster {
	char *dir;      /* base directory: data/ (the cluster), log, and the socket */
	char *sockdir;  /* where the socket lives: dir itself, or a short path under /tmp when
	                 * dir is too long for a Unix socket (recorded in dir/sockdir) */
	char *bindir;   /* PostgreSQL server binaries */
	int port;       /* names the socket file; there is no TCP listener */
	bool started;   /* this process started the server (and so should stop it) */
};

/* Where `inspraak demo` keeps its cluster: $XDG_DATA_HOME/inspraak/demo for an ordinary user.
 * As root, /var/lib/inspraak/demo: the server runs as the postgres user, which cannot enter
 * /root. Allocated. */
char *cluster_default_dir(void);

/* Fill c for directory dir (not created yet). Finds the server binaries:
 * $INSPRAAK_PG_BINDIR, else `pg_config --bindir` when it holds initdb, else the highest
 * /usr/lib/postgresql/N/bin. ST_FAIL with a message naming the Debian package
 * (postgresql) when none is found. */
enum status cluster_open(struct cluster *c, const char *dir, struct err *e);
void cluster_close(struct cluster *c);

/* True when dir already holds an initialised cluster. */
bool cluster_exists(const struct cluster *c);

/* initdb (UTF-8, C.UTF-8 collation, trust authentication on the socket only, the database
 * superuser "postgres") unless the cluster exists. As root, the directory is given to the
 * postgres system user and initdb runs as that user. */
enum status cluster_init(struct cluster *c, struct err *e);

/* Start the server and wait until it accepts connections. When a server already runs on
 * this directory, adopt it: c->started stays false. Fails with the last lines of the server
 * log in the message. */
enum status cluster_start(struct cluster *c, struct err *e);

bool cluster_running(const struct cluster *c);

/* Stop the server (fast mode) if it runs. */
enum status cluster_stop(struct cluster *c, struct err *e);

/* Stop the server and remove the directory, for --fresh. */
enum status cluster_destroy(struct cluster *c, struct err *e);

/* "host=SOCKDIR port=PORT user=postgres dbname=DBNAME". Allocated. */
char *cluster_conninfo(const struct cluster *c, const char *dbname);

/* Create a database (owner postgres, UTF-8) unless it exists. */
enum status cluster_create_db(struct cluster *c, const char *dbname, struct err *e);

#endif
