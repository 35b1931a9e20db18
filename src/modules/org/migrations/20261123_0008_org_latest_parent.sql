-- The latest parent of each unit, kept on org_unit by a trigger, so that expanding a role's subtree
-- (done on every request) reads one small table instead of sorting every version (10+ ms on PGlite).
alter table org_unit add column latest_parent_id bigint references org_unit(id);

create function org_unit_version_latest_parent() returns trigger language plpgsql as $$
begin
  update org_unit set latest_parent_id = (
    select v.parent_id from org_unit_version v where v.unit_id = new.unit_id order by v.valid_from desc, v.id desc limit 1)
   where id = new.unit_id;
  return null;
end;
$$;
create trigger org_unit_version_latest_parent after insert or update on org_unit_version
  for each row execute function org_unit_version_latest_parent();

update org_unit u set latest_parent_id = (
  select v.parent_id from org_unit_version v where v.unit_id = u.id order by v.valid_from desc, v.id desc limit 1);

create index org_unit_latest_parent_idx on org_unit (latest_parent_id);

create or replace view org_scope_edge as
  select id as child_id, latest_parent_id as parent_id from org_unit where latest_parent_id is not null
  union
  select predecessor_id, successor_id from org_lineage;
