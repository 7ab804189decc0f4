package io.litj.devnet.evm;

import io.litj.node.LitNodeException;
import io.litj.node.registry.EvmContracts;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.chain.AbiCodec;
import io.litj.protocol.chain.AbiType;
import io.litj.protocol.chain.AbiValue;
import io.litj.protocol.chain.PkpContracts;
import io.litj.protocol.chain.StakingContract;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Deploys litj's contracts (the committed build in {@code contracts/build}, packaged as resources): PubkeyRouter,
 * PKPNFT (wired to the router's key pool), PKPPermissions, RateLimitNFT, PKPHelper by creation transactions from the
 * admin wallet, and Staking either placed at a given address on anvil (the one the JS SDK reads for {@code custom}
 * networks) with {@code anvil_setCode} or created like the others on any chain, then initialized with the admin as owner and told the other
 * contracts' addresses ({@code setLitjContracts}), so that a node given only Staking's address finds them.
 */
public final class LitjContracts {
    private static final String RESOURCES = "/litj-contracts/";

    private LitjContracts() {
    }

    /**
     * Deploys everything on anvil with {@code admin} (funded by the caller) as owner, Staking's code placed at
     * {@code stakingAt}.
     *
     * @throws LitNodeException {@code NodeSystemFault} if a transaction fails
     */
    public static EvmContracts deploy(AnvilProcess anvil, EvmSender admin, EthAddress stakingAt,
                                      long epochLengthSeconds) {
        EvmContracts others = createOthers(admin, stakingAt);
        anvil.setCode(stakingAt, artifact("Staking", "deployedBytecode"));
        return initializeStaking(admin, others, epochLengthSeconds);
    }

    /**
     * Deploys everything on any EVM chain by creation transactions of {@code admin} (who pays the gas and owns the
     * contracts), Staking at its ordinary creation address: what {@code litj chain deploy} sends.
     *
     * @throws LitNodeException {@code NodeSystemFault} if a transaction fails
     */
    public static EvmContracts deploy(EvmSender admin, long epochLengthSeconds) {
        EthAddress staking = create(admin, "Staking", Bytes.of(new byte[0]));
        return initializeStaking(admin, createOthers(admin, staking), epochLengthSeconds);
    }

    /** PubkeyRouter, PKPNFT (wired to the router's pool), PKPPermissions, RateLimitNFT, PKPHelper. */
    private static EvmContracts createOthers(EvmSender admin, EthAddress staking) {
        EthAddress router = create(admin, "PubkeyRouter");
        EthAddress pkpNft = create(admin, "PKPNFT", AbiValue.address(router));
        admin.send(router, PkpContracts.SET_PKP_NFT_ADDRESS.encodeCall(List.of(AbiValue.address(pkpNft))));
        EthAddress permissions = create(admin, "PKPPermissions", AbiValue.address(pkpNft));
        EthAddress rateLimit = create(admin, "RateLimitNFT");
        EthAddress helper = create(admin, "PKPHelper", AbiValue.address(pkpNft), AbiValue.address(permissions));
        return new EvmContracts(staking, router, pkpNft, permissions, rateLimit, helper);
    }

    /** Staking's {@code initialize(admin, epochLength)} and {@code setLitjContracts(…)}. */
    private static EvmContracts initializeStaking(EvmSender admin, EvmContracts c, long epochLengthSeconds) {
        admin.send(c.staking(), StakingContract.INITIALIZE.encodeCall(List.of(AbiValue.address(admin.address()),
                AbiValue.uint(epochLengthSeconds))));
        admin.send(c.staking(), StakingContract.SET_LITJ_CONTRACTS.encodeCall(List.of(
                AbiValue.address(c.pubkeyRouter()), AbiValue.address(c.pkpNft()), AbiValue.address(c.pkpPermissions()),
                AbiValue.address(c.rateLimitNft()), AbiValue.address(c.pkpHelper()))));
        return c;
    }

    private static EthAddress create(EvmSender admin, String name, AbiValue... constructorArgs) {
        return create(admin, name, AbiCodec.encode(Collections.nCopies(constructorArgs.length, AbiType.ADDRESS),
                List.of(constructorArgs)));
    }

    /**
     * Creates contract {@code name} of the committed build (e.g. {@code TestMultisigWallet}) from {@code sender},
     * with its ABI-encoded constructor arguments.
     *
     * @throws LitNodeException {@code NodeSystemFault} if the transaction fails or makes no contract
     */
    public static EthAddress create(EvmSender sender, String name, Bytes constructorArgs) {
        byte[] code = Bytes.fromHex(artifact(name, "bytecode"), name).toByteArray();
        byte[] args = constructorArgs.toByteArray();
        byte[] init = new byte[code.length + args.length];
        System.arraycopy(code, 0, init, 0, code.length);
        System.arraycopy(args, 0, init, code.length, args.length);
        return sender.send(Optional.empty(), Bytes.of(init), BigInteger.ZERO).contractAddress().orElseThrow(
                () -> new LitNodeException(LitErrorCode.NodeSystemFault, "creating " + name + " made no contract"));
    }

    /** A field ({@code bytecode}, {@code deployedBytecode}) of contract {@code name}'s committed build. */
    static String artifact(String name, String field) {
        try (InputStream in = LitjContracts.class.getResourceAsStream(RESOURCES + name + ".json")) {
            if (in == null) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "contract build " + name
                        + ".json is not packaged");
            }
            JsonValue json = JsonReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    LitErrorCode.NodeSystemFault, name + ".json");
            if (json instanceof JsonValue.JsonObject o && o.get(field).orElse(null) instanceof JsonValue.JsonString s) {
                return s.value();
            }
            throw new LitNodeException(LitErrorCode.NodeSystemFault, name + ".json has no " + field);
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "reading " + name + ".json: " + e.getMessage());
        }
    }
}
