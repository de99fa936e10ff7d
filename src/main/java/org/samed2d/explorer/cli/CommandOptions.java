package org.samed2d.explorer.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} pairs of a command; {@link IllegalArgumentException} says what is wrong with them. */
record CommandOptions(Map<String, String> values) {

    static CommandOptions parse(String command, String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(command + ": expected --option value pairs, found '" + args[i] + "'");
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new CommandOptions(values);
    }

    static boolean wantsHelp(String[] args) {
        return java.util.Arrays.asList(args).contains("--help");
    }

    String require(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    long number(String name, long fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'");
        }
    }
}
