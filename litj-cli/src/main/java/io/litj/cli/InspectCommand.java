package io.litj.cli;

import io.litj.client.InMemorySessionStore;
import io.litj.client.LitClient;
import io.litj.protocol.IsoTime;
import io.litj.protocol.auth.BlsCapabilityVerifier;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.bls.Bls;
import io.litj.threshold.bls.BlsPublicKey;
import java.util.Optional;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigType;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigPayload;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Ed25519Signatures;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code litj session inspect <file>}: explains session sigs — the session key, times and requested resources, and
 * per capability its kind, signer, delegate, expiry and ReCap grants — once for all nodes when the sigs say the same,
 * and always checks each sig's session-key signature; then, for {@code --resource} or else for every request the sig
 * lists, whether a node would allow it now (or {@code --at}), and if not, which check refuses it and, per capability,
 * which checks passed and which failed and why ({@link DenialText}, as {@code litj exec} prints node refusals). With
 * {@code --rpc-url} the network's BLS key is read from its nodes, so PKP sessions are judged too. Exit 0 when nothing
 * is wrong, 4 when a node would refuse. Prints no signature and no secret.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Explain session sigs (a SessionSigsMap "
        + "JSON file) and check whether a request would be allowed; exit 4 if a node would refuse.")
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", description = "JSON file: the output of `litj session create` or one session sig")
    Path file;
    @Option(names = "--resource", description = "check this request: <prefix>://<id>[=<ability>]")
    String resource;
    @Option(names = "--at", description = "judge at this ISO time instead of now")
    String at;
    @Option(names = "--json", description = "print one JSON object {ok, sessionSigs: [{node, sessionKey, …, "
            + "signature, capabilities, check, checks}]}")
    boolean json;
    @Option(names = "--rpc-url", converter = NetworkOptions.RpcUrlConverter.class, description = "read the "
            + "network's BLS key from this network (a handshake with its nodes) to check PKP (network-signed) "
            + "capabilities too")
    java.net.URI rpcUrl;

    @Override
    public Integer call() {
        SessionSigs sigs = read(file);
        Instant now;
        try {
            now = at == null ? Instant.now() : IsoTime.parse(at, LitErrorCode.InvalidArgument, "--at");
        } catch (LitProtocolException e) {
            throw CliException.usage(e.getMessage() + "; write an ISO time such as 2030-01-01T00:00:00Z");
        }
        ResourceAbilityRequest request = resource == null ? null : ResourceSpecs.parse(resource);
        Optional<BlsCapabilityVerifier> bls = rpcUrl == null ? Optional.empty() : Optional.of(networkVerifier());
        List<SigReport> reports = new ArrayList<>();
        sigs.byNodeUrl().forEach((node, sig) -> reports.add(SigReport.of(node, sig, now, request, bls)));
        boolean ok = reports.stream().allMatch(SigReport::ok);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<JsonValue> items = new ArrayList<>();
            reports.forEach(r -> items.add(r.json()));
            out.println(JsJson.stringify(JsonValue.object().put("ok", new JsonValue.JsonBoolean(ok))
                    .put("sessionSigs", new JsonValue.JsonArray(items)).build()));
        } else {
            printGrouped(out, reports);
        }
        out.flush();
        return ok ? Exit.OK : Exit.REFUSED;
    }

    private static SessionSigs read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw CliException.local("cannot read session sigs file " + file + ": no such file");
        } catch (IOException e) {
            throw CliException.local("cannot read session sigs file " + file + ": " + e.getMessage());
        }
        try {
            return text.contains("\"derivedVia\"") && text.strip().startsWith("{\"sig\"")
                    ? new SessionSigs(Map.of("(single)", SessionSig.fromAuthSig(AuthSig.parse(text,
                    LitErrorCode.InvalidSessionSigs)))) : SessionSigs.parse(text);
        } catch (LitProtocolException e) {
            throw CliException.usage(file + " holds no session sigs: " + e.getMessage()
                    + "; give the output of `litj session create`");
        }
    }

    /**
     * Prints each distinct block once: nodes whose session sigs say the same (all but the node each is addressed to)
     * share one block headed by their URLs, and a verdict every node shares is printed once.
     */
    private void printGrouped(PrintWriter out, List<SigReport> reports) {
        Map<String, List<SigReport>> groups = new LinkedHashMap<>();
        reports.forEach(r -> groups.computeIfAbsent(String.join("\n", r.body()), k -> new ArrayList<>()).add(r));
        for (List<SigReport> group : groups.values()) {
            if (group.size() == 1) {
                out.println("node " + group.get(0).node());
                out.println("  addressed to  " + group.get(0).nodeAddress());
            } else {
                out.println("nodes " + String.join(", ", group.stream().map(SigReport::node).toList())
                        + " (" + group.size() + " session sigs, the same but for the node each is addressed to)");
            }
            group.get(0).body().forEach(out::println);
            Map<String, List<String>> verdicts = new LinkedHashMap<>();
            group.forEach(r -> r.verdict().ifPresent(v -> verdicts.computeIfAbsent(v, k -> new ArrayList<>())
                    .add(r.node())));
            verdicts.forEach((v, nodes) -> {
                String who = group.size() == 1 ? "" : nodes.size() == group.size() ? " (all " + nodes.size()
                        + " nodes)" : " (" + String.join(", ", nodes) + ")";
                List<String> lines = v.lines().toList();
                out.println(lines.get(0) + who);
                lines.stream().skip(1).forEach(out::println);
            });
        }
        if (rpcUrl == null && reports.stream().anyMatch(r -> !r.ok() && r.hasNetworkCapability())) {
            out.println("(network-signed PKP capabilities cannot be verified offline; nodes check them; give "
                    + "--rpc-url to check them here)");
        }
    }

    /** The check of network signatures under the key the network's nodes announce in their handshake. */
    private BlsCapabilityVerifier networkVerifier() {
        NetworkOptions network = new NetworkOptions();
        network.rpcUrl = rpcUrl;
        try (LitClient client = network.connect(spec.commandLine().getErr(), new InMemorySessionStore())) {
            String key = client.networkPublicKey().orElseThrow(() -> CliException.notRunning("the nodes at --rpc-url "
                    + rpcUrl + " have no network BLS key yet (is the devnet still starting?)"));
            try {
                return Bls.capabilityVerifier(BlsPublicKey.parse(key));
            } catch (ThresholdException e) {
                throw CliException.local("the network key from --rpc-url " + rpcUrl + " is not a BLS key: "
                        + e.getMessage());
            }
        }
    }

    /** Checks the session-key signature over the exact signed bytes and that the payload names the same key. */
    static String signatureProblem(SessionSig sig, SessionSigPayload p) {
        try {
            Ed25519Signatures.verifyStrict(Hex.decode(sig.address(), "address"),
                    sig.signedMessage().getBytes(StandardCharsets.UTF_8), Hex.decode(sig.sig(), "sig"));
        } catch (LitProtocolException e) {
            return "NodeInvalidAuthSigSessionKeySignature: the session-key signature does not verify ("
                    + e.getMessage() + "); the file was changed after signing";
        }
        if (!p.sessionKey().equalsIgnoreCase(sig.address())) {
            return "the payload's sessionKey " + p.sessionKey() + " is not the signing key " + sig.address();
        }
        return "";
    }

    static boolean isNetworkSigned(AuthSig cap) {
        return cap.type() == AuthSigType.BLS_NETWORK_SIG;
    }
}
