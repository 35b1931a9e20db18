-- Reward money (tiền thưởng, NĐ 152/2025 Art 49–56): the yearly fund of an authority (quỹ thi đua, khen thưởng) and
-- the payments made to each awardee of its decisions. The amounts owed are not stored: they follow from the
-- catalogue (coefficient × base salary on the decision date, rounding setting) and the decisions register.

-- The budget an authority sets aside for reward money in a year; versioned, every change audited.
create table reward_fund (
  id bigint generated always as identity primary key,
  authority_unit_id bigint not null references org_unit(id),
  year integer not null check (year between 1945 and 2200),
  budget bigint not null check (budget >= 0),
  note text,
  version integer not null default 1,
  updated_by bigint,
  updated_at timestamptz not null default now(),
  unique (authority_unit_id, year)
);

-- What was paid to one awardee of an issued decision (one row per awardee, corrected by version).
create table reward_payment (
  id bigint generated always as identity primary key,
  awardee_id bigint not null unique references decision_awardee(id),
  decision_id bigint not null references decision(id),
  amount bigint not null check (amount >= 0),
  paid_on date not null,
  note text,
  version integer not null default 1,
  recorded_by bigint,
  recorded_at timestamptz not null default now()
);
create index reward_payment_decision_idx on reward_payment (decision_id);
