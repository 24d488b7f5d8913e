/* The configuration language, key names and themes: the defaults the console starts with,
 * every error a user can make (one clear sentence each, labelled FILE:LINE), and files that
 * are not configuration at all. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <ftw.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/conf.h"
#include "core/keys.h"
#include "core/theme.h"

/* --- helpers -------------------------------------------------------------------------------- */

static char tmpdir[256];
static char *saved_home;

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Every test sees an empty $XDG_CONFIG_HOME and no $INSPRAAK_CONFIG, so a developer's own
 * configuration cannot change what the tests see. */
static void setup(void)
{
	const char *home = getenv("HOME");

	snprintf(tmpdir, sizeof(tmpdir), "%s/inspraak-test-conf-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	setenv("XDG_CONFIG_HOME", tmpdir, 1);
	unsetenv("INSPRAAK_CONFIG");
	saved_home = home ? xstrdup(home) : NULL;
}

static void teardown(void)
{
	nftw(tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("INSPRAAK_CONFIG");
	if (saved_home)
		setenv("HOME", saved_home, 1);
	free(saved_home);
	saved_home = NULL;
}

/* Write a file under tmpdir (creating directories); returns its full path, allocated. */
static char *write_file(const char *rel, const char *text, size_t len)
{
	char *path = xasprintf("%s/%s", tmpdir, rel);
	char *dir = xstrdup(path);
	FILE *f;

	*strrchr(dir, '/') = '\0';
	ck_assert_int_eq(mkdir_p(dir, 0700), 0);
	free(dir);
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	fclose(f);
	return path;
}

static char *write_text(const char *rel, const char *text)
{
	return write_file(rel, text, strlen(text));
}

/* Run one line as the file "config" line 3 would, expecting an error; returns the message. */
static const char *line_error(struct config *c, const char *line)
{
	static struct err e;

	ck_assert_msg(config_exec(c, line, "config", 3, &e) != ST_OK, "accepted: %s", line);
	ck_assert_msg(str_starts(e.msg, "config:3: "), "unlabelled: %s", e.msg);
	return e.msg + strlen("config:3: ");
}

static void line_ok(struct config *c, const char *line)
{
	struct err e;

	ck_assert_msg(config_exec(c, line, "config", 1, &e) == ST_OK, "%s: %s", line, e.msg);
	ck_assert_str_eq(e.msg, "");
}

static int key(const char *s)
{
	int k = -1;

	ck_assert_msg(key_parse(s, &k), "key %s", s);
	return k;
}

/* --- keys ----------------------------------------------------------------------------------- */

static const struct {
	int key;
	const char *name;
} named_keys[] = {
	{ KEYC_UP, "<Up>" },
	{ KEYC_DOWN, "<Down>" },
	{ KEYC_LEFT, "<Left>" },
	{ KEYC_RIGHT, "<Right>" },
	{ KEYC_PAGEUP, "<PageUp>" },
	{ KEYC_PAGEDOWN, "<PageDown>" },
	{ KEYC_HOME, "<Home>" },
	{ KEYC_END, "<End>" },
	{ KEYC_ENTER, "<Enter>" },
	{ KEYC_TAB, "<Tab>" },
	{ KEYC_BACKTAB, "<BackTab>" },
	{ KEYC_ESC, "<Esc>" },
	{ KEYC_SPACE, "<Space>" },
	{ KEYC_BACKSPACE, "<Backspace>" },
	{ KEYC_DELETE, "<Delete>" },
	{ KEYC_INSERT, "<Insert>" },
	{ KEYC_F1, "<F1>" },
	{ KEYC_F1 + 4, "<F5>" },
	{ KEYC_F1 + 9, "<F10>" },
	{ KEYC_F12, "<F12>" },
};

START_TEST(named_keys_round_trip)
{
	char name[32];

	for (size_t i = 0; i < ARRAY_SIZE(named_keys); i++) {
		key_format(named_keys[i].key, name, sizeof(name));
		ck_assert_str_eq(name, named_keys[i].name);
		ck_assert_int_eq(key(name), named_keys[i].key);
	}
	for (int k = KEYC_F1; k <= KEYC_F12; k++) {
		key_format(k, name, sizeof(name));
		ck_assert_int_eq(key(name), k);
	}
	/* Names are case-insensitive, and Return is Enter. */
	ck_assert_int_eq(key("<pagedown>"), KEYC_PAGEDOWN);
	ck_assert_int_eq(key("<ESC>"), KEYC_ESC);
	ck_assert_int_eq(key("<f7>"), KEYC_F1 + 6);
	ck_assert_int_eq(key("<Return>"), KEYC_ENTER);
}
END_TEST

START_TEST(character_keys_round_trip)
{
	static const char *const chars[] = {
		"j", "G", "/", "?", ":", "<", ">", "^", "#", "\"", "\\", "[", "]", "~",
		"é", "€", "ß", "漢", "😀",
	};
	char name[32];

	for (size_t i = 0; i < ARRAY_SIZE(chars); i++) {
		int k = key(chars[i]);

		key_format(k, name, sizeof(name));
		ck_assert_str_eq(name, chars[i]);
	}
	ck_assert_int_eq(key("j"), 'j');
	ck_assert_int_eq(key("é"), 0xe9);
	ck_assert_int_eq(key("😀"), 0x1f600);
	ck_assert_int_eq(key(" "), KEYC_SPACE);
	/* Every printable code point reads back as itself. */
	for (int cp = 0x21; cp <= 0x10ffff; cp++) {
		int k = -1;

		if (cp == 0x7f)
			cp = 0xa0;
		if (cp == 0xd800)
			cp = 0xe000;
		key_format(cp, name, sizeof(name));
		ck_assert_msg(key_parse(name, &k) && k == cp, "U+%04X", (unsigned)cp);
	}
}
END_TEST

START_TEST(control_keys)
{
	char name[32];

	ck_assert_int_eq(key("^L"), 12);
	ck_assert_int_eq(key("^l"), 12);
	ck_assert_int_eq(key("^F"), 6);
	ck_assert_int_eq(key("^@"), 0);
	key_format(12, name, sizeof(name));
	ck_assert_str_eq(name, "^L");
	key_format(2, name, sizeof(name));
	ck_assert_str_eq(name, "^B");
	/* What the terminal really delivers for these. */
	ck_assert_int_eq(key("^I"), KEYC_TAB);
	ck_assert_int_eq(key("^M"), KEYC_ENTER);
	ck_assert_int_eq(key("^J"), KEYC_ENTER);
	ck_assert_int_eq(key("^["), KEYC_ESC);
	ck_assert_int_eq(key("^H"), KEYC_BACKSPACE);
	ck_assert_int_eq(key("^?"), KEYC_BACKSPACE);
	/* Every control code has a name that reads back to the key it arrives as. */
	for (int k = 0; k < 32; k++) {
		int back;

		key_format(k, name, sizeof(name));
		back = key(name);
		if (k == 8 || k == 10)
			ck_assert_int_eq(back, k == 8 ? KEYC_BACKSPACE : KEYC_ENTER);
		else
			ck_assert_int_eq(back, k);
	}
	key_format(127, name, sizeof(name));
	ck_assert_str_eq(name, "<Backspace>");
}
END_TEST

START_TEST(bad_keys)
{
	static const char *const bad[] = {
		"", "jj", "<Foo>", "<F0>", "<F13>", "<F01>", "<>", "<Up", "^1", "^ab", "^é",
		"\t", "\x1b", "\x7f", "\xff", "\xc3", "\xed\xa0\x80", "\xc0\xaf", "\xc2\x9b",
		"<Resize>",
	};
	char name[32];
	int k = 12345;

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		ck_assert_msg(!key_parse(bad[i], &k), "parsed \"%s\"", bad[i]);
	ck_assert_int_eq(k, 12345);
	ck_assert(!key_parse(NULL, &k));
	/* Lone '^' and '<' are the characters themselves. */
	ck_assert_int_eq(key("^"), '^');
	ck_assert_int_eq(key("<"), '<');
	key_format(KEYC_RESIZE, name, sizeof(name));
	ck_assert_str_eq(name, "<Resize>");
	key_format(-5, name, sizeof(name));
	ck_assert_str_eq(name, "<?>");
	key_format(0xd800, name, sizeof(name));
	ck_assert_str_eq(name, "<?>");
}
END_TEST

START_TEST(key_format_small_buffer)
{
	char name[4] = "xyz";

	key_format(KEYC_PAGEDOWN, name, 3);
	ck_assert_str_eq(name, "<P");
	key_format('j', name, 0);
	ck_assert_str_eq(name, "<P");
	key_format(0x1f600, name, 2);
	ck_assert_uint_le(strlen(name), 1);
}
END_TEST

/* --- defaults ------------------------------------------------------------------------------- */

/* The default bindings as the console's documentation promises them. */
static const struct {
	enum menu menu;
	const char *key;
	enum action action;
} default_keys[] = {
	{ MENU_GENERIC, "j", ACTION_MOVE_DOWN }, { MENU_GENERIC, "<Down>", ACTION_MOVE_DOWN },
	{ MENU_GENERIC, "k", ACTION_MOVE_UP }, { MENU_GENERIC, "<Up>", ACTION_MOVE_UP },
	{ MENU_GENERIC, "<PageDown>", ACTION_PAGE_DOWN }, { MENU_GENERIC, "^F", ACTION_PAGE_DOWN },
	{ MENU_GENERIC, "<PageUp>", ACTION_PAGE_UP }, { MENU_GENERIC, "^B", ACTION_PAGE_UP },
	{ MENU_GENERIC, "g", ACTION_FIRST }, { MENU_GENERIC, "<Home>", ACTION_FIRST },
	{ MENU_GENERIC, "G", ACTION_LAST }, { MENU_GENERIC, "<End>", ACTION_LAST },
	{ MENU_GENERIC, "<Esc>", ACTION_BACK },
	{ MENU_GENERIC, "1", ACTION_QUEUE_NEW }, { MENU_GENERIC, "2", ACTION_QUEUE_DUPLICATES },
	{ MENU_GENERIC, "3", ACTION_QUEUE_FLAGS }, { MENU_GENERIC, "4", ACTION_TIMELINE },
	{ MENU_GENERIC, "5", ACTION_QUEUE_INBOX }, { MENU_GENERIC, "6", ACTION_QUEUE_UNTOLD },
	{ MENU_GENERIC, "u", ACTION_UNDO },
	{ MENU_GENERIC, "]", ACTION_NEXT_QUEUE }, { MENU_GENERIC, "[", ACTION_PREV_QUEUE },
	{ MENU_GENERIC, "/", ACTION_SEARCH }, { MENU_GENERIC, "n", ACTION_SEARCH_NEXT },
	{ MENU_GENERIC, "N", ACTION_SEARCH_PREV }, { MENU_GENERIC, ":", ACTION_COMMAND },
	{ MENU_GENERIC, "^L", ACTION_REFRESH }, { MENU_GENERIC, "?", ACTION_HELP },
	{ MENU_GENERIC, "q", ACTION_QUIT },
	{ MENU_QUEUE, "<Tab>", ACTION_NEXT_PANE }, { MENU_QUEUE, "<Enter>", ACTION_OPEN },
	{ MENU_QUEUE, "J", ACTION_DETAIL_DOWN }, { MENU_QUEUE, "K", ACTION_DETAIL_UP },
	{ MENU_QUEUE, "a", ACTION_AUTHOR }, { MENU_QUEUE, "f", ACTION_FILTER },
	{ MENU_QUEUE, "t", ACTION_TAG }, { MENU_QUEUE, "<Space>", ACTION_TAG },
	{ MENU_QUEUE, ";", ACTION_TAG_PREFIX }, { MENU_QUEUE, "T", ACTION_UNTAG_ALL },
	{ MENU_QUEUE, "m", ACTION_MERGE }, { MENU_QUEUE, "x", ACTION_NOT_DUPLICATE },
	{ MENU_QUEUE, "D", ACTION_ASSIGN }, { MENU_QUEUE, "s", ACTION_SET_STATUS },
	{ MENU_QUEUE, "r", ACTION_REPLY }, { MENU_QUEUE, "c", ACTION_CONFIRM_FLAG },
	{ MENU_QUEUE, "d", ACTION_DISMISS_FLAG }, { MENU_QUEUE, "B", ACTION_BLOCK },
	{ MENU_TIMELINE, "s", ACTION_SET_PHASE }, { MENU_TIMELINE, "<Enter>", ACTION_SET_PHASE },
	{ MENU_TIMELINE, "e", ACTION_EDIT_PHASE }, { MENU_TIMELINE, "a", ACTION_ADD_PHASE },
	{ MENU_TIMELINE, "x", ACTION_REMOVE_PHASE },
	{ MENU_PAGER, "q", ACTION_BACK }, { MENU_PAGER, "<Space>", ACTION_PAGE_DOWN },
	{ MENU_PAGER, "b", ACTION_PAGE_UP },
};

START_TEST(default_bindings)
{
	struct config c;
	int total = 0;

	config_init(&c);
	ck_assert_int_eq(c.nerrors, 0);
	for (size_t i = 0; i < ARRAY_SIZE(default_keys); i++)
		ck_assert_msg(config_key_action(&c, default_keys[i].menu, key(default_keys[i].key)) ==
			      default_keys[i].action, "%s in %s", default_keys[i].key,
			      menu_name(default_keys[i].menu));
	/* Nothing beyond the list. */
	for (int m = 0; m < MENU_COUNT; m++)
		total += c.keys[m].n;
	ck_assert_int_eq(total, (int)ARRAY_SIZE(default_keys));
	/* The generic menu is the fallback; a menu's own binding wins. */
	ck_assert_int_eq(config_key_action(&c, MENU_QUEUE, 'j'), ACTION_MOVE_DOWN);
	ck_assert_int_eq(config_key_action(&c, MENU_PAGER, 'j'), ACTION_MOVE_DOWN);
	ck_assert_int_eq(config_key_action(&c, MENU_PAGER, 'q'), ACTION_BACK);
	ck_assert_int_eq(config_key_action(&c, MENU_QUEUE, 'q'), ACTION_QUIT);
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, 'q'), ACTION_QUIT);
	ck_assert_int_eq(config_key_action(&c, MENU_PAGER, KEYC_TAB), ACTION_NONE);
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, 'J'), ACTION_NONE);
	ck_assert_int_eq(config_key_action(&c, MENU_PAGER, 'x'), ACTION_NONE);
	ck_assert_int_eq(config_key_action(&c, MENU_PROMPT, 'j'), ACTION_NONE);
	config_free(&c);
}
END_TEST

