#!/bin/bash
# A moderator's morning, by keystrokes only, on the demo municipality: merge two duplicate
# pairs, assign ten ideas (five one by one, five tagged in one go), reply to five citizens in
# the editor, judge three flags, and move a project to its next phase. Then the database must
# say exactly that. TAP output.
set -u
. "$(dirname "$0")/lib.sh"

command -v tmux >/dev/null || { echo "Bail out! tmux is needed (apt-get install tmux)"; exit 1; }

# The demo of a fixed seed and a fixed "now", so the morning is the same every time.
NOW=1763208000 # 15-11-2025 13:00 in Brussels
export INSPRAAK_DEMO_NOW=$NOW
"$INSPRAAK_BIN" demo --dir "$T/demo" --ideas 300 --seed 7 --no-console >"$T/demo.out" 2>"$T/demo.err" ||
	{ echo "Bail out! the demo did not load: $(tail -2 "$T/demo.err")"; exit 1; }
db=$(tail -1 "$T/demo.out")
trap '"$INSPRAAK_BIN" server stop --dir "$T/demo" >/dev/null 2>&1; cleanup' EXIT
SOCKDIR=$(printf '%s' "$db" | sed -n 's/.*host=\([^ ]*\).*/\1/p')
q() { psql -X -qAt "$db" -c "$1"; }

# The editor the moderator "uses": it adds a sentence of their own to the template.
cat >"$T/editor" <<'EOF'
#!/bin/sh
printf '%s\n' "We nemen uw idee mee in de planning van volgend jaar." >>"$1"
EOF
chmod +x "$T/editor"

merged0=$(q "select count(*) from ideas where status = 'merged'")
feedback0=$(q "select count(*) from official_feedback")

SCREEN_ENV="EDITOR=$T/editor INSPRAAK_NOW=$NOW" start m 120 40 "$db"
check "the console opens on the demo municipality" wait_for m "1 New ideas 47"

# --- two duplicate pairs merged ----------------------------------------------------------------
keys m 2
for pair in 1 2; do
	keys m m
	check "merge $pair: the preview shows support and who is told" wait_for m "Support:"
	keys m y
	check "merge $pair: done" wait_for m "u: undo"
done

# --- ten ideas assigned -------------------------------------------------------------------------
keys m 1
for i in 1 2 3 4 5; do
	keys m D
	wait_for m "Assign to which department?"
	keys m m o b i l Enter
	wait_for m "And a person within it?"
	keys m Enter
	check "assign $i: the idea goes to Mobility" wait_for m "assigned to Mobility"
	keys m j
done
keys m t t t t t
check "five more ideas tagged" wait_for m "5 tagged"
keys m '\;' D
wait_for m "Assign to which department?"
keys m g r o e n Enter
wait_for m "And a person within it?"
keys m Enter
check "the batch preview lists every tagged idea" wait_for m "Apply to all of these?"
keys m y
wait_for m "Justification for all"
keys m O p r u i m e n Enter
check "the batch summary says all five were done" wait_for m "5 done, 0 failed"
keys m q

# --- five citizens answered, in the editor ------------------------------------------------------
untold0=$(q "select count(*) from ideas where author_id is not null and decided_at > coalesce(told_at, '-infinity')")
keys m 6
for i in 1 2 3 4 5; do
	keys m r
	wait_for m "Reply, and change the status?"
	keys m Enter
	check "reply $i: the preview shows the text from the editor" wait_for m "We nemen uw idee mee"
	keys m y
	check "reply $i: sent" wait_for m "Reply sent to"
done
check "five ideas fewer wait for an answer" test "$(q "select count(*) from ideas where author_id is not null and decided_at > coalesce(told_at, '-infinity')")" = "$((untold0 - 5))"

# --- three flags judged ---------------------------------------------------------------------------
keys m 3
keys m d
check "flag 1 dismissed" wait_for m "Flag dismissed"
keys m c
wait_for m "Reason the author will see:"
keys m Enter
wait_for m "Also block the author?"
keys m n
check "flag 2 confirmed: the item is hidden" wait_for m "Hidden, with the reason"
keys m d
check "flag 3 dismissed" wait_for m "Flag dismissed"

# --- the market square redesign moves on to its design phase --------------------------------------
keys m 4
check "the timeline opens on the running phase" wait_for m "phase 2/5"
keys m j
keys m s
check "the switch is previewed before it is made" wait_for m "Design"
keys m y
check "the project switched phase" wait_for m "phase 3/5"

quit m
check "q ends the morning with status 0" test "$(exit_status m)" = 0

# --- what the database says ---------------------------------------------------------------------
check "two merges in the audit log" test "$(q "select count(*) from audit_log where action = 'merge' and undone_by is null")" = 2
check "two more ideas have the merged status" test "$(q "select count(*) from ideas where status = 'merged'")" = "$((merged0 + 2))"
check "each merged idea links to the idea that stays" test "$(q "select count(*) from ideas where merged_into_id in (select item_id from audit_log where action = 'merge')")" = 2
check "ten assignments, each with its audit row" test "$(q "select count(*) from audit_log where action = 'assign-department'")" = 10
check "five to Mobility" test "$(q "select count(*) from ideas i join departments d on d.id = i.department_id where d.code = 'mobiliteit' and i.id in (select item_id from audit_log where action = 'assign-department')")" = 5
check "the batch's justification is on each of its five rows" test "$(q "select count(*) from audit_log where action = 'assign-department' and justification = 'Opruimen'")" = 5
check "five replies written in the editor" test "$(q "select count(*) from official_feedback where body like '%We nemen uw idee mee in de planning%'")" = 5
check "every reply is signed by a service, never a person" test "$(q "select count(*) from official_feedback f join audit_log a on a.item_id = f.idea_id and a.action = 'reply' where f.signature in (select first_name || ' ' || last_name from users)")" = 0
check "three verdicts, stored as labels for the spam model" test "$(q "select count(*) from moderation_labels")" = 3
check "one flag confirmed, two dismissed" test "$(q "select string_agg(action, ',' order by action) from audit_log where action like '%-flag'")" = "confirm-flag,dismiss-flag,dismiss-flag"
check "the ideas phase ended at the switch" test "$(q "select extract(epoch from end_at)::bigint from phases where id = 2")" = "$NOW"
check "the design phase started then and kept its end" test "$(q "select extract(epoch from start_at)::bigint || ' ' || to_char(end_at at time zone 'UTC', 'YYYY-MM-DD') from phases where id = 3")" = "$NOW 2026-03-05"
check "one set-phase in the audit log" test "$(q "select count(*) from audit_log where action = 'set-phase'")" = 1
check "every decision was made by the demo moderator" test "$(q "select count(distinct actor) from audit_log")" = 1
check "merges also told their authors" test "$(q "select count(*) from official_feedback")" -gt "$((feedback0 + 5))"

finish
