/* Text normalisation for the analysis engine: what the classifiers and the duplicate index
 * see of a citizen's text in Dutch, French, German and English, and that odd input (emoji,
 * symbols, broken UTF-8) neither crashes it nor turns into words. */
#include "config.h"

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/analysis/norm.h"

/* The token of t whose folded form is fold, or NULL. */
static const struct an_token *token(const struct an_text *t, const char *fold)
{
	for (int i = 0; i < t->ntok; i++)
		if (strcmp(t->tok[i].fold, fold) == 0)
			return &t->tok[i];
	return NULL;
}

static const char *stem_of(const struct an_text *t, const char *fold)
{
	const struct an_token *k = token(t, fold);

	ck_assert_msg(k != NULL, "no token \"%s\" in \"%s\"", fold, t->fold);
	return k->stem;
}

static bool valid_utf8(const char *s)
{
	return utf8proc_decompose((const utf8proc_uint8_t *)s, -1, NULL, 0, 0) >= 0;
}

/* Every token is lowercase, valid UTF-8 and has letters or digits only. */
static void assert_clean_tokens(const struct an_text *t)
{
	ck_assert(valid_utf8(t->fold));
	for (int i = 0; i < t->ntok; i++) {
		const char *p = t->tok[i].fold;

		ck_assert(valid_utf8(p));
		ck_assert(valid_utf8(t->tok[i].stem));
		ck_assert_msg(*p, "empty token %d", i);
		while (*p) {
			utf8proc_int32_t cp;
			utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
			utf8proc_category_t c;

			ck_assert_int_gt(k, 0);
			c = utf8proc_category(cp);
			ck_assert_msg(c != UTF8PROC_CATEGORY_LU && c != UTF8PROC_CATEGORY_SO &&
				      c != UTF8PROC_CATEGORY_SM && c != UTF8PROC_CATEGORY_SC &&
				      c != UTF8PROC_CATEGORY_PO && c != UTF8PROC_CATEGORY_ZS,
				      "token \"%s\" keeps U+%04X", t->tok[i].fold, (unsigned)cp);
			p += k;
		}
	}
}

START_TEST(dutch_sentence)
{
	struct an_text t;

	an_text_init(&t, "De bomen op het Marktplein moeten blijven, want ze geven schaduw.", AN_OTHER);
	ck_assert_int_eq(t.lang, AN_NL);
	ck_assert_str_eq(t.fold, "de bomen op het marktplein moeten blijven want ze geven schaduw");
	ck_assert_int_eq(t.ntok, 11);
	ck_assert(token(&t, "de")->stop);
	ck_assert(token(&t, "het")->stop);
	ck_assert(!token(&t, "bomen")->stop);
	ck_assert(!token(&t, "schaduw")->stop);
	/* "Marktplein" mid-sentence is a name; "De" at the start says nothing. */
	ck_assert(token(&t, "marktplein")->capital);
	ck_assert(!token(&t, "de")->capital);
	ck_assert(token(&t, "de")->start);
	assert_clean_tokens(&t);
	an_text_free(&t);
}
END_TEST

/* Plural and diminutive of one word share a stem, so "bankje" finds "banken". */
START_TEST(dutch_plural_and_diminutive_collapse)
{
	struct an_text t;

	an_text_init(&t, "De boom en de bomen, het boompje en de boompjes; een straatje en de "
		     "straten van de straat; het bankje en de banken; een pleintje op het plein.",
		     AN_OTHER);
	ck_assert_int_eq(t.lang, AN_NL);
	ck_assert_str_eq(stem_of(&t, "bomen"), stem_of(&t, "boom"));
	ck_assert_str_eq(stem_of(&t, "boompje"), stem_of(&t, "boom"));
	ck_assert_str_eq(stem_of(&t, "boompjes"), stem_of(&t, "boom"));
	ck_assert_str_eq(stem_of(&t, "straten"), stem_of(&t, "straat"));
	ck_assert_str_eq(stem_of(&t, "straatje"), stem_of(&t, "straat"));
	ck_assert_str_eq(stem_of(&t, "banken"), stem_of(&t, "bankje"));
	ck_assert_str_eq(stem_of(&t, "pleintje"), stem_of(&t, "plein"));
	/* The surface form stays: a stem is for matching, the fold for showing. */
	ck_assert_ptr_nonnull(token(&t, "boompjes"));
	an_text_free(&t);
}
END_TEST