START_TEST(every_action_has_a_default_key)
{
	struct config c;
	int keys[8];

	config_init(&c);
	for (int a = 1; a < ACTION_COUNT; a++) {
		int n = 0;

		for (int m = 0; m < MENU_COUNT; m++)
			n += config_action_keys(&c, (enum menu)m, (enum action)a, keys, 8);
		ck_assert_msg(n > 0, "no default key for %s", action_info((enum action)a)->name);
	}
	config_free(&c);
}
END_TEST

START_TEST(action_keys_in_binding_order)
{
	struct config c;
	int keys[8];

	config_init(&c);
	ck_assert_int_eq(config_action_keys(&c, MENU_GENERIC, ACTION_MOVE_DOWN, keys, 8), 2);
	ck_assert_int_eq(keys[0], 'j');
	ck_assert_int_eq(keys[1], KEYC_DOWN);
	ck_assert_int_eq(config_action_keys(&c, MENU_GENERIC, ACTION_MOVE_DOWN, keys, 1), 1);
	/* Not counting generic. */
	ck_assert_int_eq(config_action_keys(&c, MENU_QUEUE, ACTION_MOVE_DOWN, keys, 8), 0);
	ck_assert_int_eq(config_action_keys(&c, MENU_PAGER, ACTION_BACK, keys, 8), 1);
	ck_assert_int_eq(keys[0], 'q');
	config_free(&c);
}
END_TEST

