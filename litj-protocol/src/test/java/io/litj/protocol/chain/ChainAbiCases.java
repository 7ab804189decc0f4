package io.litj.protocol.chain;

import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The cases {@link ChainAbiJsSdkTest} sends through {@code interop/chain-abi.mjs}, and ABI values written as JSON the
 * way the script writes what ethers decodes: numbers as decimal strings, addresses in EIP-55 form, bytes as
 * lowercase {@code 0x} hex, tuples and arrays as arrays.
 */
final class ChainAbiCases {
    private static final BigInteger MAX_256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private ChainAbiCases() {
    }

    /** A Staking answer; {@code connect} runs the SDK's {@code getConnectionInfo} on it too. */
    record StakingCase(String id, boolean connect, StakingContract.ActiveValidators state) {
        String encoded() {
            return StakingContract.encodeActiveValidators(state);
        }
    }

    /** Values of some types. */
    record CodecCase(String id, List<AbiType> types, List<AbiValue> values) {
    }

    static List<StakingCase> stakingCases() {
        List<StakingCase> cases = new ArrayList<>();
        Instant now = Instant.parse("2026-07-07T12:00:00Z");
        StakingEpoch devnetEpoch = StakingEpoch.reportedAt(3600, 5, now.minusSeconds(5), now);
        cases.add(new StakingCase("devnet-3-nodes", true, new StakingContract.ActiveValidators(devnetEpoch,
                BigInteger.TWO, List.of(StakingValidator.of("127.0.0.1", 7470, address(1)),
                        StakingValidator.of("127.0.0.1", 7471, address(2)),
                        StakingValidator.of("127.0.0.1", 7472, address(3))))));
        List<StakingValidator> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(new StakingValidator(StakingValidator.ipv4ToUint32("10.1." + i + "." + (200 + i)),
                    BigInteger.valueOf(i), i % 3 == 0 ? 443 : 7000 + i, address(100 + i), BigInteger.valueOf(i * 1000L),
                    BigInteger.ONE.shiftLeft(255).add(BigInteger.valueOf(i)), BigInteger.valueOf(31L * i)));
        }
        cases.add(new StakingCase("twenty-validators-https-and-http", true, new StakingContract.ActiveValidators(
                StakingEpoch.of(86_400, 1234, 1_800_000_000L, 3, 120), BigInteger.valueOf(14), many)));
        cases.add(new StakingCase("extreme-values", false, StakingContractTest.fixedInput()));
        cases.add(new StakingCase("huge-epoch-no-validators", false, new StakingContract.ActiveValidators(
                new StakingEpoch(MAX_256, MAX_256, MAX_256, MAX_256, MAX_256), MAX_256, List.of())));
        return cases;
    }

    static List<CodecCase> codecCases() {
        List<CodecCase> cases = new ArrayList<>();
        cases.add(new CodecCase("uint-edges", List.of(AbiType.uint(8), AbiType.uint(16), AbiType.uint(32),
                AbiType.uint(64), AbiType.uint(128), AbiType.uint(160), AbiType.UINT256, AbiType.UINT256),
                List.of(AbiValue.uint(255), AbiValue.uint(0), AbiValue.uint(0xffffffffL), AbiValue.uint(Long.MAX_VALUE),
                        AbiValue.uint(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)),
                        AbiValue.uint(BigInteger.ONE.shiftLeft(159)), AbiValue.uint(MAX_256), AbiValue.uint(1))));
        cases.add(new CodecCase("address-bool-fixed-bytes", List.of(AbiType.ADDRESS, AbiType.ADDRESS, AbiType.BOOL,
                AbiType.BOOL, new AbiType.FixedBytes(1), new AbiType.FixedBytes(4), new AbiType.FixedBytes(20),
                AbiType.BYTES32), List.of(AbiValue.address(address(7)),
                AbiValue.address(EthAddress.of(new byte[20])), new AbiValue.Bool(true), new AbiValue.Bool(false),
                fixed("ff"), fixed("c51d020e"), fixed("11".repeat(20)), fixed("ab".repeat(31) + "cd"))));
        cases.add(new CodecCase("strings", List.of(AbiType.STRING, AbiType.STRING, AbiType.STRING, AbiType.STRING,
                AbiType.STRING), List.of(new AbiValue.Str(""), new AbiValue.Str("a".repeat(31)),
                new AbiValue.Str("b".repeat(32)), new AbiValue.Str("c".repeat(33)),
                new AbiValue.Str("Grüße, 世界 🌍 \"quoted\" \\ back"))));
        cases.add(new CodecCase("bytes", List.of(AbiType.BYTES, AbiType.BYTES, AbiType.BYTES, AbiType.BYTES),
                List.of(dynamic(""), dynamic("00"), dynamic("01".repeat(32)), dynamic("fe".repeat(65)))));
        cases.add(new CodecCase("arrays", List.of(AbiType.array(AbiType.UINT256), AbiType.array(AbiType.ADDRESS),
                AbiType.array(AbiType.array(AbiType.uint(8))), AbiType.array(AbiType.STRING),
                AbiType.array(AbiType.BYTES32)), List.of(AbiValue.array(List.of()),
                AbiValue.array(List.of(AbiValue.address(address(1)), AbiValue.address(address(2)))),
                AbiValue.array(List.of(AbiValue.array(List.of(AbiValue.uint(1), AbiValue.uint(2))),
                        AbiValue.array(List.of()), AbiValue.array(List.of(AbiValue.uint(255))))),
                AbiValue.array(List.of(new AbiValue.Str("one"), new AbiValue.Str(""), new AbiValue.Str("three"))),
                AbiValue.array(List.of(fixed("00".repeat(32)))))));
        AbiType.Tuple permitted = AbiType.tuple(AbiType.UINT256, AbiType.BYTES, AbiType.array(AbiType.UINT256));
        cases.add(new CodecCase("tuples-static-and-dynamic", List.of(AbiType.tuple(AbiType.BOOL,
                AbiType.tuple(AbiType.ADDRESS, AbiType.uint(32))), permitted, AbiType.array(permitted)),
                List.of(AbiValue.tuple(new AbiValue.Bool(true), AbiValue.tuple(AbiValue.address(address(9)),
                        AbiValue.uint(7470))), permittedValue(1), AbiValue.array(List.of(permittedValue(2),
                        permittedValue(3), permittedValue(0))))));
        cases.add(new CodecCase("solidity-docs-f", List.of(AbiType.UINT256, AbiType.array(AbiType.uint(32)),
                new AbiType.FixedBytes(10), AbiType.BYTES), List.of(AbiValue.uint(0x123),
                AbiValue.array(List.of(AbiValue.uint(0x456), AbiValue.uint(0x789))),
                new AbiValue.FixedBytes(utf8("1234567890")), new AbiValue.DynamicBytes(utf8("Hello, world!")))));
        return cases;
    }

    /** {@code value} as the script writes what ethers decodes. */
    static JsonValue json(AbiValue value) {
        return switch (value) {
            case AbiValue.Uint u -> new JsonValue.JsonString(u.value().toString());
            case AbiValue.Address a -> new JsonValue.JsonString(a.value().toChecksumString());
            case AbiValue.Bool b -> new JsonValue.JsonBoolean(b.value());
            case AbiValue.FixedBytes f -> new JsonValue.JsonString(f.value().hex0x());
            case AbiValue.DynamicBytes d -> new JsonValue.JsonString(d.value().hex0x());
            case AbiValue.Str s -> new JsonValue.JsonString(s.value());
            case AbiValue.Array a -> json(a.items());
            case AbiValue.Tuple t -> json(t.items());
        };
    }

    static JsonValue.JsonArray json(List<AbiValue> values) {
        return new JsonValue.JsonArray(values.stream().map(ChainAbiCases::json).toList());
    }

    /**
     * The three return values of {@code getActiveUnkickedValidatorStructsAndCounts()} for {@code state}, field by
     * field in the order of the Staking ABI (written here, not taken from {@link StakingContract}).
     */
    static List<AbiValue> stakingValues(StakingContract.ActiveValidators state) {
        StakingEpoch e = state.epoch();
        List<AbiValue> validators = new ArrayList<>();
        for (StakingValidator v : state.validators()) {
            validators.add(AbiValue.tuple(AbiValue.uint(v.ip()), AbiValue.uint(v.ipv6()), AbiValue.uint(v.port()),
                    AbiValue.address(v.nodeAddress()), AbiValue.uint(v.reward()), AbiValue.uint(v.senderPubKey()),
                    AbiValue.uint(v.receiverPubKey())));
        }
        return List.of(AbiValue.tuple(AbiValue.uint(e.epochLength()), AbiValue.uint(e.number()),
                AbiValue.uint(e.endTime()), AbiValue.uint(e.retries()), AbiValue.uint(e.timeout())),
                AbiValue.uint(state.minNodeCount()), AbiValue.array(validators));
    }

    static EthAddress address(int i) {
        byte[] raw = new byte[20];
        for (int b = 0; b < raw.length; b++) {
            raw[b] = (byte) (i * 37 + b * 11);
        }
        return EthAddress.of(raw);
    }

    private static AbiValue permittedValue(int n) {
        List<AbiValue> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(AbiValue.uint(BigInteger.TEN.pow(20 + i)));
        }
        return AbiValue.tuple(AbiValue.uint(n), dynamic("ee".repeat(n * 17)), AbiValue.array(ids));
    }

    private static AbiValue.FixedBytes fixed(String hex) {
        return new AbiValue.FixedBytes(Bytes.fromHex(hex, "fixed"));
    }

    private static AbiValue.DynamicBytes dynamic(String hex) {
        return new AbiValue.DynamicBytes(Bytes.fromHex(hex, "dynamic"));
    }

    private static Bytes utf8(String text) {
        return Bytes.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
