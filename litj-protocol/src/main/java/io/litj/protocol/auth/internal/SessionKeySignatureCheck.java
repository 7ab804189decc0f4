package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Ed25519Signatures;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * §2.2 step 1: {@code address} is a 32-byte Ed25519 public key ({@code NodeAuthSigAddressConversionError}),
 * {@code sig} a 64-byte signature ({@code NodeAuthSigSignatureConversionError}), valid under strict rules over the
 * exact UTF-8 bytes of {@code signedMessage} as received ({@code NodeInvalidAuthSigSessionKeySignature}).
 *
 * <p>A session sends the same sig with every request to a node, so a verified one is remembered in a
 * {@link SignatureCache} keyed by the SHA-256 of the public key and the message, and the signature: the same bytes
 * get the same verdict without a second curve check. Only successes are kept (a failure costs one verification, as
 * any request does).
 */
public final class SessionKeySignatureCheck implements SessionCheck {
    private final SignatureCache verified;

    /** @param verified where verified signatures are remembered (its own instance; capacity 0 disables it) */
    public SessionKeySignatureCheck(SignatureCache verified) {
        this.verified = verified;
    }

    @Override
    public Optional<CheckFailure> check(SessionState state) {
        byte[] publicKey;
        byte[] signature;
        try {
            publicKey = Hex.decodeExact(state.sessionSig().address(), 32, "session sig address");
        } catch (LitProtocolException e) {
            return CheckFailure.fail(LitErrorCode.NodeAuthSigAddressConversionError, e.getMessage());
        }
        try {
            signature = Hex.decodeExact(state.sessionSig().sig(), 64, "session sig sig");
        } catch (LitProtocolException e) {
            return CheckFailure.fail(LitErrorCode.NodeAuthSigSignatureConversionError, e.getMessage());
        }
        byte[] message = state.sessionSig().signedMessage().getBytes(StandardCharsets.UTF_8);
        byte[] digest = Hashes.sha256(ByteBuffer.allocate(32 + message.length).put(publicKey).put(message).array());
        if (verified.get(digest, state.sessionSig().sig()).isEmpty()) {
            try {
                Ed25519Signatures.verifyStrict(publicKey, message, signature);
            } catch (LitProtocolException e) {
                return CheckFailure.fail(LitErrorCode.NodeInvalidAuthSigSessionKeySignature,
                        "the session key's Ed25519 signature over signedMessage is not valid");
            }
            verified.put(digest, state.sessionSig().sig(), Boolean.TRUE);
        }
        state.sessionKeyHex = Hex.encode(publicKey).toLowerCase(Locale.ROOT);
        return Optional.empty();
    }
}
