#!/bin/bash
# The console benchmark (make bench): builds a demo municipality of $IDEAS ideas (default
# 1,000,000) in a private server kept in $INSPRAAK_BENCH_DIR between runs, then measures the
# real binary with bench/bench_console. Prints the figures the issue asks for.
set -euo pipefail
build=${1:?usage: bench/run.sh BUILD_DIR}
bin="$build/inspraak"
ideas=${IDEAS:-1000000}
dir=${INSPRAAK_BENCH_DIR:-/tmp/inspraak-bench-$ideas}
export LANG=C.UTF-8 TZ=Europe/Brussels

ci=$("$bin" server start --dir "$dir")
trap '"$bin" server stop --dir "$dir" >/dev/null 2>&1 || true' EXIT
have=$(psql -X -qAt "$ci" -c "select count(*) from ideas" 2>/dev/null || echo 0)
if [ "$have" != "$ideas" ]; then
	echo "== building a demo municipality of $ideas ideas in $dir"
	start=$(date +%s)
	"$bin" demo --dir "$dir" --fresh --ideas "$ideas" --no-console >/dev/null
	echo "   built in $(( $(date +%s) - start )) s"
	ci=$("$bin" server start --dir "$dir")
fi
# A database kept from an older version is brought to this version's schema first.
"$bin" db migrate --db "$ci" >/dev/null
echo "== database: $(psql -X -qAt "$ci" -c "select count(*) from ideas") ideas," \
	"$(psql -X -qAt "$ci" -c "select count(*) from ideas where status = 'proposed' and hidden_at is null and merged_into_id is null") new," \
	"$(psql -X -qAt "$ci" -c "select count(*) from duplicate_suggestions where state = 'open'") open duplicate suggestions," \
	"$(psql -X -qAt "$ci" -c "select count(*) from flag_queue") flagged items," \
	"$(psql -X -qAt "$ci" -c "select count(*) from votes") votes"
echo "== console at 120x40"
"$build/bench/bench_console" "$bin" "$ci"
