-- Second factor (TOTP, RFC 6238) for sign-in (Circular 19/2026/TT-BNV asks for multi-factor login).
-- The TOTP secret must be readable to check a code, so it is stored as is (like the server's own keys); the
-- tokens of sign-in challenges and remembered devices, and the recovery codes, are stored as SHA-256 only.
alter table app_user add column mfa_secret text;
-- A secret shown during enrolment, until the user confirms it with a code.
alter table app_user add column mfa_pending_secret text;
alter table app_user add column mfa_enabled_at timestamptz;
-- The last TOTP time step accepted: a code is good once (no replay within its 30-second window).
alter table app_user add column mfa_last_step bigint;

-- Ten single-use recovery codes per enrolment (80 random bits each, so a plain SHA-256 is enough).
create table user_recovery_code (
  id bigint generated always as identity primary key,
  user_id bigint not null references app_user(id),
  code_hash text not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index user_recovery_code_user_idx on user_recovery_code (user_id);

-- A password accepted, the second factor still to come: short-lived, its token in an HttpOnly cookie.
create table mfa_challenge (
  token_hash text primary key,
  user_id bigint not null references app_user(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index mfa_challenge_user_idx on mfa_challenge (user_id);

-- Browsers where the user chose "remember this device": the second factor is skipped there until expiry.
create table mfa_trusted_device (
  token_hash text primary key,
  user_id bigint not null references app_user(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  user_agent text
);
create index mfa_trusted_device_user_idx on mfa_trusted_device (user_id);
