#!/bin/bash
# `inspraak login` and `inspraak logout` against the fake Go Vocal server over HTTPS (a
# throwaway CA): the token, and the password when the user keeps it, end up only encrypted.
# After every login, no file under the user's config, data and home directories holds the
# password or a JWT (every JWT starts with "eyJ", the base64 of `{"`), and neither does
# anything printed. Wrong passwords, untrusted certificates and bad keys are refused with a
# clear message and nothing stored. Output is TAP.
set -u
: "${INSPRAAK_BIN:?INSPRAAK_BIN must name the inspraak binary}"
: "${INSPRAAK_SRCDIR:?INSPRAAK_SRCDIR must name the source tree}"
export LANG=C.UTF-8 TZ=Europe/Brussels
unset LANGUAGE LC_ALL LC_MESSAGES INSPRAAK_API INSPRAAK_DB INSPRAAK_CONFIG

PYTHON=${PYTHON:-python3}
for tool in openssl curl "$PYTHON"; do
	command -v "$tool" >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is needed for the login test"; exit 0; }
done

T=$(mktemp -d "${TMPDIR:-/tmp}/insp-login.XXXXXX")
pid=
cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	fi
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); failed=$((failed + 1))
	echo "not ok $n - $1"
	shift
	for line in "$@"; do printf '# %s\n' "$line"; done
}
finish() { echo "1..$n"; [ "$failed" -eq 0 ]; }

# A user of their own: HOME, config and data directories under $T/NAME.
user() {
	export HOME="$T/$1/home" XDG_CONFIG_HOME="$T/$1/config" XDG_DATA_HOME="$T/$1/data" \
		XDG_STATE_HOME="$T/$1/state" XDG_CACHE_HOME="$T/$1/cache"
	mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
	VAULT=$XDG_DATA_HOME/inspraak/vault
	KEY=$XDG_CONFIG_HOME/inspraak/vault.key
}

# run INPUT ARGS...: inspraak with INPUT as standard input (a pipe, as in a script); stdout
# in $out, stderr in $err, exit status in $rc.
run() {
	local input=$1
	shift
	out=$(printf '%s' "$input" | "$INSPRAAK_BIN" "$@" 2>"$T/err")
	rc=$?
	err=$(cat "$T/err")
}

is() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1" "got:  $2" "want: $3" "exit status $rc" "stdout: $out" "stderr: $err"
	fi
}
has() {
	case $2 in
	*"$3"*) ok "$1" ;;
	*) not_ok "$1" "no \"$3\" in: $2" "exit status $rc" "stdout: $out" "stderr: $err" ;;
	esac
}
lacks() {
	case $2 in
	*"$3"*) not_ok "$1" "\"$3\" in: $2" ;;
	*) ok "$1" ;;
	esac
}

# No file of the current user holds a secret in plain text, and nothing printed does.
no_plain_secrets() {
	local what=$1 found
	shift
	found=$(grep -r -l -F -e "eyJ" "$@" -- "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" 2>/dev/null)
	is "$what: no file holds a JWT or the password in plain text" "$found" ""
	lacks "$what: nothing printed holds a JWT" "$out$err" "eyJ"
}

mode() { stat -c %a "$1" 2>/dev/null || echo none; }
logins() { curl -s --cacert "$T/certs/ca.pem" "$URL/__fake/requests" | grep -o '"/web_api/v1/user_token"' | wc -l; }

# --- the fake platform ---------------------------------------------------------------------------
"$INSPRAAK_SRCDIR/tests/govocal/make-certs.sh" "$T/certs" || { echo "Bail out! make-certs.sh failed"; exit 1; }
"$PYTHON" "$INSPRAAK_SRCDIR/tests/govocal/fake_govocal.py" --cert "$T/certs/server.pem" \
	--key "$T/certs/server.key" --no-rate-limit >"$T/fake.out" 2>"$T/fake.err" &
pid=$!
URL=
for _ in $(seq 100); do
	URL=$(head -n 1 "$T/fake.out" 2>/dev/null)
	[ -n "$URL" ] && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
[ -n "$URL" ] || { echo "Bail out! the fake Go Vocal server did not start: $(cat "$T/fake.err")"; exit 1; }
CA=$T/certs/ca.pem
MIA=mia.moderator@testegem.test
PW=mia-password

# --- logging in, the token kept encrypted ------------------------------------------------------
user mia
run "$PW" login --api "$URL" --email "$MIA" --ca-file "$CA"
is "login with the password on standard input succeeds" "$rc" 0
has "login says who is logged in where" "$out" "Logged in to $URL as $MIA"
has "login says where the token is kept" "$out" "kept encrypted in $VAULT"
lacks "login prints no password" "$out$err" "$PW"
is "the vault is readable by its owner only" "$(mode "$VAULT")" 600
is "the key file is made, readable by its owner only" "$(mode "$KEY")" 600
is "the key file holds 32 bytes" "$(stat -c %s "$KEY")" 32
no_plain_secrets "after login" -e "$PW"

run "$PW" login --api "$URL/" --email "$MIA" --ca-file "$CA" --keep-password
is "login --keep-password succeeds" "$rc" 0
has "login --keep-password says the password is kept encrypted" "$out" "password are kept encrypted"
no_plain_secrets "after login --keep-password" -e "$PW"

run "$PW" login --api "$URL/web_api/v1" --ca-file "$CA"
is "logging in again reuses the profile's e-mail address" "$rc" 0
has "the same profile, however the URL is written" "$out" "Logged in to $URL as $MIA"
has "logging in without --keep-password forgets the password kept before" "$out" "forgotten"
no_plain_secrets "after logging in again"

