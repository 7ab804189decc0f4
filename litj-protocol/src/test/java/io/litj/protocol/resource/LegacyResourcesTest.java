package io.litj.protocol.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyResourcesTest {
    @ParameterizedTest
    @CsvSource({
        "litAction://QmAbc, lit-litaction://QmAbc, lit-action-execution",
        "litActionCapability://*, lit-litaction://*, lit-action-execution",
        "litPKPCapability://*, lit-pkp://*, pkp-signing",
        "litPKP://0x1234, lit-pkp://0000000000000000000000000000000000000000000000000000000000001234, pkp-signing",
        "litEncryptionCondition://0xABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABAB, lit-accesscontrolcondition://abababababababababababababababababababababababababababababababab, access-control-condition-decryption",
        "litEncryptionConditionCapability://*, lit-accesscontrolcondition://*, access-control-condition-decryption",
        // not a hash: hashed as the legacy table says (SHA-256 of "abc", the FIPS 180-2 example)
        "litSigningCondition://abc, lit-accesscontrolcondition://"
                + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad, access-control-condition-signing",
        "litSigningConditionCapability://*, lit-accesscontrolcondition://*, access-control-condition-signing",
        "litRLI://42, lit-ratelimitincrease://42, rate-limit-increase-auth",
        "litRLICapability://*, lit-ratelimitincrease://*, rate-limit-increase-auth",
    })
    void map_knownLegacyString_givesTodaysRequest(String legacy, String key, String ability) {
        ResourceAbilityRequest r = LegacyResources.map(legacy);
        assertEquals(key, r.resource().key());
        assertEquals(ability, r.ability().value());
    }

    @ParameterizedTest
    @CsvSource({"litRLI://1, true", "litActionCapability://*, true", "lit-litaction://*, false", "litFoo://x, false",
        "litRLI, false"})
    void isLegacy_knowsTheLegacySchemesOnly(String resource, boolean legacy) {
        assertEquals(legacy, LegacyResources.isLegacy(resource));
    }

    @ParameterizedTest
    @CsvSource({"litFoo://x", "lit-pkp://*", "litAction://", "nonsense"})
    void map_unknownOrEmpty_refusedWithInvalidArgument(String legacy) {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> LegacyResources.map(legacy));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }
}
