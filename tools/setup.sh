#!/bin/bash
# Set inspraak up on Debian bookworm: install the packages it builds, runs and tests with,
# build it in build/, and with --install put it in /usr/local. Safe to run again: it only
# installs what is missing and only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages="build-essential autoconf automake pkg-config gettext
	libncurses-dev libpq-dev libcurl4-openssl-dev libjansson-dev libsodium-dev
	libutf8proc-dev libstemmer-dev check
	postgresql postgresql-contrib postgresql-client tmux valgrind groff-base procps ca-certificates"

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
		echo "setup: need root (or sudo) to run: $*" >&2; exit 1; fi
}

missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "setup: installing$missing"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# Debian's postgresql package starts a system cluster on port 5432; inspraak does not use it.

if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt Makefile.in ]; then
	autoreconf -fi
fi
mkdir -p build
cd build
if [ ! -f Makefile ] || [ ../configure -nt config.status ]; then
	../configure -q --enable-werror
fi
make -s -j"$(nproc)"
if [ "${1:-}" = "--install" ]; then
	as_root make -s install
fi
