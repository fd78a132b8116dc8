-- What a signed-in person's pages start with: the region they work in and the language they read. One row per
-- login (the demo users', a technician's login, or the name the identity provider gives); no row: the defaults.
create table user_preference (
    login          varchar(100) primary key,
    home_region_id bigint       references region (id) on delete set null,
    language       varchar(5),
    version        bigint       not null default 0,
    updated_at     timestamptz  not null default now(),
    constraint user_preference_language check (language in ('en', 'ja'))
);
