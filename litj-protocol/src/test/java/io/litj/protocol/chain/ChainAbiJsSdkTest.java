package io.litj.protocol.chain;

import static io.litj.protocol.testing.JsonAccess.array;
import static io.litj.protocol.testing.JsonAccess.member;
import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static io.litj.protocol.testing.JsonAccess.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.InteropRuns;
import io.litj.protocol.testing.NodeJs;
import io.litj.protocol.testing.RunOnce;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * {@code protocol.chain} against the ABI decoding of the real Lit JS SDK 7.4.0: {@code interop/chain-abi.mjs} uses
 * the ethers v5 and the Staking ABI that the SDK's {@code LitContracts.getConnectionInfo} uses at connect (see the
 * script's header) to decode what litj encodes, and to encode values that litj must decode back equal; it also
 * lists every Staking function's selector. The script runs once per class, without any network.
 *
 * <p>Every test lists all differences of all cases in one failure. Skipped without Node.js unless {@code CI} is
 * set (see {@link NodeJs}).
 */
class ChainAbiJsSdkTest {
    private static final String SCRIPT = "chain-abi.mjs";
    private static final String DATIL_DEV_STAKING = "0xD4507CD392Af2c80919219d7896508728f6A623F";

    private static final RunOnce<JsonValue.JsonObject> DOCUMENT = new RunOnce<>(() -> JsonReader.parseObject(
            NodeJs.runScript(SCRIPT, NodeJs.asciiJson(input())), LitErrorCode.NodeParserError, SCRIPT + " output"));

    private static JsonValue input() {
        List<JsonValue> staking = new ArrayList<>();
        for (ChainAbiCases.StakingCase c : ChainAbiCases.stakingCases()) {
            staking.add(JsonValue.object().put("id", c.id()).put("connect", new JsonValue.JsonBoolean(c.connect()))
                    .put("encoded", c.encoded())
                    .put("values", ChainAbiCases.json(ChainAbiCases.stakingValues(c.state()))).build());
        }
        List<JsonValue> codec = new ArrayList<>();
        for (ChainAbiCases.CodecCase c : ChainAbiCases.codecCases()) {
            codec.add(JsonValue.object().put("id", c.id())
                    .put("types", new JsonValue.JsonArray(c.types().stream()
                            .map(t -> (JsonValue) new JsonValue.JsonString(t.canonical())).toList()))
                    .put("encoded", AbiCodec.encode(c.types(), c.values()).hex0x())
                    .put("values", ChainAbiCases.json(c.values())).build());
        }
        return JsonValue.object().put("stakingCases", new JsonValue.JsonArray(staking))
                .put("codecCases", new JsonValue.JsonArray(codec)).build();
    }

    /** The script's answer to case {@code id}, or null (and a difference) if it failed or did not answer. */
    private static JsonValue.JsonObject result(String key, String id, List<String> failures) {
        for (JsonValue item : array(DOCUMENT.get(), key)) {
            JsonValue.JsonObject result = (JsonValue.JsonObject) item;
            if (string(result, "id").equals(id)) {
                if (result.get("error").isPresent()) {
                    failures.add(id + ": the script failed: " + JsJson.stringify(member(result, "error")));
                    return null;
                }
                return result;
            }
        }
        failures.add(id + ": the script did not answer this case");
        return null;
    }

