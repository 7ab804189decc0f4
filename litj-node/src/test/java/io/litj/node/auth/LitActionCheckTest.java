package io.litj.node.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Lit Action authorization rule: exactly {@code true} (or the JSON string {@code "true"}), nothing else. */
class LitActionCheckTest {
    @Test
    void isTrue_trueAndJsonStringTrueWithSurroundingWhitespace_accepted() {
        for (String yes : List.of("true", " true\n", "\"true\"", "\t\"true\" ")) {
            assertTrue(LitActionCheck.isTrue(yes), yes);
        }
    }

    @Test
    void isTrue_anythingMerelyContainingTrue_refused() {
        // Datil's substring rule would accept all of these (lit-node-behaviour.md §10 item 13)
        for (String no : List.of("", "false", "untrue", "True", "TRUE", "true true", "{\"ok\":true}", "[true]",
                "(true, {\"MO\":\"FO\"})", "\"(true)\"", "1")) {
            assertFalse(LitActionCheck.isTrue(no), no);
        }
    }
}
