#!/bin/bash
# Screen tests of the timeline (key 4): the projects' phases on one time axis at 80x24 and
# 120x40, and a project lead's changes to them, checked in the database afterwards. The
# console's clock is fixed with INSPRAAK_NOW, so the marker for now and the goldens stay put:
# 15 November 2026, 12:00 in Brussels, in the middle of the fixture's ideas phase.
# GENERATE=1 rewrites the goldens (review them with git diff). With INSPRAAK_BACKEND=api
# (timeline-api.sh) the same over the web API, the fake platform's clock set to that moment
# and its phases checked instead of the database's.
set -u
. "$(dirname "$0")/lib.sh"

command -v tmux >/dev/null || { echo "Bail out! tmux is needed for the screen tests (apt-get install tmux)"; exit 1; }
command -v psql >/dev/null || { echo "Bail out! psql is needed for the screen tests (apt-get install postgresql-client)"; exit 1; }
NOW=1794740400
server_setup --now "$NOW"
export SCREEN_ENV="INSPRAAK_NOW=$NOW"

q() { psql -q -X -At -v ON_ERROR_STOP=1 "$db" -c "$1"; }
# state_phases PYTHON: over the web API, an expression over the fake's phases (ph, a list) in
# Brussels time (bx(iso) formats one).
state_phases() {
	fake /__fake/state | python3 -c '
import json, sys, datetime, zoneinfo
d = json.load(sys.stdin)
bx = lambda t: datetime.datetime.fromisoformat(t.replace("Z", "+00:00")).astimezone(zoneinfo.ZoneInfo("Europe/Brussels")).strftime("%Y-%m-%d %H:%M") if t else "open"
ph = d["phases"]
print(eval(sys.argv[1]))' "$1"
}
# A phase's dates in Brussels time: "2026-10-01 00:00 2027-01-01 00:00" (open: "open").
phase() {
	if [ "$BACKEND" = api ]; then
		state_phases "[bx(p['start_at']) + ' ' + bx(p['end_at']) for p in ph if p['key'] == 'phase:$1'][0]"
		return
	fi
	q "select to_char(start_at at time zone 'Europe/Brussels', 'YYYY-MM-DD HH24:MI') || ' ' ||
	   coalesce(to_char(end_at at time zone 'Europe/Brussels', 'YYYY-MM-DD HH24:MI'), 'open')
	   from phases where id = $1"
}
is() { [ "$1" = "$2" ] || { echo "# got \"$1\", expected \"$2\""; return 1; }; }
# The bottom line (messages and questions) and the status line above it.
bottom() { capture "$1" | tail -n 1; }
status_line() { capture "$1" | tail -n 2 | head -n 1; }
# Both wait a little: over the web API an answer takes longer than from the database.
bottom_has() {
	local i
	for i in $(seq 40); do bottom "$1" | grep -qF -- "$2" && return 0; sleep 0.05; done
	echo "# bottom line: $(bottom "$1")"
	return 1
}
where_is() {
	local i
	for i in $(seq 40); do status_line "$1" | grep -qF -- "$2" && return 0; sleep 0.05; done
	echo "# status line: $(status_line "$1")"
	return 1
}
# The fixture's staff user (login postgres) is a moderator; these tests need a project lead.
# On the platform Mia is an admin, who may change every timeline.
lead() { [ "$BACKEND" = api ] || q "update users set role = 'project_lead' where login = 'postgres'"; }
# The changes below need the phase functions of db/0002_actions.sql: say so when they are missing.
if ! grep -q inspraak_phase_set_current "$INSPRAAK_SRCDIR/db/0002_actions.sql"; then
	echo "# db/0002_actions.sql has no phase functions yet: the changes below will fail"
fi

