package io.litj.node.ratelimit;

import io.litj.protocol.LitErrorCode;

/**
 * Why one capacity delegation (or one of its grants) pays for nothing: its capability index (-1: the delegations
 * together), a code and a reason.
 */
record DelegationRefusal(int index, LitErrorCode code, String reason) {
    /** One line for the refusal's message and details. */
    String line() {
        return (index < 0 ? "delegations" : "capabilities[" + index + "]") + " " + code.wireName() + ": " + reason;
    }
}
