#include "config.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/analysis/norm.h"
#include "core/text.h"
#include "core/util.h"

const char *an_lang_code(enum an_lang l)
{
	static const char *const codes[] = { "nl", "fr", "en", "de", "" };

	return (unsigned)l < AN_LANGS ? codes[l] : "";
}

/* The commonest function words of each language: enough to tell the four apart in a
 * sentence or two, and to mark tokens that say little about what a text asks. */
static const char *const function_words[AN_OTHER][64] = {
	[AN_NL] = { "aan", "al", "als", "bij", "daar", "dan", "dat", "de", "deze", "die",
		    "dit", "door", "een", "en", "er", "geen", "graag", "hebben", "heeft",
		    "het", "hier", "hun", "ik", "in", "is", "je", "kan", "maar", "mag", "meer",
		    "met", "mijn", "moet", "naar", "niet", "nog", "nu", "of", "om", "ons",
		    "onze", "ook", "op", "te", "tot", "u", "uit", "uw", "van", "veel", "voor",
		    "waar", "wat", "we", "wel", "wij", "worden", "wordt", "ze", "zijn", "zo",
		    "zou", NULL },
	[AN_FR] = { "a", "au", "aux", "avec", "avoir", "c", "ce", "ces", "cette", "comme", "d",
		    "dans", "de", "des", "du", "elle", "en", "est", "et", "etre", "faire",
		    "ici", "il", "j", "je", "l", "la", "le", "les", "leur", "mais", "n", "ne",
		    "nous", "on", "ou", "par", "pas", "peut", "plus", "pour", "qu", "que",
		    "qui", "s", "sa", "se", "ses", "si", "son", "sont", "sur", "tout", "tres",
		    "un", "une", "vous", "y", NULL },
	[AN_EN] = { "a", "all", "also", "an", "and", "any", "are", "as", "at", "be", "but",
		    "by", "can", "could", "do", "does", "for", "from", "has", "have", "here",
		    "i", "if", "in", "into", "is", "it", "its", "more", "my", "no", "not",
		    "of", "on", "or", "our", "please", "should", "so", "some", "than", "that",
		    "the", "their", "then", "there", "they", "this", "to", "very", "was", "we",
		    "were", "what", "which", "who", "will", "with", "would", "you", NULL },
	[AN_DE] = { "ab", "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bitte",
		    "das", "dass", "dem", "den", "der", "des", "die", "durch", "ein", "eine",
		    "einen", "einer", "es", "fur", "hier", "ich", "im", "ist", "kann", "kein",
		    "keine", "man", "mehr", "mit", "muss", "nicht", "noch", "nur", "oder",
		    "sehr", "sich", "sie", "sind", "so", "sollte", "sollten", "uber", "und",
		    "viele", "vom", "von", "wenn", "werden", "wie", "wir", "wird", "zu", "zum",
		    "zur", NULL },
};

static int cmp_word(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every word is looked up in four lists when the language is detected: the lists are sorted
 * (in byte order, as strcmp compares) so that a lookup is a binary search, and nothing is
 * made on first use, so two threads may look up at once. */
static bool is_function_word(enum an_lang l, const char *w)
{
	size_t n = 0;

	if (l >= AN_OTHER || !*w || strlen(w) > 8)
		return false;
	while (function_words[l][n])
		n++;
	return bsearch(&w, function_words[l], n, sizeof(*function_words[l]), cmp_word) != NULL;
}

/* One stemmer per language, made on first use; the engine runs on one thread. */
static struct sb_stemmer *stemmer(enum an_lang l)
{
	static struct sb_stemmer *s[AN_OTHER];
	static const char *const names[AN_OTHER] = { "dutch", "french", "english", "german" };

	if (l >= AN_OTHER)
		return NULL;
	if (!s[l])
		s[l] = sb_stemmer_new(names[l], "UTF_8");
	return s[l];
}

static bool word_char(utf8proc_int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
	       (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

struct span {
	size_t off, len;
	bool capital, sentence_start;
};

/* Two capitals or more and no small letter: shouting, or an acronym. */
static bool all_upper(const char *s, size_t n)
{
	size_t i = 0;
	int upper = 0;

	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(n - i), &cp);

		if (k <= 0)
			break;
		if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LL)
			return false;
		upper += utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
		i += (size_t)k;
	}
	return upper >= 2;
}

