# Screen-test helpers: the real inspraak binary in tmux, against a throwaway PostgreSQL
# server started with `inspraak server start`, checked against golden screens.
# GENERATE=1 rewrites the goldens instead of comparing. Output is TAP.

: "${INSPRAAK_BIN:?INSPRAAK_BIN must name the inspraak binary}"
: "${INSPRAAK_SRCDIR:?INSPRAAK_SRCDIR must name the source tree}"
GOLDEN="$INSPRAAK_SRCDIR/tests/screen/golden"
export LANG=C.UTF-8 TZ=Europe/Brussels TERM=xterm-256color
unset LANGUAGE LC_ALL LC_MESSAGES NO_COLOR INSPRAAK_DB INSPRAAK_CONFIG PGHOST PGDATABASE PGPORT PGUSER

T=$(mktemp -d /tmp/insp-screen.XXXXXX)
chmod 755 "$T"
SOCK="insp-screen-$$"
TMUX_CONF="$T/tmux.conf"
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" HOME="$T/home"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$HOME"
OUT=${SCREEN_OUT:-$T/out}
mkdir -p "$OUT"
n=0
failed=0

# The console runs under a small wrapper that writes its exit status to a file: tmux may
# reap a finished pane late, so #{pane_dead_status} is not to be relied on.
cat >"$T/run-console" <<'EOF'
#!/bin/sh
status=$1
shift
"$@"
echo $? >"$status.tmp" && mv "$status.tmp" "$status"
EOF
chmod +x "$T/run-console"

cat >"$TMUX_CONF" <<'EOF'
set -g status off
set -g remain-on-exit on
set -g history-limit 0
set -g default-terminal "xterm-256color"
EOF

tm() { tmux -L "$SOCK" -f "$TMUX_CONF" "$@"; }

