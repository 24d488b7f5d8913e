/* The duplicate index on disk, so a restart does not normalise every idea again.
 *
 * Layout (host byte order, checked by a marker): "INSPDUPE", the marker 0x01020304, the
 * index version, the normalisation version, the payload's length, the payload, and a 64-bit
 * FNV-1a of the payload. The payload holds the terms (key, df, flags), the vocabulary, the
 * projects and the live ideas with their signatures; the postings are rebuilt from the
 * signatures on load (no text is read), which also drops removed ideas and the arena's
 * slack. Every count and offset is checked before use, so a damaged file is refused rather
 * than trusted. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/analysis/dupes_int.h"
#include "core/i18n.h"

static const char magic[8] = { 'I', 'N', 'S', 'P', 'D', 'U', 'P', 'E' };
#define MARKER 0x01020304u

struct wr {
	FILE *f;
	uint64_t hash, len;
	bool ok;
};

static void put(struct wr *w, const void *p, size_t n)
{
	const uint8_t *b = p;

	for (size_t i = 0; i < n; i++) {
		w->hash ^= b[i];
		w->hash *= 0x100000001b3ULL;
	}
	w->len += n;
	if (n && fwrite(p, 1, n, w->f) != n)
		w->ok = false;
}

static void put32(struct wr *w, uint32_t v)
{
	put(w, &v, sizeof(v));
}

static void put64(struct wr *w, uint64_t v)
{
	put(w, &v, sizeof(v));
}

static uint64_t fnv(const uint8_t *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The signature of doc: its bytes run to the next doc's or to the end. */
static size_t sig_len(const struct dupes_index *ix, uint32_t doc)
{
	const uint8_t *q = ix->sigs + ix->sig[doc];
	uint32_t nt, nb, v;

	q = dx_get_varint(q, &nt);
	q = dx_get_varint(q, &nb);
	for (uint32_t i = 0; i < nt + nb; i++)
		q = dx_get_varint(q, &v);
	return (size_t)(q - (ix->sigs + ix->sig[doc]));
}

static void write_payload(const struct dupes_index *ix, struct wr *w)
{
	uint64_t off = 0;

	put32(w, ix->nterms);
	put(w, ix->tkey, ix->nterms * sizeof(*ix->tkey));
	put(w, ix->tdf, ix->nterms * sizeof(*ix->tdf));
	put(w, ix->tflags, ix->nterms);
	put32(w, ix->nwords);
	put(w, ix->words, ix->nwords * sizeof(*ix->words));
	put64(w, ix->strs_len);
	put(w, ix->strs, ix->strs_len);
	put64(w, ix->gpool_len);
	put(w, ix->gpool, ix->gpool_len * sizeof(*ix->gpool));
	put32(w, ix->nprojects);
	put(w, ix->projects, ix->nprojects * sizeof(*ix->projects));
	put32(w, ix->nlive);
	for (uint32_t d = 0; d < ix->ndocs; d++)
		if (!ix->dead[d]) {
			uint8_t b[2] = { ix->lang[d], ix->ntok[d] };

			put64(w, (uint64_t)ix->id[d]);
			put32(w, ix->proj[d]);
			put(w, b, 2);
			off += sig_len(ix, d);
		}
	put64(w, off);
	for (uint32_t d = 0; d < ix->ndocs; d++)
		if (!ix->dead[d])
			put(w, ix->sigs + ix->sig[d], sig_len(ix, d));
	put(w, &ix->tune, sizeof(ix->tune));
}

enum status dupes_index_save(const struct dupes_index *ix, const char *path, struct err *e)
{
	char *tmp = xasprintf("%s.tmp", path);
	struct wr w = { 0 };
	uint64_t len;
	uint32_t head[3] = { MARKER, DUPES_VERSION, AN_NORM_VERSION };

