package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import java.util.Optional;

/**
 * §2.2 step 5: the payload names this node. Both sides are normalized as Lit nodes do (trim, strip a leading
 * {@code https://} then {@code http://}, {@code localhost} → {@code 127.0.0.1}) and compared exactly; no path or
 * trailing slash is tolerated. Code: {@code NodeNotAuthorized}.
 */
public final class NodeAddressCheck implements SessionCheck {
    private final String expected;

    /** @param nodeAddress this node's address, {@code host:port} (a URL is normalized the same way) */
    public NodeAddressCheck(String nodeAddress) {
        this.expected = normalize(nodeAddress);
    }

    @Override
    public Optional<CheckFailure> check(SessionState state) {
        String actual = normalize(state.payload().nodeAddress());
        if (!actual.equals(expected)) {
            return CheckFailure.fail(LitErrorCode.NodeNotAuthorized, "nodeAddress expected " + expected + " but got "
                    + Text.cut(actual));
        }
        return Optional.empty();
    }

    /** The normalized form of a node address. */
    public static String normalize(String address) {
        String a = address.strip();
        if (a.startsWith("https://")) {
            a = a.substring("https://".length());
        }
        if (a.startsWith("http://")) {
            a = a.substring("http://".length());
        }
        return a.replace("localhost", "127.0.0.1");
    }
}
