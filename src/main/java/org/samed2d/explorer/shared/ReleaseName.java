package org.samed2d.explorer.shared;

import org.jspecify.annotations.Nullable;

/**
 * The parts of an SA-Med2D image or mask file name:
 * {@code {modality}--{dataset}--{case}--{axis}_{slice}[--{classid4}_{instance3}].png}.
 * Names are split on {@code --} only, because modalities and case names contain {@code _} and {@code .}.
 *
 * @param stem the image part of the name, without {@code .png}: identical for an image and all its masks
 * @param slice the slice index, or {@code null} for {@code 2d_none}
 * @param classId the 4-digit class id of a mask, or {@code null} for an image
 * @param instance the connected-component number of a mask, or {@code -1} for an image
 */
public record ReleaseName(String stem, Modality modality, String dataset, String caseName, Axis axis,
                          @Nullable Integer slice, @Nullable String classId, int instance) {

    public boolean isMask() {
        return classId != null;
    }

    /** Parses an image file name (no folder). */
    public static ReleaseName image(String fileName) throws InvalidReleaseNameException {
        String[] parts = split(fileName, 4);
        return fromParts(fileName, parts, null, -1);
    }

    /** Parses a mask file name (no folder). */
    public static ReleaseName mask(String fileName) throws InvalidReleaseNameException {
        String[] parts = split(fileName, 5);
        String last = parts[4];
        int cut = last.indexOf('_');
        if (cut != 4 || !isDigits(last.substring(0, 4)) || last.length() == 5 || !isDigits(last.substring(5))) {
            throw new InvalidReleaseNameException(fileName, "the last part must be {classid4}_{instance}, found '" + last + "'");
        }
        return fromParts(fileName, parts, last.substring(0, 4), Integer.parseInt(last.substring(5)));
    }

    private static String[] split(String fileName, int expected) throws InvalidReleaseNameException {
        if (!fileName.endsWith(".png")) {
            throw new InvalidReleaseNameException(fileName, "not a .png file");
        }
        String[] parts = fileName.substring(0, fileName.length() - 4).split("--", -1);
        if (parts.length != expected) {
            throw new InvalidReleaseNameException(fileName,
                    "expected " + expected + " parts separated by '--', found " + parts.length);
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new InvalidReleaseNameException(fileName, "empty part between '--' separators");
            }
        }
        return parts;
    }

    private static ReleaseName fromParts(String fileName, String[] parts, @Nullable String classId, int instance)
            throws InvalidReleaseNameException {
        String cut = parts[3];
        int underscore = cut.indexOf('_');
        if (underscore < 0) {
            throw new InvalidReleaseNameException(fileName, "slice part must be {axis}_{slice}, found '" + cut + "'");
        }
        String axisToken = cut.substring(0, underscore);
        String sliceToken = cut.substring(underscore + 1);
        Axis axis = Axis.fromToken(axisToken).orElseThrow(
                () -> new InvalidReleaseNameException(fileName, "unknown axis '" + axisToken + "'"));
        Integer slice;
        if (axis == Axis.TWO_D) {
            if (!sliceToken.equals("none")) {
                throw new InvalidReleaseNameException(fileName, "2d images must end in 2d_none, found '" + cut + "'");
            }
            slice = null;
        } else if (isDigits(sliceToken) && sliceToken.length() <= 9) {
            slice = Integer.parseInt(sliceToken);
        } else {
            throw new InvalidReleaseNameException(fileName, "slice must be a number, found '" + sliceToken + "'");
        }
        String stem = String.join("--", parts[0], parts[1], parts[2], parts[3]);
        return new ReleaseName(stem, Modality.parse(parts[0]), parts[1], parts[2], axis, slice, classId, instance);
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
