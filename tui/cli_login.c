/* `inspraak login`: ask the platform for a token with an e-mail address and a password, and
 * keep it in the vault; `inspraak logout`: forget it. The password is read without echo on
 * the terminal (or as one line of standard input for scripts), lives in guarded memory only,
 * and reaches the disk only encrypted, and only when the user asks for it to be kept. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "core/govocal/client.h"
#include "core/i18n.h"
#include "core/vault.h"
#include "tui/cli.h"
#include "tui/cli_login.h"

#define KEY_OPTIONS (CLI_BIT(KEY_FILE) | CLI_BIT(PASSPHRASE_ENV))
#define LOGIN_OPTIONS (CLI_BIT(API) | CLI_BIT(EMAIL) | CLI_BIT(KEEP_PASSWORD) | \
		       CLI_BIT(CA_FILE) | KEY_OPTIONS)
#define LOGOUT_OPTIONS (CLI_BIT(API) | KEY_OPTIONS)
/* Longer than any password or passphrase a person types or a manager generates. */
#define MAX_SECRET 1024

void cli_login_usage(FILE *f)
{
	fprintf(f, "%s", _(
"Credentials for a hosted Go Vocal platform:\n"
"       inspraak login --api URL|NAME [--email ADDRESS] [--keep-password] [--ca-file FILE]\n"
"                      [--key-file FILE | --passphrase-env VAR]\n"
"              log in with an e-mail address and a password (asked without echo, or\n"
"              one line of standard input) and keep the platform's token encrypted;\n"
"              --keep-password keeps the password too, encrypted, for logging in again\n"
"       inspraak logout [--api URL|NAME] [--key-file FILE | --passphrase-env VAR]\n"
"              forget the credentials of the platform\n"
"              The key is a file only you may read (default\n"
"              $XDG_CONFIG_HOME/inspraak/vault.key, made at the first login), or a\n"
"              passphrase from the environment variable VAR.\n"));
}

bool cli_login_is(const struct cli_args *a)
{
	return a->nwords > 0 && (str_eq(a->words[0], "login") || str_eq(a->words[0], "logout"));
}

/* --- reading from the terminal ------------------------------------------------------------ */

static struct termios saved_tty;
static volatile sig_atomic_t echo_off;

/* A signal while echo is off must not leave the terminal without it. */
static void restore_on_signal(int sig)
{
	if (echo_off)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int fatal_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

/* false when echo cannot be switched off: then no secret is read from the terminal. */
static bool echo_set(bool on, struct sigaction *old)
{
	struct sigaction sa;
	struct termios t;

	if (on) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
		echo_off = 0;
		for (size_t i = 0; i < ARRAY_SIZE(fatal_signals); i++)
			sigaction(fatal_signals[i], &old[i], NULL);
		return true;
	}
	if (tcgetattr(STDIN_FILENO, &saved_tty) != 0)
		return false;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = restore_on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < ARRAY_SIZE(fatal_signals); i++)
		sigaction(fatal_signals[i], &sa, &old[i]);
	t = saved_tty;
	t.c_lflag &= ~(tcflag_t)ECHO;
	t.c_lflag |= ECHONL;
	echo_off = 1;
	if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &t) != 0) {
		echo_set(true, old);
		return false;
	}
	return true;
}

/* One line of standard input, a byte at a time so no stdio buffer keeps a copy of a secret;
 * in guarded memory. On a terminal the prompt goes to standard error, and a secret is read
 * without echo. NULL with a message when the input ends before a line or the line is too
 * long; an empty line is "". */
