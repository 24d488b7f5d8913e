#!/bin/bash
# The actions as subcommands for scripts: every one against a fresh copy of the screen
# fixture on a throwaway PostgreSQL server, checked in the database with psql, in the JSON it
# prints (read by PostgreSQL's own JSON functions: no jq or python needed) and in its exit
# status. Output is TAP.
set -u
: "${INSPRAAK_BIN:?INSPRAAK_BIN must name the inspraak binary}"
: "${INSPRAAK_SRCDIR:?INSPRAAK_SRCDIR must name the source tree}"
export LANG=C.UTF-8 TZ=Europe/Brussels
unset LANGUAGE LC_ALL LC_MESSAGES NO_COLOR INSPRAAK_DB INSPRAAK_CONFIG PGHOST PGDATABASE PGPORT PGUSER PGSERVICE

command -v psql >/dev/null || { echo "Bail out! psql is needed for the command-line tests (apt-get install postgresql-client)"; exit 1; }

T=$(mktemp -d /tmp/insp-cli.XXXXXX)
chmod 755 "$T"
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" HOME="$T/home"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$HOME"
n=0
failed=0

cleanup() {
	"$INSPRAAK_BIN" server stop --dir "$T/pg" >/dev/null 2>&1
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); failed=$((failed + 1))
	echo "not ok $n - $1"
	shift
	for line in "$@"; do printf '# %s\n' "$line"; done
}
finish() { echo "1..$n"; [ "$failed" -eq 0 ]; }

CI_BASE=$("$INSPRAAK_BIN" server start --dir "$T/pg" 2>"$T/server.log") || { echo "Bail out! cannot start PostgreSQL"; exit 1; }
"$INSPRAAK_BIN" db migrate --db "$CI_BASE" >/dev/null || { echo "Bail out! migrate failed"; exit 1; }
psql -q -X -v ON_ERROR_STOP=1 "$CI_BASE" -f "$INSPRAAK_SRCDIR/tests/fixtures/screen.sql" >/dev/null \
	|| { echo "Bail out! fixture failed"; exit 1; }
# The fixture numbers its phases itself without moving their sequence; phase add needs it moved.
psql -q -X "$CI_BASE" -c "select setval(pg_get_serial_sequence('phases', 'id'), 100)" >/dev/null
DBSEQ=0

# A fresh copy of the fixture database; its conninfo in $db.
new_db() {
	DBSEQ=$((DBSEQ + 1))
	psql -q -X "$CI_BASE" -c "create database c$DBSEQ template inspraak" >/dev/null
	db=$(printf '%s\n' "$CI_BASE" | sed "s/dbname=inspraak/dbname=c$DBSEQ/")
}

# run ARGS...: inspraak on $db; standard output in $out, standard error in $err, the exit
# status in $rc. run_in TEXT ARGS... gives it TEXT on standard input.
run() {
	out=$("$INSPRAAK_BIN" "$@" --db "$db" 2>"$T/err" </dev/null)
	rc=$?
	err=$(cat "$T/err")
}
run_in() {
	local input=$1
	shift
	out=$(printf '%s' "$input" | "$INSPRAAK_BIN" "$@" --db "$db" 2>"$T/err")
	rc=$?
	err=$(cat "$T/err")
}

q() { psql -X -q -At "$db" -c "$1"; }

# js PATH: the value at PATH (a text[] such as '{told,0,author}') of the JSON in $out, as
# PostgreSQL reads it; "not-json" when it is not JSON.
js() {
	printf '%s\n' "select coalesce((:'json'::jsonb) #>> :'path'::text[], 'null');" |
		psql -X -q -At -v json="$out" -v path="$1" "$db" 2>/dev/null || echo not-json
}
# jq_sql EXPR: an SQL expression over the JSON in $out, named j.
jsql() {
	printf '%s\n' "select $1 from (select :'json'::jsonb as j) x;" |
		psql -X -q -At -v json="$out" "$db" 2>/dev/null || echo not-json
}

# is DESCRIPTION GOT WANT
is() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1" "got:  $2" "want: $3" "exit status $rc" "stdout: $out" "stderr: $err"
	fi
}
# has DESCRIPTION TEXT NEEDLE: TEXT contains NEEDLE.
has() {
	case $2 in
	*"$3"*) ok "$1" ;;
	*) not_ok "$1" "no \"$3\" in: $2" "exit status $rc" ;;
	esac
}

