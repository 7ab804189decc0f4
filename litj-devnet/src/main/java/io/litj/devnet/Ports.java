package io.litj.devnet;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Checks and finds TCP ports on 127.0.0.1, so a busy port fails with a clear message instead of a stack trace. */
final class Ports {
    private Ports() {
    }

    /** Throws a clear error if {@code port} on 127.0.0.1 is taken. */
    static void requireFree(int port, String what) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(DevnetConfig.HOST))) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, what + " port " + port + " on "
                    + DevnetConfig.HOST + " is in use (another devnet? try `litj devnet down`, or choose other "
                    + "ports with --rpc-port/--base-port)");
        }
    }

    /** A free ephemeral port on 127.0.0.1. */
    static int free() {
        return free(1)[0];
    }

    /**
     * {@code count} distinct free ephemeral ports on 127.0.0.1. All are held open together while they are chosen, so
     * the kernel cannot hand out one port twice (asking one at a time can return a port just released).
     */
    static int[] free(int count) {
        List<ServerSocket> held = new ArrayList<>(count);
        try {
            InetAddress host = InetAddress.getByName(DevnetConfig.HOST);
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 1, host);
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "no free port on 127.0.0.1: " + e.getMessage());
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a listening socket that never accepted cannot lose anything
                }
            }
        }
    }
}
