/* The credentials vault: one file, sealed as a whole, so that nothing about a profile but the
 * file's size is visible without the key.
 *
 * File layout (integers little-endian):
 *   "INSPVLT" 0x01   magic and format version                     8
 *   kind             1 key file, 2 passphrase                     1
 *   alg              crypto_pwhash algorithm (0 for a key file)    1
 *   ops, mem         Argon2id cost (0 for a key file)              8 + 8
 *   salt             Argon2id salt (zeros for a key file)         16
 *   check            a value derived from the key, to tell a      16
 *                    wrong key from a changed file
 *   nonce            XChaCha20-Poly1305 nonce, new on every save  24
 *   sealed entries   the rest; the header above is authenticated with them
 * The key of the file (from the key file or Argon2id) is a master key; the sealing key and
 * the check are derived from it with crypto_kdf, so the check reveals nothing of the key.
 *
 * Sealed entries: u32 count, then per entry: api, email, token (each u32 length + bytes),
 * u8 has_password, password (u32 length + bytes), i64 expires. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/vault.h"

#define MAGIC "INSPVLT\x01"
#define MAGIC_LEN 8
#define SALT_LEN crypto_pwhash_SALTBYTES
#define CHECK_LEN 16
#define NONCE_LEN crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_LEN crypto_aead_xchacha20poly1305_ietf_ABYTES
#define KEY_LEN crypto_aead_xchacha20poly1305_ietf_KEYBYTES
#define OFF_KIND MAGIC_LEN
#define OFF_ALG (OFF_KIND + 1)
#define OFF_OPS (OFF_ALG + 1)
#define OFF_MEM (OFF_OPS + 8)
#define OFF_SALT (OFF_MEM + 8)
#define OFF_CHECK (OFF_SALT + SALT_LEN)
#define OFF_NONCE (OFF_CHECK + CHECK_LEN)
#define HEADER_LEN (OFF_NONCE + NONCE_LEN)
/* Far more than any number of profiles needs; a bigger file is not ours. */
#define MAX_FILE (4u << 20)
#define KDF_CONTEXT "inspvlt1"

/* Argon2id for a new passphrase vault: three passes over 128 MiB, about half a second on a
 * laptop; an old SSH host still manages it. What a file asks for is bounded, so a changed
 * header cannot make us allocate gigabytes. */
#define DEFAULT_OPS 3ULL
#define DEFAULT_MEM ((size_t)128 << 20)
#define MAX_OPS 16ULL
#define MAX_MEM ((size_t)1 << 30)

struct vault {
	char *path;
	bool existed;
	unsigned char header[HEADER_LEN];   /* of the file, without a meaningful nonce */
	unsigned char *key;                 /* guarded: the sealing key */
	unsigned char *new_key_file;        /* guarded: a key file still to be written */
	char *key_file;
	struct vault_entry *v;
	size_t n, cap;
};

/* --- guarded memory ---------------------------------------------------------------------- */

static void *guarded(size_t n)
{
	void *p;

	/* sodium_malloc needs the library started (it learns the page size then). */
	if (sodium_init() < 0)
		die(_("The cryptography library (libsodium) cannot start."));
	p = sodium_malloc(n ? n : 1);
	if (!p)
		die(_("out of memory (locked memory for secrets)"));
	return p;
}

char *vault_secret_dup(const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s);
	p = guarded(n + 1);
	memcpy(p, s, n + 1);
	return p;
}

void vault_secret_free(char *s)
{
	if (s)
		sodium_free(s);
}

/* --- paths -------------------------------------------------------------------------------- */

char *vault_default_path(void)
{
	char *base = xdg_data_home();
	char *p = xasprintf("%s/inspraak/vault", base);

	free(base);
	return p;
}

char *vault_default_key_file(void)
{
	char *base = xdg_config_home();
	char *p = xasprintf("%s/inspraak/vault.key", base);

	free(base);
	return p;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* --- files -------------------------------------------------------------------------------- */

static bool read_all(int fd, unsigned char *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		got += (size_t)r;
	}
	return true;
}

