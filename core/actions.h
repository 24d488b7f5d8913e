/* Every action of the console is declared once, here: the enum, the name users bind and
 * type at the ':' prompt, the help line, the role it needs and the menus it belongs to. The
 * help screen, the keymap parser, the man page's key table and the command line all read
 * this list; the default keys live in the compiled-in rc text (core/conf.c). */
#ifndef INSPRAAK_ACTIONS_H
#define INSPRAAK_ACTIONS_H

#include <stdbool.h>

#include "core/i18n.h"

/* Roles, from least to most: a role may use everything a lower one may. */
enum role {
	ROLE_SUPPORT,       /* read-mostly look-ups */
	ROLE_MODERATOR,
	ROLE_PROJECT_LEAD,
	ROLE_ADMIN,
};

/* Menus: where a key binding applies. "generic" bindings apply everywhere unless a more
 * specific menu binds the same key. */
enum menu {
	MENU_GENERIC,
	MENU_QUEUE,   /* a queue's list and detail panes */
	MENU_PAGER,   /* full-screen text views: help, an author's contributions */
	MENU_PROMPT,  /* the ':' and '/' line editor (not bindable, listed for completeness) */
	MENU_COUNT,
};

#define M_GENERIC (1u << MENU_GENERIC)
#define M_QUEUE (1u << MENU_QUEUE)
#define M_PAGER (1u << MENU_PAGER)

/* X(ID, name, help, role, menus) */
#define ACTIONS(X) \
	X(MOVE_DOWN, "move-down", N_("Move to the next item, or scroll down one line"), ROLE_SUPPORT, M_GENERIC) \
	X(MOVE_UP, "move-up", N_("Move to the previous item, or scroll up one line"), ROLE_SUPPORT, M_GENERIC) \
	X(PAGE_DOWN, "page-down", N_("Move one page down"), ROLE_SUPPORT, M_GENERIC) \
	X(PAGE_UP, "page-up", N_("Move one page up"), ROLE_SUPPORT, M_GENERIC) \
	X(FIRST, "first", N_("Go to the first item"), ROLE_SUPPORT, M_GENERIC) \
	X(LAST, "last", N_("Go to the last item"), ROLE_SUPPORT, M_GENERIC) \
	X(NEXT_PANE, "next-pane", N_("Switch between the list and the detail pane"), ROLE_SUPPORT, M_QUEUE) \
	X(OPEN, "open", N_("Read the selected item in the detail pane"), ROLE_SUPPORT, M_QUEUE) \
	X(BACK, "back", N_("Back to the list, or close this view"), ROLE_SUPPORT, M_GENERIC) \
	X(DETAIL_DOWN, "detail-down", N_("Scroll the detail pane down"), ROLE_SUPPORT, M_QUEUE) \
	X(DETAIL_UP, "detail-up", N_("Scroll the detail pane up"), ROLE_SUPPORT, M_QUEUE) \
	X(QUEUE_NEW, "queue-new", N_("Show the queue of new ideas"), ROLE_SUPPORT, M_GENERIC) \
	X(QUEUE_DUPLICATES, "queue-duplicates", N_("Show the queue of duplicate suggestions"), ROLE_SUPPORT, M_GENERIC) \
	X(QUEUE_FLAGS, "queue-flags", N_("Show the queue of spam and abuse flags"), ROLE_SUPPORT, M_GENERIC) \
	X(NEXT_QUEUE, "next-queue", N_("Show the next queue"), ROLE_SUPPORT, M_GENERIC) \
	X(PREV_QUEUE, "previous-queue", N_("Show the previous queue"), ROLE_SUPPORT, M_GENERIC) \
	X(AUTHOR, "author", N_("Show the author's other contributions and past verdicts"), ROLE_SUPPORT, M_QUEUE) \
	X(SEARCH, "search", N_("Search the queue for a word"), ROLE_SUPPORT, M_GENERIC) \
	X(SEARCH_NEXT, "search-next", N_("Go to the next match of the search"), ROLE_SUPPORT, M_GENERIC) \
	X(SEARCH_PREV, "search-previous", N_("Go to the previous match of the search"), ROLE_SUPPORT, M_GENERIC) \
	X(FILTER, "filter", N_("Filter the queues by project, phase, area, department or status"), ROLE_SUPPORT, M_QUEUE) \
	X(COMMAND, "command", N_("Enter a command"), ROLE_SUPPORT, M_GENERIC) \
	X(REFRESH, "refresh", N_("Reload the queue and redraw the screen"), ROLE_SUPPORT, M_GENERIC) \
	X(HELP, "help", N_("Show the keys and commands"), ROLE_SUPPORT, M_GENERIC) \
	X(QUIT, "quit", N_("Quit inspraak"), ROLE_SUPPORT, M_GENERIC)

enum action {
	ACTION_NONE = 0,
#define X(id, name, help, role, menus) ACTION_##id,
	ACTIONS(X)
#undef X
	ACTION_COUNT
};

struct action_info {
	enum action id;
	const char *name;
	const char *help;   /* untranslated; pass through gettext to show */
	enum role role;
	unsigned menus;
};

const struct action_info *action_info(enum action a);
/* By config name; ACTION_NONE when unknown. */
enum action action_by_name(const char *name);
const char *role_name(enum role r);
bool role_parse(const char *s, enum role *out);
const char *menu_name(enum menu m);
bool menu_parse(const char *s, enum menu *out);

#endif
