-- Persons, employment history, and the yearly ratings, titles and awards later modules fill.
create extension if not exists pg_trgm;
create table person (
  id bigint generated always as identity primary key,
  national_id text not null unique check (national_id ~ '^[0-9]{12}$'),
  full_name text not null,
  gender text check (gender in ('female','male')),
  birth_date date,
  -- derived from full_name in the application: accent-folded text for search, Vietnamese sort key
  search_text text not null,
  sort_key text collate "C" not null,
  -- denormalised from employment (kept in the same transaction) so that scoped search stays one index scan
  current_unit_id bigint references org_unit(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index person_search_trgm_idx on person using gin (search_text gin_trgm_ops);
create index person_sort_idx on person (sort_key);
create index person_national_id_prefix_idx on person (national_id text_pattern_ops);
create index person_unit_idx on person (current_unit_id, sort_key);

create table employment (
  id bigint generated always as identity primary key,
  person_id bigint not null references person(id),
  unit_id bigint not null references org_unit(id),
  position text not null,
  category text not null check (category in ('civil_servant','public_employee','worker','farmer','armed_forces','other')),
  is_leader boolean not null default false,
  from_date date not null,
  to_date date,
  end_reason text,
  created_at timestamptz not null default now(),
  check (to_date is null or to_date > from_date)
);
create index employment_person_idx on employment (person_id, from_date);
create index employment_unit_idx on employment (unit_id);

-- Yearly task-completion rating (mức độ hoàn thành nhiệm vụ). A correction is a new row naming the row it corrects.
create table person_year_rating (
  id bigint generated always as identity primary key,
  person_id bigint not null references person(id),
  year integer not null check (year between 1945 and 2200),
  rating text not null check (rating in ('excellent','good','completed','not_completed')),
  unit_id bigint references org_unit(id),
  corrects_id bigint references person_year_rating(id),
  source text not null default 'manual',
  created_at timestamptz not null default now()
);
create index person_year_rating_idx on person_year_rating (person_id, year);

-- Emulation titles conferred on a person for a year (danh hiệu thi đua).
create table person_title (
  id bigint generated always as identity primary key,
  person_id bigint not null references person(id),
  year integer not null,
  title_code text not null,
  unit_id bigint references org_unit(id),
  decision_no text,
  decision_date date,
  corrects_id bigint references person_title(id),
  revoked_on date,
  created_at timestamptz not null default now()
);
create index person_title_idx on person_title (person_id, year);

-- Emulation titles of collectives (tập thể), flags included.
create table unit_title (
  id bigint generated always as identity primary key,
  unit_id bigint not null references org_unit(id),
  year integer not null,
  title_code text not null,
  decision_no text,
  decision_date date,
  corrects_id bigint references unit_title(id),
  revoked_on date,
  created_at timestamptz not null default now()
);
create index unit_title_idx on unit_title (unit_id, year);

-- Commendation forms received (Giấy khen, Bằng khen, orders, medals), by a person or a collective.
create table award_record (
  id bigint generated always as identity primary key,
  person_id bigint references person(id),
  unit_id bigint references org_unit(id),
  form_code text not null,
  award_type text not null default 'merit' check (award_type in ('merit','sudden','movement','contribution','seniority','external')),
  decision_no text,
  decision_date date not null,
  period_from integer,
  period_to integer,
  issuer_unit_id bigint references org_unit(id),
  revoked_on date,
  created_at timestamptz not null default now(),
  check ((person_id is null) <> (unit_id is null))
);
create index award_record_person_idx on award_record (person_id);
create index award_record_unit_idx on award_record (unit_id);
