-- A technician on site may report that the job runs long: "about N more minutes". The event keeps the minutes; the
-- visit keeps when the job is now expected to end and when that was said, for the live estimates of the day.
alter table technician_event add column minutes_left integer;
alter table technician_event add constraint technician_event_minutes_left check (minutes_left between 1 and 480);
alter table visit add column expected_done_at timestamptz;
alter table visit add column expected_done_reported_at timestamptz;
