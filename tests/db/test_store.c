/* The PostgreSQL store and the queue window on a real server: queue order, keyset pages that
 * neither skip nor repeat a row, filters, search, details, and live change notices. */
#include "config.h"

#include <check.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/queue.h"
#include "core/store.h"
#include "tests/db/pgtest.h"

static char *ci;
static struct store *st;
static PGconn *conn;

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	ck_assert_msg(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = calloc(1, (size_t)n + 1);
	ck_assert_int_eq(fread(buf, 1, (size_t)n, f), n);
	fclose(f);
	return buf;
}

static void load_fixture(PGconn *c)
{
	const char *src = getenv("INSPRAAK_SRCDIR");
	char path[1024];
	char *sql;

	snprintf(path, sizeof(path), "%s/tests/fixtures/screen.sql", src && *src ? src : ".");
	sql = read_file(path);
	pgtest_exec(c, sql);
	free(sql);
}

static void setup(void)
{
	struct err e;

	ci = pgtest_new_db("store", true);
	conn = pgtest_connect(ci);
	load_fixture(conn);
	ck_assert_msg(store_pg_open(ci, "nl-BE", &st, &e) == ST_OK, "%s", e.msg);
}

static void teardown(void)
{
	store_close(st);
	PQfinish(conn);
	free(ci);
}

static struct filter nofilter(void)
{
	struct filter f = { 0 };

	f.flag_threshold = 0.5;
	return f;
}

/* All ids of a queue, read in pages of `size`, forward. */
static int walk(enum queue_kind k, const struct filter *f, int size, int64_t *ids, int max)
{
	struct queue_row rows[64];
	struct qkey last;
	struct err e;
	int total = 0, n;
	bool first = true;

	do {
		ck_assert_int_eq(st->ops->page(st, k, f, first ? NULL : &last, 1, false, size, rows, &n, &e), ST_OK);
		for (int i = 0; i < n; i++) {
			if (total < max)
				ids[total] = k == QUEUE_FLAGS ? rows[i].id * 10 + rows[i].kind : rows[i].id;
			total++;
			last = rows[i].key;
			queue_row_free(&rows[i]);
		}
		first = false;
	} while (n == size);
	return total;
}

START_TEST(counts_per_queue)
{
	struct filter f = nofilter();
	long c[QUEUE_COUNT];
	struct err e;

	ck_assert_int_eq(st->ops->counts(st, &f, c, &e), ST_OK);
	/* 14 ideas: one hidden and one accepted are not new. */
	ck_assert_int_eq(c[QUEUE_NEW], 12);
	ck_assert_int_eq(c[QUEUE_DUPLICATES], 2);
	/* Idea 9 (reports and a machine score), idea 10, comment 2. */
	ck_assert_int_eq(c[QUEUE_FLAGS], 3);
	f.flag_threshold = 0.99;
	ck_assert_int_eq(st->ops->counts(st, &f, c, &e), ST_OK);
	ck_assert_int_eq(c[QUEUE_FLAGS], 3);
	pgtest_exec(conn, "update citizen_reports set resolved_at = now(), resolution = 'dismissed' where idea_id = 9");
	ck_assert_int_eq(st->ops->counts(st, &f, c, &e), ST_OK);
	ck_assert_int_eq(c[QUEUE_FLAGS], 2);  /* the machine score 0.97 is below 0.99 */
	f.flag_threshold = 0.5;
	ck_assert_int_eq(st->ops->counts(st, &f, c, &e), ST_OK);
	ck_assert_int_eq(c[QUEUE_FLAGS], 3);
}
END_TEST

START_TEST(new_queue_is_newest_first)
{
	struct filter f = nofilter();
	int64_t ids[32];
	static const int64_t want[] = { 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 14 };
	int n = walk(QUEUE_NEW, &f, 5, ids, 32);

	ck_assert_int_eq(n, 12);
	for (int i = 0; i < 12; i++)
		ck_assert_int_eq(ids[i], want[i]);
}
END_TEST

