package io.litj.node.auth;

import io.litj.protocol.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * The members of a {@code POST /web/pkp/sign/v1} body that {@link PkpSignAuthorizer} reads
 * ({@code lit-node-behaviour.md} §1.7, {@code js-sdk-v7-wire-format.md} §8.3), as they arrived: shapes are checked
 * by the authorizer's checks, not here. Immutable.
 *
 * @param toSign the {@code toSign} member (a JSON array of 32 bytes when well formed); absent: {@code null} JSON
 * @param pubkey the {@code pubkey} member (hex of the 65-byte PKP key, {@code 0x} optional); absent: {@code null}
 * @param authSig the {@code authSig} member, if present
 * @param authMethods the {@code authMethods} member, if present
 */
public record PkpSignBody(JsonValue toSign, JsonValue pubkey, Optional<JsonValue> authSig,
                             Optional<JsonValue> authMethods) {
    public PkpSignBody {
        Objects.requireNonNull(toSign, "toSign");
        Objects.requireNonNull(pubkey, "pubkey");
        Objects.requireNonNull(authSig, "authSig");
        Objects.requireNonNull(authMethods, "authMethods");
    }

    /** The members of a request body; absent ones become JSON {@code null} or empty. */
    public static PkpSignBody fromBody(JsonValue.JsonObject body) {
        return new PkpSignBody(body.get("toSign").orElse(JsonValue.JsonNull.INSTANCE),
                body.get("pubkey").orElse(JsonValue.JsonNull.INSTANCE), body.get("authSig"),
                body.get("authMethods"));
    }

    @Override
    public String toString() {
        return "PkpSignBody[authSig " + (authSig.isPresent() ? "present" : "absent") + "]";
    }
}
