#!/bin/bash
# Self-test of the fake Go Vocal server (fake_govocal.py): starts it over HTTPS with throwaway
# certificates and checks, with curl, the shapes and error cases of the API reference that
# the inspraak API back end will rely on, the fault injections, and that it listens on
# 127.0.0.1 only. TAP output. PYTHON picks the interpreter (default python3).
set -u

here=$(cd "$(dirname "$0")" && pwd)
PYTHON=${PYTHON:-python3}
FIXTURE=${FIXTURE:-$here/../fixtures/screen.sql}

for tool in curl openssl "$PYTHON"; do
	command -v "$tool" >/dev/null 2>&1 || { echo "Bail out! $tool is needed"; exit 1; }
done
# The interpreter itself, not a wrapper (a pyenv shim is a shell script run on every call).
PYTHON=$("$PYTHON" -c 'import sys; print(sys.executable)') || { echo "Bail out! $PYTHON does not run"; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/govocal-selftest.XXXXXX")
pid=
cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	fi
	rm -rf "$T"
}
trap cleanup EXIT

"$here/make-certs.sh" "$T/certs" || { echo "Bail out! make-certs.sh failed"; exit 1; }

"$PYTHON" "$here/fake_govocal.py" --cert "$T/certs/server.pem" --key "$T/certs/server.key" \
	>"$T/stdout" 2>"$T/stderr" &
pid=$!
for _ in $(seq 50); do
	[ -s "$T/stdout" ] && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
U=$(head -n 1 "$T/stdout")
if [ -z "$U" ]; then
	echo "Bail out! the fake did not start: $(cat "$T/stderr")"
	exit 1
fi
A=$U/web_api/v1

# --- helpers -----------------------------------------------------------------------------------

n=0
failed=0
ok() { # ok DESCRIPTION COMMAND... [+ COMMAND...]: one TAP test, passing when all commands do
	local what=$1 pass=0 cmd=()
	shift
	n=$((n + 1))
	for arg in "$@" +; do
		if [ "$arg" = + ]; then
			[ "$pass" = 0 ] && { "${cmd[@]}" || pass=1; }
			cmd=()
		else
			cmd+=("$arg")
		fi
	done
	if [ "$pass" = 0 ]; then
		echo "ok $n - $what"
	else
		echo "not ok $n - $what"
		failed=$((failed + 1))
	fi
}

