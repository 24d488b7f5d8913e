#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>

#include "core/conf.h"
#include "core/i18n.h"
#include "core/keys.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/inspraak"
#endif

#define CONF_MAX_DEPTH 10        /* files sourcing files; a loop stops here */
#define CONF_MAX_LINE 4096       /* bytes; far beyond any real line */
#define CONF_MAX_FILE (1 << 20)  /* bytes; a config file is a few KB */
#define CONF_MAX_ERRORS 20       /* per file; after that it is not a config file */
#define CONF_MAX_WORDS 16
#define SHOWN_MAX 64             /* bytes of a user's word quoted in a message */
#define PATH_SHOWN_MAX 512       /* bytes of a path in a message */

/* The default key bindings, in the language users write, so that they go through the same
 * parser and the help screen lists them like any user binding. Order matters: the first key
 * bound to an action is the one the help screen shows first. */
const char config_default_rc[] =
	"# Moving around, everywhere\n"
	"bind generic j move-down\n"
	"bind generic <Down> move-down\n"
	"bind generic k move-up\n"
	"bind generic <Up> move-up\n"
	"bind generic <PageDown> page-down\n"
	"bind generic ^F page-down\n"
	"bind generic <PageUp> page-up\n"
	"bind generic ^B page-up\n"
	"bind generic g first\n"
	"bind generic <Home> first\n"
	"bind generic G last\n"
	"bind generic <End> last\n"
	"bind generic <Esc> back\n"
	"# Queues\n"
	"bind generic 1 queue-new\n"
	"bind generic 2 queue-duplicates\n"
	"bind generic 3 queue-flags\n"
	"bind generic 4 timeline\n"
	"bind generic 5 queue-inbox\n"
	"bind generic 6 queue-untold\n"
	"bind generic ] next-queue\n"
	"bind generic [ previous-queue\n"
	"# Searching, commands, the rest\n"
	"bind generic / search\n"
	"bind generic n search-next\n"
	"bind generic N search-previous\n"
	"bind generic : command\n"
	"bind generic ^L refresh\n"
	"bind generic ? help\n"
	"bind generic q quit\n"
	"bind generic u undo\n"
	"# The list and detail panes of a queue\n"
	"bind queue <Tab> next-pane\n"
	"bind queue <Enter> open\n"
	"bind queue J detail-down\n"
	"bind queue K detail-up\n"
	"bind queue a author\n"
	"bind queue f filter\n"
	"# Deciding\n"
	"bind queue t tag\n"
	"bind queue <Space> tag\n"
	"bind queue ; tag-prefix\n"
	"bind queue T untag-all\n"
	"bind queue m merge\n"
	"bind queue x not-duplicate\n"
	"bind queue D assign-department\n"
	"bind queue s set-status\n"
	"bind queue r reply\n"
	"bind queue c confirm-flag\n"
	"bind queue d dismiss-flag\n"
	"bind queue B block-author\n"
	"# The timeline\n"
	"bind timeline s set-phase\n"
	"bind timeline <Enter> set-phase\n"
	"bind timeline e edit-phase\n"
	"bind timeline a add-phase\n"
	"bind timeline x remove-phase\n"
	"# Full-screen text\n"
	"bind pager q back\n"
	"bind pager <Space> page-down\n"
	"bind pager b page-up\n";

static const struct {
	const char *name, *def, *help;
	enum option_type type;
} options[] = {
#define X(id, name, type, def, help) { name, def, help, OPTT_##type },
	OPTIONS(X)
#undef X
};

/* Limits beyond the type, where a value outside would break the screen or mean nothing. */
static const struct {
	enum option opt;
	double min, max;
} option_ranges[] = {
	{ OPT_SPLIT_MIN_WIDTH, 0, 10000 },
	{ OPT_LIST_RATIO, 20, 80 },        /* what the layout can honour */
	{ OPT_FLAG_THRESHOLD, 0, 1 },      /* machine scores are probabilities */
	{ OPT_CLAIM_MINUTES, 1, 240 },     /* a claim must expire within the working day */
	{ OPT_POLL_SECONDS, 0, 3600 },
};

/* Where a line comes from: labels messages and anchors relative paths. */
struct origin {
	const char *file;  /* NULL or ":" for the console's prompt */
	int lineno;
	int nerrors;       /* errors reported for lines of this file */
	bool theme_only;   /* a theme file: only color lines */
	bool prompt;       /* a single line given to config_exec: errors are returned only */
};

