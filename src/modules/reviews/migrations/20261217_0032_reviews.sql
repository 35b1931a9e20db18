-- The annual review (bình xét) of a unit for a year: the candidates the engine proposed (with their reasons and
-- the registration check), the council session that voted on them (councils' session id), and what became of each
-- candidate once the review was concluded (a decision of the unit, or a dossier to the level above).
create table annual_review (
  id bigint generated always as identity primary key,
  org_unit_id bigint not null references org_unit(id),
  year integer not null check (year between 1945 and 2200),
  -- the day the engine judged the candidates, and the review rule set (reviews/data/review-rules.yaml) applied
  as_of date not null,
  rule_set_id text not null,
  status text not null default 'draft' check (status in ('draft', 'council', 'concluded')),
  council_session_id bigint,
  version integer not null default 1,
  created_by bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  concluded_at timestamptz,
  unique (org_unit_id, year)
);

create table review_candidate (
  id bigint generated always as identity primary key,
  review_id bigint not null references annual_review(id),
  subject_kind text not null check (subject_kind in ('individual', 'collective')),
  person_id bigint references person(id),
  unit_id bigint references org_unit(id),
  name text not null,
  award_code text not null,
  -- what the engine said, and the status after the registration check (needs_review without a registration)
  engine_status text not null check (engine_status in ('eligible', 'needs_review')),
  status text not null check (status in ('eligible', 'needs_review')),
  registration text not null check (registration in ('registered', 'missing', 'not_required')),
  -- { vi, en, basis, uncertain } of the registration rule when it changed the status
  registration_rule jsonb,
  -- the engine's reasons: { vi, en, missing[], missingEn[] }
  reason jsonb not null,
  included boolean not null default true,
  council_candidate_id bigint,
  outcome text check (outcome in ('unit_decision', 'sent_up', 'not_passed', 'left_out')),
  decision_id bigint,
  dossier_id bigint,
  check ((subject_kind = 'individual') = (person_id is not null)),
  unique (review_id, subject_kind, person_id, unit_id, award_code)
);
create index review_candidate_review_idx on review_candidate (review_id, id);