static char *read_line(const char *prompt, bool secret, struct err *e)
{
	bool tty = isatty(STDIN_FILENO);
	struct sigaction old[ARRAY_SIZE(fatal_signals)];
	char *buf = sodium_malloc(MAX_SECRET);
	size_t n = 0;
	bool got = false, too_long = false;
	char c;

	if (!buf)
		die(_("out of memory (locked memory for secrets)"));
	if (tty) {
		fputs(prompt, stderr);
		fflush(stderr);
		if (secret && !echo_set(false, old)) {
			fputc('\n', stderr);
			err_set(e, _("The terminal's echo cannot be switched off, so no secret is read "
				     "from it."));
			sodium_free(buf);
			return NULL;
		}
	}
	for (;;) {
		ssize_t r = read(STDIN_FILENO, &c, 1);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got = true;
		if (c == '\n')
			break;
		if (n + 1 < MAX_SECRET)
			buf[n++] = c;
		else
			too_long = true;
	}
	if (tty && secret && echo_off)
		echo_set(true, old);
	sodium_memzero(&c, sizeof(c));
	if (n > 0 && buf[n - 1] == '\r')
		n--;
	buf[n] = '\0';
	if (!got || too_long) {
		if (too_long)
			err_set(e, _("The line is too long (at most %d bytes)."), MAX_SECRET - 1);
		else
			err_set(e, _("Nothing was given on standard input."));
		sodium_free(buf);
		return NULL;
	}
	return buf;
}

/* --- the key of the vault ------------------------------------------------------------------ */

/* What unlocks the vault: --key-file, --passphrase-env, or what the vault itself says it is
 * locked with (a passphrase is then asked on the terminal); a new vault gets a key file.
 * *pass is the passphrase in guarded memory, to free after the vault is open. */
static bool choose_key(const struct cli_args *a, const char *path, struct vault_key *k,
		       char **pass)
{
	enum vault_key_kind kind = VAULT_KEY_FILE;
	struct err e;
	enum status st;

	memset(k, 0, sizeof(*k));
	*pass = NULL;
	k->kind = VAULT_KEY_FILE;
	k->key_file = cli_opt(a, CLI_OPT_KEY_FILE);
	if (cli_has(a, CLI_OPT_KEY_FILE) && cli_has(a, CLI_OPT_PASSPHRASE_ENV))
		cli_fail_usage(a, _("give either --key-file or --passphrase-env, not both"));
	if (cli_has(a, CLI_OPT_PASSPHRASE_ENV)) {
		const char *var = cli_opt(a, CLI_OPT_PASSPHRASE_ENV);
		const char *v = *var ? getenv(var) : NULL;

		if (!v || !*v) {
			fprintf(stderr, _("inspraak: the environment variable %s holds no passphrase.\n"),
				var);
			return false;
		}
		k->kind = VAULT_KEY_PASSPHRASE;
		*pass = vault_secret_dup(v);
		k->passphrase = *pass;
		return true;
	}
	if (cli_has(a, CLI_OPT_KEY_FILE))
		return true;
	st = vault_probe(path, &kind, &e);
	if (st != ST_OK && st != ST_NOT_FOUND) {
		fprintf(stderr, "inspraak: %s\n", e.msg);
		return false;
	}
	if (st == ST_NOT_FOUND || kind == VAULT_KEY_FILE)
		return true;
	if (!isatty(STDIN_FILENO)) {
		fprintf(stderr, _("inspraak: the credentials in %s are locked with a passphrase; give it "
				  "with --passphrase-env VAR.\n"), path);
		return false;
	}
	{
		char *prompt = xasprintf(_("Passphrase for the credentials in %s: "), path);

		*pass = read_line(prompt, true, &e);
		free(prompt);
	}
	if (!*pass) {
		fprintf(stderr, "inspraak: %s\n", e.msg);
		return false;
	}
	k->kind = VAULT_KEY_PASSPHRASE;
	k->passphrase = *pass;
	return true;
}

struct vault *cli_login_open_vault(const struct cli_args *a, const char *path, bool create)
{
	struct vault_key k;
	struct vault *v = NULL;
	struct err e;
	char *pass;

	if (!choose_key(a, path, &k, &pass))
		return NULL;
	if (vault_open(path, &k, create, &v, &e) != ST_OK)
		fprintf(stderr, "inspraak: %s\n", e.msg);
	vault_secret_free(pass);
	return v;
}

/* --- login ---------------------------------------------------------------------------------- */

/* The platform: --api, else $INSPRAAK_API, an address or a profile's name (cli_api_address),
 * as the vault names it; NULL when neither is given. *unknown: a name no profile has (said). */