START_TEST(default_options)
{
	struct config c;
	enum option o;

	config_init(&c);
	ck_assert_str_eq(cfg_str(&c, OPT_THEME), "default");
	ck_assert_int_eq(cfg_int(&c, OPT_SPLIT_MIN_WIDTH), 110);
	ck_assert_int_eq(cfg_int(&c, OPT_LIST_RATIO), 50);
	ck_assert_double_eq(cfg_double(&c, OPT_FLAG_THRESHOLD), 0.5);
	ck_assert_str_eq(cfg_str(&c, OPT_TIME_FORMAT), "%d-%m-%Y %H:%M");
	ck_assert(cfg_bool(&c, OPT_WRAP_SEARCH));
	ck_assert(option_by_name("list-ratio", &o));
	ck_assert_int_eq(o, OPT_LIST_RATIO);
	ck_assert_int_eq(option_type(o), OPTT_INT);
	ck_assert_str_eq(option_name(OPT_WRAP_SEARCH), "wrap-search");
	ck_assert_int_eq(option_type(OPT_WRAP_SEARCH), OPTT_BOOL);
	ck_assert(option_help(OPT_THEME)[0] != '\0');
	ck_assert(!option_by_name("list_ratio", &o));
	config_free(&c);
}
END_TEST

/* --- set, bind, unbind ---------------------------------------------------------------------- */

START_TEST(api_departments)
{
	struct config c;

	config_init(&c);
	line_ok(&c, "api-department mobiliteit lotte@example.be \"Mobiliteit en verkeer\"");
	line_ok(&c, "api-department groen 0d3c1e2a-5b6c-4d7e-8f90-a1b2c3d4e5f6");
	ck_assert_int_eq(c.napi_departments, 2);
	ck_assert_str_eq(c.api_departments[0].code, "mobiliteit");
	ck_assert_str_eq(c.api_departments[0].user, "lotte@example.be");
	ck_assert_str_eq(c.api_departments[0].title, "Mobiliteit en verkeer");
	/* Without a title the code names it. */
	ck_assert_str_eq(c.api_departments[1].title, "groen");
	/* A code given again redefines that department. */
	line_ok(&c, "api-department mobiliteit jan@example.be Mobiliteit");
	ck_assert_int_eq(c.napi_departments, 2);
	ck_assert_str_eq(c.api_departments[0].user, "jan@example.be");
	ck_assert_str_eq(c.api_departments[0].title, "Mobiliteit");
	ck_assert(strstr(line_error(&c, "api-department Mobiliteit jan@example.be"), "lower-case"));
	ck_assert(strstr(line_error(&c, "api-department mobiliteit"), "api-department CODE USER"));
	ck_assert_int_eq(c.napi_departments, 2);
	/* Profiles: a platform by name, with an extra CA file relative to the config file. */
	line_ok(&c, "api-profile gemeente https://participatie.gemeente.be certs/ca.pem");
	ck_assert_str_eq(config_api_profile(&c, "gemeente")->url, "https://participatie.gemeente.be");
	ck_assert_str_eq(config_api_profile(&c, "gemeente")->ca_file, "certs/ca.pem");
	line_ok(&c, "api-profile gemeente https://inspraak.gemeente.be");
	ck_assert_int_eq(c.napi_profiles, 1);
	ck_assert_ptr_null(config_api_profile(&c, "gemeente")->ca_file);
	ck_assert_ptr_null(config_api_profile(&c, "elders"));
	ck_assert(strstr(line_error(&c, "api-profile gemeente http://plain.example"), "https://"));
	ck_assert(strstr(line_error(&c, "api-profile https://x.example https://x.example"), "not an address"));
	config_free(&c);
}
END_TEST

START_TEST(set_options)
{
	struct config c;

	config_init(&c);
	line_ok(&c, "set list-ratio 60");
	ck_assert_int_eq(cfg_int(&c, OPT_LIST_RATIO), 60);
	line_ok(&c, "set split-min-width 0");
	ck_assert_int_eq(cfg_int(&c, OPT_SPLIT_MIN_WIDTH), 0);
	line_ok(&c, "set flag-threshold 0.25");
	ck_assert_double_eq(cfg_double(&c, OPT_FLAG_THRESHOLD), 0.25);
	line_ok(&c, "set flag-threshold 1");
	ck_assert_double_eq(cfg_double(&c, OPT_FLAG_THRESHOLD), 1.0);
	for (int i = 0; i < 2; i++) {
		static const char *const no[] = { "no", "false", "off", "OFF" };
		static const char *const yes[] = { "yes", "true", "on", "Yes" };

		for (size_t j = 0; j < ARRAY_SIZE(no); j++) {
			char *line = xasprintf("set wrap-search %s", i ? yes[j] : no[j]);

			line_ok(&c, line);
			ck_assert_int_eq(cfg_bool(&c, OPT_WRAP_SEARCH), i == 1);
			free(line);
		}
	}
	line_ok(&c, "set time-format \"%H:%M on %d/%m\"");
	ck_assert_str_eq(cfg_str(&c, OPT_TIME_FORMAT), "%H:%M on %d/%m");
	line_ok(&c, "set time-format \"\"");
	ck_assert_str_eq(cfg_str(&c, OPT_TIME_FORMAT), "");
	line_ok(&c, "\tset\tlist-ratio\t50   # half and half");
	ck_assert_int_eq(cfg_int(&c, OPT_LIST_RATIO), 50);
	/* Errors keep the old value. */
	line_error(&c, "set list-ratio 95");
	line_error(&c, "set list-ratio fifty");
	ck_assert_int_eq(cfg_int(&c, OPT_LIST_RATIO), 50);
	line_error(&c, "set flag-threshold nan");
	ck_assert_double_eq(cfg_double(&c, OPT_FLAG_THRESHOLD), 1.0);
	config_free(&c);
}
END_TEST

/* The file means the same in every locale: 0.5 is not 0,5 for a nl_BE user. */
START_TEST(numbers_ignore_the_locale)
{
	static const char *const comma[] = { "nl_BE.UTF-8", "nl_BE.utf8", "de_DE.UTF-8",
					     "fr_BE.UTF-8" };
	const char *set = NULL;
	struct config c;

	for (size_t i = 0; i < ARRAY_SIZE(comma) && !set; i++)
		set = setlocale(LC_NUMERIC, comma[i]);
	config_init(&c);
	ck_assert_double_eq(cfg_double(&c, OPT_FLAG_THRESHOLD), 0.5);
	line_ok(&c, "set flag-threshold 0.75");
	ck_assert_double_eq(cfg_double(&c, OPT_FLAG_THRESHOLD), 0.75);
	if (set)
		line_error(&c, "set flag-threshold 0,5");
	setlocale(LC_NUMERIC, "C");
	config_free(&c);
}
END_TEST

