/* What the console shows, independent of where it comes from (PostgreSQL or the Go Vocal
 * API). Strings are owned by the struct and freed by its _free function; they are raw
 * (unsanitised) text: only the drawing layer makes them safe for the terminal. */
#ifndef INSPRAAK_MODEL_H
#define INSPRAAK_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/actions.h"

enum queue_kind {
	QUEUE_NEW,
	QUEUE_DUPLICATES,
	QUEUE_FLAGS,
	QUEUE_COUNT
};

/* Counting a queue of a million ideas costs more than a frame: counts and positions are
 * exact up to COUNT_CAP, and COUNT_CAP + 1 means "more than COUNT_CAP". */
#define COUNT_CAP 1000

const char *queue_name(enum queue_kind q);   /* "new", "duplicates", "flags" */
const char *queue_title(enum queue_kind q);  /* translated tab title */
bool queue_parse(const char *s, enum queue_kind *out);

enum item_kind { ITEM_IDEA, ITEM_COMMENT };

/* A position in a queue's order, opaque to everything but the store. */
struct qkey {
	int64_t a, b, c;
};

/* Which part of the queues to show. 0 (or "") means any. */
struct filter {
	int64_t project_id;
	int64_t phase_id;
	int64_t area_id;
	int64_t department_id; /* -1: ideas without a department */
	char status[32];       /* a status key; "" means "proposed" for the new-ideas queue */
	double flag_threshold; /* machine scores from this up count as flags */
};

/* Reference data: small tables read once at start. */
struct ref {
	int64_t id;
	int64_t parent;  /* a phase's project */
	char *code;      /* slug, code or status key */
	char *title;     /* in the reader's language */
	char *extra;     /* phase: participation method; status: final ("t"/"f") */
};

struct ref_list {
	struct ref *v;
	int n;
};

struct refdata {
	struct ref_list projects, phases, areas, departments, statuses;
	char *platform;  /* the municipality's name */
};

const struct ref *ref_by_id(const struct ref_list *l, int64_t id);
/* By code, by id written as a number, or by a case-insensitive unique prefix of the title. */
const struct ref *ref_find(const struct ref_list *l, const char *s);
void refdata_free(struct refdata *r);

/* Who is at the console. */
struct staff {
	int64_t id;     /* 0 when the database user is not a staff member */
	char *name;
	char *login;
	enum role role;
};
void staff_free(struct staff *s);

/* One row of a queue's list. */
struct queue_row {
	struct qkey key;
	int64_t id;        /* NEW: the idea; DUPLICATES: the suggestion; FLAGS: the item */
	enum item_kind kind;
	int64_t idea_id;   /* the idea the row is about (DUPLICATES: idea a) */
	int64_t other_id;  /* DUPLICATES: idea b */
	int64_t time;      /* unix time: posted (NEW), suggested (DUPLICATES), last flag (FLAGS) */
	char *title;       /* the idea's title (DUPLICATES: a's) */
	char *other_title; /* DUPLICATES: b's title */
	char *text;        /* FLAGS on a comment: the comment */
	char *project;
	char *area;
	char *status;      /* status key */
	char *department;  /* department code */
	char *author;
	char lang[4];
	int votes;
	int other_votes;
	int comments;
	double score;      /* DUPLICATES: similarity; FLAGS: machine score, or -1 */
	int reports;       /* FLAGS: open citizen reports */
	char *reason;      /* FLAGS: the main reason; DUPLICATES: the method */
	bool hidden;
};
void queue_row_free(struct queue_row *r);
void queue_row_copy(struct queue_row *dst, const struct queue_row *src);

/* A signal on an item: a citizen report or a machine score. */
struct flag_line {
	bool machine;
	char *reason;      /* report: reason code; machine: kind (spam, abuse) */
	char *detail;      /* report: the citizen's own words; machine: reasons, comma separated */
	char *model;       /* machine: model version */
	double score;      /* machine only */
	int64_t at;
	char *resolution;  /* NULL while open, else confirmed/dismissed */
};

struct dupe_line {
	int64_t suggestion_id;
	int64_t other_id;
	char *other_title;
	double score;
	char *method;
	char *state;
};

struct feedback_line {
	char *signature;
	char *body;
	int64_t at;
};

struct idea_detail {
	int64_t id, project_id, phase_id, author_id, area_id, department_id, merged_into_id;
	char *title, *body, *lang, *source;
	char *project, *phase, *phase_method;
	char *author, *area, *address, *department, *assignee;
	char *status, *status_title;
	char *merged_into_title;
	char *hidden_reason;
	int64_t created_at, hidden_at;
	int votes_up, votes_down, comments;
	int version;
	bool has_location;
	double lat, lng;
	int author_ideas, author_comments, author_hidden;
	struct flag_line *flags;
	int nflags;
	struct dupe_line *dupes;
	int ndupes;
	struct feedback_line *feedback;
	int nfeedback;
};
void idea_detail_free(struct idea_detail *d);

/* A flagged item: the idea itself, or a comment on it. */
struct flag_detail {
	enum item_kind kind;
	int64_t item_id;
	struct idea_detail idea;  /* the idea, or the idea the comment is on */
	char *comment;            /* the comment's text */
	char *comment_author;
	int64_t comment_author_id;
	int64_t comment_at;
	char *comment_hidden_reason;
	bool comment_hidden;
	struct flag_line *flags;  /* the item's own signals */
	int nflags;
};
void flag_detail_free(struct flag_detail *d);

struct dupe_detail {
	int64_t id;
	double score;
	char *method;
	char *reasons;   /* comma separated */
	char *state;
	struct idea_detail a, b;
};
void dupe_detail_free(struct dupe_detail *d);

/* Someone's contributions and what moderators decided about them. */
struct contribution {
	enum item_kind kind;
	int64_t id, idea_id;
	char *text;        /* idea title, or comment text */
	char *status;      /* ideas: status key */
	char *hidden_reason;
	bool hidden;
	int64_t at;
	int reports_open, reports_confirmed, reports_dismissed;
};

struct author_view {
	int64_t id;
	char *name, *role, *area, *locale, *gender;
	int birth_year;
	int64_t created_at, blocked_until;
	char *block_reason;
	int ideas, comments, votes, hidden, confirmed, dismissed;
	struct contribution *items;
	int nitems;
};
void author_view_free(struct author_view *a);

#endif
