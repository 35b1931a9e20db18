-- History digests built from the people module's published functions (people migration 0017), so that only the
-- people module names its tables: the change feed person_history_take_changed(n) says who changed since the last
-- refresh, person_history_facts(ids) gives their facts as one document each. Replaces the functions of migration
-- 0012, which read the fact tables themselves; same names and results.

-- (Re)builds the digests of some people; returns how many it wrote.
create or replace function person_history_refresh(ids bigint[]) returns integer language plpgsql as $$
declare n integer;
begin
  insert into person_history_digest (person_id, doc, refreshed_at)
  select f.person_id, f.doc, now() from person_history_facts(ids) f
  on conflict (person_id) do update set doc = excluded.doc, refreshed_at = excluded.refreshed_at;
  get diagnostics n = row_count;
  return n;
end;
$$;

-- Refreshes the first `max_people` people of the change feed (by id), in one statement with taking them from the
-- feed, so that a failed refresh leaves them in it; returns how many people it refreshed (0 = every digest is fresh
-- as of the writes committed so far).
create or replace function person_history_refresh_stale(max_people integer) returns integer language plpgsql as $$
declare ids bigint[];
begin
  ids := person_history_take_changed(max_people);
  if ids is null then return 0; end if;
  perform person_history_refresh(ids);
  return cardinality(ids);
end;
$$;
