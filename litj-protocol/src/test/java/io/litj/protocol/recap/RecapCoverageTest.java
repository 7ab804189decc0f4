package io.litj.protocol.recap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The node's rule, {@code lit-node-behaviour.md} §2.4 and {@code erc5573-recap.md} §7 step 2c–2d. */
class RecapCoverageTest {
    private static final JsonValue.JsonObject NONE = JsonValue.JsonObject.empty();
    private static final String ID = "0".repeat(60) + "1234";
    private static final LitResource PKP = LitResource.pkp("0x1234");

    private static Recap recap(Map<String, Map<String, List<JsonValue.JsonObject>>> att) {
        return new Recap(att, List.of());
    }

    @Test
    void covers_exactKeyWithAbility_true() {
        Recap r = recap(Map.of("lit-pkp://" + ID, Map.of("Threshold/Signing", List.of(NONE))));
        assertTrue(RecapCoverage.covers(r, PKP, LitAbility.PKP_SIGNING));
        assertEquals(Optional.of("lit-pkp://" + ID), RecapCoverage.matchedKey(r, PKP));
    }

    @Test
    void covers_wildcardKeyWithAbility_coversAnyId() {
        Recap r = recap(Map.of("lit-pkp://*", Map.of("Threshold/Signing", List.of(NONE))));
        assertTrue(RecapCoverage.covers(r, PKP, LitAbility.PKP_SIGNING));
        assertTrue(RecapCoverage.covers(r, LitResource.pkp("*"), LitAbility.PKP_SIGNING));
    }

    @Test
    void covers_wildcardKeyWithoutAbilityButExactKeyWithIt_false() {
        Recap r = recap(Map.of(
                "lit-pkp://*", Map.of("Threshold/Execution", List.of(NONE)),
                "lit-pkp://" + ID, Map.of("Threshold/Signing", List.of(NONE))));
        assertFalse(RecapCoverage.covers(r, PKP, LitAbility.PKP_SIGNING));
        assertEquals(Optional.of("lit-pkp://*"), RecapCoverage.matchedKey(r, PKP));
    }

    @Test
    void covers_anyAbilityWildcard_true() {
        Recap r = recap(Map.of("lit-accesscontrolcondition://abc/def", Map.of("*/*", List.of(NONE))));
        assertTrue(RecapCoverage.covers(r, LitResource.accessControlCondition("abc/def"),
                LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION));
        assertTrue(RecapCoverage.covers(r, LitResource.accessControlCondition("abc/def"),
                LitAbility.ACCESS_CONTROL_CONDITION_SIGNING));
    }

    @Test
    void covers_namespaceWildcard_notHonoured() {
        Recap r = recap(Map.of("lit-pkp://*", Map.of("Threshold/*", List.of(NONE))));
        assertFalse(RecapCoverage.covers(r, PKP, LitAbility.PKP_SIGNING));
        Recap s = recap(Map.of("lit-pkp://*", Map.of("*/Signing", List.of(NONE))));
        assertFalse(RecapCoverage.covers(s, PKP, LitAbility.PKP_SIGNING));
    }

    @Test
    void covers_abilityOfOtherCase_false() {
        Recap r = recap(Map.of("lit-pkp://*", Map.of("threshold/signing", List.of(NONE))));
        assertFalse(RecapCoverage.covers(r, PKP, LitAbility.PKP_SIGNING));
    }

    @Test
    void covers_resourceKeyOfOtherCase_false() {
        Recap r = recap(Map.of("LIT-PKP://*", Map.of("Threshold/Signing", List.of(NONE)),
                "lit-pkp://" + ID.toUpperCase().replace("1234", "12AB"), Map.of("Threshold/Signing", List.of(NONE))));
        assertFalse(RecapCoverage.covers(r, PKP, LitAbility.PKP_SIGNING));
        assertEquals(Optional.empty(), RecapCoverage.matchedKey(r, PKP));
    }

    @Test
    void covers_sameAbilityOnOtherPrefix_false() {
        // Threshold/Signing on lit-pkp does not grant ACC signing
        Recap r = recap(Map.of("lit-pkp://*", Map.of("Threshold/Signing", List.of(NONE))));
        assertFalse(RecapCoverage.covers(r, LitResource.accessControlCondition("*"),
                LitAbility.ACCESS_CONTROL_CONDITION_SIGNING));
    }

    @Test
    void covers_otherAbilityOnSameKey_false() {
        Recap r = recap(Map.of("lit-litaction://*", Map.of("Threshold/Signing", List.of(NONE))));
        assertFalse(RecapCoverage.covers(r, LitResource.action("QmX"), LitAbility.LIT_ACTION_EXECUTION));
    }

    @Test
    void covers_emptyRestrictionList_stillCoveredBecauseNbIgnored() {
        Recap r = recap(Map.of("lit-litaction://*", Map.of("Threshold/Execution", List.of())));
        assertTrue(RecapCoverage.covers(r, LitResource.action("QmX"), LitAbility.LIT_ACTION_EXECUTION));
    }

    @Test
    void covers_rateLimitAuth_needsAuthAuth() {
        Recap r = RecapCodec.decode(RecapCodecTest.CAPACITY_URN);
        assertTrue(RecapCoverage.covers(r, LitResource.rateLimitIncrease("25364"), LitAbility.RATE_LIMIT_INCREASE_AUTH));
        assertFalse(RecapCoverage.covers(r, LitResource.rateLimitIncrease("25365"), LitAbility.RATE_LIMIT_INCREASE_AUTH));
    }

    @Test
    void covers_emptyRecap_false() {
        assertFalse(RecapCoverage.covers(Recap.empty(), PKP, LitAbility.PKP_SIGNING));
        assertEquals(Optional.empty(), RecapCoverage.matchedKey(Recap.empty(), PKP));
    }
}
