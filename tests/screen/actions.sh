#!/bin/bash
# Decisions in the console and what goes wrong with them: a batch with one item that someone
# else changed meanwhile, an editor that fails or leaves the reply empty, a stale view, two
# consoles on one item, undo. TAP output. With INSPRAAK_BACKEND=api (actions-api.sh) the same
# over the web API, where the platform's state is checked instead of the database's, and
# what the platform lacks (undo, duplicate suggestions, claims) is checked to be said so.
set -u
. "$(dirname "$0")/lib.sh"

command -v tmux >/dev/null || { echo "Bail out! tmux is needed (apt-get install tmux)"; exit 1; }
# Over the web API the platform's clock stands still, so the times it reports are the same
# every run.
server_setup --now 2026-11-29T12:00:00Z
q() { psql -X -qAt "$db" -c "$1"; }
# An idea's status, on either back end: status_of ID (the fixture's number).
status_of() {
	if [ "$BACKEND" = api ]; then
		state "[i['status'].split(':')[-1] for i in d['ideas'] if i['key'] == 'idea:$1'][0]"
	else
		q "select status from ideas where id = $1"
	fi
}
replies() {
	if [ "$BACKEND" = api ]; then state "len(d['official_feedback'])"; else q "select count(*) from official_feedback"; fi
}

cat >"$T/editor-ok" <<'EOF'
#!/bin/sh
printf '%s\n' "Tot binnenkort." >>"$1"
EOF
cat >"$T/editor-fails" <<'EOF'
#!/bin/sh
exit 3
EOF
cat >"$T/editor-empties" <<'EOF'
#!/bin/sh
printf '  \n\n' >"$1"
EOF
chmod +x "$T"/editor-*

# --- a batch in which one item fails: the others are applied, the summary says which -------------
new_db
start a 120 40 "$db"
keys a t t t
check "three ideas tagged" wait_for a "3 tagged"
keys a '\;' s
wait_for a "Which status?"
keys a V i e w e d Enter
check "the batch preview lists the three ideas" wait_for a "Apply to all of these?"
# Meanwhile a colleague decides the second of them (idea 10).
if [ "$BACKEND" = api ]; then
	platform_set_status "SCHANDE: de Molenstraat is al drie maanden kapot!!!" accepted
else
	q "update ideas set status = 'accepted', version = version + 1 where id = 10"
fi
keys a y
wait_for a "Justification for all"
keys a Enter
check "the summary counts two done and one failed" wait_for a "2 done, 1 failed"
check "the failed item says why: someone changed it" wait_for a "changed"
golden a batch-summary-120x40 "the per-item summary of a batch"
keys a q
check "the two others were applied" test "9:$(status_of 9),10:$(status_of 10),11:$(status_of 11)" = "9:viewed,10:accepted,11:viewed"
if [ "$BACKEND" = db ]; then
	check "one audit row per applied item, none for the failed one" test "$(q "select count(*) from audit_log where action = 'set-status'")" = 2
fi
quit a
kill_session a

# --- the editor: a failing one sends nothing, an empty reply is not sent -------------------------
new_db
feedback0=$(replies)
SCREEN_ENV="EDITOR=$T/editor-fails" start b 120 40 "$db"
keys b j r
wait_for b "Reply, and change the status?"
keys b Enter
check "an editor exiting non-zero: nothing was sent, and the console says so" wait_for b "exited with status 3; nothing was sent"
quit b
kill_session b
SCREEN_ENV="EDITOR=$T/editor-empties" start b2 120 40 "$db"
keys b2 j r
wait_for b2 "Reply, and change the status?"
keys b2 Enter
check "an empty reply is refused" wait_for b2 "The reply is empty: nothing was sent."
quit b2
kill_session b2
check "no official feedback was written by either" test "$(replies)" = "$feedback0"

