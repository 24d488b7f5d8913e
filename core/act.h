/* The moderation actions as the console and the command line both use them: the parts that
 * are more than one store call (choosing the idea that stays, writing replies from
 * templates, signing them). Everything else is the store's action functions, which validate
 * and audit in the database. */
#ifndef INSPRAAK_ACT_H
#define INSPRAAK_ACT_H

#include "core/conf.h"
#include "core/store.h"

struct act_ctx {
	struct store *store;
	const struct config *cfg;
	const struct refdata *ref;
	const struct staff *me;
};

/* Of these ideas, the one that stays in a merge: the most citizens' support, else the
 * oldest. Returns its index. */
int act_pick_keep(const struct idea_detail *ideas, int n);

/* How a reply is signed: the idea's department, else the team name set in the config
 * (signature), else the municipality; the moderator's own name only with sign-personally.
 * Allocated. */
char *act_signature(const struct act_ctx *c, const char *department_signature);

/* A reply from the template for status (NULL: the idea's status) in the author's language,
 * placeholders filled. kept is the idea that stays, for merges ({kept_title}, {kept_idea},
 * {kept_link}: its page on the platform), else NULL. Allocated. */
char *act_reply_text(const struct act_ctx *c, const struct idea_detail *d, const char *status,
		     const char *template_name, const struct idea_detail *kept,
		     const char *reason);

/* A merge prepared: the preview to show and the replies that will be sent. */
struct merge_plan {
	int64_t keep;
	int64_t *merged;
	int *versions;
	int n;
	struct merge_preview preview;
	struct reply *replies;
	int nreplies;
	char **texts; /* owned bodies and signatures of replies */
	int ntexts;
};

/* Read the ideas, check them, and write the replies (one per author of a merged idea who
 * can be told). ST_INVALID with a sentence for merging an idea into itself or twice. */
enum status act_merge_plan(const struct act_ctx *c, int64_t keep, const int64_t *merged, int n,
			   struct merge_plan *plan, struct err *e);
enum status act_merge_apply(const struct act_ctx *c, const struct merge_plan *plan,
			    const char *justification, int64_t *audit, struct err *e);
void merge_plan_free(struct merge_plan *plan);

/* "7d", "30d", "2w", "12h", "permanent" → seconds (0 for permanent). False when unreadable. */
bool act_parse_duration(const char *s, int64_t *seconds);

/* "2026-12-01 09:00", "2026-12-01", "now", "+2d" → unix time, read in local time. */
bool act_parse_time(const char *s, int64_t now, int64_t *out);

#endif
