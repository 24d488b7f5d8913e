/* Everything a user reads goes through gettext. Code, identifiers and comments stay English. */
#ifndef INSPRAAK_I18N_H
#define INSPRAAK_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define P_(s, p, n) ngettext((s), (p), (n))

/* The platform locale ("nl-BE", "fr-BE", "en") matching the user's UI language, used to pick
 * a text out of a multiloc. */
const char *i18n_content_locale(void);
void i18n_init(void);

#endif
