-- Ranking all clusters of a year reads scorecards by year, with each card's points per criteria group kept with the
-- total (for the tie-break), so it never sums the score rows; proposals remember the dossiers they made.
alter table cluster_scorecard add column groups jsonb not null default '{}';
create index cluster_scorecard_year on cluster_scorecard (year, cluster_id, total desc);
create table cluster_proposal (
  cluster_id bigint not null references cluster(id),
  year int not null,
  award_code text not null,
  dossier_id bigint not null,
  unit_ids bigint[] not null,
  made_at timestamptz not null default now(),
  primary key (cluster_id, year, award_code)
);
