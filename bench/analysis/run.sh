#!/bin/bash
# The analysis engine's benchmark (make bench-analysis): quality beside the anchors and speed,
# on the development data only.
#   anchors.py        spam, moderation, departments, nl-dev: the engine and every anchor
#   bench_classify    training time on 10,000 items, time per scored item
#   dupes_anchors.py  duplicates on nl-dev: the engine and its anchors
#   bench_dupes       the duplicate index on 1,000,000 synthetic ideas
# A part whose program is missing is skipped with a message; a part that fails makes the
# script fail at the end, after the others have run.
#
# Usage: bench/analysis/run.sh BUILD_DIR [DATA_DIR]
#   DATA_DIR defaults to $INSPRAAK_DATA, else ../shared/data beside the source tree.
set -uo pipefail
build=$(cd "${1:?usage: bench/analysis/run.sh BUILD_DIR [DATA_DIR]}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
data=${2:-${INSPRAAK_DATA:-$src/../shared/data}}
bin="$build/inspraak"
export LANG=C.UTF-8 TZ=Europe/Brussels
failed=0

if [ ! -d "$data/public" ] || [ ! -d "$data/nl-dev" ]; then
	echo "bench/analysis/run.sh: no data sets in $data (public/ and nl-dev/ expected)" >&2
	exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/inspraak-bench-analysis.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The anchors need scikit-learn: take the first Python that has it.
python=
for p in ${PYTHON:-} python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import sklearn, scipy, numpy' 2>/dev/null; then
		python=$p
		break
	fi
done

run() {
	local what=$1
	shift
	echo
	echo "=== $what"
	local start=$SECONDS
	if "$@"; then
		echo "--- $what: $((SECONDS - start)) s"
	else
		echo "--- $what FAILED (exit $?)"
		failed=1
	fi
}

skip() {
	echo
	echo "=== $1: skipped, $2"
}

if [ -z "$python" ]; then
	skip "classification anchors" "no Python with scikit-learn, SciPy and NumPy (set PYTHON)"
elif ! command -v ruby >/dev/null 2>&1; then
	skip "classification anchors" "no ruby for the classifier-reborn anchor"
else
	run "classification: the engine beside the anchors" \
		"$python" "$here/anchors.py" "$bin" "$data" "$work/anchors"
fi

if [ -x "$build/bench/bench_classify" ]; then
	run "classification speed" "$build/bench/bench_classify" "$data"
else
	skip "classification speed" "$build/bench/bench_classify is not built (make bench/bench_classify)"
fi

if [ ! -f "$here/dupes_anchors.py" ]; then
	skip "duplicates: the engine beside the anchors" "bench/analysis/dupes_anchors.py is missing"
elif [ -z "$python" ]; then
	skip "duplicates: the engine beside the anchors" "no Python with scikit-learn (set PYTHON)"
else
	run "duplicates: the engine beside the anchors" \
		"$python" "$here/dupes_anchors.py" "$bin" "$data" "$work/dupes"
fi

if [ -x "$build/bench/bench_dupes" ]; then
	run "duplicate index speed on 1,000,000 ideas" \
		"$build/bench/bench_dupes" --synthetic 1000000 "$data/nl-dev/ideas.tsv"
else
	skip "duplicate index speed" "$build/bench/bench_dupes is not built (make bench/bench_dupes)"
fi

exit $failed
