package io.litj.protocol.chain;

/**
 * The calls litj makes of Lit's PKP contracts, with the types of Lit's ABIs ({@code @lit-protocol/contracts}):
 * {@code PKPNFT} (minting), {@code PubkeyRouter} (public keys and litj's key pool) and {@code PKPPermissions}
 * (auth methods and scopes). Reads of token ownership are {@link Erc721Functions}. Constants only.
 */
public final class PkpContracts {
    /** Lit's key type of a secp256k1 ECDSA PKP. */
    public static final int ECDSA_KEY_TYPE = 2;

    /** PKPNFT {@code mintNext(uint256 keyType) payable returns (uint256)}. */
    public static final AbiFunction MINT_NEXT = AbiFunction.of("mintNext", "(uint256)", "(uint256)");
    /** PKPNFT {@code mintCost() returns (uint256)}. */
    public static final AbiFunction MINT_COST = AbiFunction.of("mintCost", "()", "(uint256)");
    /** PKPNFT {@code exists(uint256) returns (bool)}: minted and not burnt. */
    public static final AbiFunction EXISTS = AbiFunction.of("exists", "(uint256)", "(bool)");

    /** PubkeyRouter {@code getPubkey(uint256) returns (bytes)}: 65 bytes, or empty if not routed. */
    public static final AbiFunction GET_PUBKEY = AbiFunction.of("getPubkey", "(uint256)", "(bytes)");
    /** PubkeyRouter {@code ethAddressToPkpId(address) returns (uint256)}: 0 for an address that is no PKP's. */
    public static final AbiFunction ETH_ADDRESS_TO_PKP_ID = AbiFunction.of("ethAddressToPkpId", "(address)",
            "(uint256)");
    /** PubkeyRouter {@code setRoutingData(uint256,bytes,address,uint256,bytes32)}: adds a key to the pool. */
    public static final AbiFunction SET_ROUTING_DATA = AbiFunction.of("setRoutingData",
            "(uint256,bytes,address,uint256,bytes32)", "()");
    /** PubkeyRouter (litj) {@code keyPoolSize() returns (uint256)}: routed keys not yet minted. */
    public static final AbiFunction KEY_POOL_SIZE = AbiFunction.of("keyPoolSize", "()", "(uint256)");
    /** PubkeyRouter (litj) {@code setPkpNftAddress(address)}: the one contract that takes keys from the pool. */
    public static final AbiFunction SET_PKP_NFT_ADDRESS = AbiFunction.of("setPkpNftAddress", "(address)", "()");

    /** PKPPermissions {@code getPermittedAuthMethods(uint256) returns ((uint256,bytes,bytes)[])}. */
    public static final AbiFunction GET_PERMITTED_AUTH_METHODS = AbiFunction.of("getPermittedAuthMethods",
            "(uint256)", "((uint256,bytes,bytes)[])");
    /** PKPPermissions {@code getPermittedAuthMethodScopes(uint256,uint256,bytes,uint256) returns (bool[])}. */
    public static final AbiFunction GET_PERMITTED_AUTH_METHOD_SCOPES = AbiFunction.of(
            "getPermittedAuthMethodScopes", "(uint256,uint256,bytes,uint256)", "(bool[])");
    /** PKPPermissions {@code getTokenIdsForAuthMethod(uint256,bytes) returns (uint256[])}. */
    public static final AbiFunction GET_TOKEN_IDS_FOR_AUTH_METHOD = AbiFunction.of("getTokenIdsForAuthMethod",
            "(uint256,bytes)", "(uint256[])");
    /** PKPPermissions {@code addPermittedAuthMethod(uint256,(uint256,bytes,bytes),uint256[])}. */
    public static final AbiFunction ADD_PERMITTED_AUTH_METHOD = AbiFunction.of("addPermittedAuthMethod",
            "(uint256,(uint256,bytes,bytes),uint256[])", "()");
    /** PKPPermissions {@code removePermittedAuthMethod(uint256,uint256,bytes)}. */
    public static final AbiFunction REMOVE_PERMITTED_AUTH_METHOD = AbiFunction.of("removePermittedAuthMethod",
            "(uint256,uint256,bytes)", "()");

    private PkpContracts() {
    }
}
