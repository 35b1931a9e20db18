-- An account's e-mail address, for notifications by e-mail (issue 12 §7; sent only when SMTP_URL is set).
-- Optional: an account without one gets in-app notifications only.
alter table app_user add column email text check (email is null or (length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'));
