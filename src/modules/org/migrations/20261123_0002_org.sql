-- Organisation tree with history: identity rows, dated versions (name, parent), events and lineage.
create table org_unit (
  id bigint generated always as identity primary key,
  code text not null unique,
  kind text not null check (kind in ('city_committee','department','commune','ward','district','public_service_unit','enterprise','mass_organisation','party_body','other')),
  established_on date not null,
  dissolved_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (dissolved_on is null or dissolved_on > established_on)
);

create table org_event (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('create','rename','move','merge','split','dissolve','update')),
  effective_on date not null,
  note text,
  -- every unit the event touched (sources, successors, the renamed/moved unit)
  unit_ids bigint[] not null default '{}',
  actor_id bigint,
  created_at timestamptz not null default now()
);

-- One row per period in which a unit's name and parent stayed the same; valid_to is exclusive.
create table org_unit_version (
  id bigint generated always as identity primary key,
  unit_id bigint not null references org_unit(id),
  name text not null,
  short_name text,
  parent_id bigint references org_unit(id),
  valid_from date not null,
  valid_to date,
  event_id bigint references org_event(id),
  check (valid_to is null or valid_to > valid_from)
);
create index org_unit_version_unit_idx on org_unit_version (unit_id, valid_from);
create index org_unit_version_parent_idx on org_unit_version (parent_id);

-- Merges and splits: a predecessor's people and records follow its successors.
create table org_lineage (
  predecessor_id bigint not null references org_unit(id),
  successor_id bigint not null references org_unit(id),
  event_id bigint not null references org_event(id),
  effective_on date not null,
  primary key (predecessor_id, successor_id)
);
create index org_lineage_successor_idx on org_lineage (successor_id);

-- Edges used for scoping: a unit belongs under its latest parent, and a predecessor under its successor.
create view org_scope_edge as
  select v.unit_id as child_id, v.parent_id
    from (select distinct on (unit_id) unit_id, parent_id from org_unit_version order by unit_id, valid_from desc) v
   where v.parent_id is not null
  union
  select predecessor_id, successor_id from org_lineage;