# req METHOD URL [BODY [TOKEN]]: the answer's status in $status, body in $T/body, headers in
# $T/headers; curl's exit status in $rc.
req() {
	local method=$1 url=$2 body=${3:-} token=${4:-}
	local args=(-sS --cacert "$T/certs/ca.pem" --max-time 5 -X "$method" -o "$T/body"
		-D "$T/headers" -w '%{http_code}')
	[ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
	[ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
	status=$(curl "${args[@]}" "$url" 2>"$T/curl.err")
	rc=$?
}
get() { req GET "$@"; }
fake() { req POST "$U/__fake/$1" "${2:-{\}}"; }

# py EXPR: EXPR (Python, d = the JSON body) is true.
py() {
	"$PYTHON" - "$T/body" "$1" <<'EOF'
import json, sys
try:
    d = json.load(open(sys.argv[1], encoding="utf-8"))
except ValueError:
    print("# not a JSON body: %r" % open(sys.argv[1], "rb").read()[:200])
    sys.exit(1)
try:
    ok = eval(sys.argv[2])
except Exception as e:
    print("# %s: %s in %s" % (type(e).__name__, e, json.dumps(d)[:300]))
    sys.exit(1)
if not ok:
    print("# false: %s" % sys.argv[2])
sys.exit(0 if ok else 1)
EOF
}
# val EXPR: print EXPR (Python, d = the JSON body).
val() {
	"$PYTHON" - "$T/body" "$1" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print(eval(sys.argv[2]))
EOF
}
is() { [ "$1" = "$2" ] || { echo "# got '$1', expected '$2'"; return 1; }; }
status_is() { is "$status" "$1"; }
empty_body() { [ ! -s "$T/body" ] || { echo "# body: $(head -c 200 "$T/body")"; return 1; }; }
no_header() { ! grep -qi "^$1:" "$T/headers" || { echo "# has $1"; return 1; }; }
header_is() { grep -qi "^$1: $2"$'\r'"\?$" "$T/headers" || { echo "# headers: $(cat "$T/headers")"; return 1; }; }
login() { # login VAR EMAIL PASSWORD: the token in VAR
	req POST "$A/user_token" "{\"auth\": {\"email\": \"$2\", \"password\": \"$3\"}}"
	printf -v "$1" '%s' "$(val 'd["jwt"]' 2>/dev/null)"
}

# The seed's ids: uuid5(NAMESPACE_URL, "<kind>:<fixture id>").
eval "$("$PYTHON" - <<'EOF'
import uuid
for var, name in [("IDEA1", "idea:1"), ("IDEA2", "idea:2"), ("IDEA9", "idea:9"),
                  ("IDEA10", "idea:10"), ("IDEA12", "idea:12"), ("IDEA13", "idea:13"),
                  ("NO_IDEA", "idea:999"), ("NO_USER", "user:99"), ("P1", "project:1"),
                  ("P2", "project:2"), ("PH4", "phase:4"), ("MIA", "user:1"), ("LOTTE", "user:8"),
                  ("COMMENT2", "comment:2"), ("ST_PROPOSED", "idea_status:proposed"),
                  ("ST_VIEWED", "idea_status:viewed"),
                  ("ST_PRESCREENING", "idea_status:prescreening"),
                  ("FLAG9", "inappropriate_content_flag:idea:9")]:
    print("%s=%s" % (var, uuid.uuid5(uuid.NAMESPACE_URL, name)))
EOF
)"

# --- listening -------------------------------------------------------------------------------

port=${U##*:}
ok "the first line on stdout is the https URL on 127.0.0.1" \
	bash -c "[[ '$U' =~ ^https://127\.0\.0\.1:[0-9]+$ ]]"
listens() {
	local lines
	if command -v ss >/dev/null 2>&1; then
		lines=$(ss -Hltn "sport = :$port" | awk '{print $4}')
	else # the listening sockets of /proc/net/tcp{,6} on that port
		lines=$("$PYTHON" - "$port" <<'EOF'
import socket, struct, sys
port = int(sys.argv[1])
for name in ("/proc/net/tcp", "/proc/net/tcp6"):
    try:
        rows = open(name).read().splitlines()[1:]
    except OSError:
        continue
    for row in rows:
        f = row.split()
        addr, p = f[1].split(":")
        if f[3] != "0A" or int(p, 16) != port:
            continue
        if len(addr) == 8:
            print("%s:%d" % (socket.inet_ntoa(struct.pack("<I", int(addr, 16))), port))
        else:
            print("[%s]:%d" % (addr, port))
EOF
)
	fi
	[ -n "$lines" ] && [ "$(echo "$lines" | grep -vc "^127\.0\.0\.1:$port$")" = 0 ] ||
		{ echo "# listening on: $lines"; return 1; }
}
ok "it listens on 127.0.0.1 only" listens
refuses() {
	"$PYTHON" "$here/fake_govocal.py" --bind 0.0.0.0 --insecure-http >"$T/b.out" 2>"$T/b.err"
	[ $? -ne 0 ] && grep -q "127.0.0.1 only" "$T/b.err" && [ ! -s "$T/b.out" ]
}
ok "it refuses any other bind address" refuses
check_fixture() { "$PYTHON" "$here/fake_govocal.py" --check-fixture "$FIXTURE" | sed 's/^/# /'; return "${PIPESTATUS[0]}"; }
ok "its seed is tests/fixtures/screen.sql" check_fixture

# --- log in, tokens ----------------------------------------------------------------------------

# (The fake throttles logins at 10 per 20 s per IP, as the platform does; this file logs in
# 8 times before it tests that limit.)
login MIA_T mia.moderator@testegem.test mia-password
ok "log in: 201 with a jwt" status_is 201
exp_in() { # the token's exp minus now, in hours
	"$PYTHON" -c 'import base64, json, sys, time
p = sys.argv[1].split(".")[1]
c = json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))
print(round((c["exp"] - time.time()) / 3600), c["sub"], c["highest_role"])' "$1"
}
ok "the token's exp is a day away; sub is the user, highest_role admin" \
	is "$(exp_in "$MIA_T")" "24 $MIA admin"
