-- audit() in one round trip for the usual few entries (issue 12's year-end peak): the advisory lock, the chain's
-- end, the hashes and the insert run in the database, so a writer holds the log's one lock for a single statement
-- plus its commit, not for three round trips through the app's event loop (where it waited behind other requests).
-- Each entry arrives with its canonical JSON (`canon`, as audit.ts's canonicalJson makes it); the hash is
-- sha256(previous hash || canon) in hex, byte for byte what hashRow computes, so verifyAuditChain is unchanged.
-- PL/pgSQL takes a new snapshot for each statement (READ COMMITTED): the chain's end is read after the lock is held.
create function audit_append(p_rows jsonb) returns void language plpgsql as $$
declare
  last_id bigint;
  last_hash text;
  r record;
  h text;
begin
  perform pg_advisory_xact_lock(7310002);
  select id, hash into last_id, last_hash from audit_log order by id desc limit 1;
  last_id := coalesce(last_id, 0);
  last_hash := coalesce(last_hash, repeat('0', 64));
  for r in select * from rows from (jsonb_to_recordset(p_rows) as ("at" timestamptz, "actorId" bigint, "actorName" text, "action" text,
             "entity" text, "entityId" text, "orgUnitId" bigint, "before" jsonb, "after" jsonb, "canon" text))
             with ordinality as x("at", "actorId", "actorName", "action", "entity", "entityId", "orgUnitId", "before", "after", "canon", n)
           order by x.n
  loop
    h := encode(sha256(convert_to(last_hash || r.canon, 'UTF8')), 'hex');
    last_id := last_id + 1;
    insert into audit_log (id, at, actor_id, actor_name, action, entity, entity_id, org_unit_id, before, after, prev_hash, hash)
    values (last_id, r."at", r."actorId", r."actorName", r."action", r."entity", r."entityId", r."orgUnitId", r."before", r."after", last_hash, h);
    last_hash := h;
  end loop;
end;
$$;
