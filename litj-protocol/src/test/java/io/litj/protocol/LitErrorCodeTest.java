package io.litj.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected values come from the specs: node codes, statuses and kinds from {@code lit-node-behaviour.md} §8.2;
 * SDK codes from {@code js-sdk-v7-wire-format.md} §10 ({@code LIT_ERROR} names).
 */
class LitErrorCodeTest {

    @ParameterizedTest
    @CsvSource({
        "NodeInvalidAuthSig, 401",
        "NodeInvalidMultipleAuthSigs, 400",
        "NodeInvalidAuthSigSessionKeySignature, 400",
        "NodeNotAuthorized, 403",
        "NodeResourceIdNotFound, 404",
        "NodeParserError, 400",
        "NodeSIWECapabilityInvalid, 400",
        "NodeSIWEMessageError, 400",
        "NodeIatOutsideGracePeriod, 403",
        "NodeExpWrongOrTooLarge, 403",
        "NodeInvalidBlockhash, 502",
        "NodePKPNotAuthorized, 401",
        "NodeAuthContextFromSessionSigError, 502",
        "NodeBLSRootKeyNotFound, 500",
        "NodeBadInput, 422",
        "NodeSystemFault, 500",
        "NodeConcurrencyOverload, 429",
    })
    void httpStatus_nodeCode_matchesNodeErrorTable(String name, int status) {
        LitErrorCode code = LitErrorCode.valueOf(name);
        assertEquals(status, code.httpStatus());
        assertEquals(name, code.wireName());
    }

    @ParameterizedTest
    @CsvSource({
        "NodeInvalidAuthSig, Validation",
        "NodeParserError, Parser",
        "NodeSIWECapabilityActionInvalid, Parser",
        "NodeSIWEMessageError, Parser",
        "NodeAuthContextFromSessionSigError, Parser",
        "NodeWalletSignatureJSONError, Serializer",
    })
    void kind_nodeCodeWithStatedKind_matchesNodeErrorTable(String name, LitErrorKind kind) {
        assertEquals(kind, LitErrorCode.valueOf(name).kind());
    }

    @ParameterizedTest
    @CsvSource({
        "InvalidSessionSigs, invalid_session_sigs, Validation",
        "WalletSignatureNotFound, wallet_signature_not_found_error, Validation",
        "InvalidSignature, invalid_signature_error, Validation",
        "ParamsMissing, params_missing_error,",
        "InvalidArgument, invalid_argument_exception,",
        "ClientNotReady, lit_node_client_not_ready_error, Unexpected",
        "InvalidEthBlockhash, invalid_eth_blockhash, Unexpected",
        "NoValidShares, no_valid_shares,",
        "NodeError, node_error, Unknown",
        "NetworkError, network_error,",
        "InitError, init_error,",
        "UnknownSignatureType, unknown_signature_type,",
    })
    void wireName_sdkCode_isJsSnakeCaseName(String name, String wire, LitErrorKind kind) {
        LitErrorCode code = LitErrorCode.valueOf(name);
        assertEquals(wire, code.wireName());
        if (kind != null) {
            // kind stated in js-sdk-v7-wire-format.md §10 (blank where the spec names none)
            assertEquals(kind, code.kind());
        }
    }

    @Test
    void rateLimitExceeded_isDatilsNonPublicErrorCode_with402() {
        assertEquals("rate_limit_exceeded", LitErrorCode.RateLimitExceeded.wireName());
        assertEquals(402, LitErrorCode.RateLimitExceeded.httpStatus());
    }

    @Test
    void wireName_allCodes_areDistinct() {
        Set<String> names = Arrays.stream(LitErrorCode.values()).map(LitErrorCode::wireName)
                .collect(Collectors.toSet());
        assertEquals(LitErrorCode.values().length, names.size());
    }

    @Test
    void toString_exception_showsWireNameAndMessage() {
        LitProtocolException e = new LitProtocolException(LitErrorCode.InvalidArgument, "bad id");
        assertEquals("LitProtocolException[invalid_argument_exception]: bad id", e.toString());
    }
}
