/* The classifiers of the analysis engine: training, scoring, reasons, versions, bytes, and
 * learning from moderators' verdicts, on small hand-made examples in the kind of words
 * citizens and spammers use. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/analysis/classify.h"

static const char *const ham_texts[] = {
	"Meer fietsenstallingen aan het station, nu staat alles vol.",
	"De bomen op het Marktplein moeten blijven, ze geven schaduw in de zomer.",
	"Een zebrapad aan de school in de Schoolstraat, de kinderen steken daar over.",
	"Graag een paar banken in het Gemeentepark voor de oudere wandelaars.",
	"Het voetpad in de Kerkstraat ligt vol putten, rolstoelen raken er niet door.",
	"Kan de bibliotheek op zaterdag langer open blijven?",
	"De straatverlichting in de Lindenlaan valt elke avond uit.",
	"Een hondenweide in Bosveld zou veel ergernis over hondenpoep wegnemen.",
	"Maak van de Molenstraat een fietsstraat, er rijden te veel auto's door.",
	"Het zwembad zou ook 's avonds open moeten zijn voor wie werkt.",
	"Plaats een openbaar toilet op het Marktplein, nu is er niets.",
	"Meer vuilnisbakken langs het jaagpad, er ligt overal zwerfvuil.",
	"Een speeltuin in de Kaaiwijk voor de kleine kinderen van de buurt.",
	"De bus naar Heidebeke rijdt 's zondags niet, dat is lastig voor ouderen.",
};

static const char *const spam_texts[] = {
	"Snel geld lenen zonder gedoe! Mail naar krediet@lening-snel.net",
	"Goedkope zonnebrillen, nu -70% op www.cheap-shades.com",
	"Check out my channel http://youtube.com/user/xyz and subscribe!!!",
	"WIN EEN GRATIS IPHONE!!! Klik op http://win-nu.be/actie",
	"Bel nu 0470 12 34 56 voor een gratis offerte, beste prijs!",
	"Verdien 500 euro per dag vanuit huis, info op www.rijk-thuis.biz",
	"Casino bonus 200% op je eerste storting http://casino-gratis.com",
	"Follow me on instagram @bestdeals4u for free giftcards!!!",
	"Goedkope medicijnen zonder voorschrift bestellen www.pillen-online.biz",
	"Gratis proefpakket afvallen, mail nu naar info@slankinweek.com",
};

#define NHAM (int)(sizeof(ham_texts) / sizeof(*ham_texts))
#define NSPAM (int)(sizeof(spam_texts) / sizeof(*spam_texts))

static struct cls_example examples[64];

/* The labelled set: ham and spam, with extra examples appended by some tests. */
static int base_examples(void)
{
	int n = 0;

	for (int i = 0; i < NHAM; i++)
		examples[n++] = (struct cls_example){ ham_texts[i], "ham", 0, NULL };
	for (int i = 0; i < NSPAM; i++)
		examples[n++] = (struct cls_example){ spam_texts[i], "spam", 0, NULL };
	return n;
}

static struct cls_model *train_spam(const struct cls_example *ex, int n)
{
	struct cls_params p = { .kind = CLS_SPAM };
	struct cls_model *m = NULL;
	struct err e = { "" };

	ck_assert_msg(cls_train(&p, ex, n, NULL, 0, &m, &e) == ST_OK, "training: %s", e.msg);
	ck_assert_ptr_nonnull(m);
	return m;
}

