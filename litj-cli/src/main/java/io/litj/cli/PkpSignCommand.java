package io.litj.cli;

import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.PkpSignRequest;
import io.litj.client.PkpSignature;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code litj pkp sign}: signs a 32-byte digest with a PKP through every node ({@code pkpSign}) with a stored (or
 * fresh) wallet session granting {@code pkp-signing} on the PKP and Lit Action execution, prints {@code r},
 * {@code s}, {@code recid}, the 65-byte signature and the address it recovers to, and checks that address is the
 * PKP's. {@code --message} signs the EIP-191 personal-message digest
 * {@code keccak256("\x19Ethereum Signed Message:\n" + byte length + UTF-8 text)}, what {@code personal_sign} and
 * ethers' {@code signMessage} sign. A refusal exits 4 with the nodes' error codes.
 */
@Command(name = "sign", mixinStandardHelpOptions = true, description = {"Sign a digest with a PKP on every node.",
    "--message signs keccak256(\"\\x19Ethereum Signed Message:\\n\" + length + message) (EIP-191, as "
            + "personal_sign); --hash signs the 32 bytes as given.",
    "The wallet must be permitted on the PKP with scope 1 (sign-anything)."})
final class PkpSignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WalletOptions wallet;
    @Option(names = "--pkp", required = true, paramLabel = "<0x04…>",
            description = "the PKP's uncompressed public key (04 + 128 hex digits, 0x optional)")
    String pkp;
    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;
    @Option(names = "--json", description = "print one JSON object {ok, r, s, recid, signature, publicKey, dataSigned,"
            + " address, ms} (on refusal: {ok: false, errorCode, nodes})")
    boolean json;

    /** Exactly one of the two inputs. */
    static final class What {
        @Option(names = "--hash", required = true, paramLabel = "<0x…>", description = "the 32-byte digest to sign "
                + "(64 hex digits, 0x optional)")
        String hash;
        @Option(names = "--message", required = true, paramLabel = "<text>",
                description = "a text whose EIP-191 personal-message digest is signed")
        String message;
    }

    @Override
    public Integer call() {
        byte[] digest = digest();
        String key = publicKey();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LitClient client = wallet.connect(err)) {
            SessionSigs sigs = client.getSessionSigs(SessionRequest.of(
                    SessionTerms.of(PkpSignRequest.sessionResources(key)), wallet.wallet(err)));
            long start = System.nanoTime();
            PkpSignature sig;
            try {
                sig = client.pkpSign(PkpSignRequest.of(digest, key, sigs));
            } catch (LitClientException e) {
                if (!Failures.refused(e) || !json) {
                    throw e;
                }
                JsonValue.ObjectBuilder b = JsonValue.object().put("ok", new JsonValue.JsonBoolean(false));
                e.nodeErrorCode().ifPresent(c -> b.put("errorCode", c));
                out.println(JsJson.stringify(b.put("nodes", Failures.toJson(e)).build()));
                out.flush();
                return Exit.REFUSED;
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            EthAddress recovered = Eip191.recoverFromHash(digest, EthSignature.parse(sig.signatureHex(), "signature"));
            if (!recovered.equals(sig.ethAddress())) {
                throw CliException.local("the signature recovers to " + recovered + ", not to the PKP's address "
                        + sig.ethAddress());
            }
            print(out, sig, recovered, ms);
            out.flush();
            return Exit.OK;
        }
    }

    private void print(PrintWriter out, PkpSignature sig, EthAddress address, long ms) {
        if (json) {
            out.println(JsJson.stringify(JsonValue.object().put("ok", new JsonValue.JsonBoolean(true))
                    .put("r", sig.r().hex()).put("s", sig.s().hex()).put("recid", new JsonValue.JsonNumber(sig.recid()))
                    .put("signature", sig.signatureHex()).put("publicKey", sig.publicKey().hex0x())
                    .put("dataSigned", sig.dataSigned().hex0x()).put("address", address.toString())
                    .put("ms", new JsonValue.JsonNumber(ms)).build()));
            return;
        }
        out.println("dataSigned  " + sig.dataSigned().hex0x() + (what.message != null
                ? "  (EIP-191 digest of the message)" : ""));
        out.println("r           " + sig.r().hex());
        out.println("s           " + sig.s().hex());
        out.println("recid       " + sig.recid());
        out.println("signature   " + sig.signatureHex());
        out.println("address     " + address + "  (recovered; the PKP's address)");
        out.println("nodes       answered in " + ms + " ms");
    }

    private byte[] digest() {
        if (what.message != null) {
            return Eip191.hash(what.message);
        }
        try {
            return Hex.decodeExact(what.hash, 32, "--hash");
        } catch (LitProtocolException e) {
            throw CliException.usage("--hash must be 32 bytes as 64 hex digits (0x optional): " + e.getMessage()
                    + "; to sign a text use --message");
        }
    }

    private String publicKey() {
        try {
            Bytes key = Bytes.of(Hex.decodeExact(pkp, 65, "--pkp"));
            if (key.get(0) != 4) {
                throw CliException.usage("--pkp must be the uncompressed public key (starting with 04)");
            }
            return key.hex();
        } catch (LitProtocolException e) {
            throw CliException.usage("--pkp must be the PKP's public key, 04 + 128 hex digits (0x optional): "
                    + e.getMessage() + "; `litj pkp list` shows them");
        }
    }
}
