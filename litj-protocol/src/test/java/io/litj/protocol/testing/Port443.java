package io.litj.protocol.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * For tests of a node registered on 127.0.0.1:443 (the port on which clients choose https by themselves): checks
 * that the port can be bound now. When it cannot (not root, or taken), the test fails under {@code CI} and is
 * skipped elsewhere, with the reason printed.
 */
public final class Port443 {
    public static final int PORT = 443;

    private Port443() {
    }

    /** Returns normally if 127.0.0.1:443 is free and bindable. */
    public static void requireBindable() {
        try (ServerSocket s = new ServerSocket(PORT, 1, InetAddress.getByName("127.0.0.1"))) {
            return;
        } catch (IOException e) {
            String reason = "cannot bind 127.0.0.1:443 (" + e.getMessage() + "); the TLS network tests need it (run"
                    + " as root or with CAP_NET_BIND_SERVICE, port free)";
            if (System.getenv("CI") != null) {
                Assertions.fail(reason);
            }
            System.err.println("[Port443] skipped: " + reason);
            Assumptions.abort(reason);
        }
    }
}
