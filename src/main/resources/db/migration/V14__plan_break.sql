-- Where a plan puts the technician's break: before driving to this visit (false: not here, or absorbed in a wait
-- at the customer's door). Arrival windows sample the day from the plan's drives, which then exclude the break.
alter table plan_assignment add column break_before boolean not null default false;
