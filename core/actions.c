#include "config.h"

#include <string.h>

#include "core/actions.h"
#include "core/util.h"

static const struct action_info actions[] = {
	{ ACTION_NONE, "", "", ROLE_SUPPORT, 0 },
#define X(id, name, help, role, menus) { ACTION_##id, name, help, role, menus },
	ACTIONS(X)
#undef X
};

const struct action_info *action_info(enum action a)
{
	if ((int)a <= 0 || a >= ACTION_COUNT)
		return NULL;
	return &actions[a];
}

enum action action_by_name(const char *name)
{
	for (size_t i = 1; i < ARRAY_SIZE(actions); i++)
		if (strcmp(actions[i].name, name) == 0)
			return actions[i].id;
	return ACTION_NONE;
}

static const char *const roles[] = { "support", "moderator", "project-lead", "admin" };

const char *role_name(enum role r)
{
	return (unsigned)r < ARRAY_SIZE(roles) ? roles[r] : "?";
}

bool role_parse(const char *s, enum role *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(roles); i++)
		if (strcmp(roles[i], s) == 0) {
			*out = (enum role)i;
			return true;
		}
	return false;
}

static const char *const menus[] = { "generic", "queue", "pager", "timeline", "prompt" };

const char *menu_name(enum menu m)
{
	return (unsigned)m < ARRAY_SIZE(menus) ? menus[m] : "?";
}

bool menu_parse(const char *s, enum menu *out)
{
	/* The prompt's keys are fixed: readline-like editing is not rebindable. */
	for (size_t i = 0; i < MENU_PROMPT; i++)
		if (strcmp(menus[i], s) == 0) {
			*out = (enum menu)i;
			return true;
		}
	return false;
}