req POST "$A/user_token" '{"auth": {"email": "lotte.janssens@testegem.test", "password": "lotte-password", "remember_me": true}}'
LOTTE_T=$(val 'd["jwt"]')
ok "remember_me: 30 days" is "$(exp_in "$LOTTE_T")" "720 $LOTTE project_moderator"
req POST "$A/user_token" '{"auth": {"email": "mia.moderator@testegem.test", "password": "wrong"}}'
ok "wrong password: 404, empty body" status_is 404 + empty_body
req POST "$A/user_token" '{"auth": {"email": "ines.invited@testegem.test", "password": "invited-password"}}'
ok "an invited user: 404, empty body" status_is 404 + empty_body
req POST "$A/user_token" '{"auth": {"email": "x@sso.testegem.test", "password": "x"}}'
ok "an e-mail domain forced to SSO: 422 sso_enforced_for_domain" \
	status_is 422 + py 'd == {"errors": {"email": [{"error": "sso_enforced_for_domain"}]}}'
req POST "$A/user_token" '{"email": "mia.moderator@testegem.test"}'
ok "no auth root key: 400" status_is 400
login SAM_T sam.support@testegem.test support-password
login BART_T bart.claes@testegem.test citizen-password

get "$A/users/me" "" "$MIA_T"
ok "users/me: 200 with the private attributes" \
	status_is 200 + py 'd["data"]["attributes"]["email"] == "mia.moderator@testegem.test" and d["data"]["attributes"]["roles"] == [{"type": "admin"}]'
get "$A/users/me"
ok "users/me without a token: 401, empty body" status_is 401 + empty_body
fake token '{"user": "mia.moderator@testegem.test", "exp_in": -60}'
OLD_T=$(val 'd["jwt"]')
get "$A/users/me" "" "$OLD_T"
ok "users/me with an expired token: 401, empty body" status_is 401 + empty_body
get "$A/ideas?sort=new" "" "$OLD_T"
ok "ideas with an expired token: 200, anonymous (13 public ideas, no assignee)" \
	status_is 200 + py 'len(d["data"]) == 13 and all("assignee" not in x["relationships"] for x in d["data"]) and "'"$IDEA12"'" not in [x["id"] for x in d["data"]]'
get "$A/ideas?sort=new" "" "$MIA_T"
ok "ideas as admin: 14 ideas with the assignee relationship" \
	status_is 200 + py 'len(d["data"]) == 14 and all(x["relationships"]["assignee"] == {"data": None} for x in d["data"])'
req PATCH "$A/ideas/$IDEA1" "{\"idea\": {\"idea_status_id\": \"$ST_VIEWED\"}}" "$OLD_T"
ok "a write with an expired token: 401 with the JSON body" \
	status_is 401 + py 'd == {"errors": {"base": [{"error": "Unauthorized!"}]}}'
get "$A/users/$NO_USER"
ok "an unknown user: 404 with the body null" status_is 404 + is "$(cat "$T/body")" null

# --- ideas -----------------------------------------------------------------------------------

get "$A/ideas?sort=new&page%5Bsize%5D=5&page%5Bnumber%5D=1"
ok "page 1: absolute links, brackets encoded, prev null" \
	status_is 200 + py 'len(d["data"]) == 5 and d["links"]["prev"] is None and d["links"]["next"] == "'"$A"'/ideas?page%5Bnumber%5D=2&page%5Bsize%5D=5&sort=new" and d["links"]["last"].endswith("page%5Bnumber%5D=3&page%5Bsize%5D=5&sort=new")'