START_TEST(bind_and_unbind)
{
	struct config c;
	struct err e;
	int n;

	config_init(&c);
	line_ok(&c, "bind queue x author");
	ck_assert_int_eq(config_key_action(&c, MENU_QUEUE, 'x'), ACTION_AUTHOR);
	ck_assert_int_eq(config_key_action(&c, MENU_PAGER, 'x'), ACTION_NONE);
	/* A menu's own binding hides the generic one only in that menu. */
	line_ok(&c, "bind queue j detail-down");
	ck_assert_int_eq(config_key_action(&c, MENU_QUEUE, 'j'), ACTION_DETAIL_DOWN);
	ck_assert_int_eq(config_key_action(&c, MENU_PAGER, 'j'), ACTION_MOVE_DOWN);
	/* Binding a bound key replaces it. */
	n = c.keys[MENU_GENERIC].n;
	line_ok(&c, "bind generic q help");
	ck_assert_int_eq(c.keys[MENU_GENERIC].n, n);
	ck_assert_int_eq(config_key_action(&c, MENU_QUEUE, 'q'), ACTION_HELP);
	/* Generic actions go anywhere; the pager may bind back. */
	line_ok(&c, "bind pager <F5> refresh");
	ck_assert_int_eq(config_key_action(&c, MENU_PAGER, KEYC_F1 + 4), ACTION_REFRESH);
	line_ok(&c, "bind generic ^G first");
	ck_assert_int_eq(config_key_action(&c, MENU_QUEUE, 7), ACTION_FIRST);
	/* unbind removes, and the fallback shows through again. */
	line_ok(&c, "unbind queue j");
	ck_assert_int_eq(config_key_action(&c, MENU_QUEUE, 'j'), ACTION_MOVE_DOWN);
	line_ok(&c, "unbind generic q");
	ck_assert_int_eq(config_key_action(&c, MENU_QUEUE, 'q'), ACTION_NONE);
	ck_assert_int_eq(config_key_action(&c, MENU_PAGER, 'q'), ACTION_BACK);
	ck_assert_int_eq(c.keys[MENU_GENERIC].n, n); /* ^G added, q gone */
	/* The keys after an unbound one keep their order. */
	line_ok(&c, "unbind generic j");
	{
		int keys[4];

		ck_assert_int_eq(config_action_keys(&c, MENU_GENERIC, ACTION_MOVE_DOWN, keys, 4), 1);
		ck_assert_int_eq(keys[0], KEYC_DOWN);
		ck_assert_int_eq(config_action_keys(&c, MENU_GENERIC, ACTION_MOVE_UP, keys, 4), 2);
		ck_assert_int_eq(keys[0], 'k');
	}
	/* Errors at the prompt are returned, not collected. */
	ck_assert_int_eq(config_exec(&c, "unbind queue q", ":", 1, &e), ST_INVALID);
	ck_assert_str_eq(e.msg, "q is not bound in the queue menu");
	ck_assert_int_eq(c.nerrors, 0);
	ck_assert_int_eq(config_exec(&c, "unbind pager k", ":", 1, &e), ST_INVALID);
	ck_assert_str_eq(e.msg, "k is not bound in the pager menu; its binding comes from the "
			 "generic menu (unbind generic k)");
	config_free(&c);
}
END_TEST

START_TEST(keymap_has_a_limit)
{
	struct config c;
	char *msg = NULL;
	int i;

	config_init(&c);
	for (i = 0; i < KEYMAP_MAX + 1; i++) {
		char u[8];
		char *line;
		struct err e;

		/* CJK ideographs: distinct printable keys. */
		snprintf(u, sizeof(u), "\xe4%c%c", (char)(0x80 + i / 64), (char)(0x80 + i % 64));
		line = xasprintf("bind pager %s help", u);
		if (config_exec(&c, line, "config", 3, &e) != ST_OK) {
			msg = xstrdup(e.msg);
			free(line);
			break;
		}
		free(line);
	}
	ck_assert_int_eq(c.keys[MENU_PAGER].n, KEYMAP_MAX);
	ck_assert_int_eq(i, KEYMAP_MAX - 3);
	ck_assert_ptr_nonnull(msg);
	ck_assert_str_eq(msg, "config:3: too many keys bound in the pager menu (at most 256)");
	free(msg);
	config_free(&c);
}
END_TEST

/* --- errors --------------------------------------------------------------------------------- */

START_TEST(error_messages)
{
	static const struct {
		const char *line, *msg;
	} cases[] = {
		{ "frob x", "unknown command \"frob\" (use set, bind, unbind, color or source)" },
		{ "Set theme mono", "unknown command \"Set\" (use set, bind, unbind, color or source)" },
		{ "set colour red", "unknown option \"colour\" (see inspraak-config(5) for the list)" },
		{ "bind queue m mrege",
		  "unknown action \"mrege\" (see inspraak --help or ? in the console)" },
		{ "bind list j move-down",
		  "unknown menu \"list\" (menus are generic, queue and pager)" },
		{ "bind prompt ^A first",
		  "the keys of the prompt cannot be bound (menus are generic, queue and pager)" },
		{ "unbind nowhere j", "unknown menu \"nowhere\" (menus are generic, queue and pager)" },
		{ "bind generic <PgDn> page-down",
		  "unknown key \"<PgDn>\" (write a character, ^X for a control key, or a name like "
		  "<PageDown>)" },
		{ "unbind generic jk",
		  "unknown key \"jk\" (write a character, ^X for a control key, or a name like "
		  "<PageDown>)" },
		{ "bind generic <Tab> next-pane",
		  "action next-pane cannot be bound in the generic menu, only in: queue" },
		{ "bind pager J detail-down",
		  "action detail-down cannot be bound in the pager menu, only in: queue" },
		{ "color selectd black cyan",
		  "unknown colour slot \"selectd\" (see inspraak-config(5) for the list)" },
		{ "color selected black cyaan",
		  "unknown colour \"cyaan\" (use default, a name like red or brightblue, or color0 to "
		  "color255)" },
		{ "color selected color256 cyan",
		  "unknown colour \"color256\" (use default, a name like red or brightblue, or color0 "
		  "to color255)" },
		{ "color selected black cyan blink",
		  "unknown attribute \"blink\" (use bold, underline, reverse, dim, italic, standout "
		  "or none)" },
		{ "set", "missing argument: write set OPTION VALUE" },
		{ "set theme", "missing argument: write set OPTION VALUE" },
		{ "bind generic j", "missing argument: write bind MENU KEY ACTION" },
		{ "unbind generic", "missing argument: write unbind MENU KEY" },
		{ "color normal red", "missing argument: write color SLOT FG BG [ATTR...]" },
		{ "source", "missing argument: write source FILE" },
		{ "set list-ratio 50 60", "too many arguments: write set OPTION VALUE" },
		{ "bind generic j move-down now", "too many arguments: write bind MENU KEY ACTION" },
		{ "set split-min-width wide",
		  "option split-min-width needs a whole number, not \"wide\"" },
		{ "set list-ratio 4.5", "option list-ratio needs a whole number, not \"4.5\"" },
		{ "set list-ratio 99999999999999999999999",
		  "option list-ratio needs a whole number, not \"99999999999999999999999\"" },
		{ "set list-ratio 95", "option list-ratio must be between 20 and 80, not 95" },
		{ "set split-min-width -1",
		  "option split-min-width must be between 0 and 10000, not -1" },
		{ "set flag-threshold half",
		  "option flag-threshold needs a number like 0.5, not \"half\"" },
		{ "set flag-threshold inf", "option flag-threshold needs a number like 0.5, not \"inf\"" },
		{ "set flag-threshold 1.5", "option flag-threshold must be between 0 and 1, not 1.5" },
		{ "set wrap-search maybe", "option wrap-search needs yes or no, not \"maybe\"" },
		{ "set theme ../etc/passwd",
		  "theme names are plain names like dark, not \"../etc/passwd\"" },
		{ "bind generic \"q help", "missing closing quote" },
		{ "set time-format \"%H\"x", "text right after a closing quote; put a space between words" },
		{ "set time-format \"a\\tb\"",
		  "unknown escape \\t in quotes (only \\\" and \\\\ are escapes)" },
		{ "set time-format \"a\\éb\"",
		  "unknown escape \\é in quotes (only \\\" and \\\\ are escapes)" },
		{ "bind generic # help", "missing argument: write bind MENU KEY ACTION" },
		{ "set list-ratio 50#x", "option list-ratio needs a whole number, not \"50#x\"" },
		{ "color a b c d e f g h i j k l m n o p q", "too many words on one line (at most 16)" },
		{ "bind generic \x1b[2J help",
		  "line contains the control character U+001B; write control keys as ^X" },
		{ "bind generic \xc3 help",
		  "line is not valid UTF-8 (at byte 14); save the file as UTF-8" },
	};
	struct config c;

	config_init(&c);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		ck_assert_str_eq(line_error(&c, cases[i].line), cases[i].msg);
	/* None of those touched the bindings or the options. */
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, 'j'), ACTION_MOVE_DOWN);
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, 'q'), ACTION_QUIT);
	ck_assert_int_eq(cfg_int(&c, OPT_LIST_RATIO), 50);
	ck_assert_str_eq(cfg_str(&c, OPT_THEME), "default");
	ck_assert_int_eq(c.nerrors, 0);
	config_free(&c);
}
END_TEST

START_TEST(long_words_are_cut_in_messages)
{
	struct config c;
	char line[600];
	const char *msg;

	config_init(&c);
	snprintf(line, sizeof(line), "bind generic j %0500d", 7);
	msg = line_error(&c, line);
	ck_assert(str_starts(msg, "unknown action \"0000"));
	ck_assert_ptr_nonnull(strstr(msg, "\xe2\x80\xa6\" (see"));
	ck_assert_uint_lt(strlen(msg), 200);
	config_free(&c);
}
END_TEST

