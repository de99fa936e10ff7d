-- Admins' corrections to the licence table that ships with the app (catalog/sources.csv): one row per source
-- dataset, overriding the shipped licence, redistributability and citation. Kept in the catalog database so that
-- every instance sees the same table.
create table source_licence (
    release_name    text primary key,
    licence         text not null,
    redistributable text not null check (redistributable in ('yes', 'no', 'conditional', 'unknown')),
    citation        text,
    updated_by      text not null,
    updated_at      timestamptz not null default now()
);
