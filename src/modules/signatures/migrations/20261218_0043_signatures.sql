-- Signed copies of issued decisions (issue 13 §5). A clerk uploads the PDF the signer signed digitally (an embedded
-- CMS/PKCS#7 detached signature, Nghị định 30/2020 on electronic documents); it is stored only once its signature
-- verified against a trusted root. Nothing is overwritten: a later upload adds a row, the newest is the one shown.
create table decision_signature (
  id bigint generated always as identity primary key,
  decision_id bigint not null references decision(id),
  pdf bytea not null,
  sha256 text not null,
  file_name text not null,
  -- The signer certificate's subject common name, organisation, serial number (hex) and issuer's common name.
  signer_name text not null,
  organisation text,
  serial text not null,
  issuer_name text,
  -- The signingTime signed attribute (null when the signer did not put one; then the upload time was checked).
  signed_at timestamptz,
  sub_filter text not null,
  digest_algorithm text not null,
  verified_at timestamptz not null,
  uploaded_by bigint,
  uploaded_at timestamptz not null default now()
);
create index decision_signature_decision_idx on decision_signature (decision_id, id desc);

-- Root certificates an admin trusts in addition to the SIGNATURE_TRUST_ROOTS file. Removing one keeps the row
-- (removed_at): a copy verified while it was trusted stays verified.
create table signature_trust_root (
  id bigint generated always as identity primary key,
  label text not null,
  pem text not null,
  subject text not null,
  fingerprint_sha256 text not null,
  not_before timestamptz not null,
  not_after timestamptz not null,
  version integer not null default 1,
  created_by bigint,
  created_at timestamptz not null default now(),
  removed_at timestamptz
);
create unique index signature_trust_root_active_uidx on signature_trust_root (fingerprint_sha256) where removed_at is null;
