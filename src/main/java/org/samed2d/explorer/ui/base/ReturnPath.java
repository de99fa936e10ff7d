package org.samed2d.explorer.ui.base;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where sign-in sends the visitor back to: a path of this portal with its query, never another site. Refused are
 * anything not starting with a single "/", backslashes (browsers read them as "/"), control characters, the sign-in
 * page itself and overlong values.
 */
public final class ReturnPath {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\s]");
    private static final int LONGEST = 2000;

    private ReturnPath() {
    }

    public static Optional<String> of(String candidate) {
        if (candidate.length() > LONGEST || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.contains("\\") || CONTROL.matcher(candidate).find() || candidate.matches("/login([?#].*)?")) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }
}
