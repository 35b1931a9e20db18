-- Every transition of a dossier, written in the transaction that changes its state, and the structured reasons of
-- a return (which nominee, which part, which criterion).
create table dossier_event (
  id bigserial primary key,
  dossier_id bigint not null references dossier(id),
  at timestamptz not null default now(),
  actor_id bigint references app_user(id),
  actor_name text not null,
  action text not null,
  from_state text,
  to_state text not null,
  reason jsonb,
  version int not null,                 -- the dossier's version after this event (a 409 lists the events since)
  idempotency_key text,
  unique (actor_id, idempotency_key)
);
create index dossier_event_dossier_idx on dossier_event (dossier_id, id);

create table dossier_return_reason (
  id bigserial primary key,
  dossier_id bigint not null references dossier(id),
  event_id bigint not null references dossier_event(id),
  nominee_id bigint references dossier_nominee(id),
  part_kind text,
  criterion text,
  note text not null,
  resolved_event_id bigint references dossier_event(id)
);
create index dossier_return_reason_dossier_idx on dossier_return_reason (dossier_id);
