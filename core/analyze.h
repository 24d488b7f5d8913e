/* The analysis service: what connects the engine of core/analysis/ (which knows no database)
 * to the platform's database. It reads ideas, comments and moderators' verdicts, trains and
 * keeps the models (table analysis_models), and writes back duplicate suggestions, machine
 * flags with their reasons and department suggestions, each with the version of the model
 * that produced it. `inspraak analyze` runs it once, as a service (--follow) or inside the
 * console's process.
 *
 * The spam model learns what moderators hide: their verdicts (moderation_labels, weighted
 * double) and the platform's history (ideas hidden versus ideas handled and kept). The router
 * learns from departments assigned so far, or, for a new municipality, from the departments'
 * own names. The duplicate index covers the live ideas; it is saved to a file after each pass
 * and brought up to date from the database when loaded. Nothing is hidden by the engine: it
 * flags, a moderator decides (the model runs "in shadow"). */
#ifndef INSPRAAK_ANALYZE_H
#define INSPRAAK_ANALYZE_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>

#include "core/util.h"

struct analyzer;

struct analyze_opts {
	/* The duplicate index's file; NULL keeps it in memory only. */
	const char *index_path;
	/* Progress and notes, translated, one line each; may be NULL. */
	void (*log)(void *ctx, const char *line);
	void *ctx;
};

/* Load the active models (training them first when there are none) and the duplicate
 * index (from index_path when it is there and valid, else built from the ideas). The
 * connection stays the caller's and must outlive the analyzer. */
enum status analyzer_open(PGconn *conn, const struct analyze_opts *o, struct analyzer **out,
			  struct err *e);
void analyzer_close(struct analyzer *a);

/* Analyse up to max ideas and comments that have not been analysed yet (max <= 0: all),
 * newest first, in transactions of a few hundred; *done (may be NULL) gets how many. */
enum status analyzer_pending(struct analyzer *a, long max, long *done, struct err *e);

/* Train both models again from the database and make them the active ones. */
enum status analyzer_retrain(struct analyzer *a, struct err *e);

/* Save the duplicate index to its file (a no-op without index_path). */
enum status analyzer_save(struct analyzer *a, struct err *e);

/* Listen for new ideas and comments and analyse them as they come, until stop_fd (>= 0)
 * becomes readable; retrains on the schedule of analysis_settings.retrain_hours (or
 * retrain_hours when > 0). Returns ST_FAIL when the connection is lost. */
enum status analyzer_follow(struct analyzer *a, int stop_fd, int retrain_hours, struct err *e);

/* What `inspraak analyze --status` prints: the active models with their figures, label
 * counts, what waits, and how often the spam model and the moderators disagreed over the
 * last four weeks. */
enum status analyze_status(PGconn *conn, FILE *out, struct err *e);

#endif
