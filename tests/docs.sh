#!/bin/bash
# The manual pages follow the code: the key table of inspraak(1) is what `inspraak keys --man`
# prints from the action list (make update-man rewrites it), and every action, option and
# colour slot is documented. Output is TAP.
set -u
: "${INSPRAAK_BIN:?}" "${INSPRAAK_SRCDIR:?}"
man1="$INSPRAAK_SRCDIR/docs/inspraak.1"
man5="$INSPRAAK_SRCDIR/docs/inspraak-config.5"
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; printf '# %s\n' "$@"; }

table=$(sed -n '/^\.\\" keys:start/,/^\.\\" keys:end/p' "$man1" | sed '1d;$d')
want=$("$INSPRAAK_BIN" keys --man)
if [ "$table" = "$want" ]; then
	ok "the key table of inspraak(1) is the action list's (make update-man)"
else
	not_ok "the key table of inspraak(1) is the action list's" "run make update-man" \
		"$(diff <(printf '%s\n' "$table") <(printf '%s\n' "$want") | head -20)"
fi
missing=""
for sub in demo "db migrate" server keys analyze "score duplicates" "score spam" "score department" login logout; do
	grep -q "^\.B inspraak $sub" "$man1" || missing="$missing [$sub]"
	"$INSPRAAK_BIN" --help | grep -q "inspraak $sub" || missing="$missing [$sub in --help]"
done
if [ -z "$missing" ]; then ok "every subcommand is in inspraak(1) and --help"; else not_ok "every subcommand is documented" "missing:$missing"; fi
if [ -z "$(groff -t -man -Tutf8 -ww -z "$man1" "$man5" 2>&1)" ]; then
	ok "the manual pages format without warnings"
else
	not_ok "the manual pages format without warnings" "$(groff -t -man -Tutf8 -ww -z "$man1" "$man5" 2>&1 | head -5)"
fi
if [ -f "$man5" ] && grep -q 'flag\\-threshold' "$man5"; then ok "inspraak-config(5) documents the options"; else not_ok "inspraak-config(5) documents the options"; fi
echo "1..$n"
[ "$failed" -eq 0 ]
