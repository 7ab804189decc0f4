package io.litj.protocol.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every call litj's Java code makes of a contract ({@link AbiFunction} constants of the contract classes) exists with
 * the same argument and return types in the committed build of litj's contracts ({@code contracts/build}), whose
 * own ABI is checked against Lit's by {@code interop/contracts-abi-check.mjs}: so Java, Solidity and Lit agree.
 */
class LitjContractCallsTest {
    private static final Map<Class<?>, List<String>> CALLERS = Map.of(
            StakingContract.class, List.of("Staking"),
            Erc721Functions.class, List.of("PKPNFT", "RateLimitNFT"),
            PkpContracts.class, List.of("PKPNFT", "PubkeyRouter", "PKPPermissions"),
            RateLimitNftContract.class, List.of("RateLimitNFT"));

    @Test
    void everyCallConstant_matchesTheCommittedBuild() throws Exception {
        int checked = 0;
        for (Map.Entry<Class<?>, List<String>> e : CALLERS.entrySet()) {
            List<String> shapes = new ArrayList<>();
            for (String contract : e.getValue()) {
                shapes.addAll(functionShapes(contract));
            }
            for (AbiFunction f : constants(e.getKey())) {
                String shape = shape(f);
                assertTrue(shapes.contains(shape), e.getKey().getSimpleName() + " calls " + shape
                        + ", which " + e.getValue() + " do not have");
                checked++;
            }
        }
        assertTrue(checked >= 25, "checked " + checked);
    }

    @Test
    void aShapeNotInTheBuild_isNotFound() throws IOException {
        AbiFunction wrong = AbiFunction.of("getPubkey", "(uint256)", "(bytes32)");
        assertTrue(!functionShapes("PubkeyRouter").contains(shape(wrong)));
        assertTrue(functionShapes("PubkeyRouter").contains(shape(PkpContracts.GET_PUBKEY)));
    }

    @Test
    void theStakingReadOfConnect_hasTheSelectorTheJsSdkSends() {
        assertEquals("0xc51d020e",
                StakingContract.GET_ACTIVE_UNKICKED_VALIDATOR_STRUCTS_AND_COUNTS.selector().hex0x());
    }

    private static List<AbiFunction> constants(Class<?> type) throws IllegalAccessException {
        List<AbiFunction> out = new ArrayList<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == AbiFunction.class) {
                out.add((AbiFunction) field.get(null));
            }
        }
        return out;
    }

    private static String shape(AbiFunction f) {
        return f.signature() + "->" + f.outputs().stream().map(AbiType::canonical)
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static List<String> functionShapes(String contract) throws IOException {
        Path file = buildDir().resolve(contract + ".json");
        JsonValue json = JsonReader.parse(Files.readString(file), LitErrorCode.InvalidArgument, file.toString());
        List<String> out = new ArrayList<>();
        for (JsonValue entry : array(((JsonValue.JsonObject) json).get("abi").orElseThrow())) {
            JsonValue.JsonObject o = (JsonValue.JsonObject) entry;
            if (!text(o, "type").equals("function")) {
                continue;
            }
            out.add(text(o, "name") + types(o.get("inputs").orElseThrow()) + "->"
                    + types(o.get("outputs").orElseThrow()));
        }
        return out;
    }

    private static String types(JsonValue params) {
        List<String> out = new ArrayList<>();
        for (JsonValue p : array(params)) {
            JsonValue.JsonObject o = (JsonValue.JsonObject) p;
            String type = text(o, "type");
            out.add(type.startsWith("tuple") ? types(o.get("components").orElseThrow()) + type.substring(5) : type);
        }
        return "(" + String.join(",", out) + ")";
    }

    private static List<JsonValue> array(JsonValue v) {
        return ((JsonValue.JsonArray) v).items();
    }

    private static String text(JsonValue.JsonObject o, String name) {
        return ((JsonValue.JsonString) o.get(name).orElseThrow()).value();
    }

    private static Path buildDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("contracts").resolve("build"))) {
                return dir.resolve("contracts").resolve("build");
            }
        }
        throw new AssertionError("no contracts/build above " + Path.of("").toAbsolutePath());
    }
}