static char *api_of(const struct cli_args *a, char **ca_file, bool *unknown)
{
	const char *env = getenv("INSPRAAK_API");
	const char *given = cli_has(a, CLI_OPT_API) ? cli_opt(a, CLI_OPT_API)
			    : env && *env ? env : NULL;
	char *ca = NULL, *url, *name;

	*unknown = false;
	if (ca_file)
		*ca_file = NULL;
	if (!given)
		return NULL;
	if (!(url = cli_api_address(a, NULL, given, &ca))) {
		*unknown = true;
		return NULL;
	}
	name = vault_profile_name(url);
	free(url);
	if (ca_file)
		*ca_file = ca;
	else
		free(ca);
	return name;
}

static void say_expiry(int64_t expires)
{
	char when[64];
	time_t t = (time_t)expires;
	struct tm tm;

	if (expires <= 0 || !localtime_r(&t, &tm) ||
	    !strftime(when, sizeof(when), "%Y-%m-%d %H:%M %Z", &tm)) {
		printf("%s\n", _("The platform did not say how long the token is valid."));
		return;
	}
	printf(_("The token is valid until %s.\n"), when);
}

/* Ask the platform for a token; NULL with the reason printed. */
static char *platform_login(const char *api, const char *ca_file, const char *email,
			    const char *password, int64_t *expires)
{
	struct gv_opts o = { api, ca_file, 0, -1 };
	struct gv_client *c;
	struct err e;
	char *token = NULL;

	if (gv_client_new(&o, &c, &e) != ST_OK) {
		fprintf(stderr, "inspraak: %s\n", e.msg);
		return NULL;
	}
	if (gv_login(c, email, password, &token, expires, &e) != ST_OK) {
		fprintf(stderr, _("inspraak: cannot log in to %s as %s: %s\n"), api, email, e.msg);
		token = NULL;
	}
	gv_client_free(c);
	return token;
}

/* The e-mail address: --email, else the one the profile was used with, else asked. */
static char *email_of(const struct cli_args *a, const struct vault_entry *old)
{
	struct err e;
	char *s;

	if (cli_has(a, CLI_OPT_EMAIL) && *cli_opt(a, CLI_OPT_EMAIL))
		return xstrdup(cli_opt(a, CLI_OPT_EMAIL));
	if (old && *old->email)
		return xstrdup(old->email);
	if (!isatty(STDIN_FILENO))
		cli_fail_usage(a, _("login needs --email ADDRESS"));
	s = read_line(_("E-mail address: "), false, &e);
	if (!s || !*s) {
		fprintf(stderr, "inspraak: %s\n", s ? _("No e-mail address was given.") : e.msg);
		vault_secret_free(s);
		return NULL;
	}
	{
		char *copy = xstrdup(s);

		vault_secret_free(s);
		return copy;
	}
}

static bool https_url(const char *url)
{
	return !strncasecmp(url, "https://", 8) && url[8] && url[8] != '/';
}

/* The new entry into the vault, and what was done said without a secret. */
static int store_token(struct vault *v, const char *api, const char *email, char *token,
		       const char *password, int64_t expires, bool had_password)
{
	struct vault_entry en = { api, email, token, password, expires };
	struct err e;

	vault_put(v, &en);
	if (vault_save(v, &e) != ST_OK) {
		fprintf(stderr, _("inspraak: logged in, but the token could not be kept: %s\n"), e.msg);
		return 1;
	}
	printf(_("Logged in to %s as %s.\n"), vault_get(v, api)->api, email);
	say_expiry(expires);
	if (password)
		printf(_("The token and the password are kept encrypted in %s.\n"), vault_path(v));
	else
		printf(_("The token is kept encrypted in %s.\n"), vault_path(v));
	if (had_password && !password)
		printf("%s\n", _("The password kept before is forgotten (add --keep-password to keep it)."));
	return 0;
}

