package io.litj.protocol.acc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResourcePrefix;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link AccIdentity}: the identity URI, its bytes, and the ACC resources of decryption and signing. */
class AccIdentityTest {
    private static final String HELLO_SHA256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    private static final ConditionSet SET = ConditionSet.parse(ConditionKind.BASIC,
            ConditionSetTest.list(ConditionSetTest.WALLET));

    @Test
    void of_plaintext_uriFromConditionHashAndDataHash() {
        AccIdentity id = AccIdentity.of(SET, "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(HELLO_SHA256, id.dataToEncryptHash());
        assertEquals("lit-accesscontrolcondition://" + SET.hashHex() + "/" + HELLO_SHA256, id.uri());
        assertArrayEquals(id.uri().getBytes(StandardCharsets.UTF_8), id.message());
        assertEquals(id, AccIdentity.parse(id.uri()));
    }

    @Test
    void resources_decryptionWithBothHashes_signingWithTheConditionHashAlone() {
        AccIdentity id = AccIdentity.of(SET, new byte[0]);
        assertEquals(LitResourcePrefix.ACCESS_CONTROL_CONDITION, id.resource().prefix());
        assertEquals(id.uri(), id.resource().key());
        assertEquals(LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION, id.decryptionRequest().requireValidPair()
                .ability());
        assertEquals("lit-accesscontrolcondition://" + SET.hashHex(), AccIdentity.signingResource(SET).key());
        assertEquals(LitAbility.ACCESS_CONTROL_CONDITION_SIGNING, AccIdentity.signingRequest(SET).requireValidPair()
                .ability());
    }

    @Test
    void parse_malformed_refusedWithInvalidArgument() {
        String h = HELLO_SHA256;
        for (String bad : new String[] {"lit-pkp://" + h + "/" + h, "lit-accesscontrolcondition://" + h,
            "lit-accesscontrolcondition://" + h.toUpperCase() + "/" + h, "lit-accesscontrolcondition://" + h + "/"
                + h + "/x", "lit-accesscontrolcondition://" + h.substring(2) + "/" + h, ""}) {
            assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                    () -> AccIdentity.parse(bad), bad).code(), bad);
        }
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> new AccIdentity("ab", HELLO_SHA256));
        assertEquals("accHash must be 64 lowercase hex digits but is 'ab'", e.getMessage());
    }
}
