package io.litj.node.auth;

import io.litj.protocol.json.JsonValue;
import java.time.Instant;
import java.util.Objects;

/**
 * One verified auth method of a {@code sign_session_key} request, as it enters the auth context
 * ({@code lit-node-behaviour.md} §3.1 step 2, §13): who the method proved ({@code userId}), for which app
 * ({@code appId}), by which method type, and until when the proof holds.
 *
 * <p>Immutable. JSON: {@code {"userId", "appId", "authMethodType", "usedForSignSessionKeyRequest": true}}; the
 * expiration stays out of the JSON, as in current Datil nodes (older nodes also wrote it; vector V2).
 *
 * @param authMethodType Lit's auth method type (1 = EthWallet)
 * @param userId the proven identity; for EthWallet the EIP-55 wallet address
 * @param appId {@code "lit"} for EthWallet
 * @param expiration when the proof stops holding (the EthWallet SIWE's Expiration Time)
 */
public record AuthMethodContext(int authMethodType, String userId, String appId, Instant expiration) {
    /** Lit's auth method type of an Ethereum wallet signature. */
    public static final int ETH_WALLET = 1;

    public AuthMethodContext {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(expiration, "expiration");
    }

    /** The JSON object of this context inside an auth context. */
    public JsonValue.JsonObject toJson() {
        return JsonValue.object()
                .put("userId", userId)
                .put("appId", appId)
                .put("authMethodType", new JsonValue.JsonNumber(authMethodType))
                .put("usedForSignSessionKeyRequest", new JsonValue.JsonBoolean(true))
                .build();
    }
}