const char *option_name(enum option o)
{
	return (unsigned)o < OPT_COUNT ? options[o].name : "?";
}

const char *option_help(enum option o)
{
	return (unsigned)o < OPT_COUNT ? options[o].help : "";
}

enum option_type option_type(enum option o)
{
	return (unsigned)o < OPT_COUNT ? options[o].type : OPTT_STRING;
}

bool option_by_name(const char *name, enum option *out)
{
	if (!name)
		return false;
	for (int i = 0; i < OPT_COUNT; i++)
		if (strcmp(options[i].name, name) == 0) {
			*out = (enum option)i;
			return true;
		}
	return false;
}

/* --- messages ------------------------------------------------------------------------------- */

static bool labelled(const char *file)
{
	return file && *file && strcmp(file, ":") != 0;
}

/* A user's word for a message: control bytes made visible and long words cut, so that one bad
 * line gives one readable line even when the file is garbage. n is at least 5. */
static const char *shown(const char *s, char *buf, size_t n)
{
	size_t len = 0, max = n - 4; /* room for "…" and the NUL */

	for (; *s && len < max; s++)
		buf[len++] = (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s;
	if (*s) {
		/* Never end inside a UTF-8 sequence. */
		while (len > 0 && ((unsigned char)buf[len - 1] & 0xc0) == 0x80)
			len--;
		if (len > 0 && (unsigned char)buf[len - 1] >= 0xc0)
			len--;
		memcpy(buf + len, "\xe2\x80\xa6", 3);
		len += 3;
	}
	buf[len] = '\0';
	return buf;
}

static void add_error(struct config *c, const char *msg)
{
	if (c->errors.len)
		sbuf_addc(&c->errors, '\n');
	sbuf_add(&c->errors, msg);
	c->nerrors++;
}

/* Report an error of a line (o) or of the whole load (o NULL): "FILE:LINE: sentence". The
 * first error of a call goes to e; every error from a file goes to c->errors. */
PRINTF_LIKE(4, 5)
static void fail(struct config *c, struct origin *o, struct err *e, const char *fmt, ...)
{
	struct sbuf b;
	va_list ap;
	char *msg;

	sbuf_init(&b);
	if (o && labelled(o->file)) {
		if (o->lineno > 0)
			sbuf_addf(&b, "%s:%d: ", o->file, o->lineno);
		else
			sbuf_addf(&b, "%s: ", o->file);
	}
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	sbuf_add(&b, msg);
	free(msg);
	if (!o || !o->prompt)
		add_error(c, b.s);
	if (e && !e->msg[0])
		err_set(e, "%s", b.s);
	if (o)
		o->nerrors++;
	sbuf_free(&b);
}

/* --- options -------------------------------------------------------------------------------- */

static bool parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = { "yes", "true", "on" };
	static const char *const no[] = { "no", "false", "off" };

	for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = true;
			return true;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

/* "0.5" whatever the locale: nl_BE would want "0,5", and the file must mean the same for
 * everyone. */
static bool parse_double(const char *s, double *out)
{
	locale_t cl = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	locale_t old;
	bool ok;

	if (cl == (locale_t)0)
		return str_to_double(s, out) && isfinite(*out);
	old = uselocale(cl);
	ok = str_to_double(s, out);
	uselocale(old);
	freelocale(cl);
	return ok && isfinite(*out);
}

static bool option_range(enum option o, double *min, double *max)
{
	for (size_t i = 0; i < ARRAY_SIZE(option_ranges); i++)
		if (option_ranges[i].opt == o) {
			*min = option_ranges[i].min;
			*max = option_ranges[i].max;
			return true;
		}
	return false;
}

/* Set an option other than the theme from its text. */
static bool set_value(struct config *c, struct origin *o, struct err *e, enum option opt,
		      const char *v)
{
	struct option_value *val = &c->opt[opt];
	char w[SHOWN_MAX + 4];
	double min, max, d;
	long l;
	bool b;

	switch (options[opt].type) {
	case OPTT_INT:
		if (!str_to_long(v, &l)) {
			fail(c, o, e, _("option %s needs a whole number, not \"%s\""),
			     options[opt].name, shown(v, w, sizeof(w)));
			return false;
		}
		if (option_range(opt, &min, &max) && (l < min || l > max)) {
			fail(c, o, e, _("option %s must be between %ld and %ld, not %ld"),
			     options[opt].name, (long)min, (long)max, l);
			return false;
		}
		val->i = l;
		break;
	case OPTT_DOUBLE:
		if (!parse_double(v, &d)) {
			fail(c, o, e, _("option %s needs a number like 0.5, not \"%s\""),
			     options[opt].name, shown(v, w, sizeof(w)));
			return false;
		}
		if (option_range(opt, &min, &max) && (d < min || d > max)) {
			fail(c, o, e, _("option %s must be between %g and %g, not %s"),
			     options[opt].name, min, max, shown(v, w, sizeof(w)));
			return false;
		}
		val->d = d;
		break;
	case OPTT_BOOL:
		if (!parse_bool(v, &b)) {
			fail(c, o, e, _("option %s needs yes or no, not \"%s\""),
			     options[opt].name, shown(v, w, sizeof(w)));
			return false;
		}
		val->b = b;
		break;
	case OPTT_STRING:
		free(val->s);
		val->s = xstrdup(v);
		break;
	}
	return true;
}

/* --- reading files -------------------------------------------------------------------------- */

static enum status exec_line(struct config *c, struct origin *o, const char *line, size_t len,
			     struct err *e);

/* Run a text of lines; errors are reported per line and reading goes on after them. */
static enum status run_text(struct config *c, const char *label, const char *text, size_t len,
			    bool theme_only, struct err *e)
{
	struct origin o = { label, 0, 0, theme_only, false };
	enum status st = ST_OK;
	size_t pos = 0;

	while (pos < len) {
		const char *start = text + pos;
		const char *nl = memchr(start, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - start) : len - pos;

		pos += n + (nl ? 1 : 0);
		o.lineno++;
		if (n && start[n - 1] == '\r')
			n--; /* written on Windows */
		if (exec_line(c, &o, start, n, e) != ST_OK)
			st = ST_INVALID;
		if (o.nerrors >= CONF_MAX_ERRORS && pos < len) {
			o.lineno = 0;
			fail(c, &o, e, _("too many errors; the rest of the file is skipped "
					 "(is it a configuration file?)"));
			break;
		}
	}
	return st;
}

/* The whole file, or NULL with errno set. Refuses what cannot be a configuration file (too
 * large, or endless like /dev/zero) rather than reading it. */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct sbuf b;
	char chunk[8192];
	size_t n;
	int err;

	if (!f)
		return NULL;
	sbuf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		sbuf_addn(&b, chunk, n);
		if (b.len > CONF_MAX_FILE) {
			fclose(f);
			sbuf_free(&b);
			errno = EFBIG;
			return NULL;
		}
	}
	if (ferror(f)) {
		err = errno ? errno : EIO;
		fclose(f);
		sbuf_free(&b);
		errno = err;
		return NULL;
	}
	fclose(f);
	*len = b.len;
	return sbuf_take(&b);
}

