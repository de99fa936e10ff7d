package org.samed2d.explorer.shared;

/** A file name that does not follow the SA-Med2D release convention; the message names the file and the fault. */
public class InvalidReleaseNameException extends Exception {

    private final String fileName;

    public InvalidReleaseNameException(String fileName, String reason) {
        super(fileName + ": " + reason);
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