static bool write_all(int fd, const unsigned char *buf, size_t n)
{
	while (n) {
		ssize_t w = write(fd, buf, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		buf += w;
		n -= (size_t)w;
	}
	return true;
}

/* The vault file whole; ST_NOT_FOUND when there is none. */
static enum status read_vault_file(const char *path, unsigned char **buf, size_t *len,
				   struct err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	bool ok;

	if (fd < 0) {
		if (errno == ENOENT)
			return ST_NOT_FOUND;
		err_set(e, _("Cannot read the credentials file %s: %s"), path, strerror(errno));
		return ST_FAIL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (off_t)MAX_FILE) {
		err_set(e, _("%s is not a credentials file of inspraak; it was left as it is."), path);
		close(fd);
		return ST_INVALID;
	}
	*len = (size_t)st.st_size;
	*buf = xmalloc(*len ? *len : 1);
	ok = read_all(fd, *buf, *len);
	close(fd);
	if (!ok) {
		err_set(e, _("Cannot read the credentials file %s."), path);
		free(*buf);
		return ST_FAIL;
	}
	return ST_OK;
}

/* Write data to path through a temporary file beside it and a rename, so a crash leaves the
 * old file or the new one, never half of one. With no_replace an existing file is kept and
 * the write fails (a key file must never be replaced: the vault would be lost). */
static enum status write_atomic(const char *path, const unsigned char *data, size_t len,
				bool no_replace, struct err *e)
{
	char *dir = dir_of(path);
	char *tmp = xasprintf("%s.tmp.XXXXXX", path);
	enum status st = ST_FAIL;
	int fd;

	if (mkdir_p(dir, 0700) != 0) {
		err_set(e, _("Cannot create the directory %s: %s"), dir, strerror(errno));
		goto out;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		err_set(e, _("Cannot write in %s: %s"), dir, strerror(errno));
		goto out;
	}
	if (fchmod(fd, 0600) != 0 || !write_all(fd, data, len) || fsync(fd) != 0) {
		err_set(e, _("Cannot write %s: %s"), tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	close(fd);
	if (no_replace ? link(tmp, path) != 0 : rename(tmp, path) != 0) {
		err_set(e, _("Cannot write %s: %s"), path, strerror(errno));
		unlink(tmp);
		goto out;
	}
	if (no_replace)
		unlink(tmp);
	/* The rename itself on disk, where the file system needs it. */
	fd = open(dir, O_RDONLY | O_CLOEXEC | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	st = ST_OK;
out:
	free(tmp);
	free(dir);
	return st;
}

/* A key file: a regular file of exactly KEY_LEN random bytes, owned by us and readable by
 * nobody else. Anything looser is refused rather than used, so a key copied with the wrong
 * mode is noticed before it protects anything. */
static enum status load_key_file(const char *path, unsigned char *key, struct err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	bool ok;

	if (fd < 0) {
		if (errno == ENOENT) {
			err_set(e, _("The key file %s does not exist."), path);
			return ST_NOT_FOUND;
		}
		err_set(e, _("Cannot read the key file %s: %s"), path, strerror(errno));
		return ST_FAIL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		err_set(e, _("The key file %s is not a regular file."), path);
		close(fd);
		return ST_INVALID;
	}
	if (st.st_uid != geteuid()) {
		err_set(e, _("The key file %s belongs to another user; inspraak only uses a key file "
			     "of your own."), path);
		close(fd);
		return ST_FORBIDDEN;
	}
	if (st.st_mode & 077) {
		err_set(e, _("The key file %s may be read by other users (mode %04o); inspraak refuses "
			     "to use it. If nobody else has read it, make it private with "
			     "`chmod 600 %s'; otherwise log out, remove it and log in again."),
			path, (unsigned)(st.st_mode & 07777), path);
		close(fd);
		return ST_FORBIDDEN;
	}
	if (st.st_size != KEY_LEN) {
		err_set(e, _("%s is not a key file of inspraak (it holds %lld bytes, a key file %d "
			     "random bytes)."), path, (long long)st.st_size, KEY_LEN);
		close(fd);
		return ST_INVALID;
	}
	ok = read_all(fd, key, KEY_LEN);
	close(fd);
	if (!ok) {
		err_set(e, _("Cannot read the key file %s."), path);
		return ST_FAIL;
	}
	return ST_OK;
}

/* --- little-endian fields ---------------------------------------------------------------- */

static void put_u64(unsigned char *p, uint64_t x)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(x >> (8 * i));
}

static uint64_t get_u64(const unsigned char *p)
{
	uint64_t x = 0;

	for (int i = 0; i < 8; i++)
		x |= (uint64_t)p[i] << (8 * i);
	return x;
}

/* --- keys --------------------------------------------------------------------------------- */

/* From the master key: the sealing key into v->key and the check into the header. */
static void derive_keys(struct vault *v, const unsigned char *master, unsigned char *check)
{
	crypto_kdf_derive_from_key(v->key, KEY_LEN, 1, KDF_CONTEXT, master);
	crypto_kdf_derive_from_key(check, CHECK_LEN, 2, KDF_CONTEXT, master);
}

static enum status passphrase_key(const unsigned char *h, const char *pass, unsigned char *master,
				  struct err *e)
{
	if (crypto_pwhash(master, KEY_LEN, pass, strlen(pass), h + OFF_SALT,
			  get_u64(h + OFF_OPS), (size_t)get_u64(h + OFF_MEM), h[OFF_ALG]) != 0) {
		err_set(e, _("Not enough memory to derive the key from the passphrase (%llu MiB are "
			     "needed)."), (unsigned long long)(get_u64(h + OFF_MEM) >> 20));
		return ST_FAIL;
	}
	return ST_OK;
}

/* The master key of a vault whose header is already in v->header. */
static enum status master_key(struct vault *v, const struct vault_key *k, unsigned char *master,
			      struct err *e)
{
	if (k->kind == VAULT_KEY_PASSPHRASE)
		return passphrase_key(v->header, k->passphrase, master, e);
	return load_key_file(v->key_file, master, e);
}

static bool header_sane(const unsigned char *h)
{
	uint64_t ops = get_u64(h + OFF_OPS), mem = get_u64(h + OFF_MEM);

	if (memcmp(h, MAGIC, MAGIC_LEN) != 0)
		return false;
	if (h[OFF_KIND] == VAULT_KEY_FILE)
		return h[OFF_ALG] == 0 && ops == 0 && mem == 0;
	if (h[OFF_KIND] != VAULT_KEY_PASSPHRASE || h[OFF_ALG] != crypto_pwhash_ALG_ARGON2ID13)
		return false;
	return ops >= crypto_pwhash_OPSLIMIT_MIN && ops <= MAX_OPS &&
	       mem >= crypto_pwhash_MEMLIMIT_MIN && mem <= MAX_MEM;
}

/* --- entries ------------------------------------------------------------------------------ */

/* The length of the profile's name in api: a trailing slash and the API's own path do not
 * make another profile (the client takes the base URL with or without /web_api/v1). */
static size_t api_len(const char *api)
{
	static const char suffix[] = "/web_api/v1";
	size_t n = strlen(api);

	while (n > 0 && api[n - 1] == '/')
		n--;
	if (n >= sizeof(suffix) - 1 && !strncmp(api + n - (sizeof(suffix) - 1), suffix,
						 sizeof(suffix) - 1))
		n -= sizeof(suffix) - 1;
	while (n > 0 && api[n - 1] == '/')
		n--;
	return n;
}

char *vault_profile_name(const char *api)
{
	return xstrndup(api, api_len(api));
}

static bool same_api(const char *a, const char *b)
{
	size_t n = api_len(a);

	return n == api_len(b) && !strncmp(a, b, n);
}

static void entry_free(struct vault_entry *en)
{
	free((char *)en->api);
	free((char *)en->email);
	vault_secret_free((char *)en->token);
	vault_secret_free((char *)en->password);
	memset(en, 0, sizeof(*en));
}

static ssize_t find(const struct vault *v, const char *api)
{
	for (size_t i = 0; i < v->n; i++)
		if (same_api(v->v[i].api, api))
			return (ssize_t)i;
	return -1;
}

const struct vault_entry *vault_get(const struct vault *v, const char *api)
{
	ssize_t i = find(v, api);

	return i < 0 ? NULL : &v->v[i];
}

void vault_put(struct vault *v, const struct vault_entry *en)
{
	struct vault_entry copy = {
		.api = xstrndup(en->api, api_len(en->api)),
		.email = xstrdup(en->email ? en->email : ""),
		.token = vault_secret_dup(en->token ? en->token : ""),
		.password = vault_secret_dup(en->password),
		.expires = en->expires,
	};
	ssize_t i = find(v, en->api);

	if (i >= 0) {
		entry_free(&v->v[i]);
		v->v[i] = copy;
		return;
	}
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 4;
		v->v = xreallocarray(v->v, v->cap, sizeof(*v->v));
	}
	v->v[v->n++] = copy;
}

bool vault_remove(struct vault *v, const char *api)
{
	ssize_t i = find(v, api);

	if (i < 0)
		return false;
	entry_free(&v->v[i]);
	memmove(&v->v[i], &v->v[i + 1], (v->n - (size_t)i - 1) * sizeof(*v->v));
	v->n--;
	return true;
}

size_t vault_list(const struct vault *v, struct vault_profile **out)
{
	*out = xcalloc(v->n ? v->n : 1, sizeof(**out));
	for (size_t i = 0; i < v->n; i++) {
		(*out)[i].api = v->v[i].api;
		(*out)[i].email = v->v[i].email;
		(*out)[i].expires = v->v[i].expires;
		(*out)[i].has_password = v->v[i].password != NULL;
	}
	return v->n;
}

const char *vault_path(const struct vault *v)
{
	return v->path;
}

bool vault_exists(const struct vault *v)
{
	return v->existed;
}

/* --- the sealed entries ------------------------------------------------------------------- */

static size_t plain_size(const struct vault *v)
{
	size_t n = 4;

	for (size_t i = 0; i < v->n; i++) {
		const struct vault_entry *en = &v->v[i];

		n += 4 + strlen(en->api) + 4 + strlen(en->email) + 4 + strlen(en->token) + 1 +
		     4 + (en->password ? strlen(en->password) : 0) + 8;
	}
	return n;
}

static unsigned char *put_str(unsigned char *p, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(n >> (8 * i));
	if (n)
		memcpy(p + 4, s, n);
	return p + 4 + n;
}

static void encode(const struct vault *v, unsigned char *p)
{
	uint32_t count = (uint32_t)v->n;

	for (int i = 0; i < 4; i++)
		*p++ = (unsigned char)(count >> (8 * i));
	for (size_t i = 0; i < v->n; i++) {
		const struct vault_entry *en = &v->v[i];

		p = put_str(p, en->api);
		p = put_str(p, en->email);
		p = put_str(p, en->token);
		*p++ = en->password != NULL;
		p = put_str(p, en->password);
		put_u64(p, (uint64_t)en->expires);
		p += 8;
	}
}

struct reader {
	const unsigned char *p;
	size_t left;
	bool bad;
};

static uint64_t take_uint(struct reader *r, int bytes)
{
	uint64_t x = 0;

	if (r->bad || r->left < (size_t)bytes) {
		r->bad = true;
		return 0;
	}
	for (int i = 0; i < bytes; i++)
		x |= (uint64_t)r->p[i] << (8 * i);
	r->p += bytes;
	r->left -= (size_t)bytes;
	return x;
}

/* A string of the sealed data, copied to ordinary or guarded memory. */
static char *take_str(struct reader *r, bool secret)
{
	size_t n = (size_t)take_uint(r, 4);
	char *s;

	if (r->bad || n > r->left || memchr(r->p, '\0', n)) {
		r->bad = true;
		return NULL;
	}
	s = secret ? guarded(n + 1) : xmalloc(n + 1);
	memcpy(s, r->p, n);
	s[n] = '\0';
	r->p += n;
	r->left -= n;
	return s;
}

static bool decode(struct vault *v, const unsigned char *p, size_t len)
{
	struct reader r = { p, len, false };
	uint64_t count = take_uint(&r, 4);

	for (uint64_t i = 0; i < count && !r.bad; i++) {
		struct vault_entry en = { 0 };
		bool has_password;

		en.api = take_str(&r, false);
		en.email = take_str(&r, false);
		en.token = take_str(&r, true);
		has_password = take_uint(&r, 1) != 0;
		en.password = take_str(&r, true);
		en.expires = (int64_t)take_uint(&r, 8);
		if (!has_password) {
			vault_secret_free((char *)en.password);
			en.password = NULL;
		}
		if (r.bad) {
			entry_free(&en);
			r.bad = true;
			break;
		}
		vault_put(v, &en);
		entry_free(&en);
	}
	return !r.bad && r.left == 0;
}

/* --- open, save, close -------------------------------------------------------------------- */

static void damaged(struct err *e, const char *path)
{
	err_set(e, _("The credentials file %s is damaged or was changed by someone else: it cannot "
		     "be read. inspraak leaves it as it is; move it away and log in again."), path);
}

static const char *kind_name(int kind)
{
	return kind == VAULT_KEY_PASSPHRASE ? _("a passphrase") : _("a key file");
}

enum status vault_probe(const char *path, enum vault_key_kind *kind, struct err *e)
{
	unsigned char *buf = NULL;
	size_t len = 0;
	enum status st = read_vault_file(path, &buf, &len, e);

	if (st != ST_OK)
		return st;
	if (len < HEADER_LEN + TAG_LEN + 4 || !header_sane(buf)) {
		damaged(e, path);
		st = ST_INVALID;
	} else {
		*kind = (enum vault_key_kind)buf[OFF_KIND];
	}
	free(buf);
	return st;
}

/* A new, empty vault: a fresh header; a key file is read if there is one, else made at the
 * first save. */
static enum status create(struct vault *v, const struct vault_key *k, unsigned char *master,
			  struct err *e)
{
	unsigned char *h = v->header;
	enum status st;

	memset(h, 0, HEADER_LEN);
	memcpy(h, MAGIC, MAGIC_LEN);
	h[OFF_KIND] = (unsigned char)k->kind;
	if (k->kind == VAULT_KEY_PASSPHRASE) {
		h[OFF_ALG] = crypto_pwhash_ALG_ARGON2ID13;
		put_u64(h + OFF_OPS, k->ops ? k->ops : DEFAULT_OPS);
		put_u64(h + OFF_MEM, k->mem ? k->mem : DEFAULT_MEM);
		randombytes_buf(h + OFF_SALT, SALT_LEN);
		if (!header_sane(h)) {
			err_set(e, _("The Argon2id cost asked for is out of bounds."));
			return ST_INVALID;
		}
		return passphrase_key(h, k->passphrase, master, e);
	}
	st = load_key_file(v->key_file, master, e);
	if (st != ST_NOT_FOUND)
		return st;
	v->new_key_file = guarded(KEY_LEN);
	randombytes_buf(v->new_key_file, KEY_LEN);
	memcpy(master, v->new_key_file, KEY_LEN);
	return ST_OK;
}

/* Check the key against the header, then unseal and read the entries. */
static enum status unseal(struct vault *v, const struct vault_key *k, const unsigned char *buf,
			  size_t len, unsigned char *master, struct err *e)
{
	unsigned char check[CHECK_LEN];
	unsigned char *plain;
	unsigned long long plen;
	enum status st;

	memcpy(v->header, buf, HEADER_LEN);
	if (v->header[OFF_KIND] != k->kind) {
		err_set(e, _("The credentials in %s are locked with %s, not with %s."), v->path,
			kind_name(v->header[OFF_KIND]), kind_name(k->kind));
		return ST_INVALID;
	}
	st = master_key(v, k, master, e);
	if (st == ST_NOT_FOUND)
		err_set(e, _("The key file %s is missing: without it the credentials in %s cannot be "
			     "read. Give the right one with --key-file, or move %s away and log in "
			     "again."), v->key_file, v->path, v->path);
	if (st != ST_OK)
		return st == ST_NOT_FOUND ? ST_FAIL : st;
	derive_keys(v, master, check);
	if (sodium_memcmp(check, v->header + OFF_CHECK, CHECK_LEN) != 0) {
		if (k->kind == VAULT_KEY_PASSPHRASE)
			err_set(e, _("Wrong passphrase for the credentials in %s."), v->path);
		else
			err_set(e, _("The key file %s does not open the credentials in %s (they were "
				     "locked with another key)."), v->key_file, v->path);
		return ST_FORBIDDEN;
	}
	plain = guarded(len - HEADER_LEN);
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain, &plen, NULL, buf + HEADER_LEN,
						       len - HEADER_LEN, buf, HEADER_LEN,
						       buf + OFF_NONCE, v->key) != 0 ||
	    !decode(v, plain, (size_t)plen)) {
		damaged(e, v->path);
		st = ST_INVALID;
	}
	sodium_free(plain);
	return st;
}