cleanup() {
	tm kill-server 2>/dev/null
	[ -n "${FAKE:-}" ] && kill "$FAKE" 2>/dev/null
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

# The back end the console runs on: db (PostgreSQL, the default) or api (the fake Go Vocal
# server of tests/govocal, seeded with the same fixture). INSPRAAK_BACKEND=api runs the same
# tests over --api; where a screen legitimately differs (the status line names the platform,
# a queue the API does not offer), golden/api/NAME.txt holds the API's screen.
BACKEND=${INSPRAAK_BACKEND:-db}

# The server, the schema and the fixture; every test copies the fixture database.
# server_setup [fake_govocal.py options...]: the options apply over the web API only.
server_setup() {
	if [ "$BACKEND" = api ]; then
		api_setup "$@"
		return
	fi
	CI_BASE=$("$INSPRAAK_BIN" server start --dir "$T/pg" 2>"$T/server.log") || { echo "Bail out! cannot start PostgreSQL"; exit 1; }
	"$INSPRAAK_BIN" db migrate --db "$CI_BASE" >/dev/null || { echo "Bail out! migrate failed"; exit 1; }
	psql -q -X -v ON_ERROR_STOP=1 "$CI_BASE" -f "$INSPRAAK_SRCDIR/tests/fixtures/screen.sql" >/dev/null \
		|| { echo "Bail out! fixture failed"; exit 1; }
	# The socket path, to take out of captured screens.
	SOCKDIR=$(printf '%s' "$CI_BASE" | sed -n 's/.*host=\([^ ]*\).*/\1/p')
	DBSEQ=0
}

# The fake platform, logged in to as Mia Moderator (an admin), polled every half second.
# api_setup [fake_govocal.py options...]; GV_EMAIL and GV_PASSWORD name another account (for a
# platform seeded with --seed).
api_setup() {
	command -v python3 >/dev/null || { echo "Bail out! python3 is needed for the fake server"; exit 1; }
	GV="$INSPRAAK_SRCDIR/tests/govocal"
	bash "$GV/make-certs.sh" "$T/gv" >/dev/null 2>&1 || { echo "Bail out! cannot make certificates"; exit 1; }
	python3 "$GV/fake_govocal.py" --cert "$T/gv/server.pem" --key "$T/gv/server.key" --no-rate-limit "$@" \
		>"$T/gv/url" 2>"$T/gv/fake.log" &
	FAKE=$!
	for _ in $(seq 100); do [ -s "$T/gv/url" ] && break; sleep 0.1; done
	URL=$(head -1 "$T/gv/url")
	[ -n "$URL" ] || { echo "Bail out! the fake server did not start: $(tail -2 "$T/gv/fake.log")"; exit 1; }
	echo "${GV_PASSWORD:-mia-password}" | "$INSPRAAK_BIN" login --api "$URL" \
		--email "${GV_EMAIL:-mia.moderator@testegem.test}" \
		--ca-file "$T/gv/ca.pem" >"$T/login.out" 2>&1 || { echo "Bail out! login failed: $(cat "$T/login.out")"; exit 1; }
	mkdir -p "$XDG_CONFIG_HOME/inspraak"
	echo "set poll-seconds 0.5" >"$XDG_CONFIG_HOME/inspraak/config"
	SOCKDIR=${URL#https://}
}

# state PYTHON-EXPRESSION: evaluated with d, the fake's /__fake/state.
state() { fake /__fake/state | python3 -c "import json, sys; d = json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

# fake PATH [curl args...]: a request to the fake server.
fake() { p=$1; shift; curl -s --cacert "$T/gv/ca.pem" "$@" "$URL$p"; }

# A fresh copy of the fixture database (or the fake platform back to its seed); its
# conninfo in $db.
new_db() {
	if [ "$BACKEND" = api ]; then
		fake /__fake/reset -X POST -d '{}' >/dev/null
		db=api
		return
	fi
	DBSEQ=$((DBSEQ + 1))
	psql -q -X "$CI_BASE" -c "create database t$DBSEQ template inspraak" >/dev/null
	db=$(printf '%s\n' "$CI_BASE" | sed "s/dbname=inspraak/dbname=t$DBSEQ/")
}

# start SESSION COLS ROWS CONNINFO [extra args...]: the console in a new tmux session;
# CONNINFO - leaves --db out, for the environment to name the database.
start() {
	s=$1 cols=$2 rows=$3 db=$4
	shift 4
	if [ "$db" = api ]; then
		set -- --api "$URL" --ca-file "$T/gv/ca.pem" "$@"
	elif [ "$db" != - ]; then
		set -- --db "$db" "$@"
	fi
	rm -f "$T/status.$s"
	tm new-session -d -s "$s" -x "$cols" -y "$rows" "$T/run-console" "$T/status.$s" \
		env LANG="$LANG" TZ="$TZ" TERM="$TERM" ${SCREEN_ENV:-} "$INSPRAAK_BIN" "$@"
	wait_for "$s" " · " || wait_for "$s" "needs at least" || true
	settle "$s"
}

capture() {
	if [ "$BACKEND" = api ]; then
		# The address, also where the status line cut it short.
		tm capture-pane -p -t "$1" | sed -E -e "s#Go Vocal 1[0-9.:]*…?#Go Vocal <server>#g" -e 's/[[:space:]]*$//'
	else
		tm capture-pane -p -t "$1" | sed -e "s#$SOCKDIR:[0-9]*#<server>#g" -e 's/[[:space:]]*$//'
	fi
}

# Wait until the screen holds the text (grep -F), at most $3 seconds (default 5).
wait_for() {
	local s=$1 text=$2 limit=${3:-5} i max
	i=0 max=$(awk "BEGIN { print int($limit * 20) }")
	while [ "$i" -lt "$max" ]; do
		capture "$s" | grep -qF -- "$text" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# wait_re SESSION REGEX [LIMIT]: as wait_for, with an extended regular expression.
wait_re() {
	local s=$1 re=$2 limit=${3:-5} i max
	i=0 max=$(awk "BEGIN { print int($limit * 20) }")
	while [ "$i" -lt "$max" ]; do
		capture "$s" | grep -qE -- "$re" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# What citizens and other moderators do on the platform meanwhile, on either back end:
# platform_new_idea TITLE BODY posts an idea in the idea box; platform_set_status TITLE
# STATUS is a decision by another moderator.
platform_new_idea() {
	if [ "$BACKEND" = api ]; then
		fake /__fake/ideas -X POST -d "{\"project\": \"project:2\", \"author\": \"user:2\", \"title\": \"$1\", \"body\": \"$2\"}" >/dev/null
	else
		psql -q -X "$db" -c "insert into ideas (project_id, title, body, created_at) values (2, '$1', '$2', '2026-11-29 12:00')"
	fi
}
# platform_patch TITLE JSON: another moderator (a token of its own) changes the idea with that
# title on the platform (web API); JSON is the idea's attributes.
platform_patch() {
	local tok id
	tok=$(fake /__fake/token -X POST -d '{"user": "user:1", "exp_in": 600}' | python3 -c 'import json, sys; print(json.load(sys.stdin)["jwt"])')
	id=$(fake /__fake/state | python3 -c 'import json, sys; d = json.load(sys.stdin); print([i["id"] for i in d["ideas"] if i["title_multiloc"].get("nl-BE") == sys.argv[1]][0])' "$1")
	fake "/web_api/v1/ideas/$id" -X PATCH -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
		-d "{\"idea\": $2}" >/dev/null
}
# platform_assign TITLE USER-KEY: another moderator makes a user the idea's assignee (web API).
platform_assign() {
	platform_patch "$1" "{\"assignee_id\": \"$(fake /__fake/ids | python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2")\"}"
}
platform_set_status() {
	if [ "$BACKEND" = api ]; then
		platform_patch "$1" "{\"idea_status_id\": \"$(fake /__fake/ids | python3 -c 'import json, sys; print(json.load(sys.stdin)["idea_status:" + sys.argv[1]])' "$2")\"}"
	else
		psql -q -X "$db" -c "update ideas set status = '$2' where title = '$1'"
	fi
}

# Wait until three captures 100 ms apart agree (tmux may pass a resize on a little later).
settle() {
	local prev="" same=0 i=0 cur
	while [ $i -lt 60 ]; do
		cur=$(capture "$1")
		if [ -n "$(printf '%s' "$cur" | tr -d '[:space:]')" ] && [ "$cur" = "$prev" ]; then
			same=$((same + 1))
			[ $same -ge 2 ] && return 0
		else
			same=0
		fi
		prev=$cur
		sleep 0.1
		i=$((i + 1))
	done
}

keys() { s=$1; shift; tm send-keys -t "$s" "$@"; settle "$s"; }

# golden SESSION NAME DESCRIPTION: compare the screen with golden/NAME.txt.
# Over the API, golden/api/NAME.txt when the API's screen differs from the database's; GENERATE=1
# writes it only then.
golden() {
	local g
	s=$1 name=$2 desc=$3
	capture "$s" >"$OUT/$name.txt"
	g=$name.txt
	[ "$BACKEND" = api ] && [ -f "$GOLDEN/api/$name.txt" ] && g=api/$name.txt
	if [ -n "${GENERATE:-}" ]; then
		if [ "$BACKEND" = api ]; then
			if cmp -s "$OUT/$name.txt" "$GOLDEN/$name.txt"; then
				rm -f "$GOLDEN/api/$name.txt"
			else
				mkdir -p "$GOLDEN/api"
				cp "$OUT/$name.txt" "$GOLDEN/api/$name.txt"
				g=api/$name.txt
			fi
		else
			cp "$OUT/$name.txt" "$GOLDEN/$name.txt"
		fi
		ok "$desc (golden $g written)"
		return
	fi
	if [ ! -f "$GOLDEN/$g" ]; then
		not_ok "$desc" "no golden $g: run with GENERATE=1 and review it"
		return
	fi
	if diff -u "$GOLDEN/$g" "$OUT/$name.txt" >"$OUT/$name.diff"; then
		ok "$desc"
	else
		not_ok "$desc" "screen differs from golden/$g:" "$(cat "$OUT/$name.diff")"
	fi
}

# check DESCRIPTION COMMAND...: a test from a command's exit status.
check() {
	desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc" "failed: $*"; fi
}

# Wait until the console in a session has ended: its exit status is in the file.
wait_dead() {
	local j=0
	while [ $j -lt 100 ]; do
		[ -f "$T/status.$1" ] && return 0
		sleep 0.05
		j=$((j + 1))
	done
	return 1
}

# The console's exit status (after wait_dead); 128+N when signal N killed it.
exit_status() { cat "$T/status.$1" 2>/dev/null; }

# The console's process id (the wrapper's child).
console_pid() { pgrep -P "$(tm display -p -t "$1" '#{pane_pid}')" | head -1; }

quit() {
	tm send-keys -t "$1" q
	wait_dead "$1" && return 0
	echo "# $1 did not quit; its screen:"
	capture "$1" | sed 's/^/#   /'
}

pane() { tm display -p -t "$1" "$2"; }
kill_session() { tm kill-session -t "$1" 2>/dev/null; }
