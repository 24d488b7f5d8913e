#!/bin/sh
# Make a throwaway certificate authority and a server certificate for 127.0.0.1 and localhost,
# for the fake Go Vocal server and the tests that talk to it over HTTPS.
#
#   tests/govocal/make-certs.sh DIR
#
# Writes DIR/ca.pem (trust this one: curl --cacert, CURLOPT_CAINFO), DIR/server.pem and
# DIR/server.key (give these to fake_govocal.py --cert/--key). The CA's key is deleted once the
# server certificate is signed, so nothing else can ever be signed with it. Valid for 30 days.
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 DIR" >&2
	exit 2
fi
dir=$1
command -v openssl >/dev/null 2>&1 || { echo "$0: openssl is needed" >&2; exit 1; }
mkdir -p "$dir"
umask 077
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govocal-certs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# The CA: its own key, self-signed, allowed to sign certificates and nothing else.
openssl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days 30 \
	-keyout "$tmp/ca.key" -out "$tmp/ca.pem" \
	-subj "/CN=inspraak test CA (throwaway)" \
	-addext "basicConstraints=critical,CA:TRUE" \
	-addext "keyUsage=critical,keyCertSign,cRLSign" >/dev/null 2>&1

# The server: a key, a request, and a certificate for 127.0.0.1 and localhost signed by the CA.
openssl req -new -newkey rsa:2048 -nodes -sha256 \
	-keyout "$tmp/server.key" -out "$tmp/server.csr" \
	-subj "/CN=127.0.0.1" >/dev/null 2>&1
cat >"$tmp/server.ext" <<'EOF'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost
EOF
openssl x509 -req -in "$tmp/server.csr" -CA "$tmp/ca.pem" -CAkey "$tmp/ca.key" \
	-CAcreateserial -CAserial "$tmp/ca.srl" -days 30 -sha256 \
	-extfile "$tmp/server.ext" -out "$tmp/server.pem" >/dev/null 2>&1

openssl verify -CAfile "$tmp/ca.pem" "$tmp/server.pem" >/dev/null
cp "$tmp/ca.pem" "$tmp/server.pem" "$tmp/server.key" "$dir/"
chmod 644 "$dir/ca.pem" "$dir/server.pem"
chmod 600 "$dir/server.key"
