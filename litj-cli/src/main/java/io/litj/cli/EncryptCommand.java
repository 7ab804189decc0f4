package io.litj.cli;

import io.litj.client.EncryptResult;
import io.litj.client.InMemorySessionStore;
import io.litj.client.LitClient;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code litj encrypt}: encrypts a text or file under access-control conditions with the network's key, as the JS
 * SDK's {@code encrypt} does (locally; no wallet needed), and prints {@code ciphertext} (base64) and
 * {@code dataToEncryptHash}. {@code litj decrypt} (or the JS SDK's {@code decrypt}) opens it for a wallet that
 * meets the conditions.
 */
@Command(name = "encrypt", mixinStandardHelpOptions = true, description = {
    "Encrypt a text or a file so that only wallets meeting the access-control conditions can decrypt it.",
    "Encryption is local (the network's public key from the handshake); no wallet is needed.",
    "Prints ciphertext (base64) and dataToEncryptHash, the inputs of `litj decrypt`."})
final class EncryptCommand implements Callable<Integer> {
    /** The largest file encrypted (the time-lock limit is 64 MiB). */
    static final long MAX_FILE_BYTES = 64L << 20;

    @Spec
    CommandSpec spec;
    @Mixin
    NetworkOptions network;
    @Option(names = "--conditions", required = true, paramLabel = "<json file>", description = "the conditions: a "
            + "JSON array of accessControlConditions, or an object with one of the four condition fields")
    Path conditions;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;
    @Option(names = "--json", description = "print one JSON object {ciphertext, dataToEncryptHash}")
    boolean json;

    /** Exactly one of the two inputs. */
    static final class Input {
        @Option(names = "--text", required = true, paramLabel = "<s>", description = "the text to encrypt (UTF-8)")
        String text;
        @Option(names = "--file", required = true, paramLabel = "<f>", description = "the file to encrypt")
        Path file;
    }

    @Override
    public Integer call() {
        ConditionSet set = ConditionsFile.read(conditions);
        byte[] plaintext = plaintext();
        PrintWriter out = spec.commandLine().getOut();
        try (LitClient client = network.connect(spec.commandLine().getErr(), new InMemorySessionStore())) {
            EncryptResult result = client.encrypt(set, plaintext);
            if (json) {
                out.println(JsJson.stringify(JsonValue.object().put("ciphertext", result.ciphertext())
                        .put("dataToEncryptHash", result.dataToEncryptHash()).build()));
            } else {
                out.println("ciphertext         " + result.ciphertext());
                out.println("dataToEncryptHash  " + result.dataToEncryptHash());
            }
            out.flush();
            return Exit.OK;
        }
    }

    private byte[] plaintext() {
        if (input.text != null) {
            return input.text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            if (Files.size(input.file) > MAX_FILE_BYTES) {
                throw CliException.usage("--file " + input.file + " is larger than 64 MiB, the encryption limit");
            }
            return Files.readAllBytes(input.file);
        } catch (IOException e) {
            throw CliException.usage("cannot read --file " + input.file + ": " + e.getMessage());
        }
    }
}
