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
        "litEncryptionCondition://ab12, lit-accesscontrolcondition://ab12, access-control-condition-decryption",
        "litEncryptionConditionCapability://*, lit-accesscontrolcondition://*, access-control-condition-decryption",
        "litSigningCondition://cd34, lit-accesscontrolcondition://cd34, access-control-condition-signing",
        "litSigningConditionCapability://*, lit-accesscontrolcondition://*, access-control-condition-signing",
    })
    void map_knownLegacyString_givesTodaysRequest(String legacy, String key, String ability) {
        ResourceAbilityRequest r = LegacyResources.map(legacy);
        assertEquals(key, r.resource().key());
        assertEquals(ability, r.ability().value());
    }

    @ParameterizedTest
    @CsvSource({"litFoo://x", "lit-pkp://*", "litAction://", "nonsense"})
    void map_unknownOrEmpty_refusedWithInvalidArgument(String legacy) {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> LegacyResources.map(legacy));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }
}
