package io.litj.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.actions.ActionRequest;
import java.time.Instant;
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

    @Test
    void caller_firstVerifiedAuthMethod_isItsUserId() {
        Instant expiry = Instant.parse("2026-03-01T13:00:00Z");
        ResolvedAuthContext context = ResolvedAuthContext.of(List.of(
                new AuthMethodContext(AuthMethodContext.ETH_WALLET, "0x2CbEb5f6E4ae3b8d96Ad4b4ac2D4D7e6f0A8f5d3",
                        "lit", expiry),
                new AuthMethodContext(AuthMethodContext.ETH_WALLET, "0x000000000000000000000000000000000000dEaD",
                        "lit", expiry)));
        assertEquals("0x2CbEb5f6E4ae3b8d96Ad4b4ac2D4D7e6f0A8f5d3", LitActionCheck.caller(context));
    }

    @Test
    void caller_noAuthMethod_isTheAnonymousCaller() {
        assertEquals(ActionRequest.ANONYMOUS, LitActionCheck.caller(ResolvedAuthContext.of(List.of())));
    }
}
