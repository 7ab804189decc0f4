package io.litj.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.testing.TestCapabilities;
import io.litj.protocol.testing.TestSessions;
import io.litj.threshold.bls.Bls;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gate turns every refusal of the validator into a coded {@link LitNodeException} with its details. */
class AuthGateTest {
    @Test
    void authorize_networkCapabilityWithoutRootKey_refusedAsLitNodeExceptionWithTheCapabilityReason() {
        SessionSigValidator validator = SessionSigValidator.builder(TestSessions.NODE_ADDRESS)
                .clock(TestSessions.CLOCK).blsVerifier(Bls.capabilityVerifier(Optional::empty)).build();
        AuthSig sessionSig = TestSessions.sessionSig(List.of(TestCapabilities.network(TestCapabilities.popJson(1))));

        LitNodeException e = assertThrows(LitNodeException.class, () -> new AuthGate(validator).authorize(
                Optional.of(sessionSig.toJson()), Optional.empty(), LitResource.action(TestSessions.ACTION_CID),
                LitAbility.LIT_ACTION_EXECUTION));

        assertEquals(LitErrorCode.NodeResourceIdNotFound, e.code());
        assertEquals("capabilities[0] CapabilitySignatureCheck NodeBLSRootKeyNotFound: no BLS root key is "
                + "available to verify the network signature", e.details().get(1));
    }
}
