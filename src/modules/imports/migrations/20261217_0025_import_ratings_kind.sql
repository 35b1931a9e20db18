-- A third import kind: yearly ratings of people (evaluations module, issue 12).
alter table import_job drop constraint import_job_kind_check;
alter table import_job add constraint import_job_kind_check check (kind in ('org_units','people','ratings'));