START_TEST(prompt_messages_are_unlabelled)
{
	struct config c;
	struct err e;

	config_init(&c);
	ck_assert_int_eq(config_exec(&c, "set wrap-search maybe", ":", 1, &e), ST_INVALID);
	ck_assert_str_eq(e.msg, "option wrap-search needs yes or no, not \"maybe\"");
	ck_assert_int_eq(config_exec(&c, "frob", NULL, 0, &e), ST_INVALID);
	ck_assert(str_starts(e.msg, "unknown command"));
	ck_assert_int_eq(config_exec(&c, "set wrap-search off", ":", 1, &e), ST_OK);
	ck_assert_str_eq(e.msg, "");
	ck_assert(!cfg_bool(&c, OPT_WRAP_SEARCH));
	/* Comments and blank lines. */
	ck_assert_int_eq(config_exec(&c, "", ":", 1, &e), ST_OK);
	ck_assert_int_eq(config_exec(&c, "   \t ", ":", 1, &e), ST_OK);
	ck_assert_int_eq(config_exec(&c, "# bind generic j quit", ":", 1, &e), ST_OK);
	ck_assert_int_eq(config_exec(&c, "   # indented", ":", 1, &e), ST_OK);
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, 'j'), ACTION_MOVE_DOWN);
	ck_assert_int_eq(c.nerrors, 0);
	config_free(&c);
}
END_TEST

START_TEST(quoting)
{
	struct config c;

	config_init(&c);
	line_ok(&c, "bind generic \"#\" help");
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, '#'), ACTION_HELP);
	line_ok(&c, "bind generic \" \" help");
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, KEYC_SPACE), ACTION_HELP);
	line_ok(&c, "bind generic \"\\\"\" help");
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, '"'), ACTION_HELP);
	line_ok(&c, "bind generic \"\\\\\" refresh");
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, '\\'), ACTION_REFRESH);
	/* Outside quotes a backslash is itself. */
	line_ok(&c, "bind generic \\ first");
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, '\\'), ACTION_FIRST);
	line_ok(&c, "set time-format \"a \\\"b\\\" \\\\ c # not a comment\"");
	ck_assert_str_eq(cfg_str(&c, OPT_TIME_FORMAT), "a \"b\" \\ c # not a comment");
	line_ok(&c, "\"set\" \"list-ratio\" \"33\"");
	ck_assert_int_eq(cfg_int(&c, OPT_LIST_RATIO), 33);
	line_ok(&c, "set time-format %H\"x\"");
	ck_assert_str_eq(cfg_str(&c, OPT_TIME_FORMAT), "%H\"x\"");
	config_free(&c);
}
END_TEST

/* --- files ---------------------------------------------------------------------------------- */

START_TEST(source_relative_paths)
{
	char *main_path, *sub_path, *expect;
	char cwd[4096];
	enum status st;
	struct config c;
	struct err e;

	main_path = write_text("conf/config",
			       "# main file\n"
			       "source keys/more.conf\n"
			       "bind generic z quit\n");
	sub_path = write_text("conf/keys/more.conf",
			      "bind generic x help\n"
			      "bind generic y mrege\n"
			      "source ../colors.conf\n");
	free(write_text("conf/colors.conf", "color error red default bold\n"));
	config_init(&c);
	ck_assert_int_eq(config_source(&c, main_path, &e), ST_INVALID);
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, 'x'), ACTION_HELP);
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, 'z'), ACTION_QUIT);
	ck_assert_int_eq(c.theme.slot[SLOT_ERROR].fg, 1);
	ck_assert_int_eq(c.nerrors, 1);
	expect = xasprintf("%s:2: unknown action \"mrege\" (see inspraak --help or ? in the "
			   "console)", sub_path);
	ck_assert_str_eq(e.msg, expect);
	ck_assert_str_eq(c.errors.s, expect);
	free(expect);
	/* At the prompt a relative path is relative to the working directory. */
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
	ck_assert_int_eq(chdir(tmpdir), 0);
	st = config_exec(&c, "source conf/colors.conf", ":", 1, &e);
	ck_assert_int_eq(chdir(cwd), 0);
	ck_assert_int_eq(st, ST_OK);
	free(main_path);
	free(sub_path);
	config_free(&c);
}
END_TEST

START_TEST(source_home_and_missing)
{
	struct config c;
	struct err e;
	char *expect;

	free(write_text("mine.conf", "bind queue v open\n"));
	setenv("HOME", tmpdir, 1);
	config_init(&c);
	ck_assert_int_eq(config_exec(&c, "source ~/mine.conf", ":", 1, &e), ST_OK);
	ck_assert_int_eq(config_key_action(&c, MENU_QUEUE, 'v'), ACTION_OPEN);
	/* A missing file: labelled with the line that named it. */
	ck_assert_int_eq(config_exec(&c, "source ~/nope.conf", "config", 7, &e), ST_NOT_FOUND);
	expect = xasprintf("config:7: cannot read %s/nope.conf: %s", tmpdir, strerror(ENOENT));
	ck_assert_str_eq(e.msg, expect);
	free(expect);
	/* A directory is not a file. */
	ck_assert_int_eq(config_exec(&c, "source /", ":", 1, &e), ST_FAIL);
	ck_assert(str_starts(e.msg, "cannot read /: "));
	ck_assert_int_eq(config_source(&c, "/nonexistent/inspraak.conf", &e), ST_NOT_FOUND);
	ck_assert(str_starts(e.msg, "cannot read /nonexistent/inspraak.conf: "));
	ck_assert_int_eq(c.nerrors, 1);
	config_free(&c);
}
END_TEST

START_TEST(source_loop_stops)
{
	struct config c;
	struct err e;
	char *path;

	path = write_text("loop.conf", "bind generic x help\nsource loop.conf\n");
	config_init(&c);
	ck_assert_int_eq(config_source(&c, path, &e), ST_INVALID);
	ck_assert_int_eq(c.nerrors, 1);
	ck_assert_ptr_nonnull(strstr(e.msg, "loop.conf:2: cannot source loop.conf: files source "
				    "each other more than 10 deep (does a file source itself?)"));
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, 'x'), ACTION_HELP);
	ck_assert_int_eq(c.depth, 0);
	free(path);
	/* Two files sourcing each other. */
	path = write_text("ping.conf", "source pong.conf\n");
	free(write_text("pong.conf", "source ping.conf\n"));
	ck_assert_int_eq(config_source(&c, path, &e), ST_INVALID);
	ck_assert_int_eq(c.nerrors, 2);
	ck_assert_int_eq(c.depth, 0);
	free(path);
	config_free(&c);
}
END_TEST

START_TEST(corrupt_file)
{
	static const char good1[] = "bind generic x help\r\n";
	static const char nul[] = "bind generic \0 help\n";
	static const char latin1[] = "# th\xe8me\n";
	static const char escape[] = "set time-format \x1b]0;pwned\x07\n";
	static const char good2[] = "set list-ratio 30\n";
	struct config c;
	struct sbuf b;
	struct err e;
	char *path;
	int lines = 0;

	sbuf_init(&b);
	sbuf_addn(&b, good1, sizeof(good1) - 1);
	sbuf_addn(&b, nul, sizeof(nul) - 1);
	sbuf_addn(&b, latin1, sizeof(latin1) - 1);
	sbuf_add(&b, "set time-format ");
	for (int i = 0; i < 100 * 1024; i++)
		sbuf_addc(&b, 'x');
	sbuf_addc(&b, '\n');
	sbuf_addn(&b, escape, sizeof(escape) - 1);
	sbuf_addn(&b, good2, sizeof(good2) - 1);
	path = write_file("corrupt.conf", b.s, b.len);
	sbuf_free(&b);
	config_init(&c);
	ck_assert_int_eq(config_source(&c, path, &e), ST_INVALID);
	ck_assert_int_eq(c.nerrors, 4);
	/* The lines around the bad ones took effect. */
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, 'x'), ACTION_HELP);
	ck_assert_int_eq(cfg_int(&c, OPT_LIST_RATIO), 30);
	ck_assert_str_eq(cfg_str(&c, OPT_TIME_FORMAT), "%d-%m-%Y %H:%M");
	ck_assert_ptr_nonnull(strstr(c.errors.s, "corrupt.conf:2: line contains a NUL byte"));
	ck_assert_ptr_nonnull(strstr(c.errors.s,
				     "corrupt.conf:3: line is not valid UTF-8 (at byte 5)"));
	ck_assert_ptr_nonnull(strstr(c.errors.s,
				     "corrupt.conf:4: line too long (102416 bytes; at most 4096)"));
	ck_assert_ptr_nonnull(strstr(c.errors.s,
				     "corrupt.conf:5: line contains the control character U+001B"));
	ck_assert(str_starts(e.msg, path));
	ck_assert_ptr_nonnull(strstr(e.msg, "NUL"));
	/* One message a line, and no byte of the file's escape sequences in them. */
	for (const char *p = c.errors.s; *p; p++) {
		ck_assert_int_ne(*p, '\x1b');
		lines += *p == '\n';
	}
	ck_assert_int_eq(lines + 1, c.nerrors);
	free(path);
	config_free(&c);
}
END_TEST

