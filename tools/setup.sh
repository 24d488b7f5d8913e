#!/bin/bash
# Set inspraak up on Debian bookworm: install the packages it builds, runs and tests with,
# build it in build/, and with --install put it in /usr/local. Safe to run again: it only
# installs what is missing and only rebuilds what changed. Quiet unless something fails:
# the details go to build/setup.log.
set -uo pipefail
cd "$(dirname "$0")/.."

packages="build-essential autoconf automake pkg-config gettext
	libncurses-dev libpq-dev libcurl4-openssl-dev libjansson-dev libsodium-dev
	libutf8proc-dev libstemmer-dev check
	postgresql postgresql-contrib postgresql-client tmux valgrind groff-base procps ca-certificates
	python3 curl openssl"

mkdir -p build
log=build/setup.log
: >"$log"

fail() {
	echo "setup: $1 failed; the last lines of $log:" >&2
	tail -25 "$log" >&2
	exit 1
}

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
		echo "setup: need root (or sudo) to run: $*" >&2; exit 1; fi
}

missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "setup: installing Debian packages:$missing"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >>"$log" 2>&1 || fail "apt-get update"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		$missing >>"$log" 2>&1 || fail "apt-get install"
fi
# Debian's postgresql package starts a system cluster on port 5432; inspraak does not use it.

echo "setup: building inspraak in build/"
if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt Makefile.in ]; then
	autoreconf -fi >>"$log" 2>&1 || fail "autoreconf"
fi
if [ ! -f build/Makefile ] || [ configure -nt build/config.status ]; then
	(cd build && ../configure -q --enable-werror) >>"$log" 2>&1 || fail "configure"
fi
make -C build -s -j"$(nproc)" >>"$log" 2>&1 || fail "make"
if [ "${1:-}" = "--install" ]; then
	as_root make -C build -s install >>"$log" 2>&1 || fail "make install"
	echo "setup: installed $(command -v inspraak || echo /usr/local/bin/inspraak)"
fi
