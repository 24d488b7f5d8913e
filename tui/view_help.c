/* The help screen, generated from the action list and the key bindings in force, so it can
 * never disagree with what the keys do. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/keys.h"
#include "tui/app.h"

static void keys_of(const struct config *c, enum menu m, enum action act, char *buf, size_t n)
{
	int keys[8];
	int k = config_action_keys(c, m, act, keys, 8);

	buf[0] = '\0';
	for (int i = 0; i < k; i++) {
		char name[32];

		key_format(keys[i], name, sizeof(name));
		if (strlen(buf) + strlen(name) + 2 >= n)
			break;
		if (i)
			strcat(buf, " ");
		strcat(buf, name);
	}
}

static void section(struct app *a, struct doc *out, enum menu m, const char *title)
{
	doc_newline(out);
	doc_newline(out);
	doc_add(out, SLOT_HEADER, title);
	for (int i = 1; i < ACTION_COUNT; i++) {
		const struct action_info *info = action_info((enum action)i);
		char keys[64];

		keys_of(a->cfg, m, info->id, keys, sizeof(keys));
		/* An action shows where it belongs, and wherever a key of this menu calls it. */
		if (!(info->menus & (1u << m)) && !keys[0])
			continue;
		doc_newline(out);
		doc_add(out, SLOT_NORMAL, "  ");
		doc_col(out, SLOT_HELP_KEY, keys[0] ? keys : "", 16, false);
		doc_add(out, SLOT_NORMAL, " ");
		doc_col(out, SLOT_DIM, info->name, 18, false);
		doc_add(out, SLOT_NORMAL, " ");
		doc_wrap(out, SLOT_NORMAL, _(info->help), 38);
	}
}

static const struct { const char *usage, *help; } commands[] = {
	{ "filter KEY=VALUE...", N_("Show only ideas of a project, phase, area, department (none: unassigned) or status") },
	{ "unfilter", N_("Show every queue in full again") },
	{ "queue NAME", N_("Show a queue: new, duplicates or flags") },
	{ "idea NUMBER", N_("Look up an idea by its number") },
	{ "user NUMBER", N_("Look up a user's contributions by their number") },
	{ "search TEXT", N_("Search the queue, as / does") },
	{ "set OPTION VALUE", N_("Change an option (see inspraak-config(5))") },
	{ "bind MENU KEY ACTION", N_("Bind a key, in menu generic, queue or pager") },
	{ "color SLOT FG BG [ATTR]", N_("Change a colour") },
	{ "source FILE", N_("Read commands from a file") },
	{ "ACTION", N_("Any action by its name, e.g. :queue-flags") },
	{ "quit", N_("Quit inspraak") },
};

void view_help_build(struct app *a, struct doc *out)
{
	doc_newline(out);
	doc_add(out, SLOT_IDEA_TITLE, _("inspraak: keys and commands"));
	doc_newline(out);
	doc_wrap(out, SLOT_DIM, _("Keys are set in ~/.config/inspraak/config (see inspraak-config(5)). "
				  "q or Esc closes this screen."), 0);
	section(a, out, MENU_GENERIC, _("Everywhere"));
	section(a, out, MENU_QUEUE, _("In a queue"));
	section(a, out, MENU_PAGER, _("In a full-screen view (this help, an author, an idea)"));
	doc_newline(out);
	doc_newline(out);
	doc_add(out, SLOT_HEADER, _("Commands at the : prompt"));
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++) {
		doc_newline(out);
		doc_add(out, SLOT_NORMAL, "  ");
		doc_col(out, SLOT_HELP_KEY, commands[i].usage, 24, false);
		doc_add(out, SLOT_NORMAL, " ");
		doc_wrap(out, SLOT_NORMAL, _(commands[i].help), 27);
	}
}
