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
	MENU_TIMELINE,/* the projects' timelines */
	MENU_PROMPT,  /* the ':' and '/' line editor (not bindable, listed for completeness) */
	MENU_COUNT,
};

#define M_GENERIC (1u << MENU_GENERIC)
#define M_QUEUE (1u << MENU_QUEUE)
#define M_PAGER (1u << MENU_PAGER)
#define M_TIMELINE (1u << MENU_TIMELINE)

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
	X(TIMELINE, "timeline", N_("Show the projects and their phases on a timeline"), ROLE_SUPPORT, M_GENERIC) \
	X(QUEUE_INBOX, "queue-inbox", N_("Show the departments' inbox: assigned ideas being handled"), ROLE_SUPPORT, M_GENERIC) \
	X(QUEUE_UNTOLD, "queue-untold", N_("Show the ideas decided but not yet answered"), ROLE_SUPPORT, M_GENERIC) \
	X(NEXT_QUEUE, "next-queue", N_("Show the next queue"), ROLE_SUPPORT, M_GENERIC) \
	X(PREV_QUEUE, "previous-queue", N_("Show the previous queue"), ROLE_SUPPORT, M_GENERIC) \
	X(AUTHOR, "author", N_("Show the author's other contributions and past verdicts"), ROLE_SUPPORT, M_QUEUE) \
	X(SEARCH, "search", N_("Search the queue for a word"), ROLE_SUPPORT, M_GENERIC) \
	X(SEARCH_NEXT, "search-next", N_("Go to the next match of the search"), ROLE_SUPPORT, M_GENERIC) \
	X(SEARCH_PREV, "search-previous", N_("Go to the previous match of the search"), ROLE_SUPPORT, M_GENERIC) \
	X(FILTER, "filter", N_("Filter the queues by project, phase, area, department or status"), ROLE_SUPPORT, M_QUEUE) \
	X(TAG, "tag", N_("Tag or untag the item and go to the next one"), ROLE_SUPPORT, M_QUEUE) \
	X(TAG_PREFIX, "tag-prefix", N_("Apply the next action to every tagged item"), ROLE_SUPPORT, M_QUEUE) \
	X(UNTAG_ALL, "untag-all", N_("Untag every item of the queue"), ROLE_SUPPORT, M_QUEUE) \
	X(MERGE, "merge", N_("Merge duplicates: the pair, or the tagged ideas, with a preview"), ROLE_MODERATOR, M_QUEUE) \
	X(NOT_DUPLICATE, "not-duplicate", N_("Dismiss the suggestion: not a duplicate, never suggested again"), ROLE_MODERATOR, M_QUEUE) \
	X(ASSIGN, "assign-department", N_("Route the idea to a department, and optionally a person"), ROLE_MODERATOR, M_QUEUE) \
	X(SET_STATUS, "set-status", N_("Change the idea's status"), ROLE_MODERATOR, M_QUEUE) \
	X(REPLY, "reply", N_("Reply to the citizen in your editor, from a template, with a preview"), ROLE_MODERATOR, M_QUEUE) \
	X(CONFIRM_FLAG, "confirm-flag", N_("Confirm the flag: hide the item, with a reason its author sees"), ROLE_MODERATOR, M_QUEUE) \
	X(DISMISS_FLAG, "dismiss-flag", N_("Dismiss the flag: the item stays visible"), ROLE_MODERATOR, M_QUEUE) \
	X(BLOCK, "block-author", N_("Block the author for a while, optionally hiding all they posted"), ROLE_MODERATOR, M_QUEUE) \
	X(UNDO, "undo", N_("Undo the last action of this console"), ROLE_MODERATOR, M_GENERIC) \
	X(SET_PHASE, "set-phase", N_("Make this phase the current one: the running phase ends now"), ROLE_PROJECT_LEAD, M_TIMELINE) \
	X(EDIT_PHASE, "edit-phase", N_("Change the start and end of this phase"), ROLE_PROJECT_LEAD, M_TIMELINE) \
	X(ADD_PHASE, "add-phase", N_("Add a phase to this project"), ROLE_PROJECT_LEAD, M_TIMELINE) \
	X(REMOVE_PHASE, "remove-phase", N_("Remove this phase; its ideas stay"), ROLE_PROJECT_LEAD, M_TIMELINE) \
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
