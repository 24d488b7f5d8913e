#!/bin/bash
# Screen tests: the real binary in tmux at 80x24 and 120x40, compared with golden screens.
# Run by `make check`; GENERATE=1 rewrites the goldens (review them with git diff).
set -u
. "$(dirname "$0")/lib.sh"

command -v tmux >/dev/null || { echo "Bail out! tmux is needed for the screen tests (apt-get install tmux)"; exit 1; }
command -v psql >/dev/null || { echo "Bail out! psql is needed for the screen tests (apt-get install postgresql-client)"; exit 1; }
server_setup

# --- 80x24: stacked panes ----------------------------------------------------------------------
new_db
start a 80 24 "$db"
golden a start-80x24 "start-up at 80x24 shows the new-ideas queue with its detail"
keys a j j j
golden a nav-80x24 "j moves the selection and the detail follows"
keys a G
golden a last-80x24 "G goes to the last idea"
keys a Enter
keys a j j j j j j
golden a detail-80x24 "Enter focuses the detail pane, where j scrolls it"
keys a Escape g G
check "the detail starts with the idea's title" wait_re a "^#[0-9]+ Een lang verhaal"
keys a J J
title_gone() { ! capture a | grep -qE "^#[0-9]+ Een lang verhaal"; }
check "J scrolls the detail from the list" title_gone
keys a K K
check "K scrolls it back" wait_re a "^#[0-9]+ Een lang verhaal"
keys a g
check "g goes back to the first idea" wait_re a "^#[0-9]+ Speeltuin bij de school"
keys a 2
golden a dupes-80x24 "2 shows the duplicate queue, the pair stacked on a narrow screen"
keys a 3
golden a flags-80x24 "3 shows the flag queue, grouped per item"
keys a '?'
golden a help-80x24 "? shows help generated from the action list"
keys a q
check "q closes the help and keeps the console open" wait_for a "3 Flags 3"
tm resize-window -t a -x 60 -y 20
wait_for a "needs at least"
settle a
golden a small-60x20 "a terminal smaller than 80x24 gets a clear message"
tm resize-window -t a -x 80 -y 24
wait_for a "Rep. Score"
settle a
golden a flags-80x24 "resizing back redraws the same screen"
quit a
check "q quits with status 0" test "$(exit_status a)" = 0
check "the terminal is restored on quit (no alternate screen)" test "$(pane a '#{alternate_on}')" = 0
kill_session a

# --- 120x40: side by side ----------------------------------------------------------------------
new_db
start b 120 40 "$db"
golden b start-120x40 "start-up at 120x40 puts the panes side by side"
keys b 2
golden b dupes-120x40 "the duplicate pair side by side with the differing words marked"
keys b 1 j j j j j j j
golden b accents-120x40 "Dutch text with accents keeps its width"
keys b k k k
golden b cjk-120x40 "CJK and emoji text is wrapped by its cell width"
keys b k
golden b escapes-120x40 "escape sequences in citizen text come out as harmless symbols"
check "an OSC 52 sequence in citizen text did not reach the clipboard" test -z "$(tm list-buffers 2>/dev/null)"
check "an OSC 0 sequence in a name did not set the window title" sh -c "! tmux -L $SOCK display -p -t b '#{pane_title}' | grep -q pwned"
keys b a
# The platform keeps no reason with an idea it took offline (§8): its verdict shows as "-".
hidden_as="hidden: Reclame"
[ "$BACKEND" = api ] && hidden_as="hidden: -"
check "a shows the author's contributions and past verdicts" wait_for b "$hidden_as"
golden b author-120x40 "the author view lists ideas, comments and moderation outcomes"
keys b q
keys b / h a v e n f e e s t Enter
check "/ searches bodies and jumps to the match" wait_for b "Een lang verhaal over de haven"
check "the search hit is selected" wait_for b "12/12"
keys b : f i l t e r Space a r e a = n o o r d Enter
wait_re b "area: North|no areas to filter by"
settle b
golden b filter-120x40 ":filter narrows every queue and says so"
keys b : u n f i l t e r Enter
check ":unfilter shows every idea again" wait_for b "1 New ideas 12"
keys b g
# The database tells the console at once (LISTEN/NOTIFY); the web API has no change feed and
# is polled (set poll-seconds 0.5 here), which gives it a second more.
live=1
[ "$BACKEND" = api ] && live=2
platform_new_idea "Live vanuit het platform" "Net binnen."
check "an idea inserted by the platform appears without a key press" wait_for b "Live vanuit het platform" $live
check "the tab count follows the live insert" wait_for b "1 New ideas 13" $live
platform_set_status "Live vanuit het platform" rejected
check "a decision by another moderator takes the idea out of the queue" wait_for b "1 New ideas 12" $live
quit b
kill_session b

# --- in Dutch ------------------------------------------------------------------------------------
new_db
SCREEN_ENV="LANGUAGE=nl_BE" start n 80 24 "$db"
check "LANGUAGE=nl_BE: the console speaks Dutch" wait_for n "1 Nieuw 12"
golden n start-80x24-nl "the start-up screen in Dutch, with Dutch project and area names"
keys n '?'
check "the help screen is translated too" wait_for n "Naar het volgende item"
keys n q
quit n
kill_session n

# --- the terminal is restored on signals -----------------------------------------------------------
for sig in TERM HUP INT; do
	new_db
	start s$sig 80 24 "$db"
	kill -$sig "$(console_pid s$sig)"
	check "SIG$sig ends the console" wait_dead s$sig
	check "SIG$sig ends it by exiting, not by dying of the signal" test "$(exit_status s$sig)" -lt 128
	check "SIG$sig leaves the terminal restored" test "$(pane s$sig '#{alternate_on}')" = 0
	kill_session s$sig
