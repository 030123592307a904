package io.nextbestaction.common.security;

import java.util.List;

/**
 * The roles a user may hold: a viewer reads (any signed-in user does), an analyst manages and publishes rulesets, an
 * admin forces activations and manages the stored users. A user holds each role it is given, no role implies another.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    /** Every role, in the order the API lists them. */
    public static final List<String> ALL = List.of(VIEWER, ANALYST, ADMIN);

    private Roles() {
    }
}
