-- audit() assigns ids itself (last id + 1, under its advisory lock) instead of an identity sequence: a rolled-back
-- transaction leaves no hole, so a hole in the ids means a lost row and `audit-verify` reports it.
alter table audit_log alter column id drop identity if exists;
-- Rows written before this migration took their ids from the sequence, whose rolled-back values left harmless
-- holes (the hash chain still links each row to the one before it). Holes are breaks from this id on.
create table audit_contiguous_ids (from_id bigint not null);
insert into audit_contiguous_ids (from_id) select coalesce(max(id), 0) + 1 from audit_log;
