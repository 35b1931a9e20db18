-- People search: finer statistics on search_text so the planner's estimate of how many people match a
-- name pattern is close (the default 100-bucket histogram guessed ~11,000 of 300,000 rows for any rare
-- name). search.ts uses that estimate to choose between collecting trigram matches first and walking the
-- sort_key index. PGlite has no autovacuum, so analyse now; the demo seed analyses after loading.
alter table person alter column search_text set statistics 1000;
analyze person;
