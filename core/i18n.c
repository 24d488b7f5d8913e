#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

void i18n_init(void)
{
	const char *dir = getenv("INSPRAAK_LOCALEDIR");

	/* A locale the system lacks (nl_BE.UTF-8 not generated) must cost neither UTF-8 output
	 * nor the language: fall back to C.UTF-8 and ask gettext for the language by name. */
	if (!setlocale(LC_ALL, "")) {
		const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
		const char *lang = NULL;

		for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]) && !lang; i++) {
			const char *v = getenv(vars[i]);

			if (v && *v)
				lang = v;
		}
		setlocale(LC_ALL, "C.UTF-8");
		if (lang && !getenv("LANGUAGE")) {
			char buf[32];

			snprintf(buf, sizeof(buf), "%.*s", (int)strcspn(lang, ".@"), lang);
			setenv("LANGUAGE", buf, 1);
		}
	}
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

/* The language gettext picks, read the way it reads it: LANGUAGE, then the locale. */
const char *i18n_content_locale(void)
{
	const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *lang = NULL;

	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]) && !lang; i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			lang = v;
	}
	if (!lang)
		return "en";
	if (strncmp(lang, "nl", 2) == 0)
		return "nl-BE";
	if (strncmp(lang, "fr", 2) == 0)
		return "fr-BE";
	if (strncmp(lang, "de", 2) == 0)
		return "de-DE";
	return "en";
}
