package io.litj.protocol.auth.internal;

import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.CapacityGrant;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.siwe.SiweMessage;
import java.time.Instant;
import java.util.List;

/** What the capability checks know about one capability, filled in as they pass. */
public final class CapabilityState {
    private final int index;
    private final AuthSig capability;
    SiweMessage siwe;
    Instant expiration;
    List<Recap> recaps = List.of();
    EthAddress proven;
    List<CapacityGrant> grants = List.of();

    public CapabilityState(int index, AuthSig capability) {
        this.index = index;
        this.capability = capability;
    }

    public int index() {
        return index;
    }

    public AuthSig capability() {
        return capability;
    }

    public SiweMessage siwe() {
        return siwe;
    }

    public Instant expiration() {
        return expiration;
    }

    public List<Recap> recaps() {
        return recaps;
    }

    /** A capacity delegation's grants, once {@link DelegationGrantCheck} read them. */
    public List<CapacityGrant> grants() {
        return grants;
    }

    /** The address the signature proved, once it verified. */
    public EthAddress proven() {
        return proven;
    }
}
