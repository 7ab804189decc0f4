package io.litj.protocol;

/**
 * The error codes litj speaks: the Lit node codes (Datil, {@code lit-node-behaviour.md} §8.2) with their HTTP
 * status and kind, and the JS SDK's client-side codes ({@code js-sdk-v7-wire-format.md} §10).
 *
 * <p>{@link #wireName()} is the string that travels in the {@code errorCode} field of an error body. Node codes
 * use the bare variant name ({@code NodeNotAuthorized}); SDK codes use the JS SDK's snake_case names.
 */
public enum LitErrorCode {
    // ---- node codes (lit-node-behaviour.md §8.2) ----
    NodeInvalidAuthSig(401, LitErrorKind.Validation),
    NodeAuthSigNotSupported(401, LitErrorKind.Validation),
    NodeAuthSigScopeTooLimited(401, LitErrorKind.Validation),
    NodeInvalidMultipleAuthSigs(400, LitErrorKind.Validation),
    NodeAuthSigAddressConversionError(400, LitErrorKind.Conversion),
    NodeAuthSigSignatureConversionError(400, LitErrorKind.Conversion),
    NodeAuthSigSessionKeyConversionError(400, LitErrorKind.Conversion),
    NodeAuthSigSignedMessageConversionError(400, LitErrorKind.Conversion),
    NodeInvalidAuthSigSessionKeySignature(400, LitErrorKind.Validation),
    NodeNotAuthorized(403, LitErrorKind.Validation),
    NodeResourceIdNotFound(404, LitErrorKind.Validation),
    NodeParserError(400, LitErrorKind.Parser),
    NodeSIWECapabilityInvalid(400, LitErrorKind.Validation),
    NodeSIWECapabilityActionInvalid(400, LitErrorKind.Parser),
    NodeSIWESigConversionError(400, LitErrorKind.Conversion),
    NodeSIWEMessageError(400, LitErrorKind.Parser),
    NodeIatOutsideGracePeriod(403, LitErrorKind.Validation),
    NodeExpWrongOrTooLarge(403, LitErrorKind.Validation),
    NodeInvalidBlockhash(502, LitErrorKind.Validation),
    NodeContractAuthsigUnauthorized(401, LitErrorKind.Validation),
    NodeAccessControlConditionsReturnedNotAuthorized(401, LitErrorKind.Validation),
    NodeAccessControlConditionsCheckFailed(502, LitErrorKind.Unexpected),
    NodeMissingAccessControlConditions(400, LitErrorKind.Validation),
    NodeTooManyConditions(400, LitErrorKind.Validation),
    NodePKPNotAuthorized(401, LitErrorKind.Validation),
    NodePKPTokenIdNotFound(400, LitErrorKind.Validation),
    NodeInvalidCurveType(400, LitErrorKind.Validation),
    NodeInvalidAuthSigForSessionKey(400, LitErrorKind.Validation),
    NodeCannotProvideAuthMethodForEndpoint(400, LitErrorKind.Validation),
    NodeCannotProvideAuthSigForEndpoint(400, LitErrorKind.Validation),
    NodeInvalidAuthContextResource(401, LitErrorKind.Validation),
    NodeUndefinedSiweExpiration(401, LitErrorKind.Validation),
    NodeLitActionsSessionSigAuthenticationFailed(401, LitErrorKind.Validation),
    NodeAuthContextFromSessionSigError(502, LitErrorKind.Parser),
    NodeWalletSignatureJSONError(502, LitErrorKind.Serializer),
    NodeInvalidWebAuthnChallenge(400, LitErrorKind.Validation),
    NodeBLSRootKeyNotFound(500, LitErrorKind.Unexpected),
    NodeBadInput(422, LitErrorKind.Validation),
    NodeSystemFault(500, LitErrorKind.Unexpected),
    NodeRpcError(502, LitErrorKind.Unexpected),
    NodeBlockchainError(502, LitErrorKind.Blockchain),
    NodeActionNotAllowed(400, LitErrorKind.Validation),
    NodeInvalidIPFSID(400, LitErrorKind.Validation),
    NodeConcurrencyOverload(429, LitErrorKind.Unexpected),
    NodeJsTimeoutError(502, LitErrorKind.Timeout),
    NodeJsMemoryLimitError(502, LitErrorKind.MemoryLimit),
    NodeJsConnectionError(502, LitErrorKind.Connect),
    NodeJsExecutionError(502, LitErrorKind.Unexpected),
    /** litj: the request body exceeds the node's size limit. */
    NodePayloadTooLarge(413, LitErrorKind.Validation),
    /** litj: no route for this method and path. */
    NodeRouteNotFound(404, LitErrorKind.Validation),
    /** litj: an access-control condition names a chain this node has no JSON-RPC endpoint for. */
    NodeChainNotConfigured(400, LitErrorKind.Validation),
    /** litj: no Lit Action code is stored under the request's {@code ipfsId} (store it with {@code litj action put}). */
    NodeIpfsIdNotFound(404, LitErrorKind.Validation),
    /** litj: an access-control condition of a kind this node does not evaluate (Solana, POAP, Lit Action …). */
    NodeConditionNotSupported(400, LitErrorKind.Validation),
    /**
     * Datil: no capacity credit of the caller (or delegated to it) has room for this request. Not a PublicError: the
     * node answers {@code {"message":"Rate limit exceeded.  Try again at <rfc3339>","errorCode":"rate_limit_exceeded"}}
     * with HTTP 402 (400 on {@code /web/pkp/sign}).
     */
    RateLimitExceeded("rate_limit_exceeded", 402, LitErrorKind.Validation),
    /** litj: a capacity delegation in the session fails validation (signature, SIWE, time, URI, ReCap, restriction). */
    NodeCapacityDelegationInvalid(402, LitErrorKind.Validation),
    /** litj: a capacity delegation names a credit its delegator does not own (or that does not exist). */
    NodeCapacityDelegationNotOwned(402, LitErrorKind.Validation),
    /** litj: a capacity delegation's {@code delegate_to} does not list the proven caller. */
    NodeCapacityDelegateeMismatch(402, LitErrorKind.Validation),
    /** litj: a capacity delegation's {@code uses} are used up on this node. */
    NodeCapacityDelegationUsedUp(402, LitErrorKind.Validation),
    /** litj: every credit a capacity delegation names has expired. */
    NodeCapacityCreditExpired(402, LitErrorKind.Validation),
    /** litj: the session's grant was revoked by its granter before it expired ({@code docs/revocation.md}). */
    NodeSessionRevoked(401, LitErrorKind.Validation),
    /** litj: a revocation is malformed or does not match its grant (digest, session key, expiration, time). */
    NodeRevocationInvalid(400, LitErrorKind.Validation),
    /** litj: a revocation is not signed by the grant's own address: only the granter can revoke. */
    NodeRevocationNotGranter(403, LitErrorKind.Validation),
    /**
     * litj: an EIP-1271 (contract wallet) capability reached a node whose registry is no EVM chain (the embedded
     * devnet), so there is no contract to ask ({@code docs/validation.md}).
     */
    NodeEip1271NeedsEvmChain(501, LitErrorKind.Blockchain),

