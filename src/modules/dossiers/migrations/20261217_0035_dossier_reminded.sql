-- The day a dossier's holders were last reminded of its deadline (reminders.ts): one reminder a day at most, and
-- a second app instance running the same daily job finds nothing left to remind.
alter table dossier add column reminded_on date;
