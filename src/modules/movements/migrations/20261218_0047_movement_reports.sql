-- Progress reports (báo cáo tiến độ) per unit and period, versioned; one figure per criterion, with its attainment
-- (0..1 against the target) kept at write so the dashboard only sums.
create table movement_report (
  id bigserial primary key,
  movement_id bigint not null references movement (id) on delete cascade,
  unit_id bigint not null,
  period_id bigint not null references movement_period (id) on delete cascade,
  note text not null default '',
  late boolean not null default false,
  score numeric(7, 3) not null default 0,
  version int not null default 1,
  submitted_on date not null,
  submitted_by bigint,
  unique (movement_id, unit_id, period_id)
);
create index movement_report_period_idx on movement_report (movement_id, period_id);
create table movement_figure (
  report_id bigint not null references movement_report (id) on delete cascade,
  criterion_id bigint not null references movement_criterion (id) on delete cascade,
  value numeric not null,
  attainment numeric(6, 4) not null,
  primary key (report_id, criterion_id)
);
create index movement_figure_criterion_idx on movement_figure (criterion_id);

-- Running totals per criterion and period, kept by every report write (a correction takes its old figures out), so
-- the movement-wide dashboard reads a few hundred rows instead of summing every figure.
create table movement_tally (
  movement_id bigint not null references movement (id) on delete cascade,
  criterion_id bigint not null references movement_criterion (id) on delete cascade,
  period_id bigint not null references movement_period (id) on delete cascade,
  reported int not null,
  on_target int not null,
  attainment_sum numeric not null,
  primary key (criterion_id, period_id)
);
create index movement_tally_movement_idx on movement_tally (movement_id);

-- The final review (tổng kết): a weighted result per unit; candidates reach the movement's threshold.
create table movement_result (
  movement_id bigint not null references movement (id) on delete cascade,
  unit_id bigint not null,
  score numeric(7, 3) not null,
  candidate boolean not null,
  reasons text not null,
  dossier_id bigint,
  primary key (movement_id, unit_id)
);
