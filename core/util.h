/* Small helpers every module uses: allocation that never returns NULL, growable strings,
 * and a message buffer that failing functions fill with a sentence the user can read. */
#ifndef INSPRAAK_UTIL_H
#define INSPRAAK_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define NORETURN __attribute__((noreturn))
#else
#define PRINTF_LIKE(f, a)
#define NORETURN
#endif

/* What a function that can fail returns. The message for the user goes into a struct err. */
enum status {
	ST_OK = 0,
	ST_FAIL,        /* generic failure, message says why */
	ST_NOT_FOUND,
	ST_CONNECT,     /* cannot reach or log in to the server */
	ST_NO_SCHEMA,   /* database without inspraak's schema */
	ST_OLD_SCHEMA,  /* schema older than this binary: migrate */
	ST_NEW_SCHEMA,  /* schema newer than this binary: upgrade inspraak */
	ST_CONFLICT,    /* stale version, someone else changed it */
	ST_INVALID,     /* bad input */
	ST_CLAIMED,     /* someone else is working on it */
	ST_FORBIDDEN,   /* the role does not allow it */
	ST_DONE,        /* nothing to do: already done, or undone */
	ST_CANCELLED,   /* the user said no */
	ST_GAP,         /* a timeline change would open a gap the caller did not allow */
};

struct err {
	char msg[1024];
};

void err_set(struct err *e, const char *fmt, ...) PRINTF_LIKE(2, 3);
void err_clear(struct err *e);

NORETURN void die(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Run before die() prints, so the terminal can be restored first. */
void util_set_die_hook(void (*hook)(void));

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);
char *xvasprintf(const char *fmt, va_list ap);

/* Growable NUL-terminated string. */
struct sbuf {
	char *s;
	size_t len, cap;
};

void sbuf_init(struct sbuf *b);
void sbuf_free(struct sbuf *b);
void sbuf_reset(struct sbuf *b);
void sbuf_add(struct sbuf *b, const char *s);
void sbuf_addn(struct sbuf *b, const char *s, size_t n);
void sbuf_addc(struct sbuf *b, char c);
void sbuf_addf(struct sbuf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Hand over the string; the buffer is empty afterwards. */
char *sbuf_take(struct sbuf *b);

/* Monotonic clock in microseconds. */
int64_t now_us(void);

bool str_eq(const char *a, const char *b);
bool str_starts(const char *s, const char *prefix);
/* Parse a whole string as a number; false on junk or overflow. */
bool str_to_long(const char *s, long *out);
bool str_to_double(const char *s, double *out);

/* XDG base directories: $XDG_*_HOME or the documented default under $HOME. Allocated. */
char *xdg_config_home(void);
char *xdg_data_home(void);
char *xdg_state_home(void);
/* mkdir -p with the given mode for created parts. */
int mkdir_p(const char *path, unsigned mode);

#endif
