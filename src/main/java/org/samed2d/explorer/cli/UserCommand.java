package org.samed2d.explorer.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.security.Account;
import org.samed2d.explorer.security.ApiTokens;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.security.UserAccounts;
import org.samed2d.explorer.shared.InvalidParameterException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code user}: accounts from the command line, which is how the first admin is made when EXPLORER_ADMIN_PASSWORD
 * is not used. Passwords never come from the command line itself (it shows in process lists and shell history).
 */
final class UserCommand {

    static final String USAGE = """
            Usage: java -jar sa-med2d-explorer.jar user SUBCOMMAND [--explorer.data-dir=DIR]
              user add NAME --role viewer|researcher|admin [--password-file FILE]
                  the password comes from FILE, else EXPLORER_USER_PASSWORD, else a prompt (12+ characters)
              user list
              user role NAME viewer|researcher|admin
              user disable NAME | user enable NAME
              user token NAME --name LABEL [--days N]   print a new API token for the account (shown once)""";

    private final PrintStream out;
    private final PrintStream err;

    UserCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        List<String> springArgs = CommandContext.defaultArguments();
        List<String> words = new ArrayList<>();
        String role = null;
        String passwordFile = null;
        String tokenName = null;
        int days = 90;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            boolean hasValue = i + 1 < args.length;
            switch (arg) {
                case "--role", "--password-file", "--name", "--days" -> {
                    if (!hasValue) {
                        err.println("user: " + arg + " needs a value");
                        return 2;
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--role" -> role = value;
                        case "--password-file" -> passwordFile = value;
                        case "--name" -> tokenName = value;
                        default -> {
                            try {
                                days = Integer.parseInt(value);
                            } catch (NumberFormatException e) {
                                err.println("user: --days must be a whole number, not '" + value + "'");
                                return 2;
                            }
                        }
                    }
                }
                default -> {
                    if (arg.startsWith("--")) {
                        springArgs.add(arg);
                    } else {
                        words.add(arg);
                    }
                }
            }
        }
        if (words.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        String action = words.getFirst();
        @Nullable String name = words.size() > 1 ? words.get(1) : null;
        if (!action.equals("list") && name == null) {
            err.println("user " + action + ": name the account\n" + USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = CommandContext.start(springArgs)) {
            UserAccounts accounts = context.getBean(UserAccounts.class);
            switch (action) {
                case "add" -> {
                    Role chosen = role(role == null ? "" : role);
                    Optional<String> password = password(passwordFile);
                    if (password.isEmpty()) {
                        return 2;
                    }
                    Account account = accounts.add(name, password.get(), chosen);
                    out.println("Added " + account.username() + " (" + account.role().parameter() + ")");
                }
                case "list" -> accounts.list().forEach(account -> out.printf("%-24s %-10s %s%n", account.username(),
                        account.role().parameter(), account.enabled() ? "enabled" : "disabled"));
                case "role" -> {
                    if (words.size() < 3) {
                        err.println("user role: give the account and the role");
                        return 2;
                    }
                    out.println("Now " + accounts.changeRole(name, role(words.get(2))).role().parameter());
                }
                case "disable", "enable" -> out.println(name + " " + (accounts.enable(name, action.equals("enable"))
                        .enabled() ? "enabled" : "disabled"));
                case "token" -> {
                    ApiTokens.IssuedToken token = context.getBean(ApiTokens.class).create(name,
                            tokenName == null ? "command line" : tokenName, days);
                    err.println("API token for " + name + " (expires " + token.expires() + "); it is not shown again:");
                    out.println(token.token());
                }
                default -> {
                    err.println("user: unknown subcommand '" + action + "'\n" + USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (InvalidParameterException e) {
            err.println("user " + action + ": " + e.getMessage());
            return 1;
        }
    }

    private static Role role(String value) {
        return Role.ofParameter(value).orElseThrow(() -> new InvalidParameterException("--role",
                "'" + value + "' is not one of viewer, researcher, admin"));
    }

    private Optional<String> password(@Nullable String file) {
        try {
            if (file != null) {
                return Optional.of(Files.readString(Path.of(file)).strip());
            }
        } catch (IOException e) {
            err.println("user add: cannot read the password file " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        String fromEnvironment = System.getenv("EXPLORER_USER_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment);
        }
        Console console = System.console();
        if (console == null) {
            err.println("user add: no password: use --password-file FILE or EXPLORER_USER_PASSWORD (no terminal to ask on)");
            return Optional.empty();
        }
        char[] first = console.readPassword("Password for the new account: ");
        char[] second = console.readPassword("Again: ");
        if (first == null || second == null || !new String(first).equals(new String(second))) {
            err.println("user add: the two passwords differ");
            return Optional.empty();
        }
        return Optional.of(new String(first));
    }
}