# The ideas as the moderation left them: what an undo must put back. Counters citizens move
# and updated_at are neither compared nor restored (docs/actions.md).
ideas_md5() {
	q "select md5(string_agg((to_jsonb(t) - 'updated_at' - 'votes_up' - 'votes_down' - 'comments_count')::text, '|' order by id)) from ideas t"
}

command -v "$INSPRAAK_BIN" >/dev/null || { echo "Bail out! no binary $INSPRAAK_BIN"; exit 1; }
if [ "$(psql -X -At "$CI_BASE" -c "select count(*) from pg_proc where proname = 'inspraak_merge'")" = 0 ]; then
	echo "Bail out! the database has no inspraak_merge: db/0002_actions.sql is not finished"
	exit 1
fi

# --- help and usage -------------------------------------------------------------------------------
help=$("$INSPRAAK_BIN" --help)
missing=""
for sub in merge not-duplicate assign status reply "flag confirm" "flag dismiss" block unblock \
	"phase list" "phase set" "phase edit" "phase add" "phase remove" undo audit; do
	grep -q "inspraak $sub" <<<"$help" || missing="$missing [$sub]"
done
is "--help lists every action subcommand" "$missing" ""
rc=0 err="" out=$("$INSPRAAK_BIN" reply --help)
has "reply --help says that without a file the status's template is sent" "$out" "template for the status"
has "reply --help names the console's action and the role it needs" "$out" "action reply; it needs the role moderator"
out=$("$INSPRAAK_BIN" phase --help)
has "phase --help covers every phase subcommand" "$out" "phase remove PHASE"

new_db
run merge 1 2 --person x
is "an option the subcommand does not read is a usage error (exit 2)" "$rc" 2
has "... naming the option" "$err" "merge does not take --person"
run merge abc 2
is "an idea that is not a number: exit 2" "$rc" 2
run merge abc 2 --json
is "a usage error with --json: an error object with the code usage" "$(js '{code}')" usage
is "... and ok false" "$(js '{ok}')" false
run merge 1 --frobnicate --json
is "an unknown option, --json after it: still a JSON usage error" "$(js '{code}')" usage
run phase frobnicate
is "phase with an unknown verb: exit 2" "$rc" 2
has "... naming the verbs" "$err" "list, set, edit, add, remove"
run not-duplicate
is "a missing argument: exit 2" "$rc" 2
has "... with the synopsis" "$err" "not-duplicate SUGGESTION"
run audit --justification "waarom"
is "a subcommand that only reads refuses --justification" "$rc" 2
out=$("$INSPRAAK_BIN" status 4 accepted --json --db 'host=/nonexistent dbname=x' 2>/dev/null)
rc=$?
is "an unreachable server: exit 1" "$rc" 1
is "... with the code connect" "$(js '{code}')" connect

# --- merge ------------------------------------------------------------------------------------------
new_db
before=$(ideas_md5)
run merge 1 2 --dry-run --json
is "merge --dry-run: exit 0" "$rc" 0
is "merge --dry-run keeps the idea with the most support" "$(js '{keep}')" 1
is "... says it is a dry run" "$(js '{dry_run}')" true
is "... and that it wrote no audit row" "$(js '{audit}')" null
is "... support before: the kept idea's 4 citizens" "$(js '{support_before}')" 4
is "... support after: 5 citizens, each once" "$(js '{support_after}')" 5
is "... the plain sum: 6" "$(js '{support_sum}')" 6
is "... who is told: the author of #2" "$(js '{told,0,author}')" "Bart Claes"
has "... the reply from the merged template names the idea that stays" "$(js '{replies,0,body}')" "Meer fietsenstallingen aan het station"
is "... and changes nothing" "$(ideas_md5)" "$before"
run merge 1 2 --dry-run
has "merge --dry-run for a person: the preview" "$out" "Support: 4 citizens before, 5 after"
has "... and says nothing changed" "$out" "Nothing was changed"

run merge 1 2 --justification "zelfde vraag"
is "merge: exit 0" "$rc" 0
has "merge: one line with the audit row" "$out" "Merged 1 idea into #1; 1 author told (audit"
is "merge: #2 is merged into #1" "$(q "select status || ' ' || merged_into_id from ideas where id = 2")" "merged 1"
is "merge: the author of #2 got a reply, signed by the municipality" "$(q "select signature from official_feedback where idea_id = 2")" "Testegem"
is "merge: the justification is in the audit log" "$(q "select count(*) from audit_log where justification = 'zelfde vraag'")" 1
audit_merge=$(printf '%s' "$out" | sed -n 's/.*(audit \([0-9]*\))\./\1/p')

