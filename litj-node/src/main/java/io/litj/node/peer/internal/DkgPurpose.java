package io.litj.node.peer.internal;

import io.litj.threshold.shamir.Group;
import java.util.Arrays;
import java.util.Optional;

/** What a DKG session makes: the network's BLS root key (G1) or a PKP's secp256k1 key. */
enum DkgPurpose {
    NETWORK_BLS("network-bls", Group.BLS12_381_G1),
    PKP("pkp", Group.SECP256K1);

    private final String wireName;
    private final Group group;

    DkgPurpose(String wireName, Group group) {
        this.wireName = wireName;
        this.group = group;
    }

    String wireName() {
        return wireName;
    }

    Group group() {
        return group;
    }

    static Optional<DkgPurpose> of(String wireName) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(wireName)).findFirst();
    }
}