# --- looking: 80x24 and 120x40 ---------------------------------------------------------------------
new_db
lead
start v 80 24 "$db"
keys v 4
check "4 shows the timeline" wait_for v "Market square redesign"
golden v timeline-80x24 "the timeline at 80x24: axis, bars, now, a line per phase"
check "the running phase is selected when the timeline opens" where_is v "Market square redesign · phase 2/3"
keys v j
check "j moves to the next phase" where_is v "phase 3/3"
golden v timeline-moved-80x24 "the selection shows in the bar and in the phase's line"
keys v j
check "j goes on into the next project" where_is v "Idea box · phase 1/1"
keys v k k
check "k moves back" where_is v "Market square redesign · phase 2/3"
keys v PageDown
check "PageDown jumps to the next project" where_is v "Idea box · phase 1/1"
keys v PageUp
check "PageUp jumps to the previous project's first phase" where_is v "Market square redesign · phase 1/3"
keys v G
check "G goes to the last phase" where_is v "Idea box · phase 1/1"
keys v g
check "g goes to the first phase" where_is v "Market square redesign · phase 1/3"
keys v 1
check "1 goes back to the new-ideas queue" wait_for v "1 New 12"
quit v
kill_session v

new_db
start w 120 40 "$db"
keys w 4
check "the timeline at 120x40" wait_for w "Market square redesign"
golden w timeline-120x40 "the timeline at 120x40: wider bars, the full method names"
quit w
kill_session w

# --- set-phase: a preview, then the switch in the database -----------------------------------------
new_db
lead
start s 80 24 "$db"
keys s 4 j
check "the design phase is selected" where_is s "phase 3/3"
keys s s
check "s shows a preview of the switch" wait_for s "At the switch"
golden s timeline-preview-80x24 "the preview says what changes for citizens at the switch"
keys s n
check "n changes nothing" bottom_has s "Nothing changed."
check "... in the database either" is "$(phase 2)" "2026-10-01 00:00 2027-01-01 00:00"
keys s Enter
check "Enter asks the same" wait_for s "At the switch"
keys s y
check "y switches and says so" bottom_has s "is now the current phase"
check "the ideas phase ends at now" is "$(phase 2)" "2026-10-01 00:00 2026-11-15 12:00"
check "the design phase starts at now and keeps its end" is "$(phase 3)" "2026-11-15 12:00 2027-04-01 00:00"
golden s timeline-switched-80x24 "after the switch the design phase is the current one"
if [ "$BACKEND" = api ]; then
	keys s u
	check "u: nothing to undo, the platform keeps no history" bottom_has s "Nothing to undo"
else
keys s u
check "u offers to undo the switch" bottom_has s "Undo: current phase of Market square redesign?"
keys s y
check "the undo puts the ideas phase's end back" is "$(phase 2)" "2026-10-01 00:00 2027-01-01 00:00"
check "... and the design phase's start" is "$(phase 3)" "2027-01-01 00:00 2027-04-01 00:00"
check "the timeline shows it at once" where_is s "phase 3/3"
check "... with the ideas phase current again" sh -c "tmux -L $SOCK capture-pane -p -t s | grep -q 'Collecting… .* current'"
keys s s y
check "the switch again, for what follows" is "$(phase 3)" "2026-11-15 12:00 2027-04-01 00:00"
fi

# --- edit-phase: refusals with their reason, a gap only when confirmed --------------------------------
keys s g
check "g: the information phase" where_is s "phase 1/3"
keys s e
check "e asks for the start, filled in" bottom_has s "2026-09-01 00:00"
keys s Enter
check "then for the end, filled in" bottom_has s "2026-10-01 00:00"
keys s C-u
keys s -l "2026-08-01 00:00"
keys s Enter
check "an end before the start is refused with the reason" bottom_has s "The end (01-08-2026 00:00) comes before the start (01-09-2026 00:00)."
check "... before the database is asked" is "$(phase 1)" "2026-09-01 00:00 2026-10-01 00:00"
keys s e Enter
check "what the lead typed is kept for the next try" bottom_has s "2026-08-01 00:00"
keys s C-u
keys s -l "2026-10-15 00:00"
keys s Enter
check "an overlap is refused" is "$(phase 1)" "2026-09-01 00:00 2026-10-01 00:00"
if [ "$BACKEND" = api ]; then
	# The platform's 422 names no phase: the console finds it and says so, in full.
	check "... naming the other phase" wait_for s "\"Collecting ideas\" (2026-10-01 to"
	check "... which is a sentence naming the other phase" wait_for s "The dates overlap with the phase"
	keys s q
