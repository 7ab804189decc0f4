package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigType;
import io.litj.protocol.auth.SessionTimeRules;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.siwe.SiweMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Auth method type 1, EthWallet ({@code lit-node-behaviour.md} §3.2): the access token is the JSON of a wallet
 * AuthSig, verified as a top-level wallet signature (§2.9). Checks, in order (2 to 6 are
 * {@link WalletSignature}, shared with the access-control endpoints):
 * <ol>
 *   <li>the token is one AuthSig object with exactly the AuthSig keys ({@code NodeInvalidAuthSig}) of the wallet
 *   kind, not a session, BLS or contract sig ({@code NodeInvalidAuthSig});</li>
 *   <li>{@code sig} is a 65-byte low-s signature ({@code NodeSIWESigConversionError});</li>
 *   <li>EIP-191 recovery over the exact {@code signedMessage} text gives the {@code address} field, compared as 20
 *   bytes ({@code NodeInvalidAuthSig});</li>
 *   <li>{@code signedMessage} is a SIWE ({@code NodeSIWEMessageError}) naming that same address
 *   ({@code NodeInvalidAuthSig});</li>
 *   <li>its URI does not start with {@code lit:session} or {@code lit:capability:delegation}: a session grant or a
 *   capacity delegation is no login ({@code NodeInvalidAuthSig});</li>
 *   <li>the SIWE time rules hold ({@link SessionTimeRules#checkSiwe}: {@code NodeIatOutsideGracePeriod},
 *   {@code NodeUndefinedSiweExpiration}, {@code NodeExpWrongOrTooLarge}, {@code NodeSIWEMessageError}), and
 *   {@code Not Before}, when present, is at most the skew after now ({@link SessionTimeRules#checkNotBefore},
 *   {@code NodeSIWEMessageError}; litj: the reference ignores Not Before here);</li>
 *   <li>Issued At is at most the node's login age limit before now ({@link SessionTimeRules#checkLoginAge},
 *   {@code NodeIatOutsideGracePeriod}; litj: 10 minutes unless {@link LoginLimits} say otherwise);</li>
 *   <li>its nonce is a recent block hash ({@link BlockNonce}, {@code NodeInvalidBlockhash}; litj: bounds replay of
 *   a login to 30 days of blocks).</li>
 * </ol>
 * The context is {@code {userId: <EIP-55 address>, appId: "lit", authMethodType: 1}}, valid until the SIWE expires;
 * the result also identifies the login for {@link LoginLedger} ({@link EthWalletLogin}).
 *
 * <p>Security: the token is a bearer credential while its SIWE is valid; it is never logged or echoed in errors.
 * The age limit and the ledger make it usable for one session key, for minutes.
 */
final class EthWalletAuthMethod {
    static final String APP_ID = "lit";

    private final BlockNonce nonces;
    private final Clock clock;
    private final Duration maxLoginAge;

    EthWalletAuthMethod(BlockNonce nonces, Clock clock, Duration maxLoginAge) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxLoginAge = Objects.requireNonNull(maxLoginAge, "maxLoginAge");
    }

    /**
     * Verifies one EthWallet access token.
     *
     * @param where names the auth method in errors, e.g. {@code "authMethods[0]"}
     * @throws LitNodeException with the codes listed in the class comment
     */
    EthWalletLogin verify(String accessToken, String where) {
        AuthSig authSig = parse(accessToken, where);
        Instant now = clock.instant();
        WalletSignature.Proof proof = WalletSignature.verify(authSig, where, now);
        EthAddress recovered = proof.address();
        EthSignature signature = proof.signature();
        SiweMessage siwe = proof.siwe();
        SessionTimeRules.checkLoginAge(where + " SIWE", siwe.issuedAtInstant(), now, maxLoginAge)
                .ifPresent(broken -> {
                    throw new LitNodeException(broken.code(), broken.message());
                });
        nonces.recent(siwe.nonce(), where + " SIWE");
        Instant expiration = siwe.expirationInstant().orElseThrow();
        AuthMethodContext context = new AuthMethodContext(AuthMethodContext.ETH_WALLET, recovered.toChecksumString(),
                APP_ID, expiration);
        return new EthWalletLogin(where, context, siwe.nonce(), EthWalletLogin.idOf(recovered, signature,
                siwe.nonce()), SessionTimeRules.loginAcceptedUntil(siwe.issuedAtInstant(), expiration, maxLoginAge));
    }

    private static AuthSig parse(String accessToken, String where) {
        AuthSig authSig;
        try {
            authSig = AuthSig.parse(accessToken, LitErrorCode.NodeInvalidAuthSig);
        } catch (LitProtocolException e) {
            throw fail(LitErrorCode.NodeInvalidAuthSig, where + " accessToken is not an AuthSig: " + e.getMessage(),
                    e);
        }
        if (authSig.type() != AuthSigType.WALLET_SIG) {
            throw new LitNodeException(LitErrorCode.NodeInvalidAuthSig, where + " accessToken is a "
                    + authSig.type() + " (derivedVia " + Text.cut(authSig.derivedVia()) + "); EthWallet needs a wallet "
                    + "signature (derivedVia " + AuthSig.WALLET_DERIVED_VIA + ")");
        }
        return authSig;
    }

    private static LitNodeException fail(LitErrorCode code, String message, Throwable cause) {
        return new LitNodeException(code, message, List.of(), cause);
    }
}