/* Read a file of lines. from labels a failure to open it (the source line, or NULL). */
static enum status source_file(struct config *c, const char *path, struct origin *from,
			       bool theme_only, struct err *e)
{
	char w[PATH_SHOWN_MAX + 4];
	enum status st;
	size_t len = 0;
	char *text;

	errno = 0;
	text = read_file(path, &len);
	if (!text) {
		int err = errno;

		if (err == EFBIG)
			fail(c, from, e, _("cannot read %s: larger than %d MiB, so not a configuration "
					   "file"), shown(path, w, sizeof(w)), CONF_MAX_FILE >> 20);
		else
			fail(c, from, e, _("cannot read %s: %s"), shown(path, w, sizeof(w)),
			     strerror(err));
		return err == ENOENT ? ST_NOT_FOUND : ST_FAIL;
	}
	c->depth++;
	st = run_text(c, path, text, len, theme_only, e);
	c->depth--;
	free(text);
	return st;
}

/* --- words ---------------------------------------------------------------------------------- */

/* Refuse lines that cannot be meant: a binary file, another encoding, escape sequences
 * that would reach the terminal when a message quotes the line. */
static bool line_ok(struct config *c, struct origin *o, const char *line, size_t len,
		    struct err *e)
{
	size_t pos = 0;

