package io.litj.protocol.chain;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The calls of Lit's Staking contract that litj speaks: {@code getActiveUnkickedValidatorStructsAndCounts()}
 * (selector {@code 0xc51d020e}), the one contract read a Lit client makes at connect
 * ({@code js-sdk-against-local-nodes.md}, "What connect() does", step 4) and that a devnet's chain view answers.
 * Both sides go through {@link #encodeActiveValidators} and {@link #decodeActiveValidators}; the types are those
 * of the Staking ABI in {@code @lit-protocol/contracts} 0.0.74, the ABI the JS SDK 7.4.0 reads it with.
 *
 * <p>The answer is {@code (Epoch epoch, uint256 minNodeCount, Validator[] validators)} with the structs
 * {@link StakingEpoch} and {@link StakingValidator}; both are static, so the encoding is the five epoch words, the
 * count, the array's offset ({@code 0xe0}), its length and seven words per validator. Stateless and thread-safe;
 * no I/O.
 */
public final class StakingContract {
    /** {@code (uint256 epochLength, uint256 number, uint256 endTime, uint256 retries, uint256 timeout)}. */
    public static final AbiType.Tuple EPOCH = AbiType.tuple(AbiType.UINT256, AbiType.UINT256, AbiType.UINT256,
            AbiType.UINT256, AbiType.UINT256);
    /**
     * {@code (uint32 ip, uint128 ipv6, uint32 port, address nodeAddress, uint256 reward, uint256 senderPubKey,
     * uint256 receiverPubKey)}.
     */
    public static final AbiType.Tuple VALIDATOR = AbiType.tuple(AbiType.uint(32), AbiType.uint(128),
            AbiType.uint(32), AbiType.ADDRESS, AbiType.UINT256, AbiType.UINT256, AbiType.UINT256);
    /** {@code getActiveUnkickedValidatorStructsAndCounts() returns (Epoch, uint256, Validator[])}. */
    public static final AbiFunction GET_ACTIVE_UNKICKED_VALIDATOR_STRUCTS_AND_COUNTS = new AbiFunction(
            "getActiveUnkickedValidatorStructsAndCounts", List.of(),
            List.of(EPOCH, AbiType.UINT256, AbiType.array(VALIDATOR)));
    /**
     * {@code requestToJoin(uint32 ip, uint128 ipv6, uint32 port, address nodeAddress, uint256 senderPubKey,
     * uint256 receiverPubKey)}: a staker registers its node (litj's Staking: only stakers the owner admitted).
     */
    public static final AbiFunction REQUEST_TO_JOIN = AbiFunction.of("requestToJoin",
            "(uint32,uint128,uint32,address,uint256,uint256)", "()");
    /** litj's Staking {@code initialize(address admin, uint256 epochLength)}: once, on code placed by a devnet. */
    public static final AbiFunction INITIALIZE = AbiFunction.of("initialize", "(address,uint256)", "()");
    /** litj's Staking {@code adminAllowStaker(address staker, bool allowed)}: the owner admits a staker. */
    public static final AbiFunction ADMIN_ALLOW_STAKER = AbiFunction.of("adminAllowStaker", "(address,bool)", "()");
    /**
     * litj's Staking {@code setLitjContracts(address pubkeyRouter, address pkpNft, address pkpPermissions,
     * address rateLimitNft, address pkpHelper)}: the owner names the network's other contracts.
     */
    public static final AbiFunction SET_LITJ_CONTRACTS = AbiFunction.of("setLitjContracts",
            "(address,address,address,address,address)", "()");
    /**
     * litj's Staking {@code litjContracts()}: the other contracts in the order of {@link #SET_LITJ_CONTRACTS}, all
     * zero until named; how a node given only Staking's address finds them.
     */
    public static final AbiFunction LITJ_CONTRACTS = AbiFunction.of("litjContracts", "()",
            "(address,address,address,address,address)");
    /** Lit's Staking {@code advanceEpoch()}: the owner starts the next epoch now. */
    public static final AbiFunction ADVANCE_EPOCH = AbiFunction.of("advanceEpoch", "()", "()");
    /** More validators than this in an answer is refused as garbage. */
    public static final int MAX_VALIDATORS = 1024;

    private StakingContract() {
    }

    /**
     * The decoded answer of {@code getActiveUnkickedValidatorStructsAndCounts()}.
     *
     * @param epoch the current epoch
     * @param minNodeCount the threshold: how many nodes a client needs (the JS SDK refuses 0 and more than the
     *        number of validators)
     * @param validators the active validators, in contract order
     */
    public record ActiveValidators(StakingEpoch epoch, BigInteger minNodeCount,
                                   List<StakingValidator> validators) {
        public ActiveValidators {
            Objects.requireNonNull(epoch, "epoch");
            AbiCodec.requireUint(minNodeCount, 256, "minNodeCount");
            validators = List.copyOf(validators);
        }
    }

    /**
     * The call data of {@code getActiveUnkickedValidatorStructsAndCounts()}: its selector.
     *
     * @return {@code 0x} + lowercase hex
     */
    public static String activeValidatorsCall() {
        return GET_ACTIVE_UNKICKED_VALIDATOR_STRUCTS_AND_COUNTS.encodeCall(List.of()).hex0x();
    }

    /**
     * The answer for {@code state}, as the contract returns it.
     *
     * @return {@code 0x} + lowercase hex, {@code 32 * (8 + 7n)} bytes for n validators
     */
    public static String encodeActiveValidators(ActiveValidators state) {
        StakingEpoch e = state.epoch();
        AbiValue epoch = AbiValue.tuple(AbiValue.uint(e.epochLength()), AbiValue.uint(e.number()),
                AbiValue.uint(e.endTime()), AbiValue.uint(e.retries()), AbiValue.uint(e.timeout()));
        List<AbiValue> validators = new ArrayList<>(state.validators().size());
        for (StakingValidator v : state.validators()) {
            validators.add(AbiValue.tuple(AbiValue.uint(v.ip()), AbiValue.uint(v.ipv6()), AbiValue.uint(v.port()),
                    AbiValue.address(v.nodeAddress()), AbiValue.uint(v.reward()), AbiValue.uint(v.senderPubKey()),
                    AbiValue.uint(v.receiverPubKey())));
        }
        return GET_ACTIVE_UNKICKED_VALIDATOR_STRUCTS_AND_COUNTS.encodeResult(List.of(epoch,
                AbiValue.uint(state.minNodeCount()), AbiValue.array(validators))).hex0x();
    }

    /**
     * Decodes the {@code eth_call} result ({@code 0x} + hex).
     *
     * @throws LitProtocolException {@code NodeParserError} if it is not hex, not a well-formed answer (see
     *         {@link AbiCodec#decode}) or lists more than {@value #MAX_VALIDATORS} validators
     */
    public static ActiveValidators decodeActiveValidators(String hex) {
        if (hex == null || hex.length() > 2 + 2L * AbiCodec.MAX_DATA_BYTES) {
            throw new LitProtocolException(LitErrorCode.NodeParserError, "Staking answer is missing or longer than "
                    + AbiCodec.MAX_DATA_BYTES + " bytes");
        }
        List<AbiValue> values = GET_ACTIVE_UNKICKED_VALIDATOR_STRUCTS_AND_COUNTS.decodeResult(
                Bytes.fromHex(hex, "Staking answer"));
        List<AbiValue> epoch = values.get(0).asList();
        List<AbiValue> structs = values.get(2).asList();
        if (structs.size() > MAX_VALIDATORS) {
            throw new LitProtocolException(LitErrorCode.NodeParserError, "Staking answer lists " + structs.size()
                    + " validators, at most " + MAX_VALIDATORS + " accepted");
        }
        List<StakingValidator> validators = new ArrayList<>(structs.size());
        for (AbiValue struct : structs) {
            List<AbiValue> v = struct.asList();
            validators.add(new StakingValidator(v.get(0).asUint().longValueExact(), v.get(1).asUint(),
                    v.get(2).asUint().longValueExact(), v.get(3).asAddress(), v.get(4).asUint(), v.get(5).asUint(),
                    v.get(6).asUint()));
        }
        StakingEpoch decoded = new StakingEpoch(epoch.get(0).asUint(), epoch.get(1).asUint(), epoch.get(2).asUint(),
                epoch.get(3).asUint(), epoch.get(4).asUint());
        return new ActiveValidators(decoded, values.get(1).asUint(), validators);
    }
}
