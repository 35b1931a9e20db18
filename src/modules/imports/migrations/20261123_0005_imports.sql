-- Excel import jobs: staged, validated, then applied all-or-nothing.
-- The validated rows are kept in `staged` (json, written once, read once on apply) so that a job
-- survives a restart and works with several app processes; apply clears it.
create table import_job (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('org_units','people')),
  status text not null check (status in ('parsing','validated','invalid','applying','applied','failed')),
  file_name text not null,
  total_rows integer not null default 0,
  processed_rows integer not null default 0,
  -- share of the work done while parsing (0..1), for the progress bar
  progress real not null default 0,
  summary jsonb,
  errors jsonb,
  error_count integer not null default 0,
  staged json,
  created_by bigint references app_user(id),
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  applied_at timestamptz
);
create index import_job_created_by_idx on import_job (created_by, created_at desc);
