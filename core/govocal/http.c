/* The HTTP layer of the Go Vocal client: one libcurl handle per client (its connections
 * are kept alive between requests), TLS verification always on, retries with back-off,
 * the token's expiry, and the mapping of the platform's error answers to messages. */
#include "config.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/govocal/internal.h"
#include "core/i18n.h"

/* A token this close to its expiry is treated as expired: a read sent with it could arrive
 * after it expired and be answered, silently, with public data only (§2). */
#define EXPIRY_MARGIN_S 30
/* Nothing the console asks for comes near this; a bigger answer is a broken server. */
#define MAX_BODY (64u << 20)

struct gv_client {
	CURL *curl;
	/* The transfer runs in a multi handle so that a cancel wakes it at once
	 * (curl_multi_wakeup) rather than at libcurl's next progress call, about a second. */
	CURLM *multi;
	char *root;       /* https://host:port/web_api/v1 */
	char *ca_file;
	long timeout_ms, connect_timeout_ms;
	long backoff_ms, backoff_5xx_ms, backoff_cap_ms;
	int max_retries;
	char *token;
	int64_t expires;
	atomic_bool cancel;
	long requests;
	gv_progress_fn *progress;
	void *progress_arg;
	/* The request in progress. */
	struct sbuf body;
	bool too_big;
	bool has_retry_after;
	long retry_after_ms;
	char errbuf[CURL_ERROR_SIZE];
};

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_init_once(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* Secrets are wiped before their memory is given back. */
static void wipe(void *p, size_t n)
{
	volatile unsigned char *v = p;

	while (n--)
		*v++ = 0;
}

static void wipe_str(char *s)
{
	if (s)
		wipe(s, strlen(s));
}

static bool clean_url(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7f)
			return false;
	return true;
}

enum status gv_client_new(const struct gv_opts *o, struct gv_client **out, struct err *e)
{
	struct gv_client *c;
	const char *base = o ? o->base_url : NULL;
	size_t n;

	*out = NULL;
	if (!base || strncasecmp(base, "https://", 8) != 0 || !base[8]) {
		err_set(e, _("The platform's address must start with https:// (got \"%s\")."),
			base ? base : "");
		return ST_INVALID;
	}
	if (!clean_url(base) || strpbrk(base + 8, "?#@")) {
		err_set(e, _("The platform's address \"%s\" is not a plain https:// address."),
			base);
		return ST_INVALID;
	}
	pthread_once(&curl_once, curl_init_once);
	c = xcalloc(1, sizeof(*c));
	c->curl = curl_easy_init();
	c->multi = curl_multi_init();
	if (!c->curl || !c->multi) {
		curl_easy_cleanup(c->curl);
		curl_multi_cleanup(c->multi);
		free(c);
		err_set(e, _("Cannot start the network library."));
		return ST_FAIL;
	}
	n = strlen(base);
	while (n > 8 && base[n - 1] == '/')
		n--;
	if (n > 19 && strncmp(base + n - 11, "/web_api/v1", 11) == 0)
		n -= 11;
	c->root = xasprintf("%.*s/web_api/v1", (int)n, base);
	c->ca_file = o->ca_file ? xstrdup(o->ca_file) : NULL;
	c->timeout_ms = o->timeout_ms > 0 ? o->timeout_ms : 30000;
	c->max_retries = o->max_retries >= 0 ? o->max_retries : 3;
	c->connect_timeout_ms = 10000;
	c->backoff_ms = 20000;
	c->backoff_5xx_ms = 1000;
	c->backoff_cap_ms = 120000;
	atomic_init(&c->cancel, false);
	sbuf_init(&c->body);
	*out = c;
	return ST_OK;
}

void gv_client_free(struct gv_client *c)
{
	if (!c)
		return;
	curl_multi_cleanup(c->multi);
	curl_easy_cleanup(c->curl);
	wipe_str(c->token);
	free(c->token);
	free(c->root);
	free(c->ca_file);
	sbuf_free(&c->body);
	free(c);
}

