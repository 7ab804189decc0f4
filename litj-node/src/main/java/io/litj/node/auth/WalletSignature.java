package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionTimeRules;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import java.time.Instant;
import java.util.List;

/**
 * A top-level wallet AuthSig ({@code lit-node-behaviour.md} §2.9, Datil's {@code wallet_sig.rs}), checked in this
 * order: {@code sig} is a 65-byte low-s signature ({@code NodeSIWESigConversionError}); EIP-191 recovery over the
 * exact {@code signedMessage} gives the {@code address} field, compared as 20 bytes ({@code NodeInvalidAuthSig});
 * {@code signedMessage} is a SIWE ({@code NodeSIWEMessageError}) naming that address ({@code NodeInvalidAuthSig})
 * whose URI does not start with {@code lit:session} or {@code lit:capability:delegation} ({@code NodeInvalidAuthSig});
 * the SIWE time rules hold ({@link SessionTimeRules#checkSiwe}; {@link SessionTimeRules#checkNotBefore}: litj, the
 * reference ignores Not Before). Shared by the EthWallet auth method and the access-control endpoints.
 */
final class WalletSignature {
    /** What a verified wallet AuthSig proves: its signer, signature and SIWE. */
    record Proof(EthAddress address, EthSignature signature, SiweMessage siwe) {
    }

    private WalletSignature() {
    }

    /**
     * @param where names the AuthSig in errors
     * @throws LitNodeException with the codes of the class comment
     */
    static Proof verify(AuthSig authSig, String where, Instant now) {
        EthSignature signature;
        try {
            signature = EthSignature.parse(authSig.sig(), where + " sig");
        } catch (LitProtocolException e) {
            throw fail(e.code(), e.getMessage(), e);
        }
        EthAddress claimed;
        try {
            claimed = EthAddress.parse(authSig.address(), where + " address");
        } catch (LitProtocolException e) {
            throw fail(LitErrorCode.NodeInvalidAuthSig, e.getMessage(), e);
        }
        EthAddress recovered;
        try {
            recovered = Eip191.recover(authSig.signedMessage(), signature);
        } catch (LitProtocolException e) {
            throw fail(LitErrorCode.NodeInvalidAuthSig, where + " sig: " + e.getMessage(), e);
        }
        if (!recovered.equals(claimed)) {
            throw new LitNodeException(LitErrorCode.NodeInvalidAuthSig, where + " signature recovers to "
                    + recovered + " but its address is " + claimed);
        }
        SiweMessage siwe;
        try {
            siwe = SiweParser.parse(authSig.signedMessage());
        } catch (LitProtocolException e) {
            throw fail(e.code(), where + " signedMessage: " + e.getMessage(), e);
        }
        if (!siwe.ethAddress().equals(recovered)) {
            throw new LitNodeException(LitErrorCode.NodeInvalidAuthSig, where + " SIWE names " + siwe.address()
                    + " but is signed by " + recovered);
        }
        if (siwe.uri().startsWith("lit:session") || siwe.uri().startsWith("lit:capability:delegation")) {
            throw new LitNodeException(LitErrorCode.NodeInvalidAuthSig, where + " SIWE URI " + Text.cut(siwe.uri())
                    + " is a session grant or capacity delegation, not a wallet signature");
        }
        SessionTimeRules.checkSiwe(where + " SIWE", siwe, now)
                .or(() -> SessionTimeRules.checkNotBefore(where + " SIWE", siwe, now))
                .ifPresent(broken -> {
                    throw new LitNodeException(broken.code(), broken.message());
                });
        return new Proof(recovered, signature, siwe);
    }

    private static LitNodeException fail(LitErrorCode code, String message, Throwable cause) {
        return new LitNodeException(code, message, List.of(), cause);
    }
}
