package io.litj.cli;

import io.litj.client.DecryptRequest;
import io.litj.client.DecryptedData;
import io.litj.client.LitClient;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.auth.SessionSigs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code litj decrypt}: asks every node for its share of the decryption key with a wallet session granting
 * {@code access-control-condition-decryption} on the identity, combines and verifies the shares, opens the
 * ciphertext, and writes the plaintext to {@code --out} or, if it is UTF-8 text, to stdout. A refusal exits 4
 * ({@link Exit#REFUSED}) with the nodes' error code (e.g. {@code NodeAccessControlConditionsReturnedNotAuthorized}).
 */
@Command(name = "decrypt", mixinStandardHelpOptions = true, description = {
    "Decrypt what `litj encrypt` or the JS SDK's encrypt made, if the wallet meets the conditions.",
    "Every node checks the conditions and sends a share of the key; the plaintext goes to --out or stdout.",
    "A refusal exits 4 and prints the nodes' error code."})
final class DecryptCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WalletOptions wallet;
    @Option(names = "--conditions", required = true, paramLabel = "<json file>",
            description = "the conditions the data was encrypted under (as for `litj encrypt`)")
    Path conditions;
    @Option(names = "--ciphertext", required = true, paramLabel = "<base64>", description = "the ciphertext")
    String ciphertext;
    @Option(names = "--data-hash", required = true, paramLabel = "<hex>", description = "dataToEncryptHash (64 hex)")
    String dataHash;
    @Option(names = "--chain", defaultValue = "ethereum", description = "the chain the conditions are checked on "
            + "(default: ${DEFAULT-VALUE})")
    String chain;
    @Option(names = "--out", paramLabel = "<file>", description = "write the plaintext to this file (created, never "
            + "overwritten) instead of stdout")
    Path out;

    @Override
    public Integer call() {
        ConditionSet set = ConditionsFile.read(conditions);
        if (!dataHash.matches("[0-9a-f]{64}")) {
            throw CliException.usage("--data-hash must be dataToEncryptHash as `litj encrypt` printed it: 64 lowercase"
                    + " hex digits");
        }
        PrintWriter err = spec.commandLine().getErr();
        if (out != null && Files.exists(out)) {
            throw CliException.usage("--out " + out + " exists; choose a new file");
        }
        DecryptedData data;
        try (LitClient client = wallet.connect(err)) {
            SessionSigs sigs = client.getSessionSigs(SessionRequest.of(SessionTerms.of(
                    DecryptRequest.sessionResources(set, dataHash)), wallet.wallet(err)));
            data = client.decrypt(new DecryptRequest(set, ciphertext, dataHash, chain, sigs));
        }
        byte[] bytes = data.exportSecret();
        if (out != null) {
            try {
                Files.write(out, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw CliException.local("cannot write --out " + out + ": " + e.getMessage());
            }
            err.println("wrote " + bytes.length + " bytes to " + out);
            err.flush();
            return Exit.OK;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(text);
            stdout.flush();
            return Exit.OK;
        } catch (CharacterCodingException e) {
            throw CliException.local("the plaintext is " + bytes.length + " bytes of binary data: use --out <file>");
        }
    }
}
