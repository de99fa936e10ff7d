-- The catalog's identity: made once, when the catalog is, so that an index fed by the change feed can tell this
-- catalog from another one whose change numbers happen to run past what it applied (a database recreated or
-- restored from another installation's backup, the portal pointed at another database, the tables emptied). An
-- index that recorded another identity is rebuilt instead of caught up. Read by the search module through CatalogFeed.
create table catalog_identity (
    id       smallint primary key check (id = 1),
    identity uuid     not null default gen_random_uuid()
);
insert into catalog_identity (id) values (1);