START_TEST(french_accents_and_plural)
{
	struct an_text t;

	an_text_init(&t, "Les arbres de la rue sont très beaux et les écoles aussi. Un arbre, "
		     "une école, le journal et les journaux.", AN_OTHER);
	ck_assert_int_eq(t.lang, AN_FR);
	ck_assert_ptr_nonnull(token(&t, "ecoles"));
	ck_assert_ptr_nonnull(token(&t, "tres"));
	ck_assert_ptr_null(token(&t, "écoles"));
	ck_assert_str_eq(stem_of(&t, "arbres"), stem_of(&t, "arbre"));
	ck_assert_str_eq(stem_of(&t, "ecoles"), stem_of(&t, "ecole"));
	ck_assert_str_eq(stem_of(&t, "journaux"), stem_of(&t, "journal"));
	ck_assert(token(&t, "les")->stop);
	ck_assert(token(&t, "et")->stop);
	ck_assert(!token(&t, "arbres")->stop);
	assert_clean_tokens(&t);
	an_text_free(&t);
}
END_TEST

START_TEST(german_sharp_s_umlauts_and_plural)
{
	struct an_text t;

	an_text_init(&t, "Die Straßen in München sind für Fahrräder gefährlich, und das Fahrrad "
		     "braucht eine sichere Straße.", AN_OTHER);
	ck_assert_int_eq(t.lang, AN_DE);
	ck_assert_ptr_nonnull(token(&t, "strassen"));
	ck_assert_ptr_nonnull(token(&t, "munchen"));
	ck_assert_ptr_nonnull(token(&t, "fahrrader"));
	ck_assert_str_eq(stem_of(&t, "fahrrader"), stem_of(&t, "fahrrad"));
	ck_assert_str_eq(stem_of(&t, "strassen"), stem_of(&t, "strasse"));
	ck_assert(token(&t, "und")->stop);
	ck_assert(token(&t, "fur")->stop);
	assert_clean_tokens(&t);
	an_text_free(&t);
}
END_TEST

START_TEST(english_plural)
{
	struct an_text t;

	an_text_init(&t, "The children are playing in the parks and we need more benches. "
		     "One park with a bench would do.", AN_OTHER);
	ck_assert_int_eq(t.lang, AN_EN);
	ck_assert_str_eq(stem_of(&t, "parks"), stem_of(&t, "park"));
	ck_assert_str_eq(stem_of(&t, "benches"), stem_of(&t, "bench"));
	ck_assert_str_eq(stem_of(&t, "playing"), "play");
	ck_assert(token(&t, "the")->stop);
	ck_assert(!token(&t, "children")->stop);
	an_text_free(&t);
}
END_TEST

START_TEST(case_folding)
{
	struct an_text a, b, c;

	an_text_init(&a, "FIETSPAD langs de ÉCOLE", AN_NL);
	an_text_init(&b, "fietspad langs de école", AN_NL);
	an_text_init(&c, "Fietspad Langs De Ecole", AN_NL);
	ck_assert_str_eq(a.fold, "fietspad langs de ecole");
	ck_assert_str_eq(a.fold, b.fold);
	ck_assert_str_eq(a.fold, c.fold);
	/* A word in capitals throughout is shouting or an acronym, not a name. */
	ck_assert(!token(&a, "fietspad")->capital);
	for (int i = 0; i < a.ntok; i++)
		ck_assert_str_eq(a.tok[i].stem, b.tok[i].stem);
	an_text_free(&a);
	an_text_free(&b);
	an_text_free(&c);
}
END_TEST

START_TEST(emoji_and_symbols_are_not_words)
{
	struct an_text t;

	an_text_init(&t, "😀😀 ★★★ → © ™ ❤️ 🇧🇪 👍🏽 ≠ ∞ ‰ § ¶", AN_OTHER);
	ck_assert_int_eq(t.ntok, 0);
	ck_assert_str_eq(t.fold, "");
	an_text_free(&t);

	an_text_init(&t, "Graag🚲meer fietsenstallingen 👍 bij het station!!! ★", AN_OTHER);
	ck_assert_ptr_nonnull(token(&t, "graag"));
	ck_assert_ptr_nonnull(token(&t, "meer"));
	ck_assert_ptr_nonnull(token(&t, "fietsenstallingen"));
	ck_assert_int_eq(t.ntok, 6);
	assert_clean_tokens(&t);
	an_text_free(&t);
}
END_TEST

