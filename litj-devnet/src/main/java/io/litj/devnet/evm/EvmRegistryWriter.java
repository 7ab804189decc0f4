package io.litj.devnet.evm;

import io.litj.node.LitNodeException;
import io.litj.node.registry.EvmAuthMethods;
import io.litj.node.registry.EvmContracts;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.chain.AbiValue;
import io.litj.protocol.chain.Erc721Functions;
import io.litj.protocol.chain.PkpContracts;
import io.litj.protocol.chain.RateLimitNftContract;
import io.litj.protocol.chain.StakingContract;
import io.litj.protocol.chain.StakingValidator;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * What a devnet writes to litj's contracts, each a transaction: admitting and registering nodes (each node's
 * wallet is its own staker), routing PKP keys the nodes made by DKG into the pool (these as the admin given here),
 * and, as the wallet each method is given, minting the next pooled key, permitting auth methods as the PKP's owner
 * and buying capacity credits. Reads go through an {@code EvmRegistry}.
 */
public final class EvmRegistryWriter {
    /** keccak256("PKPMinted(uint256,bytes)"): the first log of a mint, topic 1 the token id. */
    static final String PKP_MINTED_TOPIC = "0x" + Hex.encode(Hashes.keccak256("PKPMinted(uint256,bytes)"));
    /** keccak256("Transfer(address,address,uint256)"): an ERC-721 transfer, topic 3 the token id. */
    static final String TRANSFER_TOPIC = "0x" + Hex.encode(Hashes.keccak256("Transfer(address,address,uint256)"));

    private final EvmContracts contracts;
    private final EvmSender admin;

    public EvmRegistryWriter(EvmContracts contracts, EvmSender admin) {
        this.contracts = contracts;
        this.admin = admin;
    }

