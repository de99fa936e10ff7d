package org.samed2d.explorer.shared;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Error text for people other than the server's admins: where the release lives on the server is none of their
 * business, so every absolute path keeps only its last name ({@code /data/a/SAMed2Dv1/images/x.png} becomes
 * {@code x.png}; release-relative paths such as {@code images/x.png} stay as they are). The log keeps full paths.
 */
public final class ServerPaths {

    private static final Pattern ABSOLUTE = Pattern.compile("(?<![\\w.])/(?:[^/\\s:;,'\"()]+/)+([^/\\s:;,'\"()]+)");

    private ServerPaths() {
    }

    public static @Nullable String hidden(@Nullable String text) {
        return text == null ? null : ABSOLUTE.matcher(text).replaceAll("$1");
    }
}