	/* Measure first, so the length precedes the payload and a short file shows. */
	w.f = fopen("/dev/null", "wb");
	w.ok = w.f != NULL;
	if (w.f) {
		write_payload(ix, &w);
		fclose(w.f);
	}
	len = w.len;
	w = (struct wr){ .f = fopen(tmp, "wb"), .hash = 0xcbf29ce484222325ULL, .ok = true };
	if (!w.f) {
		err_set(e, _("%s: %s"), tmp, strerror(errno));
		free(tmp);
		return ST_FAIL;
	}
	if (fwrite(magic, 1, sizeof(magic), w.f) != sizeof(magic) ||
	    fwrite(head, 1, sizeof(head), w.f) != sizeof(head) || fwrite(&len, 1, sizeof(len), w.f) != sizeof(len))
		w.ok = false;
	w.hash = 0xcbf29ce484222325ULL;
	w.len = 0;
	write_payload(ix, &w);
	if (fwrite(&w.hash, 1, sizeof(w.hash), w.f) != sizeof(w.hash))
		w.ok = false;
	if (fflush(w.f) != 0)
		w.ok = false;
	if (fclose(w.f) != 0)
		w.ok = false;
	if (!w.ok || w.len != len || rename(tmp, path) != 0) {
		err_set(e, _("%s: cannot write the duplicate index: %s"), path, strerror(errno ? errno : EIO));
		remove(tmp);
		free(tmp);
		return ST_FAIL;
	}
	free(tmp);
	return ST_OK;
}

/* --- loading ------------------------------------------------------------------------------ */

struct rd {
	const uint8_t *p, *end;
	bool ok;
};

static const void *take(struct rd *r, uint64_t n)
{
	const uint8_t *p = r->p;

	if (!r->ok || n > (uint64_t)(r->end - r->p)) {
		r->ok = false;
		return NULL;
	}
	r->p += n;
	return p;
}

static uint32_t get32(struct rd *r)
{
	uint32_t v = 0;
	const void *p = take(r, sizeof(v));

	if (p)
		memcpy(&v, p, sizeof(v));
	return v;
}

static uint64_t get64(struct rd *r)
{
	uint64_t v = 0;
	const void *p = take(r, sizeof(v));

	if (p)
		memcpy(&v, p, sizeof(v));
	return v;
}

/* Copy n items of size bytes into a new array (at least one item, so never NULL). */
static void *get_array(struct rd *r, uint64_t n, size_t size)
{
	const void *p;
	void *a;

	if (n > (uint64_t)(r->end - r->p) / size) {
		r->ok = false;
		return NULL;
	}
	p = take(r, n * size);
	a = xmalloc(n ? n * size : size);
	if (p)
		memcpy(a, p, n * size);
	return a;
}

/* A signature whose words all exist and whose bytes stay inside [q, end). */
static bool sig_ok(const uint8_t *q, const uint8_t *end, uint32_t nwords, const uint8_t **next)
{
	uint32_t n[2] = { 0, 0 }, word = 0;

	for (int part = 0; part < 2; part++) {
		uint32_t v = 0;
		int shift = 0;

		do {
			if (q >= end || shift > 28)
				return false;
			v |= (uint32_t)(*q & 0x7f) << shift;
			shift += 7;
		} while (*q++ & 0x80);
		n[part] = v;
	}
	for (uint32_t i = 0; i < n[0] + n[1]; i++) {
		uint32_t v = 0;
		int shift = 0;

		do {
			if (q >= end || shift > 28)
				return false;
			v |= (uint32_t)(*q & 0x7f) << shift;
			shift += 7;
		} while (*q++ & 0x80);
		word = i == 0 || i == n[0] ? v : word + v;
		if (word >= nwords)
			return false;
	}
	*next = q;
	return true;
}

static bool vocab_ok(const struct dupes_index *ix)
{
	if (ix->strs_len && ix->strs[ix->strs_len - 1] != '\0')
		return false;
	for (uint32_t i = 0; i < ix->gpool_len; i++)
		if (ix->gpool[i] >= ix->nterms)
			return false;
	for (uint32_t i = 0; i < ix->nwords; i++) {
		const struct dx_word *w = &ix->words[i];

		if (w->str >= ix->strs_len || w->stem >= ix->nterms || w->lang >= AN_LANGS ||
		    (uint64_t)w->grams + w->ngrams > ix->gpool_len)
			return false;
	}
	return true;
}

