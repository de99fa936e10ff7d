package org.samed2d.explorer.security;

import org.samed2d.explorer.shared.InvalidParameterException;

/** An account or token request that cannot be carried out: a taken or malformed name, a weak password, an unknown role. */
public class AccountRejectedException extends InvalidParameterException {

    public AccountRejectedException(String field, String problem) {
        super(field, problem);
    }
}
