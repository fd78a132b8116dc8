-- "Where is the technician?" counts the visits a technician has before the caller's on that day: the technician's
-- visits from the start of the day to the caller's planned start. With the planned start in the index this stays a
-- short range scan however many days of history a technician has; the index on technician_id alone is a prefix
-- of it and goes.
create index visit_technician_start on visit (technician_id, planned_start);
drop index visit_technician;
