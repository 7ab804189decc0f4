package io.litj.protocol.resource;

import java.util.Optional;

/**
 * The kinds of Lit resource, by URI prefix ({@code LIT_RESOURCE_PREFIX} of the JS SDK, {@code models/auth.rs} of
 * the node). {@link #RESOLVED_AUTH_CONTEXT} is defined by nodes only: clients may never request or grant it.
 */
public enum LitResourcePrefix {
    ACCESS_CONTROL_CONDITION("lit-accesscontrolcondition"),
    PKP("lit-pkp"),
    RATE_LIMIT_INCREASE("lit-ratelimitincrease"),
    LIT_ACTION("lit-litaction"),
    /** Node-only: carries the resolved auth context of a PKP or Lit Action session. */
    RESOLVED_AUTH_CONTEXT("lit-resolvedauthcontext");

    private final String value;

    LitResourcePrefix(String value) {
        this.value = value;
    }

    /** The prefix as written before {@code ://}. */
    public String value() {
        return value;
    }

    /** True for the four prefixes a client may use. */
    public boolean userFacing() {
        return this != RESOLVED_AUTH_CONTEXT;
    }

    /** The prefix with exactly this spelling. */
    public static Optional<LitResourcePrefix> of(String value) {
        for (LitResourcePrefix p : values()) {
            if (p.value.equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
