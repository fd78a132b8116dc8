package org.tehai.platform.security;

/** The roles Tehai knows. Tokens carry them in the {@code groups} claim. */
public final class Roles {

    public static final String AGENT = "agent";
    public static final String DISPATCHER = "dispatcher";
    public static final String TECHNICIAN = "technician";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
