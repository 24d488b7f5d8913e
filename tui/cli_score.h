/* `inspraak score ...`: the analysis engine on TSV files, without a database, for
 * evaluation and scripts. `score spam` and `score department` train a classifier on a
 * labelled file and score the items of another; each kind is one case of cli_score_main's
 * switch (`score duplicates` joins them there). */
#ifndef INSPRAAK_CLI_SCORE_H
#define INSPRAAK_CLI_SCORE_H

#include <stdbool.h>
#include <stdio.h>

#include "tui/cli.h"

/* Is the first word "score"? */
bool cli_score_is(const struct cli_args *a);

/* Run `inspraak score KIND ...`; returns the exit status: 0 done, 1 bad input (a message
 * naming the file and line on standard error); a usage error exits with 2. */
int cli_score_main(const struct cli_args *a);

/* The synopsis of the score subcommands, for `inspraak --help` and `inspraak score --help`. */
void cli_score_usage(FILE *f);

#endif