START_TEST(spam_scores_higher_than_ham)
{
	struct cls_model *m = train_spam(examples, base_examples());
	const char *spam = "Gratis geld lenen, klik op http://snel-krediet.net en mail ons!!!";
	const char *ham = "Kunnen er meer banken en bomen komen in het park aan de Kerkstraat?";
	double p[2], s, h;

	ck_assert_int_eq(cls_kind(m), CLS_SPAM);
	ck_assert_int_eq(cls_nlabels(m), 2);
	/* The rarer label is the one scored. */
	ck_assert_str_eq(cls_label(m, cls_positive(m)), "spam");
	s = cls_score(m, spam, NULL);
	h = cls_score(m, ham, NULL);
	ck_assert_msg(s > h, "spam %.3f, ham %.3f", s, h);
	ck_assert(s >= 0 && s <= 1 && h >= 0 && h <= 1);
	ck_assert_msg(s > 0.5, "spam %.3f", s);
	ck_assert_msg(h < 0.5, "ham %.3f", h);
	ck_assert_str_eq(cls_label(m, cls_predict(m, spam, NULL, p)), "spam");
	ck_assert_double_eq_tol(p[0] + p[1], 1.0, 1e-9);
	ck_assert_str_eq(cls_label(m, cls_predict(m, ham, NULL, NULL)), "ham");
	/* Odd input scores without trouble. */
	s = cls_score(m, "", NULL);
	ck_assert(s >= 0 && s <= 1);
	s = cls_score(m, "\xff\xfe 😀😀😀", NULL);
	ck_assert(s >= 0 && s <= 1);
	cls_free(m);
}
END_TEST

START_TEST(positive_label_can_be_named)
{
	struct cls_params p = { .kind = CLS_SPAM, .positive = "ham" };
	struct cls_model *m = NULL;
	struct err e = { "" };
	int n = base_examples();

	ck_assert(cls_train(&p, examples, n, NULL, 0, &m, &e) == ST_OK);
	ck_assert_str_eq(cls_label(m, cls_positive(m)), "ham");
	ck_assert(cls_score(m, ham_texts[0], NULL) > cls_score(m, spam_texts[0], NULL));
	cls_free(m);
}
END_TEST

START_TEST(reasons_name_the_link)
{
	struct cls_model *m = train_spam(examples, base_examples());
	struct cls_reason r[5];
	const char *text = "Bekijk de aanbieding op http://aanbieding-nu.com vandaag nog";
	int n = cls_explain(m, text, NULL, cls_positive(m), r, 5), link = -1;

	ck_assert_int_gt(n, 0);
	ck_assert_int_le(n, 5);
	for (int i = 0; i < n; i++) {
		ck_assert(r[i].weight > 0);
		ck_assert(r[i].what[0] != '\0');
		if (i > 0)
			ck_assert(r[i].weight <= r[i - 1].weight);
		if (strcmp(r[i].what, "link") == 0)
			link = i;
	}
	ck_assert_msg(link >= 0, "no link among %d reasons, first: %s", n, r[0].what);
	/* Asking for fewer gives the strongest ones. */
	{
		struct cls_reason one;

		ck_assert_int_eq(cls_explain(m, text, NULL, cls_positive(m), &one, 1), 1);
		ck_assert_str_eq(one.what, r[0].what);
	}
	ck_assert_int_eq(cls_explain(m, text, NULL, 7, r, 5), 0);
	cls_free(m);
}
END_TEST

/* The same text from several accounts weighs before any verdict on it (a prior). */
START_TEST(behaviour_raises_the_score)
{
	struct cls_model *m = train_spam(examples, base_examples());
	const char *text = "Het voetpad in de Brugstraat moet hersteld worden.";
	struct an_behaviour alone = { 0, 0, 400 }, copied = { 4, 6, 0.2 };
	struct cls_reason r[8];
	int n, found = 0;

	ck_assert(cls_score(m, text, &copied) > cls_score(m, text, &alone) + 0.2);
	ck_assert(cls_score(m, text, &alone) < 0.5);
	n = cls_explain(m, text, &copied, cls_positive(m), r, 8);
	for (int i = 0; i < n; i++)
		found |= strcmp(r[i].what, "same text from 5 accounts") == 0;
	ck_assert_msg(found, "no same-text reason among %d", n);
	cls_free(m);
}
END_TEST

