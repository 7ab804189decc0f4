package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigType;
import io.litj.protocol.auth.BlsCapabilityVerifier;
import io.litj.protocol.auth.BlsSessionMessage;
import io.litj.protocol.auth.ContractSignatureVerifier;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.util.Optional;
import java.util.Set;

/**
 * §2.3: the capability is signed by whom its SIWE names, over the exact {@code signedMessage} text (never
 * re-rendered).
 * <ul>
 *   <li>Wallet: {@code sig} is a 65-byte low-s signature ({@code NodeSIWESigConversionError}); the EIP-191
 *   recovered address equals the SIWE address, and the AuthSig's {@code address} field names the same account
 *   ({@code NodeSIWEMessageError}).</li>
 *   <li>Network: {@code sig} is {@code {"ProofOfPossession":"<96-byte G2 hex>"}} ({@code NodeSIWESigConversionError})
 *   and verifies over {@link BlsSessionMessage} under the network key ({@code NodeSIWEMessageError}); without a
 *   verifier the validator cannot run ({@code NodeBLSRootKeyNotFound} is thrown).</li>
 *   <li>Contract wallet ({@code EIP1271}, {@code EIP1271_SHA256}): the {@code address} field names the SIWE address
 *   ({@code NodeSIWEMessageError}); {@code sig} is hex of 1 to {@value ContractSignatureVerifier#MAX_SIGNATURE_BYTES}
 *   bytes ({@code NodeSIWESigConversionError}); the {@link ContractSignatureVerifier} asks the wallet with the digest
 *   Datil uses (EIP-191 hash of the text, or its SHA-256 for {@code EIP1271_SHA256}):
 *   {@code NodeContractAuthsigUnauthorized}, {@code NodeBlockchainError}; no verifier (no EVM chain):
 *   {@code NodeEip1271NeedsEvmChain}. Its answers are not kept here (a wallet's owners can change; the verifier keeps
 *   them briefly).</li>
 * </ul>
 * The proven address is the SIWE address. Outcomes are remembered in a {@link SignatureCache}: verified signatures,
 * recovered signers and unrecoverable wallet signatures here, failed network ones by {@link FailureCachingBlsVerifier}.
 */
public final class CapabilitySignatureCheck implements CapabilityCheck {
    /**
     * The codes of a contract wallet's signature refusal: when the capability that fails with one of them passed
     * every other check, the validator answers with it (not {@code NodeResourceIdNotFound}).
     */
    public static final Set<LitErrorCode> CONTRACT_CODES = Set.of(LitErrorCode.NodeContractAuthsigUnauthorized,
            LitErrorCode.NodeBlockchainError, LitErrorCode.NodeEip1271NeedsEvmChain);

    private final Optional<BlsCapabilityVerifier> bls;
    private final Optional<ContractSignatureVerifier> contracts;
    private final SignatureCache cache;
    private final CapabilityParseCache parses;

    public CapabilitySignatureCheck(Optional<BlsCapabilityVerifier> bls, Optional<ContractSignatureVerifier> contracts,
            SignatureCache cache, CapabilityParseCache parses) {
        this.bls = bls;
        this.contracts = contracts;
        this.cache = cache;
        this.parses = parses;
    }

    @Override
    public Optional<CheckFailure> check(CapabilityState capability, SessionState session) {
        AuthSig cap = capability.capability();
        EthAddress named = capability.siwe().ethAddress();
        Optional<CheckFailure> failure = switch (cap.type()) {
            case BLS_NETWORK_SIG -> checkNetwork(cap);
            case CONTRACT_SIG -> checkContract(cap, named);
            default -> checkWallet(cap, named);
        };
        if (failure.isEmpty()) {
            capability.proven = named;
        }
        return failure;
    }

    private Optional<CheckFailure> checkWallet(AuthSig cap, EthAddress named) {
        EthSignature signature;
        try {
            signature = EthSignature.parse(cap.sig(), "capability sig");
        } catch (LitProtocolException e) {
            return CheckFailure.fail(LitErrorCode.NodeSIWESigConversionError, e.getMessage());
        }
        Optional<CheckFailure> otherAccount = addressFieldNames(cap, named);
        if (otherAccount.isPresent()) {
            return otherAccount;
        }
        byte[] digest = parses.eip191Digest(cap.signedMessage());
        Optional<Object> cached = cache.get(digest, cap.sig());
        EthAddress recovered;
        Optional<String> failedBefore = cache.failure(digest, cap.sig());
        if (failedBefore.isPresent()) {
            return CheckFailure.fail(LitErrorCode.NodeSIWEMessageError, failedBefore.get());
        }
        if (cached.isPresent()) {
            recovered = (EthAddress) cached.get();
        } else {
            try {
                recovered = Eip191.recoverFromHash(digest, signature);
            } catch (LitProtocolException e) {
                cache.putFailure(digest, cap.sig(), e.getMessage());
                return CheckFailure.fail(LitErrorCode.NodeSIWEMessageError, e.getMessage());
            }
            cache.put(digest, cap.sig(), recovered);
        }
        if (!recovered.equals(named)) {
            return CheckFailure.fail(LitErrorCode.NodeSIWEMessageError, "wallet signature recovers to " + recovered
                    + " but the SIWE is for " + named);
        }
        return Optional.empty();
    }

