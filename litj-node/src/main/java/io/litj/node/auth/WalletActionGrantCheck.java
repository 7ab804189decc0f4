package io.litj.node.auth;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * §2.7 (Datil): a session without a {@code lit.bls} auth context (a wallet's) must also grant Lit Action
 * execution on every action: the node validates it again for {@code lit-action-execution} on resource id
 * {@code ""}, which only a {@code lit-litaction://*} request and grant cover. PKP and Lit-Action sessions skip
 * this check. Codes: the session sig validator's, typically {@code NodeResourceIdNotFound} or
 * {@code NodeSIWECapabilityInvalid}.
 */
final class WalletActionGrantCheck implements PkpSignCheck {
    private final AuthGate gate;

    WalletActionGrantCheck(AuthGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public void check(PkpSignState state) {
        if (state.auth().resolvedAuthContext().isPresent()) {
            return;
        }
        gate.authorize(state.request().authSig(), Optional.empty(), LitResource.action(""),
                LitAbility.LIT_ACTION_EXECUTION);
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeResourceIdNotFound, LitErrorCode.NodeSIWECapabilityInvalid);
    }
}
