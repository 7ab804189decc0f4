package io.litj.node.auth;

import io.litj.protocol.LitErrorCode;
import java.util.Objects;
import java.util.Set;

/**
 * §3.1 step 6: the request SIWE's nonce is the hash of a recent block of this network ({@link BlockNonce},
 * {@code NodeInvalidBlockhash}). Records the block: its hash and time date the SIWE the network signs.
 */
final class RequestSiweNonceCheck implements SessionKeyCheck {
    private final BlockNonce nonces;

    RequestSiweNonceCheck(BlockNonce nonces) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    @Override
    public void check(SessionKeyState state) {
        state.block = nonces.recent(state.siwe().nonce(), "siweMessage");
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeInvalidBlockhash);
    }
}
