package io.litj.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.LitClientException;
import io.litj.protocol.LitErrorCode;
import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {
    @Test
    void checkNodeUrl_plainHttpToLoopback_isAllowed() {
        assertEquals("http://127.0.0.1:7470", Urls.checkNodeUrl("http://127.0.0.1:7470", false));
        assertEquals("http://localhost:7470", Urls.checkNodeUrl("http://localhost:7470", false));
    }

    @Test
    void checkNodeUrl_plainHttpToRemoteHost_isRefusedUnlessAllowed() {
        LitClientException e = assertThrows(LitClientException.class,
                () -> Urls.checkNodeUrl("http://10.0.0.5:7470", false));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("allowPlainHttp()"), e.getMessage());
        assertEquals("http://10.0.0.5:7470", Urls.checkNodeUrl("http://10.0.0.5:7470", true));
    }

    @Test
    void checkNodeUrl_https_isAllowed() {
        assertEquals("https://51.255.59.58:443", Urls.checkNodeUrl("https://51.255.59.58:443", false));
    }

    @Test
    void checkNodeUrl_withPathOrTrailingSlash_isRefused() {
        assertThrows(LitClientException.class, () -> Urls.checkNodeUrl("http://127.0.0.1:7470/", false));
        assertThrows(LitClientException.class, () -> Urls.checkNodeUrl("http://127.0.0.1:7470/x", false));
    }

    @Test
    void checkHttpUrl_otherSchemeOrUserInfo_isRefused() {
        assertThrows(LitClientException.class, () -> Urls.checkHttpUrl("ftp://127.0.0.1/", false, "rpcUrl"));
        assertThrows(LitClientException.class, () -> Urls.checkHttpUrl("https://u:p@h/", false, "rpcUrl"));
        assertThrows(LitClientException.class, () -> Urls.checkHttpUrl("https://h/?q=1", false, "rpcUrl"));
    }

    @Test
    void blockHashUrlFor_rpcWithPath_usesSchemeAndAuthority() {
        assertEquals(URI.create("http://127.0.0.1:8545/get_most_recent_valid_block"),
                Urls.blockHashUrlFor(URI.create("http://127.0.0.1:8545/rpc")));
    }
}