run merge 3 3
is "merging an idea into itself: exit 1" "$rc" 1
is "... with the sentence" "$err" "inspraak: Idea #3 cannot be merged into itself."
run merge 3 3 --json
is "... and with --json the code invalid" "$(js '{code}')" invalid
is "... and the sentence" "$(js '{error}')" "Idea #3 cannot be merged into itself."
run merge 2 3 --keep 3
is "merging an idea already merged: exit 1" "$rc" 1
has "... saying where it went" "$err" "already merged into #1"
run merge 3 999 --keep 4 --json
is "merging an idea that does not exist: code not-found" "$(js '{code}')" not-found

run undo "$audit_merge" --json --justification "toch niet"
is "undo of the merge: exit 0" "$rc" 0
is "... names what it undid" "$(js '{undone}')" "$audit_merge"
is "... and writes its own audit row" "$(jsql "(j->>'audit')::bigint > $audit_merge")" t
is "undo of a merge puts the ideas back as they were" "$(ideas_md5)" "$before"
is "... and takes the reply back" "$(q "select count(*) from official_feedback where idea_id = 2")" 0
run undo "$audit_merge" --json
is "undoing it again: exit 1" "$rc" 1
is "... with the code done" "$(js '{code}')" done

new_db
run merge 2 1 --keep 1 --json
is "merge --keep --json: ok" "$(js '{ok}')" true
is "... action is the action list's name" "$(js '{action}')" merge
is "... the audit row is the database's" "$(js '{audit}')" "$(q "select max(id) from audit_log where action like '%merge%'")"
is "... merged lists #2" "$(js '{merged,0}')" 2

# --- not a duplicate ----------------------------------------------------------------------------------
new_db
sug=$(q "select id from duplicate_suggestions where idea_a = 3 and idea_b = 4")
run not-duplicate "$sug" --json
is "not-duplicate: ok" "$(js '{ok}')" true
is "... names the two ideas" "$(jsql "j->'ideas' = '[3,4]'")" t
is "... the suggestion is dismissed" "$(q "select state from duplicate_suggestions where id = $sug")" dismissed
run not-duplicate "$sug" --json
is "dismissing it again: code done" "$(js '{code}')" done
run not-duplicate 999
is "a suggestion that does not exist: exit 1" "$rc" 1

# --- assign ------------------------------------------------------------------------------------------
new_db
run assign 3 groen --json
is "assign by code: ok" "$(js '{ok}')" true
is "... the department in the JSON" "$(js '{department,code}')" groen
is "... action is assign-department" "$(js '{action}')" assign-department
is "... the version acted on is the one read just before" "$(js '{version}')" 1
is "... in the database" "$(q "select department_id from ideas where id = 3")" 2
run assign 3 mob
is "assign by the start of a name: exit 0" "$rc" 0
has "... one line" "$out" "Idea #3 assigned to Mobility (audit"
is "... in the database" "$(q "select department_id from ideas where id = 3")" 1
run assign 3 groen --person Lotte --json
is "assign with --person" "$(q "select assignee_id from ideas where id = 3")" 8
is "... named in the JSON" "$(js '{person,name}')" "Lotte Janssens"
run assign 3 none --json
is "assign none takes the department away" "$(q "select coalesce(department_id, 0) from ideas where id = 3")" 0
is "... department null in the JSON" "$(js '{department}')" null
run assign 3 nergens
is "an unknown department: exit 1" "$rc" 1
is "... with the sentence" "$err" 'inspraak: There is no department "nergens".'
run assign 3 nergens --json
is "... with --json the code not-found" "$(js '{code}')" not-found
run assign-department 4 cultuur
is "the action list's name works as the subcommand" "$(q "select department_id from ideas where id = 4")" 3
run assign 3 groen --person Niemand --json
is "an unknown staff member: code not-found" "$(js '{code}')" not-found
q "insert into departments (id, code, title_multiloc, signature_multiloc, ordering) values (4, 'mobipunt', '{\"nl-BE\": \"Mobipunt\", \"en\": \"Mobility hub\"}', '{}', 4)"
run assign 3 mob --json
is "a name that fits two departments: code invalid" "$(js '{code}')" invalid
has "... naming both" "$(js '{error}')" "Mobility (mobiliteit), Mobility hub (mobipunt)"

