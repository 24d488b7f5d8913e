#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/keys.h"
#include "core/util.h"
#include "tui/prompt.h"

static void set_text(struct prompt *p, const char *s)
{
	snprintf(p->buf, sizeof(p->buf), "%s", s ? s : "");
	p->len = p->pos = strlen(p->buf);
}

void prompt_open(struct prompt *p, char kind, const char *initial, struct prompt_history *h)
{
	memset(p, 0, sizeof(*p));
	p->active = true;
	p->kind = kind;
	p->hist = h;
	p->hist_pos = -1;
	set_text(p, initial);
}

static bool is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

static size_t prev_char(const struct prompt *p, size_t pos)
{
	if (pos == 0)
		return 0;
	pos--;
	while (pos > 0 && is_cont((unsigned char)p->buf[pos]))
		pos--;
	return pos;
}

static size_t next_char(const struct prompt *p, size_t pos)
{
	if (pos >= p->len)
		return p->len;
	pos++;
	while (pos < p->len && is_cont((unsigned char)p->buf[pos]))
		pos++;
	return pos;
}

static void delete_range(struct prompt *p, size_t from, size_t to)
{
	memmove(p->buf + from, p->buf + to, p->len - to + 1);
	p->len -= to - from;
	p->pos = from;
}

static void insert_char(struct prompt *p, int cp)
{
	char enc[4];
	size_t n;

	if (cp < 0x80) {
		enc[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		enc[0] = (char)(0xC0 | (cp >> 6));
		enc[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		enc[0] = (char)(0xE0 | (cp >> 12));
		enc[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		enc[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		enc[0] = (char)(0xF0 | (cp >> 18));
		enc[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		enc[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		enc[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	if (p->len + n >= sizeof(p->buf))
		return;
	memmove(p->buf + p->pos + n, p->buf + p->pos, p->len - p->pos + 1);
	memcpy(p->buf + p->pos, enc, n);
	p->len += n;
	p->pos += n;
}

static void history_step(struct prompt *p, int dir)
{
	struct prompt_history *h = p->hist;
	int i;

	if (!h || h->n == 0)
		return;
	i = p->hist_pos < 0 ? (dir < 0 ? h->n - 1 : -1) : p->hist_pos + dir;
	if (i < 0)
		return;
	if (i >= h->n) {
		p->hist_pos = -1;
		set_text(p, "");
		return;
	}
	p->hist_pos = i;
	set_text(p, h->v[i]);
}

enum prompt_result prompt_key(struct prompt *p, int key)
{
	switch (key) {
	case KEYC_ENTER:
		p->active = false;
		return PROMPT_ACCEPT;
	case KEYC_ESC:
	case 7: /* ^G */
		p->active = false;
		return PROMPT_CANCEL;
	case KEYC_BACKSPACE:
		if (p->len == 0) {
			/* Backspace on an empty line leaves it, as in vi. */
			p->active = false;
			return PROMPT_CANCEL;
		}
		if (p->pos > 0)
			delete_range(p, prev_char(p, p->pos), p->pos);
		break;
	case KEYC_DELETE:
	case 4: /* ^D */
		if (p->pos < p->len)
			delete_range(p, p->pos, next_char(p, p->pos));
		break;
	case KEYC_LEFT:
	case 2: /* ^B */
		p->pos = prev_char(p, p->pos);
		break;
	case KEYC_RIGHT:
	case 6: /* ^F */
		p->pos = next_char(p, p->pos);
		break;
	case KEYC_HOME:
	case 1: /* ^A */
		p->pos = 0;
		break;
	case KEYC_END:
	case 5: /* ^E */
		p->pos = p->len;
		break;
	case 21: /* ^U */
		delete_range(p, 0, p->pos);
		break;
	case 11: /* ^K */
		p->buf[p->pos] = '\0';
		p->len = p->pos;
		break;
	case 23: { /* ^W: the word before the cursor */
		size_t i = p->pos;

		while (i > 0 && p->buf[i - 1] == ' ')
			i--;
		while (i > 0 && p->buf[i - 1] != ' ')
			i--;
		delete_range(p, i, p->pos);
		break;
	}
	case KEYC_UP:
		history_step(p, -1);
		break;
	case KEYC_DOWN:
		history_step(p, 1);
		break;
	default:
		/* Control characters never enter the line. */
		if (key >= 0x20 && key != 0x7F && key < 0x110000 && !(key >= 0x80 && key < 0xA0))
			insert_char(p, key);
		break;
	}
	return PROMPT_GOING;
}

void prompt_history_add(struct prompt_history *h, const char *line)
{
	if (!*line || (h->n && strcmp(h->v[h->n - 1], line) == 0))
		return;
	if (h->n == PROMPT_HISTORY) {
		free(h->v[0]);
		memmove(h->v, h->v + 1, (PROMPT_HISTORY - 1) * sizeof(*h->v));
		h->n--;
	}
	h->v[h->n++] = xstrdup(line);
}

void prompt_history_free(struct prompt_history *h)
{
	for (int i = 0; i < h->n; i++)
		free(h->v[i]);
	h->n = 0;
}
