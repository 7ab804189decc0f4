package io.litj.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PortsTest {
    @Test
    void portsChosenTogetherAreDistinctAndFree() {
        int[] ports = Ports.free(32);
        assertEquals(32, ports.length);
        assertEquals(32, Arrays.stream(ports).distinct().count(), "a port was handed out twice");
        for (int port : ports) {
            assertTrue(port > 0 && port < 65_536, "port " + port);
            Ports.requireFree(port, "test"); // released again once chosen
        }
    }
}