START_TEST(version_follows_the_data)
{
	int n = base_examples();
	struct cls_model *a = train_spam(examples, n), *b = train_spam(examples, n), *c, *d;
	char va[128];

	snprintf(va, sizeof(va), "%s", cls_version(a));
	ck_assert(strncmp(va, "spam-lr-", 8) == 0 && strchr(va, ':'));
	ck_assert_uint_gt(strlen(va), 10);
	/* Same data: same version and the same scores. */
	ck_assert_str_eq(va, cls_version(b));
	ck_assert(cls_score(a, spam_texts[1], NULL) == cls_score(b, spam_texts[1], NULL));
	/* One more example, or one label changed, or one weight: another version. */
	examples[n] = (struct cls_example){ "Nog een idee voor het park.", "ham", 0, NULL };
	c = train_spam(examples, n + 1);
	ck_assert_str_ne(va, cls_version(c));
	examples[0].label = "spam";
	d = train_spam(examples, n);
	ck_assert_str_ne(va, cls_version(d));
	ck_assert_str_ne(cls_version(c), cls_version(d));
	cls_free(d);
	examples[0].label = "ham";
	examples[0].weight = 3;
	d = train_spam(examples, n);
	ck_assert_str_ne(va, cls_version(d));
	cls_free(a);
	cls_free(b);
	cls_free(c);
	cls_free(d);
}
END_TEST

START_TEST(save_and_load_give_the_same_scores)
{
	struct cls_model *m = train_spam(examples, base_examples()), *l = NULL;
	size_t len;
	uint8_t *buf = cls_save(m, &len);
	struct err e = { "" };
	static const char *const probes[] = {
		"Gratis geld, klik op http://geld.com", "Meer bomen in het park graag",
		"", "Bel 0470 11 22 33", "😀",
	};

	ck_assert_uint_gt(len, 16);
	ck_assert_int_eq(cls_load(buf, len, &l, &e), ST_OK);
	ck_assert_str_eq(cls_version(l), cls_version(m));
	ck_assert_int_eq(cls_positive(l), cls_positive(m));
	ck_assert_int_eq(cls_kind(l), CLS_SPAM);
	for (int i = 0; i < cls_nlabels(m); i++)
		ck_assert_str_eq(cls_label(l, i), cls_label(m, i));
	for (size_t i = 0; i < sizeof(probes) / sizeof(*probes); i++)
		ck_assert_msg(cls_score(l, probes[i], NULL) == cls_score(m, probes[i], NULL),
			      "probe %zu differs after loading", i);
	/* Saving what was loaded gives the same bytes. */
	{
		size_t len2;
		uint8_t *buf2 = cls_save(l, &len2);

		ck_assert_uint_eq(len2, len);
		ck_assert(memcmp(buf, buf2, len) == 0);
		free(buf2);
	}
	cls_free(l);
	cls_free(m);
	free(buf);
}
END_TEST

static void assert_refused(const void *buf, size_t len, const char *what)
{
	struct cls_model *l = (struct cls_model *)1;
	struct err e = { "" };

	ck_assert_msg(cls_load(buf, len, &l, &e) == ST_INVALID, "%s was loaded", what);
	ck_assert_ptr_null(l);
	ck_assert_msg(e.msg[0] != '\0', "%s: no message", what);
}

START_TEST(a_damaged_model_is_refused)
{
	struct cls_model *m = train_spam(examples, base_examples());
	size_t len;
	uint8_t *buf = cls_save(m, &len), *copy = malloc(len + 8);

	assert_refused(buf, 0, "nothing");
	assert_refused(buf, 7, "half a magic number");
	assert_refused(buf, len - 1, "a model cut short");
	assert_refused(buf, len / 2, "half a model");
	memcpy(copy, buf, len);
	memcpy(copy + len, "garbage!", 8);
	assert_refused(copy, len + 8, "a model with bytes after it");
	memcpy(copy, buf, len);
	copy[0] ^= 0x20;
	assert_refused(copy, len, "another magic number");
	memcpy(copy, buf, len);
	copy[12] = 0xff; /* the number of labels */
	assert_refused(copy, len, "a model with a wrong label count");
	memcpy(copy, buf, len);
	copy[24] ^= 0x7f; /* the number of features */
	assert_refused(copy, len, "a model with a wrong feature count");
	assert_refused("INSPCLS1", 8, "a bare magic number");
	free(copy);
	free(buf);
	cls_free(m);
}
END_TEST

/* A moderator's verdicts, weighted above the seed data, change what the model says of
 * similar texts: here a kind of spam the seed data does not know (advertising for a local
 * business in ordinary words). */
