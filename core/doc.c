#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/text.h"
#include "core/util.h"

void doc_init(struct doc *d, int width)
{
	memset(d, 0, sizeof(*d));
	d->width = width < 1 ? 1 : width;
}

void doc_free(struct doc *d)
{
	for (int i = 0; i < d->n; i++) {
		for (int j = 0; j < d->lines[i].nsegs; j++)
			free(d->lines[i].segs[j].text);
		free(d->lines[i].segs);
	}
	free(d->lines);
	memset(d, 0, sizeof(*d));
}

void doc_newline(struct doc *d)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->lines = xreallocarray(d->lines, (size_t)d->cap, sizeof(*d->lines));
	}
	memset(&d->lines[d->n++], 0, sizeof(struct doc_line));
}

static struct doc_line *current(struct doc *d)
{
	if (d->n == 0)
		doc_newline(d);
	return &d->lines[d->n - 1];
}

/* Append already sanitised text of known width. */
static void add_clean(struct doc *d, enum theme_slot slot, const char *text, size_t len)
{
	struct doc_line *l = current(d);
	struct doc_seg *s;

	if (len == 0)
		return;
	l->segs = xreallocarray(l->segs, (size_t)l->nsegs + 1, sizeof(*l->segs));
	s = &l->segs[l->nsegs++];
	s->text = xstrndup(text, len);
	s->slot = slot;
	s->width = text_width(s->text);
	l->width += s->width;
}

void doc_add(struct doc *d, enum theme_slot slot, const char *text)
{
	char *clean = text_sanitize(text ? text : "", 0);

	add_clean(d, slot, clean, strlen(clean));
	free(clean);
}

void doc_addf(struct doc *d, enum theme_slot slot, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	doc_add(d, slot, s);
	free(s);
}

static void indent_line(struct doc *d, int indent)
{
	char pad[256];

	if (indent <= 0)
		return;
	if (indent >= (int)sizeof(pad))
		indent = (int)sizeof(pad) - 1;
	memset(pad, ' ', (size_t)indent);
	pad[indent] = '\0';
	add_clean(d, SLOT_NORMAL, pad, (size_t)indent);
}

/* Emit [off, off+len) of text, split where the diff spans change. */
static void emit_spans(struct doc *d, enum theme_slot slot, const char *text, size_t off,
		       size_t len, const struct diff_span *spans, int nspans)
{
	size_t end = off + len;

	if (!spans) {
		add_clean(d, slot, text + off, len);
		return;
	}
	for (int i = 0; i < nspans && off < end; i++) {
		size_t s0 = spans[i].off, s1 = spans[i].off + spans[i].len;

		if (s1 <= off || s0 >= end)
			continue;
		if (s0 < off)
			s0 = off;
		if (s1 > end)
			s1 = end;
		add_clean(d, spans[i].differs ? SLOT_DIFF : slot, text + s0, s1 - s0);
		off = s1;
	}
	if (off < end)
		add_clean(d, slot, text + off, end - off);
}

static void wrap_clean(struct doc *d, enum theme_slot slot, const char *text,
		       const struct diff_span *spans, int nspans, int indent)
{
	int avail_first, avail;
	struct text_line *lines = NULL;
	int n;
	size_t start = 0;

	if (indent >= d->width)
		indent = d->width - 1;
	if (indent < 0)
		indent = 0;
	avail = d->width - indent;
	avail_first = d->width - current(d)->width;
	/* The current line is already (nearly) full: begin the text on a fresh line. */
	if (avail_first < 8 && current(d)->width > indent) {
		doc_newline(d);
		indent_line(d, indent);
		avail_first = avail;
	}
	if (avail_first < 1)
		avail_first = 1;
	if (avail_first != avail && *text) {
		/* The first line is shorter: wrap it alone, then the rest at full width. */
		n = text_wrap(text, avail_first, &lines);
		if (n > 0) {
			emit_spans(d, slot, text, lines[0].off, lines[0].len, spans, nspans);
			start = lines[0].off + lines[0].len;
			/* Skip the break itself: spaces, or one newline. */
			while (text[start] == ' ')
				start++;
			if (text[start] == '\n')
				start++;
		} else {
			start = strlen(text);
		}
		free(lines);
		lines = NULL;
		if (!text[start])
			return;
		doc_newline(d);
		indent_line(d, indent);
	}
	n = text_wrap(text + start, avail, &lines);
	for (int i = 0; i < n; i++) {
		if (i > 0) {
			doc_newline(d);
			indent_line(d, indent);
		}
		emit_spans(d, slot, text, start + lines[i].off, lines[i].len, spans, nspans);
	}
	free(lines);
}

void doc_wrap(struct doc *d, enum theme_slot slot, const char *text, int indent)
{
	char *clean = text_sanitize(text ? text : "", TEXT_KEEP_NEWLINES);

	wrap_clean(d, slot, clean, NULL, 0, indent);
	free(clean);
}

void doc_wrap_diff(struct doc *d, enum theme_slot slot, const char *text,
		   const struct diff_span *spans, int nspans, int indent)
{
	wrap_clean(d, slot, text, spans, nspans, indent);
}

void doc_field(struct doc *d, int label_width, const char *label, enum theme_slot slot,
	       const char *value)
{
	char *l = text_fit(label, label_width - 1, true);

	doc_newline(d);
	add_clean(d, SLOT_LABEL, l, strlen(l));
	free(l);
	add_clean(d, SLOT_NORMAL, " ", 1);
	doc_wrap(d, slot, value && *value ? value : "-", label_width);
}

void doc_col(struct doc *d, enum theme_slot slot, const char *text, int width, bool right)
{
	char *clean, *fit;
	int w;

	if (width <= 0)
		return;
	clean = text_sanitize(text ? text : "", 0);
	fit = text_fit(clean, width, !right);
	w = text_width(fit);
	if (right && w < width) {
		char *padded = xasprintf("%*s%s", width - w, "", fit);

		free(fit);
		fit = padded;
	}
	add_clean(d, slot, fit, strlen(fit));
	free(fit);
	free(clean);
}