	if (len > CONF_MAX_LINE) {
		fail(c, o, e, _("line too long (%zu bytes; at most %d)"), len, CONF_MAX_LINE);
		return false;
	}
	if (memchr(line, '\0', len)) {
		fail(c, o, e, _("line contains a NUL byte; is this a text file?"));
		return false;
	}
	while (pos < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)line + pos,
						      (utf8proc_ssize_t)(len - pos), &cp);

		if (r <= 0) {
			fail(c, o, e, _("line is not valid UTF-8 (at byte %zu); save the file as UTF-8"),
			     pos + 1);
			return false;
		}
		if ((cp < 0x20 && cp != '\t') || (cp >= 0x7f && cp < 0xa0)) {
			fail(c, o, e, _("line contains the control character U+%04X; write control "
					"keys as ^X"), (unsigned)cp);
			return false;
		}
		pos += (size_t)r;
	}
	return true;
}

/* Split a line into words in place. Words are separated by spaces and tabs; "..." quotes a
 * word with spaces, in which \" and \\ stand for " and \; # at the start of a word begins a
 * comment. Returns the number of words or -1 after reporting the error. */
static int split_words(struct config *c, struct origin *o, char *s, char **argv, struct err *e)
{
	int argc = 0;

	for (;;) {
		char *out;

		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s || *s == '#')
			return argc;
		if (argc == CONF_MAX_WORDS) {
			fail(c, o, e, _("too many words on one line (at most %d)"), CONF_MAX_WORDS);
			return -1;
		}
		argv[argc++] = out = s;
		if (*s != '"') {
			while (*s && *s != ' ' && *s != '\t')
				s++;
			if (*s)
				*s++ = '\0';
			continue;
		}
		for (s++;; s++) {
			if (!*s) {
				fail(c, o, e, _("missing closing quote"));
				return -1;
			}
			if (*s == '"')
				break;
			if (*s == '\\') {
				if (s[1] != '"' && s[1] != '\\') {
					fail(c, o, e, _("unknown escape \\%.*s in quotes (only \\\" and "
							"\\\\ are escapes)"),
					     s[1] ? (int)utf8proc_utf8class[(unsigned char)s[1]] : 0, s + 1);
					return -1;
				}
				s++;
			}
			*out++ = *s;
		}
		s++;
		if (*s && *s != ' ' && *s != '\t') {
			fail(c, o, e, _("text right after a closing quote; put a space between words"));
			return -1;
		}
		*out = '\0';
		if (*s)
			s++;
	}
}

/* --- commands ------------------------------------------------------------------------------- */

typedef enum status (*command_fn)(struct config *c, struct origin *o, char **argv, int argc,
				  struct err *e);

static enum status load_theme(struct config *c, const char *name, struct origin *from,
			      bool *loaded, struct err *e);

static enum status cmd_set(struct config *c, struct origin *o, char **argv, int argc,
			   struct err *e)
{
	char w[SHOWN_MAX + 4];
	bool loaded = false;
	enum option opt;
	enum status st;

	(void)argc;
	if (!option_by_name(argv[0], &opt)) {
		fail(c, o, e, _("unknown option \"%s\" (see inspraak-config(5) for the list)"),
		     shown(argv[0], w, sizeof(w)));
		return ST_INVALID;
	}
	if (opt == OPT_THEME) {
		/* The theme takes effect at once, so that color lines after it adjust it. */
		st = load_theme(c, argv[1], o, &loaded, e);
		if (loaded) {
			free(c->opt[opt].s);
			c->opt[opt].s = xstrdup(argv[1]);
		}
		return st;
	}
	return set_value(c, o, e, opt, argv[1]) ? ST_OK : ST_INVALID;
}

static bool menu_arg(struct config *c, struct origin *o, const char *s, enum menu *m,
		     struct err *e)
{
	char w[SHOWN_MAX + 4];

	if (menu_parse(s, m))
		return true;
	if (strcmp(s, menu_name(MENU_PROMPT)) == 0)
		fail(c, o, e, _("the keys of the prompt cannot be bound (menus are generic, queue "
				"and pager)"));
	else
		fail(c, o, e, _("unknown menu \"%s\" (menus are generic, queue and pager)"),
		     shown(s, w, sizeof(w)));
	return false;
}

