#!/bin/bash
# Every test of inspraak: the unit, database and screen tests (make check), the same under
# AddressSanitizer and UndefinedBehaviorSanitizer, the unit and database tests under
# valgrind, and make distcheck. Ends with one line: N passed, N failed.
set -uo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)
passed=0
failed=0
logs=$(mktemp -d /tmp/inspraak-tests.XXXXXX)

# Count the per-test results automake's harness wrote for one run.
tally() {
	local dir=$1 p f
	p=$(find "$dir" -name '*.trs' -exec grep -h '^:test-result: PASS' {} + 2>/dev/null | wc -l)
	f=$(find "$dir" -name '*.trs' -exec grep -h -E '^:test-result: (FAIL|ERROR|XPASS)' {} + 2>/dev/null | wc -l)
	passed=$((passed + p))
	failed=$((failed + f))
	echo "   $2: $p passed, $f failed"
	if [ "$f" -gt 0 ]; then
		find "$dir" -name '*.log' ! -name 'test-suite.log' -exec grep -l -E '^(not ok|Bail out)' {} + 2>/dev/null |
			while read -r log; do echo "---- $log"; grep -E -A12 '^(not ok|Bail out)' "$log" | head -60; done
	fi
}

step() {
	echo "== $1"
	shift
	if ! "$@" >"$logs/step.log" 2>&1; then
		tail -25 "$logs/step.log"
		return 1
	fi
}

# 1. The build of tools/setup.sh, every test.
find build -name '*.trs' -delete 2>/dev/null
step "make check" make -C build -j"$(nproc)" check
tally build "make check"

# 2. The same tests with ASan and UBSan.
mkdir -p build-asan
if [ ! -f build-asan/Makefile ] || [ configure -nt build-asan/config.status ]; then
	(cd build-asan && ../configure -q --enable-asan --enable-werror)
fi
find build-asan -name '*.trs' -delete 2>/dev/null
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	step "make check under ASan and UBSan" make -C build-asan -j"$(nproc)" check
tally build-asan "ASan/UBSan"

# 3. Unit and database tests under valgrind (the screen tests drive a terminal: too slow there).
echo "== valgrind"
for t in build/tests/unit/test_* build/tests/db/test_*; do
	case "$t" in *.o|*.log|*.trs) continue ;; esac
	[ -x "$t" ] || continue
	name=$(basename "$t")
	if CK_FORK=no INSPRAAK_SRCDIR="$top" valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite --track-fds=no "$t" >"$logs/$name.vg" 2>&1; then
		passed=$((passed + 1))
		echo "   valgrind $name: clean"
	else
		failed=$((failed + 1))
		echo "   valgrind $name: FAILED"
		grep -E '==[0-9]+==|not ok' "$logs/$name.vg" | head -30
	fi
done

# 4. The distribution tarball builds and passes its tests on its own.
if step "make distcheck" make -C build distcheck; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
fi

rm -rf "$logs"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
