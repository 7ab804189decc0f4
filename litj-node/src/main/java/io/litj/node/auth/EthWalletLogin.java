package io.litj.node.auth;

import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.Hashes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One verified EthWallet login of a {@code sign_session_key} request, as {@link EthWalletAuthMethod} leaves it: the
 * auth method context it proves, and what {@link LoginLedger} needs to accept it once per session key.
 *
 * <p>Immutable. The id is {@code SHA-256(address ‖ SHA-256(r‖s‖v) ‖ nonce)} over the 20 address bytes, the
 * signature in its canonical form (low s, {@code v} = 27 or 28: {@link EthSignature#toBytes()}) and the UTF-8 nonce,
 * so a login whose signature is written differently ({@code 0x} or not, upper case, {@code v} = 0 or 1) is the
 * same login. Holds no credential: the id cannot be turned back into the signature.
 *
 * @param where the auth method in errors, e.g. {@code "authMethods[0]"}
 * @param context what the login proves
 * @param nonce the login SIWE's nonce (a block hash)
 * @param id the login's identity (32 bytes)
 * @param acceptedUntil the last instant the time rules accept the login
 *     ({@link io.litj.protocol.auth.SessionTimeRules#loginAcceptedUntil})
 */
record EthWalletLogin(String where, AuthMethodContext context, String nonce, Bytes id, Instant acceptedUntil) {
    EthWalletLogin {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(acceptedUntil, "acceptedUntil");
    }

    /** The id of the login of {@code address} signed with {@code signature} over a SIWE with {@code nonce}. */
    static Bytes idOf(EthAddress address, EthSignature signature, String nonce) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(address.toByteArray());
        out.writeBytes(Hashes.sha256(signature.toBytes()));
        out.writeBytes(nonce.getBytes(StandardCharsets.UTF_8));
        return Bytes.of(Hashes.sha256(out.toByteArray()));
    }
}
