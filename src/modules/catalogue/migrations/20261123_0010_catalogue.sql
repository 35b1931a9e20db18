-- Settings: values the law leaves uncertain, changed by a system admin (audited). A key without a row has its
-- default from src/modules/catalogue/settings.ts.
create table catalogue_setting (
  key text primary key,
  value jsonb not null,
  version integer not null default 1,
  updated_by bigint references app_user(id),
  updated_at timestamptz not null default now()
);

-- award_quota was created here until issue 11; it is eligibility's (its migration 20261216_0020_award_quota.sql).
