/* Reply templates: texts with {placeholders}, one per status (or purpose) and language,
 * shipped in templates/ (compiled in) and overridable in $XDG_CONFIG_HOME/inspraak/templates.
 * A template is named NAME.LANG.txt: NAME a status key (accepted, rejected, ...), or merged,
 * hidden, default; LANG nl or en (other languages when a user adds them). */
#ifndef INSPRAAK_TEMPLATE_H
#define INSPRAAK_TEMPLATE_H

#include "core/util.h"

/* The template for a purpose and a reader's locale ("nl-BE", "fr-BE", "en"): the user's file
 * first, then the shipped one; for a language without a template, Dutch (a Flemish
 * municipality answers in Dutch); for a status without one, "default". Allocated; NULL only
 * when not even default exists. *lang receives the language found ("nl", "en"). */
char *template_find(const char *name, const char *locale, char lang[8]);

struct template_var {
	const char *name;   /* without braces: "title" */
	const char *value;
};

/* The text with every {name} of vars replaced; unknown placeholders stay as written, so a
 * moderator sees them in the editor. Allocated. */
char *template_render(const char *text, const struct template_var *vars, int n);

#endif
