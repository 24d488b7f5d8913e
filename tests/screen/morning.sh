#!/bin/bash
# A moderator's morning, by keystrokes only, on the demo municipality: merge two duplicate
# pairs, assign ten ideas (five one by one, five tagged in one go), reply to five citizens in
# the editor, judge three flags, and move a project to its next phase. Then the database (or,
# with INSPRAAK_BACKEND=api, the platform) must say exactly that. TAP output.
#
# Over the web API the same demo municipality is served by the fake Go Vocal server, seeded
# from the demo database (tests/govocal/seed-from-db.sh). What the platform lacks changes the
# keys a little, never the morning: it has no duplicate suggestions, so the moderator tags the
# pairs the engine found (t, then ; m); it cannot hide, so the flag a moderator would confirm
# is refused in words and the next one is judged instead; departments are the platform users
# the config file names.
set -u
. "$(dirname "$0")/lib.sh"

command -v tmux >/dev/null || { echo "Bail out! tmux is needed (apt-get install tmux)"; exit 1; }

# The demo of a fixed seed and a fixed "now", so the morning is the same every time.
NOW=1763208000 # 15-11-2025 13:00 in Brussels
export INSPRAAK_DEMO_NOW=$NOW
"$INSPRAAK_BIN" demo --dir "$T/demo" --ideas 300 --seed 7 --no-console >"$T/demo.out" 2>"$T/demo.err" ||
	{ echo "Bail out! the demo did not load: $(tail -2 "$T/demo.err")"; exit 1; }
demo=$(tail -1 "$T/demo.out")
trap '"$INSPRAAK_BIN" server stop --dir "$T/demo" >/dev/null 2>&1; cleanup' EXIT
q() { psql -X -qAt "$demo" -c "$1"; }

if [ "$BACKEND" = api ]; then
	bash "$INSPRAAK_SRCDIR/tests/govocal/seed-from-db.sh" "$demo" >"$T/seed.json" ||
		{ echo "Bail out! cannot write the fake's seed from the demo"; exit 1; }
	GV_EMAIL=postgres@demo.test GV_PASSWORD=demo-password api_setup --seed "$T/seed.json" --now "$NOW"
	# A department by a moderator's e-mail, another by a platform user id (an admin, whom
	# the platform's moderator lists do not show).
	green=$(python3 -c 'import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, "user:11"))')
	cat >>"$XDG_CONFIG_HOME/inspraak/config" <<CONF
