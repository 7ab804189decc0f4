package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.node.ratelimit.Payer;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The gate of the access-control endpoints ({@code /web/encryption/sign}, {@code /web/signing/access_control_condition};
 * {@code lit-node-behaviour.md} §1.1, §2.7, §2.9): as on Datil, the {@code authSig} member may be a session sig or a
 * bare wallet AuthSig. Returns the address the material <em>proves</em>, which becomes {@code :userAddress}:
 * <ul>
 *   <li>a session sig ({@code litSessionSignViaNacl}): {@link SessionSigValidator} for this node with the requested
 *   ACC resource and ability; the caller is the address its capability proved (EIP-191 signer or PKP);</li>
 *   <li>a wallet AuthSig ({@code web3.eth.personal.sign}): {@link WalletSignature} (EIP-191 over the exact SIWE,
 *   Datil's SIWE time rules); the caller is the recovered signer. Like Datil, its SIWE need not name a resource.</li>
 * </ul>
 * Refused: no {@code authSig} ({@code NodeInvalidAuthSig}); a map of auth sigs per chain
 * ({@code NodeInvalidMultipleAuthSigs}; litj, Datil would pick the request chain's); a {@code lit.bls} or contract
 * AuthSig on its own ({@code NodeAuthSigNotSupported}; litj: Datil's EIP-1271 path needs a contract call); the
 * validator's and {@link WalletSignature}'s codes. Thread-safe.
 */
public final class AccAuthGate {
    private final SessionSigValidator validator;
    private final Clock clock;
    private final LongConsumer validationNanos;

    public AccAuthGate(SessionSigValidator validator, Clock clock) {
        this(validator, clock, nanos -> { });
    }

    /** A gate that reports how long each session-sig validation took to {@code validationNanos}. */
    public AccAuthGate(SessionSigValidator validator, Clock clock, LongConsumer validationNanos) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.validationNanos = Objects.requireNonNull(validationNanos, "validationNanos");
    }

    /**
     * Authorizes the request's {@code authSig} for {@code request}.
     *
     * @return the proven caller address
     * @throws LitNodeException with the codes of the class comment
     */
    public EthAddress authorize(Optional<JsonValue> authSigField, ResourceAbilityRequest request) {
        return admit(authSigField, request).user();
    }

    /**
     * Authorizes the request's {@code authSig} for {@code request}, as {@link #authorize}, and says who may pay for
     * it: the proven caller and, for a session sig, the capacity delegations it carried.
     *
     * @throws LitNodeException with the codes of the class comment
     */
    public Payer admit(Optional<JsonValue> authSigField, ResourceAbilityRequest request) {
        Objects.requireNonNull(request, "request");
        JsonValue field = authSigField.filter(v -> !(v instanceof JsonValue.JsonNull))
                .orElseThrow(() -> new LitNodeException(LitErrorCode.NodeInvalidAuthSig,
                        "the request has no authSig; send a session sig or a wallet AuthSig"));
        AuthSig authSig = AuthGate.parse(field);
        return switch (authSig.type()) {
            case SESSION_SIG -> Payer.of(AuthGate.accepted(AuthGate.timed(validator, authSig, request.resource(),
                    request.ability(), validationNanos)));
            case WALLET_SIG -> Payer.wallet(WalletSignature.verify(authSig, "authSig", clock.instant()).address());
            default -> throw new LitNodeException(LitErrorCode.NodeAuthSigNotSupported, "authSig is a "
                    + authSig.type() + "; send a session sig or a wallet AuthSig (derivedVia "
                    + AuthSig.WALLET_DERIVED_VIA + ")");
        };
    }

}
