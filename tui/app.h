/* The console: its state, the event loop, and the one place where actions are dispatched
 * and the screen is repainted. */
#ifndef INSPRAAK_APP_H
#define INSPRAAK_APP_H

#include <stdio.h>

#include "core/conf.h"
#include "core/doc.h"
#include "core/layout.h"
#include "core/queue.h"
#include "core/store.h"
#include "tui/prompt.h"

struct app;

/* What one queue looks like: its list columns and its detail pane. */
struct queue_view_ops {
	enum queue_kind kind;
	/* The detail needs the full width (two ideas side by side): list above, detail below. */
	bool stacked;
	/* The column headings and one row, as a one-line doc of the given width. */
	void (*heading)(struct app *a, int width, struct doc *line);
	void (*row)(struct app *a, const struct queue_row *r, int width, struct doc *line);
	/* The detail of a row; *author receives the author a 'a' key shows. */
	enum status (*detail)(struct app *a, const struct queue_row *r, int width, struct doc *out,
			      int64_t *author, struct err *e);
};

extern const struct queue_view_ops view_ideas_ops, view_dupes_ops, view_flags_ops;

enum focus { FOCUS_LIST, FOCUS_DETAIL };

struct queue_state {
	struct qwin win;
	bool stale;              /* read again when shown */
	struct doc detail;
	bool detail_valid;
	int64_t detail_id;       /* the row the detail shows */
	int detail_kind;
	int detail_width;
	int detail_scroll;
	int64_t detail_author;
};

enum pager_kind { PAGER_HELP, PAGER_AUTHOR, PAGER_IDEA };

/* A full-screen view of a doc: help, an author's contributions, an idea looked up by id. */
struct pager {
	bool open;
	enum pager_kind kind;
	int64_t id;
	struct doc doc;
	int width;
	int scroll;
	char title[256];
};

struct app {
	struct config *cfg;
	struct store *store;
	struct refdata ref;
	struct staff me;
	struct filter filter;
	long counts[QUEUE_COUNT];
	bool counts_valid;
	struct queue_state q[QUEUE_COUNT];
	enum queue_kind cur;
	enum focus focus;
	struct pager pager;
	struct layout lay;
	struct prompt prompt;
	struct prompt_history cmd_history, search_history;
	char message[512];
	bool message_error;
	char *search;
	bool quit;
	bool refresh_pending;
	int64_t refresh_at;
	int64_t started_us;
	FILE *trace;
	bool drawn_once;
	char *where;             /* what the status line says we are connected to */
};

/* When the connection was made (now_us), for the benchmark's time to first screen. */
extern int64_t app_connected_us;

/* Run the console on an open store until the user quits. Returns the exit status. */
int app_run(struct store *store, struct config *cfg, const char *where);

/* Shared by the views. */
void app_message(struct app *a, const char *fmt, ...) PRINTF_LIKE(2, 3);
void app_error(struct app *a, const char *fmt, ...) PRINTF_LIKE(2, 3);
void fmt_time(const struct app *a, int64_t t, char *buf, size_t n);
void fmt_short_time(int64_t t, char *buf, size_t n);
enum theme_slot status_slot(const struct app *a, const char *status);
const char *status_title(const struct app *a, const char *status);
const char *method_title(const char *method);
/* A report's reason code or a machine flag's kind, in words. */
const char *reason_title(const char *code);
/* The idea's fields, body, signals, candidates and replies into a doc. */
void detail_idea_doc(struct app *a, const struct idea_detail *d, struct doc *out);
void detail_signals(struct app *a, const struct flag_line *f, int n, struct doc *out);

/* Full-screen views. */
void view_help_build(struct app *a, struct doc *out);
enum status view_author_build(struct app *a, int64_t user, struct doc *out, char *title,
			      size_t title_len, struct err *e);

#endif
