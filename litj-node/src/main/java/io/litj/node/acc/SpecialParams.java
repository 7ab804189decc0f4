package io.litj.node.acc;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;

/** Replaces a condition's special parameters by their values in an {@link EvaluationContext}. */
final class SpecialParams {
    static final String USER_ADDRESS = ":userAddress";
    static final String CURRENT_ACTION = ":currentActionIpfsId";
    static final String LIT_PARAM = ":litParam:";

    private SpecialParams() {
    }

    /**
     * The value of one parameter: a special one replaced, any other unchanged.
     *
     * @throws LitNodeException {@code NodeBadInput} for a {@code :litParam:} the request does not carry
     */
    static String substitute(String param, EvaluationContext context) {
        if (param.equals(USER_ADDRESS)) {
            return context.userAddress().toLowerHex();
        }
        if (param.equals(CURRENT_ACTION)) {
            return context.currentActionIpfsId().orElse("");
        }
        if (param.startsWith(LIT_PARAM)) {
            String name = param.substring(LIT_PARAM.length());
            String value = context.litParams().get(name);
            if (value == null) {
                throw new LitNodeException(LitErrorCode.NodeBadInput, "condition parameter " + Text.cut(param)
                        + " needs jsParams." + Text.cut(name) + " but the request has none");
            }
            return value;
        }
        return param;
    }
}
