/* The moderation actions as subcommands, for scripts: `inspraak merge 12 40`, `inspraak
 * audit --idea 12 --json`. Each is the same store call (or core/act.h step) the console
 * makes, so the database validates, applies and audits it the same way. */
#ifndef INSPRAAK_CLI_ACTIONS_H
#define INSPRAAK_CLI_ACTIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "tui/cli.h"

/* Does the first word name one of these subcommands (or an action of the action list that
 * is one, such as assign-department)? */
bool cli_actions_is(const struct cli_args *a);

/* Run it: the result on standard output (one line, or one JSON object with --json), a refusal
 * or failure on standard error (on standard output with --json). Returns the exit status: 0
 * done, 1 refused or failed; a usage error exits with 2. */
int cli_actions_run(const struct cli_args *a);

/* `inspraak ACTION --help`: the synopsis and details of that subcommand; false when the
 * words name none. */
bool cli_actions_help(FILE *f, const struct cli_args *a);

/* The synopsis of every subcommand, for `inspraak --help`. */
void cli_actions_usage(FILE *f);

/* {"ok": false, "error": msg, "code": code} on one line. */
void cli_json_error(FILE *f, const char *code, const char *msg);

#endif
