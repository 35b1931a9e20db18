-- People's change feed and the facts of a person as one document, both published for other modules (eligibility's
-- history digests, decision 0006). They were part of eligibility's migration 0012; the people module owns them now,
-- so that only this module names its tables. Idempotent: a database migrated before the move already has the log
-- and the triggers (same names, same definitions), and its log must not be filled a second time.
--
-- Who changed since: every write to a fact table logs the people it touched in person_history_stale (a log, not a
-- set, so that a writer's entry only becomes visible when its transaction commits: a reader can never consume it
-- early). person_history_take_changed(n) hands the first n people of the log to a reader and removes their entries
-- that the reader's statement can see (entries of transactions not yet committed stay, for a later call).
do $$
begin
  if to_regclass('person_history_stale') is null then
    create table person_history_stale (
      id bigint generated always as identity primary key,
      person_id bigint not null
    );
    create index person_history_stale_person_idx on person_history_stale (person_id);
    -- Everyone already stored counts as changed once.
    insert into person_history_stale (person_id) select id from person order by id;
  end if;
end;
$$;

-- The first `max_people` people of the log (by id), their visible entries removed; null when nobody changed.
create or replace function person_history_take_changed(max_people integer) returns bigint[] language plpgsql as $$
declare ids bigint[];
begin
  select array_agg(x.person_id) into ids
    from (select distinct s.person_id from person_history_stale s order by s.person_id limit max_people) x;
  if ids is null then return null; end if;
  delete from person_history_stale s using unnest(ids) as k(id) where s.person_id = k.id;
  return ids;
end;
$$;

-- Every fact of some people as one JSON document each, unfiltered by date, every list in the order the fact
-- readers' statements (people/fact-readers.ts) return it: id, name (n), gender (g), review cases (rv), employments
-- (e), ratings (r), titles (t), initiatives and science projects (w), discipline (d), leave (l), awards (a); an
-- empty list is null. Set-based per batch (each list one grouped scan joined to the batch), so that a plan made
-- without statistics (PGlite has no autovacuum) costs at worst a scan per batch, never one per person.
create or replace function person_history_facts(ids bigint[]) returns table (person_id bigint, doc text) language sql stable as $$
  with k as (select distinct unnest(ids) as id),
  rv as (select r.person_id, json_agg(json_build_array(r.opened_on, r.closed_on) order by r.id) as j
           from review_case r join k on k.id = r.person_id group by r.person_id),
  e as (select e.person_id, json_agg(json_build_array(e.id, e.unit_id, e.category, e.is_leader, e.from_date, e.to_date) order by e.from_date, e.id) as j
          from employment e join k on k.id = e.person_id group by e.person_id),
  r as (select x.person_id, json_agg(json_build_array(x.year, x.rating) order by x.year) as j from (
          select distinct on (r.person_id, r.year) r.person_id, r.year, r.rating
            from person_year_rating r join k on k.id = r.person_id
           where not exists (select 1 from person_year_rating c where c.corrects_id = r.id)
           order by r.person_id, r.year, r.id desc) x group by x.person_id),
  t as (select t.person_id, json_agg(json_build_array(t.year, t.title_code, t.revoked_on) order by t.year, t.title_code) as j
          from person_title t join k on k.id = t.person_id
         where not exists (select 1 from person_title c where c.corrects_id = t.id) group by t.person_id),
  w as (select w.person_id, json_agg(json_build_array(w.kind, w.year, w.name, w.scope, w.used_for_award, w.accepted, w.id, w.revoked_on) order by w.kind, w.year, w.id) as j from (
          select 'initiative' as kind, i.person_id, i.year, i.name, i.scope, i.used_for_award, null::boolean as accepted, i.id, i.revoked_on
            from person_initiative i join k on k.id = i.person_id
          union all
          select 'science', s.person_id, s.year, s.name, s.scope, null, s.accepted, s.id, s.revoked_on
            from person_science_project s join k on k.id = s.person_id) w group by w.person_id),
  d as (select d.person_id, json_agg(json_build_array(d.id, d.level, d.from_date, d.to_date, d.revoked_on) order by d.from_date, d.id) as j
          from person_discipline d join k on k.id = d.person_id group by d.person_id),
  l as (select l.person_id, json_agg(json_build_array(l.id, l.kind, l.from_date, l.to_date) order by l.from_date, l.id) as j
          from person_leave l join k on k.id = l.person_id group by l.person_id),
  a as (select a.person_id, json_agg(json_build_array(a.id, a.form_code, a.award_type, a.decision_no, a.decision_date, a.period_from, a.period_to, a.revoked_on) order by a.decision_date, a.id) as j
          from award_record a join k on k.id = a.person_id group by a.person_id)
  select p.id, json_build_object('id', p.id, 'n', p.full_name, 'g', p.gender,
           'rv', rv.j, 'e', e.j, 'r', r.j, 't', t.j, 'w', w.j, 'd', d.j, 'l', l.j, 'a', a.j)::text
    from person p join k on k.id = p.id
    left join rv on rv.person_id = p.id left join e on e.person_id = p.id left join r on r.person_id = p.id
    left join t on t.person_id = p.id left join w on w.person_id = p.id left join d on d.person_id = p.id
    left join l on l.person_id = p.id left join a on a.person_id = p.id
$$;

-- Statement-level triggers log the people a statement touched, once per statement (PL/pgSQL plans only the
-- branch it runs, so each branch names only the transition tables its event has).
create or replace function person_history_log() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into person_history_stale (person_id) select distinct n.person_id from new_rows n where n.person_id is not null;
  elsif tg_op = 'DELETE' then
    insert into person_history_stale (person_id) select distinct o.person_id from old_rows o where o.person_id is not null;
  else
    insert into person_history_stale (person_id)
    select x.person_id from (select person_id from old_rows union select person_id from new_rows) x where x.person_id is not null;
  end if;
  return null;
end;
$$;

do $$
declare t text;
begin
  foreach t in array array['employment', 'person_year_rating', 'person_title', 'person_initiative', 'person_science_project',
                           'person_discipline', 'person_leave', 'award_record', 'review_case'] loop
    execute format('create or replace trigger %1$s_history_ins after insert on %1$I referencing new table as new_rows for each statement execute function person_history_log()', t);
    execute format('create or replace trigger %1$s_history_upd after update on %1$I referencing old table as old_rows new table as new_rows for each statement execute function person_history_log()', t);
    execute format('create or replace trigger %1$s_history_del after delete on %1$I referencing old table as old_rows for each statement execute function person_history_log()', t);
  end loop;
end;
$$;

-- A person's own row: new people, and a changed name or gender (other columns, e.g. version, do not matter).
create or replace function person_history_log_person() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into person_history_stale (person_id) select n.id from new_rows n;
  else
    insert into person_history_stale (person_id)
    select n.id from new_rows n join old_rows o on o.id = n.id
     where o.full_name is distinct from n.full_name or o.gender is distinct from n.gender;
  end if;
  return null;
end;
$$;
create or replace trigger person_history_ins after insert on person referencing new table as new_rows
  for each statement execute function person_history_log_person();
create or replace trigger person_history_upd after update on person referencing old table as old_rows new table as new_rows
  for each statement execute function person_history_log_person();
