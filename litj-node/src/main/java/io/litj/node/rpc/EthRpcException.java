package io.litj.node.rpc;

import java.io.Serial;

/**
 * A JSON-RPC call that did not give a result: a timeout, a transport error, a non-200 status, an answer that is not
 * JSON-RPC, or a JSON-RPC error ({@link #rpcErrorCode()} then holds its code). Callers turn it into their own coded
 * error; the message says what happened, without the call's parameters.
 */
public final class EthRpcException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;
    private final Integer rpcErrorCode;

    EthRpcException(String message, Integer rpcErrorCode, Throwable cause) {
        super(message, cause);
        this.rpcErrorCode = rpcErrorCode;
    }

    /** The JSON-RPC error code, if the endpoint answered with an error (e.g. {@code 3} or {@code -32000} for a revert). */
    public java.util.Optional<Integer> rpcErrorCode() {
        return java.util.Optional.ofNullable(rpcErrorCode);
    }
}