/* Words of the original text: runs of letters, marks and digits. */
static int words(const char *s, struct span **out)
{
	size_t n = strlen(s), i = 0;
	int count = 0, cap = 0;
	bool sentence_start = true;

	*out = NULL;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(n - i), &cp);

		if (k <= 0) {
			i++;
			continue;
		}
		if (!word_char(cp)) {
			if (cp == '.' || cp == '!' || cp == '?' || cp == '\n')
				sentence_start = true;
			i += (size_t)k;
			continue;
		}
		if (count == cap) {
			cap = cap ? cap * 2 : 32;
			*out = xreallocarray(*out, (size_t)cap, sizeof(**out));
		}
		(*out)[count].off = i;
		(*out)[count].capital = utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
		(*out)[count].sentence_start = sentence_start;
		sentence_start = false;
		while (i < n) {
			k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
			if (k <= 0 || !word_char(cp))
				break;
			i += (size_t)k;
		}
		(*out)[count].len = i - (*out)[count].off;
		if ((*out)[count].capital && all_upper(s + (*out)[count].off, (*out)[count].len))
			(*out)[count].capital = false;
		count++;
	}
	return count;
}

enum an_lang an_detect(const char *text)
{
	struct span *w;
	int n = words(text, &w), hits[AN_OTHER] = { 0 }, best = AN_OTHER, second = 0;

	for (int i = 0; i < n; i++) {
		char *word = xstrndup(text + w[i].off, w[i].len);
		char *f = text_fold(word);

		for (int l = 0; l < AN_OTHER; l++)
			hits[l] += is_function_word((enum an_lang)l, f);
		free(f);
		free(word);
	}
	free(w);
	for (int l = 0; l < AN_OTHER; l++) {
		if (best == AN_OTHER || hits[l] > hits[best]) {
			if (best != AN_OTHER)
				second = hits[best];
			best = l;
		} else if (hits[l] > second) {
			second = hits[l];
		}
	}
	/* Nothing, or a tie, tells nothing. */
	return best == AN_OTHER || hits[best] == 0 || hits[best] == second ? AN_OTHER : (enum an_lang)best;
}

static bool dutch_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* The length of a Dutch diminutive's root ("boompjes" -> "boom", "straatje" -> "straat",
 * "pleintje" -> "plein", "bolletje" -> "bol"), or of the whole word when it is none:
 * Snowball's Dutch stemmer leaves diminutives alone, yet citizens write "bankje" for a
 * "bank" as often as not. The suffix rules of Dutch spelling decide; where they are
 * ambiguous without a dictionary ("kaartje", "taartje"), the commoner reading wins. */
static size_t dutch_diminutive_root(const char *w)
{
	size_t n = strlen(w);

	if (n >= 6 && strcmp(w + n - 3, "jes") == 0)
		n--;
	if (n < 5 || w[n - 2] != 'j' || w[n - 1] != 'e')
		return strlen(w);
	n -= 2; /* the root plus t, p or et when those belong to the suffix */
	/* bol-l-etje, man-n-etje: a short vowel doubles the consonant before "etje". */
	if (n >= 6 && w[n - 1] == 't' && w[n - 2] == 'e' && w[n - 3] == w[n - 4] && !dutch_vowel(w[n - 3]))
		return n - 3;
	/* boom-pje, bloem-pje */
	if (n >= 4 && w[n - 1] == 'p' && w[n - 2] == 'm')
		return n - 1;
	/* plein-tje, stoel-tje, deur-tje: a long vowel or a diphthong, then l, n, r or w; after
	 * a short vowel ("plantje", "puntje") the t is the root's own. */
	if (n >= 5 && w[n - 1] == 't' && strchr("lnrw", w[n - 2]) && dutch_vowel(w[n - 3]) &&
	    dutch_vowel(w[n - 4]))
		return n - 1;
	return n >= 3 ? n : strlen(w);
}