enum status vault_open(const char *path, const struct vault_key *k, bool create_it,
		       struct vault **out, struct err *e)
{
	struct vault *v;
	unsigned char *buf = NULL, *master;
	size_t len = 0;
	enum status st;

	*out = NULL;
	if (sodium_init() < 0) {
		err_set(e, _("The cryptography library (libsodium) cannot start."));
		return ST_FAIL;
	}
	if (k->kind == VAULT_KEY_PASSPHRASE && (!k->passphrase || !*k->passphrase)) {
		err_set(e, _("The passphrase is empty."));
		return ST_INVALID;
	}
	st = read_vault_file(path, &buf, &len, e);
	if (st == ST_NOT_FOUND && !create_it) {
		err_set(e, _("No credentials are stored in %s."), path);
		return st;
	}
	if (st != ST_OK && st != ST_NOT_FOUND)
		return st;
	v = xcalloc(1, sizeof(*v));
	v->path = xstrdup(path);
	v->existed = st == ST_OK;
	v->key = guarded(KEY_LEN);
	v->key_file = k->key_file ? xstrdup(k->key_file) : vault_default_key_file();
	master = guarded(KEY_LEN);
	if (!v->existed) {
		st = create(v, k, master, e);
		if (st == ST_OK)
			derive_keys(v, master, v->header + OFF_CHECK);
	} else if (len < HEADER_LEN + TAG_LEN + 4 || !header_sane(buf)) {
		damaged(e, path);
		st = ST_INVALID;
	} else {
		st = unseal(v, k, buf, len, master, e);
	}
	sodium_free(master);
	free(buf);
	if (st != ST_OK) {
		vault_close(v);
		return st;
	}
	*out = v;
	return ST_OK;
}

