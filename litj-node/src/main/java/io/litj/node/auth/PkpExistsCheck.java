package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitErrorCode;
import java.util.Objects;
import java.util.Set;

/**
 * §1.7: the registry holds a PKP of that token id. Code: {@code NodePKPTokenIdNotFound}. Records the PKP.
 */
final class PkpExistsCheck implements PkpSignCheck {
    private final Registry registry;

    PkpExistsCheck(Registry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void check(PkpSignState state) {
        state.pkp = registry.pkp(state.tokenId()).orElseThrow(() -> new LitNodeException(
                LitErrorCode.NodePKPTokenIdNotFound, "no PKP with token id " + state.tokenId() + " on this network"));
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodePKPTokenIdNotFound);
    }
}
