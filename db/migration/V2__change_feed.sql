-- A change feed for the search index (and, later, other instances): every mask row carries the sequence number of
-- its last change, and removed masks leave a tombstone. An index that remembers the highest number it has applied
-- catches up by reading what came after it, in order, through an index.
create sequence catalog_change_seq;

alter table mask add column change_seq bigint not null default nextval('catalog_change_seq');
create index mask_by_change on mask (change_seq);

create table mask_removal (
    mask_id    bigint primary key,
    change_seq bigint not null default nextval('catalog_change_seq')
);
create index mask_removal_by_change on mask_removal (change_seq);
