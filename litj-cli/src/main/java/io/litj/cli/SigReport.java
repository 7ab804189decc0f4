package io.litj.cli;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.auth.AuthDenied;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigType;
import io.litj.protocol.auth.BlsCapabilityVerifier;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigPayload;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.auth.ValidationResult;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.RecapCodec;
import io.litj.protocol.recap.SiweRecaps;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code litj session inspect} found in one node's session sig: the description lines shared by identical sigs
 * ({@link #body}), the node it is addressed to, and a verdict (a bad session-key signature, or the judgement of
 * {@code --resource}).
 */
record SigReport(String node, String nodeAddress, List<String> body, Optional<String> verdict, boolean ok,
                 boolean hasNetworkCapability, JsonValue.JsonObject json) {

    /**
     * The report of one node's sig: described, its session-key signature checked, and judged for {@code request}, or
     * for each request the sig itself lists when {@code request} is null. {@code bls} verifies network-signed (PKP)
     * capabilities; without it they are refused as unverifiable.
     */
    static SigReport of(String node, SessionSig sig, Instant now, ResourceAbilityRequest request,
                        Optional<BlsCapabilityVerifier> bls) {
        SessionSigPayload p = sig.payload();
        List<String> body = new ArrayList<>();
        boolean expired = IsoTime.parse(p.expiration(), LitErrorCode.InvalidArgument, "expiration").isBefore(now);
        body.add("  session key   " + p.sessionKey());
        body.add("  issued        " + p.issuedAt() + ", expires " + p.expiration() + (expired ? "  (EXPIRED)" : ""));
        body.add("  requests      " + p.resourceAbilityRequests());
        List<JsonValue> caps = new ArrayList<>();
        for (int i = 0; i < p.capabilities().size(); i++) {
            caps.add(describe(body, i, p.capabilities().get(i), bls.isPresent()));
        }
        String problem = InspectCommand.signatureProblem(sig, p);
        JsonValue.ObjectBuilder json = JsonValue.object().put("node", node).put("nodeAddress", p.nodeAddress())
                .put("sessionKey", p.sessionKey()).put("issuedAt", p.issuedAt()).put("expiration", p.expiration())
                .put("expired", new JsonValue.JsonBoolean(expired))
                .put("signature", problem.isEmpty() ? "verified" : problem)
                .put("capabilities", new JsonValue.JsonArray(caps));
        boolean hasNetwork = p.capabilities().stream().anyMatch(c -> c.type() == AuthSigType.BLS_NETWORK_SIG);
        if (!problem.isEmpty()) {
            return new SigReport(node, p.nodeAddress(), body, Optional.of("  session-key signature: REFUSED "
                    + problem), false, hasNetwork, json.build());
        }
        List<ResourceAbilityRequest> requests = request != null ? List.of(request) : p.resourceAbilityRequests();
        SessionSigValidator validator = validator(p, now, bls);
        StringBuilder verdict = new StringBuilder();
        List<JsonValue> checks = new ArrayList<>();
        boolean allowed = true;
        for (ResourceAbilityRequest r : requests) {
            JsonValue.JsonObject check = judge(verdict, validator, sig, r);
            checks.add(check);
            allowed &= check.get("allowed").map(JsonValue.JsonBoolean.class::cast).map(JsonValue.JsonBoolean::value)
                    .orElse(false);
        }
        if (request != null) {
            json.put("check", checks.get(0));
        }
        json.put("checks", new JsonValue.JsonArray(checks));
        return new SigReport(node, p.nodeAddress(), body, Optional.of(verdict.toString().stripTrailing()), allowed,
                hasNetwork, json.build());
    }

    private static JsonValue describe(List<String> out, int index, AuthSig cap, boolean networkKeyKnown) {
        out.add("  capability " + index + ": " + cap.type());
        JsonValue.ObjectBuilder json = JsonValue.object().put("type", cap.type().toString());
        SiweMessage siwe;
        try {
            siwe = SiweParser.parse(cap.signedMessage());
        } catch (LitProtocolException ex) {
            out.add("    not a SIWE message: " + ex.getMessage());
            return json.put("problem", "not a SIWE message: " + ex.getMessage()).build();
        }
        String signer = signer(cap, siwe, networkKeyKnown);
        out.add("    signer      " + signer);
        out.add("    delegates   " + siwe.uri());
        out.add("    issued      " + siwe.issuedAt() + ", expires " + siwe.expirationTime().orElse("(never!)"));
        json.put("signer", signer).put("delegates", siwe.uri()).put("issuedAt", siwe.issuedAt());
        siwe.expirationTime().ifPresent(t -> json.put("expiration", t));
        List<JsonValue> grants = new ArrayList<>();
        for (String urn : SiweRecaps.recapUrns(siwe)) {
            try {
                Recap recap = RecapCodec.decode(urn);
                recap.attenuations().forEach((res, abilities) -> abilities.forEach((ability, nb) -> {
                    out.add("    grants      " + ability + " on " + res + (nb.stream().allMatch(o -> o.isEmpty())
                            ? "" : " with " + nb.size() + " restriction(s) " + nb.stream()
                            .map(o -> o.members().keySet().toString()).toList()));
                    grants.add(JsonValue.object().put("resource", res).put("ability", ability).build());
                }));
            } catch (LitProtocolException ex) {
                out.add("    ReCap does not decode: " + ex.getMessage());
            }
        }
        return json.put("grants", new JsonValue.JsonArray(grants)).build();
    }

    private static String signer(AuthSig cap, SiweMessage siwe, boolean networkKeyKnown) {
        if (cap.type() == AuthSigType.BLS_NETWORK_SIG) {
            return siwe.address() + (networkKeyKnown ? " (PKP; network BLS signature, checked below against the "
                    + "network key from --rpc-url)" : " (PKP; network BLS signature, verified by nodes against the "
                    + "network key; give --rpc-url to check it here)");
        }
        try {
            var recovered = Eip191.recover(cap.signedMessage(), EthSignature.parse(cap.sig(), "sig"));
            return recovered + (recovered.equals(siwe.ethAddress()) ? " (signature verified)"
                    : " (DOES NOT MATCH the SIWE address " + siwe.address() + ")");
        } catch (LitProtocolException ex) {
            return siwe.address() + " (signature unusable: " + ex.getMessage() + ")";
        }
    }

    /** Without a network key every network signature counts as unverified (nodes check them). */
    private static void offline(byte[] message, byte[] signature) {
        throw new LitProtocolException(LitErrorCode.InvalidSignature, "no network key offline (give --rpc-url)");
    }

    private static SessionSigValidator validator(SessionSigPayload p, Instant now,
                                                 Optional<BlsCapabilityVerifier> bls) {
        String node = p.nodeAddress().startsWith("http") ? URI.create(p.nodeAddress()).getAuthority()
                : p.nodeAddress();
        return SessionSigValidator.builder(node).clock(Clock.fixed(now, ZoneOffset.UTC))
                .blsVerifier(bls.orElse(SigReport::offline)).build();
    }

    /** Judges one request, appends the verdict lines to {@code out}, and answers its JSON. */
    private static JsonValue.JsonObject judge(StringBuilder out, SessionSigValidator validator, SessionSig sig,
                                              ResourceAbilityRequest request) {
        JsonValue.ObjectBuilder check = JsonValue.object().put("request", request.toString());
        ValidationResult result;
        try {
            result = validator.validate(sig.toAuthSig(), request.resource(), request.ability());
        } catch (LitProtocolException e) {
            out.append("  ").append(request).append(": cannot judge: ").append(e.getMessage()).append('\n');
            return check.put("allowed", new JsonValue.JsonBoolean(false)).put("message", e.getMessage()).build();
        }
        switch (result) {
            case AuthContext ctx -> {
                out.append("  ").append(request).append(": ALLOWED for ").append(ctx.caller())
                        .append(" through capability ").append(ctx.capabilityIndex()).append('\n');
                out.append("    ").append(DenialText.allowed(ctx.capabilityIndex())).append('\n');
                return check.put("allowed", new JsonValue.JsonBoolean(true)).build();
            }
            case AuthDenied d -> {
                out.append("  ").append(request).append(": REFUSED ").append(d.code().wireName()).append(" by ")
                        .append(d.check()).append(": ").append(d.message()).append('\n');
                DenialText.of(d).forEach(line -> out.append("    ").append(line).append('\n'));
                List<JsonValue> reasons = new ArrayList<>();
                d.capabilityFailures().forEach(f -> reasons.add(JsonValue.object()
                        .put("capability", new JsonValue.JsonNumber(f.index())).put("check", f.check())
                        .put("errorCode", f.code().wireName()).put("message", f.message()).build()));
                return check.put("allowed", new JsonValue.JsonBoolean(false))
                        .put("errorCode", d.code().wireName()).put("by", d.check()).put("message", d.message())
                        .put("capabilities", new JsonValue.JsonArray(reasons)).build();
            }
        }
    }
}