START_TEST(garbage_file)
{
	struct config c;
	struct err e;
	unsigned seed = 12345;
	char *buf = xmalloc(64 * 1024), *path;

	/* A deterministic stream of bytes, with some newlines so there are many lines. */
	for (size_t i = 0; i < 64 * 1024; i++) {
		seed = seed * 1103515245u + 12345u;
		buf[i] = (char)(seed >> 16);
	}
	path = write_file("garbage.conf", buf, 64 * 1024);
	config_init(&c);
	ck_assert_int_ne(config_source(&c, path, &e), ST_OK);
	ck_assert_int_eq(c.nerrors, 21);
	ck_assert_ptr_nonnull(strstr(c.errors.s, "garbage.conf: too many errors; the rest of the "
				    "file is skipped (is it a configuration file?)"));
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, 'j'), ACTION_MOVE_DOWN);
	free(path);
	config_free(&c);

	/* Too large to be a configuration file at all. */
	buf = xrealloc(buf, 2 * 1024 * 1024);
	memset(buf, '#', 2 * 1024 * 1024);
	path = write_file("huge.conf", buf, 2 * 1024 * 1024);
	config_init(&c);
	ck_assert_int_eq(config_source(&c, path, &e), ST_FAIL);
	ck_assert_int_eq(c.nerrors, 1);
	ck_assert_ptr_nonnull(strstr(e.msg, "larger than 1 MiB, so not a configuration file"));
	free(path);
	free(buf);
	config_free(&c);
}
END_TEST

START_TEST(load_user_config)
{
	struct config c;
	struct err e;
	char *path, *expect;

	/* Nothing there: not an error. */
	config_init(&c);
	ck_assert_int_eq(config_load_user(&c, &e), ST_OK);
	ck_assert_int_eq(c.nerrors, 0);
	ck_assert_str_eq(e.msg, "");
	config_free(&c);

	/* The XDG file. */
	free(write_text("inspraak/config", "bind generic x help\nset list-ratio 70\n"));
	config_init(&c);
	ck_assert_int_eq(config_load_user(&c, &e), ST_OK);
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, 'x'), ACTION_HELP);
	ck_assert_int_eq(cfg_int(&c, OPT_LIST_RATIO), 70);
	config_free(&c);

	/* $INSPRAAK_CONFIG wins over it. */
	path = write_text("other.conf", "bind generic y quit\nbind generic x frob\n");
	setenv("INSPRAAK_CONFIG", path, 1);
	config_init(&c);
	ck_assert_int_eq(config_load_user(&c, &e), ST_INVALID);
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, 'y'), ACTION_QUIT);
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, 'x'), ACTION_NONE);
	ck_assert_int_eq(cfg_int(&c, OPT_LIST_RATIO), 50);
	ck_assert_int_eq(c.nerrors, 1);
	expect = xasprintf("%s:2: unknown action \"frob\" (see inspraak --help or ? in the "
			   "console)", path);
	ck_assert_str_eq(e.msg, expect);
	free(expect);
	free(path);
	config_free(&c);

	/* ... and when it names a missing file, that is an error. */
	setenv("INSPRAAK_CONFIG", "/nonexistent/inspraak/config", 1);
	config_init(&c);
	ck_assert_int_eq(config_load_user(&c, &e), ST_NOT_FOUND);
	ck_assert_str_eq(e.msg, "cannot read /nonexistent/inspraak/config, named by "
			 "$INSPRAAK_CONFIG: no such file");
	ck_assert_int_eq(c.nerrors, 1);
	ck_assert_str_eq(c.errors.s, e.msg);
	config_free(&c);
}
END_TEST

/* --- themes --------------------------------------------------------------------------------- */

START_TEST(builtin_themes_set_every_slot)
{
	static const char *const names[] = { "default", "mono" };

	for (size_t n = 0; n < ARRAY_SIZE(names); n++) {
		const char *text = theme_builtin(names[n]);
		struct config c;
		char *copy, *line, *save;
		int lineno = 0;

		ck_assert_ptr_nonnull(text);
		config_init(&c);
		/* Values no theme line can produce, so each slot shows whether a line set it. */
		for (int i = 0; i < SLOT_COUNT; i++) {
			c.theme.slot[i].fg = 999;
			c.theme.slot[i].bg = 999;
		}
		copy = xstrdup(text);
		for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			struct err e;

			ck_assert_msg(config_exec(&c, line, names[n], ++lineno, &e) == ST_OK, "%s", e.msg);
			ck_assert_msg(line[0] == '#' || str_starts(line, "color "), "%s", line);
		}
		free(copy);
		for (int i = 0; i < SLOT_COUNT; i++)
			ck_assert_msg(c.theme.slot[i].fg != 999, "%s.theme leaves out %s", names[n],
				      theme_slot_name((enum theme_slot)i));
		if (n == 1)
			for (int i = 0; i < SLOT_COUNT; i++) {
				ck_assert_int_eq(c.theme.slot[i].fg, COLOR_DEFAULT);
				ck_assert_int_eq(c.theme.slot[i].bg, COLOR_DEFAULT);
			}
		config_free(&c);
	}
	ck_assert_ptr_null(theme_builtin("nope"));
	ck_assert_ptr_null(theme_builtin("../themes/default"));
	ck_assert_ptr_null(theme_builtin(""));
}
END_TEST

START_TEST(mono_keeps_state_visible)
{
	struct config c;
	struct err e;

	config_init(&c);
	ck_assert_int_eq(config_load_theme(&c, "mono", &e), ST_OK);
	ck_assert_int_eq(c.theme.slot[SLOT_SELECTED].attrs, ATTR_REVERSE);
	ck_assert(c.theme.slot[SLOT_TAB_ACTIVE].attrs != c.theme.slot[SLOT_TAB].attrs);
	ck_assert(c.theme.slot[SLOT_SELECTED_INACTIVE].attrs != 0);
	ck_assert(c.theme.slot[SLOT_SELECTED_INACTIVE].attrs != c.theme.slot[SLOT_SELECTED].attrs);
	ck_assert(c.theme.slot[SLOT_FLAG_HIGH].attrs & ATTR_BOLD);
	ck_assert(c.theme.slot[SLOT_ERROR].attrs & ATTR_BOLD);
	ck_assert(c.theme.slot[SLOT_DIFF].attrs & ATTR_UNDERLINE);
	ck_assert(c.theme.slot[SLOT_SEARCH_MATCH].attrs != 0);
	ck_assert(c.theme.slot[SLOT_STATUS_NEW].attrs != 0);
	ck_assert_int_eq(c.theme.slot[SLOT_NORMAL].attrs, 0);
	/* The option is the caller's business; set theme does both. */
	ck_assert_str_eq(cfg_str(&c, OPT_THEME), "default");
	line_ok(&c, "set theme mono");
	ck_assert_str_eq(cfg_str(&c, OPT_THEME), "mono");
	config_free(&c);
}
END_TEST

