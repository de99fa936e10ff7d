package org.samed2d.explorer.export;

/**
 * JSON string literals for the files an export writes by the million (paths, names): what a JSON library writes for a
 * string, without building a tree or a writer per value, since sizing a 1M-mask export writes every file once.
 */
final class JsonText {

    private JsonText() {
    }

    /** {@code value} as a JSON string: quotes, backslashes and control characters escaped, the rest as it is. */
    static String quote(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 8).append('"').append(value, 0, i);
                }
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format("\\u%04x", (int) c));
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? "\"" + value + "\"" : out.append('"').toString();
    }
}