# --- status -------------------------------------------------------------------------------------------
new_db
run status 4 accepted --json
is "status: ok" "$(js '{ok}')" true
is "... was proposed" "$(js '{previous_status}')" proposed
is "... in the database" "$(q "select status from ideas where id = 4")" accepted
run status 4 bestaatniet --json
is "an unknown status: code not-found" "$(js '{code}')" not-found
is "... nothing changed" "$(q "select status from ideas where id = 4")" accepted
q "update users set role = 'support' where id = 1"
run status 5 accepted --json
is "a support user may not: code forbidden" "$(js '{code}')" forbidden
has "... saying which role is needed" "$(js '{error}')" "moderator"
is "... nothing changed" "$(q "select status from ideas where id = 5")" proposed

# --- reply ---------------------------------------------------------------------------------------------
new_db
printf 'Bedankt, we bekijken het.\n\nDe gemeente\n' >"$T/reply.txt"
run reply 5 --file "$T/reply.txt" --json
is "reply from a file: ok" "$(js '{ok}')" true
is "... the text as written (its last newline aside)" "$(q "select body from official_feedback where idea_id = 5")" "$(printf 'Bedankt, we bekijken het.\n\nDe gemeente')"
is "... signed like the console: the municipality, for an idea without department" "$(js '{signature}')" Testegem
is "... in the author's language" "$(q "select locale from official_feedback where idea_id = 5")" fr-BE
is "... not from a template" "$(js '{template}')" false
run_in 'Goed idee, we voeren het uit.' reply 6 - --status accepted
is "reply from standard input with --status: exit 0" "$rc" 0
has "... one line" "$out" "Reply sent on idea #6"
is "... the text" "$(q "select body from official_feedback where idea_id = 6")" "Goed idee, we voeren het uit."
is "... and the status in the same step" "$(q "select status from ideas where id = 6")" accepted
run reply 3 --json
is "reply without a file: the template" "$(js '{template}')" true
has "... filled in for the author" "$(js '{body}')" "Beste Sofie"
has "... with the idea's title" "$(js '{body}')" "Bankjes op het Marktplein"
is "... posted" "$(q "select count(*) from official_feedback where idea_id = 3")" 1
run reply 13 --status rejected --json
is "reply with --status and no file: the template of that status" "$(jsql "j->>'body' <> '' and j->>'status' = 'rejected'")" t
is "... signed by the idea's department" "$(js '{signature}')" "Dienst Groen en Milieu"
n_fb=$(q "select count(*) from official_feedback")
run_in $' \n\t\n' reply 4 -
is "an empty reply from standard input: exit 1" "$rc" 1
is "... with the sentence" "$err" "inspraak: The reply is empty; nothing was sent."
is "... and nothing sent" "$(q "select count(*) from official_feedback")" "$n_fb"
run_in '' reply 4 - --json
is "... with --json the code invalid" "$(js '{code}')" invalid
run reply 4 --file "$T/nonexistent.txt" --json
is "a file that cannot be read: code failed" "$(js '{code}')" failed
run reply 4 --file "$T/reply.txt" -
is "both --file and -: exit 2" "$rc" 2

# --- flags ---------------------------------------------------------------------------------------------
new_db
run flag confirm 9 --reason "Reclame voor leningen" --json
is "flag confirm: ok" "$(js '{ok}')" true
is "... action is confirm-flag" "$(js '{action}')" confirm-flag
is "... the idea is hidden with the reason" "$(q "select hidden_at is not null and hidden_reason = 'Reclame voor leningen' from ideas where id = 9")" t
is "... its reports are resolved as confirmed" "$(q "select count(*) from citizen_reports where idea_id = 9 and resolution is distinct from 'confirmed'")" 0
run flag dismiss --comment 2 --json
is "flag dismiss on a comment: ok" "$(js '{item_kind}')" comment
is "... the comment stays visible" "$(q "select hidden_at is null from comments where id = 2")" t
is "... its report is dismissed" "$(q "select resolution from citizen_reports where comment_id = 2")" dismissed
run flag confirm
is "flag confirm without an item: exit 2" "$rc" 2
run flag confirm 10 --comment 2
is "flag confirm with two items: exit 2" "$rc" 2
run flag frobnicate 9
is "flag with an unknown verb: exit 2" "$rc" 2
run confirm-flag 10 --reason "Scheldwoorden"
is "confirm-flag, the action list's name, works too" "$(q "select hidden_at is not null from ideas where id = 10")" t

