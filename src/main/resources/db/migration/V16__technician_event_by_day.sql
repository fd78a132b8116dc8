-- The phone's route reads the technician's reports of a day (started, ended, on a break) on every poll.
create index technician_event_by_day on technician_event (technician_id, occurred_at);
