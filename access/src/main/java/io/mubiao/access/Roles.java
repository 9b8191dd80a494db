package io.mubiao.access;

/** The values of the token's {@code groups} claim that the suite knows. */
public final class Roles {

    /** Everything, everywhere. */
    public static final String ADMIN = "admin";
    /** Reads rankings, summaries and progress of the units inside its subtree. */
    public static final String SUPERVISOR = "supervisor";
    /** Writes progress for the units inside its subtree, and reads what a supervisor reads. */
    public static final String REPORTER = "reporter";

    private Roles() {
    }
}