START_TEST(invalid_utf8_is_survived)
{
	static const char *const bad[] = {
		"\xff\xfe bad \xc3 utf8 caf\xc3\xa9",
		"\xc3",                       /* cut in the middle of a character */
		"straat\xe2\x82",             /* cut at the end */
		"\xed\xa0\x80 surrogate",     /* an encoded surrogate */
		"\xc0\xaf overlong",
		"\xf8\x88\x80\x80\x80 five bytes",
	};
	struct an_text t;

	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		an_text_init(&t, bad[i], AN_OTHER);
		assert_clean_tokens(&t);
		an_text_free(&t);
	}
	an_text_init(&t, bad[0], AN_OTHER);
	ck_assert_ptr_nonnull(token(&t, "bad"));
	ck_assert_ptr_nonnull(token(&t, "cafe"));
	an_text_free(&t);
	ck_assert_int_eq(an_detect("\xff\xff\xff"), AN_OTHER);
}
END_TEST

START_TEST(empty_and_null_text)
{
	struct an_text t;

	an_text_init(&t, "", AN_OTHER);
	ck_assert_int_eq(t.ntok, 0);
	ck_assert_str_eq(t.fold, "");
	an_text_free(&t);
	an_text_init(&t, NULL, AN_FR);
	ck_assert_int_eq(t.ntok, 0);
	ck_assert_int_eq(t.lang, AN_FR);
	an_text_free(&t);
	an_text_init(&t, "  \t ... !!! ", AN_OTHER);
	ck_assert_int_eq(t.ntok, 0);
	an_text_free(&t);
}
END_TEST

/* A house number and a street name tell two requests apart: both are kept. */
START_TEST(numbers_and_street_names_kept)
{
	struct an_text t;
	const struct an_token *k;

	an_text_init(&t, "Het voetpad aan de Kerkstraat 12b is kapot, ook aan nummer 14 en aan "
		     "de N45.", AN_OTHER);
	ck_assert_int_eq(t.lang, AN_NL);
	k = token(&t, "kerkstraat");
	ck_assert_ptr_nonnull(k);
	ck_assert(k->capital);
	ck_assert(!k->number);
	ck_assert(!k->stop);
	k = token(&t, "12b");
	ck_assert_ptr_nonnull(k);
	ck_assert(k->number);
	ck_assert_str_eq(k->stem, "12b");
	ck_assert_ptr_nonnull(token(&t, "14"));
	ck_assert(token(&t, "14")->number);
	ck_assert_ptr_nonnull(token(&t, "n45"));
	ck_assert(strstr(t.fold, "kerkstraat 12b") != NULL);
	an_text_free(&t);
}
END_TEST

START_TEST(language_of_typical_sentences)
{
	ck_assert_int_eq(an_detect("Kunnen er meer fietsenstallingen komen aan het station? Nu staat "
				   "alles vol."), AN_NL);
	ck_assert_int_eq(an_detect("Il faudrait plus de bancs dans le parc pour les personnes âgées."),
			 AN_FR);
	ck_assert_int_eq(an_detect("There should be a pedestrian crossing near the school, it is "
				   "dangerous for the children."), AN_EN);
	ck_assert_int_eq(an_detect("Die Ampel an der Kreuzung ist für Radfahrer viel zu kurz grün."),
			 AN_DE);
	ck_assert_int_eq(an_detect(""), AN_OTHER);
	ck_assert_int_eq(an_detect("😀 12345 !!!"), AN_OTHER);
	ck_assert_str_eq(an_lang_code(AN_NL), "nl");
	ck_assert_str_eq(an_lang_code(AN_DE), "de");
	ck_assert_str_eq(an_lang_code(AN_OTHER), "");
}
END_TEST

