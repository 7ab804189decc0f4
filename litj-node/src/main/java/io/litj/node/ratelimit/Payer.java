package io.litj.node.ratelimit;

import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.auth.CapabilityFailure;
import io.litj.protocol.auth.CapacityDelegationProof;
import io.litj.protocol.crypto.EthAddress;
import java.util.List;
import java.util.Objects;

/**
 * Who may pay for a request: the proven caller (its own credits) and the capacity delegations its session carried,
 * verified ones and refused ones (the validator's verdict, reused: {@link AuthContext#capacityDelegations()}).
 * Immutable.
 */
public record Payer(EthAddress user, List<CapacityDelegationProof> delegations, List<CapabilityFailure> refused) {
    public Payer {
        Objects.requireNonNull(user, "user");
        delegations = List.copyOf(delegations);
        refused = List.copyOf(refused);
    }

    /** The caller of a verified session, with its delegations. */
    public static Payer of(AuthContext auth) {
        return new Payer(auth.caller(), auth.capacityDelegations(), auth.refusedDelegations());
    }

    /** A caller proven by a bare wallet AuthSig: no delegations. */
    public static Payer wallet(EthAddress user) {
        return new Payer(user, List.of(), List.of());
    }
}
