#include "config.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/keys.h"
#include "core/text.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/term.h"

/* The bottom line with a question and what to type. */
static void ask(struct app *a, const char *question)
{
	struct rect r = a->lay.message;

	draw_text(r.y, 0, r.w, SLOT_MESSAGE, question, true);
	refresh();
}

bool dialog_confirm(struct app *a, bool def, const char *fmt, ...)
{
	va_list ap;
	char q[512], line[600];
	int key;

	va_start(ap, fmt);
	vsnprintf(q, sizeof(q), fmt, ap);
	va_end(ap);
	for (;;) {
		/* TRANSLATORS: y and n are the keys; the capital one is what Enter chooses. */
		const char *keys = def ? _("[Y/n]") : _("[y/N]");
		int room = a->lay.message.w - text_width(keys) - 1;
		char *fit = text_fit(q, room > 8 ? room : 8, false);

		/* A long question is cut, never the keys that answer it. */
		snprintf(line, sizeof(line), "%s %s", fit, keys);
		free(fit);
		app_draw(a);
		ask(a, line);
		key = app_wait_key(a);
		if (key < 0 || key == KEYC_ESC || key == 'n' || key == 'N')
			return false;
		if (key == 'y' || key == 'Y' || key == 'j' || key == 'J')
			return true;
		if (key == KEYC_ENTER)
			return def;
	}
}

char *dialog_input(struct app *a, const char *label, const char *initial)
{
	struct prompt p;
	char lead[256];

	prompt_open(&p, ' ', initial, NULL);
	snprintf(lead, sizeof(lead), "%s ", label);
	for (;;) {
		struct rect r = a->lay.message;
		int lw, before, shift, key;
		char *clean;
		size_t skip;

		app_draw(a);
		lw = draw_text(r.y, 0, r.w / 2, SLOT_MESSAGE, lead, false);
		clean = text_sanitize(p.buf, 0);
		before = text_width_n(p.buf, p.pos);
		shift = before >= r.w - lw - 1 ? before - (r.w - lw - 2) : 0;
		skip = text_prefix_fit(clean, shift, NULL);
		draw_text(r.y, lw, r.w - lw, SLOT_NORMAL, clean + skip, true);
		free(clean);
		curs_set(1);
		leaveok(stdscr, FALSE);
		move(r.y, lw + before - shift);
		refresh();
		key = app_wait_key(a);
		curs_set(0);
		leaveok(stdscr, TRUE);
		if (key < 0)
			return NULL;
		switch (prompt_key(&p, key)) {
		case PROMPT_ACCEPT:
			return xstrdup(p.buf);
		case PROMPT_CANCEL:
			/* Backspace on an empty line is not a cancel here: the answer may be empty. */
			if (key == KEYC_BACKSPACE) {
				p.active = true;
				break;
			}
			return NULL;
		default:
			break;
		}
	}
}

static bool matches(const char *label, const char *hint, const char *filter)
{
	return !*filter || text_contains_fold(label, filter) || (hint && text_contains_fold(hint, filter));
}

