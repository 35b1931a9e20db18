-- Excel import jobs: staged, validated, then applied all-or-nothing.
create table import_job (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('org_units','people')),
  status text not null check (status in ('parsing','validated','invalid','applying','applied','failed')),
  file_name text not null,
  total_rows integer not null default 0,
  processed_rows integer not null default 0,
  summary jsonb,
  errors jsonb,
  created_by bigint references app_user(id),
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
