-- Yearly task-completion evaluation (đánh giá, xếp loại mức độ hoàn thành nhiệm vụ) of people and units.
-- One row per subject and year: the self-assessment, the manager's proposal and the unit head's decision, each a
-- rating and, when scored on the scheme's 100-point sheet, the sheet (scores by criterion, vetoes) and its total.
-- A decided rating becomes the subject's rating for the year through the people module (people/year-ratings.ts).
create table evaluation (
  id bigint generated always as identity primary key,
  year integer not null check (year between 1945 and 2200),
  subject_kind text not null check (subject_kind in ('individual','collective')),
  person_id bigint references person(id),
  -- The person's unit when evaluated, or the rated unit itself (a collective).
  unit_id bigint not null references org_unit(id),
  -- The unit whose head decides and inside which the peer group is counted: the person's unit, or the rated
  -- unit's superior.
  group_unit_id bigint not null references org_unit(id),
  -- "vị trí, vai trò, chức năng tương đồng": leaders | staff for people, the unit kind for collectives (or a name an officer gives).
  peer_group text not null,
  scheme_id text not null,
  status text not null check (status in ('open','self_assessed','proposed','decided')),
  self_rating text check (self_rating in ('excellent','good','completed','not_completed')),
  self_sheet jsonb,
  self_score numeric(6,2),
  proposed_rating text check (proposed_rating in ('excellent','good','completed','not_completed')),
  proposed_sheet jsonb,
  proposed_score numeric(6,2),
  decided_rating text check (decided_rating in ('excellent','good','completed','not_completed')),
  decided_score numeric(6,2),
  decided_by bigint references app_user(id),
  decided_at timestamptz,
  note text,
  source text not null default 'manual' check (source in ('manual','import')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((subject_kind = 'individual') = (person_id is not null)),
  check ((status = 'decided') = (decided_rating is not null))
);
create unique index evaluation_person_year_uq on evaluation (person_id, year) where person_id is not null;
create unique index evaluation_unit_year_uq on evaluation (unit_id, year) where person_id is null;
create index evaluation_group_idx on evaluation (group_unit_id, year, subject_kind, peer_group);
create index evaluation_unit_idx on evaluation (unit_id, year);

-- An outstanding organisation (tập thể có thành tích nổi bật) whose excellent cap the competent level raised for
-- a year (QĐ 366-QĐ/TW Điều 11: up to 25 %), with the decision that says so.
create table evaluation_cap_exception (
  id bigint generated always as identity primary key,
  group_unit_id bigint not null references org_unit(id),
  year integer not null check (year between 1945 and 2200),
  basis text not null,
  created_by bigint references app_user(id),
  created_at timestamptz not null default now(),
  unique (group_unit_id, year)
);
