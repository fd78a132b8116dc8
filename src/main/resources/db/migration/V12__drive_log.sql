-- The trail of a technician's positions (every position a phone reports, also those that come with events), kept
-- a week: long enough to measure each drive when the technician arrives.
create table technician_position (
    technician_id bigint           not null references technician (id),
    recorded_at   timestamptz      not null,
    latitude      double precision not null,
    longitude     double precision not null,
    primary key (technician_id, recorded_at)
);

-- One measured drive: from the EN_ROUTE report to the ARRIVED report at the same visit, or to the first position of
-- the trail at the site when the van got there earlier and waited (arrived_at is when it reached the site). The trail in between gives
-- the distance driven and the longest stop; a break reported in between marks it. Drive speeds are learned from
-- the plain ones (routing/DriveSpeeds).
create table measured_drive (
    visit_id          bigint           primary key references visit (id) on delete cascade,
    technician_id     bigint           not null references technician (id),
    region_id         bigint           not null references region (id),
    departed_at       timestamptz      not null,
    arrived_at        timestamptz      not null,
    from_latitude     double precision not null,
    from_longitude    double precision not null,
    to_latitude       double precision not null,
    to_longitude      double precision not null,
    direct_meters     double precision not null,
    trail_meters      double precision not null,
    trail_points      int              not null,
    longest_stop_seconds bigint        not null,
    had_break         boolean          not null
);
create index measured_drive_region on measured_drive (region_id, departed_at);