START_TEST(default_theme_colours)
{
	struct config c;

	config_init(&c);
	/* Plain text keeps the terminal's colours; the selection has colours of its own. */
	ck_assert_int_eq(c.theme.slot[SLOT_NORMAL].fg, COLOR_DEFAULT);
	ck_assert_int_eq(c.theme.slot[SLOT_NORMAL].bg, COLOR_DEFAULT);
	ck_assert_int_ne(c.theme.slot[SLOT_SELECTED].bg, COLOR_DEFAULT);
	ck_assert_int_ne(c.theme.slot[SLOT_SELECTED].bg, c.theme.slot[SLOT_SELECTED_INACTIVE].bg);
	ck_assert_int_ne(c.theme.slot[SLOT_TAB_ACTIVE].bg, c.theme.slot[SLOT_TAB].bg);
	ck_assert_int_ne(c.theme.slot[SLOT_FLAG_HIGH].fg, COLOR_DEFAULT);
	config_free(&c);
}
END_TEST

START_TEST(user_theme_overrides)
{
	struct config c;
	struct err e;
	char *expect;

	free(write_text("inspraak/themes/default.theme",
			"# mine\ncolor normal red blue\ncolor flag-high yellow default bold underline\n"));
	free(write_text("inspraak/themes/dark.theme", "color normal white black\nbind generic j quit\n"));
	config_init(&c);
	/* config_init reads no file. */
	ck_assert_int_eq(c.theme.slot[SLOT_NORMAL].fg, COLOR_DEFAULT);
	ck_assert_int_eq(config_load_theme(&c, "default", &e), ST_OK);
	ck_assert_int_eq(c.theme.slot[SLOT_NORMAL].fg, 1);
	ck_assert_int_eq(c.theme.slot[SLOT_NORMAL].bg, 4);
	ck_assert_int_eq(c.theme.slot[SLOT_FLAG_HIGH].fg, 3);
	ck_assert_int_eq(c.theme.slot[SLOT_FLAG_HIGH].attrs, ATTR_BOLD | ATTR_UNDERLINE);
	/* Reset before reading: what the file leaves out is plain, the selection reverse. */
	ck_assert_int_eq(c.theme.slot[SLOT_ERROR].fg, COLOR_DEFAULT);
	ck_assert_int_eq(c.theme.slot[SLOT_ERROR].attrs, 0);
	ck_assert_int_eq(c.theme.slot[SLOT_SELECTED].attrs, ATTR_REVERSE);
	ck_assert_int_eq(c.theme.slot[SLOT_SELECTED].bg, COLOR_DEFAULT);
	/* The built-in mono is still found where the user has none. */
	ck_assert_int_eq(config_load_theme(&c, "mono", &e), ST_OK);
	ck_assert_int_eq(c.theme.slot[SLOT_NORMAL].fg, COLOR_DEFAULT);
	/* A theme file holds only colours. */
	ck_assert_int_eq(config_exec(&c, "set theme dark", "config", 2, &e), ST_INVALID);
	expect = xasprintf("%s/inspraak/themes/dark.theme:2: a theme file holds only color lines, "
			   "not bind", tmpdir);
	ck_assert_str_eq(e.msg, expect);
	free(expect);
	ck_assert_str_eq(cfg_str(&c, OPT_THEME), "dark");
	ck_assert_int_eq(c.theme.slot[SLOT_NORMAL].fg, 7);
	ck_assert_int_eq(config_key_action(&c, MENU_GENERIC, 'j'), ACTION_MOVE_DOWN);
	/* An unknown theme changes nothing. */
	ck_assert_int_eq(config_exec(&c, "set theme nosuch", "config", 4, &e), ST_NOT_FOUND);
	expect = xasprintf("config:4: unknown theme \"nosuch\": no nosuch.theme in "
			   "%s/inspraak/themes or %s/themes", tmpdir, PKGDATADIR);
	ck_assert_str_eq(e.msg, expect);
	free(expect);
	ck_assert_str_eq(cfg_str(&c, OPT_THEME), "dark");
	ck_assert_int_eq(c.theme.slot[SLOT_NORMAL].fg, 7);
	ck_assert_int_eq(config_load_theme(&c, "", &e), ST_INVALID);
	config_free(&c);

	/* config_load_user picks up the user's default.theme without a set theme line, and a
	 * color line in the config adjusts it. */
	free(write_text("inspraak/config", "color error green default\n"));
	config_init(&c);
	ck_assert_int_eq(config_load_user(&c, &e), ST_OK);
	ck_assert_int_eq(c.theme.slot[SLOT_NORMAL].fg, 1);
	ck_assert_int_eq(c.theme.slot[SLOT_ERROR].fg, 2);
	config_free(&c);
}
END_TEST

START_TEST(strip_colors_keeps_attributes)
{
	struct config c;
	struct theme t;

	config_init(&c);
	t = c.theme;
	theme_strip_colors(&t);
	for (int i = 0; i < SLOT_COUNT; i++) {
		ck_assert_int_eq(t.slot[i].fg, COLOR_DEFAULT);
		ck_assert_int_eq(t.slot[i].bg, COLOR_DEFAULT);
		/* Every attribute stays. */
		ck_assert_uint_eq(t.slot[i].attrs & c.theme.slot[i].attrs, c.theme.slot[i].attrs);
	}
	ck_assert(t.slot[SLOT_ERROR].attrs & ATTR_BOLD);
	ck_assert(t.slot[SLOT_DIFF].attrs & ATTR_UNDERLINE);
	ck_assert(t.slot[SLOT_FLAG_HIGH].attrs & ATTR_BOLD);
	/* A slot that showed itself by its background now shows in reverse. */
	ck_assert_uint_eq(t.slot[SLOT_SELECTED].attrs, ATTR_REVERSE);
	ck_assert(t.slot[SLOT_SEARCH_MATCH].attrs & ATTR_REVERSE);
	ck_assert(t.slot[SLOT_TITLE_BAR].attrs & ATTR_REVERSE);
	/* ... but text with only a foreground colour does not. */
	ck_assert(!(t.slot[SLOT_LABEL].attrs & ATTR_REVERSE));
	ck_assert_uint_eq(t.slot[SLOT_NORMAL].attrs, 0);
	config_free(&c);

	/* A theme without colours is unchanged. */
	config_init(&c);
	line_ok(&c, "set theme mono");
	t = c.theme;
	theme_strip_colors(&t);
	ck_assert_mem_eq(&t, &c.theme, sizeof(t));
	config_free(&c);
}
END_TEST

START_TEST(colour_lines)
{
	struct config c;
	struct theme t;

	config_init(&c);
	line_ok(&c, "color score BrightMagenta color236 bold underline");
	ck_assert_int_eq(c.theme.slot[SLOT_SCORE].fg, 13);
	ck_assert_int_eq(c.theme.slot[SLOT_SCORE].bg, 236);
	ck_assert_uint_eq(c.theme.slot[SLOT_SCORE].attrs, ATTR_BOLD | ATTR_UNDERLINE);
	line_ok(&c, "color score default default none");
	ck_assert_int_eq(c.theme.slot[SLOT_SCORE].fg, COLOR_DEFAULT);
	ck_assert_uint_eq(c.theme.slot[SLOT_SCORE].attrs, 0);
	/* A background like normal's is no highlight; standout already shows one. */
	line_ok(&c, "color normal white black");
	line_ok(&c, "color label cyan black");
	line_ok(&c, "color hidden default blue standout");
	t = c.theme;
	theme_strip_colors(&t);
	ck_assert_uint_eq(t.slot[SLOT_LABEL].attrs, 0);
	ck_assert_uint_eq(t.slot[SLOT_HIDDEN].attrs, ATTR_STANDOUT);
	ck_assert_uint_eq(t.slot[SLOT_NORMAL].attrs, 0);
	config_free(&c);
}
END_TEST