# --- refusals: nothing stored, nothing changed ---------------------------------------------------
cp "$VAULT" "$T/vault.before"
before=$(logins)
run "wrong-password" login --api "$URL" --email "$MIA" --ca-file "$CA"
is "a wrong password: exit status 1" "$rc" 1
has "a wrong password: a clear message" "$err" "cannot log in to $URL as $MIA"
lacks "a wrong password is not printed" "$out$err" "wrong-password"
is "a wrong password changes nothing stored" "$(cmp -s "$VAULT" "$T/vault.before" && echo same)" same
is "a wrong password was tried once on the platform" "$(($(logins) - before))" 1
no_plain_secrets "after a wrong password" -e "wrong-password"

user nobody
run "wrong-password" login --api "$URL" --email "$MIA" --ca-file "$CA"
is "a wrong password on a first login: exit status 1" "$rc" 1
is "a wrong password on a first login stores nothing" "$(find "$T/nobody" -type f | wc -l)" 0

run "$PW" login --api "$URL" --email "$MIA"
is "without --ca-file the throwaway CA is not trusted: exit status 1" "$rc" 1
is "an untrusted certificate stores nothing" "$(find "$T/nobody" -type f | wc -l)" 0

run "" login --api "$URL" --email "$MIA" --ca-file "$CA"
is "no password on standard input: exit status 1" "$rc" 1
has "no password on standard input: a clear message" "$err" "Nothing was given"

run "$PW" login --api "${URL/https/http}" --email "$MIA"
is "an http:// address is a usage error" "$rc" 2
has "an http:// address: the reason" "$err" "https://"

run "$PW" login --api "$URL" --email "$MIA" --key-file k --passphrase-env P
is "--key-file and --passphrase-env together are a usage error" "$rc" 2

run "$PW" logout --api "$URL" --email "$MIA"
is "logout does not take --email" "$rc" 2

run "$PW" login --api "$URL" --ca-file "$CA"
is "without a terminal, a first login needs --email" "$rc" 2

user mia
chmod 644 "$KEY"
run "$PW" login --api "$URL" --email "$MIA" --ca-file "$CA"
is "a key file others may read is refused: exit status 1" "$rc" 1
has "a key file others may read: the message says what to do" "$err" "chmod 600 $KEY"
is "a key file others may read: the vault is left as it was" "$(cmp -s "$VAULT" "$T/vault.before" && echo same)" same
chmod 600 "$KEY"

cp "$VAULT" "$T/vault.good"
printf 'x' >>"$VAULT"
cp "$VAULT" "$T/vault.changed"
run "" logout --api "$URL"
is "a changed vault is refused: exit status 1" "$rc" 1
has "a changed vault: a clear message" "$err" "damaged or was changed"
run "$PW" login --api "$URL" --email "$MIA" --ca-file "$CA"
is "a changed vault is refused by login too" "$rc" 1
is "a changed vault is not overwritten" "$(cmp -s "$VAULT" "$T/vault.changed" && echo same)" same
cp "$T/vault.good" "$VAULT"

# --- logging out ---------------------------------------------------------------------------------
run "" logout --api "$URL/"
is "logout succeeds" "$rc" 0
has "logout says so" "$out" "Logged out of $URL"
run "" logout --api "$URL"
is "logging out twice is fine" "$rc" 0
has "the second logout says there was nothing" "$out" "No credentials for $URL"
run "$PW" login --api "$URL" --email "$MIA" --ca-file "$CA"
is "login again after logout" "$rc" 0
run "" logout
is "logout without --api takes the only profile" "$rc" 0
has "logout without --api names it" "$out" "Logged out of $URL"

# --- a passphrase instead of a key file ---------------------------------------------------------
user pass
export INSPRAAK_TEST_PASSPHRASE="correct horse battery staple"
run "$PW" login --api "$URL" --email "$MIA" --ca-file "$CA" --keep-password \
	--passphrase-env INSPRAAK_TEST_PASSPHRASE
is "login with a passphrase succeeds" "$rc" 0
is "a passphrase vault has no key file" "$(mode "$KEY")" none
no_plain_secrets "after login with a passphrase" -e "$PW" -e "$INSPRAAK_TEST_PASSPHRASE"
run "" logout --api "$URL"
is "a passphrase vault without the passphrase and no terminal: exit status 1" "$rc" 1
has "a passphrase vault without the passphrase: the message says how to give it" "$err" "--passphrase-env"
export WRONG_PASSPHRASE="correct horse battery stapler"
run "" logout --api "$URL" --passphrase-env WRONG_PASSPHRASE
is "a wrong passphrase: exit status 1" "$rc" 1
has "a wrong passphrase: a clear message" "$err" "Wrong passphrase"
run "" logout --api "$URL" --passphrase-env NO_SUCH_VARIABLE_HERE
is "an unset passphrase variable: exit status 1" "$rc" 1
has "an unset passphrase variable: the message names it" "$err" "NO_SUCH_VARIABLE_HERE"
run "" logout --api "$URL" --passphrase-env INSPRAAK_TEST_PASSPHRASE
is "logout with the passphrase" "$rc" 0
has "logout with the passphrase says so" "$out" "Logged out of $URL"

# --- a key file of one's own choosing ------------------------------------------------------------
user chosen
run "$PW" login --api "$URL" --email "$MIA" --ca-file "$CA" --key-file "$T/chosen/my.key"
is "login with a chosen key file" "$rc" 0
is "the chosen key file is made, readable by its owner only" "$(mode "$T/chosen/my.key")" 600
is "no default key file then" "$(mode "$KEY")" none
run "" logout --api "$URL"
is "without --key-file the default key file is missing: exit status 1" "$rc" 1
has "a missing key file: a clear message" "$err" "missing"
run "" logout --api "$URL" --key-file "$T/chosen/my.key"
is "logout with the chosen key file" "$rc" 0

finish
