package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Ed25519Signatures;
import io.litj.protocol.crypto.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * §2.2 step 1: {@code address} is a 32-byte Ed25519 public key ({@code NodeAuthSigAddressConversionError}),
 * {@code sig} a 64-byte signature ({@code NodeAuthSigSignatureConversionError}), valid under strict rules over the
 * exact UTF-8 bytes of {@code signedMessage} as received ({@code NodeInvalidAuthSigSessionKeySignature}).
 */
public final class SessionKeySignatureCheck implements SessionCheck {
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
        try {
            Ed25519Signatures.verifyStrict(publicKey, message, signature);
        } catch (LitProtocolException e) {
            return CheckFailure.fail(LitErrorCode.NodeInvalidAuthSigSessionKeySignature,
                    "the session key's Ed25519 signature over signedMessage is not valid");
        }
        state.sessionKeyHex = Hex.encode(publicKey).toLowerCase(Locale.ROOT);
        return Optional.empty();
    }
}
