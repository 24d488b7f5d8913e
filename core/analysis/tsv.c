#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/analysis/tsv.h"
#include "core/i18n.h"

static char *slurp(const char *path, size_t *len, struct err *e)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	struct sbuf b;
	char buf[65536];
	size_t n;

	if (!f) {
		err_set(e, _("%s: %s"), path, strerror(errno));
		return NULL;
	}
	sbuf_init(&b);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sbuf_addn(&b, buf, n);
	if (f != stdin)
		fclose(f);
	*len = b.len;
	return sbuf_take(&b);
}

/* The first byte of invalid UTF-8 in s[0..n), or -1. */
static long bad_utf8(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(n - i), &cp);

		if (k <= 0)
			return (long)i;
		i += (size_t)k;
	}
	return -1;
}

/* Split one line on tabs, in place. Returns the number of fields. */
static int split(char *line, char **fields, int max)
{
	int n = 0;

	fields[n++] = line;
	for (char *p = line; *p; p++)
		if (*p == '\t') {
			*p = '\0';
			if (n < max)
				fields[n] = p + 1;
			n++;
		}
	return n;
}

enum status tsv_read(const char *path, struct tsv *t, struct err *e)
{
	size_t len = 0;
	char *p, *end;
	int lineno = 0, cap = 0;

	memset(t, 0, sizeof(*t));
	t->path = xstrdup(path);
	t->data = slurp(path, &len, e);
	if (!t->data)
		return ST_INVALID;
	if (memchr(t->data, '\0', len)) {
		long at = (long)((char *)memchr(t->data, '\0', len) - t->data);
		int line = 1;

		for (long i = 0; i < at; i++)
			line += t->data[i] == '\n';
		err_set(e, _("%s:%d: a NUL byte: this is not a text file"), path, line);
		return ST_INVALID;
	}
	if (len == 0) {
		err_set(e, _("%s:1: the file is empty: a header line is needed"), path);
		return ST_INVALID;
	}
	p = t->data;
	end = t->data + len;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *line = p;
		size_t ll;
		long bad;

		lineno++;
		if (!nl)
			nl = end;
		*nl = '\0';
		p = nl + 1;
		ll = (size_t)(nl - line);
		if (ll && line[ll - 1] == '\r')
			line[--ll] = '\0';
		if ((bad = bad_utf8(line, ll)) >= 0) {
			err_set(e, _("%s:%d: invalid UTF-8 at byte %ld of the line"), path, lineno, bad + 1);
			return ST_INVALID;
		}
		if (lineno == 1) {
			if (!ll) {
				err_set(e, _("%s:1: the header line is empty"), path);
				return ST_INVALID;
			}
			/* Count before splitting: split() cuts the line where it goes. */
			t->ncols = 1;
			for (const char *c = line; *c; c++)
				t->ncols += *c == '\t';
			t->names = xcalloc((size_t)t->ncols, sizeof(*t->names));
			split(line, t->names, t->ncols);
			continue;
		}
		if (!ll && p >= end)
			break;
		if (!ll) {
			err_set(e, _("%s:%d: an empty line in the middle of the file"), path, lineno);
			return ST_INVALID;
		}
		if (t->nrows == cap) {
			cap = cap ? cap * 2 : 1024;
			t->rows = xreallocarray(t->rows, (size_t)cap, sizeof(*t->rows));
			t->lines = xreallocarray(t->lines, (size_t)cap, sizeof(*t->lines));
		}
		t->rows[t->nrows] = xcalloc((size_t)t->ncols, sizeof(char *));
		{
			int n = split(line, t->rows[t->nrows], t->ncols);

			if (n != t->ncols) {
				err_set(e, _("%s:%d: %d fields where the header has %d"), path, lineno, n,
					t->ncols);
				free(t->rows[t->nrows]);
				return ST_INVALID;
			}
		}
		t->lines[t->nrows++] = lineno;
	}
	if (lineno == 0) {
		err_set(e, _("%s:1: the file is empty: a header line is needed"), path);
		return ST_INVALID;
	}
	return ST_OK;
}

void tsv_free(struct tsv *t)
{
	for (int i = 0; i < t->nrows; i++)
		free(t->rows[i]);
	free(t->rows);
	free(t->lines);
	free(t->names);
	free(t->data);
	free(t->path);
	memset(t, 0, sizeof(*t));
}

int tsv_col(const struct tsv *t, const char *name)
{
	for (int i = 0; i < t->ncols; i++)
		if (strcmp(t->names[i], name) == 0)
			return i;
	return -1;
}

enum status tsv_need(const struct tsv *t, const char *name, int *col, struct err *e)
{
	*col = tsv_col(t, name);
	if (*col < 0) {
		err_set(e, _("%s:1: no column \"%s\" in the header"), t->path, name);
		return ST_INVALID;
	}
	return ST_OK;
}

char *tsv_item_text(const struct tsv *t, int row)
{
	int title = tsv_col(t, "title"), body = tsv_col(t, "body"), text = tsv_col(t, "text");
	const char *a = title >= 0 ? t->rows[row][title] : "";
	const char *b = body >= 0 ? t->rows[row][body] : text >= 0 ? t->rows[row][text] : "";

	/* "-" stands for none in the Flemish set. */
	if (strcmp(a, "-") == 0)
		a = "";
	if (strcmp(b, "-") == 0)
		b = "";
	if (*a && *b)
		return xasprintf("%s. %s", a, b);
	return xstrdup(*a ? a : b);
}
