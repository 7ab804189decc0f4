package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.auth.AuthDenied;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigType;
import io.litj.protocol.auth.SessionSigValidator;
import io.litj.protocol.auth.ValidationResult;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The gate in front of every protected endpoint: the request's {@code authSig} must be a single session sig
 * (as on the {@code /v1} endpoints of Lit nodes) that {@link SessionSigValidator} accepts for this node, resource
 * and ability. Returns the {@link AuthContext} or throws the denial as a {@link LitNodeException} whose details
 * name the failing check and, per capability, why it did not authorize.
 */
public final class AuthGate {
    private final SessionSigValidator validator;
    private final LongConsumer validationNanos;

    public AuthGate(SessionSigValidator validator) {
        this(validator, nanos -> { });
    }

    /** A gate that reports how long each validation took to {@code validationNanos} (the node's metrics). */
    public AuthGate(SessionSigValidator validator, LongConsumer validationNanos) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.validationNanos = Objects.requireNonNull(validationNanos, "validationNanos");
    }

    /**
     * Authorizes a request.
     *
     * @param authSigField the request's {@code authSig} member (absent: refused)
     * @param authMethods the request's {@code authMethods} member: must be absent or empty
     */
    public AuthContext authorize(Optional<JsonValue> authSigField, Optional<JsonValue> authMethods,
                                 LitResource resource, LitAbility ability) {
        if (authMethods.isPresent() && !(authMethods.get() instanceof JsonValue.JsonNull)
                && !(authMethods.get() instanceof JsonValue.JsonArray a && a.items().isEmpty())) {
            throw new LitNodeException(LitErrorCode.NodeCannotProvideAuthMethodForEndpoint,
                    "authMethods are not accepted by this endpoint; sign the request with a session sig");
        }
        JsonValue field = authSigField.orElseThrow(() -> new LitNodeException(LitErrorCode.NodeInvalidAuthSig,
                "the request has no authSig; this endpoint needs a session sig"));
        AuthSig authSig = parse(field);
        if (authSig.type() != AuthSigType.SESSION_SIG) {
            throw new LitNodeException(LitErrorCode.NodeCannotProvideAuthSigForEndpoint, "authSig is a "
                    + authSig.type() + "; this endpoint accepts only a session sig (derivedVia "
                    + AuthSig.SESSION_DERIVED_VIA + ")");
        }
        return accepted(timed(validator, authSig, resource, ability, validationNanos));
    }

    /** {@code validator}'s verdict, its duration reported to {@code validationNanos}. */
    static ValidationResult timed(SessionSigValidator validator, AuthSig authSig, LitResource resource,
            LitAbility ability, LongConsumer validationNanos) {
        long start = System.nanoTime();
        try {
            return validator.validate(authSig, resource, ability);
        } finally {
            validationNanos.accept(System.nanoTime() - start);
        }
    }

    /** The context of an accepted session, or the denial thrown with its code, message and details. */
    static AuthContext accepted(ValidationResult result) {
        return switch (result) {
            case AuthContext context -> context;
            case AuthDenied denied -> throw new LitNodeException(denied.code(), denied.message(), denied.details(),
                    null);
        };
    }

    /** The {@code authSig} member as one AuthSig; a map of auth sigs per chain is refused. */
    static AuthSig parse(JsonValue field) {
        if (field instanceof JsonValue.JsonObject o && !o.members().containsKey("sig")
                && !o.members().isEmpty() && o.members().values().stream()
                .allMatch(v -> v instanceof JsonValue.JsonObject)) {
            throw new LitNodeException(LitErrorCode.NodeInvalidMultipleAuthSigs,
                    "a map of auth sigs per chain is not accepted by this endpoint; send one auth sig");
        }
        try {
            return AuthSig.fromJson(field, LitErrorCode.NodeBadInput, "authSig");
        } catch (LitProtocolException e) {
            throw new LitNodeException(e.code(), e.getMessage(), List.of(), e);
        }
    }
}
