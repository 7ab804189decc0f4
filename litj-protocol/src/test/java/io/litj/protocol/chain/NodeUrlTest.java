package io.litj.protocol.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The JS SDK 7.4.0's rule (contracts-sdk getValidators: {@code port === 443 ? https : http}). */
class NodeUrlTest {
    @Test
    void port443_isHttps_everyOtherPort_isHttp() {
        assertEquals("https://10.0.0.5:443", NodeUrl.of("10.0.0.5", 443));
        assertEquals("http://10.0.0.5:7470", NodeUrl.of("10.0.0.5", 7470));
        assertEquals("http://10.0.0.5:8443", NodeUrl.of("10.0.0.5", 8443));
        assertEquals("http://10.0.0.5:80", NodeUrl.of("10.0.0.5", 80));
    }
}