get "$A/ideas?sort=new&page%5Bsize%5D=5&page%5Bnumber%5D=3"
ok "the last page: next null" status_is 200 + py 'len(d["data"]) == 3 and d["links"]["next"] is None'
get "$A/ideas?sort=new&page%5Bsize%5D=5&page%5Bnumber%5D=4"
ok "past the end: data []" status_is 200 + py 'd["data"] == [] and d["links"]["next"] is None'
get "$A/ideas?sort=-new&page%5Bsize%5D=1"
ok "sort -new: oldest first" py 'd["data"][0]["id"] == "'"$IDEA13"'"'
get "$A/ideas?sort=shiny"
ok "an unknown sort: 500" status_is 500
get "$A/ideas/$IDEA1/comments?sort=shiny"
ok "an unknown comment sort: 500" status_is 500
get "$A/ideas?projects%5B%5D=$P1&sort=popular"
ok "projects[] and sort=popular" py 'len(d["data"]) == 5 and d["data"][0]["attributes"]["likes_count"] == 4'
get "$A/ideas?search=fietsenst&sort=new"
ok "search is a prefix search over title and body" py 'sorted(x["id"] for x in d["data"]) == sorted(["'"$IDEA1"'", "'"$IDEA2"'"])'
get "$A/ideas/filter_counts"
ok "filter_counts (anonymous): total 13, by status" \
	status_is 200 + py 'd["data"]["type"] == "filter_counts" and d["data"]["attributes"]["total"] == 13 and d["data"]["attributes"]["idea_status_id"]["'"$ST_PROPOSED"'"] == 12'
get "$A/ideas/filter_counts?feedback_needed=true&assignee=unassigned" "" "$MIA_T"
ok "filter_counts as admin with feedback_needed and assignee=unassigned" \
	py 'd["data"]["attributes"]["total"] == 12'
get "$A/ideas/$IDEA12"
ok "a non-public idea to the public: 401" status_is 401
get "$A/ideas/$IDEA1"
ok "an idea: included author" status_is 200 + py 'd["included"][0]["type"] == "user" and d["included"][0]["id"] == d["data"]["relationships"]["author"]["data"]["id"]'
get "$A/ideas/$NO_IDEA"
ok "an unknown idea: 404, empty body" status_is 404 + empty_body
get "$A/no_such_thing"
ok "an unknown route: 404" status_is 404

req PATCH "$A/ideas/$IDEA1" "{\"idea\": {\"idea_status_id\": \"$ST_VIEWED\"}}" "$MIA_T"
ok "PATCH status: 200 with the idea" \
	status_is 200 + py 'd["data"]["relationships"]["idea_status"]["data"]["id"] == "'"$ST_VIEWED"'"'
req PATCH "$A/ideas/$IDEA1" "{\"idea\": {\"idea_status_id\": \"$ST_PRESCREENING\"}}" "$MIA_T"
ok "PATCH to prescreening: 422 with the sentence and the value" \
	status_is 422 + py 'd == {"errors": {"idea_status_id": [{"error": "Cannot manually assign inputs to this status", "value": "'"$ST_PRESCREENING"'"}]}}'
req PATCH "$A/ideas/$IDEA2" "{\"idea\": {\"assignee_id\": \"$LOTTE\"}}" "$MIA_T"
ok "an assignee who cannot moderate the project: 422" \
	status_is 422 + py 'd == {"errors": {"assignee_id": [{"error": "assignee_can_not_moderate_project"}]}}'
req PATCH "$A/ideas/$IDEA1" "{\"idea\": {\"assignee_id\": \"$LOTTE\"}}" "$MIA_T"
ok "assign a moderator of the project: 200" \
	status_is 200 + py 'd["data"]["relationships"]["assignee"]["data"] == {"id": "'"$LOTTE"'", "type": "user"}'
