package io.litj.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.testing.InMemoryRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.TestSessions;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The checks of {@code /web/pkp/sign/v1}: their order, names and codes are those of the table in
 * {@code docs/ecdsa-node.md}, and the cheap shape checks refuse before the session is read. Refusals of the
 * session and permission checks, on real nodes, are in {@code io.litj.node.ecdsa.PkpSignNetworkTest}.
 */
class PkpSignAuthorizerTest {
    private final InMemoryRegistry registry = new InMemoryRegistry(new NetworkInfo(31337, 1, 2,
            "0xD4507CD392Af2c80919219d7896508728f6A623F", Instant.parse("2026-01-01T00:00:00Z"), 86_400), List.of());
    private final PkpSignAuthorizer authorizer = new PkpSignAuthorizer(registry, new AuthGate(
            SessionSigValidator.builder(TestSessions.NODE_ADDRESS).clock(TestSessions.CLOCK).build()));

    @Test
    void checks_runInTheOrderAndWithTheCodesOfTheTableInEcdsaNodeMd() throws IOException {
        List<CheckTables.Row> rows = CheckTables.rows("ecdsa-node.md");
        List<String> names = rows.stream().map(CheckTables.Row::check).toList();

        assertEquals(List.of("AuthMethodsForbiddenCheck", "ToSignCheck", "PkpKeyCheck", "PkpExistsCheck",
                "PkpSessionCheck", "WalletActionGrantCheck", "PkpCallerCheck"), names);
        assertEquals(names, authorizer.checks().stream().map(PkpSignCheck::name).toList());
        assertEquals(rows.stream().map(CheckTables.Row::codes).toList(),
                authorizer.checks().stream().map(c -> new TreeSet<>(c.codes())).toList());
    }

    private static JsonValue bytes(int n, int value) {
        List<JsonValue> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new JsonValue.JsonNumber(value));
        }
        return new JsonValue.JsonArray(out);
    }

    private LitNodeException refused(JsonValue toSign, JsonValue pubkey) {
        return assertThrows(LitNodeException.class, () -> authorizer.authorize(new PkpSignBody(toSign, pubkey,
                Optional.empty(), Optional.empty())));
    }

    @Test
    void authorize_toSignNotAnArrayOfBytes_refusedByToSignCheckBeforeTheSession() {
        JsonValue key = new JsonValue.JsonString("04" + "1".repeat(128));
        for (JsonValue toSign : List.of(JsonValue.JsonNull.INSTANCE, bytes(31, 1), bytes(33, 1), bytes(32, 256),
                bytes(32, -1), new JsonValue.JsonString("0x" + "00".repeat(32)))) {
            LitNodeException e = refused(toSign, key);
            assertEquals(LitErrorCode.NodeBadInput, e.code());
            assertEquals("ToSignCheck", e.details().getFirst().split(":")[0], e::getMessage);
        }
    }

    @Test
    void authorize_pubkeyNotAnUncompressedKey_refusedByPkpKeyCheck() {
        for (String key : List.of("02" + "1".repeat(64), "04" + "1".repeat(126), "0x04" + "1".repeat(130),
                "04" + "z".repeat(128))) {
            LitNodeException e = refused(bytes(32, 7), new JsonValue.JsonString(key));
            assertEquals(LitErrorCode.NodeBadInput, e.code());
            assertEquals("PkpKeyCheck", e.details().getFirst().split(":")[0], e::getMessage);
        }
    }

    @Test
    void authorize_pkpNotInTheRegistry_refusedWithNodePKPTokenIdNotFoundBeforeTheSession() {
        LitNodeException e = refused(bytes(32, 7), new JsonValue.JsonString("0x04" + "1".repeat(128)));

        assertEquals(LitErrorCode.NodePKPTokenIdNotFound, e.code());
        assertEquals("PkpExistsCheck", e.details().getFirst().split(":")[0]);
    }

    @Test
    void authorize_authMethodsGiven_refusedFirst() {
        LitNodeException e = assertThrows(LitNodeException.class, () -> authorizer.authorize(new PkpSignBody(
                JsonValue.JsonNull.INSTANCE, JsonValue.JsonNull.INSTANCE, Optional.empty(),
                Optional.of(new JsonValue.JsonArray(List.of(JsonValue.JsonObject.empty()))))));

        assertEquals(LitErrorCode.NodeCannotProvideAuthMethodForEndpoint, e.code());
    }
}
