-- Registration of emulation targets (đăng ký thi đua): early in the year a unit registers the collective and
-- individual titles it aims for, with targets; the level above approves or returns it with a reason.
create table emulation_registration (
  id bigint generated always as identity primary key,
  unit_id bigint not null references org_unit(id),
  year integer not null check (year between 1945 and 2200),
  status text not null check (status in ('draft','submitted','approved','returned')),
  targets text,
  return_reason text,
  submitted_by bigint references app_user(id),
  submitted_at timestamptz,
  decided_by bigint references app_user(id),
  decided_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (unit_id, year)
);
create index emulation_registration_year_idx on emulation_registration (year, status);

-- One title aimed for: a collective one (the unit or a unit under it) or an individual one (a person).
create table emulation_registration_item (
  id bigint generated always as identity primary key,
  registration_id bigint not null references emulation_registration(id) on delete cascade,
  subject_kind text not null check (subject_kind in ('individual','collective')),
  person_id bigint references person(id),
  subject_unit_id bigint references org_unit(id),
  award_code text not null,
  target text,
  check ((subject_kind = 'individual') = (person_id is not null)),
  check ((subject_kind = 'collective') = (subject_unit_id is not null))
);
create index emulation_registration_item_reg_idx on emulation_registration_item (registration_id);
create index emulation_registration_item_person_idx on emulation_registration_item (person_id) where person_id is not null;
