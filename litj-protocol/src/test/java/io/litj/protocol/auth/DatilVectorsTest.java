package io.litj.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.testing.FakeBlsVerifiers;
import io.litj.protocol.testing.Vectors;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The nine real Datil session sigs ({@code vectors/datil/session-sigs.json}): with a frozen clock and each node's
 * address, every outer check passes and the capability checks get as far as the unpublished network key; the edited
 * copies all fail the Ed25519 check. Each runner collects every failure before asserting.
 */
class DatilVectorsTest {
    private static final JsonValue.JsonObject V = Vectors.json("datil/session-sigs.json");
    private static final Clock DURING = Clock.fixed(Instant.parse("2024-10-16T14:00:00Z"), ZoneOffset.UTC);
    private static final LitResource ACTION = LitResource.action("QmSomeAction");

    private static SessionSigValidator validatorFor(String nodeUrl, Clock clock) {
        URI uri = URI.create(nodeUrl);
        return SessionSigValidator.builder(uri.getHost() + ":" + uri.getPort()).clock(clock)
                .blsVerifier(FakeBlsVerifiers.REFUSING).build();
    }

    @Test
    void validSessionSigs_passEveryCheckUpToTheUnpublishedNetworkKey() {
        List<String> failures = new ArrayList<>();
        Map<String, JsonValue> sigs = Vectors.obj(V, "validSessionSigs").members();
        for (Map.Entry<String, JsonValue> e : sigs.entrySet()) {
            AuthSig sig = AuthSig.fromJson(e.getValue(), LitErrorCode.NodeParserError, e.getKey());
            ValidationResult r = validatorFor(e.getKey(), DURING).validate(sig, ACTION, LitAbility.LIT_ACTION_EXECUTION);
            String expected = "NodeResourceIdNotFound/CapabilityChecks [0 SiweUriCheck NodeSIWEMessageError, "
                    + "1 CapabilitySignatureCheck NodeSIWEMessageError]";
            String actual = describe(r);
            if (!expected.equals(actual)) {
                failures.add(e.getKey() + ": " + actual);
            }
        }
        assertEquals(9, sigs.size());
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    @Test
    void validSessionSigs_wrongNodeAddress_deniedWithNotAuthorized() {
        Map.Entry<String, JsonValue> first = Vectors.obj(V, "validSessionSigs").members().entrySet().iterator().next();
        AuthSig sig = AuthSig.fromJson(first.getValue(), LitErrorCode.NodeParserError, "v");
        ValidationResult r = SessionSigValidator.builder("51.255.59.58:8443").clock(DURING).build()
                .validate(sig, ACTION, LitAbility.LIT_ACTION_EXECUTION);
        assertEquals(LitErrorCode.NodeNotAuthorized, ((AuthDenied) r).code());
    }

    @Test
    void expiredEditedSessionSigs_allFailTheEd25519Check() {
        List<String> failures = new ArrayList<>();
        Map<String, JsonValue> sigs = Vectors.obj(V, "expiredEditedSessionSigs").members();
        for (Map.Entry<String, JsonValue> e : sigs.entrySet()) {
            AuthSig sig = AuthSig.fromJson(e.getValue(), LitErrorCode.NodeParserError, e.getKey());
            Clock then = Clock.fixed(Instant.parse("2022-10-16T14:00:00Z"), ZoneOffset.UTC);
            ValidationResult r = validatorFor(e.getKey(), then).validate(sig, ACTION, LitAbility.LIT_ACTION_EXECUTION);
            if (!(r instanceof AuthDenied d) || d.code() != LitErrorCode.NodeInvalidAuthSigSessionKeySignature) {
                failures.add(e.getKey() + ": " + describe(r));
            }
        }
        assertEquals(9, sigs.size());
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    @Test
    void eoaCapacityCapability_recoversItsSigner() {
        JsonValue first = Vectors.obj(V, "validSessionSigs").members().values().iterator().next();
        SessionSigPayload payload = SessionSig.fromAuthSig(AuthSig.fromJson(first, LitErrorCode.NodeParserError, "v"))
                .payload();
        AuthSig capacity = payload.capabilities().get(0);
        EthAddress signer = Eip191.recover(capacity.signedMessage(), EthSignature.parse(capacity.sig(), "sig"));
        assertEquals("0x5D467fe98ff120fe0C85F2217bC61732571b28EC", signer.toChecksumString());
        assertEquals(capacity.address(), signer.toChecksumString());
    }

    private static String describe(ValidationResult r) {
        if (r instanceof AuthDenied d) {
            return d.code() + "/" + d.check() + " " + d.capabilityFailures().stream()
                    .map(f -> f.index() + " " + f.check() + " " + f.code()).toList();
        }
        return r.toString();
    }
}
