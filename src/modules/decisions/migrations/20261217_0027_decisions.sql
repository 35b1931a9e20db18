-- The decisions register (sổ quyết định khen thưởng). A decision is a draft until it is issued; only issuing takes a
-- number, from the counter row of its authority, kind and year, locked in the issuing transaction: a rolled-back
-- issue leaves no hole and a discarded draft never took a number (Nghị định 30/2020 Art 15: numbers run from 01 on
-- 1 January, unique in the year). A decision made elsewhere (Thủ tướng, Bộ…) is recorded with the number it bears.

-- The last number given per authority, kind ("QĐ-UBND") and year.
create table decision_number_counter (
  authority_unit_id bigint not null references org_unit(id),
  kind text not null,
  year integer not null check (year between 1945 and 2200),
  last_number integer not null default 0 check (last_number >= 0),
  primary key (authority_unit_id, kind, year)
);

create table decision (
  id bigint generated always as identity primary key,
  -- The unit whose register holds the decision: the issuer, or for a decision made elsewhere the unit recording it.
  authority_unit_id bigint not null references org_unit(id),
  kind text not null,
  status text not null default 'draft' check (status in ('draft', 'issued', 'discarded')),
  -- Issued here: the running number of the year; made elsewhere: null (the number is as given in number_text).
  year integer check (year between 1945 and 2200),
  number integer check (number > 0),
  number_text text,
  external_authority text,
  decided_on date,
  signer_name text,
  signer_title text,
  summary text,
  award_code text not null,
  award_type text not null check (award_type in ('merit', 'sudden', 'movement', 'contribution', 'seniority', 'external')),
  period_from integer not null check (period_from between 1945 and 2200),
  period_to integer not null check (period_to between 1945 and 2200),
  version integer not null default 1,
  created_by bigint,
  created_at timestamptz not null default now(),
  issued_by bigint,
  issued_at timestamptz,
  check (period_to >= period_from),
  check (status <> 'issued' or (number_text is not null and decided_on is not null)),
  check ((external_authority is null) or number is null)
);
-- A number is given once per authority, kind and year, whatever happens to the decision later.
create unique index decision_number_uidx on decision (authority_unit_id, kind, year, number) where number is not null;
create index decision_authority_idx on decision (authority_unit_id, status, decided_on desc);

-- Who a decision awards: a person or a collective, each with its award (the decision's by default) and, when it
-- answers a dossier, the dossier and nominee it answers (no foreign key: dossiers sit above this module).
create table decision_awardee (
  id bigint generated always as identity primary key,
  decision_id bigint not null references decision(id) on delete cascade,
  person_id bigint references person(id),
  unit_id bigint references org_unit(id),
  award_code text not null,
  dossier_id bigint,
  nominee_id bigint,
  -- Where the awardee belongs (a person's unit when drafted and again when issued, or the collective): an issued
  -- decision is readable by whoever covers one of its awardees, not only by its authority's scope.
  holder_unit_id bigint references org_unit(id),
  check ((person_id is null) <> (unit_id is null))
);
create index decision_awardee_decision_idx on decision_awardee (decision_id);
create index decision_awardee_holder_idx on decision_awardee (holder_unit_id, decision_id);
create index decision_awardee_person_idx on decision_awardee (person_id) where person_id is not null;
create unique index decision_awardee_once_idx on decision_awardee (decision_id, coalesce(person_id, 0), coalesce(unit_id, 0), award_code);
