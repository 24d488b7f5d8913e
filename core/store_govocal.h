/* The store over the web API of a hosted Go Vocal platform (core/govocal/client.h), for
 * municipalities that have no database of their own. The same console, with what the API
 * cannot do reported as unavailable (never imitated):
 *
 *   - ids: the platform's UUIDs become small numbers, stable for the life of the store (the
 *     first one seen is 1). They mean nothing to another console or after a restart.
 *   - departments, duplicate suggestions, claims, the audit log, undo, blocking, hiding and
 *     merging have no API: those operations return ST_INVALID with a sentence saying so
 *     (suggestion: ST_NOT_FOUND). The duplicates queue counts 0 and is empty. A merge could
 *     be written as a status plus a reply pointing to the idea that stays (§8), but the
 *     console's merge reply says support and comments moved, which here they do not.
 *   - a flag's "confirm" would hide the content; the API can only delete ideas (and remove
 *     comments, which the client does not do yet): unavailable. "Dismiss" dismisses the
 *     platform's flag.
 *   - status keys are the platform's status codes; admin-made statuses (code "custom") get a
 *     key made from their English (else first) title: "Already planned" → already_planned.
 *   - queues: NEW = ideas with the "proposed" status (or the filter's), INBOX = unread ideas
 *     of the moderation inbox, UNTOLD = ideas waiting for official feedback (the platform's
 *     feedback_needed), FLAGS = inbox items with an active flag. Each comes newest first,
 *     read page by page and kept in order, the next page fetched ahead in the background.
 *   - the area and department filters have no API counterpart: an area filter is ignored, a
 *     department filter other than "none" gives empty queues. The inbox (INBOX, FLAGS) has
 *     no status or phase filter: those narrow NEW and UNTOLD only.
 *   - versions: the platform has none (last write wins, §8): rows carry version 0 and the
 *     versions callers pass are not checked. Actions return audit id 0.
 *   - roles: a platform admin is ROLE_ADMIN, a project or folder moderator ROLE_PROJECT_LEAD
 *     (on the platform they moderate ideas and edit timelines), anyone else ROLE_SUPPORT.
 *
 * All network calls run on a worker thread owned by the store; while the console's thread
 * waits it calls store->wait (see store.h). */
#ifndef INSPRAAK_STORE_GOVOCAL_H
#define INSPRAAK_STORE_GOVOCAL_H

#include "core/conf.h"
#include "core/store.h"

/* base_url: https://host[:port]; ca_file: an extra CA bundle or NULL; token: a JWT from
 * gv_login (the vault keeps it). ST_CONNECT when the token is missing or expired, else the
 * statuses of the client (core/govocal/client.h). */
enum status store_govocal_open(const char *base_url, const char *ca_file, const char *token,
			       const char *locale, struct store **out, struct err *e);

/* Departments, which the platform does not have, mapped onto platform users (the config
 * file's api-department lines): assigning an idea to one makes that user its assignee. Call
 * before the first question to the store. */
void store_govocal_set_departments(struct store *s, const struct api_department *d, int n);

/* The status merged ideas get (the config file's merge-status; default "merged"). */
void store_govocal_set_merge_status(struct store *s, const char *key);

/* Log in again with the password (on the store's worker); the new token is used from now on
 * and handed back (allocated, with its expiry) for the vault. */
enum status store_govocal_login(struct store *s, const char *email, const char *password,
				char **token, int64_t *expires, struct err *e);

/* Rows per API page (default 50); tests use small pages to cross page boundaries. */
void store_govocal_set_page_size(struct store *s, int size);

/* How many HTTP requests the store's client sent (tests, the benchmark). */
long store_govocal_requests(struct store *s);

#endif
