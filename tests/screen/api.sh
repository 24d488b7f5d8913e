#!/bin/bash
# The console over a hosted platform's web API (--api), against the fake Go Vocal server
# seeded with the screen tests' municipality: log in, the queues, a status change that the
# platform sees, a flag dismissed, what the API does not offer said so, and a slow platform
# that keeps the screen alive and can be cancelled. TAP output.
set -u
. "$(dirname "$0")/lib.sh"

command -v tmux >/dev/null || { echo "Bail out! tmux is needed (apt-get install tmux)"; exit 1; }

# The fake platform, with Mia Moderator logged in (lib.sh's api_setup).
BACKEND=api
server_setup

check "inspraak login keeps a token for the platform" grep -q "Logged in to" "$T/login.out"

"$INSPRAAK_BIN" --api https://elsewhere.invalid >"$T/other.out" 2>&1
check "a platform not logged in to: one sentence, exit 1" \
	sh -c "test $? = 1 && grep -q 'not logged in to https://elsewhere.invalid' '$T/other.out'"

start a 120 40 - --api "$URL" --ca-file "$T/gv/ca.pem"
check "the console opens on the platform's new ideas" wait_for a "1 New ideas 12"
check "the status line names the platform and the moderator" wait_for a "Mia Moderator (admin) · Go Vocal"
check "the first idea's detail is read from the API" wait_for a "Speeltuin bij de school in Noord"
check "the flag queue counts the platform's flags" wait_for a "3 Flags 3"
check "the duplicate queue is marked as not offered" wait_for a "2 Duplicates – "
keys a 2
check "and says so when opened" wait_for a "This platform does not offer this queue."
keys a 1

# A status change, through the picker as on the database.
viewed0=$(state "sum(1 for i in d['ideas'] if i['status_code'] == 'viewed')")
keys a s
check "the status picker opens" wait_for a "Esc: cancel"
keys a Down Enter
check "the change is confirmed on screen" wait_for a "is now Viewed"
check "the platform has the new status" test "$(state "sum(1 for i in d['ideas'] if i['status_code'] == 'viewed')")" = $((viewed0 + 1))
check "and the idea has left the new ideas" wait_for a "1 New ideas 11"

# A flag dismissed in the flag queue.
keys a 3
check "the flag queue lists the flagged items" wait_for a "Flagged idea"
flags0=$(state "sum(1 for f in d['flags'] if not f['deleted_at'])")
keys a d
check "the dismissal is confirmed on screen" wait_for a "Flag dismissed"
check "the platform has one active flag fewer" \
	test "$(state "sum(1 for f in d['flags'] if not f['deleted_at'])")" = $((flags0 - 1))

# What the web API does not offer is said, never imitated.
keys a 1
keys a D
check "assigning to a department: the API has none, and the console says so" wait_for a "no departments to assign"
keys a Escape

# A slow platform: the screen says it waits, Esc cancels, and the console goes on.
# (An idea's detail comes with its list page now: a search asks the platform.)
fake /__fake/faults -X POST -d '{"delay_next": {"match": "GET /web_api/v1/ideas", "ms": 4000}}' >/dev/null
keys a 1 / f i e t s e n Enter
check "a slow answer shows that the console waits" wait_for a "Waiting for Go Vocal" 3
tm send-keys -t a Escape
check "Esc cancels the request" wait_for a "Cancelled." 3
keys a 1
check "and the console goes on" wait_for a "1 New ideas"
quit a
check "q closes the console with status 0" test "$(exit_status a)" = 0

# Departments mapped onto platform users in the config file: assigning makes that user the
# idea's assignee, the detail names the department, and the filter narrows on it.
mkdir -p "$XDG_CONFIG_HOME/inspraak"
cat >"$XDG_CONFIG_HOME/inspraak/config" <<EOF
api-profile testegem $URL $T/gv/ca.pem
api-department mobiliteit lotte.janssens@testegem.test "Mobility"
api-department onthaal nobody@testegem.test "Reception"
EOF
fake /__fake/reset -X POST -d '{}' >/dev/null
"$INSPRAAK_BIN" --api nergens >"$T/noprofile.out" 2>&1
check "a platform neither an address nor a profile: one sentence, exit 1" \
	sh -c "test $? = 1 && grep -q 'api-profile nergens URL' '$T/noprofile.out'"
