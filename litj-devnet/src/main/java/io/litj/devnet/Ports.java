package io.litj.devnet;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

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
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(DevnetConfig.HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "no free port on 127.0.0.1: " + e.getMessage());
        }
    }
}
