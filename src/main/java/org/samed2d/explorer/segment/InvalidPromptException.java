package org.samed2d.explorer.segment;

import org.samed2d.explorer.shared.InvalidParameterException;

/** A segmentation request the server cannot run; the message names the field and what is wrong with it. */
public class InvalidPromptException extends InvalidParameterException {

    public InvalidPromptException(String field, String problem) {
        super(field, problem);
    }
}
