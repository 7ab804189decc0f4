package io.litj.protocol.auth;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.util.Objects;
import java.util.Optional;

/**
 * One node's session signature ({@code js-sdk-v7-wire-format.md} §4.6): the session key's Ed25519 signature
 * ({@code sig}, 128 hex) over {@code signedMessage} (a {@link SessionSigPayload} JSON text, kept byte for byte),
 * with {@code address} = the session public key hex. On the wire it is an {@link AuthSig} with
 * {@code derivedVia = litSessionSignViaNacl} and {@code algo = ed25519}.
 *
 * <p>Security: a bearer credential for one node until it expires. {@link #toString()} shows the key fingerprint
 * and the message size only.
 */
public record SessionSig(String sig, String signedMessage, String address) {
    public SessionSig {
        Objects.requireNonNull(sig, "sig");
        Objects.requireNonNull(signedMessage, "signedMessage");
        Objects.requireNonNull(address, "address");
    }

    /** The wire object: {@code {sig, derivedVia, signedMessage, address, algo}}. */
    public AuthSig toAuthSig() {
        return AuthSig.of(sig, AuthSig.SESSION_DERIVED_VIA, signedMessage, address, Optional.of(AuthSig.SESSION_ALGO));
    }

    /** A session sig from its wire object, which must be classified {@link AuthSigType#SESSION_SIG}. */
    public static SessionSig fromAuthSig(AuthSig authSig) {
        if (authSig.type() != AuthSigType.SESSION_SIG) {
            throw new LitProtocolException(LitErrorCode.InvalidSessionSigs, "expected a session sig (derivedVia "
                    + AuthSig.SESSION_DERIVED_VIA + ", algo ed25519) but got derivedVia " + authSig.derivedVia());
        }
        return new SessionSig(authSig.sig(), authSig.signedMessage(), authSig.address());
    }

    /** The signed payload, parsed. */
    public SessionSigPayload payload() {
        return SessionSigPayload.parse(signedMessage);
    }

    @Override
    public String toString() {
        return "SessionSig[key=" + SessionKeyPair.fingerprint(address) + " signedMessage=" + signedMessage.length()
                + " chars]";
    }
}