else
	check "... naming the other phase" bottom_has s "\"Ideeën verzamelen\" (2026-10-01 to 2026-11-15 12:00)"
	check "... which is a sentence naming the other phase" bottom_has s "would overlap"
fi
keys s e Enter C-u
keys s -l "2026-09-20 00:00"
keys s Enter
check "a new gap with the next phase is asked about" wait_for s "A gap in the timeline"
check "... with the question on the bottom line" bottom_has s "Leave the gap?"
golden s timeline-gap-80x24 "the database's sentence about the gap, in full, with what it means"
keys s n
check "n leaves the dates as they were" is "$(phase 1)" "2026-09-01 00:00 2026-10-01 00:00"
check "... and says so" bottom_has s "the gap was not left"
keys s e
check "the answer typed is offered again" bottom_has s "2026-09-01 00:00"
keys s Enter
check "... the end too" bottom_has s "2026-09-20 00:00"
keys s Enter
check "the gap is asked about again" bottom_has s "Leave the gap?"
keys s y
check "y makes the gap" is "$(phase 1)" "2026-09-01 00:00 2026-09-20 00:00"
check "the edit says what it did" bottom_has s "now runs"

# --- add-phase and remove-phase -----------------------------------------------------------------------
keys s G PageUp
keys s a
check "a asks for the new phase's title" bottom_has s "Title of the new phase"
keys s -l "Uitvoering"
keys s Enter
check "then for its participation method" wait_for s "Participation method"
keys s -l "vot"
keys s Enter
check "its start follows the project's last phase" bottom_has s "2027-04-01 00:00"
keys s Enter
keys s -l "2027-06-01"
keys s Enter
if [ "$BACKEND" = api ]; then
	added=$(state_phases "[p['participation_method'] + ' ' + bx(p['start_at']) + ' ' + bx(p['end_at']) for p in ph if p['project'] == 'project:1' and 'Uitvoering' in str(p['title_multiloc'])]")
	check "the phase is added" is "$added" "['voting 2027-04-01 00:00 2027-06-01 00:00']"
else
	check "the phase is added" is "$(q "select participation_method || ' ' || to_char(start_at at time zone 'Europe/Brussels', 'YYYY-MM-DD HH24:MI') || ' ' || to_char(end_at at time zone 'Europe/Brussels', 'YYYY-MM-DD HH24:MI') from phases where project_id = 1 and title_multiloc::text like '%Uitvoering%'")" "voting 2027-04-01 00:00 2027-06-01 00:00"
fi
check "... and selected" where_is s "Market square redesign · phase 4/4"
keys s x
check "x asks before removing, saying it holds no ideas" bottom_has s "It holds no ideas"
keys s y
phases_like() {
	if [ "$BACKEND" = api ]; then
		state_phases "sum(1 for p in ph if '$1' in str(p['title_multiloc']))"
	else
		q "select count(*) from phases where title_multiloc::text like '%$1%'"
	fi
}
phases_total() { if [ "$BACKEND" = api ]; then state_phases "len(ph)"; else q "select count(*) from phases"; fi; }
check "the phase is removed" is "$(phases_like Uitvoering)" 0
keys s g j
keys s x
check "removing a phase with ideas says they stay" bottom_has s "Its 5 ideas stay, without a phase"
keys s n
check "... and n keeps it" is "$(phases_like Ideeën)" 1
quit s
kill_session s

# --- skipping a phase: the preview warns, the database refuses, the reason is shown whole ----------------
new_db
lead
[ "$BACKEND" = api ] && fake /__fake/faults -X POST -d '{"now": 1789466400}' >/dev/null
SCREEN_ENV="INSPRAAK_NOW=1789466400" start k 80 24 "$db"
keys k 4
check "in September the information phase runs" where_is k "Market square redesign · phase 1/3"
keys k j j s
check "the preview warns that a phase comes before the chosen one" wait_for k "A phase comes before it"
keys k y
check "the database refuses, and the reason is shown in full" wait_for k "change or remove it first."
# A reason too long for the bottom line is shown in a box first.
bottom k | grep -q "q: close" && keys k q
check "... and stays on the bottom line" bottom_has k "comes before"
check "nothing changed" is "$(phase 1)" "2026-09-01 00:00 2026-10-01 00:00"
quit k
kill_session k
[ "$BACKEND" = api ] && fake /__fake/faults -X POST -d "{\"now\": $NOW}" >/dev/null