echo mia-password | "$INSPRAAK_BIN" login --api testegem --email mia.moderator@testegem.test >"$T/login2.out" 2>&1
check "inspraak login --api NAME logs in to the profile's platform, with its CA file" grep -q "Logged in to $URL" "$T/login2.out"
# The console by the profile's name: its address and CA file come from the config file.
start b 120 40 - --api testegem
wait_for b "1 New ideas 12"
keys b G k
check "an idea of the market square, which Lotte moderates" wait_for b "Meer fietsenstallingen aan het station"
keys b D
check "the department picker lists the mapped departments" wait_for b "Mobility"
keys b m o b Enter
check "the person within it is the platform user" wait_for b "Lotte Janssens"
keys b Enter
check "the idea is assigned to the department" wait_for b "assigned to Mobility"
check "and no undo is offered: the platform keeps no history to undo from" sh -c "! tmux -L $SOCK capture-pane -p -t b | grep -q 'u: undo'"
check "the platform has Lotte as the idea's assignee" \
	test "$(state "[i['assignee'] for i in d['ideas'] if i['key'] == 'idea:1'][0]")" = user:8
check "the detail names the department" wait_for b "Department   Mobility"
keys b g D
wait_for b "Reception"
keys b r e c Enter
check "a department whose user is not found says so" wait_for b "nobody@testegem.test, who is not among"
keys b : f i l t e r Space d e p a r t m e n t = m o b i l i t e i t Enter
check "the department filter narrows to its assignee's ideas" wait_for b "1 New ideas 1 "
keys b : u n f i l t e r Enter

# A merge on a platform without merges: a status and a reply, and the preview says that votes
# and comments stay where they are.
keys b G k t k k t
check "two tagged ideas" wait_for b "2 tagged"
keys b '\;' m
check "the merge preview says the platform cannot move votes" wait_for b "this platform cannot move votes"
check "... and names the status the merged idea gets" wait_for b "The merged ideas get the status Merged"
check "... and shows the reply, with a link to the idea that stays" wait_for b "/ideas/meer-fietsenstallingen-aan-het-station"
keys b y
check "the merge is done" wait_for b "Merged 1 idea into"
check "the merged idea has the merged status on the platform" \
	test "$(state "[i['status'] for i in d['ideas'] if i['key'] == 'idea:2'][0]")" = idea_status:merged
check "its author got a reply that links to the idea that stays" \
	test "$(state "sum(1 for f in d['official_feedback'] if f['idea'] == 'idea:2' and '/ideas/meer-fietsenstallingen-aan-het-station' in str(f))")" = 1
check "the idea that stays is untouched" \
	test "$(state "[i['status'] for i in d['ideas'] if i['key'] == 'idea:1'][0]")" = idea_status:proposed

# The platform stops accepting the session in the middle of a decision: the password is asked
# on the bottom line, and the decision goes through after the new log-in, nothing lost.
viewed0=$(state "sum(1 for i in d['ideas'] if i['status_code'] == 'viewed')")
vault0=$(cksum <"$XDG_DATA_HOME/inspraak/vault")
fake /__fake/faults -X POST -d '{"expire_tokens": true}' >/dev/null
keys b 1 g s
wait_for b "Esc: cancel"
keys b Down Enter
check "an expired session asks for the password on the bottom line" \
	wait_for b "The log-in has expired. Password for mia.moderator@testegem.test"
tm send-keys -t b -l mia-password
check "the password is not echoed" sh -c "! tmux -L $SOCK capture-pane -p -t b | grep -q mia-password"
keys b Enter
check "the status change goes through after the new log-in" wait_for b "is now Viewed"
check "... on the platform" test "$(state "sum(1 for i in d['ideas'] if i['status_code'] == 'viewed')")" = $((viewed0 + 1))
check "the new token is kept in the vault for the next start" test "$(cksum <"$XDG_DATA_HOME/inspraak/vault")" != "$vault0"
quit b
finish