void an_text_init(struct an_text *t, const char *text, enum an_lang lang_hint)
{
	struct span *w;
	int n;
	struct sb_stemmer *st;
	struct sbuf all;

	memset(t, 0, sizeof(*t));
	text = text ? text : "";
	t->lang = an_detect(text);
	if (t->lang == AN_OTHER)
		t->lang = lang_hint;
	st = stemmer(t->lang);
	n = words(text, &w);
	t->tok = xcalloc((size_t)n + 1, sizeof(*t->tok));
	sbuf_init(&all);
	for (int i = 0; i < n; i++) {
		char *raw = xstrndup(text + w[i].off, w[i].len);
		struct an_token *k = &t->tok[t->ntok];

		k->fold = text_fold(raw);
		free(raw);
		if (!*k->fold) {
			free(k->fold);
			continue;
		}
		for (const char *p = k->fold; *p; p++)
			if (*p >= '0' && *p <= '9')
				k->number = true;
		k->capital = w[i].capital && !w[i].sentence_start;
		k->start = w[i].sentence_start;
		k->stop = is_function_word(t->lang, k->fold);
		if (!k->number && st) {
			size_t len = t->lang == AN_NL ? dutch_diminutive_root(k->fold) : strlen(k->fold);
			const sb_symbol *s = sb_stemmer_stem(st, (const sb_symbol *)k->fold, (int)len);

			k->stem = s ? xstrndup((const char *)s, (size_t)sb_stemmer_length(st)) : xstrdup(k->fold);
		} else {
			k->stem = xstrdup(k->fold);
		}
		if (all.len)
			sbuf_addc(&all, ' ');
		sbuf_add(&all, k->fold);
		t->ntok++;
	}
	free(w);
	t->fold = sbuf_take(&all);
}

void an_text_free(struct an_text *t)
{
	for (int i = 0; i < t->ntok; i++) {
		free(t->tok[i].fold);
		free(t->tok[i].stem);
	}
	free(t->tok);
	free(t->fold);
	memset(t, 0, sizeof(*t));
}

static uint32_t rotl(uint32_t x, int r)
{
	return (x << r) | (x >> (32 - r));
}

/* MurmurHash3's 32-bit mix, written for this engine from its published description. */
uint32_t an_hash(const void *data, size_t n, uint32_t seed)
{
	const uint8_t *p = data;
	uint32_t h = seed, k;
	size_t i = 0;

	for (; i + 4 <= n; i += 4) {
		memcpy(&k, p + i, 4);
		k *= 0xcc9e2d51u;
		k = rotl(k, 15);
		k *= 0x1b873593u;
		h ^= k;
		h = rotl(h, 13);
		h = h * 5 + 0xe6546b64u;
	}
	k = 0;
	switch (n & 3) {
	case 3:
		k ^= (uint32_t)p[i + 2] << 16;
		/* fall through */
	case 2:
		k ^= (uint32_t)p[i + 1] << 8;
		/* fall through */
	case 1:
		k ^= p[i];
		k *= 0xcc9e2d51u;
		k = rotl(k, 15);
		k *= 0x1b873593u;
		h ^= k;
		break;
	default:
		break;
	}
	h ^= (uint32_t)n;
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

void an_char_ngrams(const char *fold, int nmin, int nmax,
		    void (*fn)(void *ctx, const char *gram, size_t len), void *ctx)
{
	size_t n = strlen(fold);
	char *s = xmalloc(n + 3);
	size_t *starts = xcalloc(n + 3, sizeof(*starts));
	size_t cps = 0, i = 0;

	s[0] = ' ';
	memcpy(s + 1, fold, n);
	s[n + 1] = ' ';
	s[n + 2] = '\0';
	n += 2;
	/* Code point starts, so a gram never cuts a character. */
	while (i < n) {
		starts[cps++] = i;
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
	starts[cps] = n;
	for (size_t a = 0; a < cps; a++)
		for (int len = nmin; len <= nmax && a + (size_t)len <= cps; len++)
			fn(ctx, s + starts[a], starts[a + (size_t)len] - starts[a]);
	free(starts);
	free(s);
}