static bool read_payload(struct dupes_index *ix, struct rd *r)
{
	const uint8_t *sigs, *q;
	uint64_t nsig;
	const void *tune;

	ix->nterms = ix->capterms = get32(r);
	ix->tkey = get_array(r, ix->nterms, sizeof(*ix->tkey));
	ix->tdf = get_array(r, ix->nterms, sizeof(*ix->tdf));
	ix->tflags = get_array(r, ix->nterms, 1);
	ix->nwords = ix->capwords = get32(r);
	ix->words = get_array(r, ix->nwords, sizeof(*ix->words));
	ix->strs_len = ix->strs_cap = get64(r);
	ix->strs = get_array(r, ix->strs_len, 1);
	ix->gpool_len = ix->gpool_cap = get64(r);
	ix->gpool = get_array(r, ix->gpool_len, sizeof(*ix->gpool));
	ix->nprojects = ix->capprojects = get32(r);
	ix->projects = get_array(r, ix->nprojects, sizeof(*ix->projects));
	ix->ndocs = ix->capdocs = get32(r);
	if (!r->ok || ix->ndocs > (uint64_t)(r->end - r->p) / 14 || !vocab_ok(ix))
		return false;
	ix->tlist = xmalloc(((size_t)ix->nterms + 1) * sizeof(*ix->tlist));
	for (uint32_t t = 0; t < ix->nterms; t++)
		ix->tlist[t] = DX_NONE;
	ix->project_live = xcalloc((size_t)ix->nprojects + 1, sizeof(*ix->project_live));
	ix->id = xmalloc(((size_t)ix->ndocs + 1) * sizeof(*ix->id));
	ix->proj = xmalloc(((size_t)ix->ndocs + 1) * sizeof(*ix->proj));
	ix->sig = xmalloc(((size_t)ix->ndocs + 1) * sizeof(*ix->sig));
	ix->lang = xmalloc((size_t)ix->ndocs + 1);
	ix->ntok = xmalloc((size_t)ix->ndocs + 1);
	ix->dead = xcalloc((size_t)ix->ndocs + 1, 1);
	for (uint32_t d = 0; d < ix->ndocs; d++) {
		const uint8_t *b;

		ix->id[d] = (int64_t)get64(r);
		ix->proj[d] = get32(r);
		b = take(r, 2);
		if (!b || ix->proj[d] >= ix->nprojects || b[0] >= AN_LANGS)
			return false;
		ix->lang[d] = b[0];
		ix->ntok[d] = b[1];
		ix->project_live[ix->proj[d]]++;
	}
	nsig = get64(r);
	sigs = take(r, nsig);
	tune = take(r, sizeof(ix->tune));
	if (!r->ok || r->p != r->end)
		return false;
	ix->sigs = xmalloc(nsig + 1);
	memcpy(ix->sigs, sigs, nsig);
	ix->sigs_len = ix->sigs_cap = nsig;
	memcpy(&ix->tune, tune, sizeof(ix->tune));
	if (ix->tune.candidates < 1 || ix->tune.budget < 0)
		return false;
	q = ix->sigs;
	for (uint32_t d = 0; d < ix->ndocs; d++) {
		ix->sig[d] = (uint32_t)(q - ix->sigs);
		if (!sig_ok(q, ix->sigs + nsig, ix->nwords, &q))
			return false;
	}
	return q == ix->sigs + nsig;
}

