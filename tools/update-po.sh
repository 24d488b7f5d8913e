#!/bin/sh
# Refresh the translation template from the sources and merge it into the catalogues:
# nl_BE.po keeps its translations (new strings arrive empty, changed ones fuzzy, to be
# translated); en.po is the English of the sources, made anew. Run from the source tree.
set -e
cd "$(dirname "$0")/.."
files=$(ls core/*.c core/*.h core/analysis/*.c core/analysis/*.h tui/*.c tui/*.h)
xgettext --from-code=UTF-8 --language=C -k_ -kN_ -kP_:1,2 --add-comments=TRANSLATORS \
	--package-name=inspraak --msgid-bugs-address= -o po/inspraak.pot $files
msgmerge -q --update --backup=none po/nl_BE.po po/inspraak.pot
msginit --no-translator -l en -i po/inspraak.pot -o po/en.tmp >/dev/null 2>&1
msgen po/en.tmp | sed 's/^"Language: en.*\\n"$/"Language: en\\n"/' > po/en.po
rm -f po/en.tmp
msgfmt --statistics -o /dev/null po/nl_BE.po