static bool key_arg(struct config *c, struct origin *o, const char *s, int *key, struct err *e)
{
	char w[SHOWN_MAX + 4];

	if (key_parse(s, key))
		return true;
	fail(c, o, e, _("unknown key \"%s\" (write a character, ^X for a control key, or a name "
			"like <PageDown>)"), shown(s, w, sizeof(w)));
	return false;
}

static void menus_of(unsigned menus, char *buf, size_t n)
{
	buf[0] = '\0';
	for (int m = 0; m < MENU_COUNT; m++)
		if (menus & (1u << m)) {
			size_t len = strlen(buf);

			snprintf(buf + len, n - len, "%s%s", len ? ", " : "", menu_name((enum menu)m));
		}
}

static enum status cmd_bind(struct config *c, struct origin *o, char **argv, int argc,
			    struct err *e)
{
	char w[SHOWN_MAX + 4], where[64];
	const struct action_info *info;
	struct keymap *km;
	enum menu m;
	int key, i;

	(void)argc;
	if (!menu_arg(c, o, argv[0], &m, e) || !key_arg(c, o, argv[1], &key, e))
		return ST_INVALID;
	info = action_info(action_by_name(argv[2]));
	if (!info) {
		fail(c, o, e, _("unknown action \"%s\" (see inspraak --help or ? in the console)"),
		     shown(argv[2], w, sizeof(w)));
		return ST_INVALID;
	}
	/* A generic action works in every menu; any other only where it makes sense. */
	if (!(info->menus & (M_GENERIC | (1u << m)))) {
		menus_of(info->menus, where, sizeof(where));
		fail(c, o, e, _("action %s cannot be bound in the %s menu, only in: %s"),
		     info->name, menu_name(m), where);
		return ST_INVALID;
	}
	km = &c->keys[m];
	for (i = 0; i < km->n; i++)
		if (km->b[i].key == key)
			break;
	if (i == km->n) {
		if (km->n == KEYMAP_MAX) {
			fail(c, o, e, _("too many keys bound in the %s menu (at most %d)"),
			     menu_name(m), KEYMAP_MAX);
			return ST_INVALID;
		}
		km->n++;
	}
	km->b[i].key = key;
	km->b[i].action = info->id;
	return ST_OK;
}

static enum status cmd_unbind(struct config *c, struct origin *o, char **argv, int argc,
			      struct err *e)
{
	char w[SHOWN_MAX + 4];
	struct keymap *km;
	enum menu m;
	int key;

	(void)argc;
	if (!menu_arg(c, o, argv[0], &m, e) || !key_arg(c, o, argv[1], &key, e))
		return ST_INVALID;
	km = &c->keys[m];
	for (int i = 0; i < km->n; i++)
		if (km->b[i].key == key) {
			/* Keep the order: the help screen lists keys as they were bound. */
			memmove(&km->b[i], &km->b[i + 1], (size_t)(km->n - i - 1) * sizeof(km->b[0]));
			km->n--;
			return ST_OK;
		}
	if (m != MENU_GENERIC && config_key_action(c, MENU_GENERIC, key) != ACTION_NONE)
		fail(c, o, e, _("%s is not bound in the %s menu; its binding comes from the generic "
				"menu (unbind generic %s)"), shown(argv[1], w, sizeof(w)), menu_name(m), w);
	else
		fail(c, o, e, _("%s is not bound in the %s menu"), shown(argv[1], w, sizeof(w)),
		     menu_name(m));
	return ST_INVALID;
}

static enum status cmd_color(struct config *c, struct origin *o, char **argv, int argc,
			     struct err *e)
{
	char w[SHOWN_MAX + 4];
	struct color_spec spec = { COLOR_DEFAULT, COLOR_DEFAULT, 0 };
	enum theme_slot slot;

	if (!theme_slot_parse(argv[0], &slot)) {
		fail(c, o, e, _("unknown colour slot \"%s\" (see inspraak-config(5) for the list)"),
		     shown(argv[0], w, sizeof(w)));
		return ST_INVALID;
	}
	for (int i = 1; i <= 2; i++)
		if (!theme_color_parse(argv[i], i == 1 ? &spec.fg : &spec.bg)) {
			fail(c, o, e, _("unknown colour \"%s\" (use default, a name like red or "
					"brightblue, or color0 to color255)"), shown(argv[i], w, sizeof(w)));
			return ST_INVALID;
		}
	for (int i = 3; i < argc; i++) {
		unsigned a;

		if (!theme_attr_parse(argv[i], &a)) {
			fail(c, o, e, _("unknown attribute \"%s\" (use bold, underline, reverse, dim, "
					"italic, standout or none)"), shown(argv[i], w, sizeof(w)));
			return ST_INVALID;
		}
		spec.attrs |= a;
	}
	c->theme.slot[slot] = spec;
	return ST_OK;
}

