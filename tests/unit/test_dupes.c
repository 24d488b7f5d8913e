/* The duplicate index: adding, replacing and removing ideas, what a query finds, the pair
 * score and its reasons, the all-pairs pass, and the index file across a restart. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/analysis/dupes.h"

static const struct {
	int64_t id, project;
	const char *title, *body;
} ideas[] = {
	{ 1, 1, "Fietsenstalling aan het station", "Er is te weinig plaats om fietsen te stallen aan het station. Graag een overdekte fietsenstalling." },
	{ 2, 1, "Zebrapad Molenstraat", "De kinderen steken over aan de school in de Molenstraat zonder zebrapad. Dat is gevaarlijk." },
	{ 3, 2, "Meer bomen op het Marktplein", "Het Marktplein is een hitte-eiland in de zomer. Plant er bomen voor schaduw." },
	{ 4, 2, "Hondenpoep in het park", "In het Gemeentepark ligt overal hondenpoep. Zet er vuilbakken met zakjes." },
	{ 5, 1, "Straatverlichting kapot", "De straatverlichting in de Kaaistraat is al weken kapot, 's avonds is het er pikdonker." },
	{ 6, 2, "Petanquebaan bij de kerk", "Een petanquebaan naast de kerk van Heidebeke, voor de senioren van het dorp." },
	{ 7, 1, "Gratis zwemmen voor kinderen", "Laat kinderen in de zomer gratis zwemmen in het zwembad De Spetter." },
	{ 8, 2, "Bibliotheek langer open", "De bibliotheek zou op zaterdag ook in de namiddag open mogen zijn." },
};

static struct dupes_index *pool(void)
{
	struct dupes_index *ix = dupes_index_new();

	for (size_t i = 0; i < sizeof(ideas) / sizeof(*ideas); i++)
		dupes_index_add(ix, ideas[i].id, ideas[i].project, ideas[i].title, ideas[i].body, AN_OTHER);
	return ix;
}

static bool same_hits(const struct dupes_hit *a, int na, const struct dupes_hit *b, int nb)
{
	if (na != nb)
		return false;
	for (int i = 0; i < na; i++)
		if (a[i].id != b[i].id || a[i].score - b[i].score > 1e-9 || b[i].score - a[i].score > 1e-9)
			return false;
	return true;
}

START_TEST(insert_replace_remove)
{
	struct dupes_index *ix = pool();
	struct dupes_hit h[4];

	ck_assert_uint_eq(dupes_index_count(ix), 8);
	ck_assert(dupes_index_has(ix, 3));
	/* An edit replaces: the count stays, the new text is what is found. */
	dupes_index_add(ix, 3, 2, "Zwembad open op zondag", "Het zwembad De Spetter zou op zondag open moeten zijn.", AN_OTHER);
	ck_assert_uint_eq(dupes_index_count(ix), 8);
	ck_assert_int_ge(dupes_index_query(ix, "Bomen op het Marktplein", "Plant bomen op het Marktplein voor schaduw in de zomer.",
					   AN_OTHER, DUPES_ANY_PROJECT, 4, 0, h), 0);
	ck_assert(dupes_index_query(ix, "Bomen op het Marktplein", "Plant bomen op het Marktplein.", AN_OTHER,
				    DUPES_ANY_PROJECT, 1, 0, h) == 0 || h[0].id != 3);
	ck_assert(dupes_index_remove(ix, 3));
	ck_assert(!dupes_index_remove(ix, 3));
	ck_assert(!dupes_index_has(ix, 3));
	ck_assert_uint_eq(dupes_index_count(ix), 7);
	ck_assert_int_eq(dupes_index_query_id(ix, 3, DUPES_ANY_PROJECT, 4, 0, h), -1);
	dupes_index_free(ix);
}
END_TEST

START_TEST(near_copy_first_paraphrase_before_unrelated)
{
	struct dupes_index *ix = pool();
	struct dupes_hit h[8];
	int n = dupes_index_query(ix, "Fietsenstalling station", "Te weinig plaats om de fietsen te stallen aan het station, "
				  "graag een overdekte fietsenstalling.", AN_OTHER, DUPES_ANY_PROJECT, 8, DUPES_REASONS_TOO, h);
	double para, other;

	ck_assert_int_ge(n, 1);
	ck_assert_int_eq(h[0].id, 1);
	ck_assert(h[0].score >= DUPES_THRESHOLD);
	ck_assert_int_ge(h[0].why.n, 1);
	for (int i = 0; i < n; i++) {
		ck_assert(h[i].score >= 0 && h[i].score <= 1);
		if (i)
			ck_assert(h[i - 1].score >= h[i].score);
	}
	/* A paraphrase in other words beats an unrelated idea. */
	para = dupes_score_texts(ix, "Plaats voor fietsen aan het station", "Aan het station vind je nooit een plek voor je fiets.",
				 ideas[0].title, ideas[0].body, NULL);
	other = dupes_score_texts(ix, "Plaats voor fietsen aan het station", "Aan het station vind je nooit een plek voor je fiets.",
				  ideas[7].title, ideas[7].body, NULL);
	ck_assert(para > other);
	ck_assert(other < DUPES_THRESHOLD);
	dupes_index_free(ix);
}
END_TEST