static int cmd_login(const struct cli_args *a)
{
	char *ca_file = NULL;
	bool unknown;
	char *api = api_of(a, &ca_file, &unknown);
	bool keep = cli_has(a, CLI_OPT_KEEP_PASSWORD);
	char *path, *email = NULL, *password = NULL, *prompt, *token = NULL;
	const struct vault_entry *old;
	struct vault *v;
	struct err e;
	int64_t expires = 0;
	bool had_password;
	int rc = 1;

	if (a->nwords > 1)
		cli_fail_usage(a, _("login takes no arguments"));
	if (unknown)
		return 1;
	if (!api)
		cli_fail_usage(a, _("login needs --api URL or a profile's name (or $INSPRAAK_API)"));
	if (!https_url(api))
		cli_fail_usage(a, _("--api wants an https:// address: a password is never sent "
				    "unencrypted"));
	path = vault_default_path();
	/* The vault first: a key problem is better found before the platform counts a login. */
	v = cli_login_open_vault(a, path, true);
	free(path);
	if (!v) {
		free(api);
		free(ca_file);
		return 1;
	}
	old = vault_get(v, api);
	had_password = old && old->password;
	email = email_of(a, old);
	if (!email)
		goto out;
	prompt = xasprintf(_("Password for %s on %s: "), email, api);
	password = read_line(prompt, true, &e);
	free(prompt);
	if (!password || !*password) {
		fprintf(stderr, "inspraak: %s\n", password ? _("No password was given.") : e.msg);
		goto out;
	}
	token = platform_login(api, ca_file, email, password, &expires);
	if (token)
		rc = store_token(v, api, email, token, keep ? password : NULL, expires, had_password);
out:
	if (token) {
		sodium_memzero(token, strlen(token));
		free(token);
	}
	vault_secret_free(password);
	free(email);
	free(api);
	free(ca_file);
	vault_close(v);
	return rc;
}

/* --- logout --------------------------------------------------------------------------------- */

/* Without --api, the only profile there is. */
static const char *only_profile(const struct cli_args *a, struct vault *v)
{
	struct vault_profile *p;
	size_t n = vault_list(v, &p);
	const char *api = n == 1 ? p[0].api : NULL;

	if (n > 1) {
		struct sbuf msg;

		sbuf_init(&msg);
		sbuf_add(&msg, _("logout needs --api URL; credentials are kept for"));
		for (size_t i = 0; i < n; i++)
			sbuf_addf(&msg, "%s %s", i ? "," : "", p[i].api);
		free(p);
		vault_close(v);
		cli_fail_usage(a, msg.s);
	}
	free(p);
	return api;
}

static int cmd_logout(const struct cli_args *a)
{
	char *path = vault_default_path();
	enum vault_key_kind kind;
	struct vault *v;
	struct err e;
	char *given;
	const char *api;
	int rc = 0;

	if (a->nwords > 1)
		cli_fail_usage(a, _("logout takes no arguments"));
	/* Nothing stored needs no key. */
	if (vault_probe(path, &kind, &e) == ST_NOT_FOUND) {
		printf(_("No credentials are kept in %s.\n"), path);
		free(path);
		return 0;
	}
	v = cli_login_open_vault(a, path, false);
	free(path);
	if (!v)
		return 1;
	{
		bool unknown;

		given = api_of(a, NULL, &unknown);
		if (unknown) {
			vault_close(v);
			return 1;
		}
	}
	api = given ? given : only_profile(a, v);
	if (!api) {
		printf(_("No credentials are kept in %s.\n"), vault_path(v));
	} else if (!vault_get(v, api)) {
		printf(_("No credentials for %s are kept in %s.\n"), api, vault_path(v));
	} else {
		char *name = xstrdup(vault_get(v, api)->api);

		vault_remove(v, api);
		if (vault_save(v, &e) != ST_OK) {
			fprintf(stderr, "inspraak: %s\n", e.msg);
			rc = 1;
		} else {
			printf(_("Logged out of %s: its credentials are removed from %s.\n"), name,
			       vault_path(v));
		}
		free(name);
	}
	free(given);
	vault_close(v);
	return rc;
}

int cli_login_main(const struct cli_args *a)
{
	bool login = str_eq(a->words[0], "login");

	cli_check_options(a, login ? LOGIN_OPTIONS : LOGOUT_OPTIONS, a->words[0]);
	if (sodium_init() < 0) {
		fprintf(stderr, "%s\n", _("inspraak: the cryptography library (libsodium) cannot start."));
		return 1;
	}
	return login ? cmd_login(a) : cmd_logout(a);
}