/* ~/ is the home directory; a relative path is relative to the file that names it, so a
 * config directory can be moved as a whole. NULL when $HOME is needed but not set. */
static char *source_path(const char *arg, const struct origin *o)
{
	const char *slash;

	if (arg[0] == '~' && (arg[1] == '/' || arg[1] == '\0')) {
		const char *home = getenv("HOME");

		if (!home || !*home)
			return NULL;
		return xasprintf("%s%s", home, arg + 1);
	}
	if (arg[0] == '/' || !o || !labelled(o->file) || !(slash = strrchr(o->file, '/')))
		return xstrdup(arg);
	return xasprintf("%.*s/%s", (int)(slash - o->file), o->file, arg);
}

static enum status cmd_source(struct config *c, struct origin *o, char **argv, int argc,
			      struct err *e)
{
	char w[SHOWN_MAX + 4];
	enum status st;
	char *path;

	(void)argc;
	if (c->depth >= CONF_MAX_DEPTH) {
		fail(c, o, e, _("cannot source %s: files source each other more than %d deep "
				"(does a file source itself?)"), shown(argv[0], w, sizeof(w)),
		     CONF_MAX_DEPTH);
		return ST_INVALID;
	}
	path = source_path(argv[0], o);
	if (!path) {
		fail(c, o, e, _("cannot source %s: $HOME is not set"), shown(argv[0], w, sizeof(w)));
		return ST_INVALID;
	}
	st = source_file(c, path, o, false, e);
	free(path);
	return st;
}

static enum status cmd_api_department(struct config *c, struct origin *o, char **argv,
				      int argc, struct err *e)
{
	char w[SHOWN_MAX + 4];
	struct api_department *d = NULL;

	for (const char *p = argv[0]; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_')) {
			fail(c, o, e, _("a department code is lower-case letters, digits, - and _: "
					"\"%s\""), shown(argv[0], w, sizeof(w)));
			return ST_INVALID;
		}
	/* A code given again is that department redefined, as "set" does for options. */
	for (int i = 0; i < c->napi_departments; i++)
		if (strcmp(c->api_departments[i].code, argv[0]) == 0)
			d = &c->api_departments[i];
	if (!d) {
		c->api_departments = xreallocarray(c->api_departments,
						   (size_t)c->napi_departments + 1,
						   sizeof(*c->api_departments));
		d = &c->api_departments[c->napi_departments++];
		d->code = xstrdup(argv[0]);
	} else {
		free(d->user);
		free(d->title);
	}
	d->user = xstrdup(argv[1]);
	d->title = xstrdup(argc > 2 ? argv[2] : argv[0]);
	return ST_OK;
}

static enum status cmd_api_profile(struct config *c, struct origin *o, char **argv, int argc,
				   struct err *e)
{
	char w[SHOWN_MAX + 4];
	struct api_profile *p = NULL;

	if (strstr(argv[0], "://") || !*argv[0]) {
		fail(c, o, e, _("a profile's name is a word, not an address: \"%s\""),
		     shown(argv[0], w, sizeof(w)));
		return ST_INVALID;
	}
	if (strncasecmp(argv[1], "https://", 8) != 0 || !argv[1][8]) {
		fail(c, o, e, _("a profile's address starts with https:// (got \"%s\")"),
		     shown(argv[1], w, sizeof(w)));
		return ST_INVALID;
	}
	for (int i = 0; i < c->napi_profiles; i++)
		if (strcmp(c->api_profiles[i].name, argv[0]) == 0)
			p = &c->api_profiles[i];
	if (!p) {
		c->api_profiles = xreallocarray(c->api_profiles, (size_t)c->napi_profiles + 1,
						sizeof(*c->api_profiles));
		p = &c->api_profiles[c->napi_profiles++];
		p->name = xstrdup(argv[0]);
	} else {
		free(p->url);
		free(p->ca_file);
	}
	p->url = xstrdup(argv[1]);
	p->ca_file = argc > 2 ? source_path(argv[2], o) : NULL;
	return ST_OK;
}

