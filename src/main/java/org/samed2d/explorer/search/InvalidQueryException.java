package org.samed2d.explorer.search;

import org.samed2d.explorer.shared.InvalidParameterException;

/** A search parameter the search cannot use; the message says which one and why. */
public class InvalidQueryException extends InvalidParameterException {

    public InvalidQueryException(String parameter, String problem) {
        super(parameter, problem);
    }
}
