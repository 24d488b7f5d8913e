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

# The server, the schema and the fixture; every test copies the fixture database.
server_setup() {
	CI_BASE=$("$INSPRAAK_BIN" server start --dir "$T/pg" 2>"$T/server.log") || { echo "Bail out! cannot start PostgreSQL"; exit 1; }
	"$INSPRAAK_BIN" db migrate --db "$CI_BASE" >/dev/null || { echo "Bail out! migrate failed"; exit 1; }
	psql -q -X -v ON_ERROR_STOP=1 "$CI_BASE" -f "$INSPRAAK_SRCDIR/tests/fixtures/screen.sql" >/dev/null \
		|| { echo "Bail out! fixture failed"; exit 1; }
	# The socket path, to take out of captured screens.
	SOCKDIR=$(printf '%s' "$CI_BASE" | sed -n 's/.*host=\([^ ]*\).*/\1/p')
	DBSEQ=0
}

# A fresh copy of the fixture database; its conninfo in $db.
new_db() {
	DBSEQ=$((DBSEQ + 1))
	psql -q -X "$CI_BASE" -c "create database t$DBSEQ template inspraak" >/dev/null
	db=$(printf '%s\n' "$CI_BASE" | sed "s/dbname=inspraak/dbname=t$DBSEQ/")
}

# start SESSION COLS ROWS CONNINFO [extra args...]: the console in a new tmux session;
# CONNINFO - leaves --db out, for the environment to name the database.
start() {
	s=$1 cols=$2 rows=$3 db=$4
	shift 4
	[ "$db" = - ] || set -- --db "$db" "$@"
	rm -f "$T/status.$s"
	tm new-session -d -s "$s" -x "$cols" -y "$rows" "$T/run-console" "$T/status.$s" \
		env LANG="$LANG" TZ="$TZ" TERM="$TERM" ${SCREEN_ENV:-} "$INSPRAAK_BIN" "$@"
	wait_for "$s" " · " || wait_for "$s" "needs at least" || true
	settle "$s"
}

capture() { tm capture-pane -p -t "$1" | sed -e "s#$SOCKDIR:[0-9]*#<server>#g" -e 's/[[:space:]]*$//'; }

# Wait until the screen holds the text (grep -F), at most $3 seconds (default 5).
wait_for() {
	s=$1 text=$2 limit=${3:-5}
	i=0 max=$(awk "BEGIN { print int($limit * 20) }")
	while [ "$i" -lt "$max" ]; do
		capture "$s" | grep -qF -- "$text" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# Wait until three captures 100 ms apart agree (tmux may pass a resize on a little later).
settle() {
	prev="" same=0 i=0
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
golden() {
	s=$1 name=$2 desc=$3
	capture "$s" >"$OUT/$name.txt"
	if [ -n "${GENERATE:-}" ]; then
		cp "$OUT/$name.txt" "$GOLDEN/$name.txt"
		ok "$desc (golden $name written)"
		return
	fi
	if [ ! -f "$GOLDEN/$name.txt" ]; then
		not_ok "$desc" "no golden $name.txt: run with GENERATE=1 and review it"
		return
	fi
	if diff -u "$GOLDEN/$name.txt" "$OUT/$name.txt" >"$OUT/$name.diff"; then
		ok "$desc"
	else
		not_ok "$desc" "screen differs from golden/$name.txt:" "$(cat "$OUT/$name.diff")"
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
