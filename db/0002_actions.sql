-- inspraak schema, version 2: the moderation actions.
--
-- Every decision is one call of a function below: it checks who acts, locks what it changes,
-- refuses a stale view, applies the change and writes its audit rows, all in the caller's
-- transaction. docs/actions.md is the contract; docs/schema.md describes the new tables.
--
-- Errors are raised with SQLSTATE class IN and a one-sentence English message:
--   IN001 stale, IN002 invalid input, IN003 claimed by someone else, IN004 not allowed,
--   IN005 the timeline would break, IN006 nothing to do / already done.
--
-- Every statement may run again without harm (if not exists, or replace), though the migration
-- runner applies this file once.

-- --- audit: what each action changed, so it can be undone ----------------------------------

alter table audit_log add column if not exists undo_of bigint references audit_log;
alter table audit_log add column if not exists undone_by bigint references audit_log;
alter table audit_log add column if not exists reversible boolean not null default true;
alter table audit_log add column if not exists console text;

-- Every row an action inserted (before is null), updated, or deleted (after is null), as
-- to_jsonb of the whole row, in the order the action wrote them.
create table if not exists audit_changes (
  audit_id   bigint not null references audit_log on delete cascade,
  seq        integer not null,
  table_name text not null,
  row_id     bigint not null,
  before     jsonb,
  after      jsonb,
  primary key (audit_id, seq),
  constraint audit_changes_something check (before is not null or after is not null)
);
-- Who last changed a row: named in the messages for stale views.
create index if not exists audit_changes_row on audit_changes (table_name, row_id, audit_id);

-- --- decided, not yet told --------------------------------------------------------------------

alter table ideas add column if not exists decided_at timestamptz;
-- The newest official feedback's created_at, kept by the triggers below.
do $$
begin
  if not exists (select 1 from information_schema.columns
                 where table_schema = current_schema() and table_name = 'ideas'
                   and column_name = 'told_at') then
    alter table ideas add column told_at timestamptz;
    update ideas i set told_at = f.t
      from (select idea_id, max(created_at) as t from official_feedback group by idea_id) f
     where f.idea_id = i.id;
  end if;
  -- Reports resolved before notices existed count as told: nobody waits for those.
  if not exists (select 1 from information_schema.columns
                 where table_schema = current_schema() and table_name = 'citizen_reports'
                   and column_name = 'told_at') then
    alter table citizen_reports add column told_at timestamptz;
    update citizen_reports set told_at = resolved_at where resolved_at is not null;
  end if;
end $$;

-- The "decided, not yet told" queue, newest decision first:
--   author_id is not null and decided_at > coalesce(told_at, '-infinity')
create index if not exists ideas_untold on ideas (decided_at desc, id desc)
  where decided_at is not null;
-- The inbox: ideas routed to a department and still being handled.
create index if not exists ideas_inbox on ideas (created_at desc, id desc)
  where department_id is not null and status in ('proposed', 'viewed', 'under_consideration')
    and merged_into_id is null and hidden_at is null;
-- Reports whose item was judged and whose reporter waits for a notice.
create index if not exists citizen_reports_untold on citizen_reports (resolved_at)
  where resolved_at is not null and told_at is null;

create or replace function inspraak_feedback_told() returns trigger
language plpgsql as $$
begin
  update ideas i
     set told_at = (select max(f.created_at) from official_feedback f where f.idea_id = i.id)
   where i.id in (select c.idea_id from changed c)
     and i.told_at is distinct from
         (select max(f.created_at) from official_feedback f where f.idea_id = i.id);
  return null;
end $$;

create or replace function inspraak_feedback_told_row() returns trigger
language plpgsql as $$
begin
  update ideas i
     set told_at = (select max(f.created_at) from official_feedback f where f.idea_id = i.id)
   where i.id in (old.idea_id, new.idea_id);
  return null;
end $$;

-- Created only when missing (no "drop if exists", whose notice would reach the migration's
-- output).
do $$
begin
  if not exists (select 1 from pg_trigger where tgrelid = 'official_feedback'::regclass
                 and tgname = 'official_feedback_told_insert') then
    create trigger official_feedback_told_insert after insert on official_feedback
      referencing new table as changed
      for each statement execute function inspraak_feedback_told();
  end if;
  if not exists (select 1 from pg_trigger where tgrelid = 'official_feedback'::regclass
                 and tgname = 'official_feedback_told_delete') then
    create trigger official_feedback_told_delete after delete on official_feedback
      referencing old table as changed
      for each statement execute function inspraak_feedback_told();
  end if;
  if not exists (select 1 from pg_trigger where tgrelid = 'official_feedback'::regclass
                 and tgname = 'official_feedback_told_update') then
    create trigger official_feedback_told_update after update of idea_id, created_at
      on official_feedback for each row execute function inspraak_feedback_told_row();
  end if;
end $$;

-- --- what a block hid --------------------------------------------------------------------------

-- The block (its audit row) that hid an idea or comment; unblock shows exactly these again.
-- Content hidden for any other reason keeps hidden_by_block null and stays hidden.
alter table ideas add column if not exists hidden_by_block bigint references audit_log;
alter table comments add column if not exists hidden_by_block bigint references audit_log;

-- --- labels for the spam model, notices for citizens -----------------------------------------

-- One row per verdict: what the item said and what a moderator decided it was.
create table if not exists moderation_labels (
  id         bigint generated by default as identity primary key,
  item_kind  text not null check (item_kind in ('idea', 'comment')),
  item_id    bigint not null,
  label      text not null check (label in ('spam', 'abuse', 'ham')),
  text       text not null,
  lang       text,
  audit_id   bigint not null references audit_log,
  created_at timestamptz not null default now()
);
create index if not exists moderation_labels_created on moderation_labels (created_at);

