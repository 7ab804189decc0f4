package io.litj.devnet.chain;

/**
 * A JSON-RPC 2.0 error for one call: {@code code} and {@code message} go into the response's {@code error} object.
 * Codes follow JSON-RPC 2.0 ({@code -32700} parse error, {@code -32600} invalid request, {@code -32601} method not
 * found, {@code -32602} invalid params, {@code -32603} internal error) and Ethereum nodes ({@code -32000} execution
 * reverted).
 */
final class RpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    static final int EXECUTION_REVERTED = -32000;

    private final int code;

    RpcException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }
}