START_TEST(verdicts_retrain_the_model)
{
	static const char *const verdicts[] = {
		"Bezoek onze nieuwe bakkerij aan de Stationsstraat, elke dag verse broodjes en taart.",
		"Onze bakkerij in de Brugstraat bakt elke ochtend verse broodjes, kom eens langs.",
		"Verse broodjes en taart bij bakkerij De Molen, open elke dag vanaf zes uur.",
	};
	const char *probe = "Kom naar onze bakkerij voor verse broodjes, elke dag open.";
	int n = base_examples();
	struct cls_model *before = train_spam(examples, n), *after;
	double s0, s1;

	s0 = cls_score(before, probe, NULL);
	for (int i = 0; i < 3; i++)
		examples[n++] = (struct cls_example){ verdicts[i], "spam", 5, NULL };
	after = train_spam(examples, n);
	/* Weighty verdicts do not make spam the "commoner" label and turn the score around. */
	ck_assert_str_eq(cls_label(after, cls_positive(after)), "spam");
	s1 = cls_score(after, probe, NULL);
	ck_assert_msg(s0 < 0.5, "before the verdicts %.3f", s0);
	ck_assert_msg(s1 > 0.5, "after the verdicts %.3f", s1);
	ck_assert_str_ne(cls_version(before), cls_version(after));
	/* Texts unlike the verdicts stay where they were. */
	ck_assert(cls_score(after, ham_texts[1], NULL) < 0.5);
	cls_free(before);
	cls_free(after);
}
END_TEST

/* A new municipality has no assignments yet: a few keywords per department route ideas. */
START_TEST(router_from_keywords_only)
{
	static const struct cls_keywords kw[] = {
		{ "mobiliteit", "fietspad, verkeerslicht, parkeren, bus, zebrapad, snelheid" },
		{ "groen-milieu", "bomen, park, afval, zwerfvuil, hondenpoep, bloemen" },
		{ "sport", "zwembad, sporthal, voetbal, skatepark, petanque" },
		{ "cultuur", "bibliotheek, kermis, concert, museum, erfgoed" },
	};
	struct cls_params p = { .kind = CLS_DEPARTMENT };
	struct cls_model *m = NULL;
	struct err e = { "" };
	double prob[4], sum = 0;
	int best;

	ck_assert_msg(cls_train(&p, NULL, 0, kw, 4, &m, &e) == ST_OK, "%s", e.msg);
	ck_assert_int_eq(cls_kind(m), CLS_DEPARTMENT);
	ck_assert_int_eq(cls_nlabels(m), 4);
	ck_assert_int_eq(cls_positive(m), -1);
	ck_assert(strncmp(cls_version(m), "department-lr-", 14) == 0);
	best = cls_predict(m, "Het fietspad langs de Beke is veel te smal voor twee richtingen.", NULL, prob);
	ck_assert_str_eq(cls_label(m, best), "mobiliteit");
	for (int i = 0; i < 4; i++) {
		ck_assert(prob[i] >= 0 && prob[i] <= 1);
		sum += prob[i];
		if (i != best)
			ck_assert(prob[i] < prob[best]);
	}
	ck_assert_double_eq_tol(sum, 1.0, 1e-9);
	/* A plural or another form of a keyword still counts (stems, n-grams). */
	ck_assert_str_eq(cls_label(m, cls_predict(m, "Er ligt zoveel afval en zwerfvuil langs de weg.", NULL, NULL)),
			 "groen-milieu");
	ck_assert_str_eq(cls_label(m, cls_predict(m, "Het zwembad moet langer open.", NULL, NULL)), "sport");
	ck_assert_str_eq(cls_label(m, cls_predict(m, "Meer concerten in de zomer op het plein.", NULL, NULL)),
			 "cultuur");
	cls_free(m);
}
END_TEST

