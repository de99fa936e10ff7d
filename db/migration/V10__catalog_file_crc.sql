-- The CRC-32 of each image and mask file, so an export declares it without reading the file: an archive's central
-- directory states it (and the entry is then copied as stored, never inflated), a folder file's is computed when
-- ingest reads it anyway (images in the names phase, masks in the geometry pass). Null until then, and for files
-- catalogued before this migration: an archive's are read from its central directory by a pass at start
-- (IngestService), a folder file's are read by the export that needs them.
alter table image add column crc bigint;
alter table mask add column crc bigint;
-- What that pass has to do, per source; archive rows always get their CRC at ingest now, so these stay empty after.
create index image_archive_crc_missing on image (source_id) where entry_offset is not null and crc is null;
create index mask_archive_crc_missing on mask (source_id) where entry_offset is not null and crc is null;
