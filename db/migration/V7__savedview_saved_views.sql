-- Saved views: a signed-in user's explore states under names of their own. The query is the explore page's URL
-- query (the REST API's filter parameters plus sort); it is kept as text and read again with the parser of the day,
-- so a view saved before a parameter changed still opens, minus what no longer applies.
create table saved_view (
    id         bigserial primary key,
    owner      text not null,
    name       text not null check (length(name) between 1 and 100),
    query      text not null check (length(query) <= 8000),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (owner, name)
);
