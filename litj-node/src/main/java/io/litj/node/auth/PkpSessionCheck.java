package io.litj.node.auth;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * §1.7, §2: {@code authSig} is one session sig that {@link AuthGate} accepts for {@code pkp-signing} on
 * {@code lit-pkp://<tokenId>} (a {@code lit-pkp://*} grant covers it). Codes: those of the gate and the session sig
 * validator; the main ones are listed. Records the verified session.
 */
final class PkpSessionCheck implements PkpSignCheck {
    private final AuthGate gate;

    PkpSessionCheck(AuthGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public void check(PkpSignState state) {
        state.auth = gate.authorize(state.request().authSig(), Optional.empty(), LitResource.pkp(state.tokenId()),
                LitAbility.PKP_SIGNING);
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeInvalidAuthSig, LitErrorCode.NodeCannotProvideAuthSigForEndpoint,
                LitErrorCode.NodeInvalidMultipleAuthSigs, LitErrorCode.NodeResourceIdNotFound,
                LitErrorCode.NodeInvalidAuthSigSessionKeySignature, LitErrorCode.NodeSIWECapabilityInvalid);
    }
}