    /** The owner admits {@code node}'s wallet as a staker, and that wallet registers the node ({@code requestToJoin}). */
    public void registerNode(NodeEntry node, EvmSender nodeWallet) {
        if (!nodeWallet.address().equals(EthAddress.parse(node.ethAddress(), "node address"))) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "node " + node.index() + " is "
                    + node.ethAddress() + " but the wallet registering it is " + nodeWallet.address());
        }
        admitStaker(nodeWallet.address());
        join(contracts.staking(), node.host(), node.port(), node.identityKey(), nodeWallet);
    }

    /** The owner admits {@code staker} ({@code adminAllowStaker(staker, true)}): only admitted stakers join. */
    public void admitStaker(EthAddress staker) {
        admin.send(contracts.staking(), StakingContract.ADMIN_ALLOW_STAKER.encodeCall(List.of(
                AbiValue.address(staker), new AbiValue.Bool(true))));
    }

    /**
     * A node's wallet, admitted as staker, registers the node: {@code requestToJoin(ip, 0, port, wallet,
     * identityKey, 0)} on {@code staking}; the node address is the wallet's.
     */
    public static void join(EthAddress staking, String host, int port, String identityKey, EvmSender nodeWallet) {
        StakingValidator v = StakingValidator.of(host, port, nodeWallet.address());
        nodeWallet.send(staking, StakingContract.REQUEST_TO_JOIN.encodeCall(List.of(AbiValue.uint(v.ip()),
                AbiValue.uint(0), AbiValue.uint(v.port()), AbiValue.address(nodeWallet.address()),
                AbiValue.uint(new BigInteger(identityKey, 16)), AbiValue.uint(0))));
    }

    /** The owner seals the validator set: {@code advanceEpoch()} (nodes on a chain then make the network key). */
    public void advanceEpoch() {
        admin.send(contracts.staking(), StakingContract.ADVANCE_EPOCH.encodeCall(List.of()));
    }

    /** The owner routes a key the nodes made into the pool: {@code setRoutingData(keccak(pubkey), pubkey, …)}. */
    public void routeKey(byte[] publicKey) {
        BigInteger tokenId = new BigInteger(Pkp.tokenIdOf(publicKey), 16);
        admin.send(contracts.pubkeyRouter(), PkpContracts.SET_ROUTING_DATA.encodeCall(List.of(AbiValue.uint(tokenId),
                new AbiValue.DynamicBytes(Bytes.of(publicKey)), AbiValue.address(contracts.staking()),
                AbiValue.uint(PkpContracts.ECDSA_KEY_TYPE), new AbiValue.FixedBytes(Bytes.of(new byte[32])))));
    }

    /** How many routed keys no one has minted yet ({@code PubkeyRouter.keyPoolSize()}). */
    public long keyPoolSize() {
        return admin.call(contracts.pubkeyRouter(), PkpContracts.KEY_POOL_SIZE).getFirst().asUint().longValueExact();
    }

    /**
     * {@code minter} mints the next pooled key ({@code mintNext}, paying {@code mintCost} wei).
     *
     * @return the token id, 64 hex, from the {@code PKPMinted} log
     */
    public String mintNext(EvmSender minter, BigInteger mintCost) {
        EvmSender.Receipt r = minter.send(Optional.of(contracts.pkpNft()), PkpContracts.MINT_NEXT.encodeCall(
                List.of(AbiValue.uint(PkpContracts.ECDSA_KEY_TYPE))), mintCost);
        return topic(r, contracts.pkpNft(), PKP_MINTED_TOPIC, 1).orElseThrow(() -> new LitNodeException(
                LitErrorCode.NodeSystemFault, "mint " + r.transactionHash() + " logged no PKPMinted"));
    }

    /** PKPNFT's {@code mintCost()} in wei. */
    public BigInteger mintCost(EvmSender reader) {
        return reader.call(contracts.pkpNft(), PkpContracts.MINT_COST).getFirst().asUint();
    }

    /**
     * {@code minter} buys a capacity credit of {@code requestsPerKilosecond} until {@code expiresAtSeconds} (unix
     * time), paying RateLimitNFT's {@code calculateCost} for it, and gives it to {@code holder} (a transfer when that
     * is another address).
     *
     * @return the token id, decimal, from the mint's {@code Transfer} log
     */
    public String mintCapacityCredit(EvmSender minter, long requestsPerKilosecond, long expiresAtSeconds,
            EthAddress holder) {
        BigInteger cost = minter.call(contracts.rateLimitNft(), RateLimitNftContract.CALCULATE_COST,
                AbiValue.uint(requestsPerKilosecond), AbiValue.uint(expiresAtSeconds)).getFirst().asUint();
        EvmSender.Receipt r = minter.send(Optional.of(contracts.rateLimitNft()), RateLimitNftContract.MINT.encodeCall(
                List.of(AbiValue.uint(expiresAtSeconds))), cost);
        String id = topic(r, contracts.rateLimitNft(), TRANSFER_TOPIC, 3).map(hex -> new BigInteger(hex, 16)
                .toString()).orElseThrow(() -> new LitNodeException(LitErrorCode.NodeSystemFault, "capacity mint "
                + r.transactionHash() + " logged no Transfer"));
        transfer(contracts.rateLimitNft(), minter, holder, new BigInteger(id));
        return id;
    }

    /** {@code holder} gives PKP {@code tokenId} (64 hex) to {@code to} ({@code PKPNFT.transferFrom}), if another address. */
    public void transferPkp(EvmSender holder, String tokenId, EthAddress to) {
        transfer(contracts.pkpNft(), holder, to, new BigInteger(tokenId, 16));
    }

    private static void transfer(EthAddress token, EvmSender holder, EthAddress to, BigInteger id) {
        if (!to.equals(holder.address())) {
            holder.send(token, Erc721Functions.TRANSFER_FROM.encodeCall(List.of(AbiValue.address(holder.address()),
                    AbiValue.address(to), AbiValue.uint(id))));
        }
    }

    /** Topic {@code index} (64 hex, no {@code 0x}) of the first log of {@code emitter} whose topic 0 is {@code topic0}. */
    private static Optional<String> topic(EvmSender.Receipt r, EthAddress emitter, String topic0, int index) {
        for (JsonValue log : r.logs()) {
            if (log instanceof JsonValue.JsonObject o && o.get("topics").orElse(null) instanceof JsonValue.JsonArray t
                    && o.get("address").orElse(null) instanceof JsonValue.JsonString a
                    && a.value().equalsIgnoreCase(emitter.toChecksumString())
                    && t.items().size() > index && t.items().get(0) instanceof JsonValue.JsonString first
                    && first.value().equals(topic0) && t.items().get(index) instanceof JsonValue.JsonString id) {
                return Optional.of(id.value().substring(2));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code owner} permits {@code permission} on PKP {@code tokenId} ({@code addPermittedAuthMethod}).
     *
     * @return the mined transaction (its logs: {@code PermittedAuthMethodAdded}, one scope event per scope)
     */
    public EvmSender.Receipt permit(EvmSender owner, String tokenId, PkpPermission permission) {
        AbiValue method = AbiValue.tuple(AbiValue.uint(permission.authMethodType()), new AbiValue.DynamicBytes(
                Bytes.of(EvmAuthMethods.idBytes(permission.authMethodType(), permission.id()))),
                new AbiValue.DynamicBytes(Bytes.of(new byte[0])));
        List<AbiValue> scopes = permission.scopes().stream().sorted().map(s -> (AbiValue) AbiValue.uint(s)).toList();
        return owner.send(contracts.pkpPermissions(), PkpContracts.ADD_PERMITTED_AUTH_METHOD.encodeCall(List.of(
                AbiValue.uint(new BigInteger(tokenId, 16)), method, AbiValue.array(scopes))));
    }

    /** {@code owner} removes the auth method of {@code permission} from PKP {@code tokenId}. */
    public void revoke(EvmSender owner, String tokenId, int authMethodType, String id) {
        owner.send(contracts.pkpPermissions(), PkpContracts.REMOVE_PERMITTED_AUTH_METHOD.encodeCall(List.of(
                AbiValue.uint(new BigInteger(tokenId, 16)), AbiValue.uint(authMethodType),
                new AbiValue.DynamicBytes(Bytes.of(EvmAuthMethods.idBytes(authMethodType, id))))));
    }
}