req PATCH "$A/ideas/$IDEA1" '{"idea": {"title_multiloc": {"nl-BE": " "}}}' "$MIA_T"
ok "a blank title: 422 blank" status_is 422 + py 'd == {"errors": {"title_multiloc": [{"error": "blank"}]}}'
req PATCH "$A/ideas/$IDEA1" '{"ide": {}}' "$MIA_T"
ok "PATCH without the idea key: 500" status_is 500
req PATCH "$A/ideas/$IDEA1" '{"idea": {}}' "$MIA_T"
ok "PATCH with an empty idea: 400" status_is 400
req PATCH "$A/ideas/$IDEA1" "{\"idea\": {\"idea_status_id\": \"$ST_VIEWED\"}}" "$SAM_T"
ok "PATCH by a plain user: 401 Unauthorized!" \
	status_is 401 + py 'd["errors"]["base"][0]["error"] == "Unauthorized!"'
get "$U/__fake/state"
ok "the state shows the status and the assignee" \
	py '[(x["status"], x["assignee"]) for x in d["ideas"] if x["key"] == "idea:1"] == [("idea_status:viewed", "user:8")]'
get "$A/ideas?sort=new&assignee=$LOTTE" "" "$LOTTE_T"
ok "a project moderator sees assignees on their project only" \
	py 'len(d["data"]) == 1 and d["data"][0]["id"] == "'"$IDEA1"'"'
get "$A/idea_statuses"
ok "idea statuses: 16, unpaginated" status_is 200 + py 'len(d["data"]) == 16 and "links" not in d'

# --- projects and phases ------------------------------------------------------------------------

get "$A/projects?filter_can_moderate=true" "" "$LOTTE_T"
ok "filter_can_moderate for a project moderator: marktplein" \
	py '[x["attributes"]["slug"] for x in d["data"]] == ["marktplein"] and d["included"][0]["type"] == "phase"'
get "$A/projects/$P1/moderators"
ok "project moderators without a token: 401 with the JSON body" \
	status_is 401 + py 'd["errors"]["base"][0]["error"] == "Unauthorized!"'
get "$A/projects/$P1/phases" "" "$MIA_T"
ok "phases of marktplein: 3, by start" \
	py '[x["attributes"]["participation_method"] for x in d["data"]] == ["information", "ideation", "information"]'
phase() { echo "{\"phase\": {\"title_multiloc\": {\"nl-BE\": \"$1\"}, \"participation_method\": \"$2\", \"start_at\": \"$3\", \"end_at\": \"$4\"}}"; }
req POST "$A/projects/$P1/phases" "$(phase Extra ideation 2026-12-01 2027-02-01)" "$MIA_T"
ok "an overlapping phase: 422 has_other_overlapping_phases" \
	status_is 422 + py 'd["errors"]["base"][0] == {"error": "has_other_overlapping_phases"}'
req POST "$A/projects/$P1/phases" "$(phase Extra brainstorm 2027-04-01 2027-05-01)" "$MIA_T"
ok "an unknown method: 422 inclusion with the value" \
	status_is 422 + py 'd == {"errors": {"participation_method": [{"error": "inclusion", "value": "brainstorm"}]}}'
req POST "$A/projects/$P1/phases" "$(phase Extra ideation 2027-06-01 2027-05-01)" "$MIA_T"
ok "start after end: 422 after_end_at" status_is 422 + py 'd == {"errors": {"start_at": [{"error": "after_end_at"}]}}'
req POST "$A/projects/$P1/phases" '{"phase": {"title_multiloc": {"nl-BE": ""}}}' "$MIA_T"
ok "no start and no title: 422 blank for both" \
	status_is 422 + py 'd == {"errors": {"title_multiloc": [{"error": "blank"}], "start_at": [{"error": "blank"}]}}'
