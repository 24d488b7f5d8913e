/* A client for the web API of a hosted Go Vocal (formerly CitizenLab) platform: HTTPS with
 * libcurl, answers decoded with jansson into the plain structs below. The contract is
 * ../shared/api/govocal-web-api.md ("the reference", § numbers refer to it).
 *
 * What the client takes care of, so callers do not have to:
 *   - TLS verification is always on; an extra CA file may be given, never switched off.
 *   - Retries with back-off on 429 (Retry-After honoured when present, capped) and, for
 *     reads, on 5xx and broken connections. A server that hangs ends in a timeout.
 *   - The token's expiry: the platform answers public reads with public data only once a
 *     token has expired (§2), so the client refuses to send a request with an expired token
 *     and returns ST_CONNECT instead. A 401 that means "log in again" is ST_CONNECT too.
 *   - Every answer is validated: a missing field, a wrong type, a truncated body or invalid
 *     JSON give a one-sentence message, never a crash.
 *
 * Statuses returned by every call:
 *   ST_OK         done.
 *   ST_CONNECT    log in again (no token, expired token, token refused), then repeat the same
 *                 call: nothing was changed on the platform.
 *   ST_INVALID    the platform refused the values (422, or a wrong log-in): the message says
 *                 which, per field, in words a moderator understands.
 *   ST_FORBIDDEN  the role does not allow it, the account is blocked, or the feature is off.
 *   ST_NOT_FOUND  no such record (deleted meanwhile?), or the platform lacks the module.
 *   ST_CANCELLED  gv_client_cancel() was called.
 *   ST_FAIL       the network, a timeout, a server error, an answer that does not make sense.
 *
 * Threads: a client is used from one thread at a time (the store runs it on a worker
 * thread). The one exception is gv_client_cancel(), which any thread may call.
 * The token and the password are never logged, printed or put in a message. */
#ifndef INSPRAAK_GOVOCAL_CLIENT_H
#define INSPRAAK_GOVOCAL_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/util.h"

struct gv_opts {
	const char *base_url; /* https://host[:port], with or without /web_api/v1 */
	const char *ca_file;  /* extra CA bundle (PEM) to trust, or NULL for the system's */
	long timeout_ms;      /* a whole request, 0: 30 s */
	int max_retries;      /* after the first attempt: 0 none, < 0 the default (3) */
};

struct gv_client;

enum status gv_client_new(const struct gv_opts *o, struct gv_client **out, struct err *e);
void gv_client_free(struct gv_client *c);

/* Finer settings, mostly for tests (a real platform wants the defaults). Zero keeps a value. */
struct gv_tuning {
	long connect_timeout_ms;  /* default 10 s, never above timeout_ms */
	long backoff_ms;          /* first wait after a 429 without Retry-After: 20 s (§7) */
	long backoff_5xx_ms;      /* first wait after a 5xx or a broken connection: 1 s */
	long backoff_cap_ms;      /* no single wait is longer: 120 s; Retry-After included */
};
void gv_client_tune(struct gv_client *c, const struct gv_tuning *t);

/* Stop the request in progress (or its back-off wait) soon: it returns ST_CANCELLED. Safe
 * from any thread. The flag is cleared when the next call starts. */
void gv_client_cancel(struct gv_client *c);

/* Called during each transfer, on the client's thread, with the bytes of the answer so
 * far and its announced size (0: unknown), so a long load can show progress. NULL: none. */
typedef void gv_progress_fn(void *arg, long received, long total);
void gv_client_on_progress(struct gv_client *c, gv_progress_fn *fn, void *arg);

/* How many HTTP requests the client sent, retries included (for tests and the benchmark). */
long gv_client_requests(const struct gv_client *c);

/* POST the user_token endpoint; *token allocated, *expires = the JWT's exp claim (unix
 * seconds, 0 when unknown). ST_INVALID with a "wrong e-mail or password" message on 404.
 * The client does not keep the token: call gv_set_token() with it. */
enum status gv_login(struct gv_client *c, const char *email, const char *password, char **token,
		     int64_t *expires, struct err *e);
/* Use this token from now on (NULL: anonymous). expires 0: read it from the token. */
void gv_set_token(struct gv_client *c, const char *token, int64_t expires);
/* Whether a token is set and not (nearly) expired. */
bool gv_logged_in(const struct gv_client *c);
/* The exp claim of a JWT, 0 when it has none or is not a JWT. */
int64_t gv_token_expiry(const char *token);

/* --- decoded records ---------------------------------------------------------------------
 * Every string and array of an answer lives in the answer's pool and goes with the list's
 * free function. Absent optional values are NULL / 0 / false. Times are unix seconds. */

