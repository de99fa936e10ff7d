-- Search (issue 17): the key that signs search cursors, one for all instances of the portal, so that a cursor one
-- instance issued continues on any other (instances behind a load balancer share an OpenSearch index, or hold
-- Lucene indices of the same catalog). Made on first use; owned by the search module.
create table search_cursor_key (
    id  smallint primary key check (id = 1),
    key bytea    not null
);
