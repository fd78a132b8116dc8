-- Incident linking: a visit planned for a ticket that an incident or a declared outage already covers carries the
-- reason it is needed anyway; such a visit is not cancelled when the incident's one visit replaces the callers' own.
alter table visit add column separate_visit_reason text;
