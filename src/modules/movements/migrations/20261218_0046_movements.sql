-- Movements (phong trào thi đua): the plan, its phases, reporting periods, criteria and the units that register.
create table movement (
  id bigserial primary key,
  title text not null,
  kind text not null check (kind in ('regular', 'thematic')),
  authority_unit_id bigint not null,
  plan_doc_number text not null,
  plan_doc_date date not null,
  starts_on date not null,
  ends_on date not null check (ends_on >= starts_on),
  scope_unit_id bigint not null,
  goals text not null default '',
  award_code text not null,
  candidate_threshold numeric(5, 2) not null default 90,
  status text not null default 'launched' check (status in ('launched', 'concluded')),
  version int not null default 1,
  created_by bigint,
  created_at timestamptz not null default now()
);
create index movement_scope_idx on movement (scope_unit_id);
create index movement_authority_idx on movement (authority_unit_id);

create table movement_phase (
  id bigserial primary key,
  movement_id bigint not null references movement (id) on delete cascade,
  seq int not null,
  name text not null,
  starts_on date not null,
  ends_on date not null,
  unique (movement_id, seq)
);

-- Reporting periods (kỳ báo cáo): a figure per criterion per unit per period, due by the deadline.
create table movement_period (
  id bigserial primary key,
  movement_id bigint not null references movement (id) on delete cascade,
  seq int not null,
  label text not null,
  starts_on date not null,
  ends_on date not null,
  deadline date not null,
  unique (movement_id, seq)
);

create table movement_criterion (
  id bigserial primary key,
  movement_id bigint not null references movement (id) on delete cascade,
  seq int not null,
  field text not null,
  name text not null,
  measure text not null,
  unit_of_measure text not null,
  target numeric not null,
  direction text not null check (direction in ('at_least', 'at_most', 'done_by_date')),
  due_on date,
  weight numeric(6, 2) not null check (weight > 0),
  evidence_required text not null default '',
  lead_unit_id bigint not null,
  min_value numeric not null,
  max_value numeric not null check (max_value >= min_value),
  unique (movement_id, seq)
);

-- Registration (đăng ký thi đua) of a unit, with its commitment per criterion.
create table movement_registration (
  id bigserial primary key,
  movement_id bigint not null references movement (id) on delete cascade,
  unit_id bigint not null,
  registered_on date not null,
  version int not null default 1,
  unique (movement_id, unit_id)
);
create table movement_commitment (
  registration_id bigint not null references movement_registration (id) on delete cascade,
  criterion_id bigint not null references movement_criterion (id) on delete cascade,
  committed numeric not null,
  primary key (registration_id, criterion_id)
);
