package io.litj.protocol.recap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Merge rules and ability syntax as {@code js-sdk-v7-wire-format.md} §3.4 and {@code erc5573-recap.md} §3 state
 * them; the ability-string examples are the ones npm siwe-recap's own tests use.
 */
class RecapTest {
    private static final JsonValue.JsonObject NONE = JsonValue.JsonObject.empty();
    private static final JsonValue.JsonObject AB = JsonValue.object().put("a", "b").build();
    private static final JsonValue.JsonObject CD = JsonValue.object().put("c", "d").build();

    @ParameterizedTest
    @ValueSource(strings = {"crud/read", "kepler/*", "https/put", "*/*", "Threshold/Signing", "a.b_c+d-e/F9"})
    void isValidAbility_wellFormed_true(String ability) {
        assertTrue(Recap.isValidAbility(ability));
    }

    @ParameterizedTest
    @ValueSource(strings = {"crud", "crud/read/write", "with a/space", "with/a space", "/x", "x/", "", "a\\b/c",
        "\u00e9/x", "a/[b]"})
    void isValidAbility_malformed_false(String ability) {
        assertFalse(Recap.isValidAbility(ability));
    }

    @Test
    void constructor_badAbility_throwsNodeSIWECapabilityInvalid() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> new Recap(Map.of("lit-pkp://*", Map.of("Threshold", List.of(NONE))), List.of()));
        assertEquals(LitErrorCode.NodeSIWECapabilityInvalid, e.code());
        assertTrue(e.getMessage().contains("'Threshold'"), e.getMessage());
    }

    @Test
    void withAttenuation_badNamespace_throwsNodeSIWECapabilityInvalid() {
        assertEquals(LitErrorCode.NodeSIWECapabilityInvalid, assertThrows(LitProtocolException.class,
                () -> Recap.empty().withAttenuation("lit-pkp://*", "Thresh old", "Signing", NONE)).code());
    }

    @Test
    void constructor_unsortedInput_keysSortedByUtf16() {
        Recap recap = new Recap(Map.of("b://x", Map.of("Z/z", List.of(NONE), "A/a", List.of(NONE)),
                "a://x", Map.of("n/n", List.of(NONE))), List.of());
        assertEquals(List.of("a://x", "b://x"), List.copyOf(recap.attenuations().keySet()));
        assertEquals(List.of("A/a", "Z/z"), List.copyOf(recap.attenuations().get("b://x").keySet()));
    }

    @Test
    void attenuations_mutation_refused() {
        Recap recap = Recap.empty().withAttenuation("lit-pkp://*", "Threshold", "Signing", NONE);
        assertThrows(UnsupportedOperationException.class, () -> recap.attenuations().clear());
        assertThrows(UnsupportedOperationException.class, () -> recap.attenuations().get("lit-pkp://*").clear());
        assertThrows(UnsupportedOperationException.class,
                () -> recap.attenuations().get("lit-pkp://*").get("Threshold/Signing").clear());
    }

    @Test
    void withAttenuation_sameAbilityTwice_appendsRestriction() {
        Recap recap = Recap.empty().withAttenuation("r://x", "ns", "a", NONE).withAttenuation("r://x", "ns", "a", AB);
        assertEquals(List.of(NONE, AB), recap.attenuations().get("r://x").get("ns/a"));
    }

    @Test
    void withAttenuation_original_unchanged() {
        Recap original = Recap.empty().withAttenuation("r://x", "ns", "a", NONE);
        original.withAttenuation("r://x", "ns", "a", AB);
        assertEquals(List.of(NONE), original.attenuations().get("r://x").get("ns/a"));
    }

    @Test
    void merge_existingAllEmptyRestrictions_replacedByNewList() {
        Recap existing = Recap.empty().withAttenuation("r://x", "ns", "a", NONE).withAttenuation("r://x", "ns", "a", NONE);
        Recap merged = existing.merge(Recap.empty().withAttenuation("r://x", "ns", "a", AB));
        assertEquals(List.of(AB), merged.attenuations().get("r://x").get("ns/a"));
    }

    @Test
    void merge_existingEmptyList_replacedByNewList() {
        Recap existing = new Recap(Map.of("r://x", Map.of("ns/a", List.of())), List.of());
        Recap merged = existing.merge(Recap.empty().withAttenuation("r://x", "ns", "a", AB));
        assertEquals(List.of(AB), merged.attenuations().get("r://x").get("ns/a"));
    }

    @Test
    void merge_existingRealRestriction_newListAppended() {
        Recap existing = Recap.empty().withAttenuation("r://x", "ns", "a", AB);
        Recap merged = existing.merge(Recap.empty().withAttenuation("r://x", "ns", "a", CD)
                .withAttenuation("r://x", "ns", "a", NONE));
        assertEquals(List.of(AB, CD, NONE), merged.attenuations().get("r://x").get("ns/a"));
    }

    @Test
    void merge_newResourceAndNewAbility_added() {
        Recap existing = Recap.empty().withAttenuation("r://x", "ns", "a", AB);
        Recap merged = existing.merge(Recap.empty().withAttenuation("r://x", "ns", "b", NONE)
                .withAttenuation("q://y", "ns", "c", CD));
        assertEquals(Map.of("q://y", Map.of("ns/c", List.of(CD)),
                "r://x", Map.of("ns/a", List.of(AB), "ns/b", List.of(NONE))), merged.attenuations());
        assertEquals(List.of("q://y", "r://x"), List.copyOf(merged.attenuations().keySet()));
    }

    @Test
    void merge_inputs_unchanged() {
        Recap a = Recap.empty().withAttenuation("r://x", "ns", "a", AB);
        Recap b = Recap.empty().withAttenuation("r://x", "ns", "a", CD);
        a.merge(b);
        assertEquals(List.of(AB), a.attenuations().get("r://x").get("ns/a"));
        assertEquals(List.of(CD), b.attenuations().get("r://x").get("ns/a"));
    }

    @Test
    void merge_proofs_concatenatedWithoutDuplicates() {
        Recap a = new Recap(Map.of(), List.of("zA", "zB"));
        Recap b = new Recap(Map.of(), List.of("zB", "zC"));
        assertEquals(List.of("zA", "zB", "zC"), a.merge(b).proofs());
    }

    @Test
    void statement_abilitiesOfTwoNamespaces_groupedPerNamespaceInSortedOrder() {
        // erc5573-recap.md §8 example 2 shape: (1) 'crud': 'delete', 'update' … (2) 'other': 'action' … (3) 'msg': …
        Recap recap = Recap.empty()
                .withAttenuation("https://example.com/pictures/", "crud", "update", NONE)
                .withAttenuation("https://example.com/pictures/", "other", "action", NONE)
                .withAttenuation("https://example.com/pictures/", "crud", "delete", NONE)
                .withAttenuation("mailto:username@example.com", "msg", "send", NONE)
                .withAttenuation("mailto:username@example.com", "msg", "receive", NONE);
        assertEquals(Recap.STATEMENT_PREAMBLE + " (1) 'crud': 'delete', 'update' for 'https://example.com/pictures/'."
                + " (2) 'other': 'action' for 'https://example.com/pictures/'. (3) 'msg': 'receive', 'send' for "
                + "'mailto:username@example.com'.", recap.statement());
    }

    @Test
    void abilitiesOn_presentAndAbsentKey_answers() {
        Recap recap = Recap.empty().withAttenuation("lit-pkp://*", "Threshold", "Signing", NONE);
        assertTrue(recap.abilitiesOn("lit-pkp://*").isPresent());
        assertTrue(recap.abilitiesOn("lit-pkp://1").isEmpty());
    }

    @Test
    void toString_recap_listsResourcesOnly() {
        Recap recap = Recap.empty().withAttenuation("lit-pkp://*", "Threshold", "Signing", AB);
        assertEquals("Recap[lit-pkp://*]", recap.toString());
    }
}
