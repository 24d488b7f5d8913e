/* The line editor of the bottom line, for ':' commands and '/' searches. */
#ifndef INSPRAAK_PROMPT_H
#define INSPRAAK_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#define PROMPT_MAX 1024
#define PROMPT_HISTORY 50

enum prompt_result { PROMPT_GOING, PROMPT_ACCEPT, PROMPT_CANCEL };

struct prompt_history {
	char *v[PROMPT_HISTORY];
	int n;
};

struct prompt {
	bool active;
	char kind;            /* ':' or '/' */
	char buf[PROMPT_MAX]; /* UTF-8 */
	size_t len, pos;      /* bytes; pos is always on a character boundary */
	struct prompt_history *hist;
	int hist_pos;         /* -1 when not browsing */
};

void prompt_open(struct prompt *p, char kind, const char *initial, struct prompt_history *h);
/* Feed a key (core key code); ACCEPT leaves the text in buf. */
enum prompt_result prompt_key(struct prompt *p, int key);
void prompt_history_add(struct prompt_history *h, const char *line);
void prompt_history_free(struct prompt_history *h);

#endif