const struct api_profile *config_api_profile(const struct config *c, const char *name)
{
	for (int i = 0; name && i < c->napi_profiles; i++)
		if (strcmp(c->api_profiles[i].name, name) == 0)
			return &c->api_profiles[i];
	return NULL;
}

static const struct command {
	const char *name;
	int min, max;        /* words after the command */
	const char *usage;
	command_fn run;
} commands[] = {
	{ "set", 2, 2, "set OPTION VALUE", cmd_set },
	{ "bind", 3, 3, "bind MENU KEY ACTION", cmd_bind },
	{ "unbind", 2, 2, "unbind MENU KEY", cmd_unbind },
	{ "color", 3, CONF_MAX_WORDS - 1, "color SLOT FG BG [ATTR...]", cmd_color },
	{ "source", 1, 1, "source FILE", cmd_source },
	{ "api-department", 2, 3, "api-department CODE USER [TITLE]", cmd_api_department },
	{ "api-profile", 2, 3, "api-profile NAME URL [CA-FILE]", cmd_api_profile },
};

static enum status exec_line(struct config *c, struct origin *o, const char *line, size_t len,
			     struct err *e)
{
	const struct command *cmd = NULL;
	char *argv[CONF_MAX_WORDS];
	char w[SHOWN_MAX + 4];
	enum status st;
	char *buf;
	int argc;

	if (!line_ok(c, o, line, len, e))
		return ST_INVALID;
	buf = xstrndup(line, len);
	argc = split_words(c, o, buf, argv, e);
	if (argc <= 0) {
		free(buf);
		return argc < 0 ? ST_INVALID : ST_OK;
	}
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			cmd = &commands[i];
	st = ST_INVALID;
	if (!cmd)
		fail(c, o, e, _("unknown command \"%s\" (use set, bind, unbind, color or source)"),
		     shown(argv[0], w, sizeof(w)));
	else if (o->theme_only && cmd->run != cmd_color)
		fail(c, o, e, _("a theme file holds only color lines, not %s"), cmd->name);
	else if (argc - 1 < cmd->min)
		fail(c, o, e, _("missing argument: write %s"), cmd->usage);
	else if (argc - 1 > cmd->max)
		fail(c, o, e, _("too many arguments: write %s"), cmd->usage);
	else
		st = cmd->run(c, o, argv + 1, argc - 1, e);
	free(buf);
	return st;
}

/* --- themes --------------------------------------------------------------------------------- */

static bool file_exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 || errno != ENOENT;
}

/* *loaded tells whether the theme was read, perhaps with errors in some lines. */
static enum status load_theme(struct config *c, const char *name, struct origin *from,
			      bool *loaded, struct err *e)
{
	char w[SHOWN_MAX + 4], label[64];
	struct theme old = c->theme;
	char *home = xdg_config_home();
	char *user = xasprintf("%s/inspraak/themes", home);
	char *path = NULL;
	const char *text;
	enum status st;

	free(home);
	*loaded = false;
	/* A name, not a path: "set theme" is read from files and typed at the prompt, and the
	 * same name must find the same file everywhere. */
	if (!*name || strchr(name, '/') || name[0] == '.') {
		fail(c, from, e, _("theme names are plain names like dark, not \"%s\""),
		     shown(name, w, sizeof(w)));
		free(user);
		return ST_INVALID;
	}
	path = xasprintf("%s/%s.theme", user, name);
	if (!file_exists(path)) {
		free(path);
		path = xasprintf("%s/themes/%s.theme", PKGDATADIR, name);
		if (!file_exists(path)) {
			free(path);
			path = NULL;
		}
	}
	theme_reset(&c->theme);
	if (path) {
		st = source_file(c, path, from, true, e);
		*loaded = st == ST_OK || st == ST_INVALID;
		if (!*loaded)
			c->theme = old;
	} else if ((text = theme_builtin(name))) {
		snprintf(label, sizeof(label), "(built-in %s.theme)", name);
		c->depth++;
		st = run_text(c, label, text, strlen(text), true, e);
		c->depth--;
		*loaded = true;
	} else {
		c->theme = old;
		fail(c, from, e, _("unknown theme \"%s\": no %s.theme in %s or %s/themes"),
		     shown(name, w, sizeof(w)), w, user, PKGDATADIR);
		st = ST_NOT_FOUND;
	}
	free(path);
	free(user);
	return st;
}