done

# --- colours: NO_COLOR and the monochrome theme keep state visible through attributes ---------------
new_db
SCREEN_ENV="NO_COLOR=1" start c 80 24 "$db"
esc=$(tm capture-pane -e -p -t c)
no_colour() { ! grep -qE $'\e''\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]' <<<"$esc"; }
has_reverse() { grep -qE $'\e''\[([0-9;]*;)?7[;m]' <<<"$esc"; }
check "NO_COLOR: no colour escape on screen" no_colour
check "NO_COLOR: the selection is still visible (reverse video)" has_reverse
quit c
kill_session c
new_db
start c2 80 24 "$db"
esc=$(tm capture-pane -e -p -t c2)
has_colour() { ! no_colour; }
check "the default theme does use colour (so the NO_COLOR test can fail)" has_colour
quit c2
kill_session c2

# --- a broken configuration: the console opens, says what is wrong, loses nothing ---------------
new_db
printf 'bind queue x mrege\nset list-ratio many\nbind generic X queue-flags\n' >"$T/bad.conf"
SCREEN_ENV="INSPRAAK_CONFIG=$T/bad.conf" start d 80 24 "$db"
check "a bad config line is named with its file and line" wait_for d "bad.conf:1"
keys d X
check "the good lines of that file still apply" wait_for d "Last flag"
quit d
kill_session d

if [ "$BACKEND" = api ]; then
	# --- naming the platform: INSPRAAK_API ------------------------------------------------------
	new_db
	SCREEN_ENV="INSPRAAK_API=$URL" start e1 80 24 - --ca-file "$T/gv/ca.pem"
	check "INSPRAAK_API names the platform when --api is not given" wait_for e1 "1 New 12"
	quit e1
	kill_session e1
	# --- errors before the screen opens: one sentence, exit status 1 ------------------------------
	run_err() {
		out=$("$INSPRAAK_BIN" "$@" 2>&1 </dev/null)
		rc=$?
		printf '%s\n' "$out" >"$OUT/err.txt"
		[ "$rc" -eq 1 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ]
	}
	check "a platform not logged in to: one sentence, exit 1" run_err --api https://elsewhere.invalid
	check "... that says how to log in" grep -q "inspraak login --api https://elsewhere.invalid" "$OUT/err.txt"
	run_login() {
		out=$(echo wrong-password | "$INSPRAAK_BIN" login --api "$URL" --email mia.moderator@testegem.test --ca-file "$T/gv/ca.pem" 2>&1)
		rc=$?
		printf '%s\n' "$out" >"$OUT/err.txt"
		[ "$rc" -eq 1 ] && [ "$(printf '%s\n' "$out" | grep -c .)" -eq 1 ]
	}
	check "a wrong password: one sentence, exit 1" run_login
	check "... that says the platform refused it" grep -qi "password" "$OUT/err.txt"
	finish
	exit
fi

# --- naming the database: INSPRAAK_DB, or libpq's own environment ------------------------------
new_db
host=$(printf '%s' "$db" | sed -n 's/.*host=\([^ ]*\).*/\1/p')
port=$(printf '%s' "$db" | sed -n 's/.*port=\([^ ]*\).*/\1/p')
dbname=$(printf '%s' "$db" | sed -n 's/.*dbname=\([^ ]*\).*/\1/p')
SCREEN_ENV="INSPRAAK_DB=postgresql://postgres@/$dbname?host=$host&port=$port" start e1 80 24 -
check "INSPRAAK_DB (here a URI) names the database when --db is not given" wait_for e1 "1 New 12"
quit e1
kill_session e1
SCREEN_ENV="PGHOST=$host PGPORT=$port PGUSER=postgres PGDATABASE=$dbname" start e2 80 24 -
check "without --db or INSPRAAK_DB, libpq's PGHOST/PGDATABASE/... apply" wait_for e2 "1 New 12"
quit e2
kill_session e2

# --- errors before the screen opens: one sentence, exit status 1 -------------------------------
run_err() {
	out=$("$INSPRAAK_BIN" "$@" 2>&1 </dev/null)
	rc=$?
	printf '%s\n' "$out" >"$OUT/err.txt"
	[ "$rc" -eq 1 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ]
}
check "an unreachable server: one sentence, exit 1" run_err --db 'host=/nonexistent dbname=x'
check "... that says it cannot connect" grep -q "Cannot connect to the database" "$OUT/err.txt"
psql -q -X "$CI_BASE" -c "create database empty" >/dev/null
check "a database without the schema: one sentence, exit 1" run_err --db "$(printf '%s' "$CI_BASE" | sed 's/dbname=inspraak/dbname=empty/')"
check "... that says to run inspraak db migrate" grep -q "inspraak db migrate" "$OUT/err.txt"
new_db
psql -q -X "$db" -c "insert into inspraak_schema (version, name) values (999, 'db/0999_future.sql')"
check "a database of a newer schema: one sentence, exit 1" run_err --db "$db"
check "... that says to upgrade inspraak" grep -q "upgrade inspraak" "$OUT/err.txt"
psql -q -X "$CI_BASE" -c "create role pwuser login password 'right-one'" >/dev/null
sed -i '1i local all pwuser scram-sha-256' "$T/pg/data/pg_hba.conf"
psql -q -X "$CI_BASE" -c "select pg_reload_conf()" >/dev/null
check "a wrong password: one sentence, exit 1" run_err --db "$(printf '%s' "$CI_BASE" | sed 's/user=postgres/user=pwuser password=wrong-one/')"
check "... that says the password was refused" grep -q "password authentication failed" "$OUT/err.txt"

finish