/* The postings, from the signatures: every stem of every idea, in order. */
static void rebuild_postings(struct dupes_index *ix)
{
	uint32_t *terms = NULL;
	int n = 0, cap = 0;

	for (uint32_t d = 0; d < ix->ndocs; d++) {
		dx_doc_terms(ix, d, false, &terms, &n, &cap);
		for (int i = 0; i < n; i++) {
			uint32_t t = terms[i];
			struct dx_list *l;
			uint8_t tmp[5], *end;
			size_t len;

			if ((ix->tkey[t] & 1) != DX_STEM || (ix->tflags[t] & DX_COMMON))
				continue;
			if (ix->tlist[t] == DX_NONE) {
				if (ix->nlists == ix->caplists) {
					ix->caplists = ix->caplists ? ix->caplists * 2 : 1024;
					ix->lists = xreallocarray(ix->lists, ix->caplists, sizeof(*ix->lists));
				}
				ix->tlist[t] = ix->nlists;
				ix->lists[ix->nlists++] = (struct dx_list){ 0 };
			}
			/* First pass: lengths only, so every list gets exactly its room. */
			l = &ix->lists[ix->tlist[t]];
			end = dx_put_varint(tmp, l->len || l->cap ? d - l->last : d);
			len = (size_t)(end - tmp);
			l->cap += (uint32_t)len;
			l->last = d;
			l->len = 1;
		}
	}
	ix->arena_cap = 1;
	for (uint32_t i = 0; i < ix->nlists; i++) {
		ix->lists[i].off = (uint32_t)(ix->arena_cap - 1);
		ix->arena_cap += ix->lists[i].cap;
		ix->lists[i].len = 0;
	}
	ix->arena = xmalloc(ix->arena_cap);
	ix->arena_len = ix->arena_cap - 1;
	for (uint32_t d = 0; d < ix->ndocs; d++) {
		dx_doc_terms(ix, d, false, &terms, &n, &cap);
		for (int i = 0; i < n; i++) {
			struct dx_list *l;
			uint8_t *end;

			if (ix->tlist[terms[i]] == DX_NONE)
				continue;
			l = &ix->lists[ix->tlist[terms[i]]];
			end = dx_put_varint(ix->arena + l->off + l->len, l->len ? d - l->last : d);
			l->len = (uint32_t)(end - (ix->arena + l->off));
			l->last = d;
		}
	}
	free(terms);
}

enum status dupes_index_load(const char *path, struct dupes_index **out, struct err *e)
{
	FILE *f = fopen(path, "rb");
	struct dupes_index *ix;
	uint8_t *data = NULL;
	size_t n = 0, cap = 0, got;
	uint32_t head[3];
	uint64_t len, sum;
	struct rd r;

	*out = NULL;
	if (!f) {
		err_set(e, _("%s: %s"), path, strerror(errno));
		return errno == ENOENT ? ST_NOT_FOUND : ST_FAIL;
	}
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 1 << 20;
			data = xrealloc(data, cap);
		}
		got = fread(data + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	if (n < sizeof(magic) + sizeof(head) + 16 || memcmp(data, magic, sizeof(magic)) != 0) {
		err_set(e, _("%s: not a duplicate index of inspraak"), path);
		free(data);
		return ST_INVALID;
	}
	memcpy(head, data + sizeof(magic), sizeof(head));
	memcpy(&len, data + sizeof(magic) + sizeof(head), sizeof(len));
	if (head[0] != MARKER || head[1] != DUPES_VERSION || head[2] != AN_NORM_VERSION) {
		err_set(e, _("%s: a duplicate index of another version (index %u, text %u; this "
			     "inspraak writes %d and %d): rebuild it from the ideas"), path,
			head[0] == MARKER ? head[1] : 0, head[0] == MARKER ? head[2] : 0, DUPES_VERSION,
			AN_NORM_VERSION);
		free(data);
		return ST_INVALID;
	}
	r = (struct rd){ data + sizeof(magic) + sizeof(head) + 8, data + n, true };
	if (len != (uint64_t)(r.end - r.p) - 8) {
		err_set(e, _("%s: the duplicate index is truncated or damaged: rebuild it from the ideas"),
			path);
		free(data);
		return ST_INVALID;
	}
	r.end -= 8;
	memcpy(&sum, r.end, sizeof(sum));
	ix = dupes_index_new();
	dx_table_free(&ix->terms);
	dx_table_free(&ix->vocab);
	dx_table_free(&ix->ids);
	dx_table_free(&ix->projtab);
	if (sum != fnv(r.p, len) || !read_payload(ix, &r)) {
		err_set(e, _("%s: the duplicate index is damaged: rebuild it from the ideas"), path);
		dupes_index_free(ix);
		free(data);
		return ST_INVALID;
	}
	free(data);
	dx_set_live(ix, ix->ndocs);
	dx_term_rehash(ix);
	dx_vocab_rehash(ix);
	dx_projects_rehash(ix);
	dx_ids_rehash(ix);
	rebuild_postings(ix);
	*out = ix;
	return ST_OK;
}
