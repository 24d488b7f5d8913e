/* `inspraak analyze`, and the analysis engine on a thread beside the console. */
#ifndef INSPRAAK_CLI_ANALYZE_H
#define INSPRAAK_CLI_ANALYZE_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>

#include "tui/cli.h"

void cli_analyze_usage(FILE *f);
bool cli_analyze_is(const struct cli_args *a);
int cli_analyze_main(const struct cli_args *a);

/* One run of the engine (see cli_analyze_run). */
struct cli_engine_run {
	PGconn *conn;             /* an open connection, or NULL to connect to conninfo */
	const char *conninfo;
	bool retrain;             /* train both models again first */
	bool follow;              /* follow until stop_fd is readable; else one pass */
	int stop_fd;
	long limit;               /* a pass: at most this many items, 0 for all */
	void (*log)(void *ctx, const char *line);
	void *ctx;
};
enum status cli_analyze_run(const struct cli_engine_run *r, long *done, struct err *e);

/* Where the duplicate index of the database lives; NULL when there is no state directory. */
char *cli_analyze_index_path(PGconn *conn);

/* The engine following the database on a thread of its own, with its own connection, until
 * stopped; a failure is kept and printed by cli_analyzer_stop (the screen is the console's
 * meanwhile). NULL when no thread could be started. */
struct cli_analyzer;
struct cli_analyzer *cli_analyzer_start(const char *conninfo);
void cli_analyzer_stop(struct cli_analyzer *t);

#endif
