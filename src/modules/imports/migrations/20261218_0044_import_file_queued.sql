-- Imports go through pg-boss (issue 12 §8): the upload stores the file on its job and enqueues the parsing, so any
-- app process may parse it (nothing waits in the memory of the process that took the upload). The file is dropped
-- once its rows are staged. `scope` is the uploader's scope when the file came in (validation checks rows against
-- it; the apply checks again against the applying user's).
alter table import_job add column file bytea;
alter table import_job add column scope jsonb;
