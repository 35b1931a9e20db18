-- In-app notifications (thông báo, issue 12 §7): one row per recipient, written in the transaction of what it
-- tells about. The text is rendered when read, from `kind` and `params`, in the reader's language. `emailed_at`:
-- when the e-mail job sent it (only with SMTP_URL), so a retried job never sends it twice.
create table notification (
  id bigint generated always as identity primary key,
  user_id bigint not null references app_user(id),
  kind text not null,
  params jsonb not null default '{}',
  link text,
  entity text,
  entity_id bigint,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  emailed_at timestamptz
);

-- A user's latest first, and the unread count (the bell).
create index notification_user_idx on notification (user_id, id desc);
create index notification_unread_idx on notification (user_id) where read_at is null;
