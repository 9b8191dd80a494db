package io.mubiao.targets;

import java.util.regex.Pattern;

/** The shape of every code in the suite (org units, indicators, groups, kinds), as API.md fixes it. */
public final class Codes {

    public static final String REGEX = "[A-Za-z0-9._-]{1,64}";
    public static final String MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-'";

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    public static boolean isValid(String code) {
        return code != null && PATTERN.matcher(code).matches();
    }

    private Codes() {
    }
}
