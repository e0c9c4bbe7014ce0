package org.vpp.api.security;

/** A GraphQL field the caller may not use: which field, and why (the roles it needs, or no credential at all). */
public final class AccessRefused extends RuntimeException {

    private final String field;
    private final boolean authenticated;

    public AccessRefused(String field, String message, boolean authenticated) {
        super(message, null, false, false);
        this.field = field;
        this.authenticated = authenticated;
    }

    public String field() {
        return field;
    }

    public boolean authenticated() {
        return authenticated;
    }
}
