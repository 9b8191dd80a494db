package io.mubiao.testinfra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Prints a token signed with the local run's key (deploy/token.sh), creating the key pair when missing:
 * {@code LocalToken <keys-folder> --role ROLE [--org-unit CODE] [--subject NAME] [--days N]}.
 */
public final class LocalToken {

    private static final Set<String> ROLES = Set.of("admin", "supervisor", "reporter");

    public static void main(String[] args) {
        if (args.length < 1) {
            usage("the keys folder is missing");
        }
        String role = null;
        String orgUnit = null;
        String subject = null;
        int days = 30;
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                usage(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--role" -> role = value;
                case "--org-unit" -> orgUnit = value;
                case "--subject" -> subject = value;
                case "--days" -> days = parseDays(value);
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        if (role == null || !ROLES.contains(role)) {
            usage("--role must be one of admin, supervisor, reporter");
        }
        if (!role.equals("admin") && orgUnit == null) {
            usage("a " + role + " acts inside one subtree: give --org-unit CODE");
        }
        if (subject == null) {
            subject = orgUnit == null ? role : role + "@" + orgUnit;
        }
        Tokens tokens = new Tokens(JwtKeys.inFolder(Path.of(args[0])));
        System.out.println(tokens.issue(role, orgUnit, subject, Duration.ofDays(days)));
    }

    private static int parseDays(String value) {
        try {
            int days = Integer.parseInt(value);
            if (days < 1) {
                usage("--days must be at least 1");
            }
            return days;
        } catch (NumberFormatException e) {
            usage("--days needs a whole number");
            return 0;
        }
    }

    private static void usage(String problem) {
        System.err.println("token: " + problem);
        System.err.println("usage: deploy/token.sh --role admin|supervisor|reporter [--org-unit CODE] [--subject NAME] [--days N]");
        System.exit(2);
    }

    private LocalToken() {
    }
}
