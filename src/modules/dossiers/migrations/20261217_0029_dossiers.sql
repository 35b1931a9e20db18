-- Nomination dossiers (hồ sơ đề nghị khen thưởng), their nominees and their parts (issue 12).
create table dossier (
  id bigserial primary key,
  title text not null,
  -- merit (thường xuyên), movement (theo đợt/chuyên đề), sudden (đột xuất), contribution (quá trình cống hiến),
  -- seniority (niên hạn), external (đối ngoại)
  award_type text not null check (award_type in ('merit', 'movement', 'sudden', 'contribution', 'seniority', 'external')),
  award_code text not null,                       -- catalogue.yaml code
  year int,                                       -- the achievement year under review (null: the check's default)
  workflow text not null,                         -- the workflow.yaml version it was created under
  sender_unit_id bigint not null references org_unit(id),
  receiver_unit_id bigint not null references org_unit(id),
  holder_unit_id bigint not null references org_unit(id),   -- where it sits now (sender or receiver, by state)
  hop smallint not null default 1,                -- 1 for the first level, +1 per forward
  source_dossier_id bigint references dossier(id),
  state text not null default 'draft',
  state_since timestamptz not null default now(),
  due_on date,
  act_date date,                                  -- the act a sudden award honours (Law Art 85)
  consultation_until date,
  concluded_on date,
  decision_number text,
  decision_date date,
  decision_id bigint,
  note text,
  created_by bigint not null references app_user(id),
  created_at timestamptz not null default now(),
  idempotency_key text,
  version int not null default 1,
  unique (created_by, idempotency_key)
);
create index dossier_holder_idx on dossier (holder_unit_id, state);
create index dossier_sender_idx on dossier (sender_unit_id, state);
create index dossier_receiver_idx on dossier (receiver_unit_id, state);

create table dossier_nominee (
  id bigserial primary key,
  dossier_id bigint not null references dossier(id),
  subject_kind text not null check (subject_kind in ('individual', 'collective')),
  person_id bigint references person(id),
  unit_id bigint references org_unit(id),
  name text not null,
  -- the engine's check (EligibilityResult) as it was when added, frozen again at each submission
  check_result jsonb not null,
  checked_on date not null,
  eligible text not null check (eligible in ('true', 'false', 'needs_review')),
  override_reason text,
  created_at timestamptz not null default now(),
  check ((subject_kind = 'individual') = (person_id is not null) and (subject_kind = 'collective') = (unit_id is not null)),
  unique (dossier_id, person_id),
  unique (dossier_id, unit_id)
);
create index dossier_nominee_person_idx on dossier_nominee (person_id) where person_id is not null;
create index dossier_nominee_unit_idx on dossier_nominee (unit_id) where unit_id is not null;

-- PDF files kept in the database (bytea): one transaction with the dossier, in every backup, shared by every app
-- instance, never under a web root.
create table dossier_part (
  id bigserial primary key,
  dossier_id bigint not null references dossier(id),
  kind text not null check (kind in ('submission_letter', 'achievement_report', 'council_minutes', 'initiative_recognition', 'other')),
  nominee_id bigint references dossier_nominee(id),
  file_name text not null,
  size_bytes int not null,
  sha256 text not null,
  content bytea not null,
  created_by bigint references app_user(id),
  created_at timestamptz not null default now()
);
create index dossier_part_dossier_idx on dossier_part (dossier_id);