int dialog_pick(struct app *a, const char *title, const char *const *labels,
		const char *const *hints, int n, int initial)
{
	int *shown = xcalloc((size_t)n + 1, sizeof(*shown));
	char filter[128] = "";
	int sel = 0, top = 0, result = -1;

	for (;;) {
		int ns = 0, w, h, x, y, rows, key;
		size_t flen;

		for (int i = 0; i < n; i++)
			if (matches(labels[i], hints ? hints[i] : NULL, filter))
				shown[ns++] = i;
		if (initial >= 0) {
			for (int i = 0; i < ns; i++)
				if (shown[i] == initial)
					sel = i;
			initial = -1;
		}
		if (sel >= ns)
			sel = ns ? ns - 1 : 0;
		w = COLS - 8 < 72 ? COLS - 8 : 72;
		h = LINES - 6 < n + 4 ? LINES - 6 : n + 4;
		if (h < 6)
			h = 6;
		x = (COLS - w) / 2;
		y = (LINES - h) / 2;
		rows = h - 4;
		if (sel < top)
			top = sel;
		if (sel >= top + rows)
			top = sel - rows + 1;

		app_draw(a);
		{
			struct rect box = { y, x, h, w };
			char head[300];

			draw_fill(box, SLOT_NORMAL);
			snprintf(head, sizeof(head), " %s ", title);
			draw_text(y, x, w, SLOT_TITLE_BAR, head, true);
			snprintf(head, sizeof(head), _(" Type to narrow: %s"), filter);
			draw_text(y + 1, x, w, SLOT_DIM, head, true);
			for (int i = 0; i < rows; i++) {
				int k = top + i;
				struct doc line;

				if (k >= ns) {
					draw_text(y + 2 + i, x, w, SLOT_NORMAL, "", true);
					continue;
				}
				doc_init(&line, w);
				doc_newline(&line);
				doc_add(&line, SLOT_NORMAL, " ");
				if (hints && hints[shown[k]]) {
					int hw = w / 3;

					doc_col(&line, SLOT_NORMAL, labels[shown[k]], w - hw - 2, false);
					doc_col(&line, SLOT_DIM, hints[shown[k]], hw, false);
				} else {
					doc_col(&line, SLOT_NORMAL, labels[shown[k]], w - 2, false);
				}
				draw_doc_line(y + 2 + i, x, w, &line.lines[0], k == sel ? SLOT_SELECTED : -1);
				doc_free(&line);
			}
			if (!ns)
				draw_text(y + 2, x + 1, w - 1, SLOT_DIM, _("Nothing matches."), false);
			draw_text(y + h - 1, x, w, SLOT_DIM,
				  _(" Enter: choose  Up/Down: move  Esc: cancel"), true);
		}
		refresh();
		key = app_wait_key(a);
		flen = strlen(filter);
		if (key < 0 || key == KEYC_ESC)
			break;
		if (key == KEYC_ENTER) {
			if (ns)
				result = shown[sel];
			break;
		}
		if (key == KEYC_UP || key == 16 /* ^P */)
			sel = sel > 0 ? sel - 1 : 0;
		else if (key == KEYC_DOWN || key == 14 /* ^N */ || key == KEYC_TAB)
			sel = sel + 1 < ns ? sel + 1 : sel;
		else if (key == KEYC_PAGEDOWN)
			sel = sel + rows < ns ? sel + rows : (ns ? ns - 1 : 0);
		else if (key == KEYC_PAGEUP)
			sel = sel > rows ? sel - rows : 0;
		else if (key == KEYC_BACKSPACE && flen) {
			/* Remove one character, not one byte. */
			size_t i = flen - 1;

			while (i > 0 && ((unsigned char)filter[i] & 0xC0) == 0x80)
				i--;
			filter[i] = '\0';
			sel = 0;
		} else if (key >= 0x20 && key < 0x110000 && key != 0x7F && !(key >= 0x80 && key < 0xA0)) {
			char enc[5] = { 0 };

			if (key < 0x80) {
				enc[0] = (char)key;
			} else if (key < 0x800) {
				enc[0] = (char)(0xC0 | (key >> 6));
				enc[1] = (char)(0x80 | (key & 0x3F));
			} else if (key < 0x10000) {
				enc[0] = (char)(0xE0 | (key >> 12));
				enc[1] = (char)(0x80 | ((key >> 6) & 0x3F));
				enc[2] = (char)(0x80 | (key & 0x3F));
			} else {
				enc[0] = (char)(0xF0 | (key >> 18));
				enc[1] = (char)(0x80 | ((key >> 12) & 0x3F));
				enc[2] = (char)(0x80 | ((key >> 6) & 0x3F));
				enc[3] = (char)(0x80 | (key & 0x3F));
			}
			if (flen + strlen(enc) < sizeof(filter))
				strcat(filter, enc);
			sel = 0;
		}
	}
	free(shown);
	return result;
}

int dialog_preview(struct app *a, const char *title, const struct doc *d, const char *question,
		   const char *keys)
{
	int scroll = 0;

	for (;;) {
		struct rect r = a->lay.full;
		struct rect body = { r.y + 1, r.x, r.h - 1, r.w };
		int key, max;

		app_draw(a);
		draw_text(r.y, r.x, r.w, SLOT_TITLE_BAR, title, true);
		max = d->n - body.h;
		if (scroll > max)
			scroll = max;
		if (scroll < 0)
			scroll = 0;
		draw_doc(body, d, scroll, -1);
		if (question)
			ask(a, question);
		else
			refresh();
		key = app_wait_key(a);
		if (key < 0 || key == KEYC_ESC)
			return 0;
		if (keys && key < 0x80 && key > 0 && strchr(keys, key))
			return key;
		if (!keys && (key == 'q' || key == KEYC_ENTER))
			return 0;
		switch (key) {
		case 'j':
		case KEYC_DOWN:
			scroll++;
			break;
		case 'k':
		case KEYC_UP:
			scroll--;
			break;
		case ' ':
		case KEYC_PAGEDOWN:
			scroll += body.h - 1;
			break;
		case 'b':
		case KEYC_PAGEUP:
			scroll -= body.h - 1;
			break;
		case 'q':
			return 0;
		default:
			break;
		}
	}
}

void dialog_show(struct app *a, const char *title, const struct doc *d)
{
	dialog_preview(a, title, d, _("q: close  j/k, Space/b: scroll"), NULL);
}