START_TEST(colour_and_attribute_names)
{
	static const struct {
		const char *name;
		short color;
	} ok[] = {
		{ "default", COLOR_DEFAULT }, { "black", 0 }, { "red", 1 }, { "green", 2 },
		{ "yellow", 3 }, { "blue", 4 }, { "magenta", 5 }, { "cyan", 6 }, { "white", 7 },
		{ "brightblack", 8 }, { "brightred", 9 }, { "brightwhite", 15 }, { "Red", 1 },
		{ "color0", 0 }, { "color42", 42 }, { "color255", 255 }, { "COLOR7", 7 },
	};
	static const char *const bad[] = {
		"", "bright", "brightdefault", "color", "color256", "color-1", "color+1", "color 1",
		"color1x", "colorx", "42", "grey", "color0000",
	};
	struct theme t;
	enum theme_slot s;
	unsigned a;
	short col;

	for (size_t i = 0; i < ARRAY_SIZE(ok); i++) {
		col = 1234;
		ck_assert_msg(theme_color_parse(ok[i].name, &col), "%s", ok[i].name);
		ck_assert_int_eq(col, ok[i].color);
	}
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		ck_assert_msg(!theme_color_parse(bad[i], &col), "parsed %s", bad[i]);
	ck_assert(theme_attr_parse("bold", &a) && a == ATTR_BOLD);
	ck_assert(theme_attr_parse("Underline", &a) && a == ATTR_UNDERLINE);
	ck_assert(theme_attr_parse("reverse", &a) && a == ATTR_REVERSE);
	ck_assert(theme_attr_parse("dim", &a) && a == ATTR_DIM);
	ck_assert(theme_attr_parse("italic", &a) && a == ATTR_ITALIC);
	ck_assert(theme_attr_parse("standout", &a) && a == ATTR_STANDOUT);
	ck_assert(theme_attr_parse("none", &a) && a == 0);
	ck_assert(!theme_attr_parse("blink", &a));
	/* Slots: every name parses to itself, and each has a description. */
	for (int i = 0; i < SLOT_COUNT; i++) {
		ck_assert(theme_slot_parse(theme_slot_name((enum theme_slot)i), &s));
		ck_assert_int_eq(s, i);
		ck_assert(theme_slot_help((enum theme_slot)i)[0] != '\0');
	}
	ck_assert(!theme_slot_parse("Selected", &s));
	ck_assert_str_eq(theme_slot_name(SLOT_FLAG_HIGH), "flag-high");
	ck_assert_str_eq(theme_slot_name(SLOT_COUNT), "?");
	theme_reset(&t);
	for (int i = 0; i < SLOT_COUNT; i++) {
		ck_assert_int_eq(t.slot[i].fg, COLOR_DEFAULT);
		ck_assert_int_eq(t.slot[i].bg, COLOR_DEFAULT);
		ck_assert_uint_eq(t.slot[i].attrs, i == SLOT_SELECTED ? ATTR_REVERSE : 0u);
	}
}
END_TEST

/* --- the manual ----------------------------------------------------------------------------- */

/* docs/inspraak-config.5 spelled the roff way: hyphens escaped, a value with a space quoted. */
static char *roff(const char *s, bool quote)
{
	struct sbuf b;

	sbuf_init(&b);
	quote = quote && strchr(s, ' ');
	if (quote)
		sbuf_add(&b, "\"\"\"");
	for (; *s; s++)
		sbuf_add(&b, *s == '-' ? "\\-" : (char[]){ *s, 0 });
	if (quote)
		sbuf_add(&b, "\"\"\"");
	return sbuf_take(&b);
}

START_TEST(manual_matches_the_code)
{
	static const char *const types[] = { "integer", "number", "string", "boolean" };
	const char *srcdir = getenv("INSPRAAK_SRCDIR");
	char *dir, *path, *man, *want;
	struct config c;
	FILE *f;
	long n;

	/* make check names the source tree; run by hand, it is where this file is. */
	if (srcdir && *srcdir)
		dir = xstrdup(srcdir);
	else if (strstr(__FILE__, "tests/unit/"))
		dir = xstrndup(__FILE__, (size_t)(strstr(__FILE__, "tests/unit/") - __FILE__));
	else
		dir = xstrdup(".");
	path = xasprintf("%s%sdocs/inspraak-config.5", dir,
			 *dir && dir[strlen(dir) - 1] != '/' ? "/" : "");
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "%s", path);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	man = xmalloc((size_t)n + 1);
	ck_assert_uint_eq(fread(man, 1, (size_t)n, f), (size_t)n);
	man[n] = '\0';
	fclose(f);
	/* Every option with its type and default. */
	config_init(&c);
	for (int i = 0; i < OPT_COUNT; i++) {
		enum option o = (enum option)i;
		char *name = roff(option_name(o), false), *def;

		switch (option_type(o)) {
		case OPTT_INT:
			def = xasprintf("%ld", cfg_int(&c, o));
			break;
		case OPTT_DOUBLE:
			def = xasprintf("%g", cfg_double(&c, o));
			break;
		case OPTT_BOOL:
			def = xstrdup(cfg_bool(&c, o) ? "yes" : "no");
			break;
		default:
			def = roff(cfg_str(&c, o), true);
			break;
		}
		/* An empty default reads "default: empty". */
		if (*def)
			want = xasprintf(".BR %s \" (%s, default: \" %s )\n", name, types[option_type(o)], def);
		else
			want = xasprintf(".BR %s \" (%s, default: empty)\"\n", name, types[option_type(o)]);
		ck_assert_msg(strstr(man, want), "the manual lacks %s", want);
		free(want);
		free(name);
		free(def);
	}
	config_free(&c);
	/* Every colour slot with what it colours. */
	for (int i = 0; i < SLOT_COUNT; i++) {
		char *name = roff(theme_slot_name((enum theme_slot)i), false);

		want = xasprintf("\n.B %s\n%s\n", name, theme_slot_help((enum theme_slot)i));
		ck_assert_msg(strstr(man, want), "the manual lacks %s", want);
		free(want);
		free(name);
	}
	ck_assert_ptr_nonnull(strstr(man, "NO_COLOR"));
	free(man);
	free(path);
	free(dir);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("conf");
	TCase *keys = tcase_create("keys");
	TCase *defaults = tcase_create("defaults");
	TCase *lines = tcase_create("lines");
	TCase *files = tcase_create("files");
	TCase *themes = tcase_create("themes");

	tcase_add_test(keys, named_keys_round_trip);
	tcase_add_test(keys, character_keys_round_trip);
	tcase_add_test(keys, control_keys);
	tcase_add_test(keys, bad_keys);
	tcase_add_test(keys, key_format_small_buffer);
	suite_add_tcase(s, keys);

	tcase_add_checked_fixture(defaults, setup, teardown);
	tcase_add_test(defaults, default_bindings);
	tcase_add_test(defaults, every_action_has_a_default_key);
	tcase_add_test(defaults, action_keys_in_binding_order);
	tcase_add_test(defaults, default_options);
	suite_add_tcase(s, defaults);

	tcase_add_checked_fixture(lines, setup, teardown);
	tcase_add_test(lines, set_options);
	tcase_add_test(lines, api_departments);
	tcase_add_test(lines, numbers_ignore_the_locale);
	tcase_add_test(lines, bind_and_unbind);
	tcase_add_test(lines, keymap_has_a_limit);
	tcase_add_test(lines, error_messages);
	tcase_add_test(lines, long_words_are_cut_in_messages);
	tcase_add_test(lines, prompt_messages_are_unlabelled);
	tcase_add_test(lines, quoting);
	suite_add_tcase(s, lines);

	tcase_add_checked_fixture(files, setup, teardown);
	tcase_add_test(files, source_relative_paths);
	tcase_add_test(files, source_home_and_missing);
	tcase_add_test(files, source_loop_stops);
	tcase_add_test(files, corrupt_file);
	tcase_add_test(files, garbage_file);
	tcase_add_test(files, load_user_config);
	suite_add_tcase(s, files);

	tcase_add_checked_fixture(themes, setup, teardown);
	tcase_add_test(themes, builtin_themes_set_every_slot);
	tcase_add_test(themes, mono_keeps_state_visible);
	tcase_add_test(themes, default_theme_colours);
	tcase_add_test(themes, user_theme_overrides);
	tcase_add_test(themes, strip_colors_keeps_attributes);
	tcase_add_test(themes, colour_lines);
	tcase_add_test(themes, colour_and_attribute_names);
	tcase_add_test(themes, manual_matches_the_code);
	suite_add_tcase(s, themes);
	return s;
}

#include "tests/check_main.h"