START_TEST(project_scoping)
{
	struct dupes_index *ix = pool();
	struct dupes_hit h[8];
	int n = dupes_index_query(ix, "Fietsenstalling aan het station", ideas[0].body, AN_OTHER, 2, 8, 0, h);

	/* Project 2 holds ideas 3, 4, 6 and 8. */
	for (int i = 0; i < n; i++)
		ck_assert(h[i].id == 3 || h[i].id == 4 || h[i].id == 6 || h[i].id == 8);
	ck_assert_int_eq(dupes_index_query(ix, "Fietsenstalling", NULL, AN_OTHER, 99, 8, 0, h), 0);
	/* An idea is never its own candidate. */
	n = dupes_index_query_id(ix, 1, DUPES_ANY_PROJECT, 8, 0, h);
	for (int i = 0; i < n; i++)
		ck_assert(h[i].id != 1);
	dupes_index_free(ix);
}
END_TEST

START_TEST(reasons_and_pairs)
{
	struct dupes_index *ix = pool();
	struct dupes_reasons why;
	double s;

	dupes_index_add(ix, 20, 1, "Zebrapad Kerkstraat", "De kinderen steken over aan de school in de Kerkstraat zonder zebrapad.", AN_OTHER);
	ck_assert(dupes_index_pair(ix, 2, 20, &s, &why));
	ck_assert(s >= 0 && s <= 1);
	ck_assert_int_ge(why.n, 1);
	ck_assert(strstr(why.text[0], "zebrapad") != NULL);
	/* The same request for another street says so. */
	ck_assert(why.n >= 2 && strstr(why.text[1], "differs:") != NULL);
	ck_assert(strstr(why.text[1], "molenstraat") != NULL && strstr(why.text[1], "kerkstraat") != NULL);
	ck_assert(!dupes_index_pair(ix, 2, 999, &s, &why));
	dupes_index_add(ix, 21, 1, "Un parking vélo à la gare", "Il manque de place pour garer les vélos à la gare.", AN_OTHER);
	ck_assert(dupes_index_pair(ix, 1, 21, &s, &why));
	ck_assert(s >= 0 && s <= 1);
	ck_assert_int_ge(why.n, 1);
	dupes_index_free(ix);
}
END_TEST

struct collect {
	const struct dupes_index *ix;
	int calls;
	bool same;
};

static void check_all(void *ctx, int64_t id, const struct dupes_hit *hits, int n)
{
	struct collect *c = ctx;
	struct dupes_hit h[5];
	int m = dupes_index_query_id(c->ix, id, DUPES_ANY_PROJECT, 5, 0, h);

	c->calls++;
	c->same &= same_hits(hits, n, h, m);
}

START_TEST(all_pairs_match_queries)
{
	struct dupes_index *ix = pool();
	struct collect c = { ix, 0, true };

	dupes_index_remove(ix, 5);
	dupes_index_all(ix, 5, false, 2, check_all, &c);
	ck_assert_int_eq(c.calls, 7);
	ck_assert(c.same);
	dupes_index_free(ix);
}
END_TEST

