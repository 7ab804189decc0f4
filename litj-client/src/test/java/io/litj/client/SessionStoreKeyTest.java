package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.TestSessions;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionStoreKeyTest {
    private static final ResourceAbilityRequest ACTION =
            ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION);
    private static final ResourceAbilityRequest PKP =
            ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING);

    @Test
    void of_sameSetInAnotherOrderOrWithDuplicates_givesEqualKeys() {
        SessionStoreKey a = SessionStoreKey.of("n", TestSessions.WALLET.address(), List.of(ACTION, PKP));
        SessionStoreKey b = SessionStoreKey.of("n", TestSessions.WALLET.address(), List.of(PKP, ACTION, PKP));
        assertEquals(a, b);
        assertEquals(a.id(), b.id());
        assertEquals(a.resourceSetId(), b.resourceSetId());
    }

    @Test
    void resourceSetId_isSha256OfTheSortedCanonicalList() {
        String canonical = "[{\"ability\":\"lit-action-execution\",\"resource\":{\"resource\":\"*\","
                + "\"resourcePrefix\":\"lit-litaction\"}},{\"ability\":\"pkp-signing\",\"resource\":"
                + "{\"resource\":\"*\",\"resourcePrefix\":\"lit-pkp\"}}]";
        assertEquals(Hex.encode(Hashes.sha256(canonical)),
                SessionStoreKey.of("n", "acct", List.of(PKP, ACTION)).resourceSetId());
    }

    @Test
    void of_otherAccountNetworkOrResources_givesOtherIds() {
        SessionStoreKey base = SessionStoreKey.of("n", TestSessions.WALLET.address(), List.of(ACTION));
        assertNotEquals(base.id(), SessionStoreKey.of("n", TestSessions.OTHER_WALLET.address(), List.of(ACTION)).id());
        assertNotEquals(base.id(), SessionStoreKey.of("m", TestSessions.WALLET.address(), List.of(ACTION)).id());
        assertNotEquals(base.id(), SessionStoreKey.of("n", TestSessions.WALLET.address(), List.of(PKP)).id());
    }

    @Test
    void of_noResources_isInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(LitClientException.class, () -> SessionStoreKey.of("n", "a", List.of())).code());
    }
}
