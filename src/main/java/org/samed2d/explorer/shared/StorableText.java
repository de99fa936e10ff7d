package org.samed2d.explorer.shared;

import org.jspecify.annotations.Nullable;

/** Free text a request asks to keep: PostgreSQL's text type cannot hold a NUL character, so it is refused here. */
public final class StorableText {

    private StorableText() {
    }

    /** The value, or a 400 naming {@code parameter} when it holds a NUL character. */
    public static @Nullable String check(String parameter, @Nullable String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new InvalidParameterException(parameter, "must not contain a NUL character");
        }
        return value;
    }
}
