package io.litj.node.http.internal;

import io.litj.node.keys.NetworkKeyShares;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSecretKeyShare;
import java.util.Optional;

/** A node's root key share held in memory, as the DKG would leave it; {@link #none()} before the DKG. */
final class TestKeyShares implements NetworkKeyShares {
    private final Optional<BlsPublicKey> root;
    private final Optional<BlsSecretKeyShare> share;

    private TestKeyShares(Optional<BlsPublicKey> root, Optional<BlsSecretKeyShare> share) {
        this.root = root;
        this.share = share;
    }

    static TestKeyShares of(BlsPublicKey root, BlsSecretKeyShare share) {
        return new TestKeyShares(Optional.of(root), Optional.of(share));
    }

    static TestKeyShares none() {
        return new TestKeyShares(Optional.empty(), Optional.empty());
    }

    @Override
    public Optional<BlsPublicKey> rootPublicKey() {
        return root;
    }

    @Override
    public Optional<BlsSecretKeyShare> rootShare() {
        return share;
    }
}
