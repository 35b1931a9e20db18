-- Emulation clusters and blocks (cụm, khối thi đua): members and head/deputy per year, scorecards per member and year.
create table cluster (
  id bigserial primary key,
  kind text not null check (kind in ('cluster', 'block')),
  name text not null,
  authority_unit_id bigint not null references org_unit(id),
  sheet_id text not null,
  flag_count int not null default 1 check (flag_count >= 0),
  merit_count int not null default 2 check (merit_count >= 0),
  invented boolean not null default false,
  version int not null default 1,
  created_at timestamptz not null default now()
);

-- Members per year; a row moved to a successor after a merger or split stays, closed (history kept).
create table cluster_member (
  id bigserial primary key,
  cluster_id bigint not null references cluster(id),
  year int not null,
  unit_id bigint not null references org_unit(id),
  moved_from_unit_id bigint references org_unit(id),
  moved_to_unit_id bigint references org_unit(id),
  moved_on date,
  active boolean not null default true
);
create unique index cluster_member_active on cluster_member (cluster_id, year, unit_id) where active;
create index cluster_member_unit on cluster_member (unit_id) where active;

-- Head and deputy per year (rotation); every change is a new row, the latest one counts.
create table cluster_role (
  id bigserial primary key,
  cluster_id bigint not null references cluster(id),
  year int not null,
  head_unit_id bigint not null references org_unit(id),
  deputy_unit_id bigint references org_unit(id),
  set_by bigint,
  set_at timestamptz not null default now()
);
create index cluster_role_year on cluster_role (cluster_id, year, id);

create table cluster_scorecard (
  id bigserial primary key,
  cluster_id bigint not null references cluster(id),
  year int not null,
  unit_id bigint not null references org_unit(id),
  state text not null default 'draft' check (state in ('draft', 'submitted', 'verified', 'reviewed', 'published')),
  total numeric(10, 2) not null default 0,
  version int not null default 1,
  unique (cluster_id, year, unit_id)
);

-- Points per leaf criterion at each stage; who verified and who reviewed, for each reviewer's spread.
create table cluster_score (
  scorecard_id bigint not null references cluster_scorecard(id),
  criterion text not null,
  self_points numeric(10, 2),
  verified_points numeric(10, 2),
  verified_by bigint,
  final_points numeric(10, 2),
  reviewed_by bigint,
  primary key (scorecard_id, criterion)
);

-- Conflicts of interest declared by a reviewer: recused from scoring that unit that year.
create table cluster_conflict (
  id bigserial primary key,
  cluster_id bigint not null references cluster(id),
  year int not null,
  user_id bigint not null,
  unit_id bigint not null references org_unit(id),
  reason text not null,
  declared_at timestamptz not null default now(),
  unique (cluster_id, year, user_id, unit_id)
);
