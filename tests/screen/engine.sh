#!/bin/bash
# The analysis engine in the demo console: the three queues are filled by it, and an idea the
# platform inserts (here: psql) shows up in the duplicate queue within a second, with its flag
# or its department suggestion where it needs one. TAP output.
set -u
. "$(dirname "$0")/lib.sh"

command -v tmux >/dev/null || { echo "Bail out! tmux is needed (apt-get install tmux)"; exit 1; }

"$INSPRAAK_BIN" demo --dir "$T/demo" --ideas 400 --seed 11 --no-console >"$T/demo.out" 2>"$T/demo.err" ||
	{ echo "Bail out! the demo did not load: $(tail -2 "$T/demo.err")"; exit 1; }
DEMO_DB=$(tail -1 "$T/demo.out")
trap '"$INSPRAAK_BIN" server stop --dir "$T/demo" >/dev/null 2>&1; cleanup' EXIT
SOCKDIR=$(printf '%s' "$DEMO_DB" | sed -n 's/.*host=\([^ ]*\).*/\1/p')
q() { psql -X -qAt "$DEMO_DB" -c "$1"; }

# --- what the demo's first pass wrote --------------------------------------------------------
method=$(q "select method from duplicate_suggestions limit 1")
check "duplicate suggestions come from the engine" test "${method#dupes-}" != "$method"
check "every suggestion is the engine's, with reasons" \
	test "$(q "select count(*) from duplicate_suggestions where method <> '$method' or jsonb_array_length(reasons) = 0")" = 0
check "the engine flagged spam, with reasons and its model's version" \
	test "$(q "select count(*) from machine_flags f join analysis_models m on m.version = f.model_version and m.active where jsonb_array_length(f.reasons) > 0")" -gt 0
check "most flagged ideas are of the kind moderators hid before" \
	test "$(q "select (count(*) filter (where u.id in (select author_id from ideas where hidden_at is not null)) * 2 > count(*))::int from machine_flags f join ideas i on i.id = f.idea_id join users u on u.id = i.author_id")" = 1
check "ideas without a department got a suggestion" \
	test "$(q "select count(*) from department_suggestions")" -gt 0
check "nothing waits for the engine" test "$(q "select count(*) from ideas where analyzed_at is null")" = 0
check "analyze --status names the active models" \
	sh -c "'$INSPRAAK_BIN' analyze --status --db '$DEMO_DB' | grep -q 'spam-lr-'"

# --- the console with the engine beside it ---------------------------------------------------
start e 120 40 - demo --dir "$T/demo"
check "the demo console opens" wait_for e "2 Duplicates"
keys e 2
check "the duplicate queue shows the engine's scores and shared terms" wait_for e "Similarity"

# A citizen posts, in other words, what another citizen asked for a week ago.
orig=$(q "select id from ideas where status = 'proposed' and hidden_at is null and merged_into_id is null and length(body) > 80 order by id desc limit 1 offset 3")
title=$(q "select title from ideas where id = $orig")
q "insert into ideas (project_id, author_id, title, body, lang)
   select project_id, (select id from users where role = 'citizen' order by id limit 1),
          'Nogmaals: ' || title, 'Ik sluit me aan. ' || body, lang from ideas where id = $orig" >/dev/null
new=$(q "select max(id) from ideas")
check "the near copy reaches the duplicate queue within a second" wait_for e "Nogmaals: ${title:0:20}" 1
check "it is suggested as a duplicate of the original" \
	test "$(q "select count(*) from duplicate_suggestions where idea_a = $orig and idea_b = $new and method = '$method'")" = 1
check "and was analysed as a whole" test "$(q "select analyzed_at is not null from ideas where id = $new")" = t

# Spam pasted in by a fresh account is flagged as it arrives.
q "insert into users (id, first_name, created_at) values (99999, 'Nieuw', now());
   insert into ideas (project_id, author_id, title, body, lang)
   select project_id, 99999, title, body, lang from ideas where hidden_at is not null
    order by id desc limit 1" >/dev/null
spam=$(q "select max(id) from ideas")
i=0
while [ $i -lt 20 ] && [ "$(q "select count(*) from machine_flags where idea_id = $spam")" = 0 ]; do
	sleep 0.05
	i=$((i + 1))
done
check "spam posted again by a new account is flagged within a second" \
	test "$(q "select count(*) from machine_flags where idea_id = $spam and score >= 0.5")" = 1

quit e
check "q closes the console, and the engine with it" test "$(exit_status e)" = 0
no_engine_error() { ! capture e | grep -q 'analysis engine stopped'; }
check "the engine stopped without an error" no_engine_error
finish
