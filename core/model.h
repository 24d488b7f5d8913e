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
	QUEUE_INBOX,    /* ideas assigned to a department and still being handled */
	QUEUE_UNTOLD,   /* decided, but the author has had no official reply since */
	QUEUE_COUNT
};

/* Counting a queue of a million ideas costs more than a frame: counts and positions are
 * exact up to COUNT_CAP, and COUNT_CAP + 1 means "more than COUNT_CAP". */
#define COUNT_CAP 1000

/* A count as shown: "1000+" beyond COUNT_CAP. */
void count_text(long n, char *buf, size_t size);

const char *queue_name(enum queue_kind q);   /* "new", "duplicates", "flags" */
const char *queue_title(enum queue_kind q);  /* translated tab title */
const char *queue_short_title(enum queue_kind q); /* the same for narrow terminals */
bool queue_parse(const char *s, enum queue_kind *out);

enum item_kind { ITEM_IDEA, ITEM_COMMENT, ITEM_SUGGESTION };
const char *item_kind_name(enum item_kind k); /* "idea", "comment", "suggestion" */

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
	int reports;       /* FLAGS: open citizen reports; -1: the back end cannot say */
	char *reason;      /* FLAGS: the main reason; DUPLICATES: the method; UNTOLD: the last decision */
	bool hidden;
	int version;       /* of the idea (NEW, INBOX, UNTOLD) or the flagged item (FLAGS) */
	char *claimed_by;  /* who else is working on it right now, or NULL */
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

/* One line of an item's history: who did what, when. */
struct audit_line {
	int64_t id;
	int64_t at;
	char *actor;
	char *action;
	char *summary;
	char *justification;
	bool undone;
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
	bool author_counts_unknown; /* the back end does not count them with the detail */
	struct flag_line *flags;
	int nflags;
	struct dupe_line *dupes;
	int ndupes;
	struct feedback_line *feedback;
	int nfeedback;
	struct audit_line *history;
	int nhistory;
	char *author_first_name;  /* for a reply's greeting */
	char *author_locale;      /* the language to answer in */
	char *department_signature;
	int support_up, support_down; /* with ideas merged into it, each citizen once */
	int merged_count;         /* ideas merged into this one */
	int64_t suggested_department; /* the engine's department for it, 0: none */
	double suggested_confidence;
	char *claimed_by;         /* someone else working on it */
	char *url;                /* its page on the platform (the web API); NULL: none */
};
void idea_detail_free(struct idea_detail *d);
void audit_lines_free(struct audit_line *l, int n);

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
	int comment_version;
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


/* What a merge would do, shown before it is done. */
struct merge_told {
	int64_t idea_id;
	char *title;
	char *author;        /* NULL: no author to tell */
	char *first_name;
	char *locale;
};

struct merge_preview {
	int64_t keep;
	char *keep_title;
	int support_before;  /* citizens supporting the idea that stays */
	int support_after;   /* citizens supporting it and the merged ones, each once */
	int support_sum;     /* the plain sum of their supports, for comparison */
	int comments;        /* comments readable from the idea that stays after the merge */
	/* The back end merges by a status and a reply only (the web API): votes and comments
	 * stay with each idea; the merged ideas get the status named here. */
	bool support_stays;
	char *merged_status;
	struct merge_told *told;
	int ntold;
};
void merge_preview_free(struct merge_preview *p);

/* The timeline: projects and their phases. */
struct phase_info {
	int64_t id;
	char *title;
	char *method;
	int64_t start_at, end_at; /* end 0: open-ended */
	int ideas;
};

struct project_timeline {
	int64_t id;
	char *title;
	char *kind;
	char *status;
	struct phase_info *phases;
	int nphases;
};

struct timeline {
	struct project_timeline *projects;
	int n;
	int64_t now;
};
void timeline_free(struct timeline *t);

/* A staff member, for the assignee picker. */
struct staff_line {
	int64_t id;
	char *name;
	int64_t department_id;
};

/* A filter on the audit log, for `inspraak audit`. */
struct audit_filter {
	enum item_kind kind;
	int64_t item;        /* 0: any */
	const char *actor;   /* login or name, NULL: any */
	const char *action;  /* NULL: any */
	int64_t since, until;/* unix time, 0: open */
	int limit;
};

#endif
