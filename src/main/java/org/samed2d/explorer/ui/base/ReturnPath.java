package org.samed2d.explorer.ui.base;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where sign-in sends the visitor back to: a path of this portal with its query, never another site. Refused are
 * anything not starting with a single "/", backslashes (browsers read them as "/"), control characters, "." and ".."
 * segments, plain or percent-encoded (the redirect fails on them, or they normalise to "//", another host), the
 * sign-in page itself and overlong values.
 */
public final class ReturnPath {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\s]");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)(\\.|%2e){1,2}(/|[?#]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final int LONGEST = 2000;

    private ReturnPath() {
    }

    public static Optional<String> of(String candidate) {
        if (candidate.length() > LONGEST || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.contains("\\") || CONTROL.matcher(candidate).find()
                || DOT_SEGMENT.matcher(path(candidate)).find() || candidate.matches("/login([?#].*)?")) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    private static String path(String candidate) {
        int end = candidate.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = candidate.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return candidate.substring(0, end);
    }
}
