/* What the parts of the Go Vocal client share and nobody else needs: the answer pool, the
 * HTTP layer and a few decoding helpers. */
#ifndef INSPRAAK_GOVOCAL_INTERNAL_H
#define INSPRAAK_GOVOCAL_INTERNAL_H

#include <jansson.h>

#include "core/govocal/client.h"

/* --- json.c --- */
struct gv_pool *gv_pool_new(void);
void *gv_pool_alloc(struct gv_pool *p, size_t n);
const char *gv_pool_strdup(struct gv_pool *p, const char *s);

/* Whether a 422 body holds this error code (anywhere). */
bool gv_422_has_code(const char *buf, size_t len, const char *code);
/* A 401/403 body's first base error code ("Unauthorized!", "blocked", …), allocated; NULL
 * when the body has none. *detail gets details.block_end_at when present (allocated). */
char *gv_401_code(const char *buf, size_t len, char **detail);
/* unix seconds as "2025-04-01 14:00" in Europe/Brussels (or without the time at midnight). */
void gv_format_time(int64_t t, char *buf, size_t size);

/* --- http.c --- */
struct gv_resp {
	long status;
	char *body;       /* NUL-terminated, may hold NULs before len */
	size_t len;
};
void gv_resp_free(struct gv_resp *r);

enum gv_method { GV_GET, GV_POST, GV_PATCH, GV_DELETE };

/* One request to path (below /web_api/v1, starting with "/") or to an absolute URL that
 * must lie below the client's own API root. body: JSON or NULL. Retries, back-off, the
 * token's expiry and transport errors are handled here: ST_OK means an HTTP answer came
 * (any status) and r holds it; otherwise e says why. */
enum status gv_request(struct gv_client *c, enum gv_method m, const char *path, const char *body,
		       struct gv_resp *r, struct err *e);
/* The message and status for an answer that is not the expected success. what says what
 * the request was about, for the message ("the idea", "the phases"). */
enum status gv_http_error(struct gv_client *c, const struct gv_resp *r, enum gv_method m,
			  const char *path, struct err *e);
/* The API root: https://host:port/web_api/v1 */
const char *gv_api_root(const struct gv_client *c);
/* Clear the cancel flag: a new top-level call starts. */
void gv_call_begin(struct gv_client *c);

#endif
