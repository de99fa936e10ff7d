-- The catalog: source datasets, their labels, where each file is, images and masks.
-- Release paths are relative to the release root (images/..., masks/...); file_source says where that root is.

create table dataset (
    id       integer generated always as identity primary key,
    name     text not null unique,
    licence  text,
    citation text
);

create table label (
    id         integer generated always as identity primary key,
    dataset_id integer not null references dataset (id),
    class_id   text    not null check (class_id ~ '^[0-9]{4}$'),
    name       text    not null,
    unique (dataset_id, class_id)
);

-- A release folder (location = absolute path of the folder holding SAMed2D_v1.json) or an archive
-- (location = absolute path of the .zip, prefix = the release root inside it).
create table file_source (
    id       integer generated always as identity primary key,
    location text not null,
    kind     text not null check (kind in ('folder', 'zip')),
    prefix   text not null default '',
    unique (location, prefix)
);

-- entry_offset/entry_size/entry_method locate a file inside an archive (local header offset across all parts,
-- stored size, ZIP method) so pixels are read with one seek; they are null for folders.
create table image (
    id            bigint generated always as identity primary key,
    path          text     not null unique,
    source_id     integer  not null references file_source (id),
    entry_offset  bigint,
    entry_size    bigint,
    entry_method  smallint,
    byte_size     bigint   not null,
    modality      text     not null,
    base_modality text     not null,
    sub_modality  text,
    dataset_id    integer  not null references dataset (id),
    case_name     text     not null,
    axis          text     not null check (axis in ('x', 'y', 'z', '2d')),
    slice         integer,
    width         integer  not null,
    height        integer  not null
);

create index image_by_case on image (dataset_id, case_name, axis, slice);
create index image_by_modality on image (base_modality);

-- Geometry (area, bbox inclusive, centroid) is null until the geometry pass has decoded the mask.
create table mask (
    id           bigint generated always as identity primary key,
    image_id     bigint   not null references image (id),
    label_id     integer  not null references label (id),
    instance     integer  not null,
    path         text     not null,
    source_id    integer  not null references file_source (id),
    entry_offset bigint,
    entry_size   bigint,
    entry_method smallint,
    byte_size    bigint   not null,
    area         bigint,
    bbox_x0      integer,
    bbox_y0      integer,
    bbox_x1      integer,
    bbox_y1      integer,
    centroid_x   double precision,
    centroid_y   double precision,
    unique (image_id, label_id, instance)
);

create index mask_by_label on mask (label_id);
create index mask_geometry_pending on mask (id) where area is null;