req POST "$A/projects/$P1/phases" '{"phase": {"title_multiloc": {"nl-BE": "Voor"}, "start_at": "2026-08-01"}}' "$MIA_T"
ok "no end on a phase that is not the last: 422 end_at invalid" \
	status_is 422 + py 'd["errors"]["end_at"] == [{"error": "invalid"}]'
req POST "$A/projects/$P2/phases" '{"phase": {"title_multiloc": {"nl-BE": "Te vroeg"}, "start_at": "2025-01-02"}}' "$MIA_T"
ok "less than 2 days after an open-ended phase: 422 start_at invalid" \
	status_is 422 + py 'd == {"errors": {"start_at": [{"error": "invalid"}]}}'
req POST "$A/projects/$P2/phases" '{"phase": {"title_multiloc": {"nl-BE": "Stemmen"}, "participation_method": "voting", "start_at": "2027-01-01", "end_at": "2027-02-01"}}' "$MIA_T"
NEWPH=$(val 'd["data"]["id"]' 2>/dev/null)
ok "a phase after an open-ended one: 201, previous_phase_end_at_updated" \
	status_is 201 + py 'd["data"]["attributes"]["previous_phase_end_at_updated"] is True and d["data"]["attributes"]["start_at"] == "2026-12-31T23:00:00.000Z"'
get "$A/phases/$PH4"
ok "the open-ended phase now ends where the new one starts (exclusive end)" \
	py 'd["data"]["attributes"]["end_at"] == "2026-12-31T23:00:00.000Z"'
req PATCH "$A/phases/$NEWPH" '{"phase": {"end_at": "2027-03-01T00:00:00+01:00"}}' "$LOTTE_T"
ok "PATCH a phase of a project one does not moderate: 401" status_is 401
req PATCH "$A/phases/$NEWPH" '{"phase": {"end_at": "2027-03-01T00:00:00+01:00"}}' "$MIA_T"
ok "PATCH a phase: 200" status_is 200 + py 'd["data"]["attributes"]["end_at"] == "2027-02-28T23:00:00.000Z"'
req DELETE "$A/phases/$NEWPH" "" "$MIA_T"
ok "DELETE a phase: 200, empty body" status_is 200 + empty_body

# --- official feedback, comments, reports -------------------------------------------------------

req POST "$A/ideas/$IDEA1/official_feedback" '{"official_feedback": {"body_multiloc": {"nl-BE": "<p>We bekijken dit.</p>"}}}' "$MIA_T"
ok "feedback without author_multiloc: 422 blank" \
	status_is 422 + py 'd == {"errors": {"author_multiloc": [{"error": "blank"}]}}'
req POST "$A/ideas/$IDEA1/official_feedback" '{"official_feedback": {"body_multiloc": {"nl-BE": "<p>We bekijken dit.</p>"}, "author_multiloc": {"nl-BE": "Dienst Mobiliteit"}}}' "$MIA_T"
FB=$(val 'd["data"]["id"]' 2>/dev/null)
ok "feedback: 201" status_is 201 + py 'd["data"]["type"] == "official_feedback" and d["data"]["relationships"]["idea"]["data"]["id"] == "'"$IDEA1"'"'
req POST "$A/ideas/$IDEA1/official_feedback" '{"official_feedback": {"body_multiloc": {"nl-BE": "x"}, "author_multiloc": {"nl-BE": "y"}}}' "$SAM_T"
ok "feedback by a plain user: 401" status_is 401
req DELETE "$A/official_feedback/$FB" "" "$MIA_T"
ok "DELETE feedback: 200, empty body" status_is 200 + empty_body

req POST "$A/comments/$COMMENT2/mark_as_deleted" '{"comment": {"reason_code": "other"}}' "$MIA_T"
ok "mark_as_deleted, other without a reason: 422 invalid_reason" \
	status_is 422 + py 'd["errors"]["base"][0]["error"] == "invalid_reason"'
