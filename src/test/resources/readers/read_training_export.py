#!/usr/bin/env python3
"""An independent reader of a split `sa-med2d` export, written from what the training code of the field does, not
from our writer: run it from the folder the archive was unzipped into, as SAM-Med2D's scripts are run.

- SAM-Med2D (DataLoader.py): TrainingDataset opens os.path.join(data_path, f"image2label_{mode}.json"), shape
  {image_path: [mask_path, ...]}; TestingDataset opens label2image_{mode}.json, shape {mask_path: image_path}. Every
  path goes to cv2.imread as written, relative to the working directory; images are read as 3-channel 8-bit, masks
  as grey, divided by 255 when their maximum is 255, and must then hold only 0 and 1.
- MONAI (monai/data/decathlon_datalist.py, load_decathlon_datalist): opens the datalist JSON, takes the list under
  data_list_key, joins "image" and "label" with base_dir (default: the datalist's folder) and normalises them; any
  other string value that names an existing path once joined is replaced by that path.
- The split (README "Training with an export"): a case's part follows from SHA-256 of "<seed>\n<dataset>\n<case>".

Usage: read_training_export.py DATA_PATH OUT.json [--all]   (--all: an export without a split, the _all lists)
Writes what it found to OUT.json; exits 0 even when it found errors (they are listed there), 2 on bad usage.
"""
import csv
import hashlib
import json
import os
import struct
import sys
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def read_png(path):
    """(width, height, bit depth, colour type, unfiltered rows as one bytes) of a non-interlaced PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG")
    at = 8
    header = None
    idat = []
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        crc, = struct.unpack(">I", data[at + 8 + length:at + 12 + length])
        if zlib.crc32(kind + body) & 0xffffffff != crc:
            raise ValueError("chunk %r fails its CRC" % kind)
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        at += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if interlace != 0:
        raise ValueError("interlaced")
    raw = zlib.decompress(b"".join(idat))
    bpp = max(1, CHANNELS[colour] * depth // 8)
    stride = (width * CHANNELS[colour] * depth + 7) // 8
    if len(raw) != height * (stride + 1):
        raise ValueError("%d bytes of pixel data, expected %d" % (len(raw), height * (stride + 1)))
    return width, height, depth, colour, raw, stride, bpp


def unfilter(raw, height, stride, bpp):
    out = bytearray(height * stride)
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(bpp, stride):
                row[i] = (row[i] + row[i - bpp]) & 0xff
        elif kind == 2:
            for i in range(stride):
                row[i] = (row[i] + previous[i]) & 0xff
        elif kind == 3:
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                row[i] = (row[i] + ((left + previous[i]) >> 1)) & 0xff
        elif kind == 4:
            for i in range(stride):
                a = row[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xff
        elif kind != 0:
            raise ValueError("unknown filter %d" % kind)
        out[y * stride:(y + 1) * stride] = row
        previous = row
    return bytes(out)


class Reader:
    def __init__(self):
        self.errors = []
        self.images_checked = {}
        self.masks_checked = {}

    def image(self, path):
        """What cv2.imread(path) needs to give a 3-channel 8-bit image: the file, relative to where we run."""
        if path in self.images_checked:
            return self.images_checked[path]
        ok = False
        try:
            width, height, depth, colour, raw, stride, bpp = read_png(path)
            if depth != 8 or colour != 2:
                self.errors.append("%s: bit depth %d, colour type %d, not 8-bit RGB" % (path, depth, colour))
            else:
                ok = (width, height)
        except (OSError, ValueError, zlib.error) as e:
            self.errors.append("%s: %s" % (path, e))
        self.images_checked[path] = ok
        return ok

    def mask(self, path):
        """cv2.imread(path, 0), divided by 255 when its maximum is 255, must hold only 0 and 1."""
        if path in self.masks_checked:
            return self.masks_checked[path]
        ok = False
        try:
            width, height, depth, colour, raw, stride, bpp = read_png(path)
            if depth != 8 or colour != 0:
                self.errors.append("%s: bit depth %d, colour type %d, not 8-bit grey" % (path, depth, colour))
            else:
                values = set(unfilter(raw, height, stride, bpp))
                scaled = {v / 255 for v in values} if max(values) == 255 else values
                if not scaled <= {0, 1}:
                    self.errors.append("%s: values %s are not binary" % (path, sorted(values)[:10]))
                elif 1 not in scaled:
                    self.errors.append("%s: empty mask" % path)
                else:
                    ok = (width, height)
        except (OSError, ValueError, zlib.error) as e:
            self.errors.append("%s: %s" % (path, e))
        self.masks_checked[path] = ok
        return ok


def dataset_and_case(path):
    """From the release name {modality}--{dataset}--{case}--{axis}_{slice}[--{class}_{instance}].png."""
    parts = os.path.basename(path)[:-len(".png")].split("--")
    return parts[1], parts[2]


def part_of(split, dataset, case, image_name, kept):
    if dataset in kept:
        return "train"
    unit = image_name if split["by"] == "image" else case
    digest = hashlib.sha256(("%d\n%s\n%s" % (split["seed"], dataset, unit)).encode("utf-8")).digest()
    u = (int.from_bytes(digest[:8], "big") >> 11) / 2.0 ** 53
    return "test" if u < split["test"] else "val" if u < split["test"] + split["val"] else "train"


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    data_path, out = sys.argv[1], sys.argv[2]
    whole = "--all" in sys.argv[3:]
    reader = Reader()
    unzipped = os.path.dirname(os.path.abspath(data_path))
    mask_parts = {}    # mask file (absolute) -> parts it was listed in by SAM-Med2D's lists
    image_of = {}      # mask file (absolute) -> its image file (absolute)

    def listed(mask, part, image):
        mask, image = os.path.abspath(mask), os.path.abspath(image)
        mask_parts.setdefault(mask, set()).add(part)
        if image_of.setdefault(mask, image) != image:
            reader.errors.append("%s: listed with images %s and %s" % (mask, image_of[mask], image))

    train_modes = ["all"] if whole else ["train", "val"]
    test_modes = ["all"] if whole else ["test", "val"]
    for mode in train_modes:
        with open(os.path.join(data_path, "image2label_%s.json" % mode)) as f:
            dataset = json.load(f)
        for image, masks in dataset.items():
            size = reader.image(image)
            if not masks:
                reader.errors.append("%s: no masks in image2label_%s" % (image, mode))
            for mask in masks:
                if reader.mask(mask) and size and reader.masks_checked[mask] != size:
                    reader.errors.append("%s: size differs from its image %s" % (mask, image))
                listed(mask, mode, image)
    for mode in test_modes:
        with open(os.path.join(data_path, "label2image_%s.json" % mode)) as f:
            dataset = json.load(f)
        for mask, image in dataset.items():
            reader.image(image)
            reader.mask(mask)
            listed(mask, mode, image)
    if not whole:
        val_from_images = {m for m, p in mask_parts.items() if "val" in p}
        with open(os.path.join(data_path, "label2image_val.json")) as f:
            val_from_masks = {os.path.abspath(m) for m in json.load(f)}
        if val_from_images != val_from_masks:
            reader.errors.append("image2label_val and label2image_val list different masks: %d and %d"
                                 % (len(val_from_images), len(val_from_masks)))
    for mask, parts in mask_parts.items():
        if len(parts) > 1:
            reader.errors.append("%s: in several parts %s" % (mask, sorted(parts)))

    # MONAI's load_decathlon_datalist, for each list the datalist has
    datalist_path = os.path.join(data_path, "datalist.json")
    with open(datalist_path) as f:
        datalist = json.load(f)
    base_dir = os.path.dirname(datalist_path)
    monai_parts = {}
    keys = {"training": "train", "validation": "val", "test": "test"}
    for key, part in keys.items():
        if key not in datalist:
            continue
        items = datalist[key]
        if key == "test" and not isinstance(items[0], dict):
            items = [{"image": i} for i in items]
        for item in items:
            image = os.path.normpath(os.path.join(base_dir, item["image"]))
            label = os.path.normpath(os.path.join(base_dir, item["label"]))
            for name, value in item.items():
                if name not in ("image", "label") and isinstance(value, str) \
                        and os.path.exists(os.path.normpath(os.path.join(base_dir, value))):
                    reader.errors.append("datalist %s: MONAI would turn %s=%r into a path" % (label, name, value))
            reader.image(image)
            reader.mask(label)
            label = os.path.abspath(label)
            if label in monai_parts:
                reader.errors.append("datalist: %s listed twice" % label)
            monai_parts[label] = "all" if whole else part
            if dataset_and_case(label) != (item["dataset"], item["case"]):
                reader.errors.append("datalist %s: dataset/case %s/%s differ from its name"
                                     % (label, item["dataset"], item["case"]))
    sam_parts = {m: min(p) for m, p in mask_parts.items()}
    if set(sam_parts) != set(monai_parts):
        reader.errors.append("SAM-Med2D lists and the datalist hold different masks: %d and %d"
                             % (len(sam_parts), len(monai_parts)))
    for mask, part in monai_parts.items():
        if sam_parts.get(mask, part) != part:
            reader.errors.append("%s: %s in SAM-Med2D's lists, %s in the datalist" % (mask, sam_parts[mask], part))

    # the split: no (dataset, case) in two parts, each case where the documented hash puts it
    with open(os.path.join(unzipped, "manifest.json")) as f:
        manifest = json.load(f)
    split = manifest.get("split")
    case_parts = {}
    counts = {}
    for mask, part in sorted(monai_parts.items()):
        dataset, case = dataset_and_case(mask)
        case_parts.setdefault((dataset, case), set()).add(part)
        c = counts.setdefault(part, {"images": set(), "masks": 0, "cases": set()})
        c["masks"] += 1
        c["images"].add(image_of.get(mask))
        c["cases"].add((dataset, case))
        if split is not None:
            kept = set(split["keptInTrain"]["datasets"])
            image_name = os.path.basename(image_of.get(mask, ""))
            expected = part_of(split, dataset, case, image_name, kept)
            if expected != part:
                reader.errors.append("%s: in %s, the split's hash says %s" % (mask, part, expected))
    several = sorted("%s/%s %s" % (d, c, sorted(p)) for (d, c), p in case_parts.items() if len(p) > 1)
    if split is None or split["by"] == "case":
        reader.errors.extend("case %s is in several parts" % s for s in several)

    # manifest.csv: one row per mask with its part
    with open(os.path.join(unzipped, "manifest.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    csv_parts = {os.path.normpath(os.path.join(unzipped, r["mask"])): r["part"] for r in rows}
    if len(rows) != len(monai_parts) or any(csv_parts.get(m) != p for m, p in monai_parts.items()):
        reader.errors.append("manifest.csv: %d rows, parts differ from the lists" % len(rows))

    with open(out, "w") as f:
        json.dump({
            "errors": reader.errors,
            "imagesRead": len(reader.images_checked),
            "masksRead": len(reader.masks_checked),
            "parts": {p: {"images": len(c["images"]), "masks": c["masks"], "cases": len(c["cases"])}
                      for p, c in sorted(counts.items())},
            "cases": sorted([d, c, sorted(p)[0]] for (d, c), p in case_parts.items()),
            "casesInSeveralParts": len(several),
        }, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
