/* Fuzz target for the decoders of the Go Vocal client (core/govocal/json.c): whatever bytes
 * the network delivers, a decoder returns a list or a message, never crashes, leaks or
 * reads out of bounds.
 *
 * With libFuzzer:  clang -fsanitize=fuzzer,address -DINSPRAAK_LIBFUZZER ... fuzz_decode.c
 *                  ./fuzz_decode tests/fuzz/corpus
 * Without (make check): main() below runs the seed corpus and a fixed series of random
 * mutations of it (bit flips, truncations, splices, changed JSON values), TAP output.
 * FUZZ_ITERATIONS sets their number, FUZZ_CORPUS the seed directory. */
#include "config.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/govocal/client.h"
#include "core/govocal/internal.h"

/* Read every string of a decoded record, so AddressSanitizer sees a bad pointer. */
static size_t touch_s(const char *s)
{
	return s ? strlen(s) : 0;
}

static size_t touch_m(const struct gv_multiloc *m)
{
	size_t n = strlen(gv_multiloc_get(m, "fr-BE"));

	for (size_t i = 0; i < m->n; i++)
		n += strlen(m->v[i].locale) + strlen(m->v[i].text);
	return n;
}

static size_t touch_list(const char *const *v, size_t n)
{
	size_t r = 0;

	for (size_t i = 0; i < n; i++)
		r += touch_s(v[i]);
	return r;
}

enum which { W_USERS, W_PROJECTS, W_PHASES, W_STATUSES, W_IDEAS, W_FEEDBACK, W_MODERATIONS,
	     W_REPORTS, W_FLAGS, W_COUNT, W_JWT, W_422, W_N };

/* The status of the last decoder run_one called, and its message. */
static enum status last_st;
static struct err last_err;

static size_t run_one(enum which w, const char *buf, size_t len)
{
	struct err e;
	size_t t = 0;
	enum status st = ST_OK;

	e.msg[0] = '\0';
	switch (w) {
	case W_USERS: {
		struct gv_users l;

		if ((st = gv_decode_users(buf, len, &l, &e)) == ST_OK)
			for (size_t i = 0; i < l.n; i++) {
				t += touch_s(l.v[i].id) + touch_s(l.v[i].display_name) +
				     touch_s(l.v[i].email) + touch_s(l.v[i].highest_role);
				for (size_t k = 0; k < l.v[i].nroles; k++)
					t += touch_s(l.v[i].roles[k].type) +
					     touch_s(l.v[i].roles[k].project_id);
			}
		GV_FREE(&l);
		break;
	}
	case W_PROJECTS: {
		struct gv_projects l;

		if ((st = gv_decode_projects(buf, len, &l, &e)) == ST_OK)
			for (size_t i = 0; i < l.n; i++)
				t += touch_s(l.v[i].id) + touch_m(&l.v[i].title) +
				     touch_s(l.v[i].current_phase_id) +
				     touch_s(l.v[i].default_assignee_id) + touch_s(l.next);
		GV_FREE(&l);
		break;
	}
	case W_PHASES: {
		struct gv_phases l;

		if ((st = gv_decode_phases(buf, len, &l, &e)) == ST_OK)
			for (size_t i = 0; i < l.n; i++)
				t += touch_s(l.v[i].id) + touch_m(&l.v[i].title) +
				     touch_s(l.v[i].project_id) +
				     touch_s(l.v[i].participation_method);
		GV_FREE(&l);
		break;
	}
	case W_STATUSES: {
		struct gv_statuses l;

		if ((st = gv_decode_statuses(buf, len, &l, &e)) == ST_OK)
			for (size_t i = 0; i < l.n; i++)
				t += touch_s(l.v[i].id) + touch_s(l.v[i].code) +
				     touch_m(&l.v[i].title) + touch_s(l.v[i].color);
		GV_FREE(&l);
		break;
	}
	case W_IDEAS: {
		struct gv_ideas l;

		if ((st = gv_decode_ideas(buf, len, &l, &e)) == ST_OK)
			for (size_t i = 0; i < l.n; i++)
				t += touch_s(l.v[i].id) + touch_m(&l.v[i].title) +
				     touch_m(&l.v[i].body) + touch_s(l.v[i].project_id) +
				     touch_s(l.v[i].assignee_id) + touch_s(l.v[i].status_id) +
				     touch_list(l.v[i].phase_ids, l.v[i].nphases) +
				     touch_list(l.v[i].topic_ids, l.v[i].ntopics);
		GV_FREE(&l);
		break;
	}
	case W_FEEDBACK: {
		struct gv_feedbacks l;

		if ((st = gv_decode_feedbacks(buf, len, &l, &e)) == ST_OK)
			for (size_t i = 0; i < l.n; i++)
				t += touch_s(l.v[i].id) + touch_m(&l.v[i].body) +
				     touch_m(&l.v[i].author) + touch_s(l.v[i].idea_id);
		GV_FREE(&l);
		break;
	}
	case W_MODERATIONS: {
		struct gv_moderations l;

		if ((st = gv_decode_moderations(buf, len, &l, &e)) == ST_OK)
			for (size_t i = 0; i < l.n; i++) {
				t += touch_s(l.v[i].id) + touch_m(&l.v[i].content_body) +
				     touch_m(&l.v[i].project_title) + touch_s(l.v[i].idea_id) +
				     touch_s(l.v[i].flag_id);
				if (l.v[i].flag)
					t += touch_s(l.v[i].flag->reason_code) +
					     touch_s(l.v[i].flag->flaggable.id);
			}
		GV_FREE(&l);
		break;
	}
	case W_REPORTS: {
		struct gv_spam_reports l;

		if ((st = gv_decode_spam_reports(buf, len, &l, &e)) == ST_OK)
			for (size_t i = 0; i < l.n; i++)
				t += touch_s(l.v[i].id) + touch_s(l.v[i].reason_code) +
				     touch_s(l.v[i].reportable.type) + touch_s(l.v[i].user_id);
		GV_FREE(&l);
		break;
	}
	case W_FLAGS: {
		struct gv_flags l;

		if ((st = gv_decode_flags(buf, len, &l, &e)) == ST_OK)
			for (size_t i = 0; i < l.n; i++)
				t += touch_s(l.v[i].id) + touch_s(l.v[i].toxicity_label) +
				     touch_s(l.v[i].flaggable.id);
		GV_FREE(&l);
		break;
	}
	case W_COUNT: {
		long n;

		if (gv_decode_count(buf, len, "count", &n, &e) != ST_OK)
			st = gv_decode_count(buf, len, "total", &n, &e);
		break;
	}
	case W_JWT: {
		char *tok;

		if ((st = gv_decode_jwt(buf, len, &tok, &e)) == ST_OK) {
			t += (size_t)gv_token_expiry(tok);
			free(tok);
		}
		break;
	}
	case W_422: {
		char *m = gv_decode_422(buf, len);
		char *s = malloc(len + 1);
		int64_t ts;

		t += touch_s(m);
		if (!m)
			st = ST_FAIL;
		free(m);
		{
			char *detail, *code = gv_401_code(buf, len, &detail);

			t += touch_s(code) + touch_s(detail) +
			     gv_422_has_code(buf, len, "has_other_overlapping_phases");
			free(code);
			free(detail);
		}
		/* The same bytes as a token and as a time. */
		memcpy(s, buf, len);
		s[len] = '\0';
		t += (size_t)gv_token_expiry(s);
		if (gv_parse_time(s, &ts, NULL))
			t++;
		free(s);
		break;
	}
	default:
		break;
	}
	/* A failure always says why. */
	if (st != ST_OK && !e.msg[0] && w != W_422)
		abort();
	last_st = st;
	last_err = e;
	return t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int w = 0; w < W_N; w++)
		run_one((enum which)w, (const char *)data, size);
	return 0;
}