enum status config_load_theme(struct config *c, const char *name, struct err *e)
{
	bool loaded;

	err_clear(e);
	return load_theme(c, name ? name : "", NULL, &loaded, e);
}

/* --- the public entry points ---------------------------------------------------------------- */

void config_init(struct config *c)
{
	const char *text = theme_builtin(options[OPT_THEME].def);
	struct err e;

	memset(c, 0, sizeof(*c));
	sbuf_init(&c->errors);
	err_clear(&e);
	for (int i = 0; i < OPT_COUNT; i++)
		set_value(c, NULL, &e, (enum option)i, options[i].def);
	/* The built-in theme only: the user's files are read by config_load_user, so that a
	 * program that wants the defaults (tests, --help) gets the same ones everywhere. */
	theme_reset(&c->theme);
	c->depth++;
	if (text)
		run_text(c, "(built-in default.theme)", text, strlen(text), true, &e);
	run_text(c, "(default bindings)", config_default_rc, strlen(config_default_rc), false, &e);
	c->depth--;
}

void config_free(struct config *c)
{
	for (int i = 0; i < OPT_COUNT; i++) {
		free(c->opt[i].s);
		c->opt[i].s = NULL;
	}
	for (int i = 0; i < c->napi_departments; i++) {
		free(c->api_departments[i].code);
		free(c->api_departments[i].user);
		free(c->api_departments[i].title);
	}
	free(c->api_departments);
	c->api_departments = NULL;
	c->napi_departments = 0;
	for (int i = 0; i < c->napi_profiles; i++) {
		free(c->api_profiles[i].name);
		free(c->api_profiles[i].url);
		free(c->api_profiles[i].ca_file);
	}
	free(c->api_profiles);
	c->api_profiles = NULL;
	c->napi_profiles = 0;
	sbuf_free(&c->errors);
	c->nerrors = 0;
}

enum status config_load_user(struct config *c, struct err *e)
{
	const char *env = getenv("INSPRAAK_CONFIG");
	enum status st, first;
	char p[PATH_SHOWN_MAX + 4];
	char *home, *path;
	bool loaded;

	err_clear(e);
	/* The theme again, now that a file of the user's may override the built-in one. */
	first = load_theme(c, cfg_str(c, OPT_THEME), NULL, &loaded, e);
	if (env && *env) {
		if (!file_exists(env)) {
			fail(c, NULL, e, _("cannot read %s, named by $INSPRAAK_CONFIG: no such file"),
			     shown(env, p, sizeof(p)));
			return first != ST_OK ? first : ST_NOT_FOUND;
		}
		path = xstrdup(env);
	} else {
		home = xdg_config_home();
		path = xasprintf("%s/inspraak/config", home);
		free(home);
		if (!file_exists(path)) {
			free(path);
			return first;
		}
	}
	st = source_file(c, path, NULL, false, e);
	free(path);
	return first != ST_OK ? first : st;
}

enum status config_exec(struct config *c, const char *line, const char *file, int lineno,
			struct err *e)
{
	struct origin o = { file, lineno, 0, false, true };

	err_clear(e);
	if (!line)
		return ST_OK;
	return exec_line(c, &o, line, strlen(line), e);
}

enum status config_source(struct config *c, const char *path, struct err *e)
{
	err_clear(e);
	return source_file(c, path, NULL, false, e);
}

enum action config_key_action(const struct config *c, enum menu m, int key)
{
	if ((unsigned)m >= MENU_PROMPT)
		return ACTION_NONE;
	for (;;) {
		const struct keymap *km = &c->keys[m];

		for (int i = 0; i < km->n; i++)
			if (km->b[i].key == key)
				return km->b[i].action;
		if (m == MENU_GENERIC)
			return ACTION_NONE;
		m = MENU_GENERIC;
	}
}

int config_action_keys(const struct config *c, enum menu m, enum action a, int *keys, int max)
{
	const struct keymap *km;
	int n = 0;

	if ((unsigned)m >= MENU_COUNT)
		return 0;
	km = &c->keys[m];
	for (int i = 0; i < km->n && n < max; i++)
		if (km->b[i].action == a)
			keys[n++] = km->b[i].key;
	return n;
}
