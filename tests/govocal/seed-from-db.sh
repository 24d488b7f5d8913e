#!/bin/sh
# The fake Go Vocal server's seed from an inspraak database: the same tables and columns as
# the fixture the fake embeds (FIXTURE in fake_govocal.py), as JSON on standard output, for
# fake_govocal.py --seed FILE. The morning test runs the demo municipality over both back
# ends with it. Times are written in Brussels time, as the fixture has them.
#   tests/govocal/seed-from-db.sh 'host=... dbname=...' > seed.json
set -eu
conninfo=${1:?usage: seed-from-db.sh CONNINFO}
psql -X -q -At -v ON_ERROR_STOP=1 "$conninfo" <<'SQL'
create function pg_temp.t(ts timestamptz) returns text language sql as
  $$ select to_char(ts at time zone 'Europe/Brussels', 'YYYY-MM-DD HH24:MI') $$;
select json_build_object(
 'platform', json_build_object('columns', json_build_array('name_multiloc'),
   'rows', (select coalesce(json_agg(json_build_array(name_multiloc::text)), '[]') from platform)),
 'areas', json_build_object('columns', json_build_array('id', 'code', 'title_multiloc', 'ordering'),
   'rows', (select coalesce(json_agg(json_build_array(id, code, title_multiloc::text, ordering) order by id), '[]') from areas)),
 'departments', json_build_object('columns', json_build_array('id', 'code', 'title_multiloc', 'signature_multiloc', 'ordering'),
   'rows', (select coalesce(json_agg(json_build_array(id, code, title_multiloc::text, signature_multiloc::text, ordering) order by id), '[]') from departments)),
 'users', json_build_object('columns', json_build_array('id', 'login', 'first_name', 'last_name', 'role', 'locale', 'birth_year', 'gender', 'area_id', 'department_id', 'created_at'),
   'rows', (select coalesce(json_agg(json_build_array(id, login, first_name, last_name, role, locale, birth_year, gender, area_id, department_id, pg_temp.t(created_at)) order by id), '[]') from users)),
 'projects', json_build_object('columns', json_build_array('id', 'slug', 'title_multiloc', 'kind', 'ordering'),
   'rows', (select coalesce(json_agg(json_build_array(id, slug, title_multiloc::text, kind, ordering) order by id), '[]') from projects)),
 'phases', json_build_object('columns', json_build_array('id', 'project_id', 'title_multiloc', 'participation_method', 'start_at', 'end_at'),
   'rows', (select coalesce(json_agg(json_build_array(id, project_id, title_multiloc::text, participation_method, pg_temp.t(start_at), pg_temp.t(end_at)) order by id), '[]') from phases)),
 'ideas', json_build_object('columns', json_build_array('id', 'project_id', 'phase_id', 'author_id', 'title', 'body', 'lang', 'area_id', 'address', 'status', 'department_id', 'source', 'created_at', 'hidden_at', 'hidden_reason'),
   'rows', (select coalesce(json_agg(json_build_array(id, project_id, phase_id, author_id, title, body, lang, area_id, address, status, department_id, source, pg_temp.t(created_at), pg_temp.t(hidden_at), hidden_reason) order by id), '[]') from ideas)),
 'votes', json_build_object('columns', json_build_array('idea_id', 'user_id', 'mode'),
   'rows', (select coalesce(json_agg(json_build_array(idea_id, user_id, mode) order by idea_id, user_id), '[]') from votes)),
 'comments', json_build_object('columns', json_build_array('id', 'idea_id', 'author_id', 'body', 'lang', 'created_at'),
   'rows', (select coalesce(json_agg(json_build_array(id, idea_id, author_id, body, lang, pg_temp.t(created_at)) order by id), '[]') from comments where hidden_at is null)),
 'citizen_reports', json_build_object('columns', json_build_array('idea_id', 'comment_id', 'reporter_id', 'reason_code', 'other_reason', 'created_at'),
   'rows', (select coalesce(json_agg(json_build_array(r.idea_id, r.comment_id, r.reporter_id, r.reason_code, r.other_reason, pg_temp.t(r.created_at)) order by r.id), '[]')
            from citizen_reports r left join comments c on c.id = r.comment_id
            where r.resolved_at is null and (r.comment_id is null or c.hidden_at is null))),
 'machine_flags', json_build_object('columns', json_build_array('idea_id', 'comment_id', 'kind', 'score', 'reasons', 'model_version', 'created_at'),
   'rows', (select coalesce(json_agg(json_build_array(f.idea_id, f.comment_id, f.kind, f.score, f.reasons::text, f.model_version, pg_temp.t(f.created_at)) order by f.id), '[]')
            from machine_flags f left join comments c on c.id = f.comment_id
            where f.resolved_at is null and (f.comment_id is null or c.hidden_at is null))),
 'duplicate_suggestions', json_build_object('columns', json_build_array('idea_a', 'idea_b', 'score', 'method', 'reasons', 'created_at'),
   'rows', '[]'::json),
 'official_feedback', json_build_object('columns', json_build_array('idea_id', 'author_id', 'department_id', 'signature', 'body', 'locale', 'created_at'),
   'rows', (select coalesce(json_agg(json_build_array(idea_id, author_id, department_id, signature, body, locale, pg_temp.t(created_at)) order by id), '[]') from official_feedback))
);
SQL