    private static Optional<CheckFailure> addressFieldNames(AuthSig cap, EthAddress named) {
        try {
            if (!EthAddress.parse(cap.address(), "capability address").equals(named)) {
                return CheckFailure.fail(LitErrorCode.NodeSIWEMessageError, "capability address "
                        + Text.cut(cap.address()) + " is not the SIWE address " + named);
            }
        } catch (LitProtocolException e) {
            return CheckFailure.fail(LitErrorCode.NodeSIWEMessageError, e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<CheckFailure> checkContract(AuthSig cap, EthAddress named) {
        Optional<CheckFailure> otherAccount = addressFieldNames(cap, named);
        if (otherAccount.isPresent()) {
            return otherAccount;
        }
        byte[] signature;
        try {
            signature = Hex.decode0x(cap.sig(), "EIP-1271 capability sig");
        } catch (LitProtocolException e) {
            return CheckFailure.fail(LitErrorCode.NodeSIWESigConversionError, e.getMessage());
        }
        if (signature.length == 0 || signature.length > ContractSignatureVerifier.MAX_SIGNATURE_BYTES) {
            return CheckFailure.fail(LitErrorCode.NodeSIWESigConversionError, "EIP-1271 capability sig must be 1 to "
                    + ContractSignatureVerifier.MAX_SIGNATURE_BYTES + " bytes but is " + signature.length);
        }
        if (contracts.isEmpty()) {
            return CheckFailure.fail(LitErrorCode.NodeEip1271NeedsEvmChain, "EIP-1271 capabilities need an EVM chain"
                    + " to call isValidSignature on the wallet " + named + ", and this network's registry is not one");
        }
        byte[] digest = AuthSig.CONTRACT_SHA256_DERIVED_VIA.equals(cap.derivedVia()) ? Hashes.sha256(cap.signedMessage())
                : parses.eip191Digest(cap.signedMessage());
        try {
            contracts.get().verify(named, digest, signature);
        } catch (LitProtocolException e) {
            if (!CONTRACT_CODES.contains(e.code())) {
                throw e;
            }
            return CheckFailure.fail(e.code(), e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<CheckFailure> checkNetwork(AuthSig cap) {
        byte[] signature;
        try {
            JsonValue.JsonObject o = JsonReader.parseObject(cap.sig(), LitErrorCode.NodeSIWESigConversionError,
                    "lit.bls sig");
            JsonValue pop = o.get("ProofOfPossession").orElseThrow(() -> new LitProtocolException(
                    LitErrorCode.NodeSIWESigConversionError, "lit.bls sig has no ProofOfPossession"));
            if (!(pop instanceof JsonValue.JsonString s) || o.members().size() != 1) {
                return CheckFailure.fail(LitErrorCode.NodeSIWESigConversionError,
                        "lit.bls sig must be {\"ProofOfPossession\":\"<hex>\"}");
            }
            signature = Hex.decodeExact(s.value(), 96, "lit.bls signature");
        } catch (LitProtocolException e) {
            return CheckFailure.fail(LitErrorCode.NodeSIWESigConversionError, e.getMessage());
        }
        BlsCapabilityVerifier verifier = bls.orElseThrow(() -> new LitProtocolException(
                LitErrorCode.NodeBLSRootKeyNotFound, "no network BLS key is configured to verify lit.bls capabilities"));
        byte[] message = BlsSessionMessage.of(cap.signedMessage());
        if (cache.get(message, cap.sig()).isEmpty()) {
            try {
                verifier.verify(message, signature);
            } catch (LitProtocolException e) {
                if (e.code() != LitErrorCode.InvalidSignature) {
                    throw e; // e.g. NodeBLSRootKeyNotFound: the validator cannot run, which is no denial
                }
                return CheckFailure.fail(LitErrorCode.NodeSIWEMessageError,
                        "network BLS signature does not verify under the network key");
            }
            cache.put(message, cap.sig(), Boolean.TRUE);
        }
        return Optional.empty();
    }
}
