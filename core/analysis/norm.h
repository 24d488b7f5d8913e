/* Text normalisation for the analysis engine, done once per text: Unicode normalisation,
 * case and accent folding (utf8proc), tokens, the language among Dutch, French, English and
 * German, stems (Snowball's libstemmer), character n-grams. Numbers and names are kept as
 * tokens (a street name or a house number tells two requests apart). */
#ifndef INSPRAAK_AN_NORM_H
#define INSPRAAK_AN_NORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bumped whenever a change here gives a text other tokens or stems: what was computed and
 * saved from normalised text (a duplicate index) must then be computed again. */
#define AN_NORM_VERSION 2

enum an_lang { AN_NL, AN_FR, AN_EN, AN_DE, AN_OTHER, AN_LANGS };

const char *an_lang_code(enum an_lang l); /* "nl", "fr", "en", "de", "" */

struct an_token {
	char *fold;      /* folded surface form: "straatverlichting", "12b" */
	char *stem;      /* stem in the text's language ("straatverlicht"); fold for numbers */
	bool number;     /* has a digit */
	bool capital;    /* written with a capital, not at a sentence start: likely a name (a word
			  * in capitals throughout is shouting or an acronym, not counted) */
	bool start;      /* at a sentence start, where a capital says nothing */
	bool stop;       /* a function word of the language */
};

struct an_text {
	char *fold;      /* the whole text folded, whitespace collapsed */
	enum an_lang lang;
	struct an_token *tok;
	int ntok;
};

/* Normalise a text. lang_hint (AN_OTHER for none) is used when the text itself is too short
 * to tell. */
void an_text_init(struct an_text *t, const char *text, enum an_lang lang_hint);
void an_text_free(struct an_text *t);

/* The language of a text from its function words; AN_OTHER when it cannot tell. */
enum an_lang an_detect(const char *text);

/* A 32-bit hash of bytes (for feature hashing), with a seed to make independent families. */
uint32_t an_hash(const void *data, size_t n, uint32_t seed);

/* Call fn for every character n-gram of length nmin..nmax of the folded text, with a space
 * added at both ends (so word starts and ends are features), over whole code points. */
void an_char_ngrams(const char *fold, int nmin, int nmax,
		    void (*fn)(void *ctx, const char *gram, size_t len), void *ctx);

#endif