void gv_client_tune(struct gv_client *c, const struct gv_tuning *t)
{
	if (t->connect_timeout_ms > 0)
		c->connect_timeout_ms = t->connect_timeout_ms;
	if (t->backoff_ms > 0)
		c->backoff_ms = t->backoff_ms;
	if (t->backoff_5xx_ms > 0)
		c->backoff_5xx_ms = t->backoff_5xx_ms;
	if (t->backoff_cap_ms > 0)
		c->backoff_cap_ms = t->backoff_cap_ms;
}

void gv_client_cancel(struct gv_client *c)
{
	atomic_store(&c->cancel, true);
	/* The one multi call that may come from another thread. */
	curl_multi_wakeup(c->multi);
}

void gv_call_begin(struct gv_client *c)
{
	atomic_store(&c->cancel, false);
}

void gv_client_on_progress(struct gv_client *c, gv_progress_fn *fn, void *arg)
{
	c->progress = fn;
	c->progress_arg = arg;
}

long gv_client_requests(const struct gv_client *c)
{
	return c->requests;
}

const char *gv_api_root(const struct gv_client *c)
{
	return c->root;
}

void gv_set_token(struct gv_client *c, const char *token, int64_t expires)
{
	wipe_str(c->token);
	free(c->token);
	c->token = NULL;
	c->expires = 0;
	/* The token goes into a header: refuse anything that could break out of it. */
	if (!token || !*token || strpbrk(token, "\r\n \t") || !clean_url(token))
		return;
	c->token = xstrdup(token);
	c->expires = expires ? expires : gv_token_expiry(token);
}

static bool token_expired(const struct gv_client *c)
{
	return c->expires && (int64_t)time(NULL) + EXPIRY_MARGIN_S >= c->expires;
}

bool gv_logged_in(const struct gv_client *c)
{
	return c->token && !token_expired(c);
}

void gv_resp_free(struct gv_resp *r)
{
	free(r->body);
	r->body = NULL;
	r->len = 0;
}

/* --- curl callbacks ------------------------------------------------------------------------- */

static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
	struct gv_client *c = arg;
	size_t len = size * n;

	if (c->body.len + len > MAX_BODY) {
		c->too_big = true;
		return 0;
	}
	sbuf_addn(&c->body, data, len);
	return len;
}

static size_t on_header(char *data, size_t size, size_t n, void *arg)
{
	struct gv_client *c = arg;
	size_t len = size * n;
	char v[128];
	size_t i;

	if (len < 12 || strncasecmp(data, "Retry-After:", 12) != 0)
		return len;
	for (i = 12; i < len && (data[i] == ' ' || data[i] == '\t'); i++)
		;
	snprintf(v, sizeof(v), "%.*s", (int)(len - i), data + i);
	v[strcspn(v, "\r\n")] = '\0';
	if (v[0] >= '0' && v[0] <= '9') {
		long s;

		if (str_to_long(v, &s) && s >= 0) {
			c->has_retry_after = true;
			c->retry_after_ms = s > 100000 ? 100000000L : s * 1000;
		}
	} else {
		/* An HTTP date: wait until then. */
		time_t t = curl_getdate(v, NULL);

		if (t != (time_t)-1) {
			long d = (long)(t - time(NULL));

			c->has_retry_after = true;
			c->retry_after_ms = d <= 0 ? 0 : d > 100000 ? 100000000L : d * 1000;
		}
	}
	return len;
}

static int on_progress(void *arg, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	struct gv_client *c = arg;

	(void)ut, (void)un;
	if (c->progress && dn > 0)
		c->progress(c->progress_arg, (long)dn, (long)dt);
	return atomic_load(&c->cancel) ? 1 : 0;
}

/* --- one attempt ------------------------------------------------------------------------------ */

static const char *method_name(enum gv_method m)
{
	static const char *names[] = { "GET", "POST", "PATCH", "DELETE" };

	return names[m];
}

