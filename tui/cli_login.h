/* `inspraak login` and `inspraak logout`: the token of a hosted platform, kept encrypted. */
#ifndef INSPRAAK_CLI_LOGIN_H
#define INSPRAAK_CLI_LOGIN_H

#include <stdbool.h>
#include <stdio.h>

#include "tui/cli.h"

void cli_login_usage(FILE *f);
bool cli_login_is(const struct cli_args *a);
int cli_login_main(const struct cli_args *a);

/* The vault at path (vault_default_path() for the user's), unlocked the way login does it:
 * --key-file, --passphrase-env, or what the vault says it is locked with (a passphrase is
 * then asked on the terminal; without one, the message says to use --passphrase-env). A new
 * vault, when create is true, gets the default key file. NULL, with the reason printed on
 * standard error, when it cannot be opened. For the console with --api, which should accept
 * --key-file and --passphrase-env too. */
struct vault;
struct vault *cli_login_open_vault(const struct cli_args *a, const char *path, bool create);

#endif
