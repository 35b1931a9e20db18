-- A per-person digest of every fact the eligibility loaders read (hồ sơ thành tích tóm tắt), kept in step with the
-- fact tables, so that discovery reads one row per person instead of eight statements over ~15 rows per person.
-- The digest holds the facts unfiltered by date; the reader applies `asOf` exactly as the loaders' statements do
-- (history-digest.ts; a test holds the two equal). History is never overwritten: the digest is derived data,
-- rebuilt from the fact tables at any time.
--
-- Freshness: the people module's change feed says who changed since (people migration 0017, which now holds the
-- log, its triggers and the document of a person's facts that were first written here); person_history_refresh_stale()
-- (migration 0018) turns the people it hands over into fresh digests; discovery runs it before it reads, bulk
-- writers (seed, import) after they write. A digest is therefore never older than the last committed write at the
-- moment discovery starts.
-- fillfactor leaves room for in-page (HOT) rewrites: PGlite has no autovacuum to reclaim dead versions.
create table person_history_digest (
  person_id bigint primary key references person(id) on delete cascade,
  doc text not null,
  refreshed_at timestamptz not null default now()
) with (fillfactor = 80);
