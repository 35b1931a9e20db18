-- Council sessions (phiên họp Hội đồng Thi đua - Khen thưởng): members with their roles and attendance, the
-- candidates and awards voted on, and the secret ballot. A paper ballot's counts are entered per candidate; a vote
-- cast in the app is one anonymous ballot per member: who voted (council_voter) and what was voted (council_ballot)
-- are kept in separate tables with nothing in common but the session — no member, no user, no time, no ordered id
-- on a ballot — so that no table links a ballot to its member.
create table council_session (
  id bigint generated always as identity primary key,
  org_unit_id bigint not null references org_unit(id),
  -- What the session is for: annual_review | dossier | other (checked by the API's schema; no check constraint here, its
  -- words would read as other modules' table names to the ownership check).
  purpose text not null,
  -- What the session decides on (the annual review or dossier of the module that opened it); no foreign key.
  ref_id bigint,
  title text not null,
  meets_on date not null,
  ballot text not null check (ballot in ('paper', 'app')),
  status text not null default 'open' check (status in ('open', 'closed')),
  version integer not null default 1,
  created_by bigint,
  created_at timestamptz not null default now(),
  closed_at timestamptz
);
create index council_session_unit_idx on council_session (org_unit_id, meets_on desc);
create index council_session_ref_idx on council_session (purpose, ref_id) where ref_id is not null;

create table council_session_member (
  id bigint generated always as identity primary key,
  session_id bigint not null references council_session(id),
  name text not null,
  role text not null check (role in ('chair', 'vice_chair', 'member', 'secretary')),
  -- The account that casts the member's vote in the app (optional for a paper ballot).
  user_id bigint references app_user(id),
  person_id bigint references person(id),
  attendance text not null default 'present' check (attendance in ('present', 'absent')),
  -- An absent member's vote in writing was received (it counts like a ballot, NĐ 98/2023 Art 30(7)).
  written_vote boolean not null default false,
  check (attendance = 'absent' or not written_vote)
);
create index council_session_member_session_idx on council_session_member (session_id);
create unique index council_session_member_user_idx on council_session_member (session_id, user_id) where user_id is not null;

create table council_candidate (
  id bigint generated always as identity primary key,
  session_id bigint not null references council_session(id),
  person_id bigint references person(id),
  unit_id bigint references org_unit(id),
  award_code text not null,
  ref_id bigint,
  -- Counts of a paper ballot, written votes of absent members included; null until entered.
  yes_count integer check (yes_count >= 0),
  no_count integer check (no_count >= 0),
  blank_count integer check (blank_count >= 0),
  check ((person_id is null) <> (unit_id is null))
);
create index council_candidate_session_idx on council_candidate (session_id);
create unique index council_candidate_once_idx on council_candidate (session_id, coalesce(person_id, 0), coalesce(unit_id, 0), award_code);

-- Who has voted in the app: one row per member, so that a member votes once. No time, no ballot.
create table council_voter (
  session_id bigint not null references council_session(id),
  member_id bigint not null references council_session_member(id),
  primary key (session_id, member_id)
);

-- What was voted: one ballot per voter, its choices per candidate id ("yes" | "no" | "blank"). A random id, no
-- member, no time: nothing links it to a voter.
create table council_ballot (
  id uuid primary key default gen_random_uuid(),
  session_id bigint not null references council_session(id),
  choices jsonb not null
);
create index council_ballot_session_idx on council_ballot (session_id);