START_TEST(pages_backward_and_inclusive)
{
	struct filter f = nofilter();
	struct queue_row rows[8];
	struct err e;
	int n;

	ck_assert_int_eq(st->ops->page(st, QUEUE_NEW, &f, NULL, -1, false, 3, rows, &n, &e), ST_OK);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(rows[0].id, 2);
	ck_assert_int_eq(rows[1].id, 1);
	ck_assert_int_eq(rows[2].id, 14);
	{
		struct qkey k = rows[1].key;
		struct queue_row more[8];

		for (int i = 0; i < n; i++)
			queue_row_free(&rows[i]);
		ck_assert_int_eq(st->ops->page(st, QUEUE_NEW, &f, &k, -1, false, 2, more, &n, &e), ST_OK);
		ck_assert_int_eq(n, 2);
		ck_assert_int_eq(more[0].id, 3);
		ck_assert_int_eq(more[1].id, 2);
		for (int i = 0; i < n; i++)
			queue_row_free(&more[i]);
		ck_assert_int_eq(st->ops->page(st, QUEUE_NEW, &f, &k, 1, true, 5, more, &n, &e), ST_OK);
		ck_assert_int_eq(n, 2);
		ck_assert_int_eq(more[0].id, 1);
		ck_assert_int_eq(more[1].id, 14);
		for (int i = 0; i < n; i++)
			queue_row_free(&more[i]);
	}
}
END_TEST