# --- many projects: the selection stays in sight -----------------------------------------------------
new_db
lead
if [ "$BACKEND" = api ]; then
	for i in 1 2 3 4 5 6; do
		fake /__fake/projects -X POST -d "$(python3 -c '
import json, sys
i = int(sys.argv[1])
m = lambda k: "2026-%02d-01T00:00:00+01:00" % (9 + k) if 9 + k <= 12 else "2027-%02d-01T00:00:00+01:00" % (k - 3)
print(json.dumps({"slug": "wijk-%d" % i, "title_multiloc": {"en": "Neighbourhood improvement plan %d" % i},
                  "phases": [{"title_multiloc": {"en": "Step %d" % k}, "participation_method": "ideation",
                              "start_at": m(k), "end_at": m(k + 1)} for k in (1, 2, 3)]}))' "$i")" >/dev/null
	done
else
q "insert into projects (id, slug, title_multiloc, kind, ordering)
     select 10 + i, 'wijk-' || i, jsonb_build_object('en', 'Neighbourhood improvement plan ' || i), 'timeline', 10 + i
       from generate_series(1, 6) i;
   insert into phases (project_id, title_multiloc, participation_method, start_at, end_at)
     select 10 + i, jsonb_build_object('en', 'Step ' || k), 'ideation',
            timestamptz '2026-10-01' + (k - 1) * interval '1 month',
            timestamptz '2026-10-01' + k * interval '1 month'
       from generate_series(1, 6) i, generate_series(1, 3) k" >/dev/null
fi
start m 80 24 "$db"
keys m 4
check "more projects than fit: a mark says there is more below" wait_for m "↓"
keys m G
check "G scrolls to the last project" where_is m "Neighbourhood improveme… · phase 3/3"
check "... and its block is on screen" wait_for m "Neighbourhood improvement plan 6 · top-down timeline"
golden m timeline-scrolled-80x24 "scrolled to the end, the axis stays on top"
keys m g
check "g scrolls back to the top" wait_for m "Market square redesign · top-down timeline"
keys m C-l
check "^L reads the timeline again" bottom_has m "Reloaded."
quit m
kill_session m

# --- a support user looks, and changes nothing -----------------------------------------------------------
new_db
if [ "$BACKEND" = api ]; then
	# Sam has an account without moderator rights on the platform.
	echo support-password | "$INSPRAAK_BIN" login --api "$URL" --email sam.support@testegem.test \
		--ca-file "$T/gv/ca.pem" >"$T/login-sam.out" 2>&1
	start h 80 24 api
else
psql -q -X "$CI_BASE" -c "create role helpdesk login" >/dev/null 2>&1 || true
q "insert into users (login, first_name, last_name, role) values ('helpdesk', 'Hanne', 'Helpdesk', 'support');
   grant select on all tables in schema public to helpdesk;
   grant usage on all sequences in schema public to helpdesk"
start h 80 24 "$(printf '%s' "$db" | sed 's/user=postgres/user=helpdesk/')"
fi
keys h 4
check "a support user sees the timeline" wait_for h "Market square redesign"
check "... and is told it is read only" wait_for h "Read only: changing phases needs the role project-lead"
keys h s
check "set-phase is refused with the role it needs" bottom_has h "needs the role project-lead"
keys h e
check "edit-phase too" bottom_has h "needs the role project-lead"
keys h a
check "add-phase too" bottom_has h "needs the role project-lead"
keys h x
check "remove-phase too" bottom_has h "needs the role project-lead"
check "nothing changed in the database" is "$(phase 2)" "2026-10-01 00:00 2027-01-01 00:00"
check "no phase was added or removed" is "$(phases_total)" 4
quit h
kill_session h

finish