struct gv_pool;

/* A text in several locales (§1.2). */
struct gv_loc {
	const char *locale;
	const char *text;
};
struct gv_multiloc {
	const struct gv_loc *v;
	size_t n;
};
/* The text for locale: that locale, else the same language, else nl-BE, en, the first
 * non-empty one; "" when there is none. */
const char *gv_multiloc_get(const struct gv_multiloc *m, const char *locale);

/* A relationship to a record, or none ("data": null). */
struct gv_ref {
	const char *type;
	const char *id;
};

struct gv_role {
	const char *type;              /* admin, project_moderator, project_folder_moderator, … */
	const char *project_id;        /* project_moderator */
	const char *project_folder_id; /* project_folder_moderator */
};

struct gv_user {
	const char *id;
	const char *first_name, *last_name, *display_name;
	const char *email, *locale;    /* email only for oneself and admins */
	const char *highest_role;      /* NULL when not shown */
	const struct gv_role *roles;
	size_t nroles;
	bool blocked;
	int64_t block_end_at, created_at;
};

struct gv_project {
	const char *id, *slug, *publication_status, *visible_to, *folder_id;
	const char *timeline_active;   /* past, present, future or NULL */
	struct gv_multiloc title, description_preview;
	long ideas_count, comments_count, participants_count;
	const char *current_phase_id;  /* NULL: none */
	bool default_assignee_known;   /* the relationship is shown (the caller moderates) */
	const char *default_assignee_id;
	int64_t created_at, updated_at;
};

struct gv_phase {
	const char *id, *project_id, *participation_method;
	struct gv_multiloc title, description;
	/* [start_at, end_at): end_at is exclusive, 0 for an open-ended phase. A platform that
	 * still serves dates (§4.5's version note) has an inclusive end day: it is turned into
	 * the next midnight, Europe/Brussels, and dates_only says so. */
	int64_t start_at, end_at;
	bool dates_only;
	bool submission_enabled, commenting_enabled, reacting_enabled;
	long ideas_count;
	bool previous_phase_end_at_updated;
	int64_t created_at, updated_at;
};

struct gv_status {
	const char *id, *code, *color, *participation_method;
	struct gv_multiloc title, description;
	long ordering, ideas_count;
	bool locked, can_manually_transition_to;
};

struct gv_idea {
	const char *id, *slug, *publication_status, *author_name, *location_description;
	struct gv_multiloc title, body;   /* body is sanitised HTML */
	bool anonymous;
	long likes_count, dislikes_count, comments_count, official_feedbacks_count;
	long followers_count, votes_count;
	int64_t created_at, updated_at, published_at;
	const char *project_id, *status_id, *author_id;  /* status/author NULL when none */
	/* The assignee relationship is shown only to those who may moderate the project; a
	 * list without it is a reduced view, not "unassigned". */
	bool assignee_known;
	const char *assignee_id;
	const char *const *phase_ids;
	size_t nphases;
	const char *const *topic_ids;     /* input_topics, or topics on older platforms */
	size_t ntopics;
};

struct gv_feedback {
	const char *id, *idea_id, *user_id;
	struct gv_multiloc body, author;  /* body HTML; author is the signature */
	int64_t created_at, updated_at;
};

struct gv_flag {
	const char *id;
	const char *toxicity_label;       /* insult, harmful, sexually_explicit, spam or NULL */
	const char *reason_code;          /* NULL once dismissed */
	int64_t deleted_at;               /* dismissed at, 0: active */
	struct gv_ref flaggable;
};

struct gv_moderation {
	const char *id;                   /* the idea's or comment's own id */
	const char *moderatable_type;     /* Idea, Comment (older: Initiative) */
	const char *moderation_status;    /* read, unread */
	struct gv_multiloc content_title, content_body;
	const char *content_slug;
	int64_t created_at;
	const char *project_id, *project_slug;
	struct gv_multiloc project_title;
	const char *idea_id, *idea_slug;  /* comments only */
	struct gv_multiloc idea_title;
	const char *flag_id;              /* NULL: never flagged */
	const struct gv_flag *flag;       /* from included, NULL when not there */
};

struct gv_spam_report {
	const char *id, *reason_code, *other_reason;
	int64_t reported_at;
	struct gv_ref reportable;         /* idea or comment */
	const char *user_id;
};

/* A page of a collection. next is the absolute URL of the following page, NULL on the last
 * one (§5): hand it to gv_next() to prefetch. Single records come as a list of one. */
