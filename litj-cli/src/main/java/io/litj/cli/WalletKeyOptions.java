package io.litj.cli;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where a command's wallet key comes from: {@code --private-key-file} (first line of the file), else
 * {@code $LITJ_PRIVATE_KEY}, else {@code --private-key}; the last shows in {@code ps} and shell history, so using it
 * prints a warning.
 */
final class WalletKeyOptions {
    /** The environment variable that holds the wallet key. */
    static final String KEY_VARIABLE = "LITJ_PRIVATE_KEY";

    @Option(names = "--private-key-file", paramLabel = "FILE",
            description = "file whose first line is the wallet private key (hex)")
    Path privateKeyFile;
    @Option(names = "--private-key", paramLabel = "HEX", description = "wallet private key (hex); visible to other "
            + "users in ps and kept in shell history: prefer --private-key-file or $" + KEY_VARIABLE)
    String privateKey;

    /** The wallet, from the first source that is set; warns on {@code err} when the key came on the command line. */
    PrivateKeyEthSigner wallet(PrintWriter err) {
        return wallet(err, System.getenv());
    }

    PrivateKeyEthSigner wallet(PrintWriter err, Map<String, String> environment) {
        if (privateKeyFile != null && privateKey != null) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "give the wallet key once: --private-key-file or --private-key, not both");
        }
        String key;
        if (privateKeyFile != null) {
            key = readKeyFile(privateKeyFile);
        } else if (privateKey != null) {
            err.println("warning: --private-key shows the key in ps and shell history; use --private-key-file or $"
                    + KEY_VARIABLE);
            err.flush();
            key = privateKey;
        } else {
            key = environment.get(KEY_VARIABLE);
        }
        if (key == null || key.isBlank()) {
            throw new LitProtocolException(LitErrorCode.ParamsMissing,
                    "no wallet: pass --private-key-file, set " + KEY_VARIABLE + " or pass --private-key");
        }
        return PrivateKeyEthSigner.fromHex(key.strip());
    }

    static String readKeyFile(Path file) {
        try {
            String text = Files.readString(file);
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline);
        } catch (NoSuchFileException e) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "cannot read --private-key-file " + file + ": no such file");
        } catch (IOException e) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "cannot read --private-key-file " + file + ": " + e.getMessage());
        }
    }
}
