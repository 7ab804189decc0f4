package io.litj.protocol.chain;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsonValue;
import java.util.Objects;

/**
 * A JSON-RPC request that is answered with an error: thrown by {@link JsonRpcRequest#from} for a malformed
 * request and by the {@link JsonRpcBatch.Methods} of a server for a call that fails. Its {@link #error()} goes
 * into the response; its {@link #code()} is {@code NodeSystemFault} for {@link JsonRpcError#INTERNAL_ERROR} and
 * {@code NodeBadInput} otherwise.
 */
public final class JsonRpcException extends LitProtocolException {
    private static final long serialVersionUID = 1L;

    private final transient JsonValue id;
    private final transient JsonRpcError error;

    /** An error for the request with {@code id} ({@code null} JSON when it could not be read). */
    public JsonRpcException(JsonValue id, int code, String message) {
        super(code == JsonRpcError.INTERNAL_ERROR ? LitErrorCode.NodeSystemFault : LitErrorCode.NodeBadInput,
                message);
        this.id = Objects.requireNonNull(id, "id");
        this.error = new JsonRpcError(code, message);
    }

    /** An error for the request being answered (its id is added by {@link JsonRpcBatch}). */
    public JsonRpcException(int code, String message) {
        this(JsonValue.JsonNull.INSTANCE, code, message);
    }

    /** The id of the failed request as far as it is known. */
    public JsonValue id() {
        return id;
    }

    /** The error to answer. */
    public JsonRpcError error() {
        return error;
    }
}