#define GV_LIST(name, type) \
	struct name { \
		type *v; \
		size_t n; \
		const char *next; \
		struct gv_pool *pool; \
	}
GV_LIST(gv_users, struct gv_user);
GV_LIST(gv_projects, struct gv_project);
GV_LIST(gv_phases, struct gv_phase);
GV_LIST(gv_statuses, struct gv_status);
GV_LIST(gv_ideas, struct gv_idea);
GV_LIST(gv_feedbacks, struct gv_feedback);
GV_LIST(gv_moderations, struct gv_moderation);
GV_LIST(gv_spam_reports, struct gv_spam_report);
GV_LIST(gv_flags, struct gv_flag);
#undef GV_LIST

/* Frees any of the lists above (and zeroes it), e.g. gv_list_free(&ideas.pool). */
void gv_list_free(struct gv_pool **pool);
#define GV_FREE(list) \
	do { \
		gv_list_free(&(list)->pool); \
		(list)->v = NULL; \
		(list)->n = 0; \
		(list)->next = NULL; \
	} while (0)

/* --- reads -------------------------------------------------------------------------------- */

/* Paging of every list call: page 0 is page 1; size 0 is 50. */
struct gv_page {
	int number, size;
};

enum status gv_me(struct gv_client *c, struct gv_users *out, struct err *e);
enum status gv_user_get(struct gv_client *c, const char *id, struct gv_users *out, struct err *e);
/* The explicit moderators of a project (§4.4). */
enum status gv_project_moderators(struct gv_client *c, const char *project_id, struct gv_page pg,
				  struct gv_users *out, struct err *e);

/* can_moderate: only the projects the caller may moderate (the console's main use). */
enum status gv_projects_list(struct gv_client *c, bool can_moderate, struct gv_page pg,
			     struct gv_projects *out, struct err *e);
enum status gv_project_get(struct gv_client *c, const char *id, struct gv_projects *out,
			   struct err *e);

/* In start order. */
enum status gv_phases_list(struct gv_client *c, const char *project_id, struct gv_page pg,
			   struct gv_phases *out, struct err *e);
enum status gv_phase_get(struct gv_client *c, const char *id, struct gv_phases *out,
			 struct err *e);

/* method: ideation, proposals or NULL for all. Not paginated. */
enum status gv_statuses_list(struct gv_client *c, const char *method, struct gv_statuses *out,
			     struct err *e);

/* The filters of GET /ideas (§4.2). NULL / 0 / false: no filter. */
struct gv_idea_query {
	const char *const *projects;
	size_t nprojects;
	const char *phase;
	const char *status_id;
	const char *search;
	const char *assignee;           /* a user id, or "unassigned" */
	const char *author;
	const char *publication_status; /* published, submitted */
	bool feedback_needed;
	const char *const *ids;
	size_t nids;
	/* new, -new, popular, trending, status, comments_count, …: bare is descending, "-"
	 * ascending. NULL: "new" (the platform's default is random). */
	const char *sort;
};
enum status gv_ideas_list(struct gv_client *c, const struct gv_idea_query *q, struct gv_page pg,
			  struct gv_ideas *out, struct err *e);
/* filter_counts.total: the only idea total the platform gives. */
enum status gv_ideas_count(struct gv_client *c, const struct gv_idea_query *q, long *total,
			   struct err *e);
enum status gv_idea_get(struct gv_client *c, const char *id, struct gv_ideas *out,
			struct err *e);

enum status gv_feedback_list(struct gv_client *c, const char *idea_id, struct gv_page pg,
			     struct gv_feedbacks *out, struct err *e);

/* The moderation inbox (§4.9), newest first. */
struct gv_moderation_query {
	const char *status;             /* read, unread or NULL */
	const char *type;               /* Idea, Comment or NULL */
	const char *const *project_ids;
	size_t nproject_ids;
	const char *search;
	int flagged;                    /* 1: with an active flag, 0: without, -1: all */
};
enum status gv_moderations_list(struct gv_client *c, const struct gv_moderation_query *q,
				struct gv_page pg, struct gv_moderations *out, struct err *e);
enum status gv_moderations_count(struct gv_client *c, const struct gv_moderation_query *q,
				 long *count, struct err *e);
enum status gv_flag_get(struct gv_client *c, const char *id, struct gv_flags *out,
			struct err *e);

/* Citizen reports on an idea or a comment (kind "idea" or "comment"): an admin sees all. */
enum status gv_spam_reports_list(struct gv_client *c, const char *kind, const char *id,
				 struct gv_page pg, struct gv_spam_reports *out, struct err *e);

