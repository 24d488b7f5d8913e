#!/bin/bash
# The console over the web API with a slow network (make bench): the fake Go Vocal server with
# $LATENCY_MS (default 100) added to every request and $IDEAS (default 600) more new ideas, so
# scrolling crosses many API pages; then bench/bench_console on the real binary. Prints the
# time to the first full screen, the time per key and the share of keys that waited on the
# network.
set -euo pipefail
build=${1:?usage: bench/run-api.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
bin="$build/inspraak"
latency=${LATENCY_MS:-100}
ideas=${IDEAS:-600}
export LANG=C.UTF-8 TZ=Europe/Brussels

work=$(mktemp -d "${TMPDIR:-/tmp}/inspraak-bench-api.XXXXXX")
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
mkdir -p "$HOME"
bash "$src/tests/govocal/make-certs.sh" "$work/certs" >/dev/null 2>&1
python3 "$src/tests/govocal/fake_govocal.py" --cert "$work/certs/server.pem" \
	--key "$work/certs/server.key" --no-rate-limit >"$work/url" 2>"$work/fake.log" &
fake=$!
trap 'kill $fake 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(head -1 "$work/url")
steer() { curl -s --cacert "$work/certs/ca.pem" -H 'Content-Type: application/json' "$@"; }

echo "== the fake platform: $ideas more new ideas, $latency ms added to every API request"
for i in $(seq "$ideas"); do
	printf '{"project": "project:1", "author": "user:%d", "title": "Idee %d over de Markt", "body": "Voorstel %d: meer bankjes en bomen op het plein.", "locale": "nl-BE"}' \
		$((2 + i % 6)) "$i" "$i"
	echo
done | while read -r body; do steer -X POST -d "$body" "$url/__fake/ideas" >/dev/null; done
echo mia-password | "$bin" login --api "$url" --email mia.moderator@testegem.test \
	--ca-file "$work/certs/ca.pem" >/dev/null
steer -X POST -d "{\"latency_ms\": $latency}" "$url/__fake/faults" >/dev/null

echo "== console at 120x40 over the web API"
INSPRAAK_BENCH_LATENCY_MS=$latency "$build/bench/bench_console" "$bin" "$url" "$work/certs/ca.pem"
echo "   API requests served: $(steer "$url/__fake/requests" | python3 -c 'import json, sys; print(json.load(sys.stdin)["count"])')"
