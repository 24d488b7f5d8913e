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

/* Where the duplicate index of the database lives; NULL when there is no state directory. */
char *cli_analyze_index_path(PGconn *conn);

/* The engine following the database on a thread of its own, with its own connection, until
 * stopped; a failure is kept and printed by cli_analyzer_stop (the screen is the console's
 * meanwhile). NULL when no thread could be started. */
struct cli_analyzer;
struct cli_analyzer *cli_analyzer_start(const char *conninfo);
void cli_analyzer_stop(struct cli_analyzer *t);

#endif
