package io.litj.devnet.evm;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;

/**
 * A transaction the chain mined but reverted: the contract refused it ({@link #reason()}, e.g. {@code litj: only the
 * PKP's owner changes its permissions}), as opposed to a chain that did not answer. Code {@code NodeSystemFault}.
 */
public final class EvmRevertException extends LitNodeException {
    private final String reason;

    EvmRevertException(String message, String reason) {
        super(LitErrorCode.NodeSystemFault, message);
        this.reason = reason;
    }

    /** The contract's revert reason, as the replayed {@code eth_call} reported it. */
    public String reason() {
        return reason;
    }
}