START_TEST(rows_carry_what_the_list_shows)
{
	struct filter f = nofilter();
	struct queue_row rows[16];
	struct err e;
	int n;

	ck_assert_int_eq(st->ops->page(st, QUEUE_NEW, &f, NULL, 1, false, 16, rows, &n, &e), ST_OK);
	/* Idea 1 is the eleventh. */
	ck_assert_int_eq(rows[10].id, 1);
	ck_assert_str_eq(rows[10].title, "Meer fietsenstallingen aan het station");
	ck_assert_str_eq(rows[10].project, "Herinrichting Marktplein");
	ck_assert_str_eq(rows[10].area, "Centrum");
	ck_assert_str_eq(rows[10].author, "An Peeters");
	ck_assert_int_eq(rows[10].votes, 4);
	ck_assert_int_eq(rows[10].comments, 2);
	ck_assert_str_eq(rows[6].lang, "fr");
	/* Raw text: escape sequences reach the model untouched; only drawing cleans them. */
	ck_assert_ptr_nonnull(strchr(rows[3].title, 0x1b));
	for (int i = 0; i < n; i++)
		queue_row_free(&rows[i]);
	ck_assert_int_eq(st->ops->page(st, QUEUE_DUPLICATES, &f, NULL, 1, false, 16, rows, &n, &e), ST_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(rows[0].idea_id, 1);
	ck_assert_int_eq(rows[0].other_id, 2);
	ck_assert(rows[0].score > 0.77 && rows[0].score < 0.79);
	ck_assert_str_eq(rows[0].reason, "pg_trgm");
	for (int i = 0; i < n; i++)
		queue_row_free(&rows[i]);
	ck_assert_int_eq(st->ops->page(st, QUEUE_FLAGS, &f, NULL, 1, false, 16, rows, &n, &e), ST_OK);
	ck_assert_int_eq(n, 3);
	/* Newest flag first: idea 10 (19:00), idea 9 (18:00), comment 2. */
	ck_assert_int_eq(rows[0].id, 10);
	ck_assert_int_eq(rows[1].id, 9);
	ck_assert_int_eq(rows[1].reports, 2);
	ck_assert(rows[1].score > 0.96);
	ck_assert_int_eq(rows[2].kind, ITEM_COMMENT);
	ck_assert_int_eq(rows[2].idea_id, 1);
	ck_assert_str_eq(rows[2].reason, "inappropriate");
	ck_assert_ptr_nonnull(strstr(rows[2].text, "idioten"));
	for (int i = 0; i < n; i++)
		queue_row_free(&rows[i]);
}
END_TEST

START_TEST(filters_narrow_every_queue)
{
	struct filter f = nofilter();
	int64_t ids[32];
	long c[QUEUE_COUNT];
	struct err e;

	f.project_id = 1;
	ck_assert_int_eq(walk(QUEUE_NEW, &f, 10, ids, 32), 5);
	ck_assert_int_eq(st->ops->counts(st, &f, c, &e), ST_OK);
	ck_assert_int_eq(c[QUEUE_NEW], 5);
	ck_assert_int_eq(c[QUEUE_DUPLICATES], 2);
	ck_assert_int_eq(c[QUEUE_FLAGS], 2); /* idea 10, and the comment on idea 1 */
	f = nofilter();
	f.area_id = 2;
	ck_assert_int_eq(walk(QUEUE_NEW, &f, 10, ids, 32), 3);
	f = nofilter();
	f.status[0] = '\0';
	strcpy(f.status, "accepted");
	ck_assert_int_eq(walk(QUEUE_NEW, &f, 10, ids, 32), 1);
	ck_assert_int_eq(ids[0], 13);
	f = nofilter();
	pgtest_exec(conn, "update ideas set department_id = 1 where id = 1");
	f.department_id = 1;
	ck_assert_int_eq(walk(QUEUE_NEW, &f, 10, ids, 32), 1);
	f.department_id = -1;
	ck_assert_int_eq(walk(QUEUE_NEW, &f, 10, ids, 32), 11);
}
END_TEST

START_TEST(search_ignores_case_and_accents)
{
	struct filter f = nofilter();
	struct queue_row r;
	struct err e;

	ck_assert_int_eq(st->ops->search(st, QUEUE_NEW, &f, NULL, 1, "FIETSENSTALLING", &r, &e), ST_OK);
	ck_assert_int_eq(r.id, 2);
	{
		struct qkey k = r.key;

		queue_row_free(&r);
		ck_assert_int_eq(st->ops->search(st, QUEUE_NEW, &f, &k, 1, "fietsenstalling", &r, &e), ST_OK);
		ck_assert_int_eq(r.id, 1);
		k = r.key;
		queue_row_free(&r);
		ck_assert_int_eq(st->ops->search(st, QUEUE_NEW, &f, &k, 1, "fietsenstalling", &r, &e), ST_NOT_FOUND);
		ck_assert_int_eq(st->ops->search(st, QUEUE_NEW, &f, &k, -1, "fietsenstalling", &r, &e), ST_OK);
		ck_assert_int_eq(r.id, 2);
		queue_row_free(&r);
	}
	ck_assert_int_eq(st->ops->search(st, QUEUE_NEW, &f, NULL, 1, "reeel", &r, &e), ST_OK);
	ck_assert_int_eq(r.id, 4);
	queue_row_free(&r);
	/* LIKE's own characters are text, not wildcards. */
	ck_assert_int_eq(st->ops->search(st, QUEUE_NEW, &f, NULL, 1, "%", &r, &e), ST_NOT_FOUND);
	ck_assert_int_eq(st->ops->search(st, QUEUE_FLAGS, &f, NULL, 1, "idioten", &r, &e), ST_OK);
	ck_assert_int_eq(r.kind, ITEM_COMMENT);
	queue_row_free(&r);
	ck_assert_int_eq(st->ops->search(st, QUEUE_DUPLICATES, &f, NULL, 1, "zitbanken", &r, &e), ST_OK);
	ck_assert_int_eq(r.idea_id, 3);
	queue_row_free(&r);
}
END_TEST

START_TEST(details_of_each_kind)
{
	struct idea_detail d;
	struct flag_detail fd;
	struct dupe_detail dd;
	struct author_view av;
	struct err e;

	ck_assert_int_eq(st->ops->idea(st, 1, &d, &e), ST_OK);
	ck_assert_str_eq(d.author, "An Peeters");
	ck_assert_str_eq(d.phase, "Ideeën verzamelen");
	ck_assert_str_eq(d.phase_method, "ideation");
	ck_assert_str_eq(d.status_title, "Nieuw");
	ck_assert_str_eq(d.address, "Stationsplein 1");
	ck_assert_int_eq(d.votes_up, 4);
	ck_assert_int_eq(d.ndupes, 1);
	ck_assert_int_eq(d.dupes[0].other_id, 2);
	ck_assert_int_eq(d.author_ideas, 2);
	idea_detail_free(&d);
	ck_assert_int_eq(st->ops->idea(st, 9, &d, &e), ST_OK);
	ck_assert_int_eq(d.nflags, 3);
	ck_assert(d.flags[0].machine || d.flags[1].machine || d.flags[2].machine);
	idea_detail_free(&d);
	ck_assert_int_eq(st->ops->idea(st, 13, &d, &e), ST_OK);
	ck_assert_int_eq(d.nfeedback, 1);
	ck_assert_str_eq(d.feedback[0].signature, "Dienst Groen en Milieu");
	idea_detail_free(&d);
	ck_assert_int_eq(st->ops->idea(st, 999, &d, &e), ST_NOT_FOUND);
	ck_assert_int_eq(st->ops->flag_item(st, ITEM_COMMENT, 2, &fd, &e), ST_OK);
	ck_assert_int_eq(fd.idea.id, 1);
	ck_assert_int_eq(fd.nflags, 1);
	ck_assert_int_eq(fd.comment_author_id, 5);
	flag_detail_free(&fd);
	ck_assert_int_eq(st->ops->suggestion(st, 1, &dd, &e), ST_OK);
	ck_assert_int_eq(dd.a.id, 1);
	ck_assert_int_eq(dd.b.id, 2);
	ck_assert_str_eq(dd.reasons, "shared: fietsenstalling, station; same area");
	dupe_detail_free(&dd);
	ck_assert_int_eq(st->ops->author(st, 5, &av, &e), ST_OK);
	ck_assert_int_eq(av.ideas, 3);
	ck_assert_int_eq(av.comments, 1);
	ck_assert_int_eq(av.hidden, 1);
	ck_assert_int_eq(av.nitems, 4);
	ck_assert_int_eq(av.items[0].id, 12); /* newest first */
	ck_assert(av.items[0].hidden);
	ck_assert_int_gt(av.items[0].at, av.items[1].at);
	author_view_free(&av);
}
END_TEST

START_TEST(whoami_and_reference_data)
{
	struct staff me;
	struct refdata r;
	struct err e;

	ck_assert_int_eq(st->ops->whoami(st, &me, &e), ST_OK);
	ck_assert_str_eq(me.name, "Mia Moderator");
	ck_assert_int_eq(me.role, ROLE_MODERATOR);
	staff_free(&me);
	ck_assert_int_eq(st->ops->refdata(st, &r, &e), ST_OK);
	ck_assert_int_eq(r.projects.n, 2);
	ck_assert_int_eq(r.phases.n, 4);
	ck_assert_int_eq(r.statuses.n, 9);
	ck_assert_str_eq(r.platform, "Testegem");
	ck_assert_int_eq(ref_find(&r.areas, "noord")->id, 2);
	ck_assert_int_eq(ref_find(&r.projects, "herinr")->id, 1);
	ck_assert_int_eq(ref_find(&r.departments, "2")->id, 2);
	ck_assert_ptr_null(ref_find(&r.areas, "nergens"));
	refdata_free(&r);
}
END_TEST

/* 600 ideas posted in the same microsecond: the id must break the tie, or pages would
 * repeat or skip rows. */
START_TEST(keyset_pages_survive_ties)
{
	struct filter f = nofilter();
	int64_t *ids = calloc(700, sizeof(*ids));
	int n;

	pgtest_exec(conn, "insert into ideas (project_id, title, created_at)"
		    " select 2, 'Idee ' || g, '2026-11-20 10:00' from generate_series(1, 600) g");
	n = walk(QUEUE_NEW, &f, 37, ids, 700);
	ck_assert_int_eq(n, 612);
	for (int i = 1; i < 600; i++)
		ck_assert_int_gt(ids[i - 1], ids[i]); /* same time: higher id first, no repeats */
	free(ids);
	pgtest_exec(conn, "insert into duplicate_suggestions (idea_a, idea_b, score, method)"
		    " select i.id, i.id + 1, 0.5, 'test' from ideas i where i.title like 'Idee %' and i.id % 2 = 0"
		    " and exists (select 1 from ideas j where j.id = i.id + 1)");
	ids = calloc(400, sizeof(*ids));
	n = walk(QUEUE_DUPLICATES, &f, 23, ids, 400);
	ck_assert_int_eq(n, (int)pgtest_long(conn, "select count(*) from duplicate_suggestions"));
	for (int i = 1; i < n; i++)
		ck_assert_int_ne(ids[i - 1], ids[i]);
	free(ids);
}
END_TEST

START_TEST(window_moves_over_a_long_queue)
{
	struct filter f = nofilter();
	struct qwin w;
	struct err e;
	int64_t prev;
	const int h = 20;

	pgtest_exec(conn, "insert into ideas (project_id, title, created_at)"
		    " select 2, 'Idee ' || g, '2026-10-01'::timestamptz - g * interval '1 minute'"
		    " from generate_series(1, 2000) g");
	qwin_init(&w, QUEUE_NEW);
	ck_assert_int_eq(qwin_load_first(&w, st, &f, h, &e), ST_OK);
	ck_assert_int_eq(qwin_current(&w)->id, 11);
	prev = qwin_current(&w)->key.a + 1;
	/* Down through every row: strictly older each step, never more than QWIN_MAX kept. */
	for (int i = 1; i < 2012; i++) {
		ck_assert_int_eq(qwin_move(&w, st, &f, 1, h, &e), ST_OK);
		ck_assert_int_le(w.n, QWIN_MAX);
		ck_assert_int_le(qwin_current(&w)->key.a, prev);
		prev = qwin_current(&w)->key.a;
		ck_assert_int_eq(qwin_position(&w, st, &f), i);
		ck_assert(w.cursor >= w.top && w.cursor < w.top + h);
	}
	ck_assert_str_eq(qwin_current(&w)->title, "Idee 2000");
	ck_assert_int_eq(qwin_move(&w, st, &f, 1, h, &e), ST_OK);
	ck_assert_str_eq(qwin_current(&w)->title, "Idee 2000");
	/* And back up by pages. */
	for (int i = 0; i < 200; i++)
		ck_assert_int_eq(qwin_page(&w, st, &f, -1, h, &e), ST_OK);
	ck_assert_int_eq(qwin_current(&w)->id, 11);
	ck_assert_int_eq(qwin_position(&w, st, &f), 0);
	ck_assert_int_eq(qwin_load_last(&w, st, &f, h, &e), ST_OK);
	ck_assert_str_eq(qwin_current(&w)->title, "Idee 2000");
	/* Past the counting limit the position is not counted. */
	ck_assert_int_eq(qwin_position(&w, st, &f), COUNT_CAP);
	ck_assert_int_eq(qwin_move(&w, st, &f, -1500, h, &e), ST_OK);
	ck_assert_int_eq(qwin_position(&w, st, &f), 511);
	{
		long c[QUEUE_COUNT];

		ck_assert_int_eq(st->ops->counts(st, &f, c, &e), ST_OK);
		ck_assert_int_eq(c[QUEUE_NEW], COUNT_CAP + 1);
		ck_assert_int_eq(c[QUEUE_DUPLICATES], 2);
	}
	qwin_free(&w);
}
END_TEST

/* An author with thousands of posts: the detail counts them up to COUNT_CAP, as the queues
 * count, and says "1000+" rather than paying for every row on each key. */
START_TEST(author_counts_stop_at_the_cap)
{
	struct idea_detail d;
	char buf[16];
	struct err e;

	pgtest_exec(conn, "insert into ideas (project_id, author_id, title, created_at)"
		    " select 2, 5, 'Nog een idee ' || g, '2026-10-01'::timestamptz - g * interval '1 minute'"
		    " from generate_series(1, 1200) g");
	ck_assert_int_eq(st->ops->idea(st, 8, &d, &e), ST_OK);
	ck_assert_int_eq(d.author_ideas, COUNT_CAP + 1);
	ck_assert_int_eq(d.author_comments, 1);
	count_text(d.author_ideas, buf, sizeof(buf));
	ck_assert_str_eq(buf, "1000+");
	count_text(d.author_comments, buf, sizeof(buf));
	ck_assert_str_eq(buf, "1");
	idea_detail_free(&d);
}
END_TEST

START_TEST(window_reloads_after_changes)
{
	struct filter f = nofilter();
	struct qwin w;
	struct queue_row hit;
	struct err e;
	const int h = 5;

	qwin_init(&w, QUEUE_NEW);
	ck_assert_int_eq(qwin_load_first(&w, st, &f, h, &e), ST_OK);
	ck_assert_int_eq(qwin_move(&w, st, &f, 2, h, &e), ST_OK);
	ck_assert_int_eq(qwin_current(&w)->id, 9);
	/* Another moderator decides idea 9: the cursor moves on to the next one. */
	pgtest_exec(conn, "update ideas set status = 'rejected' where id = 9");
	ck_assert_int_eq(qwin_reload(&w, st, &f, h, &e), ST_OK);
	ck_assert_int_eq(qwin_current(&w)->id, 8);
	ck_assert_int_eq(qwin_position(&w, st, &f), 2);
	/* A new idea arrives while the list shows its head: it comes into view, the cursor
	 * stays on its idea. */
	pgtest_exec(conn, "insert into ideas (id, project_id, title, created_at) values (500, 2, 'Nieuw idee', '2026-11-30')");
	ck_assert_int_eq(qwin_reload(&w, st, &f, h, &e), ST_OK);
	ck_assert_int_eq(qwin_current(&w)->id, 8);
	ck_assert_int_eq(w.top, 0);
	ck_assert_int_eq(w.rows[0].id, 500);
	/* Jump to a search hit far down. */
	ck_assert_int_eq(st->ops->search(st, QUEUE_NEW, &f, NULL, 1, "lang verhaal", &hit, &e), ST_OK);
	ck_assert_int_eq(qwin_jump(&w, st, &f, &hit, h, &e), ST_OK);
	ck_assert_int_eq(qwin_current(&w)->id, 14);
	ck_assert_int_eq(qwin_position(&w, st, &f), 11);
	queue_row_free(&hit);
	/* The queue empties: the window says so. */
	pgtest_exec(conn, "update ideas set status = 'viewed'");
	ck_assert_int_eq(qwin_reload(&w, st, &f, h, &e), ST_OK);
	ck_assert_ptr_null(qwin_current(&w));
	ck_assert_int_eq(w.n, 0);
	qwin_free(&w);
}
END_TEST

START_TEST(changes_reach_the_store)
{
	struct pollfd p;
	int fd = st->ops->notify_fd(st);

	ck_assert_int_ge(fd, 0);
	ck_assert(!st->ops->changes(st));
	pgtest_exec(conn, "insert into ideas (project_id, title) values (2, 'Van het platform')");
	p.fd = fd;
	p.events = POLLIN;
	ck_assert_int_eq(poll(&p, 1, 5000), 1);
	ck_assert(st->ops->changes(st));
	ck_assert(!st->ops->changes(st));
}
END_TEST

START_TEST(open_fails_with_one_sentence)
{
	struct store *s2;
	struct err e;
	char *empty = pgtest_new_db("noschema", false);

	ck_assert_int_eq(store_pg_open("host=/nonexistent dbname=x", "en", &s2, &e), ST_CONNECT);
	ck_assert_ptr_null(strchr(e.msg, '\n'));
	ck_assert_ptr_nonnull(strstr(e.msg, "Cannot connect"));
	ck_assert_int_eq(store_pg_open(empty, "en", &s2, &e), ST_NO_SCHEMA);
	ck_assert_ptr_nonnull(strstr(e.msg, "inspraak db migrate"));
	free(empty);
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store_pg");

	tcase_set_timeout(tc, 120);
	tcase_add_unchecked_fixture(tc, pgtest_setup, NULL);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, counts_per_queue);
	tcase_add_test(tc, new_queue_is_newest_first);
	tcase_add_test(tc, pages_backward_and_inclusive);
	tcase_add_test(tc, rows_carry_what_the_list_shows);
	tcase_add_test(tc, filters_narrow_every_queue);
	tcase_add_test(tc, search_ignores_case_and_accents);
	tcase_add_test(tc, details_of_each_kind);
	tcase_add_test(tc, whoami_and_reference_data);
	tcase_add_test(tc, keyset_pages_survive_ties);
	tcase_add_test(tc, window_moves_over_a_long_queue);
	tcase_add_test(tc, window_reloads_after_changes);
	tcase_add_test(tc, author_counts_stop_at_the_cap);
	tcase_add_test(tc, changes_reach_the_store);
	tcase_add_test(tc, open_fails_with_one_sentence);
	suite_add_tcase(s, tc);
	return s;
}

#include "tests/check_main.h"
