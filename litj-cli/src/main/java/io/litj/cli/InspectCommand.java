package io.litj.cli;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.auth.AuthDenied;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigType;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigPayload;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.auth.ValidationResult;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.RecapCodec;
import io.litj.protocol.recap.SiweRecaps;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code litj session inspect <file>}: explains session sigs — per node the session key, times and requested
 * resources, and per capability its kind, signer, delegate, expiry and ReCap grants — and, with {@code --resource},
 * whether a node would allow that request now (or {@code --at}), and if not, which check refuses it and why.
 * Prints no signature and no secret.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Explain session sigs (a SessionSigsMap "
        + "JSON file) and check whether a request would be allowed.")
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", description = "JSON file: the output of `litj session create` or one session sig")
    Path file;
    @Option(names = "--resource", description = "check this request: <prefix>://<id>[=<ability>]")
    String resource;
    @Option(names = "--at", description = "judge at this ISO time instead of now")
    String at;

    @Override
    public Integer call() throws Exception {
        String text = Files.readString(file);
        SessionSigs sigs = text.contains("\"derivedVia\"") && text.strip().startsWith("{\"sig\"")
                ? new SessionSigs(Map.of("(single)", SessionSig.fromAuthSig(AuthSig.parse(text,
                LitErrorCode.InvalidSessionSigs)))) : SessionSigs.parse(text);
        Instant now = at == null ? Instant.now() : IsoTime.parse(at, LitErrorCode.InvalidArgument, "--at");
        PrintWriter out = spec.commandLine().getOut();
        boolean allAllowed = true;
        for (Map.Entry<String, SessionSig> e : sigs.byNodeUrl().entrySet()) {
            SessionSigPayload p = e.getValue().payload();
            out.println("node " + e.getKey());
            out.println("  session key   " + p.sessionKey());
            out.println("  issued        " + p.issuedAt() + ", expires " + p.expiration()
                    + (IsoTime.parse(p.expiration(), LitErrorCode.InvalidArgument, "expiration").isBefore(now)
                    ? "  (EXPIRED)" : ""));
            out.println("  addressed to  " + p.nodeAddress());
            out.println("  requests      " + p.resourceAbilityRequests());
            for (int i = 0; i < p.capabilities().size(); i++) {
                describe(out, i, p.capabilities().get(i));
            }
            if (resource != null) {
                allAllowed &= judge(out, e.getValue(), p, ResourceSpecs.parse(resource), now);
            }
        }
        out.flush();
        return allAllowed ? 0 : 2;
    }

    private static void describe(PrintWriter out, int index, AuthSig cap) {
        out.println("  capability " + index + ": " + cap.type());
        SiweMessage siwe;
        try {
            siwe = SiweParser.parse(cap.signedMessage());
        } catch (LitProtocolException ex) {
            out.println("    not a SIWE message: " + ex.getMessage());
            return;
        }
        out.println("    signer      " + signer(cap, siwe));
        out.println("    delegates   " + siwe.uri());
        out.println("    issued      " + siwe.issuedAt() + ", expires " + siwe.expirationTime().orElse("(never!)"));
        for (String urn : SiweRecaps.recapUrns(siwe)) {
            try {
                Recap recap = RecapCodec.decode(urn);
                recap.attenuations().forEach((res, abilities) -> abilities.forEach((ability, nb) -> out.println(
                        "    grants      " + ability + " on " + res + (nb.stream().allMatch(o -> o.isEmpty()) ? ""
                                : " with " + nb.size() + " restriction(s) " + nb.stream()
                                .map(o -> o.members().keySet().toString()).toList()))));
            } catch (LitProtocolException ex) {
                out.println("    ReCap does not decode: " + ex.getMessage());
            }
        }
    }

    private static String signer(AuthSig cap, SiweMessage siwe) {
        if (cap.type() == AuthSigType.BLS_NETWORK_SIG) {
            return siwe.address() + " (PKP; network BLS signature, verified by nodes against the network key)";
        }
        try {
            var recovered = Eip191.recover(cap.signedMessage(), EthSignature.parse(cap.sig(), "sig"));
            return recovered + (recovered.equals(siwe.ethAddress()) ? " (signature verified)"
                    : " (DOES NOT MATCH the SIWE address " + siwe.address() + ")");
        } catch (LitProtocolException ex) {
            return siwe.address() + " (signature unusable: " + ex.getMessage() + ")";
        }
    }

    /** Offline there is no network key: every network signature counts as unverified (nodes check them). */
    private static void offline(byte[] message, byte[] signature) {
        throw new LitProtocolException(LitErrorCode.InvalidSignature, "no network key offline");
    }

    private static boolean judge(PrintWriter out, SessionSig sig, SessionSigPayload p,
                                 ResourceAbilityRequest request, Instant now) {
        String node = p.nodeAddress().startsWith("http") ? URI.create(p.nodeAddress()).getAuthority()
                : p.nodeAddress();
        SessionSigValidator validator = SessionSigValidator.builder(node)
                .clock(Clock.fixed(now, ZoneOffset.UTC)).blsVerifier(InspectCommand::offline).build();
        ValidationResult result;
        try {
            result = validator.validate(sig.toAuthSig(), request.resource(), request.ability());
        } catch (LitProtocolException e) {
            out.println("  " + request + ": cannot judge: " + e.getMessage());
            return false;
        }
        switch (result) {
            case AuthContext ctx -> out.println("  " + request + ": ALLOWED for " + ctx.caller() + " through "
                    + "capability " + ctx.capabilityIndex());
            case AuthDenied d -> {
                out.println("  " + request + ": REFUSED " + d.code().wireName() + " by " + d.check() + ": "
                        + d.message());
                d.capabilityFailures().forEach(f -> out.println("    " + f.toDetail()));
                out.println("    (network-signed PKP capabilities cannot be verified offline; nodes check them)");
            }
        }
        return result instanceof AuthContext;
    }

}