# --- a stale view: refused with who and when, then read again -----------------------------------
new_db
SCREEN_ENV="EDITOR=$T/editor-ok" start c 120 40 "$db"
keys c j
wait_re c "^#[0-9]+ SCHANDE"
if [ "$BACKEND" = api ]; then
	# Another moderator changes idea 10 on the platform while it is on screen; the platform
	# says when, not who.
	platform_assign "SCHANDE: de Molenstraat is al drie maanden kapot!!!" user:8
	keys c s
	wait_for c "Which status?"
	keys c A c c e p t e d Enter
	check "the stale change is refused, saying when it was changed" wait_for c "was changed on the platform at"
	check "the idea is as the colleague left it" \
		test "$(status_of 10) $(state "[i['assignee'] for i in d['ideas'] if i['key'] == 'idea:10'][0]")" = "proposed user:8"
	keys c s
	wait_for c "Which status?"
	keys c A c c e p t e d Enter
	check "after the reload the same change goes through" wait_for c "is now Accepted"
	check "... and is on the platform" test "$(status_of 10)" = accepted
	keys c u
	check "undo: this console has nothing to undo, the platform keeps no history" wait_for c "Nothing to undo"
	keys c 2 x
	check "not a duplicate: the platform has no duplicate suggestions, and the console says so" wait_for c "does not offer"
	quit c
	kill_session c
	finish
	exit
fi
# Another moderator (as far as the database knows) changes idea 10 while it is on screen.
q "select inspraak_assign(10, (select version from ideas where id = 10), 1, null, 'colleague')" >/dev/null
keys c s
wait_for c "Which status?"
keys c A c c e p t e d Enter
check "the stale change is refused, naming who changed it" wait_for c "was changed by Mia Moderator"
check "the idea is as the colleague left it" test "$(q "select status || ' ' || department_id from ideas where id = 10")" = "proposed 1"
snapshot() { q "select md5(string_agg(t::text, '|' order by id)) from (select id, status, department_id, assignee_id, version, merged_into_id, hidden_at, decided_at from ideas) t"; }
before=$(snapshot)
keys c s
wait_for c "Which status?"
keys c A c c e p t e d Enter
check "after the reload the same change goes through" wait_for c "is now Accepted"
check "... and is in the database" test "$(q "select status from ideas where id = 10")" = accepted

# --- undo puts back exactly what was there -------------------------------------------------------
keys c D
wait_for c "Assign to which department?"
keys c c u l t Enter
check "assigned (Culture has nobody to pick, so no second question)" wait_for c "assigned to Culture"
keys c u
wait_for c "Undo:"
keys c y
check "undone" wait_for c "Undone:"
keys c u
wait_for c "Undo:"
keys c y
check "the status change before it can be undone too" wait_for c "Undone:"
# After both undos, idea 10 is as the colleague left it: viewed, its version and all.
check "the idea is back as the colleague left it" test "$(q "select status || ' ' || department_id from ideas where id = 10")" = "proposed 1"
check "undo leaves the rows exactly as they were, versions included" test "$(snapshot)" = "$before"
check "both undos are in the audit log" test "$(q "select count(*) from audit_log where action = 'undo'")" = 2

# --- not a duplicate: the pair leaves the queue and is never suggested again ------------------
keys c 2
keys c x
check "the pair is dismissed" wait_for c "will not be suggested again"
check "the suggestion is remembered as dismissed" test "$(q "select state from duplicate_suggestions where idea_a = 1 and idea_b = 2")" = dismissed
quit c
kill_session c

# --- two consoles on one item: the claim shows live, and can be taken over ----------------------
new_db
start d1 120 40 "$db"
start d2 120 40 "$db"
keys d1 Enter
check "console 2 sees within a second that console 1 works on idea 11" wait_for d2 "[Mia Moderator]" 1
keys d2 Enter
check "opening it asks to take it over" wait_for d2 "is working on this item. Take it over?"
keys d2 y
check "the claim moved to console 2" test "$(q "select count(*) from claims where item_id = 11 and expires_at > now()")" = 1
keys d2 Escape
check "leaving the item releases the claim" test "$(q "select count(*) from claims where item_id = 11 and expires_at > now()")" = 0
quit d1
quit d2
kill_session d1
kill_session d2

finish