api-department mobiliteit sclaessens@demo.test "Mobility"
api-department groen-milieu $green "Green and environment"
CONF
	db=api
	# The pairs the engine suggests that the new-ideas queue holds both ideas of.
	pairs=$(q "select a.title || '|' || b.title from duplicate_suggestions s
		   join ideas a on a.id = s.idea_a join ideas b on b.id = s.idea_b
		   where s.state = 'open' and a.status = 'proposed' and b.status = 'proposed'
		     and a.hidden_at is null and b.hidden_at is null
		     and (select count(*) from ideas x where x.title in (a.title, b.title)) = 2
		   order by s.score desc limit 2")
	[ "$(printf '%s\n' "$pairs" | grep -c '|')" = 2 ] || { echo "Bail out! the demo has no two duplicate pairs among its new ideas"; exit 1; }
	merged0=$(state "sum(1 for i in d['ideas'] if i['status'] == 'idea_status:merged')")
	feedback0=$(state "len(d['official_feedback'])")
else
	db=$demo
	SOCKDIR=$(printf '%s' "$db" | sed -n 's/.*host=\([^ ]*\).*/\1/p')
	merged0=$(q "select count(*) from ideas where status = 'merged'")
	feedback0=$(q "select count(*) from official_feedback")
fi

# The editor the moderator "uses": it adds a sentence of their own to the template.
cat >"$T/editor" <<'EDITOR'
#!/bin/sh
printf '%s\n' "We nemen uw idee mee in de planning van volgend jaar." >>"$1"
EDITOR
chmod +x "$T/editor"

SCREEN_ENV="EDITOR=$T/editor INSPRAAK_NOW=$NOW" start m 120 40 "$db"
check "the console opens on the demo municipality" wait_for m "1 New ideas 47"

# --- two duplicate pairs merged ----------------------------------------------------------------
if [ "$BACKEND" = api ]; then
	pair=0
	while IFS='|' read -r ta tb; do
		pair=$((pair + 1))
		for title in "$ta" "$tb"; do
			keys m g /
			tm send-keys -t m -l "$title"
			keys m Enter
			wait_for m "$title"
			keys m t
		done
		check "merge $pair: both ideas tagged" wait_for m "2 tagged"
		keys m '\;' m
		check "merge $pair: the preview says what stays where" wait_for m "Support:"
		keys m y
		check "merge $pair: done" wait_for m "Merged 1 idea into"
	done <<<"$pairs"
else
	keys m 2
	for pair in 1 2; do
		keys m m
		check "merge $pair: the preview shows support and who is told" wait_for m "Support:"
		keys m y
		check "merge $pair: done" wait_for m "u: undo"
	done
fi

# --- ten ideas assigned -------------------------------------------------------------------------
keys m 1 g
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
if [ "$BACKEND" = db ]; then
	untold0=$(q "select count(*) from ideas where author_id is not null and decided_at > coalesce(told_at, '-infinity')")
fi
keys m 6
for i in 1 2 3 4 5; do
	keys m r
	wait_for m "Reply, and change the status?"
	keys m Enter
	check "reply $i: the preview shows the text from the editor" wait_for m "We nemen uw idee mee"
	keys m y
	check "reply $i: sent" wait_for m "Reply sent to"
done
if [ "$BACKEND" = db ]; then
	check "five ideas fewer wait for an answer" test "$(q "select count(*) from ideas where author_id is not null and decided_at > coalesce(told_at, '-infinity')")" = "$((untold0 - 5))"
fi

# --- three flags judged ---------------------------------------------------------------------------
keys m 3
keys m d
check "flag 1 dismissed" wait_for m "Flag dismissed"
keys m c
if [ "$BACKEND" = api ]; then
	check "flag 2: hiding is refused, in words, as the platform cannot hide" wait_for m "does not offer"
	keys m d
	check "flag 2 dismissed instead" wait_for m "Flag dismissed"
else
	wait_for m "Reason the author will see:"
	keys m Enter
	wait_for m "Also block the author?"
	keys m n
	check "flag 2 confirmed: the item is hidden" wait_for m "Hidden, with the reason"
fi
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

if [ "$BACKEND" = api ]; then
	# --- what the platform says -----------------------------------------------------------------
	check "two more ideas have the merged status" test "$(state "sum(1 for i in d['ideas'] if i['status'] == 'idea_status:merged')")" = "$((merged0 + 2))"
	check "each merged idea's author got a reply that links to the idea that stays" \
		test "$(state "sum(1 for f in d['official_feedback'] if '/ideas/' in str(f))")" = 2
	check "five ideas assigned to Mobility's platform user" \
		test "$(state "sum(1 for i in d['ideas'] if i['assignee'] == 'user:6')")" = 5
	check "five to Green and environment's" \
		test "$(state "sum(1 for i in d['ideas'] if i['assignee'] == 'user:11')")" = 5
	check "five replies written in the editor" \
		test "$(state "sum(1 for f in d['official_feedback'] if 'We nemen uw idee mee in de planning' in str(f))")" = 5
	check "every reply is signed by a service, never a person" \
		test "$(state "sum(1 for f in d['official_feedback'][$feedback0:] for u in d['users'] if u['name'] in str(f.get('author_multiloc')))")" = 0
	check "three flags dismissed on the platform" \
		test "$(state "sum(1 for f in d['flags'] if f['deleted_at'])")" = 3
	check "the ideas phase ended at the switch" test "$(state "[p['end_at'] for p in d['phases'] if p['key'] == 'phase:2'][0]")" = "$(date -u -d @$NOW +%Y-%m-%dT%H:%M:%S.000Z)"
	check "the design phase started then" test "$(state "[p['start_at'] for p in d['phases'] if p['key'] == 'phase:3'][0]")" = "$(date -u -d @$NOW +%Y-%m-%dT%H:%M:%S.000Z)"
	check "merges and replies: seven official replies more" test "$(state "len(d['official_feedback'])")" = "$((feedback0 + 7))"
	finish
	exit
fi

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
