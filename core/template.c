#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/embedded.h"
#include "core/template.h"

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	struct sbuf b;
	char buf[4096];
	size_t n;

	if (!f)
		return NULL;
	sbuf_init(&b);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0 && b.len < 65536)
		sbuf_addn(&b, buf, n);
	fclose(f);
	return sbuf_take(&b);
}

static char *load(const char *name, const char *lang)
{
	char *conf = xdg_config_home();
	char *path = xasprintf("%s/inspraak/templates/%s.%s.txt", conf, name, lang);
	char *text = read_file(path);
	char *builtin;

	free(path);
	free(conf);
	if (text)
		return text;
	builtin = xasprintf("templates/%s.%s.txt", name, lang);
	for (const struct embedded_file *f = embedded_files; f->name; f++)
		if (strcmp(f->name, builtin) == 0) {
			text = xstrdup(f->text);
			break;
		}
	free(builtin);
	return text;
}

char *template_find(const char *name, const char *locale, char lang[8])
{
	char want[8];
	const char *langs[2];
	const char *names[2] = { name, "default" };

	snprintf(want, sizeof(want), "%.2s", locale && *locale ? locale : "nl");
	langs[0] = want;
	langs[1] = "nl";
	for (int n = 0; n < 2; n++)
		for (int l = 0; l < 2; l++) {
			char *text = load(names[n], langs[l]);

			if (text) {
				snprintf(lang, 8, "%s", langs[l]);
				return text;
			}
		}
	return NULL;
}

char *template_render(const char *text, const struct template_var *vars, int n)
{
	struct sbuf b;

	sbuf_init(&b);
	for (const char *p = text; *p;) {
		const char *close;
		bool done = false;

		if (*p == '{' && (close = strchr(p + 1, '}')) && close - p <= 32) {
			for (int i = 0; i < n; i++) {
				size_t len = strlen(vars[i].name);

				if ((size_t)(close - p - 1) == len && strncmp(p + 1, vars[i].name, len) == 0) {
					sbuf_add(&b, vars[i].value ? vars[i].value : "");
					p = close + 1;
					done = true;
					break;
				}
			}
		}
		if (!done)
			sbuf_addc(&b, *p++);
	}
	return sbuf_take(&b);
}