-- A private message to one citizen (e.g. a reporter told what came of a report), delivered by
-- the platform, which sets sent_at.
create table if not exists notices (
  id         bigint generated by default as identity primary key,
  user_id    bigint not null references users on delete cascade,
  idea_id    bigint references ideas on delete set null,
  comment_id bigint references comments on delete set null,
  body       text not null check (btrim(body) <> ''),
  locale     text not null default 'nl-BE' check (locale ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  created_at timestamptz not null default now(),
  sent_at    timestamptz
);
create index if not exists notices_unsent on notices (created_at) where sent_at is null;
create index if not exists notices_user on notices (user_id, created_at desc);

-- --- small helpers -------------------------------------------------------------------------------

create or replace function inspraak_role_rank(p_role text) returns integer
language sql immutable as $$
  select case p_role when 'support' then 1 when 'moderator' then 2
                     when 'project_lead' then 3 when 'admin' then 4 else 0 end
$$;

create or replace function inspraak_user_name(p_user bigint) returns text
language sql stable as $$
  select coalesce(nullif(btrim(u.first_name || ' ' || u.last_name), ''), u.login, u.email,
                  'user #' || u.id)
    from users u where u.id = p_user
$$;

-- Nothing but white space (also no-break and zero-width spaces).
create or replace function inspraak_blank(p_text text) returns boolean
language sql immutable as $$
  select p_text is null or p_text ~ '^[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]*$'
$$;

create or replace function inspraak_tz() returns text
language sql stable as $$
  select coalesce((select p.timezone from platform p), 'Europe/Brussels')
$$;

-- A moment for a message: "14:05" today, "2025-03-01 14:05" on another day.
create or replace function inspraak_clock(p_at timestamptz) returns text
language sql stable as $$
  select case when (p_at at time zone inspraak_tz())::date = (now() at time zone inspraak_tz())::date
              then to_char(p_at at time zone inspraak_tz(), 'HH24:MI')
              else to_char(p_at at time zone inspraak_tz(), 'YYYY-MM-DD HH24:MI') end
$$;

-- A phase boundary: "2025-03-01", with the time when it is not midnight.
create or replace function inspraak_day(p_at timestamptz) returns text
language sql stable as $$
  select case when (p_at at time zone inspraak_tz())::time = '00:00'
              then to_char(p_at at time zone inspraak_tz(), 'YYYY-MM-DD')
              else to_char(p_at at time zone inspraak_tz(), 'YYYY-MM-DD HH24:MI') end
$$;

-- How a message names a row: "Idea #12".
create or replace function inspraak_row_label(p_table text, p_id bigint) returns text
language sql immutable as $$
  select case p_table when 'ideas' then 'Idea' when 'idea' then 'Idea'
                      when 'comments' then 'Comment' when 'comment' then 'Comment'
                      when 'official_feedback' then 'Reply'
                      when 'duplicate_suggestions' then 'Suggestion' when 'suggestion' then 'Suggestion'
                      when 'citizen_reports' then 'Report' when 'machine_flags' then 'Flag'
                      when 'users' then 'User' when 'user' then 'User'
                      when 'phases' then 'Phase' when 'phase' then 'Phase'
                      when 'moderation_labels' then 'Label'
                      else p_table end || ' #' || p_id
$$;

-- The whole row as jsonb, or null when there is none.
create or replace function inspraak_row(p_table text, p_id bigint) returns jsonb
language plpgsql stable as $$
declare
  v jsonb;
begin
  execute format('select to_jsonb(t) from %I t where t.id = $1', p_table) into v using p_id;
  return v;
end $$;

-- Who last changed a row: " by An Peeters at 14:05", from the newest audited change of it
-- (after audit row p_after). Null when no action changed it, or when the row has been changed
-- outside the actions since (it no longer contains p_match, e.g. the version that action left).
create or replace function inspraak_changed_by(p_table text, p_id bigint, p_after bigint default 0,
                                               p_match jsonb default null)
returns text
language sql stable as $$
  select format(' by %s at %s', x.actor, inspraak_clock(x.at))
    from (select a.actor, a.at, c.after
            from audit_changes c join audit_log a on a.id = c.audit_id
           where c.table_name = p_table and c.row_id = p_id and c.audit_id > p_after
           order by c.audit_id desc, c.seq desc limit 1) x
   where p_match is null or x.after @> p_match
$$;

-- --- who acts --------------------------------------------------------------------------------------

-- The acting staff member: the users row whose login is the PostgreSQL role; null when none.
create or replace function inspraak_actor() returns users
language sql stable security invoker as $$
  select u.* from users u where u.login = current_user::text
$$;

-- The actor, who must exist, not be blocked, and have at least role p_need (IN004).
create or replace function inspraak_require(p_need text) returns users
language plpgsql stable security invoker as $$
declare
  v users;
begin
  select u.* into v from users u where u.login = current_user::text;
  if not found then
    raise exception using errcode = 'IN004',
      message = format('No staff member has the login %s; ask an administrator to add you.',
                       current_user);
  end if;
  if inspraak_role_rank(v.role) < inspraak_role_rank(p_need) then
    raise exception using errcode = 'IN004',
      message = format('This needs the %s role or higher, and %s has the %s role.',
                       replace(p_need, '_', ' '), inspraak_user_name(v.id), replace(v.role, '_', ' ')),
      detail = jsonb_build_object('needed', p_need, 'role', v.role)::text;
  end if;
  if v.blocked_until > now() then
    raise exception using errcode = 'IN004',
      message = format('%s is blocked and may not act.', inspraak_user_name(v.id));
  end if;
  return v;
end $$;

-- Refuses (IN003) when another staff member holds a live claim on the item. The same person
-- on another console may act: a claim keeps colleagues apart, not one's own terminals.
create or replace function inspraak_check_claim(p_me users, p_kind text, p_item bigint)
returns void
language plpgsql stable security invoker as $$
declare
  c claims;
begin
  select x.* into c from claims x
   where x.item_kind = p_kind and x.item_id = p_item and x.expires_at > now()
     and x.holder_id is distinct from p_me.id;
  if found then
    raise exception using errcode = 'IN003',
      message = format('%s is claimed by %s since %s.', inspraak_row_label(p_kind, p_item),
                       c.holder_name, inspraak_clock(c.claimed_at)),
      detail = jsonb_build_object('holder', c.holder_name, 'holder_id', c.holder_id,
                                  'console', c.console, 'since', c.claimed_at,
                                  'until', c.expires_at)::text;
  end if;
end $$;

-- Refuses (IN001) a decision based on a version the row no longer has, naming who changed it.
create or replace function inspraak_check_version(p_table text, p_id bigint, p_current integer,
                                                  p_seen integer)
returns void
language plpgsql stable security invoker as $$
declare
  v_by text;
begin
  if p_seen is null then
    raise exception using errcode = 'IN002',
      message = format('Give the version of %s you saw.', lower(inspraak_row_label(p_table, p_id)));
  end if;
  if p_seen <> p_current then
    v_by := inspraak_changed_by(p_table, p_id, 0, jsonb_build_object('version', p_current));
    raise exception using errcode = 'IN001',
      message = format('%s was changed%s; reload and try again.',
                       inspraak_row_label(p_table, p_id), coalesce(v_by, ' since you read it')),
      detail = jsonb_build_object('version', p_current, 'seen', p_seen)::text;
  end if;
end $$;

-- Starts an action: its audit_log row, to which every change is then attached.
create or replace function inspraak_audit(p_me users, p_action text, p_kind text, p_item bigint,
                                          p_justification text)
returns bigint
language sql volatile security invoker as $$
  insert into audit_log (actor_id, actor, action, item_kind, item_id, justification, console)
  values (p_me.id, inspraak_user_name(p_me.id), p_action, p_kind, p_item,
          nullif(btrim(p_justification), ''),
          coalesce(nullif(current_setting('inspraak.console', true), ''),
                   nullif(current_setting('application_name', true), '')))
  returning id
$$;

-- Records one row an action inserted (p_before null), updated, or deleted (p_after null).
create or replace function inspraak_change(p_audit bigint, p_table text, p_id bigint,
                                           p_before jsonb, p_after jsonb)
returns void
language sql volatile security invoker as $$
  insert into audit_changes (audit_id, seq, table_name, row_id, before, after)
  select p_audit, coalesce(max(c.seq), 0) + 1, p_table, p_id, p_before, p_after
    from audit_changes c where c.audit_id = p_audit
  having p_before is distinct from p_after
$$;

-- The audit row's before/after: the fields of the main item that changed, and a summary
-- for the history view.
create or replace function inspraak_audit_finish(p_audit bigint, p_before jsonb, p_after jsonb,
                                                 p_summary text)
returns void
language sql volatile security invoker as $$
  update audit_log a
     set before = case when p_before is not null then (select jsonb_object_agg(k, p_before -> k)
                     from jsonb_object_keys(coalesce(p_before, '{}') || coalesce(p_after, '{}')) k
                    where p_before -> k is distinct from p_after -> k
                      and k not in ('version', 'updated_at', 'told_at', 'votes_up', 'votes_down',
                                    'comments_count', 'live')) end,
         after = coalesce((select jsonb_object_agg(k, p_after -> k)
                             from jsonb_object_keys(coalesce(p_before, '{}') || coalesce(p_after, '{}')) k
                            where p_before -> k is distinct from p_after -> k
                              and k not in ('version', 'updated_at', 'told_at', 'votes_up',
                                            'votes_down', 'comments_count', 'live')), '{}')
                 || jsonb_build_object('summary', p_summary)
   where a.id = p_audit
$$;

create or replace function inspraak_status_check(p_status text) returns void
language plpgsql stable as $$
begin
  if p_status is null or not exists (select 1 from idea_statuses s where s.key = p_status) then
    raise exception using errcode = 'IN002',
      message = format('Unknown status %s.', coalesce(quote_literal(p_status), 'null'));
  end if;
  if p_status = 'merged' then
    raise exception using errcode = 'IN002',
      message = 'An idea gets the status merged only by merging it.';
  end if;
end $$;

-- --- support: votes over an idea and every idea merged into it -------------------------------

-- The idea and every idea merged into it, directly or through another merged idea.
create or replace function inspraak_merge_group(idea bigint)
returns table (id bigint, depth integer)
language sql stable as $$
  with recursive g (id, depth) as (
    select i.id, 0 from ideas i where i.id = $1
    union all
    select i.id, g.depth + 1 from ideas i join g on i.merged_into_id = g.id where g.depth < 1000
  )
  select g.id, g.depth from g
$$;

-- Distinct citizens for and against: a citizen who voted on several ideas of the group counts
-- once, with the vote on the idea nearest the one asked about (the newest on a tie).
create or replace function inspraak_support(idea bigint, out up bigint, out down bigint)
language sql stable as $$
  select count(*) filter (where p.mode = 'up'), count(*) filter (where p.mode = 'down')
    from (select distinct on (v.user_id) v.mode
            from inspraak_merge_group($1) g join votes v on v.idea_id = g.id
           order by v.user_id, g.depth, v.created_at desc, v.idea_id desc) p
$$;

-- A merge reply's signature: as typed, else the department's (the idea's, else the kept
-- idea's) in the reply's locale.
create or replace function inspraak_reply_signature(p_reply jsonb, p_keep ideas) returns text
language sql stable as $$
  select coalesce(nullif(btrim(p_reply ->> 'signature'), ''),
                  (select inspraak_ml(d.signature_multiloc,
                                      coalesce(nullif(btrim(p_reply ->> 'locale'), ''), 'nl-BE'))
                     from ideas i join departments d
                       on d.id = coalesce(i.department_id, p_keep.department_id)
                    where i.id = (p_reply ->> 'idea')::bigint))
$$;

-- --- merge ------------------------------------------------------------------------------------------

create or replace function inspraak_merge(keep bigint, merged bigint[], versions integer[],
                                          replies jsonb, justification text)
returns bigint
language plpgsql volatile security invoker as $$
declare
  v_me users := inspraak_require('moderator');
  v_n integer := coalesce(array_length(merged, 1), 0);
  v_all bigint[];
  v_keep ideas;
  v_i ideas;
  v_s duplicate_suggestions;
  v_f official_feedback;
  v_r jsonb;
  v_aid bigint;
  v_id bigint;
  v_dup bigint;
  v_sig text;
  v_loc text;
  v_replied bigint[] := '{}';
  v_b jsonb;
begin
  if keep is null or v_n = 0 or array_position(merged, null) is not null then
    raise exception using errcode = 'IN002',
      message = 'Choose the idea to keep and the ideas to merge into it.';
  end if;
  if coalesce(array_length(versions, 1), 0) <> v_n or array_position(versions, null) is not null then
    raise exception using errcode = 'IN002',
      message = 'Give the version you saw of every idea to merge.';
  end if;
  if keep = any(merged) then
    raise exception using errcode = 'IN002',
      message = format('Idea #%s cannot be merged into itself.', keep);
  end if;
  select m into v_dup from unnest(merged) m group by m having count(*) > 1 limit 1;
  if v_dup is not null then
    raise exception using errcode = 'IN002',
      message = format('Idea #%s is listed twice.', v_dup);
  end if;
  if replies is not null and jsonb_typeof(replies) <> 'array' then
    raise exception using errcode = 'IN002', message = 'The replies must be a JSON array.';
  end if;

  v_all := array_prepend(keep, merged);
  -- One order for every caller, so two merges of overlapping ideas cannot deadlock.
  perform 1 from ideas i where i.id = any(v_all) order by i.id for no key update;
  select a.id into v_id from unnest(v_all) a(id)
   where not exists (select 1 from ideas i where i.id = a.id) limit 1;
  if v_id is not null then
    raise exception using errcode = 'IN002', message = format('There is no idea #%s.', v_id);
  end if;

  select i.* into v_keep from ideas i where i.id = keep;
  if v_keep.merged_into_id is not null then
    raise exception using errcode = 'IN002',
      message = format('Idea #%s is itself merged into idea #%s; merge into that one.',
                       keep, v_keep.merged_into_id);
  end if;
  if v_keep.hidden_at is not null then
    raise exception using errcode = 'IN002',
      message = format('Idea #%s is hidden, so other ideas cannot be merged into it.', keep);
  end if;
  for k in 1 .. v_n loop
    select i.* into v_i from ideas i where i.id = merged[k];
    if v_i.merged_into_id = keep then
      raise exception using errcode = 'IN006',
        message = format('Idea #%s was already merged into idea #%s%s.', v_i.id, keep,
                         coalesce(inspraak_changed_by('ideas', v_i.id), ''));
    end if;
    if v_i.merged_into_id is not null then
      raise exception using errcode = 'IN002',
        message = format('Idea #%s is already merged into idea #%s.', v_i.id, v_i.merged_into_id);
    end if;
    if v_i.hidden_at is not null then
      raise exception using errcode = 'IN002',
        message = format('Idea #%s is hidden; show it again before merging it.', v_i.id);
    end if;
    perform inspraak_check_version('ideas', v_i.id, v_i.version, versions[k]);
  end loop;
  foreach v_id in array v_all loop
    perform inspraak_check_claim(v_me, 'idea', v_id);
  end loop;
  for v_r in select e from jsonb_array_elements(coalesce(replies, '[]')) e loop
    if jsonb_typeof(v_r) <> 'object' or coalesce(v_r ->> 'idea', '') !~ '^[0-9]{1,18}$'
       or not ((v_r ->> 'idea')::bigint = any(v_all)) then
      raise exception using errcode = 'IN002',
        message = format('A reply is for idea %s, which is not part of this merge.',
                         coalesce('#' || (v_r ->> 'idea'), 'none'));
    end if;
    if inspraak_blank(v_r ->> 'body') then
      raise exception using errcode = 'IN002',
        message = format('The reply to idea #%s is empty.', v_r ->> 'idea');
    end if;
    if coalesce(nullif(btrim(v_r ->> 'locale'), ''), 'nl-BE') !~ '^[a-z]{2}(-[A-Z]{2})?$' then
      raise exception using errcode = 'IN002',
        message = format('The reply to idea #%s has an unknown locale.', v_r ->> 'idea');
    end if;
    if inspraak_blank(inspraak_reply_signature(v_r, v_keep)) then
      raise exception using errcode = 'IN002',
        message = format('The reply to idea #%s needs a signature: type one or assign a department.',
                         v_r ->> 'idea');
    end if;
  end loop;

  v_aid := inspraak_audit(v_me, 'merge', 'idea', keep, justification);

  for v_s in select s.* from duplicate_suggestions s
              where s.idea_a = any(v_all) and s.idea_b = any(v_all) and s.state = 'open'
              order by s.id for no key update loop
    update duplicate_suggestions s
       set state = 'merged', decided_at = now(), decided_by = v_me.id
     where s.id = v_s.id;
    perform inspraak_change(v_aid, 'duplicate_suggestions', v_s.id, to_jsonb(v_s),
                            inspraak_row('duplicate_suggestions', v_s.id));
  end loop;

  -- Each merged idea is written once: its link, status, version and decision time.
  for k in 1 .. v_n loop
    v_b := inspraak_row('ideas', merged[k]);
    update ideas i
       set status = 'merged', merged_into_id = keep, version = i.version + 1, decided_at = now()
     where i.id = merged[k];
    perform inspraak_change(v_aid, 'ideas', merged[k], v_b, inspraak_row('ideas', merged[k]));
  end loop;

  for v_r in select e from jsonb_array_elements(coalesce(replies, '[]')) e loop
    v_id := (v_r ->> 'idea')::bigint;
    select i.* into v_i from ideas i where i.id = v_id;
    v_loc := coalesce(nullif(btrim(v_r ->> 'locale'), ''), 'nl-BE');
    v_sig := inspraak_reply_signature(v_r, v_keep);
    insert into official_feedback (idea_id, author_id, department_id, signature, body, locale)
    values (v_id, v_me.id, coalesce(v_i.department_id, v_keep.department_id), v_sig,
            v_r ->> 'body', v_loc)
    returning * into v_f;
    perform inspraak_change(v_aid, 'official_feedback', v_f.id, null, to_jsonb(v_f));
    if v_id = keep and not (keep = any(v_replied)) then
      v_replied := v_replied || keep;
    end if;
  end loop;
  -- The kept idea changes only when it gets a reply.
  if keep = any(v_replied) then
    v_b := to_jsonb(v_keep);
    update ideas i set version = i.version + 1 where i.id = keep;
    perform inspraak_change(v_aid, 'ideas', keep, v_b, inspraak_row('ideas', keep));
  end if;

  perform inspraak_audit_finish(v_aid, null,
    jsonb_build_object('merged', to_jsonb(merged),
                       'replies', jsonb_array_length(coalesce(replies, '[]'))),
    format('merged %s into #%s',
           (select string_agg('#' || m, ', ' order by o) from unnest(merged) with ordinality u(m, o)),
           keep));
  return v_aid;
end $$;

-- --- suggestions -------------------------------------------------------------------------------

create or replace function inspraak_dismiss_suggestion(suggestion bigint, justification text)
returns bigint
language plpgsql volatile security invoker as $$
declare
  v_me users := inspraak_require('moderator');
  v_s duplicate_suggestions;
  v_aid bigint;
  v_after jsonb;
begin
  select s.* into v_s from duplicate_suggestions s where s.id = suggestion for no key update;
  if not found then
    raise exception using errcode = 'IN002',
      message = format('There is no suggestion #%s.', suggestion);
  end if;
  if v_s.state <> 'open' then
    raise exception using errcode = 'IN006',
      message = format('Suggestion #%s was already %s%s.', suggestion, v_s.state,
                       coalesce(inspraak_changed_by('duplicate_suggestions', suggestion), ''));
  end if;
  perform inspraak_check_claim(v_me, 'suggestion', suggestion);
  v_aid := inspraak_audit(v_me, 'dismiss-suggestion', 'suggestion', suggestion, justification);
  update duplicate_suggestions s
     set state = 'dismissed', decided_at = now(), decided_by = v_me.id
   where s.id = suggestion;
  v_after := inspraak_row('duplicate_suggestions', suggestion);
  perform inspraak_change(v_aid, 'duplicate_suggestions', suggestion, to_jsonb(v_s), v_after);
  perform inspraak_audit_finish(v_aid, jsonb_build_object('state', v_s.state),
    jsonb_build_object('state', 'dismissed'),
    format('#%s and #%s are not duplicates', v_s.idea_a, v_s.idea_b));
  return v_aid;
end $$;

-- --- one idea: assignment, status, reply ---------------------------------------------------------

-- Locks an idea for a decision and checks that it exists, is unclaimed, and is at the version
-- the caller saw.
create or replace function inspraak_lock_idea(p_me users, p_idea bigint, p_version integer)
returns ideas
language plpgsql volatile security invoker as $$
declare
  v ideas;
begin
  select i.* into v from ideas i where i.id = p_idea for no key update;
  if not found then
    raise exception using errcode = 'IN002', message = format('There is no idea #%s.', p_idea);
  end if;
  perform inspraak_check_version('ideas', p_idea, v.version, p_version);
  perform inspraak_check_claim(p_me, 'idea', p_idea);
  return v;
end $$;

create or replace function inspraak_assign(idea bigint, version integer, department bigint,
                                           assignee bigint, justification text)
returns bigint
language plpgsql volatile security invoker as $$
declare
  v_me users := inspraak_require('moderator');
  v_i ideas;
  v_aid bigint;
  v_after jsonb;
  v_role text;
begin
  if department is not null and not exists (select 1 from departments d where d.id = department) then
    raise exception using errcode = 'IN002',
      message = format('There is no department #%s.', department);
  end if;
  if assignee is not null then
    select u.role into v_role from users u where u.id = assignee;
    if v_role is null or v_role = 'citizen' then
      raise exception using errcode = 'IN002',
        message = format('User #%s is not a staff member.', assignee);
    end if;
  end if;
  v_i := inspraak_lock_idea(v_me, idea, version);
  if v_i.department_id is not distinct from department
     and v_i.assignee_id is not distinct from assignee then
    raise exception using errcode = 'IN006',
      message = format('Idea #%s is already assigned that way.', idea);
  end if;
  v_aid := inspraak_audit(v_me, 'assign-department', 'idea', idea, justification);
  update ideas i
     set department_id = department, assignee_id = assignee, version = i.version + 1,
         decided_at = now()
   where i.id = idea;
  v_after := inspraak_row('ideas', idea);
  perform inspraak_change(v_aid, 'ideas', idea, to_jsonb(v_i), v_after);
  perform inspraak_audit_finish(v_aid,
    jsonb_build_object('department_id', v_i.department_id, 'assignee_id', v_i.assignee_id),
    jsonb_build_object('department_id', department, 'assignee_id', assignee),
    concat_ws(', ',
      coalesce('department ' || (select d.code from departments d where d.id = department),
               'no department'),
      'assignee ' || inspraak_user_name(assignee)));
  return v_aid;
end $$;

create or replace function inspraak_set_status(idea bigint, version integer, status text,
                                               justification text)
returns bigint
language plpgsql volatile security invoker as $$
declare
  v_me users := inspraak_require('moderator');
  v_i ideas;
  v_aid bigint;
begin
  perform inspraak_status_check(status);
  v_i := inspraak_lock_idea(v_me, idea, version);
  if v_i.merged_into_id is not null then
    raise exception using errcode = 'IN002',
      message = format('Idea #%s is merged into idea #%s; undo the merge to change its status.',
                       idea, v_i.merged_into_id);
  end if;
  if v_i.status = status then
    raise exception using errcode = 'IN006',
      message = format('Idea #%s already has the status %s.', idea, status);
  end if;
  v_aid := inspraak_audit(v_me, 'set-status', 'idea', idea, justification);
  update ideas i set status = inspraak_set_status.status, version = i.version + 1, decided_at = now()
   where i.id = idea;
  perform inspraak_change(v_aid, 'ideas', idea, to_jsonb(v_i), inspraak_row('ideas', idea));
  perform inspraak_audit_finish(v_aid, jsonb_build_object('status', v_i.status),
    jsonb_build_object('status', status), format('%s → %s', v_i.status, status));
  return v_aid;
end $$;

create or replace function inspraak_reply(idea bigint, version integer, body text, signature text,
                                          locale text, status text, justification text)
returns bigint
language plpgsql volatile security invoker as $$
declare
  v_me users := inspraak_require('moderator');
  v_i ideas;
  v_f official_feedback;
  v_aid bigint;
  v_loc text := coalesce(nullif(btrim(locale), ''), 'nl-BE');
  v_sig text := nullif(btrim(coalesce(signature, '')), '');
  v_status text := status;
begin
  if inspraak_blank(body) then
    raise exception using errcode = 'IN002', message = 'The reply is empty.';
  end if;
  if v_loc !~ '^[a-z]{2}(-[A-Z]{2})?$' then
    raise exception using errcode = 'IN002', message = format('Unknown locale %L.', v_loc);
  end if;
  if v_status is not null then
    perform inspraak_status_check(v_status);
  end if;
  v_i := inspraak_lock_idea(v_me, idea, version);
  if v_status is not null and v_i.merged_into_id is not null and v_status <> v_i.status then
    raise exception using errcode = 'IN002',
      message = format('Idea #%s is merged into idea #%s; undo the merge to change its status.',
                       idea, v_i.merged_into_id);
  end if;
  if v_sig is null then
    select inspraak_ml(d.signature_multiloc, v_loc) into v_sig
      from departments d where d.id = v_i.department_id;
  end if;
  if inspraak_blank(v_sig) then
    raise exception using errcode = 'IN002',
      message = 'The reply needs a signature: type one or assign the idea to a department.';
  end if;
  v_aid := inspraak_audit(v_me, 'reply', 'idea', idea, justification);
  insert into official_feedback (idea_id, author_id, department_id, signature, body, locale)
  values (idea, v_me.id, v_i.department_id, v_sig, inspraak_reply.body, v_loc)
  returning * into v_f;
  perform inspraak_change(v_aid, 'official_feedback', v_f.id, null, to_jsonb(v_f));
  -- A status given with the reply is decided and told at the same moment.
  update ideas i
     set version = i.version + 1,
         status = coalesce(v_status, i.status),
         decided_at = case when v_status is distinct from i.status and v_status is not null
                           then now() else i.decided_at end
   where i.id = idea;
  perform inspraak_change(v_aid, 'ideas', idea, to_jsonb(v_i), inspraak_row('ideas', idea));
  perform inspraak_audit_finish(v_aid, jsonb_build_object('status', v_i.status),
    jsonb_build_object('status', coalesce(v_status, v_i.status), 'feedback', v_f.id),
    format('reply signed %s', v_sig)
      || case when v_status is not null and v_status <> v_i.status
              then format(', %s → %s', v_i.status, v_status) else '' end);
  return v_aid;
end $$;

-- --- flags ---------------------------------------------------------------------------------------

create or replace function inspraak_verdict(item_kind text, item bigint, version integer,
                                            verdict text, reason text, justification text)
returns bigint
language plpgsql volatile security invoker as $$
declare
  v_me users := inspraak_require('moderator');
  v_kind text := item_kind;
  -- One of the two is null, so each condition below can use its partial index.
  v_idea bigint := case when item_kind = 'idea' then item end;
  v_comment bigint := case when item_kind = 'comment' then item end;
  v_table text;
  v_before jsonb;
  v_after jsonb;
  v_version integer;
  v_text text;
  v_lang text;
  v_aid bigint;
  v_spam integer;
  v_abuse integer;
  v_label text;
  v_rep citizen_reports;
  v_flag machine_flags;
  v_l moderation_labels;
  v_res text;
  v_nrep integer := 0;
  v_nflag integer := 0;
begin
  if v_kind is null or v_kind not in ('idea', 'comment') then
    raise exception using errcode = 'IN002',
      message = format('A verdict is on an idea or a comment, not on %s.', coalesce(quote_literal(v_kind), 'nothing'));
  end if;
  if verdict is null or verdict not in ('confirm', 'dismiss') then
    raise exception using errcode = 'IN002', message = 'The verdict is either confirm or dismiss.';
  end if;
  if verdict = 'confirm' and inspraak_blank(reason) then
    raise exception using errcode = 'IN002',
      message = 'Hiding needs a reason that its author can read.';
  end if;
  v_table := case v_kind when 'idea' then 'ideas' else 'comments' end;
  if v_kind = 'idea' then
    select to_jsonb(i), i.version, i.title || E'\n\n' || i.body, i.lang
      into v_before, v_version, v_text, v_lang
      from ideas i where i.id = item for no key update;
  else
    select to_jsonb(c), c.version, c.body, c.lang into v_before, v_version, v_text, v_lang
      from comments c where c.id = item for no key update;
  end if;
  if v_before is null then
    raise exception using errcode = 'IN002',
      message = format('There is no %s.', lower(inspraak_row_label(v_kind, item)));
  end if;
  perform inspraak_check_version(v_table, item, v_version, version);
  perform inspraak_check_claim(v_me, v_kind, item);

  perform 1 from citizen_reports r
   where (r.idea_id = v_idea or r.comment_id = v_comment)
     and r.resolved_at is null order by r.id for no key update;
  perform 1 from machine_flags m
   where (m.idea_id = v_idea or m.comment_id = v_comment)
     and m.resolved_at is null order by m.id for no key update;
  select count(*) filter (where r.reason_code = 'wrong_content'),
         count(*) filter (where r.reason_code = 'inappropriate'), count(*)
    into v_spam, v_abuse, v_nrep
    from citizen_reports r
   where (r.idea_id = v_idea or r.comment_id = v_comment)
     and r.resolved_at is null;
  select v_spam + count(*) filter (where m.kind = 'spam'),
         v_abuse + count(*) filter (where m.kind = 'abuse'), count(*)
    into v_spam, v_abuse, v_nflag
    from machine_flags m
   where (m.idea_id = v_idea or m.comment_id = v_comment)
     and m.resolved_at is null;
  if v_nrep + v_nflag = 0 then
    raise exception using errcode = 'IN006',
      message = format('%s has no open reports or flags.', inspraak_row_label(v_kind, item));
  end if;

  v_aid := inspraak_audit(v_me, verdict || '-flag', v_kind, item, justification);
  v_res := case verdict when 'confirm' then 'confirmed' else 'dismissed' end;
  for v_rep in select r.* from citizen_reports r
                where (r.idea_id = v_idea or r.comment_id = v_comment)
                  and r.resolved_at is null order by r.id loop
    update citizen_reports r set resolved_at = now(), resolution = v_res where r.id = v_rep.id;
    perform inspraak_change(v_aid, 'citizen_reports', v_rep.id, to_jsonb(v_rep),
                            inspraak_row('citizen_reports', v_rep.id));
  end loop;
  for v_flag in select m.* from machine_flags m
                 where (m.idea_id = v_idea or m.comment_id = v_comment)
                   and m.resolved_at is null order by m.id loop
    update machine_flags m set resolved_at = now(), resolution = v_res where m.id = v_flag.id;
    perform inspraak_change(v_aid, 'machine_flags', v_flag.id, to_jsonb(v_flag),
                            inspraak_row('machine_flags', v_flag.id));
  end loop;

  if verdict = 'confirm' then
    -- Hidden for this reason now, whatever hid it before: an unblock will not show it.
    if v_kind = 'idea' then
      update ideas i
         set hidden_at = coalesce(i.hidden_at, now()), hidden_reason = reason,
             hidden_by_block = null, version = i.version + 1, decided_at = now()
       where i.id = item;
    else
      update comments c
         set hidden_at = coalesce(c.hidden_at, now()), hidden_reason = reason,
             hidden_by_block = null, version = c.version + 1
       where c.id = item;
    end if;
    v_after := inspraak_row(v_table, item);
    perform inspraak_change(v_aid, v_table, item, v_before, v_after);
    v_label := case when v_spam > v_abuse then 'spam' else 'abuse' end;
  else
    v_after := v_before;
    v_label := 'ham';
  end if;

  insert into moderation_labels (item_kind, item_id, label, text, lang, audit_id)
  values (v_kind, item, v_label, v_text, v_lang, v_aid)
  returning * into v_l;
  perform inspraak_change(v_aid, 'moderation_labels', v_l.id, null, to_jsonb(v_l));

  perform inspraak_audit_finish(v_aid,
    jsonb_build_object('hidden_reason', v_before -> 'hidden_reason'),
    jsonb_build_object('hidden_reason', v_after -> 'hidden_reason', 'label', v_label,
                       'reports', v_nrep, 'flags', v_nflag),
    case verdict when 'confirm' then format('hidden (%s): %s', v_label, reason)
                 else format('%s report(s) and %s flag(s) dismissed', v_nrep, v_nflag) end);
  return v_aid;
end $$;

-- --- blocks ----------------------------------------------------------------------------------------

create or replace function inspraak_block(author bigint, until timestamptz, reason text,
                                          hide_content boolean, justification text)
returns bigint
language plpgsql volatile security invoker as $$
declare
  v_me users := inspraak_require('moderator');
  v_u users;
  v_until timestamptz := coalesce(until, 'infinity');
  v_hide boolean := coalesce(hide_content, false);
  v_aid bigint;
  v_i ideas;
  v_c comments;
  v_ni integer := 0;
  v_nc integer := 0;
begin
  select u.* into v_u from users u where u.id = author for no key update;
  if not found then
    raise exception using errcode = 'IN002', message = format('There is no user #%s.', author);
  end if;
  if v_u.id = v_me.id then
    raise exception using errcode = 'IN002', message = 'You cannot block yourself.';
  end if;
  if v_u.role <> 'citizen' and v_me.role <> 'admin' then
    raise exception using errcode = 'IN004',
      message = 'Only an administrator may block a staff member.';
  end if;
  if v_until <= now() then
    raise exception using errcode = 'IN002', message = 'A block must end in the future.';
  end if;
  if inspraak_blank(reason) then
    raise exception using errcode = 'IN002',
      message = 'A block needs a reason that its author can read.';
  end if;
  if v_u.blocked_until is not distinct from v_until and v_u.block_reason is not distinct from reason
     and not (v_hide and (exists (select 1 from ideas i where i.author_id = author and i.hidden_at is null)
                          or exists (select 1 from comments c where c.author_id = author and c.hidden_at is null))) then
    raise exception using errcode = 'IN006',
      message = format('%s is already blocked so.', inspraak_user_name(author));
  end if;

  v_aid := inspraak_audit(v_me, 'block-author', 'user', author, justification);
  update users u set blocked_until = v_until, block_reason = reason where u.id = author;
  perform inspraak_change(v_aid, 'users', author, to_jsonb(v_u), inspraak_row('users', author));
  if v_hide then
    for v_i in select i.* from ideas i where i.author_id = author and i.hidden_at is null
                order by i.id for no key update loop
      update ideas i
         set hidden_at = now(), hidden_reason = reason, hidden_by_block = v_aid,
             version = i.version + 1
       where i.id = v_i.id;
      perform inspraak_change(v_aid, 'ideas', v_i.id, to_jsonb(v_i), inspraak_row('ideas', v_i.id));
      v_ni := v_ni + 1;
    end loop;
    for v_c in select c.* from comments c where c.author_id = author and c.hidden_at is null
                order by c.id for no key update loop
      update comments c
         set hidden_at = now(), hidden_reason = reason, hidden_by_block = v_aid,
             version = c.version + 1
       where c.id = v_c.id;
      perform inspraak_change(v_aid, 'comments', v_c.id, to_jsonb(v_c),
                              inspraak_row('comments', v_c.id));
      v_nc := v_nc + 1;
    end loop;
  end if;
  perform inspraak_audit_finish(v_aid,
    jsonb_build_object('blocked_until', v_u.blocked_until, 'block_reason', v_u.block_reason),
    jsonb_build_object('blocked_until', v_until, 'block_reason', reason,
                       'hidden_ideas', v_ni, 'hidden_comments', v_nc),
    format('blocked %s; %s idea(s) and %s comment(s) hidden',
           case when v_until = 'infinity' then 'until lifted'
                else 'until ' || inspraak_day(v_until) end, v_ni, v_nc));
  return v_aid;
end $$;

create or replace function inspraak_unblock(author bigint, justification text)
returns bigint
language plpgsql volatile security invoker as $$
declare
  v_me users := inspraak_require('moderator');
  v_u users;
  v_aid bigint;
  v_i ideas;
  v_c comments;
  v_ni integer := 0;
  v_nc integer := 0;
begin
  select u.* into v_u from users u where u.id = author for no key update;
  if not found then
    raise exception using errcode = 'IN002', message = format('There is no user #%s.', author);
  end if;
  if v_u.role <> 'citizen' and v_me.role <> 'admin' then
    raise exception using errcode = 'IN004',
      message = 'Only an administrator may unblock a staff member.';
  end if;
  if v_u.blocked_until is null and v_u.block_reason is null
     and not exists (select 1 from ideas i where i.author_id = author and i.hidden_by_block is not null)
     and not exists (select 1 from comments c where c.author_id = author and c.hidden_by_block is not null) then
    raise exception using errcode = 'IN006',
      message = format('%s is not blocked.', inspraak_user_name(author));
  end if;

  v_aid := inspraak_audit(v_me, 'unblock-author', 'user', author, justification);
  update users u set blocked_until = null, block_reason = null where u.id = author;
  perform inspraak_change(v_aid, 'users', author, to_jsonb(v_u), inspraak_row('users', author));
  -- Only what a block hid: content hidden for another reason stays hidden.
  for v_i in select i.* from ideas i where i.author_id = author and i.hidden_by_block is not null
              order by i.id for no key update loop
    update ideas i
       set hidden_at = null, hidden_reason = null, hidden_by_block = null, version = i.version + 1
     where i.id = v_i.id;
    perform inspraak_change(v_aid, 'ideas', v_i.id, to_jsonb(v_i), inspraak_row('ideas', v_i.id));
    v_ni := v_ni + 1;
  end loop;
  for v_c in select c.* from comments c where c.author_id = author and c.hidden_by_block is not null
              order by c.id for no key update loop
    update comments c
       set hidden_at = null, hidden_reason = null, hidden_by_block = null, version = c.version + 1
     where c.id = v_c.id;
    perform inspraak_change(v_aid, 'comments', v_c.id, to_jsonb(v_c), inspraak_row('comments', v_c.id));
    v_nc := v_nc + 1;
  end loop;
  perform inspraak_audit_finish(v_aid,
    jsonb_build_object('blocked_until', v_u.blocked_until, 'block_reason', v_u.block_reason),
    jsonb_build_object('blocked_until', null, 'block_reason', null,
                       'shown_ideas', v_ni, 'shown_comments', v_nc),
    format('unblocked; %s idea(s) and %s comment(s) shown again', v_ni, v_nc));
  return v_aid;
end $$;

-- --- the timeline ----------------------------------------------------------------------------------

-- How a message names a phase: "Ideeën" (2025-02-01 to 2025-03-01).
create or replace function inspraak_phase_label(p phases) returns text
language sql stable as $$
  select format('"%s" (%s)', coalesce(inspraak_ml(p.title_multiloc, 'nl-BE'), 'phase #' || p.id),
                case when p.end_at is null then 'from ' || inspraak_day(p.start_at) || ', open-ended'
                     else inspraak_day(p.start_at) || ' to ' || inspraak_day(p.end_at) end)
$$;

-- Consecutive phases of a project with time between them.
create or replace function inspraak_phase_gaps(p_project bigint)
returns table (prev_id bigint, next_id bigint)
language sql stable as $$
  select g.prev_id, g.id
    from (select p.id, p.start_at, lag(p.id) over w as prev_id, lag(p.end_at) over w as prev_end
            from phases p where p.project_id = p_project window w as (order by p.start_at)) g
   where g.prev_id is not null and g.prev_end < g.start_at
$$;

create or replace function inspraak_phase_gap_keys(p_project bigint) returns text[]
language sql stable as $$
  select coalesce(array_agg(g.prev_id || '-' || g.next_id), '{}')
    from inspraak_phase_gaps(p_project) g
$$;

-- Refuses (IN005) a gap that was not there before, unless the caller allows it.
create or replace function inspraak_phase_check_gaps(p_project bigint, p_before text[],
                                                     p_allow boolean)
returns void
language plpgsql stable as $$
declare
  v_prev phases;
  v_next phases;
  v_gap record;
begin
  if coalesce(p_allow, false) then
    return;
  end if;
  select g.* into v_gap from inspraak_phase_gaps(p_project) g
   where not (g.prev_id || '-' || g.next_id = any(p_before)) limit 1;
  if found then
    select p.* into v_prev from phases p where p.id = v_gap.prev_id;
    select p.* into v_next from phases p where p.id = v_gap.next_id;
    raise exception using errcode = 'IN005',
      message = format('There would be a gap between %s and %s; allow the gap to keep it.',
                       inspraak_phase_label(v_prev), inspraak_phase_label(v_next)),
      detail = jsonb_build_object('gap_after', v_prev.id, 'gap_before', v_next.id)::text;
  end if;
end $$;

-- The phases_no_overlap violation as a sentence naming the other phase.
create or replace function inspraak_phase_overlap_error(p_project bigint, p_self bigint,
                                                        p_start timestamptz, p_end timestamptz,
                                                        p_what text default 'The phase')
returns void
language plpgsql stable as $$
declare
  v phases;
begin
  select p.* into v from phases p
   where p.project_id = p_project and p.id is distinct from p_self
     and tstzrange(p.start_at, p.end_at, '[)') && tstzrange(p_start, p_end, '[)')
   order by p.start_at limit 1;
  raise exception using errcode = 'IN005',
    message = format('%s would overlap %s.', p_what,
                     coalesce(inspraak_phase_label(v), 'another phase')),
    detail = jsonb_build_object('overlaps', v.id)::text;
end $$;

create or replace function inspraak_phase_check_dates(p_start timestamptz, p_end timestamptz)
returns void
language plpgsql immutable as $$
begin
  if p_start is null then
    raise exception using errcode = 'IN002', message = 'A phase needs a start.';
  end if;
  if p_end is not null and p_end <= p_start then
    raise exception using errcode = 'IN005', message = 'A phase must end after it starts.';
  end if;
end $$;

-- Locks a project's timeline: phase actions on one project run one at a time.
create or replace function inspraak_lock_project(p_project bigint) returns projects
language plpgsql volatile as $$
declare
  v projects;
begin
  select p.* into v from projects p where p.id = p_project for no key update;
  if not found then
    raise exception using errcode = 'IN002', message = format('There is no project #%s.', p_project);
  end if;
  return v;
end $$;

create or replace function inspraak_phase_set_current(project bigint, phase bigint,
                                                      at timestamptz, justification text)
returns bigint
language plpgsql volatile security invoker as $$
declare
  v_me users := inspraak_require('project_lead');
  v_at timestamptz := coalesce($3, now());
  v_p phases;
  v_r phases;
  v_q phases;
  v_start timestamptz;
  v_end timestamptz;
  v_aid bigint;
begin
  perform inspraak_lock_project(project);
  select p.* into v_p from phases p where p.id = phase for update;
  if not found or v_p.project_id <> project then
    raise exception using errcode = 'IN002',
      message = format('Phase #%s is not a phase of project #%s.', phase, project);
  end if;
  select p.* into v_r from phases p
   where p.project_id = project and p.start_at <= v_at and (p.end_at is null or p.end_at > v_at);
  if v_r.id = v_p.id then
    raise exception using errcode = 'IN006',
      message = format('Phase %s is already running.', inspraak_phase_label(v_p));
  end if;
  if v_r.id is not null and v_r.start_at = v_at then
    raise exception using errcode = 'IN005',
      message = format('Phase %s starts at that moment; choose a later time.', inspraak_phase_label(v_r));
  end if;
  if v_p.start_at > v_at then
    -- A later phase starts early, keeping its end. Phases between now and it are not moved.
    select p.* into v_q from phases p
     where p.project_id = project and p.id <> v_p.id and p.id is distinct from v_r.id
       and p.start_at > v_at and p.start_at < v_p.start_at
     order by p.start_at limit 1;
    if found then
      raise exception using errcode = 'IN005',
        message = format('Phase %s comes before %s; change or remove it first.',
                         inspraak_phase_label(v_q), inspraak_phase_label(v_p)),
        detail = jsonb_build_object('overlaps', v_q.id)::text;
    end if;
    v_start := v_at;
    v_end := v_p.end_at;
  else
    -- A phase that is over runs again from now, as long as it ran before.
    v_start := v_at;
    v_end := v_at + (extract(epoch from v_p.end_at - v_p.start_at) * interval '1 second');
  end if;

  v_aid := inspraak_audit(v_me, 'set-phase', 'phase', phase, justification);
  if v_r.id is not null then
    update phases p set end_at = v_at where p.id = v_r.id;
    perform inspraak_change(v_aid, 'phases', v_r.id, to_jsonb(v_r), inspraak_row('phases', v_r.id));
  end if;
  begin
    update phases p set start_at = v_start, end_at = v_end where p.id = phase;
  exception when exclusion_violation then
    perform inspraak_phase_overlap_error(project, phase, v_start, v_end,
                                         format('Phase %s', inspraak_phase_label(v_p)));
  end;
  perform inspraak_change(v_aid, 'phases', phase, to_jsonb(v_p), inspraak_row('phases', phase));
  perform inspraak_audit_finish(v_aid,
    jsonb_build_object('start_at', v_p.start_at, 'end_at', v_p.end_at, 'ended', v_r.id),
    jsonb_build_object('start_at', v_start, 'end_at', v_end, 'ended', v_r.id),
    format('%s is the current phase from %s',
           coalesce(inspraak_ml(v_p.title_multiloc, 'nl-BE'), 'phase #' || phase), inspraak_day(v_at)));
  return v_aid;
end $$;

create or replace function inspraak_phase_update(phase bigint, start_at timestamptz,
                                                 end_at timestamptz, allow_gap boolean,
                                                 justification text)
returns bigint
language plpgsql volatile security invoker as $$
declare
  v_me users := inspraak_require('project_lead');
  v_start timestamptz := $2;
  v_end timestamptz := $3;
  v_project bigint;
  v_p phases;
  v_gaps text[];
  v_aid bigint;
  v_after phases;
begin
  select p.project_id into v_project from phases p where p.id = phase;
  if not found then
    raise exception using errcode = 'IN002', message = format('There is no phase #%s.', phase);
  end if;
  perform inspraak_lock_project(v_project);
  select p.* into v_p from phases p where p.id = phase for update;
  if not found then
    raise exception using errcode = 'IN002', message = format('There is no phase #%s.', phase);
  end if;
  perform inspraak_phase_check_dates(v_start, v_end);
  if v_p.start_at = v_start and v_p.end_at is not distinct from v_end then
    raise exception using errcode = 'IN006',
      message = format('Phase %s already has these dates.', inspraak_phase_label(v_p));
  end if;
  v_gaps := inspraak_phase_gap_keys(v_project);
  begin
    update phases p set start_at = v_start, end_at = v_end where p.id = phase;
  exception when exclusion_violation then
    perform inspraak_phase_overlap_error(v_project, phase, v_start, v_end);
  end;
  perform inspraak_phase_check_gaps(v_project, v_gaps, allow_gap);
  v_aid := inspraak_audit(v_me, 'edit-phase', 'phase', phase, justification);
  select p.* into v_after from phases p where p.id = phase;
  perform inspraak_change(v_aid, 'phases', phase, to_jsonb(v_p), to_jsonb(v_after));
  perform inspraak_audit_finish(v_aid,
    jsonb_build_object('start_at', v_p.start_at, 'end_at', v_p.end_at),
    jsonb_build_object('start_at', v_start, 'end_at', v_end),
    format('%s now runs %s', coalesce(inspraak_ml(v_p.title_multiloc, 'nl-BE'), 'phase #' || phase),
           case when v_end is null then 'from ' || inspraak_day(v_start) || ', open-ended'
                else inspraak_day(v_start) || ' to ' || inspraak_day(v_end) end));
  return v_aid;
end $$;

create or replace function inspraak_phase_add(project bigint, title jsonb, method text,
                                              start_at timestamptz, end_at timestamptz,
                                              allow_gap boolean, justification text)
returns bigint
language plpgsql volatile security invoker as $$
declare
  v_me users := inspraak_require('project_lead');
  v_start timestamptz := $4;
  v_end timestamptz := $5;
  v_method text := coalesce(nullif(btrim($3), ''), 'ideation');
  v_gaps text[];
  v_p phases;
  v_aid bigint;
begin
  perform inspraak_lock_project(project);
  if title is null or not inspraak_is_multiloc(title) or inspraak_blank(inspraak_ml(title, 'nl-BE')) then
    raise exception using errcode = 'IN002', message = 'A phase needs a title.';
  end if;
  if v_method not in ('information', 'ideation', 'proposals', 'voting', 'survey', 'poll',
                      'volunteering', 'document_annotation') then
    raise exception using errcode = 'IN002',
      message = format('Unknown participation method %L.', v_method);
  end if;
  perform inspraak_phase_check_dates(v_start, v_end);
  v_gaps := inspraak_phase_gap_keys(project);
  begin
    insert into phases (project_id, title_multiloc, participation_method, start_at, end_at)
    values (project, title, v_method, v_start, v_end)
    returning * into v_p;
  exception when exclusion_violation then
    perform inspraak_phase_overlap_error(project, null, v_start, v_end);
  end;
  perform inspraak_phase_check_gaps(project, v_gaps, allow_gap);
  v_aid := inspraak_audit(v_me, 'add-phase', 'phase', v_p.id, justification);
  perform inspraak_change(v_aid, 'phases', v_p.id, null, to_jsonb(v_p));
  perform inspraak_audit_finish(v_aid, null,
    jsonb_build_object('start_at', v_start, 'end_at', v_end, 'project', project),
    format('added %s', inspraak_phase_label(v_p)));
  return v_aid;
end $$;

create or replace function inspraak_phase_delete(phase bigint, justification text)
returns bigint
language plpgsql volatile security invoker as $$
declare
  v_me users := inspraak_require('project_lead');
  v_project bigint;
  v_p phases;
  v_i ideas;
  v_aid bigint;
  v_n integer := 0;
begin
  select p.project_id into v_project from phases p where p.id = phase;
  if not found then
    raise exception using errcode = 'IN002', message = format('There is no phase #%s.', phase);
  end if;
  perform inspraak_lock_project(v_project);
  select p.* into v_p from phases p where p.id = phase for update;
  if not found then
    raise exception using errcode = 'IN002', message = format('There is no phase #%s.', phase);
  end if;
  v_aid := inspraak_audit(v_me, 'remove-phase', 'phase', phase, justification);
  -- Written here rather than left to "on delete set null", so that undo can put them back.
  for v_i in select i.* from ideas i where i.phase_id = phase order by i.id for no key update loop
    update ideas i set phase_id = null, version = i.version + 1 where i.id = v_i.id;
    perform inspraak_change(v_aid, 'ideas', v_i.id, to_jsonb(v_i), inspraak_row('ideas', v_i.id));
    v_n := v_n + 1;
  end loop;
  delete from phases p where p.id = phase;
  perform inspraak_change(v_aid, 'phases', phase, to_jsonb(v_p), null);
  perform inspraak_audit_finish(v_aid, jsonb_build_object('start_at', v_p.start_at, 'end_at', v_p.end_at),
    null, format('removed %s; %s idea(s) left without a phase', inspraak_phase_label(v_p), v_n));
  return v_aid;
end $$;

-- --- undo --------------------------------------------------------------------------------------

-- Columns undo neither compares nor restores: counters citizens move, and what triggers derive.
create or replace function inspraak_undo_excluded(p_table text) returns text[]
language sql immutable as $$
  select case p_table
           when 'ideas' then '{votes_up,votes_down,comments_count,updated_at,told_at}'::text[]
           when 'duplicate_suggestions' then '{live}'::text[]
           else '{}'::text[] end
$$;

create or replace function inspraak_undo(audit bigint, justification text)
returns bigint
language plpgsql volatile security invoker as $$
declare
  v_me users := inspraak_require('moderator');
  v_a audit_log;
  v_c audit_changes;
  v_cur jsonb;
  v_excl text[];
  v_cols text;
  v_uid bigint;
  v_by text;
  v_ph phases;
begin
  select a.* into v_a from audit_log a where a.id = audit for update;
  if not found then
    raise exception using errcode = 'IN002', message = format('There is no action #%s.', audit);
  end if;
  if v_a.undo_of is not null then
    raise exception using errcode = 'IN006',
      message = format('Action #%s is itself an undo and cannot be undone.', audit);
  end if;
  if v_a.undone_by is not null then
    select format('Action #%s was already undone by %s at %s.', audit, u.actor, inspraak_clock(u.at))
      into v_by from audit_log u where u.id = v_a.undone_by;
    raise exception using errcode = 'IN006', message = v_by;
  end if;
  if not v_a.reversible then
    raise exception using errcode = 'IN006', message = format('Action #%s cannot be undone.', audit);
  end if;
  if v_a.action in ('set-phase', 'edit-phase', 'add-phase', 'remove-phase') then
    perform inspraak_require('project_lead');
  end if;
  if exists (select 1 from audit_changes c where c.audit_id = audit
              and c.table_name not in ('ideas', 'comments', 'official_feedback',
                                       'duplicate_suggestions', 'citizen_reports',
                                       'machine_flags', 'users', 'phases',
                                       'moderation_labels', 'notices')) then
    raise exception using errcode = 'IN002',
      message = format('Action #%s changed a table that undo does not restore.', audit);
  end if;
  if not exists (select 1 from audit_changes c where c.audit_id = audit) then
    raise exception using errcode = 'IN006',
      message = format('Action #%s changed nothing that could be put back.', audit);
  end if;

  -- Lock every row first, in one order, then compare each with what the action left.
  for v_c in select distinct on (c.table_name, c.row_id) c.* from audit_changes c
              where c.audit_id = audit order by c.table_name, c.row_id loop
    execute format('select 1 from %I t where t.id = $1 for update', v_c.table_name) using v_c.row_id;
  end loop;
  for v_c in select distinct on (c.table_name, c.row_id) c.* from audit_changes c
              where c.audit_id = audit order by c.table_name, c.row_id, c.seq desc loop
    v_excl := inspraak_undo_excluded(v_c.table_name);
    v_cur := inspraak_row(v_c.table_name, v_c.row_id);
    if (v_cur - v_excl) is distinct from (v_c.after - v_excl) then
      v_by := inspraak_changed_by(v_c.table_name, v_c.row_id, audit, v_cur - v_excl);
      raise exception using errcode = 'IN001',
        message = format('%s was %s%s after that action, so it cannot be undone.',
                         inspraak_row_label(v_c.table_name, v_c.row_id),
                         case when v_cur is null then 'deleted' else 'changed' end,
                         coalesce(v_by, '')),
        detail = jsonb_build_object('table', v_c.table_name, 'id', v_c.row_id)::text;
    end if;
  end loop;

  v_uid := inspraak_audit(v_me, 'undo', v_a.item_kind, v_a.item_id, justification);
  update audit_log a set undo_of = audit, reversible = false where a.id = v_uid;
  for v_c in select c.* from audit_changes c where c.audit_id = audit order by c.seq desc loop
    v_cur := inspraak_row(v_c.table_name, v_c.row_id);
    begin
      if v_c.before is null then
        execute format('delete from %I t where t.id = $1', v_c.table_name) using v_c.row_id;
      elsif v_c.after is null then
        execute format('insert into %I select * from jsonb_populate_record(null::%I, $1)',
                       v_c.table_name, v_c.table_name) using v_c.before;
      else
        v_excl := inspraak_undo_excluded(v_c.table_name);
        select string_agg(quote_ident(a.attname), ', ' order by a.attnum) into v_cols
          from pg_attribute a
         where a.attrelid = v_c.table_name::regclass and a.attnum > 0 and not a.attisdropped
           and a.attname <> 'id' and a.attname <> all(v_excl);
        execute format('update %I t set (%s) = (select %s from jsonb_populate_record(null::%I, $1))'
                       ' where t.id = $2', v_c.table_name, v_cols, v_cols, v_c.table_name)
          using v_c.before, v_c.row_id;
      end if;
    exception when exclusion_violation then
      -- Only phases have one: another phase took the place since.
      v_ph := jsonb_populate_record(null::phases, v_c.before);
      perform inspraak_phase_overlap_error(v_ph.project_id, v_ph.id, v_ph.start_at, v_ph.end_at,
        format('Putting back phase %s', inspraak_phase_label(v_ph)));
    end;
    perform inspraak_change(v_uid, v_c.table_name, v_c.row_id, v_cur,
                            inspraak_row(v_c.table_name, v_c.row_id));
  end loop;
  update audit_log a set undone_by = v_uid where a.id = audit;
  perform inspraak_audit_finish(v_uid, null, jsonb_build_object('undid', audit, 'action', v_a.action),
    format('undid %s (#%s)', v_a.action, audit));
  return v_uid;
end $$;

-- --- claims --------------------------------------------------------------------------------------

-- Claims an item for this console. One row back: granted, and holder naming the other staff
-- member: the one who keeps it (granted false), or the one it was taken from (take_over).
create or replace function inspraak_claim(item_kind text, item bigint, console text,
                                          minutes integer, take_over boolean)
returns table (holder text, granted boolean, holder_console text, held_since timestamptz,
               held_until timestamptz, holder_user bigint)
language plpgsql volatile security invoker as $$
declare
  v_me users := inspraak_require('moderator');
  v_kind text := $1;
  v_item bigint := $2;
  v_console text := nullif(btrim($3), '');
  v_minutes integer := coalesce($4, 15);
  v_name text;
  v_c claims;
  v_mine boolean;
  v_live boolean;
begin
  if v_kind is null or v_kind not in ('idea', 'comment', 'suggestion') then
    raise exception using errcode = 'IN002',
      message = format('Only an idea, a comment or a suggestion can be claimed, not %s.',
                       coalesce(quote_literal(v_kind), 'nothing'));
  end if;
  if v_console is null then
    raise exception using errcode = 'IN002', message = 'A claim needs the name of its console.';
  end if;
  if v_minutes < 1 or v_minutes > 1440 then
    raise exception using errcode = 'IN002', message = 'A claim lasts from 1 to 1440 minutes.';
  end if;
  if inspraak_row(case v_kind when 'idea' then 'ideas' when 'comment' then 'comments'
                              else 'duplicate_suggestions' end, v_item) is null then
    raise exception using errcode = 'IN002',
      message = format('There is no %s.', lower(inspraak_row_label(v_kind, v_item)));
  end if;
  v_name := inspraak_user_name(v_me.id);
  loop
    insert into claims (item_kind, item_id, holder_id, holder_name, console, claimed_at, expires_at)
    values (v_kind, v_item, v_me.id, v_name, v_console, now(), now() + v_minutes * interval '1 minute')
    on conflict on constraint claims_pkey do nothing;
    if found then
      return query select null::text, true, null::text, null::timestamptz, null::timestamptz, null::bigint;
      return;
    end if;
    select c.* into v_c from claims c where c.item_kind = v_kind and c.item_id = v_item for update;
    exit when found;
    -- Released between the two statements: try again.
  end loop;
  v_mine := v_c.console = v_console and v_c.holder_id is not distinct from v_me.id;
  v_live := v_c.expires_at > now();
  if v_live and not v_mine and not coalesce(take_over, false) then
    return query select v_c.holder_name, false, v_c.console, v_c.claimed_at, v_c.expires_at, v_c.holder_id;
    return;
  end if;
  update claims c
     set holder_id = v_me.id, holder_name = v_name, console = v_console,
         claimed_at = case when v_mine and v_live then c.claimed_at else now() end,
         expires_at = now() + v_minutes * interval '1 minute'
   where c.item_kind = v_kind and c.item_id = v_item;
  if v_live and not v_mine then
    return query select v_c.holder_name, true, v_c.console, v_c.claimed_at, v_c.expires_at, v_c.holder_id;
  else
    return query select null::text, true, null::text, null::timestamptz, null::timestamptz, null::bigint;
  end if;
end $$;

-- Drops this console's claim; true when there was one.
create or replace function inspraak_release(item_kind text, item bigint, console text)
returns boolean
language plpgsql volatile security invoker as $$
declare
  v_me users := inspraak_actor();
begin
  if v_me.id is null then
    raise exception using errcode = 'IN004',
      message = format('No staff member has the login %s; ask an administrator to add you.',
                       current_user);
  end if;
  delete from claims c
   where c.item_kind = $1 and c.item_id = $2 and c.console = $3 and c.holder_id = v_me.id;
  return found;
end $$;
