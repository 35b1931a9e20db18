-- Settings: values the law leaves uncertain, changed by a system admin (audited). A key without a row has its
-- default from src/modules/catalogue/settings.ts.
create table catalogue_setting (
  key text primary key,
  value jsonb not null,
  version integer not null default 1,
  updated_by bigint references app_user(id),
  updated_at timestamptz not null default now()
);

-- Caps per award, unit and year (hạn mức): unit null = the whole city; year null = every year.
create table award_quota (
  id bigint generated always as identity primary key,
  award_code text not null,
  unit_id bigint references org_unit(id),
  year integer check (year between 1945 and 2200),
  max_count integer not null check (max_count >= 0),
  basis text not null,
  created_by bigint references app_user(id),
  created_at timestamptz not null default now(),
  revoked_on date
);
create index award_quota_award_idx on award_quota (award_code);