# --- block ---------------------------------------------------------------------------------------------
new_db
run block 5 --reason "Spam" --for 7d --hide-content --json
is "block: ok" "$(js '{ok}')" true
is "... until in seven days" "$(q "select abs(extract(epoch from blocked_until - now() - interval '7 days')) < 60 from users where id = 5")" t
is "... the JSON says so" "$(jsql "abs(extract(epoch from (j->>'until')::timestamptz - now() - interval '7 days')) < 60")" t
is "... everything of theirs hidden" "$(q "select count(*) from ideas where author_id = 5 and hidden_at is null")" 0
run unblock 5 --json
is "unblock: ok" "$(js '{ok}')" true
is "... the block is lifted" "$(q "select coalesce(blocked_until, 'infinity') < now() or blocked_until is null from users where id = 5")" t
is "... what the block hid is shown again, what was hidden before stays hidden" "$(q "select string_agg(id::text, ',' order by id) from ideas where author_id = 5 and hidden_at is not null")" 12
run block 6 --reason "Scheldwoorden" --for permanent
is "block --for permanent: exit 0" "$rc" 0
has "... until lifted" "$out" "blocked until the block is lifted"
is "... in the database" "$(q "select blocked_until = 'infinity' from users where id = 6")" t
run block 7 --for 7d
is "block without --reason: exit 2" "$rc" 2
run block 7 --reason x --for soon
is "block --for soon: exit 2" "$rc" 2
run block 999 --reason x --json
is "blocking a user who does not exist: code not-found" "$(js '{code}')" not-found

# --- phases --------------------------------------------------------------------------------------------
new_db
run phase list --json
is "phase list --json: an array of projects" "$(jsql "jsonb_typeof(j)")" array
is "... with their phases" "$(jsql "jsonb_array_length(j->0->'phases')")" 3
is "... and which one is current" "$(jsql "(select string_agg(p->>'id', ',') from jsonb_array_elements(j) pr, jsonb_array_elements(pr->'phases') p where (p->>'current')::boolean)")" "2,4"
run phase list --project ideeenbus
is "phase list --project: one project" "$(printf '%s\n' "$out" | grep -c '^#')" 1
has "... with its phase, titled in the language of the console" "$out" "Always open"
run phase set marktplein Design --json
is "a moderator may not set a phase: code forbidden" "$(js '{code}')" forbidden
q "update users set role = 'project_lead' where id = 1"
run phase set marktplein Design --at "2026-12-01 10:00" --json
is "phase set: ok" "$(js '{ok}')" true
is "... the running phase ends then" "$(q "select end_at = '2026-12-01 10:00' from phases where id = 2")" t
is "... the chosen one starts then" "$(q "select start_at = '2026-12-01 10:00' from phases where id = 3")" t
run phase set marktplein Always
is "a phase of another project: exit 1" "$rc" 1
has "... there is none by that name in this project" "$err" 'There is no phase "Always"'
new_db
q "update users set role = 'project_lead' where id = 1"
run phase edit 1 --end "2026-10-15"
is "an edit that overlaps the next phase: exit 1" "$rc" 1
has "... naming the other phase" "$err" "would overlap \"Ideeën verzamelen\""
run phase edit 1 --end "2026-09-20" --json
is "an edit that leaves a gap: refused" "$(js '{ok}')" false
run phase edit 1 --end "2026-09-20" --allow-gap --json
is "... allowed with --allow-gap" "$(js '{ok}')" true
is "... in the database" "$(q "select end_at = '2026-09-20' and start_at = '2026-09-01' from phases where id = 1")" t
run phase edit 1
is "phase edit without dates: exit 2" "$rc" 2
run phase add marktplein --title Evaluatie --method information --start 2027-04-01 --json
is "phase add: ok" "$(js '{ok}')" true
is "... the new phase's number" "$(js '{phase}')" "$(q "select id from phases where title_multiloc->>'en' = 'Evaluatie'")"
is "... open-ended" "$(q "select end_at is null from phases where title_multiloc->>'en' = 'Evaluatie'")" t
run phase add marktplein --start 2027-04-01
is "phase add without --title: exit 2" "$rc" 2
run phase add marktplein --title "Te vroeg" --start 2026-11-01 --json
is "phase add inside another phase: refused" "$(js '{ok}')" false
run phase remove Evaluatie --json
is "phase remove by name: ok" "$(js '{ok}')" true
is "... gone" "$(q "select count(*) from phases where title_multiloc->>'en' = 'Evaluatie'")" 0
run phase remove 2
is "removing a phase: exit 0" "$rc" 0
is "... its ideas stay, without a phase" "$(q "select count(*) from ideas where id in (1, 3, 4, 10, 11) and phase_id is null")" 5

