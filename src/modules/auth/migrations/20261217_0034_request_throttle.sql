-- Counters of the sign-in throttle (@fastify/rate-limit's store, auth/throttle-store.ts): per client address and
-- route, per window. In the database, so every app instance on it counts the same attempts (issue 12 §8: nothing a
-- second instance would need lives in process memory).
create table request_throttle (
  key text primary key,
  hits int not null,
  window_ends timestamptz not null
);
create index request_throttle_window_idx on request_throttle (window_ends);
