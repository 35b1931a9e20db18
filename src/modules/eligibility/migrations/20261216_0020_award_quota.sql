-- Caps per award, unit and year (hạn mức): unit null = the whole city; year null = every year. eligibility owns
-- them: its batch checks count against them and its routes list and add them (quotas-repo.ts).
-- Until issue 11 catalogue's migration 20261123_0010 created this table, so a database migrated before then has
-- it already (with the same columns and index): hence "if not exists". A new database gets it here.
create table if not exists award_quota (
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
create index if not exists award_quota_award_idx on award_quota (award_code);
