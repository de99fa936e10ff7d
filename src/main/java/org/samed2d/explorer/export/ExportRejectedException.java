package org.samed2d.explorer.export;

import org.samed2d.explorer.shared.InvalidParameterException;

/** An export request that cannot be made: an unknown format, a filter matching nothing, only restricted sources. */
public class ExportRejectedException extends InvalidParameterException {

    public ExportRejectedException(String parameter, String problem) {
        super(parameter, problem);
    }
}