/* A new key file is written before the first vault that needs it, and never over another. */
static enum status save_new_key_file(struct vault *v, struct err *e)
{
	enum status st;

	if (!v->new_key_file)
		return ST_OK;
	st = write_atomic(v->key_file, v->new_key_file, KEY_LEN, true, e);
	if (st == ST_OK) {
		sodium_free(v->new_key_file);
		v->new_key_file = NULL;
	}
	return st;
}

enum status vault_save(struct vault *v, struct err *e)
{
	size_t plen = plain_size(v);
	size_t len = HEADER_LEN + plen + TAG_LEN;
	unsigned char *plain, *out;
	enum status st = save_new_key_file(v, e);

	if (st != ST_OK)
		return st;
	plain = guarded(plen);
	out = xmalloc(len);
	encode(v, plain);
	randombytes_buf(v->header + OFF_NONCE, NONCE_LEN);
	memcpy(out, v->header, HEADER_LEN);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out + HEADER_LEN, NULL, plain, plen, out,
						   HEADER_LEN, NULL, out + OFF_NONCE, v->key);
	sodium_free(plain);
	st = write_atomic(v->path, out, len, false, e);
	free(out);
	if (st == ST_OK)
		v->existed = true;
	return st;
}

void vault_close(struct vault *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++)
		entry_free(&v->v[i]);
	free(v->v);
	if (v->new_key_file)
		sodium_free(v->new_key_file);
	sodium_free(v->key);
	free(v->key_file);
	free(v->path);
	free(v);
}
