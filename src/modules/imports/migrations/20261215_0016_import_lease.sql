-- A job being parsed or applied is leased to the process doing it (jobs.ts): the process renews `lease_until`
-- while it works; recovery gives back jobs whose lease ran out (their process stopped). `lease_owner` is the
-- claim's random token: the owner's writes to the job check it, so an apply given back and claimed again by
-- another request can never commit twice.
alter table import_job add column lease_owner text;
alter table import_job add column lease_until timestamptz;
create index import_job_lease_idx on import_job (lease_until) where status in ('parsing', 'applying');
