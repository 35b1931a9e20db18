-- Documents made from the data in the Decree 30/2020 format (issue 13): a decision with its attached list, a
-- dossier's submission letter (tờ trình) and cover list (danh mục hồ sơ), a nominee's achievement report (báo cáo
-- thành tích), a council session's minutes (biên bản họp). One row per document: its editable draft text until it is
-- issued, then the bytes of the .docx and the .pdf as issued with their sha256 — never made again (an issued row is
-- never updated: a trigger refuses it).
create table document (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('decision', 'submission_letter', 'dossier_cover', 'achievement_report', 'council_minutes')),
  -- What it is made from: the decision, the dossier, the dossier nominee or the council session (no foreign key: those
  -- modules sit below this one, and a nominee or session id is only meaningful with its kind).
  ref_id bigint not null,
  status text not null default 'draft' check (status in ('draft', 'issued')),
  -- The text a user edited before issue (keys per kind, checked by the API); empty = the text made from the data.
  content jsonb not null default '{}'::jsonb,
  docx bytea,
  pdf bytea,
  docx_sha256 text,
  pdf_sha256 text,
  issued_at timestamptz,
  issued_by bigint references app_user(id),
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  unique (kind, ref_id),
  check (status = 'draft' or (docx is not null and pdf is not null and docx_sha256 is not null and pdf_sha256 is not null and issued_at is not null))
);

create function document_issued_is_final() returns trigger language plpgsql as $$
begin
  if old.status = 'issued' then
    raise exception 'document % was issued: it is never changed', old.id using errcode = 'check_violation';
  end if;
  return new;
end $$;

create trigger document_issued_is_final before update or delete on document
  for each row execute function document_issued_is_final();
