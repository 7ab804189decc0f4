package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A Lit Action run: the code (sent base64-encoded) or an IPFS id, optional {@code jsParams}, the session sigs to
 * authorize it (each node receives only its own), the {@link ResponseStrategy} (default
 * {@link ResponseStrategy#MOST_COMMON}, unlike the JS SDK, see there) and whether one random node suffices.
 *
 * <p>Immutable; built by {@link #builder()}. {@link #toString()} never shows the session sigs or the code.
 */
public final class ExecuteJsRequest {
    private final Optional<String> code;
    private final Optional<String> ipfsId;
    private final Optional<JsonValue.JsonObject> jsParams;
    private final SessionSigs sessionSigs;
    private final ResponseStrategy responseStrategy;
    private final boolean useSingleNode;

    private ExecuteJsRequest(Builder b) {
        this.code = Optional.ofNullable(b.code);
        this.ipfsId = Optional.ofNullable(b.ipfsId);
        this.jsParams = Optional.ofNullable(b.jsParams);
        this.sessionSigs = b.sessionSigs;
        this.responseStrategy = b.responseStrategy;
        this.useSingleNode = b.useSingleNode;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The action's JavaScript source, if given as code. */
    public Optional<String> code() {
        return code;
    }

    /** The action's IPFS CID, if given by id. */
    public Optional<String> ipfsId() {
        return ipfsId;
    }

    public Optional<JsonValue.JsonObject> jsParams() {
        return jsParams;
    }

    public SessionSigs sessionSigs() {
        return sessionSigs;
    }

    public ResponseStrategy responseStrategy() {
        return responseStrategy;
    }

    public boolean useSingleNode() {
        return useSingleNode;
    }

    @Override
    public String toString() {
        return "ExecuteJsRequest[" + (code.isPresent() ? "code=" + code.get().length() + " chars"
                : "ipfsId=" + ipfsId.orElse("")) + " jsParams=" + jsParams.map(p -> p.members().keySet().toString())
                .orElse("-") + " strategy=" + responseStrategy + " singleNode=" + useSingleNode + "]";
    }

    /** Builds an {@link ExecuteJsRequest}; not thread-safe. */
    public static final class Builder {
        private String code;
        private String ipfsId;
        private JsonValue.JsonObject jsParams;
        private SessionSigs sessionSigs;
        private ResponseStrategy responseStrategy = ResponseStrategy.MOST_COMMON;
        private boolean useSingleNode;

        private Builder() {
        }

        /** The JavaScript source (replaces an IPFS id). */
        public Builder code(String code) {
            this.code = Objects.requireNonNull(code, "code");
            this.ipfsId = null;
            return this;
        }

        /** The IPFS CID of the action (replaces code). */
        public Builder ipfsId(String ipfsId) {
            this.ipfsId = Objects.requireNonNull(ipfsId, "ipfsId");
            this.code = null;
            return this;
        }

        /** The parameters the action sees as globals. */
        public Builder jsParams(JsonValue.JsonObject jsParams) {
            this.jsParams = Objects.requireNonNull(jsParams, "jsParams");
            return this;
        }

        public Builder sessionSigs(SessionSigs sessionSigs) {
            this.sessionSigs = Objects.requireNonNull(sessionSigs, "sessionSigs");
            return this;
        }

        public Builder responseStrategy(ResponseStrategy responseStrategy) {
            this.responseStrategy = Objects.requireNonNull(responseStrategy, "responseStrategy");
            return this;
        }

        /** Run on one randomly chosen node instead of all. */
        public Builder useSingleNode(boolean useSingleNode) {
            this.useSingleNode = useSingleNode;
            return this;
        }

        /** @throws LitClientException {@code InvalidArgument} without code or IPFS id, or without session sigs */
        public ExecuteJsRequest build() {
            if (code == null && ipfsId == null) {
                throw new LitClientException(LitErrorCode.InvalidArgument, "executeJs needs code or an ipfsId");
            }
            if (code != null && code.isEmpty()) {
                throw new LitClientException(LitErrorCode.InvalidArgument, "executeJs code must not be empty");
            }
            if (sessionSigs == null) {
                throw new LitClientException(LitErrorCode.InvalidArgument, "executeJs needs session sigs");
            }
            return new ExecuteJsRequest(this);
        }
    }
}
