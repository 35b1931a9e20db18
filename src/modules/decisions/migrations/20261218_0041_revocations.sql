-- Revocation of awards (hủy bỏ quyết định khen thưởng, thu hồi hiện vật và tiền thưởng; Luật Thi đua, khen thưởng
-- 2022 Art 93). A revocation is itself a decision of the register: it takes its number from the same counter as an
-- issue (authority, kind, year; gap-free, rolled back with its transaction), names the issued decision it revokes and
-- which of its awardees (all or some); an awardee is revoked at most once. The certificate and the money handed back
-- are recorded later, per awardee, versioned.

create table decision_revocation (
  id bigint generated always as identity primary key,
  -- The issued decision whose awards are revoked.
  decision_id bigint not null references decision(id),
  -- The register (authority, kind, year) the revocation's own number is taken from.
  authority_unit_id bigint not null references org_unit(id),
  kind text not null,
  year integer not null check (year between 1945 and 2200),
  -- Made here: the running number of the register; made elsewhere (the revoked decision was): null, and the number
  -- and authority as given.
  number integer check (number > 0),
  number_text text not null,
  external_authority text,
  decided_on date not null,
  signer_name text not null,
  signer_title text,
  -- Law Art 93: fraudulent declaration, false documents, unlawful procedure, a later finding, stripping (tước), other.
  ground text not null check (ground in ('fraudulent_declaration', 'false_documents', 'unlawful_procedure', 'later_violation', 'stripped', 'other')),
  reason text not null check (length(reason) > 0),
  legal_basis text not null check (length(legal_basis) > 0),
  version integer not null default 1,
  created_by bigint,
  created_at timestamptz not null default now(),
  check ((external_authority is null) = (number is not null))
);
create unique index decision_revocation_number_uidx on decision_revocation (authority_unit_id, kind, year, number) where number is not null;
create index decision_revocation_decision_idx on decision_revocation (decision_id);

-- Each awardee a revocation strips, and what was recovered from them (hiện vật: the certificate; tiền thưởng).
create table decision_revocation_awardee (
  id bigint generated always as identity primary key,
  revocation_id bigint not null references decision_revocation(id),
  awardee_id bigint not null references decision_awardee(id),
  certificate_recovered_on date,
  money_amount numeric(16, 0) check (money_amount is null or money_amount >= 0),
  money_recovered_on date,
  recovery_note text,
  version integer not null default 1,
  updated_by bigint,
  updated_at timestamptz
);
-- An awardee is revoked once: a second revocation of the same award is refused here too.
create unique index decision_revocation_awardee_once_idx on decision_revocation_awardee (awardee_id);
create index decision_revocation_awardee_rev_idx on decision_revocation_awardee (revocation_id);
