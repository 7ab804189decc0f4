package io.litj.cli;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.acc.ConditionKind;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code --conditions <json file>}: either a JSON array of basic conditions (the JS SDK's
 * {@code accessControlConditions}) or an object with one of {@code accessControlConditions},
 * {@code evmContractConditions}, {@code solRpcConditions}, {@code unifiedAccessControlConditions}. At most
 * {@value #MAX_BYTES} bytes, parsed strictly (at most 30 conditions).
 */
final class ConditionsFile {
    /** The largest conditions file read. */
    static final int MAX_BYTES = 256 * 1024;

    private ConditionsFile() {
    }

    /** @throws CliException a usage error naming the file and what is wrong */
    static ConditionSet read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw CliException.usage("--conditions " + file + " is larger than " + MAX_BYTES + " bytes");
            }
            text = Files.readString(file);
        } catch (IOException e) {
            throw CliException.usage("cannot read --conditions " + file + ": " + e.getMessage());
        }
        try {
            JsonValue json = JsonReader.parse(text, LitErrorCode.NodeParserError, "conditions");
            if (json instanceof JsonValue.JsonObject o) {
                return ConditionSet.fromRequest(o);
            }
            return ConditionSet.fromJson(ConditionKind.BASIC, json);
        } catch (LitProtocolException e) {
            throw CliException.usage("--conditions " + file + ": [" + e.code().wireName() + "] " + e.getMessage()
                    + " (a JSON array of accessControlConditions, or an object with one of the four condition"
                    + " fields)");
        }
    }
}
