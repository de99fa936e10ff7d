package org.samed2d.explorer.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of a command that works on a filtered subset: {@code NAME=VALUE} filters (the query API's names,
 * repeatable), the command's own {@code --option VALUE} pairs and {@code --flag}s, and any other {@code --name=value}
 * passed on to the application (data directory, database).
 */
record FilterCommandArguments(Map<String, List<String>> filter, Map<String, String> options, Set<String> flags,
                              List<String> springArguments) {

    /** Throws {@link IllegalArgumentException} naming the argument it cannot place. */
    static FilterCommandArguments parse(String[] args, Set<String> valueOptions, Set<String> flagOptions) {
        Map<String, List<String>> filter = new LinkedHashMap<>();
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new java.util.HashSet<>();
        List<String> spring = CommandContext.defaultArguments();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.startsWith("--") ? arg.substring(2) : "";
            if (valueOptions.contains(name) && i + 1 < args.length) {
                options.put(name, args[++i]);
            } else if (flagOptions.contains(name)) {
                flags.add(name);
            } else if (arg.startsWith("--")) {
                spring.add(arg);
            } else if (arg.contains("=")) {
                filter.computeIfAbsent(arg.substring(0, arg.indexOf('=')), k -> new ArrayList<>())
                        .add(arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("expected NAME=VALUE filters or --options, found '" + arg + "'");
            }
        }
        return new FilterCommandArguments(filter, options, flags, spring);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
