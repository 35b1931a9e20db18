-- Same-day corrections of a rename or move (issue 12 review). History is not overwritten: the correction is a
-- new version row naming the row it corrects (corrects_id) and a new event naming the event it corrects; the
-- corrected row keeps its name, parent and event, but its period shrinks to nothing (valid_to = valid_from), so
-- every as-of read (valid_from <= d < valid_to) skips it and the correction takes its place. Readers that pick
-- "the latest version begun by d" break ties by id: the correction is always the newer row.
alter table org_unit_version add column corrects_id bigint references org_unit_version(id);
alter table org_unit_version drop constraint org_unit_version_check;
alter table org_unit_version add constraint org_unit_version_period_check check (valid_to is null or valid_to >= valid_from);
create unique index org_unit_version_corrects_idx on org_unit_version (corrects_id) where corrects_id is not null;
alter table org_event add column corrects_event_id bigint references org_event(id);
