package org.samed2d.explorer.segment;

/** A segmentation request the server cannot run; the message names the field and what is wrong with it. */
public class InvalidPromptException extends RuntimeException {

    private final String field;

    public InvalidPromptException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
