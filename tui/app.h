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

extern const struct queue_view_ops view_ideas_ops, view_dupes_ops, view_flags_ops,
	view_inbox_ops, view_untold_ops;

/* Tagged items of a queue, kept as the rows were when tagged (ids, versions, titles). */
struct tagset {
	struct queue_row *rows;
	int n;
};

/* The projects' timelines: tui/view_timeline.c. */
struct timeline_view;
struct timeline_view *timeline_view_new(void);
void timeline_view_free(struct timeline_view *t);
/* Draw into r (the body of the screen), reading the timeline from the store when needed. */
void timeline_view_draw(struct app *a, struct timeline_view *t, struct rect r);
/* Handle an action (moving, and the timeline's own); false when it is not the timeline's. */
bool timeline_view_act(struct app *a, struct timeline_view *t, enum action act);
/* Someone changed something: read again before the next draw. */
void timeline_view_changed(struct timeline_view *t);
/* What the status line says on the right while the timeline is shown. */
void timeline_view_where(struct timeline_view *t, char *buf, size_t n);

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
	struct tagset tags;
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

#define UNDO_MAX 64

/* What this console did that can be undone, newest last. */
struct undo_entry {
	int64_t audit;
	char what[160];
};

struct app {
	struct config *cfg;
	struct store *store;
	/* While a back end waits on the network (app_wait): keys typed meanwhile, handled
	 * after it, and when this wait began. */
	int typeahead[32];
	int ntypeahead;
	int64_t wait_since, wait_last;
	bool reading_detail;         /* a key typed meanwhile cancels the read */
	bool wait_escaped;           /* Esc cancelled it */
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
	bool in_timeline;        /* the timeline is shown instead of a queue */
	struct timeline_view *timeline;
	bool tag_prefix;         /* ';' was pressed: the next action is for the tagged items */
	struct undo_entry undo[UNDO_MAX];
	int nundo;
	/* The item this console holds a claim on. */
	enum item_kind claim_kind;
	int64_t claim_id;
	int64_t claim_renew_at;
};

/* When the connection was made (now_us), for the benchmark's time to first screen. */
extern int64_t app_connected_us;

/* Run the console on an open store until the user quits. Returns the exit status. */
int app_run(struct store *store, struct config *cfg, const char *where);

/* A secret asked on the bottom line of the running console, echoed as dots; NULL when
 * cancelled (Esc) or when no console runs. Draws nothing else and calls no store: it may be
 * asked from within a store call (a new log-in). The caller wipes and frees it. */
char *app_ask_secret(const char *label);
/* A message or an error on the running console's bottom line; nothing without a console. */
void app_say(bool error, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* For dialogs and views: paint the whole screen, and wait for a key (KEYC_RESIZE after a
 * resize, which is already laid out; -1 when a signal asks to quit). */
void app_draw(struct app *a);
int app_wait_key(struct app *a);
int app_list_rows(const struct app *a);
struct queue_state *app_queue(struct app *a);
/* An error from the store: say it, and try the connection once. */
void app_store_failed(struct app *a, struct err *e);
/* Read queues, counts and details again (after an action, or someone else's change). */
void app_refresh(struct app *a);
/* Remember an action for undo. */
void app_did(struct app *a, int64_t audit, const char *fmt, ...) PRINTF_LIKE(3, 4);
/* Claim an item for this console (asking to take it over from a colleague); false when the
 * moderator would rather not, or the store refused. Releases any other claim held. */
bool app_claim(struct app *a, enum item_kind kind, int64_t id);
void app_release(struct app *a);

/* The decisions: tui/actions.c. tagged: for every tagged item of the queue. */
void ui_tag(struct app *a);
void ui_untag_all(struct app *a);
void ui_merge(struct app *a, bool tagged);
void ui_not_duplicate(struct app *a, bool tagged);
void ui_assign(struct app *a, bool tagged);
void ui_set_status(struct app *a, bool tagged);
void ui_reply(struct app *a, bool tagged);
void ui_verdict(struct app *a, bool confirm, bool tagged);
void ui_block(struct app *a, bool tagged);
void ui_block_author_of(struct app *a, const struct queue_row *r);
void ui_undo(struct app *a);
bool ui_is_tagged(const struct app *a, const struct queue_row *r);
void ui_untag_all_of(struct queue_state *q);

/* Shared by the views. */
void app_message(struct app *a, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* A message after an action; "u: undo" follows when the action can be undone (audit is not
 * 0: the web API's actions cannot). */
void app_message_undo(struct app *a, int64_t audit, const char *fmt, ...) PRINTF_LIKE(3, 4);
void app_error(struct app *a, const char *fmt, ...) PRINTF_LIKE(2, 3);
void fmt_time(const struct app *a, int64_t t, char *buf, size_t n);
void fmt_short_time(int64_t t, char *buf, size_t n);
enum theme_slot status_slot(const struct app *a, const char *status);
const char *status_title(const struct app *a, const char *status);
const char *method_title(const char *method);
/* A title column that names first the colleague working on the item, if any. */
void doc_claimed_col(struct doc *line, const struct queue_row *r, const char *text,
		     enum theme_slot slot, int width);
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
