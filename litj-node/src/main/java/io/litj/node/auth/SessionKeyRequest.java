package io.litj.node.auth;

import io.litj.protocol.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code POST /web/sign_session_key/v1} request, as read from its JSON ({@code lit-node-behaviour.md} §1.3,
 * {@code js-sdk-v7-wire-format.md} §5.3), for {@link SessionKeyAuthorizer}. Shape only: nothing here is verified.
 *
 * <p>Immutable; absent optional fields are empty, {@code jsParams} is an empty object when absent.
 *
 * <p>Security: access tokens and action code can be credentials or secrets; {@link #toString()} shows counts and
 * sizes only.
 *
 * @param sessionKey the {@code sessionKey} field: the SIWE URI the session grant must name,
 *     {@code lit:session:<64 hex>}
 * @param authMethods the {@code authMethods} field, in request order
 * @param pkpPublicKey the {@code pkpPublicKey} field as sent (hex of the 65-byte key, {@code 0x} optional)
 * @param siweMessage the {@code siweMessage} field: the SIWE template the client wants signed
 * @param litActionCode the Lit Action source, decoded from the base64 {@code code} field
 * @param litActionIpfsId the {@code litActionIpfsId} field
 * @param jsParams the {@code jsParams} field
 * @param headers request headers the Lit Action may see
 */
public record SessionKeyRequest(String sessionKey, List<AuthMethod> authMethods, Optional<String> pkpPublicKey,
                                String siweMessage, Optional<String> litActionCode, Optional<String> litActionIpfsId,
                                JsonValue.JsonObject jsParams, Map<String, String> headers) {
    public SessionKeyRequest {
        Objects.requireNonNull(sessionKey, "sessionKey");
        authMethods = List.copyOf(authMethods);
        Objects.requireNonNull(pkpPublicKey, "pkpPublicKey");
        Objects.requireNonNull(siweMessage, "siweMessage");
        Objects.requireNonNull(litActionCode, "litActionCode");
        Objects.requireNonNull(litActionIpfsId, "litActionIpfsId");
        Objects.requireNonNull(jsParams, "jsParams");
        headers = Map.copyOf(headers);
    }

    /**
     * One entry of {@code authMethods}.
     *
     * @param authMethodType Lit's auth method type (1 = EthWallet)
     * @param accessToken the proof: for EthWallet the JSON of a wallet AuthSig. A bearer credential.
     */
    public record AuthMethod(int authMethodType, String accessToken) {
        public AuthMethod {
            Objects.requireNonNull(accessToken, "accessToken");
        }

        @Override
        public String toString() {
            return "AuthMethod[type=" + authMethodType + " accessToken=" + accessToken.length() + " chars]";
        }
    }

    @Override
    public String toString() {
        return "SessionKeyRequest[sessionKey=" + sessionKey + " authMethods=" + authMethods + " pkpPublicKey="
                + pkpPublicKey.isPresent() + " siweMessage=" + siweMessage.length() + " chars litActionCode="
                + litActionCode.map(c -> c.length() + " chars").orElse("none") + " litActionIpfsId="
                + litActionIpfsId.orElse("none") + "]";
    }
}
