-- The length of each mask's COCO RLE counts string as JSON writes it, measured by the geometry pass, so a COCO
-- export knows the exact size of annotations.json before decoding any mask. Null for masks measured before.
alter table mask add column coco_counts_chars integer;
