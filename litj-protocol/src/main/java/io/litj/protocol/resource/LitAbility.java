package io.litj.protocol.resource;

import java.util.Optional;

/**
 * What may be done with a resource ({@code LIT_ABILITY}), the one resource prefix each ability is valid on, and the
 * ReCap {@code Namespace/Ability} that grants it ({@code js-sdk-v7-wire-format.md} §3.5).
 */
public enum LitAbility {
    ACCESS_CONTROL_CONDITION_DECRYPTION("access-control-condition-decryption",
            LitResourcePrefix.ACCESS_CONTROL_CONDITION, "Threshold", "Decryption"),
    ACCESS_CONTROL_CONDITION_SIGNING("access-control-condition-signing",
            LitResourcePrefix.ACCESS_CONTROL_CONDITION, "Threshold", "Signing"),
    PKP_SIGNING("pkp-signing", LitResourcePrefix.PKP, "Threshold", "Signing"),
    RATE_LIMIT_INCREASE_AUTH("rate-limit-increase-auth", LitResourcePrefix.RATE_LIMIT_INCREASE, "Auth", "Auth"),
    LIT_ACTION_EXECUTION("lit-action-execution", LitResourcePrefix.LIT_ACTION, "Threshold", "Execution");

    private final String value;
    private final LitResourcePrefix prefix;
    private final String recapNamespace;
    private final String recapName;

    LitAbility(String value, LitResourcePrefix prefix, String recapNamespace, String recapName) {
        this.value = value;
        this.prefix = prefix;
        this.recapNamespace = recapNamespace;
        this.recapName = recapName;
    }

    /** The wire string, e.g. {@code pkp-signing}. */
    public String value() {
        return value;
    }

    /** The only resource prefix this ability applies to. */
    public LitResourcePrefix prefix() {
        return prefix;
    }

    /** ReCap namespace, e.g. {@code Threshold}. */
    public String recapNamespace() {
        return recapNamespace;
    }

    /** ReCap ability name, e.g. {@code Signing}. */
    public String recapName() {
        return recapName;
    }

    /** {@code Namespace/Name}, the ReCap ability key that grants this ability. */
    public String recapAbility() {
        return recapNamespace + "/" + recapName;
    }

    /** True if this ability may be used on {@code resource}. */
    public boolean appliesTo(LitResource resource) {
        return resource.prefix() == prefix;
    }

    /** The ability with this wire string. */
    public static Optional<LitAbility> of(String value) {
        for (LitAbility a : values()) {
            if (a.value.equals(value)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