    // ---- JS SDK client-side codes (js-sdk-v7-wire-format.md §10) ----
    InvalidSessionSigs("invalid_session_sigs", 400, LitErrorKind.Validation),
    WalletSignatureNotFound("wallet_signature_not_found_error", 400, LitErrorKind.Validation),
    InvalidSignature("invalid_signature_error", 400, LitErrorKind.Validation),
    ParamsMissing("params_missing_error", 400, LitErrorKind.Validation),
    InvalidArgument("invalid_argument_exception", 400, LitErrorKind.Validation),
    ClientNotReady("lit_node_client_not_ready_error", 500, LitErrorKind.Unexpected),
    InvalidEthBlockhash("invalid_eth_blockhash", 500, LitErrorKind.Unexpected),
    NoValidShares("no_valid_shares", 500, LitErrorKind.Unexpected),
    NodeError("node_error", 500, LitErrorKind.Unknown),
    NetworkError("network_error", 500, LitErrorKind.Unexpected),
    InitError("init_error", 500, LitErrorKind.Unexpected),
    UnknownSignatureType("unknown_signature_type", 400, LitErrorKind.Validation);

    private final String wireName;
    private final int httpStatus;
    private final LitErrorKind kind;

    LitErrorCode(int httpStatus, LitErrorKind kind) {
        this.wireName = name();
        this.httpStatus = httpStatus;
        this.kind = kind;
    }

    LitErrorCode(String wireName, int httpStatus, LitErrorKind kind) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
        this.kind = kind;
    }

    /** The {@code errorCode} string of an error body. */
    public String wireName() {
        return wireName;
    }

    /** The HTTP status a node answers with for this code. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The {@code errorKind} of this code. */
    public LitErrorKind kind() {
        return kind;
    }
}
