/* Key codes independent of curses: a Unicode code point for a character key, a control
 * character (1..31, 127) as itself, and the values below for the rest. The tui maps curses'
 * KEY_* onto these; the keymap, the config parser and the help screen only see these. */
#ifndef INSPRAAK_KEYS_H
#define INSPRAAK_KEYS_H

#include <stdbool.h>
#include <stddef.h>

enum {
	KEYC_ESC = 27,
	KEYC_ENTER = '\r',   /* Enter and ^M and ^J all arrive as this */
	KEYC_TAB = '\t',
	KEYC_SPACE = ' ',
	KEYC_BASE = 0x200000,
	KEYC_UP,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_PAGEUP,
	KEYC_PAGEDOWN,
	KEYC_HOME,
	KEYC_END,
	KEYC_BACKTAB,
	KEYC_BACKSPACE,
	KEYC_DELETE,
	KEYC_INSERT,
	KEYC_F1,
	KEYC_F12 = KEYC_F1 + 11,
	KEYC_RESIZE,
};

/* Parse a key as written in the config: a character ("j", "G", "é", "/"), "^X" for a control
 * key, or a name in angle brackets, case-insensitive: <Up> <Down> <Left> <Right> <PageUp>
 * <PageDown> <Home> <End> <Enter> <Return> <Tab> <BackTab> <Esc> <Space> <Backspace>
 * <Delete> <Insert> <F1>..<F12>. Returns false for anything else, raw control characters
 * included. Control keys give what the terminal delivers: ^M and ^J are <Enter>, ^I is <Tab>,
 * ^[ is <Esc>, ^H and ^? are <Backspace>; "^x" is "^X". */
bool key_parse(const char *s, int *key);

/* The name of a key as key_parse reads it, for the help screen ("j", "^L", "<PageDown>"):
 * key_parse of the name gives the key back. Tab, Enter, Esc and space are <Tab> <Enter> <Esc>
 * <Space>; KEYC_RESIZE is "<Resize>" and a value that is no key "<?>" (neither parses). */
void key_format(int key, char *buf, size_t n);

#endif