req POST "$A/comments/$COMMENT2/mark_as_deleted" '{"comment": {"reason_code": "inappropriate"}}' "$MIA_T"
ok "mark_as_deleted: 202, empty body" status_is 202 + empty_body
get "$A/ideas/$IDEA1/comments"
ok "the deleted comment stays in the thread without body or author" \
	py '[(x["attributes"]["publication_status"], x["attributes"]["body_multiloc"], x["relationships"]["author"]["data"]) for x in d["data"] if x["id"] == "'"$COMMENT2"'"] == [("deleted", None, None)]'
req DELETE "$A/comments/$COMMENT2" "" "$MIA_T"
ok "DELETE a comment: 401 for everyone" status_is 401

get "$A/ideas/$IDEA9/spam_reports" "" "$MIA_T"
ok "spam reports: the admin sees both" status_is 200 + py 'len(d["data"]) == 2'
get "$A/ideas/$IDEA9/spam_reports" "" "$BART_T"
ok "spam reports: a citizen sees their own" py '[x["attributes"]["reason_code"] for x in d["data"]] == ["other"]'
get "$A/ideas/$IDEA9/spam_reports"
ok "spam reports without a token: 401, empty body" status_is 401 + empty_body

# --- the moderation inbox -----------------------------------------------------------------------

get "$A/moderations/moderations_count" "" "$MIA_T"
ok "inbox count for the admin: 15 (13 ideas, 2 comments)" \
	py 'd == {"data": {"type": "moderations_count", "attributes": {"count": 15}}}'
get "$A/moderations/moderations_count" "" "$LOTTE_T"
ok "inbox count for the project moderator: 7" py 'd["data"]["attributes"]["count"] == 7'
get "$A/moderations?page%5Bsize%5D=20&is_flagged=true" "" "$MIA_T"
ok "flagged items, newest first, flags included" \
	status_is 200 + py '[x["id"] for x in d["data"]] == ["'"$IDEA10"'", "'"$IDEA9"'"] and [x["attributes"]["reason_code"] for x in d["included"]] == ["inappropriate", "inappropriate"] and d["included"][1]["attributes"]["toxicity_label"] == "spam"'
get "$A/moderations?moderatable_types%5B%5D=Comment" "" "$MIA_T"
ok "never-flagged items carry no flag relationship" py 'all("relationships" not in x for x in d["data"])'
req PATCH "$A/moderations/Idea/$IDEA1" '{"moderation": {"moderation_status": "read"}}' "$MIA_T"
ok "PATCH an inbox item to read: 200 with the item" \
	status_is 200 + py 'd["data"]["attributes"]["moderation_status"] == "read"'
get "$A/moderations/moderations_count?moderation_status=read" "" "$LOTTE_T"
ok "read/unread is shared between moderators" py 'd["data"]["attributes"]["count"] == 1'
req PATCH "$A/moderations/Idea/$IDEA1" '{"moderation": {"moderation_status": "done"}}' "$MIA_T"
ok "an unknown moderation status: 500" status_is 500
req PATCH "$A/moderations/Idea/$IDEA12" '{"moderation": {"moderation_status": "read"}}' "$MIA_T"
ok "an item not in the inbox: 500" status_is 500
get "$A/moderations"
ok "the inbox without a token: 401, empty body" status_is 401 + empty_body
req PATCH "$A/inappropriate_content_flags/$FLAG9/mark_as_deleted" "" "$MIA_T"
ok "dismiss a flag: 202, empty body" status_is 202 + empty_body
get "$A/moderations/moderations_count?is_flagged=true" "" "$MIA_T"
ok "a dismissed flag no longer counts as flagged" py 'd["data"]["attributes"]["count"] == 1'
req PATCH "$A/inappropriate_content_flags/$FLAG9/mark_as_flagged" "" "$MIA_T"
ok "restore a flag: 200, empty body" status_is 200 + empty_body
get "$A/inappropriate_content_flags/$FLAG9" "" "$LOTTE_T"
ok "a flag on a project one does not moderate: 401" status_is 401

