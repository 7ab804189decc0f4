package io.litj.protocol.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mapping table of {@code js-sdk-v7-wire-format.md} §3.5 (and {@code lit-node-behaviour.md} §2.4); wire values
 * equal {@code LIT_ABILITY} of {@code @lit-protocol/constants@7.4.0} (printed once with node).
 */
class LitAbilityTest {

    @ParameterizedTest
    @CsvSource({
        "access-control-condition-decryption, lit-accesscontrolcondition, Threshold/Decryption",
        "access-control-condition-signing, lit-accesscontrolcondition, Threshold/Signing",
        "pkp-signing, lit-pkp, Threshold/Signing",
        "rate-limit-increase-auth, lit-ratelimitincrease, Auth/Auth",
        "lit-action-execution, lit-litaction, Threshold/Execution",
    })
    void of_wireValue_mapsToPrefixAndRecapAbility(String wire, String prefix, String recap) {
        LitAbility ability = LitAbility.of(wire).orElseThrow();
        assertEquals(wire, ability.value());
        assertEquals(prefix, ability.prefix().value());
        assertEquals(recap, ability.recapAbility());
        assertEquals(recap, ability.recapNamespace() + "/" + ability.recapName());
    }

    @Test
    void of_unknownOrOtherCase_empty() {
        assertEquals(Optional.empty(), LitAbility.of("PKP-SIGNING"));
        assertEquals(Optional.empty(), LitAbility.of("Threshold/Signing"));
        assertEquals(Optional.empty(), LitAbility.of(""));
    }

    @Test
    void values_fiveAbilities() {
        assertEquals(5, LitAbility.values().length);
    }

    @Test
    void appliesTo_ownAndOtherPrefix_answers() {
        assertTrue(LitAbility.PKP_SIGNING.appliesTo(LitResource.pkp("*")));
        assertFalse(LitAbility.PKP_SIGNING.appliesTo(LitResource.accessControlCondition("*")));
        assertTrue(LitAbility.ACCESS_CONTROL_CONDITION_SIGNING.appliesTo(LitResource.accessControlCondition("*")));
        assertFalse(LitAbility.LIT_ACTION_EXECUTION.appliesTo(LitResource.resolvedAuthContext()));
    }
}
