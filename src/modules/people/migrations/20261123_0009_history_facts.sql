-- The facts the rule engine reads besides ratings and titles: discipline, initiatives, science projects,
-- leave (maternity counts as work), open review cases (freeze rule), and a collective's own yearly rating.
-- History is never overwritten: a correction is a new row naming the row it corrects, a withdrawal sets revoked_on.

-- Kỷ luật: disciplinary measures, half-open period [from_date, to_date); to_date null = not yet served.
create table person_discipline (
  id bigint generated always as identity primary key,
  person_id bigint not null references person(id),
  level text not null check (level in ('reprimand','warning','salary_downgrade','demotion','dismissal_from_post','dismissal')),
  from_date date not null,
  to_date date,
  decision_no text,
  reason text,
  revoked_on date,
  created_at timestamptz not null default now(),
  check (to_date is null or to_date > from_date)
);
create index person_discipline_idx on person_discipline (person_id, from_date);

-- Sáng kiến: an initiative recognised in a year with a scope of effect; used_for_award = the award code it
-- already supported (an initiative supports one award only, CV 5007/BNV-TĐKT).
create table person_initiative (
  id bigint generated always as identity primary key,
  person_id bigint not null references person(id),
  year integer not null check (year between 1945 and 2200),
  name text not null,
  scope text not null check (scope in ('grassroots','ministerial_provincial','national')),
  recognised_on date,
  used_for_award text,
  revoked_on date,
  created_at timestamptz not null default now()
);
create index person_initiative_idx on person_initiative (person_id, year);

-- Đề tài khoa học: a science topic/project, accepted (nghiệm thu) or not, with a scope of effect.
create table person_science_project (
  id bigint generated always as identity primary key,
  person_id bigint not null references person(id),
  year integer not null check (year between 1945 and 2200),
  name text not null,
  scope text not null check (scope in ('grassroots','ministerial_provincial','national')),
  accepted boolean not null default false,
  revoked_on date,
  created_at timestamptz not null default now()
);
create index person_science_project_idx on person_science_project (person_id, year);

-- Leave periods, half-open [from_date, to_date). Statutory maternity leave counts as work (NĐ 152 Art 4(5)).
create table person_leave (
  id bigint generated always as identity primary key,
  person_id bigint not null references person(id),
  kind text not null check (kind in ('maternity','sick','unpaid','training','injury','other')),
  from_date date not null,
  to_date date not null,
  created_at timestamptz not null default now(),
  check (to_date > from_date)
);
create index person_leave_idx on person_leave (person_id, from_date);

-- An open discipline review, investigation, inspection, complaint or press-reported issue: while open, no
-- award or proposal (NĐ 152 Art 4(4)). Exactly one of person/unit.
create table review_case (
  id bigint generated always as identity primary key,
  person_id bigint references person(id),
  unit_id bigint references org_unit(id),
  kind text not null check (kind in ('discipline_review','investigation','inspection','complaint','press_report')),
  opened_on date not null,
  closed_on date,
  note text,
  created_at timestamptz not null default now(),
  check ((person_id is null) <> (unit_id is null)),
  check (closed_on is null or closed_on >= opened_on)
);
create index review_case_person_idx on review_case (person_id) where person_id is not null;
create index review_case_unit_idx on review_case (unit_id) where unit_id is not null;

-- A collective's own yearly task-completion rating and the facts its titles need.
create table unit_year_rating (
  id bigint generated always as identity primary key,
  unit_id bigint not null references org_unit(id),
  year integer not null check (year between 1945 and 2200),
  rating text not null check (rating in ('excellent','good','completed','not_completed')),
  exceeded_targets boolean,
  led_cluster boolean,
  corrects_id bigint references unit_year_rating(id),
  created_at timestamptz not null default now()
);
create index unit_year_rating_idx on unit_year_rating (unit_id, year);