# --- the audit log ------------------------------------------------------------------------------------
new_db
run status 4 accepted --justification "past in het plan"
run assign 4 groen
run status 3 rejected
run audit --idea 4 --json
is "audit --idea: a JSON array" "$(jsql "jsonb_typeof(j)")" array
is "... the idea's two actions" "$(jsql "jsonb_array_length(j)")" 2
is "... newest first" "$(jsql "j->0->>'id' > j->1->>'id'")" t
is "... with the justification" "$(jsql "j->1->>'justification'")" "past in het plan"
run audit --actor postgres --limit 1 --json
is "audit --limit 1" "$(jsql "jsonb_array_length(j)")" 1
run audit --actor niemand --json
is "audit of an actor who did nothing: an empty array" "$out" "[]"
run audit --action "$(q "select action from audit_log where item_id = 3 order by id desc limit 1")" --json
is "audit --action: only that action" "$(jsql "(select count(distinct e->>'action') from jsonb_array_elements(j) e)")" 1
run audit --since +1d --json
is "audit --since tomorrow: nothing" "$out" "[]"
run audit --until 2020-01-01 --json
is "audit --until long ago: nothing" "$out" "[]"
run audit --comment 2 --json
is "audit --comment of a comment nobody judged: nothing" "$out" "[]"
run audit --idea 4
has "audit for a person: a table" "$out" "AUDIT"
has "... with the justification" "$out" "past in het plan"
run audit --idea 4 --comment 2
is "audit --idea and --comment: exit 2" "$rc" 2
run audit --since gisteren
is "audit --since with an unreadable time: exit 2" "$rc" 2

# score duplicates: TSV in, TSV out, no database.
run_plain() {
	out=$("$INSPRAAK_BIN" "$@" 2>"$T/err" </dev/null)
	rc=$?
	err=$(cat "$T/err")
}
printf 'id\tproject\ttitle\tbody\n' >"$T/ideas.tsv"
printf 'a1\t1\tFietsenstalling station\tTe weinig plaats voor fietsen aan het station.\n' >>"$T/ideas.tsv"
printf 'a2\t1\tFietsen stallen aan het station\tAan het station is te weinig plaats voor fietsen.\n' >>"$T/ideas.tsv"
printf 'a3\t2\tBibliotheek langer open\tDe bibliotheek mag op zaterdag langer open.\n' >>"$T/ideas.tsv"
printf 'a\tb\na1\ta2\na1\ta3\n' >"$T/pairs.tsv"
run_plain score duplicates --ideas "$T/ideas.tsv" --pairs "$T/pairs.tsv"
is "score duplicates --pairs: a line per pair" "$(printf '%s\n' "$out" | cut -f1,2,4 | tr '\t' ' ' | tr '\n' '|')" \
	"a1 a2 duplicate|a1 a3 distinct|"
run_plain score duplicates --ideas "$T/ideas.tsv" --top 1
is "score duplicates --top 1: the best candidate of each" "$(printf '%s\n' "$out" | cut -f1-3 | head -2 | tr '\t' ' ' | tr '\n' '|')" \
	"a1 a2 1|a2 a1 1|"
printf 'a\tb\na1\ta2\na1\tzz\n' >"$T/unknown.tsv"
run_plain score duplicates --ideas "$T/ideas.tsv" --pairs "$T/unknown.tsv"
is "score duplicates, a pair naming an unknown idea: exit 1" "$rc" 1
has "... with the file and line" "$err" "unknown.tsv:3: the idea zz is not in"
printf 'id\tfoo\nx\ty\n' >"$T/nocol.tsv"
run_plain score duplicates --ideas "$T/nocol.tsv" --top 3
has "score duplicates, no text column: the file and line" "$err" "nocol.tsv:1:"
: >"$T/empty.tsv"
run_plain score duplicates --ideas "$T/empty.tsv" --top 3
is "score duplicates, an empty file: exit 1" "$rc" 1
printf 'id\ttitle\nx\tcaf\351\n' >"$T/latin1.tsv"
run_plain score duplicates --ideas "$T/latin1.tsv" --top 3
has "score duplicates, invalid UTF-8: the file and line" "$err" "latin1.tsv:2:"

finish