/* The page after one of the lists above: url is its next. The list type must match the
 * call that gave the url; decode names it: "ideas", "projects", "phases", "feedback",
 * "moderations", "spam_reports", "users". out is that list type. */
enum status gv_next(struct gv_client *c, const char *url, const char *decode, void *out,
		    struct err *e);

/* --- writes ------------------------------------------------------------------------------
 * out may be NULL when the caller does not want the record the platform answers with. */

enum status gv_idea_set_status(struct gv_client *c, const char *idea_id, const char *status_id,
			       struct gv_ideas *out, struct err *e);
/* assignee_id NULL: nobody. */
enum status gv_idea_set_assignee(struct gv_client *c, const char *idea_id,
				 const char *assignee_id, struct gv_ideas *out, struct err *e);

/* An official reply (§4.6): body is HTML, signature e.g. "Dienst Mobiliteit". */
enum status gv_feedback_post(struct gv_client *c, const char *idea_id,
			     const struct gv_multiloc *body, const struct gv_multiloc *signature,
			     struct gv_feedbacks *out, struct err *e);

/* A phase to create, or the changes to one: NULL / an empty multiloc leaves a value alone
 * on update. Dates as "2025-04-01" (midnight, Brussels) or ISO 8601 timestamps; end_at ""
 * makes the phase open-ended. */
struct gv_phase_edit {
	struct gv_multiloc title;
	const char *start_at, *end_at;
	const char *participation_method;
};
enum status gv_phase_create(struct gv_client *c, const char *project_id,
			    const struct gv_phase_edit *p, struct gv_phases *out, struct err *e);
enum status gv_phase_update(struct gv_client *c, const char *phase_id,
			    const struct gv_phase_edit *p, struct gv_phases *out, struct err *e);
enum status gv_phase_delete(struct gv_client *c, const char *phase_id, struct err *e);

/* Delete an idea (A, M): its comments, feedback and reports go with it (§4.2). */
enum status gv_idea_delete(struct gv_client *c, const char *idea_id, struct err *e);
/* Remove a comment as a moderator (§4.7): reason irrelevant, inappropriate or other (then
 * other_reason says why). The author is notified by the platform. */
enum status gv_comment_remove(struct gv_client *c, const char *comment_id, const char *reason,
			      const char *other_reason, struct err *e);

/* Mark an inbox item read or unread (shared by all moderators). type: Idea or Comment. */
enum status gv_moderation_mark(struct gv_client *c, const char *type, const char *id, bool read,
			       struct err *e);
/* Dismiss a flag (the content stays), or restore it. */
enum status gv_flag_dismiss(struct gv_client *c, const char *flag_id, struct err *e);
enum status gv_flag_restore(struct gv_client *c, const char *flag_id, struct err *e);

/* --- the decoders, exposed for tests and the fuzzer --------------------------------------
 * Each takes a whole answer body (not NUL-terminated) and fills its list, or returns
 * ST_FAIL with a message saying what is wrong. */
enum status gv_decode_users(const char *buf, size_t len, struct gv_users *out, struct err *e);
enum status gv_decode_projects(const char *buf, size_t len, struct gv_projects *out,
			       struct err *e);
enum status gv_decode_phases(const char *buf, size_t len, struct gv_phases *out, struct err *e);
enum status gv_decode_statuses(const char *buf, size_t len, struct gv_statuses *out,
			       struct err *e);
enum status gv_decode_ideas(const char *buf, size_t len, struct gv_ideas *out, struct err *e);
enum status gv_decode_feedbacks(const char *buf, size_t len, struct gv_feedbacks *out,
				struct err *e);
enum status gv_decode_moderations(const char *buf, size_t len, struct gv_moderations *out,
				  struct err *e);
enum status gv_decode_spam_reports(const char *buf, size_t len, struct gv_spam_reports *out,
				   struct err *e);
enum status gv_decode_flags(const char *buf, size_t len, struct gv_flags *out, struct err *e);
/* {"data":{"type":…,"attributes":{key:<integer>}}}: moderations_count, filter_counts.total */
enum status gv_decode_count(const char *buf, size_t len, const char *key, long *out,
			    struct err *e);
/* {"jwt": "…"} */
enum status gv_decode_jwt(const char *buf, size_t len, char **token, struct err *e);
/* A 422 body turned into sentences (allocated); NULL when it is not one. */
char *gv_decode_422(const char *buf, size_t len);
/* ISO 8601 timestamp or date (midnight, Europe/Brussels) to unix seconds. */
bool gv_parse_time(const char *s, int64_t *out, bool *date_only);

#endif
