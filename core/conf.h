/* The configuration language, in the style of tig and mutt: set, bind, unbind, color,
 * source. The compiled-in defaults go through the same parser as the user's file. */
#ifndef INSPRAAK_CONF_H
#define INSPRAAK_CONF_H

#include <stdbool.h>

#include "core/actions.h"
#include "core/theme.h"
#include "core/util.h"

/* X(ID, name, type, default, help). Types: INT, DOUBLE, STRING, BOOL. */
#define OPTIONS(X) \
	X(THEME, "theme", STRING, "default", N_("Colour theme: a file NAME.theme in the themes directory, or default or mono")) \
	X(SPLIT_MIN_WIDTH, "split-min-width", INT, "110", N_("Terminal width from which the list and the detail pane sit side by side")) \
	X(LIST_RATIO, "list-ratio", INT, "50", N_("Share of the screen, in percent, that the list pane takes")) \
	X(FLAG_THRESHOLD, "flag-threshold", DOUBLE, "0.5", N_("Machine scores at or above this put an item in the flag queue")) \
	X(TIME_FORMAT, "time-format", STRING, "%d-%m-%Y %H:%M", N_("How dates are shown (strftime)")) \
	X(WRAP_SEARCH, "wrap-search", BOOL, "yes", N_("Continue a search from the top after the last item")) \
	X(SIGNATURE, "signature", STRING, "", N_("How replies are signed when the idea has no department (empty: the municipality's name)")) \
	X(SIGN_PERSONALLY, "sign-personally", BOOL, "no", N_("Sign replies with your own name instead of the department's")) \
	X(CLAIM_MINUTES, "claim-minutes", INT, "5", N_("How long an item you open stays yours before others may take it")) \
	X(MERGE_STATUS, "merge-status", STRING, "merged", N_("The status merged ideas get on a platform without merges (the web API): the key of one of its statuses")) \
	X(POLL_SECONDS, "poll-seconds", DOUBLE, "10", N_("How often a platform without a change feed (the web API) is asked what changed, in seconds; 0: never"))

enum option {
#define X(id, name, type, def, help) OPT_##id,
	OPTIONS(X)
#undef X
	OPT_COUNT
};

enum option_type { OPTT_INT, OPTT_DOUBLE, OPTT_STRING, OPTT_BOOL };

struct option_value {
	long i;
	double d;
	char *s;
	bool b;
};

#define KEYMAP_MAX 256

struct binding {
	int key;
	enum action action;
};

struct keymap {
	struct binding b[KEYMAP_MAX];
	int n;
};

/* A department on a platform that has none (the web API): its ideas are assigned to one
 * platform user, named by e-mail or by id. "api-department CODE USER [TITLE]". */
struct api_department {
	char *code, *user, *title;
};

/* A platform named in the config file: "api-profile NAME URL [CA-FILE]", so that
 * "inspraak --api NAME" reaches it. */
struct api_profile {
	char *name, *url, *ca_file;
};

struct config {
	struct option_value opt[OPT_COUNT];
	struct api_department *api_departments;
	int napi_departments;
	struct api_profile *api_profiles;
	int napi_profiles;
	struct keymap keys[MENU_COUNT];
	struct theme theme;
	/* Errors from loading, one per line ("FILE:LINE: message"), for the console to show. */
	struct sbuf errors;
	int nerrors;
	int depth; /* source nesting, to stop loops */
};

/* Options at their defaults, the default key bindings, the built-in default theme. Reads no
 * file: config_load_user does. */
void config_init(struct config *c);
void config_free(struct config *c);

/* Read the user's configuration: $INSPRAAK_CONFIG if set (and not empty; then a missing file
 * is an error), else $XDG_CONFIG_HOME/inspraak/config if it exists. The theme named by the
 * theme option is loaded first, so that a user's themes/default.theme takes effect without a
 * "set theme". Errors are collected in c->errors and also returned as the first one in e;
 * loading goes on after an error, so one bad line loses nothing else (a file with more than
 * 20 bad lines is given up on: it is not a configuration file). */
enum status config_load_user(struct config *c, struct err *e);

/* The profile of that name, or NULL. */
const struct api_profile *config_api_profile(const struct config *c, const char *name);

/* One line of the configuration language; file/lineno label messages ("FILE:LINE: ...") and
 * anchor relative "source" paths. A NULL or ":" file is the console's prompt: no label, paths
 * relative to the working directory. Comments (#) and blank lines are accepted. The line's
 * own error is returned in e only, not added to c->errors; errors in files it sources are
 * collected there too. */
enum status config_exec(struct config *c, const char *line, const char *file, int lineno,
			struct err *e);

/* Read a file of configuration lines; errors, including failing to open it (ST_NOT_FOUND,
 * ST_FAIL), are collected in c->errors, the first also in e. ST_INVALID: some lines had
 * errors, the others took effect. */
enum status config_source(struct config *c, const char *path, struct err *e);

/* Load a theme by name: $XDG_CONFIG_HOME/inspraak/themes/NAME.theme, then
 * PKGDATADIR/themes/NAME.theme, then the built-in ones. Theme files hold only "color" lines
 * (and comments); the theme is reset before it is read. The theme option is not changed
 * ("set theme NAME" does both). An unknown name leaves the theme as it was (ST_NOT_FOUND). */
enum status config_load_theme(struct config *c, const char *name, struct err *e);

/* The action bound to key in menu, falling back to the generic menu; ACTION_NONE if none (and
 * always for MENU_PROMPT, whose keys are fixed). */
enum action config_key_action(const struct config *c, enum menu m, int key);
/* All keys bound to an action in a menu (not counting generic), for the help screen;
 * returns the count, at most max. */
int config_action_keys(const struct config *c, enum menu m, enum action a, int *keys, int max);

const char *option_name(enum option o);
/* Untranslated, like an action's help: pass it through gettext to show it. */
const char *option_help(enum option o);
enum option_type option_type(enum option o);
bool option_by_name(const char *name, enum option *out);

static inline long cfg_int(const struct config *c, enum option o) { return c->opt[o].i; }
static inline double cfg_double(const struct config *c, enum option o) { return c->opt[o].d; }
static inline const char *cfg_str(const struct config *c, enum option o) { return c->opt[o].s; }
static inline bool cfg_bool(const struct config *c, enum option o) { return c->opt[o].b; }

/* The compiled-in rc text with the default bindings ("bind generic j move-down", ...). */
extern const char config_default_rc[];

#endif
