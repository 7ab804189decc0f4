package io.litj.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.node.registry.Block;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.BlsSessionMessage;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.RecapCodec;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import io.litj.protocol.testing.TestSessions;
import io.litj.protocol.testing.Vectors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SIWE the network signs ({@code lit-node-behaviour.md} §3.1 step 7), against SIWEs real Datil nodes signed:
 * the client's request is rebuilt by the JS SDK's rules ({@code js-sdk-v7-wire-format.md} §5.1–5.2) from the
 * vector's fields, the node's block and auth context are taken from the vector, and the rebuild must give the
 * node's text byte for byte and its {@code dataSigned}.
 */
class SessionSiweBuilderTest {
    private static final String VECTORS = "js-sdk-b24d14f93/node-session-siwes.json";

    @Test
    void build_datilVectors_reproducesTheNodeSiweByteForByte() {
        List<String> failures = new ArrayList<>();
        for (JsonValue item : ((JsonValue.JsonArray) Vectors.json(VECTORS).get("cases").orElseThrow()).items()) {
            JsonValue.JsonObject c = (JsonValue.JsonObject) item;
            String id = Vectors.str(c, "id");
            String rebuilt = rebuild(ClientSiwe.from(Vectors.obj(c, "request")), Vectors.str(c, "blockHash"),
                    Instant.parse(Vectors.str(c, "blockTimestamp")), Vectors.obj(c, "authContext"));
            String expected = Vectors.str(c, "nodeSiweMessage");
            if (!rebuilt.equals(expected)) {
                failures.add(id + " (" + Vectors.str(c, "comment") + "): SIWE differs at char "
                        + firstDifference(rebuilt, expected) + "\n got      " + rebuilt + "\n expected " + expected);
            } else if (!Hex.encode(BlsSessionMessage.of(rebuilt)).equals(Vectors.str(c, "dataSigned"))) {
                failures.add(id + ": dataSigned differs");
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void build_datilLitActionSession_reproducesTheNodeSiweWithItsCustomAuthResource() {
        // the lit.bls capability of litj-protocol's datil/session-sigs.json: a Lit Action session whose response
        // (customAuthResource) is a string full of quotes and backslashes
        JsonValue.JsonObject sessionSig = (JsonValue.JsonObject) Vectors.json("datil/session-sigs.json")
                .get("validSessionSigs").map(v -> ((JsonValue.JsonObject) v).members().values().iterator().next())
                .orElseThrow();
        JsonValue.JsonObject payload = JsonReader.parseObject(Vectors.str(sessionSig, "signedMessage"),
                LitErrorCode.NodeParserError, "payload");
        String expected = ((JsonValue.JsonArray) payload.get("capabilities").orElseThrow()).items().stream()
                .map(v -> (JsonValue.JsonObject) v).filter(v -> Vectors.str(v, "derivedVia").equals("lit.bls"))
                .map(v -> Vectors.str(v, "signedMessage")).findFirst().orElseThrow();
        SiweMessage node = SiweParser.parse(expected);
        JsonValue.JsonObject authContext = (JsonValue.JsonObject) RecapCodec.decode(node.resources().get(0))
                .abilitiesOn("lit-resolvedauthcontext://*").orElseThrow().get("Auth/Auth").get(0)
                .get("auth_context").orElseThrow();
        // signSessionKey for lit-pkp and lit-litaction; the client's Issued At is invented (the node replaces it)
        ClientSiwe request = new ClientSiwe(node.domain(), node.address(), node.uri(), node.chainId(), node.nonce(),
                "2024-10-16T13:48:16.900Z", node.expirationTime().orElseThrow(), TestSessions.actionAndPkp());

        String rebuilt = rebuild(request, node.nonce(), node.issuedAtInstant(), authContext);

        assertEquals(expected, rebuilt);
    }

    @Test
    void build_loginExpiringFirst_capsTheExpirationAtItInMillisecondsElseKeepsTheRequestsText() {
        SiweMessage request = template().expiration(TestSessions.NOW.plus(Duration.ofDays(30))).build()
                .toBuilder().expirationTime("2025-01-31T00:00:00Z").build();
        Recap user = SessionSiweBuilder.userCapabilities(request);
        Block block = new Block(1, TestSessions.NONCE, TestSessions.NOW);
        Instant requested = request.expirationInstant().orElseThrow();

        assertEquals(Optional.of("2025-01-01T00:01:00.123Z"), expirationOf(SessionSiweBuilder.build(request, user,
                request.ethAddress(), block, JsonValue.JsonObject.empty(),
                Optional.of(Instant.parse("2025-01-01T00:01:00.123999Z")))));
        assertEquals(Optional.of("2025-01-30T23:59:59.999Z"), expirationOf(SessionSiweBuilder.build(request, user,
                request.ethAddress(), block, JsonValue.JsonObject.empty(), Optional.of(requested.minusMillis(1)))));
        for (Optional<Instant> notEarlier : List.of(Optional.<Instant>empty(), Optional.of(requested),
                Optional.of(requested.plusSeconds(1)))) {
            assertEquals(Optional.of("2025-01-31T00:00:00Z"), expirationOf(SessionSiweBuilder.build(request, user,
                    request.ethAddress(), block, JsonValue.JsonObject.empty(), notEarlier)));
        }
    }

    private static Optional<String> expirationOf(String siwe) {
        return SiweParser.parse(siwe).expirationTime();
    }

    @Test
    void toJson_ofAnEthWalletContext_hasV3sKeySetWithoutExpiration() {
        AuthMethodContext wallet = new AuthMethodContext(1, "0x2F6f5874a4d251e35Cd78b3576CA90bD2f05Fe0B", "lit",
                Instant.ofEpochSecond(1717444020));
        String v3 = "{\"actionIpfsIds\":[],\"authMethodContexts\":[{\"appId\":\"lit\",\"authMethodType\":1,"
                + "\"usedForSignSessionKeyRequest\":true,\"userId\":\"0x2F6f5874a4d251e35Cd78b3576CA90bD2f05Fe0B\"}],"
                + "\"authSigAddress\":null,\"customAuthResource\":\"\",\"resources\":[]}";

        assertEquals(v3, JsJson.canonicalize(ResolvedAuthContext.of(List.of(wallet)).toJson()));
    }

    @Test
    void userCapabilities_recapGrantingResolvedAuthContext_refusedWithNodeInvalidAuthContextResource() {
        Recap sneaky = Recap.empty().withAttenuation("lit-resolvedauthcontext://*", "Auth", "Auth",
                JsonValue.JsonObject.empty());
        SiweMessage siwe = template().build().toBuilder().statement("Hi " + sneaky.statement())
                .resources(List.of(sneaky.toUrn())).build();

        LitNodeException e = assertThrows(LitNodeException.class, () -> SessionSiweBuilder.userCapabilities(siwe));

        assertEquals(LitErrorCode.NodeInvalidAuthContextResource, e.code());
    }

    @Test
    void userCapabilities_statementNotEndingWithTheRecap_refusedWithNodeSIWECapabilityInvalid() {
        SiweMessage siwe = template().build();
        SiweMessage edited = siwe.toBuilder().statement(siwe.statement().orElseThrow() + " Also more.").build();

        LitNodeException e = assertThrows(LitNodeException.class, () -> SessionSiweBuilder.userCapabilities(edited));

        assertEquals(LitErrorCode.NodeSIWECapabilityInvalid, e.code());
        assertEquals("siweMessage statement must end with its ReCap's statement 'I further authorize the stated URI "
                + "to perform the following acti…'", e.getMessage());
    }

    @Test
    void userCapabilities_lastResourceNotARecap_refusedWithNodeSIWECapabilityInvalid() {
        SiweMessage siwe = template().build();
        List<String> resources = new ArrayList<>(siwe.resources());
        resources.add("https://example.com/not-a-recap");

        assertEquals(LitErrorCode.NodeSIWECapabilityInvalid, assertThrows(LitNodeException.class,
                () -> SessionSiweBuilder.userCapabilities(siwe.toBuilder().resources(resources).build())).code());
        assertEquals(LitErrorCode.NodeSIWECapabilityInvalid, assertThrows(LitNodeException.class,
                () -> SessionSiweBuilder.userCapabilities(siwe.toBuilder().resources(List.of()).build())).code());
    }

    @Test
    void wholeSeconds_blockTimeWithNanoseconds_isCutToTheSecond() {
        assertEquals("2024-06-02T19:46:47Z",
                SessionSiweBuilder.wholeSeconds(Instant.parse("2024-06-02T19:46:47.999Z")));
        assertEquals("2024-06-02T19:46:47Z", SessionSiweBuilder.wholeSeconds(Instant.parse("2024-06-02T19:46:47Z")));
    }

    /** The node's rebuild of the client's SIWE with the vector's block and auth context. */
    private static String rebuild(ClientSiwe request, String blockHash, Instant blockTime,
                                  JsonValue.JsonObject authContext) {
        SiweMessage clientSiwe = request.build();
        Recap user = SessionSiweBuilder.userCapabilities(clientSiwe);
        return SessionSiweBuilder.build(clientSiwe, user, clientSiwe.ethAddress(), new Block(1, blockHash, blockTime),
                authContext, Optional.empty());
    }

    /** What the JS SDK's signSessionKey puts into its SIWE (js-sdk-v7-wire-format.md §5.2). */
    private record ClientSiwe(String domain, String pkpAddress, String sessionKey, long chainId, String nonce,
                              String issuedAt, String expiration, List<ResourceAbilityRequest> requests) {
        static ClientSiwe from(JsonValue.JsonObject o) {
            List<ResourceAbilityRequest> requests = new ArrayList<>();
            for (JsonValue r : ((JsonValue.JsonArray) o.get("resourceAbilityRequests").orElseThrow()).items()) {
                JsonValue.JsonObject ra = (JsonValue.JsonObject) r;
                requests.add(ResourceAbilityRequest.of(LitResource.parseKey(Vectors.str(ra, "resource")),
                        LitAbility.of(Vectors.str(ra, "ability")).orElseThrow()));
            }
            return new ClientSiwe(Vectors.str(o, "domain"), Vectors.str(o, "pkpAddress"), Vectors.str(o, "sessionKey"),
                    (long) ((JsonValue.JsonNumber) o.get("chainId").orElseThrow()).value(), Vectors.str(o, "nonce"),
                    Vectors.str(o, "issuedAt"), Vectors.str(o, "expiration"), requests);
        }

        /** getPkpSessionSigs passes the empty-ReCap sentence as its statement; each request adds a ReCap. */
        SiweMessage build() {
            return LitSiweBuilder.create(EthAddress.parse(pkpAddress, "pkpAddress"), nonce).domain(domain)
                    .statement(SessionKeyFixture.PKP_STATEMENT).uri(sessionKey).chainId(chainId)
                    .issuedAt(Instant.parse(issuedAt)).expiration(Instant.parse(expiration)).resources(requests)
                    .build();
        }
    }

    private static LitSiweBuilder template() {
        return LitSiweBuilder.create(TestSessions.WALLET.address(), TestSessions.NONCE).clock(TestSessions.CLOCK)
                .statement(SessionKeyFixture.PKP_STATEMENT).uri(TestSessions.SESSION_KEY.uri())
                .resources(TestSessions.actionAndPkp());
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
