/* Features of a text for the classifiers: hashed words, stems, stem pairs and character
 * n-grams of the normalised text (norm.h), its language, and for spam and abuse the signals
 * a moderator looks at (links, phone numbers, e-mail addresses, shouting, repeated
 * characters, ...) together with what the platform knows of the author's behaviour.
 *
 * A feature is a 32-bit key (an_hash of its text, with a seed per family) and a count; the
 * model turns counts into weights (TF-IDF, normalised per family). Keys stay 32-bit rather
 * than being folded into a small table, so two features almost never share a weight. */
#ifndef INSPRAAK_AN_FEATURES_H
#define INSPRAAK_AN_FEATURES_H

#include <stdbool.h>
#include <stdint.h>

#include "core/analysis/norm.h"

/* Families are normalised and weighted separately. */
enum an_family {
	AN_FAM_WORD,    /* folded word */
	AN_FAM_STEM,    /* stem */
	AN_FAM_PAIR,    /* two neighbouring stems */
	AN_FAM_CHAR,    /* character 2..5-gram of the folded text, digits as 0 */
	AN_FAM_LANG,    /* the language */
	AN_FAM_SIGNAL,  /* a signal below: its value is used as is */
	AN_FAMILIES
};

/* What the platform knows of the author and the post; a negative value is unknown. The TSV
 * files have none of it, the database service fills it in. */
struct an_behaviour {
	int same_text_accounts;    /* other accounts that posted the same normalised text */
	int posts_last_hour;       /* this author's posts in the hour before this one */
	double account_age_days;
};

#define AN_BEHAVIOUR_UNKNOWN { -1, -1, -1 }

/* The signals: X(ID, reason shown to a moderator). A reason with %d gets the count. */
#define AN_SIGNALS(X) \
	X(LINK, N_("link")) \
	X(EMAIL, N_("e-mail address")) \
	X(PHONE, N_("phone number")) \
	X(HANDLE, N_("@handle")) \
	X(MONEY, N_("amount of money")) \
	X(PERCENT, N_("percentage")) \
	X(DIGITS, N_("many digits")) \
	X(REPEAT_CHARS, N_("repeated characters")) \
	X(REPEAT_WORDS, N_("the same words over and over")) \
	X(SHOUTING, N_("shouting")) \
	X(EXCLAIM, N_("exclamation marks")) \
	X(MARKUP, N_("markup")) \
	X(EMOJI, N_("emoji")) \
	X(NO_WORDS, N_("no words")) \
	X(VERY_SHORT, N_("very short")) \
	X(SHORT, N_("short")) \
	X(LONG, N_("long")) \
	X(SAME_TEXT, N_("same text from %d accounts")) \
	X(BURST, N_("%d posts in the last hour")) \
	X(NEW_ACCOUNT, N_("new account")) \
	X(NEW_AND_BURST, N_("new account posting in a burst"))

enum an_signal {
#define X(id, reason) AN_SIG_##id,
	AN_SIGNALS(X)
#undef X
	AN_SIGNAL_COUNT
};

/* The untranslated reason of a signal (N_ string: pass it through _()). */
const char *an_signal_reason(enum an_signal s);
/* The signal's key, the same in every model. */
uint32_t an_signal_key(enum an_signal s);
/* Is it one of the behaviour signals (no TSV data has them)? */
bool an_signal_is_behaviour(enum an_signal s);

/* Signal values of a raw text and behaviour (NULL: unknown), each in [0, 1]. */
void an_signals(const char *text, const struct an_behaviour *b, double v[AN_SIGNAL_COUNT]);

/* One aggregated feature. tok is the first token it came from (-1 for none), to say which
 * words pushed a score. */
struct an_feat {
	uint32_t key;
	uint8_t fam;
	float count;
	int tok;
};

/* A text's features, aggregated by key. Reuse one for many texts: an_feats_reset. */
struct an_feats {
	struct an_feat *f;
	int n, cap;
	int32_t *slot;    /* open addressing: index into f, -1 empty */
	uint32_t mask;
	struct an_text text;  /* the normalised text the features came from */
	bool has_text;
};

enum {
	AN_FEAT_SIGNALS = 1 << 0,   /* add the signals (spam and abuse) */
};

void an_feats_init(struct an_feats *fs);
void an_feats_free(struct an_feats *fs);
/* Extract the features of a text (the previous ones are dropped). */
void an_feats_extract(struct an_feats *fs, const char *text, const struct an_behaviour *b,
		      unsigned flags);

#endif
