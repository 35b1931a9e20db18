-- Accounts, roles bound to an org node (and its subtree), and server-side sessions.
create table app_user (
  id bigint generated always as identity primary key,
  username text not null,
  display_name text not null,
  password_hash text not null,
  person_id bigint references person(id),
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  must_change_password boolean not null default false,
  locale text not null default 'vi' check (locale in ('vi','en')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  last_login_at timestamptz
);
create unique index app_user_username_idx on app_user (lower(username));

create table user_role (
  id bigint generated always as identity primary key,
  user_id bigint not null references app_user(id),
  role text not null check (role in ('system_admin','board_specialist','board_leader','council_member','unit_officer','unit_leader','viewer')),
  org_unit_id bigint not null references org_unit(id),
  created_at timestamptz not null default now(),
  unique (user_id, role, org_unit_id)
);

-- Only the SHA-256 of the session token is stored; the token lives in an HttpOnly cookie.
create table user_session (
  token_hash text primary key,
  user_id bigint not null references app_user(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  ip text,
  user_agent text
);
create index user_session_user_idx on user_session (user_id);
