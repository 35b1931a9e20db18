-- Public consultation comments (entered by officers until the public portal exists) and concurrence (hiệp y)
-- requests to other agencies with their answers and deadlines.
create table dossier_comment (
  id bigserial primary key,
  dossier_id bigint not null references dossier(id),
  nominee_id bigint references dossier_nominee(id),
  commenter text not null,
  content text not null,
  received_on date not null,
  entered_by bigint references app_user(id),
  entered_at timestamptz not null default now()
);
create index dossier_comment_dossier_idx on dossier_comment (dossier_id);

create table dossier_concurrence (
  id bigserial primary key,
  dossier_id bigint not null references dossier(id),
  agency text not null,
  agency_unit_id bigint references org_unit(id),
  requested_on date not null,
  due_on date not null,
  requested_by bigint references app_user(id),
  answer text check (answer in ('agree', 'disagree')),
  answer_note text,
  answered_on date,
  answered_by bigint references app_user(id),
  version int not null default 1
);
create index dossier_concurrence_dossier_idx on dossier_concurrence (dossier_id);