START_TEST(router_from_examples_and_keywords)
{
	static const struct cls_example ex[] = {
		{ "Meer fietsenstallingen aan het station", "mobiliteit", 0, NULL },
		{ "Een zebrapad aan de school", "mobiliteit", 0, NULL },
		{ "De bus naar Heidebeke rijdt niet op zondag", "mobiliteit", 0, NULL },
		{ "Meer bomen op het Marktplein", "groen-milieu", 0, NULL },
		{ "Zwerfvuil langs het jaagpad", "groen-milieu", 0, NULL },
		{ "Een hondenweide in het park", "groen-milieu", 0, NULL },
		{ "Het zwembad langer open", "sport", 0, NULL },
		{ "Een nieuwe sporthal in Sint-Jozef", "sport", 0, NULL },
		{ "Een skatepark voor de jongeren", "sport", 0, NULL },
	};
	static const struct cls_keywords kw[] = { { "cultuur", "bibliotheek, kermis, concert" } };
	struct cls_params p = { .kind = CLS_DEPARTMENT };
	struct cls_model *m = NULL;
	struct err e = { "" };

	ck_assert(cls_train(&p, ex, 9, kw, 1, &m, &e) == ST_OK);
	ck_assert_int_eq(cls_nlabels(m), 4);
	ck_assert_str_eq(cls_label(m, cls_predict(m, "Nog meer fietsenstallingen bij het station aub", NULL, NULL)),
			 "mobiliteit");
	ck_assert_str_eq(cls_label(m, cls_predict(m, "De bibliotheek op zaterdag open", NULL, NULL)), "cultuur");
	cls_free(m);
}
END_TEST

START_TEST(invalid_training_is_refused)
{
	struct cls_params spam = { .kind = CLS_SPAM }, dept = { .kind = CLS_DEPARTMENT };
	static const struct cls_example one[] = {
		{ "Meer bomen", "ham", 0, NULL }, { "Meer banken", "ham", 0, NULL },
		{ "Geen label", "", 0, NULL }, { "Ook geen", "-", 0, NULL },
	};
	static const struct cls_example three[] = {
		{ "Meer bomen", "ham", 0, NULL }, { "Gratis geld", "spam", 0, NULL },
		{ "Jij bent een idioot", "abuse", 0, NULL },
	};
	struct cls_model *m = (struct cls_model *)1;
	struct err e = { "" };

	ck_assert_int_eq(cls_train(&spam, one, 4, NULL, 0, &m, &e), ST_INVALID);
	ck_assert_ptr_null(m);
	ck_assert_msg(strstr(e.msg, "ham") != NULL, "message: %s", e.msg);
	err_clear(&e);
	ck_assert_int_eq(cls_train(&dept, one, 4, NULL, 0, &m, &e), ST_INVALID);
	ck_assert(e.msg[0] != '\0');
	err_clear(&e);
	ck_assert_int_eq(cls_train(&spam, one, 0, NULL, 0, &m, &e), ST_INVALID);
	ck_assert(e.msg[0] != '\0');
	err_clear(&e);
	ck_assert_int_eq(cls_train(&spam, three, 3, NULL, 0, &m, &e), ST_INVALID);
	ck_assert_ptr_null(m);
	ck_assert_msg(strstr(e.msg, "3 labels") != NULL, "message: %s", e.msg);
	err_clear(&e);
	spam.positive = "eggs";
	ck_assert_int_eq(cls_train(&spam, three, 2, NULL, 0, &m, &e), ST_INVALID);
	ck_assert_msg(strstr(e.msg, "eggs") != NULL, "message: %s", e.msg);
	/* Three labels are fine for a router. */
	ck_assert_int_eq(cls_train(&dept, three, 3, NULL, 0, &m, &e), ST_OK);
	ck_assert_int_eq(cls_nlabels(m), 3);
	cls_free(m);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("classify");
	TCase *tc = tcase_create("classify");

	tcase_add_test(tc, spam_scores_higher_than_ham);
	tcase_add_test(tc, positive_label_can_be_named);
	tcase_add_test(tc, reasons_name_the_link);
	tcase_add_test(tc, behaviour_raises_the_score);
	tcase_add_test(tc, version_follows_the_data);
	tcase_add_test(tc, save_and_load_give_the_same_scores);
	tcase_add_test(tc, a_damaged_model_is_refused);
	tcase_add_test(tc, verdicts_retrain_the_model);
	tcase_add_test(tc, router_from_keywords_only);
	tcase_add_test(tc, router_from_examples_and_keywords);
	tcase_add_test(tc, invalid_training_is_refused);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
