-- Certificates (bằng, giấy chứng nhận) of issued decisions: one per awardee, made in the issuing transaction. Each
-- carries its register number (số sổ khen thưởng: a series per awarding authority and year, gap-free, taken from the
-- counter row the issuing transaction locks, like decision numbers), an unguessable code the QR encodes and a short
-- code for typing. What is printed is kept as issued (name, unit, award, decision), so a certificate printed again
-- reads the same and the public verification reads one row.

create table certificate_register_counter (
  authority_unit_id bigint not null references org_unit(id),
  year integer not null check (year between 1945 and 2200),
  last_number integer not null default 0 check (last_number >= 0),
  primary key (authority_unit_id, year)
);

create table award_certificate (
  id bigint generated always as identity primary key,
  decision_id bigint not null references decision(id),
  awardee_id bigint not null references decision_awardee(id),
  authority_unit_id bigint not null references org_unit(id),
  year integer not null check (year between 1945 and 2200),
  register_number integer not null check (register_number > 0),
  -- 20 letters of a 31-letter alphabet (≈ 99 bits), and 10 of them for typing (≈ 49 bits); no 0/O, 1/I/L.
  code text not null check (code ~ '^[2-9A-HJKMNP-Z]{20}$'),
  short_code text not null check (short_code ~ '^[2-9A-HJKMNP-Z]{10}$'),
  subject_kind text not null check (subject_kind in ('person', 'unit')),
  full_name text not null,
  unit_name text,
  award_code text not null,
  award_name text not null,
  award_text text not null,
  decision_number text not null,
  decided_on date not null,
  authority_name text not null,
  signer_title text,
  signer_name text,
  created_at timestamptz not null default now()
);
create unique index award_certificate_code_uidx on award_certificate (code);
create unique index award_certificate_short_code_uidx on award_certificate (short_code);
create unique index award_certificate_register_uidx on award_certificate (authority_unit_id, year, register_number);
create unique index award_certificate_awardee_uidx on award_certificate (awardee_id);
create index award_certificate_decision_idx on award_certificate (decision_id, register_number);