static struct curl_slist *headers(struct gv_client *c, bool auth, bool body)
{
	struct curl_slist *h = NULL;

	h = curl_slist_append(h, "Accept: application/json");
	if (body)
		h = curl_slist_append(h, "Content-Type: application/json");
	/* The Expect: 100-continue dance costs a round trip on every write. */
	h = curl_slist_append(h, "Expect:");
	if (auth && c->token) {
		char *a = xasprintf("Authorization: Bearer %s", c->token);

		h = curl_slist_append(h, a);
		wipe_str(a);
		free(a);
	}
	if (!h)
		die("out of memory");
	return h;
}

static void headers_free(struct curl_slist *h)
{
	for (struct curl_slist *p = h; p; p = p->next)
		wipe_str(p->data);
	curl_slist_free_all(h);
}

/* One transfer, polled until done; a cancel ends it within the poll it wakes. */
static CURLcode run_transfer(struct gv_client *c, CURL *k)
{
	CURLcode rc = CURLE_OK;
	CURLMcode mc;
	CURLMsg *msg;
	int running = 1, left;
	bool cancelled = false, done = false;

	if (curl_multi_add_handle(c->multi, k) != CURLM_OK)
		return CURLE_FAILED_INIT;
	while (running) {
		if (atomic_load(&c->cancel)) {
			cancelled = true;
			break;
		}
		if ((mc = curl_multi_perform(c->multi, &running)) != CURLM_OK) {
			rc = CURLE_FAILED_INIT;
			break;
		}
		if (running && curl_multi_poll(c->multi, NULL, 0, 1000, NULL) != CURLM_OK) {
			rc = CURLE_FAILED_INIT;
			break;
		}
	}
	while ((msg = curl_multi_info_read(c->multi, &left)))
		if (msg->msg == CURLMSG_DONE && msg->easy_handle == k) {
			rc = msg->data.result;
			done = true;
		}
	curl_multi_remove_handle(c->multi, k);
	if (cancelled && !done)
		rc = CURLE_ABORTED_BY_CALLBACK;
	return rc;
}

