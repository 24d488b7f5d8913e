#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/embedded.h"
#include "core/theme.h"
#include "core/util.h"

static const struct {
	const char *name, *help;
} slots[] = {
#define X(id, name, what) { name, what },
	THEME_SLOTS(X)
#undef X
};

const char *theme_slot_name(enum theme_slot s)
{
	return (unsigned)s < SLOT_COUNT ? slots[s].name : "?";
}

const char *theme_slot_help(enum theme_slot s)
{
	return (unsigned)s < SLOT_COUNT ? slots[s].help : "";
}

bool theme_slot_parse(const char *name, enum theme_slot *out)
{
	if (!name)
		return false;
	for (int i = 0; i < SLOT_COUNT; i++)
		if (strcmp(slots[i].name, name) == 0) {
			*out = (enum theme_slot)i;
			return true;
		}
	return false;
}

/* In the order of the terminal's colour numbers, so the index is the colour. */
static const char *const basic_colors[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

bool theme_color_parse(const char *s, short *out)
{
	long n;

	if (!s)
		return false;
	if (strcasecmp(s, "default") == 0) {
		*out = COLOR_DEFAULT;
		return true;
	}
	for (size_t i = 0; i < ARRAY_SIZE(basic_colors); i++) {
		if (strcasecmp(s, basic_colors[i]) == 0) {
			*out = (short)i;
			return true;
		}
		if (strncasecmp(s, "bright", 6) == 0 && strcasecmp(s + 6, basic_colors[i]) == 0) {
			*out = (short)(i + 8);
			return true;
		}
	}
	/* colorN with plain digits only: str_to_long alone would take "color+5" or "color 5". */
	if (strncasecmp(s, "color", 5) == 0 && s[5] >= '0' && s[5] <= '9' &&
	    strspn(s + 5, "0123456789") == strlen(s + 5) && strlen(s + 5) <= 3 &&
	    str_to_long(s + 5, &n) && n <= 255) {
		*out = (short)n;
		return true;
	}
	return false;
}

static const struct {
	const char *name;
	unsigned attr;
} attrs[] = {
	{ "none", 0 },
	{ "bold", ATTR_BOLD },
	{ "underline", ATTR_UNDERLINE },
	{ "reverse", ATTR_REVERSE },
	{ "dim", ATTR_DIM },
	{ "italic", ATTR_ITALIC },
	{ "standout", ATTR_STANDOUT },
};

bool theme_attr_parse(const char *s, unsigned *out)
{
	if (!s)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(attrs); i++)
		if (strcasecmp(s, attrs[i].name) == 0) {
			*out = attrs[i].attr;
			return true;
		}
	return false;
}

void theme_reset(struct theme *t)
{
	for (int i = 0; i < SLOT_COUNT; i++) {
		t->slot[i].fg = COLOR_DEFAULT;
		t->slot[i].bg = COLOR_DEFAULT;
		t->slot[i].attrs = 0;
	}
	t->slot[SLOT_SELECTED].attrs = ATTR_REVERSE;
}

void theme_strip_colors(struct theme *t)
{
	short normal_bg = t->slot[SLOT_NORMAL].bg;

	for (int i = 0; i < SLOT_COUNT; i++) {
		struct color_spec *c = &t->slot[i];

		/* A background of its own paints a bar or a highlight (the selection, the tabs,
		 * a search match); without colour only reverse video can paint one. */
		if (i != SLOT_NORMAL && c->bg != COLOR_DEFAULT && c->bg != normal_bg &&
		    !(c->attrs & (ATTR_REVERSE | ATTR_STANDOUT)))
			c->attrs |= ATTR_REVERSE;
		c->fg = COLOR_DEFAULT;
		c->bg = COLOR_DEFAULT;
	}
}

const char *theme_builtin(const char *name)
{
	char path[128];
	int n;

	if (!name || !*name || strchr(name, '/'))
		return NULL;
	n = snprintf(path, sizeof(path), "themes/%s.theme", name);
	if (n < 0 || (size_t)n >= sizeof(path))
		return NULL;
	for (const struct embedded_file *f = embedded_files; f->name; f++)
		if (strcmp(f->name, path) == 0)
			return f->text;
	return NULL;
}
