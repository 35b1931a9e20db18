-- Titles and awards written by the decisions register name the decision they come from (no foreign key: the
-- decisions module sits above people), so that a decision's history rows can be found, and later revoked, together.
alter table person_title add column decision_id bigint;
alter table unit_title add column decision_id bigint;
alter table award_record add column decision_id bigint;
create index person_title_decision_idx on person_title (decision_id) where decision_id is not null;
create index unit_title_decision_idx on unit_title (decision_id) where decision_id is not null;
create index award_record_decision_idx on award_record (decision_id) where decision_id is not null;
