package io.litj.protocol.siwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** EIP-4361 field rules as siwe@2.3.2 and siwe-rs apply them ({@code js-sdk-v7-wire-format.md} §3.1). */
class SiweMessageTest {

    private static SiweMessage.Builder base() {
        return SiweMessage.builder().domain("example.com").address("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
                .uri("lit:session:abcd").nonce("abcdefgh12345678").issuedAt("2025-01-01T00:00:00.000Z");
    }

    @Test
    void build_emptyStatement_isNone() {
        assertEquals(Optional.empty(), base().statement("").build().statement());
    }

    @Test
    void build_litUris_accepted() {
        assertEquals("lit:capability:delegation", base().uri("lit:capability:delegation").build().uri());
        assertEquals("did:key:z6Mk", base().uri("did:key:z6Mk").build().uri());
    }

    @Test
    void build_blockhashNonce_accepted() {
        String nonce = "0x" + "ab".repeat(32);
        assertEquals(nonce, base().nonce(nonce).build().nonce());
    }

    @Test
    void build_eachInvalidField_throwsNodeSIWEMessageErrorNamingIt() {
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"domain", (UnaryOperator<SiweMessage.Builder>) b -> b.domain("")});
        cases.add(new Object[] {"domain", (UnaryOperator<SiweMessage.Builder>) b -> b.domain("exa mple.com")});
        cases.add(new Object[] {"domain", (UnaryOperator<SiweMessage.Builder>) b -> b.domain(null)});
        cases.add(new Object[] {"address", (UnaryOperator<SiweMessage.Builder>) b -> b.address(null)});
        cases.add(new Object[] {"address", (UnaryOperator<SiweMessage.Builder>)
                b -> b.address("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")});
        cases.add(new Object[] {"uri", (UnaryOperator<SiweMessage.Builder>) b -> b.uri("no scheme")});
        cases.add(new Object[] {"uri", (UnaryOperator<SiweMessage.Builder>) b -> b.uri(null)});
        cases.add(new Object[] {"version", (UnaryOperator<SiweMessage.Builder>) b -> b.version("2")});
        cases.add(new Object[] {"chainId", (UnaryOperator<SiweMessage.Builder>) b -> b.chainId(-1)});
        cases.add(new Object[] {"nonce", (UnaryOperator<SiweMessage.Builder>) b -> b.nonce("short")});
        cases.add(new Object[] {"nonce", (UnaryOperator<SiweMessage.Builder>) b -> b.nonce("abcdefgh_")});
        cases.add(new Object[] {"nonce", (UnaryOperator<SiweMessage.Builder>) b -> b.nonce(null)});
        cases.add(new Object[] {"issuedAt", (UnaryOperator<SiweMessage.Builder>) b -> b.issuedAt("yesterday")});
        cases.add(new Object[] {"issuedAt", (UnaryOperator<SiweMessage.Builder>) b -> b.issuedAt((String) null)});
        cases.add(new Object[] {"expirationTime", (UnaryOperator<SiweMessage.Builder>)
                b -> b.expirationTime("2025-13-01T00:00:00Z")});
        cases.add(new Object[] {"notBefore", (UnaryOperator<SiweMessage.Builder>)
                b -> b.notBefore("2025-01-01T00:00:60Z")});
        cases.add(new Object[] {"requestId", (UnaryOperator<SiweMessage.Builder>) b -> b.requestId("a b")});
        cases.add(new Object[] {"statement", (UnaryOperator<SiweMessage.Builder>) b -> b.statement("a\nb")});
        cases.add(new Object[] {"statement", (UnaryOperator<SiweMessage.Builder>) b -> b.statement("a\u007fb")});
        cases.add(new Object[] {"scheme", (UnaryOperator<SiweMessage.Builder>) b -> b.scheme("1http")});
        cases.add(new Object[] {"resource", (UnaryOperator<SiweMessage.Builder>)
                b -> b.resources(List.of("https://ok", "not a uri"))});
        List<String> failures = new ArrayList<>();
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            UnaryOperator<SiweMessage.Builder> edit = (UnaryOperator<SiweMessage.Builder>) c[1];
            try {
                edit.apply(base()).build();
                failures.add(c[0] + ": accepted");
            } catch (LitProtocolException e) {
                if (e.code() != LitErrorCode.NodeSIWEMessageError || !e.getMessage().contains((String) c[0])) {
                    failures.add(c[0] + ": " + e);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void build_nullResources_refused() {
        assertThrows(NullPointerException.class, () -> base().resources(null).build());
    }

    @Test
    void toBuilder_message_rebuildsEqualMessage() {
        SiweMessage m = base().scheme("https").statement("s").expirationTime("2025-01-02T00:00:00.000Z")
                .notBefore("2024-12-31T00:00:00Z").requestId("r").resources(List.of("https://a")).build();
        assertEquals(m, m.toBuilder().build());
    }

    @Test
    void instants_timesWithOffsets_parsedToUtc() {
        SiweMessage m = base().issuedAt("2025-01-01T01:00:00+01:00").expirationTime("2025-01-02T00:00:00Z")
                .notBefore("2024-12-31T00:00:00.5Z").build();
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), m.issuedAtInstant());
        assertEquals(Optional.of(Instant.parse("2025-01-02T00:00:00Z")), m.expirationInstant());
        assertEquals(Optional.of(Instant.parse("2024-12-31T00:00:00.500Z")), m.notBeforeInstant());
        assertEquals("2025-01-01T01:00:00+01:00", m.issuedAt());
    }

    @Test
    void builderInstant_formatsLikeToIsoString() {
        SiweMessage m = base().issuedAt(Instant.parse("2025-01-01T00:00:00Z")).build();
        assertEquals("2025-01-01T00:00:00.000Z", m.issuedAt());
    }

    @Test
    void ethAddress_checksummedAddress_parsed() {
        assertEquals("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", base().build().ethAddress().toChecksumString());
    }

    @Test
    void resources_callerListMutated_messageUnchanged() {
        List<String> resources = new ArrayList<>(List.of("https://a"));
        SiweMessage m = new SiweMessage(Optional.empty(), "example.com", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                Optional.empty(), "lit:session:abcd", "1", 1, "abcdefgh12345678", "2025-01-01T00:00:00.000Z",
                Optional.empty(), Optional.empty(), Optional.empty(), resources);
        resources.add("https://b");
        assertEquals(List.of("https://a"), m.resources());
        assertTrue(m.statement().isEmpty());
    }
}
