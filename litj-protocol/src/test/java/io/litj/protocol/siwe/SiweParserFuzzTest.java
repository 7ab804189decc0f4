package io.litj.protocol.siwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.testing.Fuzz;
import io.litj.protocol.testing.TestCapabilities;
import io.litj.protocol.testing.TestSessions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzz of {@link SiweParser} (issue 8): random and mutated EIP-4361 texts — lines cut, swapped or repeated, fields
 * with huge or impossible numbers and dates, control characters — parse or are refused with
 * {@code NodeSIWEMessageError}, never anything else. A text that parses renders back to itself, so the bytes a
 * signature is checked over are the bytes a Lit node re-renders.
 */
class SiweParserFuzzTest {
    private static final long SEED = 4361_2021_10L;
    private static final List<String> SEEDS = List.of(
            TestSessions.walletGrant().signedMessage(),
            TestCapabilities.network(TestCapabilities.popJson(1)).signedMessage(),
            SiweVectors.V4_MESSAGE,
            SiweVectors.capacityDelegation(),
            SiweVectors.sessionGrant(),
            "https://example.com:8443 wants you to sign in with your Ethereum account:\n"
                    + "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\n\nAll fields.\n\nURI: https://example.com/a?b#c\n"
                    + "Version: 1\nChain ID: 137\nNonce: abcdefgh12345678\nIssued At: 2025-01-01T00:00:00+05:30\n"
                    + "Expiration Time: 2025-01-02T00:00:00.123456789Z\nNot Before: 2024-12-31T23:59:59z\n"
                    + "Request ID: req-1~%20\nResources:\n- lit-pkp://*\n- ipfs://Qm1");

    @Test
    void parse_anyInput_messageOrSiweMessageError_andAParsedTextRendersBackToItself() {
        System.out.println("SiweParserFuzzTest seed " + SEED + ", " + Fuzz.EXAMPLES + " examples");
        qt().withFixedSeed(SEED).withExamples(Fuzz.EXAMPLES).forAll(Fuzz.inputs(SEEDS)).checkAssert(in ->
                Fuzz.parseOrRefuse(in.text(), LitErrorCode.NodeSIWEMessageError, SiweParser::parse).ifPresent(m ->
                        assertEquals(in.text(), SiweRenderer.render(m), in::toString)));
    }
}