#if !defined(INSPRAAK_LIBFUZZER) && !defined(FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION)

struct seed {
	char *name;
	char *buf;
	size_t len;
	enum which w;
};

static enum which which_for(const char *name)
{
	static const struct { const char *prefix; enum which w; } map[] = {
		{ "user", W_USERS }, { "project", W_PROJECTS }, { "phase", W_PHASES },
		{ "status", W_STATUSES }, { "idea", W_IDEAS }, { "feedback", W_FEEDBACK },
		{ "moderation", W_MODERATIONS }, { "spam", W_REPORTS }, { "flag", W_FLAGS },
		{ "count", W_COUNT }, { "filter_count", W_COUNT }, { "jwt", W_JWT },
		{ "error", W_422 },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strncmp(name, map[i].prefix, strlen(map[i].prefix)) == 0)
			return map[i].w;
	return W_422;
}

static int load(const char *dir, struct seed **out)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct seed *v = NULL;
	int n = 0;

	if (!d)
		return -1;
	while ((de = readdir(d))) {
		char path[8192];
		FILE *f;
		long len;

		if (de->d_name[0] == '.' || !strstr(de->d_name, ".json"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		f = fopen(path, "rb");
		if (!f)
			continue;
		fseek(f, 0, SEEK_END);
		len = ftell(f);
		rewind(f);
		v = realloc(v, (size_t)(n + 1) * sizeof(*v));
		v[n].name = strdup(de->d_name);
		v[n].buf = malloc((size_t)len + 1);
		v[n].len = fread(v[n].buf, 1, (size_t)len, f);
		v[n].w = which_for(de->d_name);
		fclose(f);
		n++;
	}
	closedir(d);
	*out = v;
	return n;
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static size_t pick(size_t n)
{
	return n ? (size_t)(next_rand() % n) : 0;
}

/* Replace one value somewhere in a document: another type, a removed key, an empty one. */
static void mutate_value(json_t *v, int depth)
{
	static const char *const odd[] = { "", "2025-13-45", "x\x01y", "9999999999999999999",
					   "-1", "nl-BE", "2025-03-01T09:12:44.123+25:00" };

	if (json_is_object(v) && json_object_size(v)) {
		size_t k = pick(json_object_size(v)), i = 0;
		const char *key;
		json_t *x;

		json_object_foreach(v, key, x) {
			if (i++ != k)
				continue;
			if (depth > 0 && pick(3)) {
				mutate_value(x, depth - 1);
				return;
			}
			switch (pick(6)) {
			case 0: json_object_del(v, key); return;
			case 1: json_object_set_new(v, key, json_null()); return;
			case 2: json_object_set_new(v, key, json_integer((json_int_t)next_rand()));
				return;
			case 3: json_object_set_new(v, key, json_string(odd[pick(7)]));
				return;
			case 4: json_object_set_new(v, key, json_array()); return;
			default: json_object_set_new(v, key, json_real(1e300)); return;
			}
		}
	} else if (json_is_array(v) && json_array_size(v)) {
		size_t k = pick(json_array_size(v));

		if (depth > 0 && pick(3))
			mutate_value(json_array_get(v, k), depth - 1);
		else if (pick(2))
			json_array_remove(v, k);
		else
			json_array_set_new(v, k, json_string("x"));
	}
}

static char *mutate(const struct seed *s, const struct seed *other, size_t *len)
{
	char *b;
	size_t n = s->len, cap;

	if (pick(4) == 0) {
		/* Structure-aware: the seed's JSON with one value changed. */
		json_t *doc = json_loadb(s->buf, s->len, 0, NULL);

		if (doc) {
			char *d;

			mutate_value(doc, 6);
			d = json_dumps(doc, JSON_COMPACT);
			json_decref(doc);
			if (d) {
				*len = strlen(d);
				return d;
			}
		}
	}
	/* Room for up to four splices and repeats. */
	cap = n + 4 * other->len + 16;
	b = malloc(cap);
	memcpy(b, s->buf, n);
	for (int k = 1 + (int)pick(4); k > 0; k--) {
		static const char special[] = "\"{}[],:0n\\\x00-tf.e";
		size_t at = pick(n + 1), m;

		switch (pick(6)) {
		case 0: /* bit flip */
			if (n)
				b[pick(n)] ^= (char)(1 << pick(8));
			break;
		case 1: /* a character JSON cares about */
			if (n)
				b[pick(n)] = special[pick(sizeof(special) - 1)];
			break;
		case 2: /* truncation */
			n = at;
			break;
		case 3: /* splice: our head, another answer's tail */
			m = pick(other->len + 1);
			memcpy(b + at, other->buf + m, other->len - m);
			n = at + other->len - m;
			break;
		case 4: /* delete a range */
			m = pick(n - at + 1);
			memmove(b + at, b + at + m, n - at - m);
			n -= m;
			break;
		default: /* repeat a byte */
			if (at < n && n + 1 < cap) {
				memmove(b + at + 1, b + at, n - at);
				n++;
			}
			break;
		}
	}
	*len = n;
	return b;
}

int main(void)
{
	const char *dir = getenv("FUZZ_CORPUS");
	const char *iters = getenv("FUZZ_ITERATIONS");
	const char *src = getenv("INSPRAAK_SRCDIR");
	long count = iters ? atol(iters) : 200000;
	char path[4096];
	struct seed *seeds;
	int n;
	size_t sink = 0;

	if (!dir && src) {
		snprintf(path, sizeof(path), "%s/tests/fuzz/corpus", src);
		dir = path;
	}
#ifdef FUZZ_CORPUS_DIR
	if (!dir)
		dir = FUZZ_CORPUS_DIR;
#endif
	n = dir ? load(dir, &seeds) : -1;
	printf("1..3\n");
	if (n <= 0) {
		printf("not ok 1 - seed corpus in %s\nBail out!\n", dir ? dir : "(none)");
		return 1;
	}
	/* Every seed decodes with its own decoder: the corpus stays a valid sample. */
	{
		int bad = 0;

		for (int i = 0; i < n; i++) {
			sink += run_one(seeds[i].w, seeds[i].buf, seeds[i].len);
			if (last_st != ST_OK) {
				printf("# %s: %s\n", seeds[i].name, last_err.msg);
				bad++;
			}
		}
		printf("%s 1 - %d seeds decode\n", bad ? "not ok" : "ok", n);
	}
	for (int i = 0; i < n; i++)
		for (int w = 0; w < W_N; w++)
			sink += run_one((enum which)w, seeds[i].buf, seeds[i].len);
	printf("ok 2 - every decoder survives every seed\n");
	for (long i = 0; i < count; i++) {
		const struct seed *s = &seeds[pick((size_t)n)];
		size_t len;
		char *b = mutate(s, &seeds[pick((size_t)n)], &len);

		sink += run_one(s->w, b, len);
		if (i % 8 == 0)
			sink += run_one((enum which)pick(W_N), b, len);
		free(b);
	}
	printf("ok 3 - %ld mutated answers decoded without a crash (%zu)\n", count, sink % 10);
	for (int i = 0; i < n; i++) {
		free(seeds[i].name);
		free(seeds[i].buf);
	}
	free(seeds);
	return 0;
}

#endif