/* Too short to tell: the hint decides, and stems follow it. */
START_TEST(language_hint_for_short_text)
{
	struct an_text t;

	an_text_init(&t, "Zebrapaden", AN_NL);
	ck_assert_int_eq(t.lang, AN_NL);
	an_text_free(&t);
	an_text_init(&t, "Zebrapaden", AN_OTHER);
	ck_assert_int_eq(t.lang, AN_OTHER);
	ck_assert_str_eq(t.tok[0].stem, "zebrapaden");
	an_text_free(&t);
	/* A clear sentence overrides a wrong hint. */
	an_text_init(&t, "Les écoles de la ville sont trop loin pour les enfants.", AN_NL);
	ck_assert_int_eq(t.lang, AN_FR);
	an_text_free(&t);
}
END_TEST

struct grams {
	int n;
	char g[64][24];
};

static void collect(void *ctx, const char *gram, size_t len)
{
	struct grams *gs = ctx;

	ck_assert_int_lt(gs->n, 64);
	ck_assert_uint_lt(len, sizeof(gs->g[0]));
	memcpy(gs->g[gs->n], gram, len);
	gs->g[gs->n][len] = '\0';
	gs->n++;
}

static bool has_gram(const struct grams *gs, const char *g)
{
	for (int i = 0; i < gs->n; i++)
		if (strcmp(gs->g[i], g) == 0)
			return true;
	return false;
}

/* N-grams count code points, not bytes, and never cut a character. */
START_TEST(char_ngrams_over_code_points)
{
	struct grams gs = { 0 };

	/* " café " is six code points: five 2-grams and four 3-grams. */
	an_char_ngrams("café", 2, 3, collect, &gs);
	ck_assert_int_eq(gs.n, 9);
	for (int i = 0; i < gs.n; i++)
		ck_assert_msg(valid_utf8(gs.g[i]), "gram %d cuts a character", i);
	ck_assert(has_gram(&gs, " c"));
	ck_assert(has_gram(&gs, "fé"));
	ck_assert(has_gram(&gs, "é "));
	ck_assert(has_gram(&gs, "afé"));

	memset(&gs, 0, sizeof(gs));
	an_char_ngrams("日本語", 1, 1, collect, &gs);
	ck_assert_int_eq(gs.n, 5);
	ck_assert(has_gram(&gs, "本"));

	memset(&gs, 0, sizeof(gs));
	an_char_ngrams("ab", 5, 5, collect, &gs);
	ck_assert_int_eq(gs.n, 0);
	an_char_ngrams("", 1, 2, collect, &gs);
	ck_assert_int_eq(gs.n, 3); /* " ", " ", "  " */
}
END_TEST

START_TEST(hash_is_stable_and_seeded)
{
	ck_assert_uint_eq(an_hash("fietspad", 8, 1), an_hash("fietspad", 8, 1));
	ck_assert_uint_ne(an_hash("fietspad", 8, 1), an_hash("fietspad", 8, 2));
	ck_assert_uint_ne(an_hash("fietspad", 8, 1), an_hash("fietspat", 8, 1));
	ck_assert_uint_ne(an_hash("ab", 2, 0), an_hash("ab\0", 3, 0));
	/* The same on every machine: models and indexes are saved with these keys. */
	ck_assert_uint_eq(an_hash("", 0, 0), 0);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("norm");
	TCase *tc = tcase_create("norm");

	tcase_add_test(tc, dutch_sentence);
	tcase_add_test(tc, dutch_plural_and_diminutive_collapse);
	tcase_add_test(tc, french_accents_and_plural);
	tcase_add_test(tc, german_sharp_s_umlauts_and_plural);
	tcase_add_test(tc, english_plural);
	tcase_add_test(tc, case_folding);
	tcase_add_test(tc, emoji_and_symbols_are_not_words);
	tcase_add_test(tc, invalid_utf8_is_survived);
	tcase_add_test(tc, empty_and_null_text);
	tcase_add_test(tc, numbers_and_street_names_kept);
	tcase_add_test(tc, language_of_typical_sentences);
	tcase_add_test(tc, language_hint_for_short_text);
	tcase_add_test(tc, char_ngrams_over_code_points);
	tcase_add_test(tc, hash_is_stable_and_seeded);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
