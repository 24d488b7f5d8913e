#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "core/keys.h"
#include "core/util.h"

/* The first spelling of each key is the one key_format writes; the others are read too. */
static const struct {
	const char *name;
	int key;
} named[] = {
	{ "Up", KEYC_UP },
	{ "Down", KEYC_DOWN },
	{ "Left", KEYC_LEFT },
	{ "Right", KEYC_RIGHT },
	{ "PageUp", KEYC_PAGEUP },
	{ "PageDown", KEYC_PAGEDOWN },
	{ "Home", KEYC_HOME },
	{ "End", KEYC_END },
	{ "Enter", KEYC_ENTER },
	{ "Return", KEYC_ENTER },
	{ "Tab", KEYC_TAB },
	{ "BackTab", KEYC_BACKTAB },
	{ "Esc", KEYC_ESC },
	{ "Space", KEYC_SPACE },
	{ "Backspace", KEYC_BACKSPACE },
	{ "Delete", KEYC_DELETE },
	{ "Insert", KEYC_INSERT },
};

/* The terminal delivers some control keys as something else (the tui folds ^J into Enter
 * and ^H and DEL into Backspace); a binding must name what arrives or it never fires. */
static int key_canonical(int key)
{
	switch (key) {
	case '\n':
		return KEYC_ENTER;
	case 8:
	case 127:
		return KEYC_BACKSPACE;
	default:
		return key;
	}
}

static bool parse_named(const char *s, size_t len, int *key)
{
	for (size_t i = 0; i < ARRAY_SIZE(named); i++)
		if (strlen(named[i].name) == len && strncasecmp(named[i].name, s, len) == 0) {
			*key = named[i].key;
			return true;
		}
	/* F1..F12, no leading zero, so that each key has one spelling besides case. */
	if ((s[0] == 'F' || s[0] == 'f') && len >= 2 && len <= 3 && s[1] >= '1' && s[1] <= '9') {
		int n = s[1] - '0';

		if (len == 3) {
			if (s[2] < '0' || s[2] > '9')
				return false;
			n = n * 10 + (s[2] - '0');
		}
		if (n > 12)
			return false;
		*key = KEYC_F1 + n - 1;
		return true;
	}
	return false;
}

bool key_parse(const char *s, int *key)
{
	size_t len;
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;

	if (!s || !*s)
		return false;
	len = strlen(s);
	if (s[0] == '<' && len > 2 && s[len - 1] == '>')
		return parse_named(s + 1, len - 2, key);
	if (s[0] == '^' && len == 2) {
		unsigned char c = (unsigned char)s[1];

		if (c == '?') {
			*key = key_canonical(127);
			return true;
		}
		if (c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 'a' + 'A');
		if (c < '@' || c > '_')
			return false;
		*key = key_canonical(c & 0x1f);
		return true;
	}
	r = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp);
	/* One printable character: raw control bytes are written ^X instead, so that a stray
	 * byte in a config file is not silently bound. */
	if (r <= 0 || (size_t)r != len || cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return false;
	*key = cp;
	return true;
}

void key_format(int key, char *buf, size_t n)
{
	if (!buf || n == 0)
		return;
	key = key_canonical(key);
	for (size_t i = 0; i < ARRAY_SIZE(named); i++)
		if (named[i].key == key) {
			snprintf(buf, n, "<%s>", named[i].name);
			return;
		}
	if (key >= KEYC_F1 && key <= KEYC_F12) {
		snprintf(buf, n, "<F%d>", key - KEYC_F1 + 1);
	} else if (key == KEYC_RESIZE) {
		/* Never bound (the console handles it first), but traces and messages name it. */
		snprintf(buf, n, "<Resize>");
	} else if (key >= 0 && key < 0x20) {
		snprintf(buf, n, "^%c", (char)(key + '@'));
	} else if (key > 0x20 && utf8proc_codepoint_valid(key) && !(key >= 0x7f && key < 0xa0)) {
		utf8proc_uint8_t u[4];
		utf8proc_ssize_t len = utf8proc_encode_char(key, u);

		snprintf(buf, n, "%.*s", (int)len, (const char *)u);
	} else {
		snprintf(buf, n, "<?>");
	}
}
