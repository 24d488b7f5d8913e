/* Credentials at rest: for each platform (a profile, named by its API base URL) the token, its
 * expiry, the e-mail address and, only if the user chose to keep it, the password. They are
 * never on disk in plain text: the whole vault is one file sealed with XChaCha20-Poly1305
 * (libsodium), under a key that is either random and kept in a key file only its owner may
 * read, or derived from a passphrase with Argon2id. Secrets in memory sit in guarded, locked
 * pages and are wiped when freed. */
#ifndef INSPRAAK_VAULT_H
#define INSPRAAK_VAULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/util.h"

enum vault_key_kind {
	VAULT_KEY_FILE = 1,
	VAULT_KEY_PASSPHRASE = 2,
};

/* What unlocks the vault. */
struct vault_key {
	enum vault_key_kind kind;
	const char *key_file;      /* VAULT_KEY_FILE: NULL for vault_default_key_file() */
	const char *passphrase;    /* VAULT_KEY_PASSPHRASE */
	/* Argon2id cost for a new vault; 0 for the defaults (a passphrase vault records its own
	 * cost, so these only matter on creation). Tests use the minimum to stay fast. */
	unsigned long long ops;
	size_t mem;
};

/* One profile. token and password point into guarded memory owned by the vault. */
struct vault_entry {
	const char *api;           /* base URL, without a trailing slash or /web_api/v1 */
	const char *email;
	const char *token;
	const char *password;      /* NULL when not kept */
	int64_t expires;           /* Unix time; 0 when unknown */
};

/* A profile as listed: nothing secret. */
struct vault_profile {
	const char *api;
	const char *email;
	int64_t expires;
	bool has_password;
};

struct vault;

/* $XDG_DATA_HOME/inspraak/vault and $XDG_CONFIG_HOME/inspraak/vault.key. Allocated. */
char *vault_default_path(void);
char *vault_default_key_file(void);

/* What locks the vault at path: ST_OK with *kind, ST_NOT_FOUND when there is no vault yet,
 * ST_INVALID (with a message) when the file is not a vault or is damaged. */
enum status vault_probe(const char *path, enum vault_key_kind *kind, struct err *e);

/* Open the vault at path with the key. A missing vault is an empty one when create is true
 * (nothing is written before vault_save; a missing key file is made then), ST_NOT_FOUND
 * otherwise. A wrong key, a key file that others may read, a damaged or tampered file: a
 * message saying so, and the file is left as it is. */
enum status vault_open(const char *path, const struct vault_key *k, bool create,
		       struct vault **out, struct err *e);

/* Seal and write the vault: a temporary file beside it (mode 0600), then a rename. */
enum status vault_save(struct vault *v, struct err *e);
void vault_close(struct vault *v);

const char *vault_path(const struct vault *v);
/* Whether the file existed when opened (a new vault is only written by vault_save). */
bool vault_exists(const struct vault *v);

/* The name of the profile of an API base URL: without a trailing slash or /web_api/v1.
 * Allocated. */
char *vault_profile_name(const char *api);

/* The entry of a profile; NULL when there is none. A trailing slash or /web_api/v1 at the end
 * of api names the same profile (entries are stored without them). Valid
 * until the vault changes or closes. */
const struct vault_entry *vault_get(const struct vault *v, const char *api);
/* Add or replace the entry of en->api; the strings are copied. */
void vault_put(struct vault *v, const struct vault_entry *en);
/* false when there was no such profile. */
bool vault_remove(struct vault *v, const char *api);

/* The profiles, in the order they were added; an allocated array to free(), whose strings are
 * valid until the vault changes or closes. */
size_t vault_list(const struct vault *v, struct vault_profile **out);

/* A copy of s in guarded memory, and its release (wiped first). */
char *vault_secret_dup(const char *s);
void vault_secret_free(char *s);

#endif