static CURLcode perform(struct gv_client *c, enum gv_method m, const char *url,
			const char *body, bool auth, long *status)
{
	struct curl_slist *h = headers(c, auth, body != NULL);
	CURL *k = c->curl;
	CURLcode rc;

	curl_easy_reset(k);
	sbuf_reset(&c->body);
	c->too_big = false;
	c->has_retry_after = false;
	c->retry_after_ms = 0;
	c->errbuf[0] = '\0';
	curl_easy_setopt(k, CURLOPT_URL, url);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(k, CURLOPT_PROTOCOLS_STR, "https");
#else
	curl_easy_setopt(k, CURLOPT_PROTOCOLS, (long)CURLPROTO_HTTPS);
#endif
	/* A redirect could carry the token elsewhere: the API never redirects. */
	curl_easy_setopt(k, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(k, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(k, CURLOPT_SSL_VERIFYHOST, 2L);
	if (c->ca_file)
		curl_easy_setopt(k, CURLOPT_CAINFO, c->ca_file);
	curl_easy_setopt(k, CURLOPT_TIMEOUT_MS, c->timeout_ms);
	curl_easy_setopt(k, CURLOPT_CONNECTTIMEOUT_MS,
			 c->connect_timeout_ms < c->timeout_ms ? c->connect_timeout_ms
							       : c->timeout_ms);
	curl_easy_setopt(k, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(k, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
	curl_easy_setopt(k, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(k, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(k, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(k, CURLOPT_WRITEDATA, c);
	curl_easy_setopt(k, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(k, CURLOPT_HEADERDATA, c);
	curl_easy_setopt(k, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(k, CURLOPT_XFERINFODATA, c);
	curl_easy_setopt(k, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(k, CURLOPT_ERRORBUFFER, c->errbuf);
	if (m != GV_GET)
		curl_easy_setopt(k, CURLOPT_CUSTOMREQUEST, method_name(m));
	if (body) {
		curl_easy_setopt(k, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(k, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
	} else if (m == GV_POST || m == GV_PATCH) {
		curl_easy_setopt(k, CURLOPT_POSTFIELDS, "");
		curl_easy_setopt(k, CURLOPT_POSTFIELDSIZE, 0L);
	}
	c->requests++;
	rc = run_transfer(c, k);
	*status = 0;
	curl_easy_getinfo(k, CURLINFO_RESPONSE_CODE, status);
	/* The handle keeps pointers to these: drop them before they are freed. */
	curl_easy_setopt(k, CURLOPT_HTTPHEADER, NULL);
	curl_easy_setopt(k, CURLOPT_POSTFIELDS, NULL);
	headers_free(h);
	return rc;
}

/* Sleep ms, waking early for a cancel; false when cancelled. */
static bool wait_ms(struct gv_client *c, long ms)
{
	while (ms > 0) {
		long step = ms < 50 ? ms : 50;
		struct timespec ts = { 0, step * 1000000L };

		if (atomic_load(&c->cancel))
			return false;
		nanosleep(&ts, NULL);
		ms -= step;
	}
	return !atomic_load(&c->cancel);
}

static long backoff(const struct gv_client *c, long first, int attempt)
{
	long ms = first;

	for (int i = 0; i < attempt && ms < c->backoff_cap_ms; i++)
		ms *= 2;
	return ms < c->backoff_cap_ms ? ms : c->backoff_cap_ms;
}

static bool transient(CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_CONNECT:
	case CURLE_PARTIAL_FILE:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return true;
	default:
		return false;
	}
}

/* The message for a request that got no usable answer. */
static enum status transport_error(struct gv_client *c, CURLcode rc, enum gv_method m,
				   long status, struct err *e)
{
	const char *detail = c->errbuf[0] ? c->errbuf : curl_easy_strerror(rc);
	bool write = m != GV_GET;

	switch (rc) {
	case CURLE_ABORTED_BY_CALLBACK:
		err_set(e, _("Cancelled."));
		return ST_CANCELLED;
	case CURLE_OPERATION_TIMEDOUT:
		if (write)
			err_set(e, _("The platform did not answer within %ld seconds; the change may "
				     "or may not have been saved: check before trying again."),
				(c->timeout_ms + 999) / 1000);
		else
			err_set(e, _("The platform did not answer within %ld seconds; try again "
				     "later."), (c->timeout_ms + 999) / 1000);
		return ST_FAIL;
	case CURLE_WRITE_ERROR:
		if (c->too_big) {
			err_set(e, _("The platform's answer is larger than %u MB; it was not read."),
				MAX_BODY >> 20);
			return ST_FAIL;
		}
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
		err_set(e, _("The platform's identity cannot be verified, so nothing was sent "
			     "(%s)."), detail);
		return ST_FAIL;
	case CURLE_PARTIAL_FILE:
		if (write && status >= 200 && status < 300)
			err_set(e, _("The change was saved, but the platform's answer was cut off; "
				     "reload to see it."));
		else
			err_set(e, _("The platform's answer was cut off before its end (%zu bytes "
				     "arrived); try again."), c->body.len);
		return ST_FAIL;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT:
		err_set(e, _("Cannot reach the platform (%s)."), detail);
		return ST_FAIL;
	default:
		break;
	}
	if (write)
		err_set(e, _("The connection to the platform broke (%s); the change may or may not "
			     "have been saved."), detail);
	else
		err_set(e, _("The connection to the platform broke (%s)."), detail);
	return ST_FAIL;
}

/* The length of "https://host[:port]" in url, with the host's case and a :443 ignored when
 * norm is given (filled with the normalised origin). */
static size_t origin(const char *url, char *norm, size_t size)
{
	size_t n, i;

	if (strncasecmp(url, "https://", 8) != 0)
		return 0;
	n = 8 + strcspn(url + 8, "/?#");
	snprintf(norm, size, "%.*s", (int)n, url);
	for (i = 0; norm[i]; i++)
		if (norm[i] >= 'A' && norm[i] <= 'Z')
			norm[i] = (char)(norm[i] - 'A' + 'a');
	if (i > 12 && strcmp(norm + i - 4, ":443") == 0)
		norm[i - 4] = '\0';
	return n;
}

/* For a link below our API root (same origin, path below /web_api/v1/), the part after the
 * root; NULL for anything else. Links may spell the host differently from the address the
 * user gave (case, an explicit :443): they are sent to our root either way. */
static const char *same_api(const char *root, const char *link)
{
	char a[512], b[512];
	size_t na = origin(root, a, sizeof(a)), nb = origin(link, b, sizeof(b));

	if (!na || !nb || strcmp(a, b) != 0)
		return NULL;
	if (strncmp(link + nb, "/web_api/v1/", 12) != 0 || strstr(link + nb, "/../") ||
	    strstr(link + nb, "/./"))
		return NULL;
	return link + nb + 11;
}

enum status gv_request(struct gv_client *c, enum gv_method m, const char *path, const char *body,
		       struct gv_resp *r, struct err *e)
{
	bool login = m == GV_POST && strcmp(path, "/user_token") == 0;
	/* Writes are not repeated after a failure that may have applied them; a refused
	 * (429) request never was. */
	bool idempotent = m == GV_GET || login;
	char *url;
	CURLcode rc = CURLE_OK;
	long status = 0;

	r->status = 0;
	r->body = NULL;
	r->len = 0;
	if (path[0] == '/') {
		url = xasprintf("%s%s", c->root, path);
	} else {
		/* A next link from an answer: only ever to our own API, never elsewhere. */
		const char *rest = same_api(c->root, path);

		if (!rest || !clean_url(path)) {
			err_set(e, _("The platform's answer links to another address; it was not "
				     "followed."));
			return ST_FAIL;
		}
		url = xasprintf("%s%s", c->root, rest);
	}
	if (!clean_url(url)) {
		free(url);
		err_set(e, _("Cannot send a request with spaces or control characters in its "
			     "address."));
		return ST_INVALID;
	}
	for (int attempt = 0;; attempt++) {
		long wait = -1;

		if (!login && c->token && token_expired(c)) {
			free(url);
			err_set(e, _("Your log-in on the platform has expired; log in again."));
			return ST_CONNECT;
		}
		if (atomic_load(&c->cancel)) {
			rc = CURLE_ABORTED_BY_CALLBACK;
			break;
		}
		rc = perform(c, m, url, body, !login, &status);
		if (attempt < c->max_retries) {
			if (rc == CURLE_OK && status == 429)
				wait = c->has_retry_after
					? (c->retry_after_ms < c->backoff_cap_ms ? c->retry_after_ms
										 : c->backoff_cap_ms)
					: backoff(c, c->backoff_ms, attempt);
			else if (rc == CURLE_OK && status >= 500 && idempotent)
				wait = backoff(c, c->backoff_5xx_ms, attempt);
			else if (transient(rc) && idempotent)
				wait = backoff(c, c->backoff_5xx_ms, attempt);
		}
		if (wait < 0)
			break;
		if (!wait_ms(c, wait)) {
			rc = CURLE_ABORTED_BY_CALLBACK;
			break;
		}
	}
	free(url);
	if (rc != CURLE_OK)
		return transport_error(c, rc, m, status, e);
	r->status = status;
	r->len = c->body.len;
	r->body = c->body.s ? sbuf_take(&c->body) : xstrdup("");
	return ST_OK;
}

/* --- error answers --------------------------------------------------------------------------- */

/* Whether the platform still accepts our token: GET /users/me needs a valid one (§4.1). */
static bool token_refused(struct gv_client *c)
{
	struct gv_resp r;
	struct err e;
	bool refused = false;

	if (gv_request(c, GV_GET, "/users/me", NULL, &r, &e) == ST_OK) {
		refused = r.status == 401;
		gv_resp_free(&r);
	}
	return refused;
}

static enum status unauthorized(struct gv_client *c, const struct gv_resp *r, struct err *e)
{
	char *detail = NULL;
	char *code = gv_401_code(r->body, r->len, &detail);
	enum status st = ST_FORBIDDEN;

	if (code && strcmp(code, "blocked") == 0) {
		int64_t t;
		char when[32];

		if (detail && gv_parse_time(detail, &t, NULL)) {
			gv_format_time(t, when, sizeof(when));
			err_set(e, _("Your account is blocked on the platform until %s."), when);
		} else {
			err_set(e, _("Your account is blocked on the platform."));
		}
	} else if (code && strlen(code) > 9 && strcmp(code + strlen(code) - 9, "_disabled") == 0) {
		err_set(e, _("The platform has this switched off (%s)."), code);
	} else if (!c->token) {
		err_set(e, _("Log in first: the platform allows this to logged-in staff only."));
		st = ST_CONNECT;
	} else if (!code || token_refused(c)) {
		/* An empty 401 is the platform's answer to a token it no longer accepts; a
		 * policy refusal with a revoked token looks like any refusal, hence the check. */
		err_set(e, _("The platform no longer accepts your log-in; log in again."));
		st = ST_CONNECT;
	} else if (strcmp(code, "Unauthorized!") == 0) {
		err_set(e, _("Your role on the platform does not allow this."));
	} else {
		err_set(e, _("Your role on the platform does not allow this (%s)."), code);
	}
	free(code);
	free(detail);
	return st;
}

/* The sort parameter of a path, for the message about a server error. */
static void sort_of(const char *path, char *buf, size_t size)
{
	const char *s = strstr(path, "?sort=");
	size_t n;

	if (!s)
		s = strstr(path, "&sort=");
	buf[0] = '\0';
	if (!s)
		return;
	s += 6;
	n = strcspn(s, "&");
	snprintf(buf, size, "%.*s", (int)(n < size ? n : size - 1), s);
}

enum status gv_http_error(struct gv_client *c, const struct gv_resp *r, enum gv_method m,
			  const char *path, struct err *e)
{
	long st = r->status;
	char *msg;
	char sort[64];

	if (st == 401 || st == 403)
		return unauthorized(c, r, e);
	if (st == 404) {
		if (str_starts(path, "/moderations") || (r->len && r->body[0] == '{' &&
							 strstr(r->body, "\"Not Found\"")))
			err_set(e, _("The platform does not offer this (the module may not be "
				     "enabled)."));
		else
			err_set(e, _("The platform does not have this record (any more): it may "
				     "have been deleted meanwhile."));
		return ST_NOT_FOUND;
	}
	if (st == 422) {
		msg = gv_decode_422(r->body, r->len);
		err_set(e, "%s", msg ? msg : _("The platform refused the values."));
		free(msg);
		return ST_INVALID;
	}
	if (st == 429) {
		err_set(e, _("The platform is limiting requests from this address; wait a minute "
			     "and try again."));
		return ST_FAIL;
	}
	if (st == 400) {
		err_set(e, _("The platform did not understand the request (400): please report "
			     "this as a bug in inspraak."));
		return ST_FAIL;
	}
	if (st >= 500) {
		sort_of(path, sort, sizeof(sort));
		if (m == GV_GET && sort[0])
			err_set(e, _("The platform failed with a server error (%ld); it may not "
				     "know the sort order \"%s\"."), st, sort);
		else if (m != GV_GET)
			err_set(e, _("The platform failed with a server error (%ld); the change was "
				     "probably not saved."), st);
		else
			err_set(e, _("The platform failed with a server error (%ld); try again "
				     "later."), st);
		return ST_FAIL;
	}
	err_set(e, _("The platform answered with the unexpected status %ld."), st);
	return ST_FAIL;
}