# --- rate limiting -------------------------------------------------------------------------------

fake faults '{"rate_limit": {"search": {"limit": 2, "period": 600}}}'
for _ in 1 2; do get "$A/ideas?search=fiets&sort=new"; done
get "$A/ideas?search=fiets&sort=new"
ok "over the search limit: 429 Retry later, no Retry-After" \
	status_is 429 + is "$(cat "$T/body")" "Retry later" + no_header Retry-After
fake faults '{"retry_after": 2}'
get "$A/ideas?search=fiets&sort=new"
ok "with the retry_after knob: 429 with Retry-After: 2" status_is 429 + header_is Retry-After 2
get "$A/ideas?sort=new"
ok "requests without search still pass" status_is 200
fake faults '{"clear": true, "rate_limit": {"login": {"limit": 1, "period": 600}, "reset": true}}'
login _ mia.moderator@testegem.test mia-password
req POST "$A/user_token" '{"auth": {"email": "mia.moderator@testegem.test", "password": "mia-password"}}'
ok "over the login limit: 429" status_is 429

# --- fault injection -----------------------------------------------------------------------------

fake faults '{"clear": true, "rate_limit": {"reset": true}}'
fake faults '{"hang_next": "GET /web_api/v1/ideas"}'
start=$(date +%s%N)
curl -sS --cacert "$T/certs/ca.pem" --max-time 2 -o /dev/null "$A/ideas?sort=new" 2>/dev/null &
hung=$!
sleep 0.3
get "$A/idea_statuses"
ok "while one request hangs, others are answered" status_is 200
wait $hung
hang_rc=$?
ok "a hanging request: the client gives up (curl exit 28)" is "$hang_rc" 28
ok "... after its --max-time" bash -c "[ \$(( ($(date +%s%N) - $start) / 1000000 )) -ge 1900 ]"

fake faults '{"truncate_next": "GET /web_api/v1/ideas"}'
get "$A/ideas?sort=new"
ok "a truncated body: status 200 and Content-Length, then the body is cut (curl exit 18)" \
	is "$rc" 18 + status_is 200 + grep -qi '^Content-Length: [1-9]' "$T/headers"
fake faults '{"status_next": {"status": 503, "match": "GET /web_api/v1/ideas*"}}'
get "$A/ideas/$IDEA1"
ok "status_next: 503" status_is 503
get "$A/ideas/$IDEA1"
ok "... for one request only" status_is 200
fake faults '{"expire_tokens": true}'
get "$A/users/me" "" "$MIA_T"
ok "expire_tokens: an issued token is refused (401, empty body)" status_is 401 + empty_body
fake faults '{"latency_ms": 150}'
t0=$(date +%s%N)
get "$A/areas"
t1=$(date +%s%N)
ok "latency_ms: every request waits" bash -c "[ $(( (t1 - t0) / 1000000 )) -ge 150 ]"
ok "areas: 3, in admin order" py '[x["attributes"]["title_multiloc"]["nl-BE"] for x in d["data"]] == ["Centrum", "Noord", "Haven"]'

# --- reset and shutdown ----------------------------------------------------------------------------

fake reset
get "$U/__fake/state"
ok "reset: the seed again (status, assignee, phases, faults)" \
	py '[(x["status"], x["assignee"]) for x in d["ideas"] if x["key"] == "idea:1"] == [("idea_status:proposed", None)] and len(d["phases"]) == 4 and d["faults"]["latency_ms"] == 0'
kill -TERM "$pid"
for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
! kill -0 "$pid" 2>/dev/null
stopped=$?
wait "$pid" 2>/dev/null
code=$?
pid=
ok "SIGTERM: a clean exit" is "$stopped" 0 + is "$code" 0
if [ -s "$T/stderr" ]; then
	echo "# stderr of the fake:"
	sed 's/^/# /' "$T/stderr"
fi

echo "1..$n"
[ "$failed" = 0 ]
