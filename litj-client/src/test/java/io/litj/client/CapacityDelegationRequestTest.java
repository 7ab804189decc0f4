package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.testing.TestSessions;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The options of {@code createCapacityDelegationAuthSig}: defaults, the restriction they make, each refusal. */
class CapacityDelegationRequestTest {
    private static final String DELEGATEE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).toString();

    private static CapacityDelegationRequest.Builder owner() {
        return CapacityDelegationRequest.builder(TestSessions.WALLET);
    }

    private static LitClientException refused(UnaryOperator<CapacityDelegationRequest.Builder> edit) {
        return assertThrows(LitClientException.class, () -> edit.apply(owner()).build());
    }

    @Test
    void defaults_areTheJsSdksOnes_andTheRestrictionIsEmpty() {
        CapacityDelegationRequest r = owner().build();
        assertEquals(Optional.empty(), r.capacityTokenId());
        assertEquals(Optional.empty(), r.delegateeAddresses());
        assertEquals(OptionalLong.empty(), r.uses());
        assertEquals(Optional.empty(), r.expiration());
        assertEquals(Optional.empty(), r.domain());
        assertEquals(Optional.empty(), r.statement());
        assertEquals("{}", JsJson.stringify(r.delegation().restriction()));
        assertEquals("lit-ratelimitincrease://*", r.delegation().toRequest().resource().key());
    }

    @Test
    void delegation_allFields_makeTheJsSdksRestrictionWithAddressesAsGivenWithout0x() {
        CapacityDelegationRequest r = owner().capacityTokenId("7").delegatee(DELEGATEE)
                .delegatee("3c44cdddb6a900fa2b585dd299e03d12fa4293bc").uses(2).build();
        assertEquals("{\"nft_id\":[\"7\"],\"delegate_to\":[\"70997970C51812dc3A010C7d01b50e0d17dc79C8\","
                + "\"3c44cdddb6a900fa2b585dd299e03d12fa4293bc\"],\"uses\":\"2\"}",
                JsJson.stringify(r.delegation().restriction()));
        assertEquals("lit-ratelimitincrease://7", r.delegation().toRequest().resource().key());
    }

    @Test
    void delegateeAddresses_emptyList_meansNobodyAndIsKept() {
        CapacityDelegationRequest r = owner().delegateeAddresses(List.of()).build();
        assertEquals(Optional.of(List.of()), r.delegateeAddresses());
        assertEquals("{\"delegate_to\":[]}", JsJson.stringify(r.delegation().restriction()));
    }

    @Test
    void tokenId_largestUint256AndZero_areAccepted() {
        assertEquals(Optional.of(MAX_UINT256), owner().capacityTokenId(MAX_UINT256).build().capacityTokenId());
        assertEquals(Optional.of("0"), owner().capacityTokenId("0").build().capacityTokenId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0x1f", "-1", "01", "1.5", " 7", "115792089237316195423570985008687907853269984665"
            + "640564039457584007913129639936", "1234567890123456789012345678901234567890123456789012345678901234567890"
            + "123456789"})
    void tokenId_notADecimalUint256_isInvalidArgument(String id) {
        LitClientException e = refused(b -> b.capacityTokenId(id));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().startsWith("capacityTokenId must be a decimal uint256"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1234", "0x70997970C51812dc3A010C7d01b50e0d17dc79C", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8aa",
            "0x70997970c51812dc3A010C7d01b50e0d17dc79C8", "0xg0997970c51812dc3a010c7d01b50e0d17dc79c8", "alice.eth", ""})
    void delegatee_notAnAddress_isInvalidArgumentNamingTheEntry(String address) {
        LitClientException e = refused(b -> b.delegatee(DELEGATEE).delegatee(address));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().startsWith("delegateeAddresses[1]"), e.getMessage());
    }

    @Test
    void delegatee_sameAddressTwiceInOtherSpellings_isInvalidArgument() {
        LitClientException e = refused(b -> b.delegatee(DELEGATEE).delegatee(DELEGATEE.substring(2).toLowerCase()));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("repeats"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void uses_belowOne_isInvalidArgument(long uses) {
        LitClientException e = refused(b -> b.uses(uses));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().startsWith("uses must be at least 1"), e.getMessage());
    }

    @Test
    void domainEmpty_andStatementWithALineBreak_areInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, refused(b -> b.domain("")).code());
        assertEquals(LitErrorCode.InvalidArgument, refused(b -> b.statement("two\nlines")).code());
        assertEquals(LitErrorCode.InvalidArgument, refused(b -> b.statement("two\rlines")).code());
    }

    @Test
    void owner_missing_isParamsMissing() {
        LitClientException e = assertThrows(LitClientException.class,
                () -> CapacityDelegationRequest.builder(null).build());
        assertEquals(LitErrorCode.ParamsMissing, e.code());
    }

    @Test
    void toString_namesTheOwnerAddressButNoKey() {
        String s = owner().capacityTokenId("7").uses(3).build().toString();
        assertTrue(s.contains(TestSessions.WALLET.address().toString()), s);
        assertTrue(s.contains("token=7") && s.contains("uses=3"), s);
        assertFalse(s.contains("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"), s);
    }
}
