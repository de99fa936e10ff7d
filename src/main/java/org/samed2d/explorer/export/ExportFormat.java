package org.samed2d.explorer.export;

import java.util.Arrays;
import java.util.Optional;

/** What an export holds besides manifest.json, LICENSES.md and CITATIONS.bib. */
public enum ExportFormat {
    /** The release layout of the subset: original PNGs, SAMed2D_v1.json and the class mapping of the classes used. */
    SA_MED2D("sa-med2d"),
    /** manifest.csv and manifest.jsonl: one row per mask with every catalog field and the sha256 of each file. */
    MANIFEST("manifest"),
    /** COCO instance segmentation: annotations.json (compressed RLE, area, bbox [x,y,w,h]) and images/. */
    COCO("coco");

    private final String parameter;

    ExportFormat(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<ExportFormat> ofParameter(String value) {
        return Arrays.stream(values()).filter(f -> f.parameter.equals(value)).findFirst();
    }
}