static char *temp_path(void)
{
	static char path[] = "/tmp/test_dupes.XXXXXX";
	int fd;

	strcpy(path, "/tmp/test_dupes.XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	return path;
}

static void rewrite(const char *path, long at, const void *bytes, size_t n, long truncate_to)
{
	FILE *f = fopen(path, "r+b");

	ck_assert_ptr_nonnull(f);
	if (bytes) {
		fseek(f, at, SEEK_SET);
		fwrite(bytes, 1, n, f);
	}
	fclose(f);
	if (truncate_to >= 0)
		ck_assert_int_eq(truncate(path, truncate_to), 0);
}

START_TEST(persistence_across_a_restart)
{
	struct dupes_index *ix = pool(), *back;
	struct dupes_hit a[5], b[5];
	const char *path = temp_path();
	struct err e;
	int na, nb;
	long size;
	FILE *f;
	uint32_t v = 999;
	unsigned char x;

	dupes_index_remove(ix, 4);
	dupes_index_add(ix, 2, 1, "Zebrapad aan de school", "Een zebrapad aan de school in de Molenstraat, voor de kinderen.", AN_OTHER);
	ck_assert_int_eq(dupes_index_save(ix, path, &e), ST_OK);
	ck_assert_int_eq(dupes_index_load(path, &back, &e), ST_OK);
	ck_assert_uint_eq(dupes_index_count(back), dupes_index_count(ix));
	ck_assert(!dupes_index_has(back, 4));
	ck_assert(dupes_index_bytes(back) <= dupes_index_bytes(ix));
	na = dupes_index_query(ix, "Zebrapad Molenstraat", "Graag een zebrapad voor de school.", AN_OTHER, DUPES_ANY_PROJECT, 5, 0, a);
	nb = dupes_index_query(back, "Zebrapad Molenstraat", "Graag een zebrapad voor de school.", AN_OTHER, DUPES_ANY_PROJECT, 5, 0, b);
	ck_assert_int_ge(na, 1);
	ck_assert(same_hits(a, na, b, nb));
	/* It keeps working incrementally after the load. */
	dupes_index_add(back, 30, 1, "Zebrapad Molenstraat", "Een zebrapad aan de school in de Molenstraat.", AN_OTHER);
	nb = dupes_index_query(back, "Zebrapad Molenstraat", "Een zebrapad aan de school in de Molenstraat.", AN_OTHER, DUPES_ANY_PROJECT, 5, 0, b);
	ck_assert_int_ge(nb, 1);
	ck_assert_int_eq(b[0].id, 30);
	dupes_index_free(back);

	f = fopen(path, "rb");
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fclose(f);
	/* A damaged byte in the middle. */
	fseek(f = fopen(path, "rb"), size / 2, SEEK_SET);
	x = (unsigned char)(fgetc(f) ^ 0x5a);
	fclose(f);
	rewrite(path, size / 2, &x, 1, -1);
	ck_assert_int_eq(dupes_index_load(path, &back, &e), ST_INVALID);
	ck_assert_ptr_null(back);
	ck_assert(strstr(e.msg, "damaged") != NULL);
	/* A truncated file. */
	ck_assert_int_eq(dupes_index_save(ix, path, &e), ST_OK);
	rewrite(path, 0, NULL, 0, size - 10);
	ck_assert_int_eq(dupes_index_load(path, &back, &e), ST_INVALID);
	ck_assert(strstr(e.msg, path) != NULL);
	/* Another version: after the magic and the byte-order marker. */
	ck_assert_int_eq(dupes_index_save(ix, path, &e), ST_OK);
	rewrite(path, 12, &v, sizeof(v), -1);
	ck_assert_int_eq(dupes_index_load(path, &back, &e), ST_INVALID);
	ck_assert(strstr(e.msg, "version") != NULL);
	/* Not an index at all. */
	rewrite(path, 0, "hello", 5, -1);
	ck_assert_int_eq(dupes_index_load(path, &back, &e), ST_INVALID);
	unlink(path);
	dupes_index_free(ix);
}
END_TEST

START_TEST(postings_find_what_exhaustive_finds)
{
	struct dupes_index *ix = dupes_index_new();
	struct dupes_tuning t;
	struct dupes_hit a[3], b[3];
	char title[64], body[160];
	int na, nb;

	/* Enough ideas that the candidates come from the postings. */
	for (int i = 0; i < 3000; i++) {
		snprintf(title, sizeof(title), "Idee %d over %s", i, ideas[i % 8].title);
		snprintf(body, sizeof(body), "Nummer%d in de Straat%d: %s", i, i % 97, ideas[(i / 8) % 8].title);
		dupes_index_add(ix, 1000 + i, 1, title, body, AN_OTHER);
	}
	dupes_index_get_tuning(ix, &t);
	ck_assert_int_lt(t.exhaustive_below, 3000);
	na = dupes_index_query(ix, "Idee 1234", "Nummer1234 in de Straat70", AN_OTHER, DUPES_ANY_PROJECT, 3, 0, a);
	t.exhaustive_below = 1 << 30;
	dupes_index_set_tuning(ix, &t);
	nb = dupes_index_query(ix, "Idee 1234", "Nummer1234 in de Straat70", AN_OTHER, DUPES_ANY_PROJECT, 3, 0, b);
	ck_assert_int_ge(na, 1);
	ck_assert_int_ge(nb, 1);
	ck_assert_int_eq(a[0].id, b[0].id);
	ck_assert_int_eq(a[0].id, 2234);
	dupes_index_free(ix);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("dupes");
	TCase *tc = tcase_create("index");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, insert_replace_remove);
	tcase_add_test(tc, near_copy_first_paraphrase_before_unrelated);
	tcase_add_test(tc, project_scoping);
	tcase_add_test(tc, reasons_and_pairs);
	tcase_add_test(tc, all_pairs_match_queries);
	tcase_add_test(tc, persistence_across_a_restart);
	tcase_add_test(tc, postings_find_what_exhaustive_finds);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