    private static void compare(List<String> failures, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            failures.add(what + ": expected " + expected + " but got " + actual);
        }
    }

    private static void assertNone(List<String> failures, int cases) {
        assertTrue(failures.isEmpty(), failures.size() + " difference(s) from the JS SDK in " + cases + " cases:\n  "
                + String.join("\n  ", failures));
    }

    @Test
    void theScriptUsedThePinnedSdkAndItsStakingAbi_withoutNetwork() {
        JsonValue.JsonObject document = DOCUMENT.get();
        InteropRuns.assertPinnedLoopbackOnlyAndInTime(document);
        JsonValue.JsonObject versions = object(document, "versions");
        assertEquals(InteropRuns.SDK_VERSION, string(versions, "@lit-protocol/contracts-sdk"));
        assertEquals("0.0.74", string(versions, "@lit-protocol/contracts"));
        assertTrue(string(versions, "ethers").startsWith("ethers/5."), string(versions, "ethers"));
        assertEquals(DATIL_DEV_STAKING, string(object(document, "staking"), "address"));
    }

    @Test
    void sdkStakingAbi_activeValidatorsFunction_hasOurSelectorAndOutputTypes() {
        AbiFunction ours = StakingContract.GET_ACTIVE_UNKICKED_VALIDATOR_STRUCTS_AND_COUNTS;
        JsonValue.JsonObject entry = array(DOCUMENT.get(), "selectors").stream()
                .map(v -> (JsonValue.JsonObject) v).filter(s -> string(s, "signature").equals(ours.signature()))
                .findFirst().orElseThrow(() -> new AssertionError("the SDK's Staking ABI has no " + ours.signature()));
        assertEquals(ours.selector().hex0x(), string(entry, "selector"));
        assertEquals(ours.outputs(), strings(entry, "outputs").stream().map(AbiType::parse).toList());
    }

    @Test
    void sdkStakingAbi_everyFunction_hasTheSelectorLitjComputes() {
        List<String> failures = new ArrayList<>();
        List<JsonValue> selectors = array(DOCUMENT.get(), "selectors");
        for (JsonValue item : selectors) {
            JsonValue.JsonObject entry = (JsonValue.JsonObject) item;
            String signature = string(entry, "signature");
            try {
                int open = signature.indexOf('(');
                String args = signature.substring(open);
                List<AbiType> inputs = args.equals("()") ? List.of()
                        : ((AbiType.Tuple) AbiType.parse(args)).components();
                AbiFunction f = new AbiFunction(signature.substring(0, open), inputs,
                        strings(entry, "outputs").stream().map(AbiType::parse).toList());
                compare(failures, signature + " signature", signature, f.signature());
                compare(failures, signature + " selector", string(entry, "selector"), f.selector().hex0x());
            } catch (RuntimeException e) {
                failures.add(signature + ": litj threw " + e);
            }
        }
        assertTrue(selectors.size() >= 50, "only " + selectors.size() + " Staking functions listed");
        assertNone(failures, selectors.size());
    }

    @Test
    void stakingCases_litjEncoding_decodedBySdkContractToTheSameValues() {
        List<String> failures = new ArrayList<>();
        List<ChainAbiCases.StakingCase> cases = ChainAbiCases.stakingCases();
        for (ChainAbiCases.StakingCase c : cases) {
            JsonValue.JsonObject r = result("stakingCases", c.id(), failures);
            if (r != null) {
                compare(failures, c.id() + " decoded", JsJson.stringify(ChainAbiCases.json(
                        ChainAbiCases.stakingValues(c.state()))), JsJson.stringify(member(r, "decoded")));
                compare(failures, c.id() + " call data", List.of(StakingContract.activeValidatorsCall()),
                        strings(r, "callData").stream().distinct().toList());
            }
        }
        assertNone(failures, cases.size());
    }

    @Test
    void stakingCases_sdkGetConnectionInfo_readsOurNodeUrlsThresholdAndEpoch() {
        List<String> failures = new ArrayList<>();
        int connected = 0;
        for (ChainAbiCases.StakingCase c : ChainAbiCases.stakingCases()) {
            if (!c.connect()) {
                continue;
            }
            JsonValue.JsonObject r = result("stakingCases", c.id(), failures);
            if (r == null) {
                continue;
            }
            connected++;
            JsonValue.JsonObject info = object(r, "connectionInfo");
            compare(failures, c.id() + " bootstrapUrls", c.state().validators().stream().map(StakingValidator::url)
                    .toList(), strings(info, "bootstrapUrls"));
            compare(failures, c.id() + " minNodeCount", c.state().minNodeCount().toString(),
                    JsJson.stringify(member(info, "minNodeCount")));
            StakingEpoch e = c.state().epoch();
            compare(failures, c.id() + " epochInfo", "{\"epochLength\":" + e.epochLength() + ",\"number\":"
                    + e.number() + ",\"endTime\":" + e.endTime() + ",\"retries\":" + e.retries() + ",\"timeout\":"
                    + e.timeout() + "}", JsJson.stringify(member(info, "epochInfo")));
        }
        assertTrue(connected >= 2, "only " + connected + " cases went through getConnectionInfo");
        assertNone(failures, connected);
    }

    @Test
    void stakingCases_sdkInterfaceEncoding_decodedByLitjToTheSameState_byteForByte() {
        List<String> failures = new ArrayList<>();
        List<ChainAbiCases.StakingCase> cases = ChainAbiCases.stakingCases();
        for (ChainAbiCases.StakingCase c : cases) {
            JsonValue.JsonObject r = result("stakingCases", c.id(), failures);
            if (r != null) {
                String js = string(r, "encoded");
                compare(failures, c.id() + " bytes", c.encoded(), js);
                try {
                    compare(failures, c.id() + " decoded by litj", c.state(),
                            StakingContract.decodeActiveValidators(js));
                } catch (RuntimeException e) {
                    failures.add(c.id() + ": litj refused the SDK's encoding: " + e);
                }
            }
        }
        assertNone(failures, cases.size());
    }

    @Test
    void codecCases_litjEncoding_decodedByEthersToTheSameValues() {
        checkCodecCases((c, r) -> List.of(JsJson.stringify(ChainAbiCases.json(c.values())),
                JsJson.stringify(member(r, "decoded"))));
    }

    @Test
    void codecCases_ethersEncoding_decodedByLitjToTheSameValues_byteForByte() {
        checkCodecCases((c, r) -> {
            String js = string(r, "encoded");
            String ours = AbiCodec.encode(c.types(), c.values()).hex0x();
            if (!ours.equals(js)) {
                return List.of(ours, js);
            }
            return List.of(c.values(), AbiCodec.decode(c.types(), Bytes.fromHex(js, "ethers encoding")));
        });
    }

    /** Runs {@code check} on every codec case; it returns (expected, actual). */
    private static void checkCodecCases(
            BiFunction<ChainAbiCases.CodecCase, JsonValue.JsonObject, List<?>> check) {
        List<String> failures = new ArrayList<>();
        List<ChainAbiCases.CodecCase> cases = ChainAbiCases.codecCases();
        for (ChainAbiCases.CodecCase c : cases) {
            JsonValue.JsonObject r = result("codecCases", c.id(), failures);
            if (r == null) {
                continue;
            }
            try {
                List<?> pair = check.apply(c, r);
                compare(failures, c.id(), pair.get(0), pair.get(1));
            } catch (RuntimeException e) {
                failures.add(c.id() + ": litj threw " + e);
            }
        }
        assertNone(failures, cases.size());
    }
}
