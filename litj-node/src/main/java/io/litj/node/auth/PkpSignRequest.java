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
public record PkpSignRequest(JsonValue toSign, JsonValue pubkey, Optional<JsonValue> authSig,
                             Optional<JsonValue> authMethods) {
    public PkpSignRequest {
        Objects.requireNonNull(toSign, "toSign");
        Objects.requireNonNull(pubkey, "pubkey");
        Objects.requireNonNull(authSig, "authSig");
        Objects.requireNonNull(authMethods, "authMethods");
    }

    /** The members of a request body; absent ones become JSON {@code null} or empty. */
    public static PkpSignRequest fromBody(JsonValue.JsonObject body) {
        return new PkpSignRequest(body.get("toSign").orElse(JsonValue.JsonNull.INSTANCE),
                body.get("pubkey").orElse(JsonValue.JsonNull.INSTANCE), body.get("authSig"),
                body.get("authMethods"));
    }

    @Override
    public String toString() {
        return "PkpSignRequest[authSig " + (authSig.isPresent() ? "present" : "absent") + "]";
    }
}
