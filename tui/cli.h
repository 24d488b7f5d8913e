#ifndef INSPRAAK_CLI_H
#define INSPRAAK_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/conf.h"
#include "core/util.h"

/* Every option of the command line, once: X(ID, name without the dashes, takes a value).
 * Options may come anywhere among the words; each subcommand says which ones it reads and
 * refuses the others, so a typo in a script is a usage error rather than ignored. */
#define CLI_OPTIONS(X) \
	X(DB, "db", true) \
	X(CONFIG, "config", true) \
	X(DIR, "dir", true) \
	X(IDEAS, "ideas", true) \
	X(SEED, "seed", true) \
	X(FRESH, "fresh", false) \
	X(NO_CONSOLE, "no-console", false) \
	X(MAN, "man", false) \
	X(JSON, "json", false) \
	X(JUSTIFICATION, "justification", true) \
	X(KEEP, "keep", true) \
	X(DRY_RUN, "dry-run", false) \
	X(PERSON, "person", true) \
	X(STATUS, "status", true) \
	X(FILE, "file", true) \
	X(IDEA, "idea", true) \
	X(COMMENT, "comment", true) \
	X(REASON, "reason", true) \
	X(FOR, "for", true) \
	X(HIDE_CONTENT, "hide-content", false) \
	X(PROJECT, "project", true) \
	X(AT, "at", true) \
	X(START, "start", true) \
	X(END, "end", true) \
	X(ALLOW_GAP, "allow-gap", false) \
	X(TITLE, "title", true) \
	X(METHOD, "method", true) \
	X(ACTOR, "actor", true) \
	X(ACTION, "action", true) \
	X(SINCE, "since", true) \
	X(UNTIL, "until", true) \
	X(LIMIT, "limit", true) \
	X(TRAIN, "train", true) \
	X(INPUT, "input", true) \
	X(LABEL, "label", true) \
	X(POSITIVE, "positive", true) \
	X(KEYWORDS, "keywords", true) \
	X(VERBOSE, "verbose", false) \
	X(FOLLOW, "follow", false) \
	X(RETRAIN, "retrain", false) \
	X(PAIRS, "pairs", true) \
	X(TOP, "top", true) \
	X(API, "api", true) \
	X(EMAIL, "email", true) \
	X(KEEP_PASSWORD, "keep-password", false) \
	X(KEY_FILE, "key-file", true) \
	X(PASSPHRASE_ENV, "passphrase-env", true) \
	X(CA_FILE, "ca-file", true)

enum cli_opt {
#define X(id, name, value) CLI_OPT_##id,
	CLI_OPTIONS(X)
#undef X
	CLI_OPT_COUNT
};

/* A set of options, for what a subcommand reads. */
#define CLI_BIT(id) (UINT64_C(1) << CLI_OPT_##id)

/* The command line parsed: the subcommand's words in order, and each option's value ("" for
 * an option without a value; NULL when not given). */
struct cli_args {
	char **words;
	int nwords;
	const char *opt[CLI_OPT_COUNT];
	bool help;
};

static inline const char *cli_opt(const struct cli_args *a, enum cli_opt o) { return a->opt[o]; }
static inline bool cli_has(const struct cli_args *a, enum cli_opt o) { return a->opt[o] != NULL; }

/* Parse the command line and run the console or a subcommand; returns the exit status. */
int cli_main(int argc, char **argv);

/* A usage error: the sentence and a hint on standard error (with --json also as an error
 * object with the code "usage" on standard output), exit status 2. */
NORETURN void cli_fail_usage(const struct cli_args *a, const char *what);

/* Refuse, as a usage error, every option given that is not in allowed. */
void cli_check_options(const struct cli_args *a, uint64_t allowed, const char *command);

/* The database to use: --db, else $INSPRAAK_DB, else NULL for libpq's defaults. */
const char *cli_conninfo(const struct cli_args *a);

/* The configuration: defaults, then the user's file (--config, $INSPRAAK_CONFIG, XDG). */
struct config *cli_load_config(const struct cli_args *a);

/* What --api (or $INSPRAAK_API) names: an address as given, or the address of a profile of
 * the config file (api-profile NAME URL [CA-FILE]), cfg when read already, else read for it.
 * *ca_file: --ca-file, else the profile's, else NULL. Both allocated; NULL, with one sentence
 * printed, for an unknown name. */
char *cli_api_address(const struct cli_args *a, const struct config *cfg, const char *given,
		      char **ca_file);
void cli_free_config(struct config *c);

#endif
