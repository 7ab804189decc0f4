package io.litj.node.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.actions.ActionLimits;
import io.litj.node.actions.ActionRequest;
import io.litj.node.actions.ActionRuntime;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code fetch} inside real Lit Actions against a JDK HTTP server on 127.0.0.1 that the fetcher's config allows:
 * the WHATWG-shaped response, the per-action request count, the per-request timeout, the body byte limit, redirects
 * (each hop checked), and refusals of loopback targets that no rule allows. Nothing here leaves 127.0.0.0/8: the
 * only names resolved are {@code localhost} and the stub's.
 */
class ActionFetchTest {
    private static ActionRuntime runtime;

    @AutoClose
    private final LocalServer server = new LocalServer();

    ActionFetchTest() throws IOException {
    }

    @BeforeAll
    static void startRuntime() {
        runtime = new ActionRuntime(ActionLimits.defaults());
    }

    @AfterAll
    static void stopRuntime() {
        runtime.close();
    }

    private FetchLimits allowingServer() {
        return FetchLimits.defaults().withAllowed("127.0.0.1:" + server.port());
    }

    private static String run(FetchLimits limits, String code) {
        ActionFetcher fetcher = new ActionFetcher(limits, HostResolver.SYSTEM, Clock.systemUTC(),
                (SSLSocketFactory) SSLSocketFactory.getDefault());
        return runtime.run(ActionRequest.of(code), fetcher.forRun(runtime.limits().timeout())).response();
    }

    /** An action that awaits {@code expression} and sets the response to it, or to "rejected: message". */
    private static String respond(String expression) {
        return """
                (async () => {
                  try {
                    LitActions.setResponse({response: await (async () => { %s })()});
                  } catch (e) {
                    LitActions.setResponse({response: 'rejected: ' + e.name + ': ' + e.message});
                  }
                })();""".formatted(expression);
    }

    @Test
    void fetch_allowedServer_returnsStatusHeadersAndJson() {
        String out = run(allowingServer(), respond("""
                const r = await fetch('%s');
                const body = await r.json();
                return [r.status, r.ok, r.statusText, r.headers.get('Content-Type'), r.headers.get('x-multi'),
                    r.headers.has('X-MULTI'), Array.from(r.headers.keys()).includes('content-length'), r.redirected,
                    r.url, body.answer, r.bodyUsed].join('|');
                """.formatted(server.url("/json"))));
        assertEquals("200|true|OK|application/json|a, b|true|true|false|" + server.url("/json") + "|42|true", out);
    }

    @Test
    void fetch_postWithHeadersAndBody_reachesTheServer() {
        String out = run(allowingServer(), respond("""
                const r = await fetch('%s', {method: 'post', headers: {'X-Token': 't1'}, body: 'hello ✓'});
                return r.status + ' ' + await r.text();
                """.formatted(server.url("/echo?q=1"))));
        assertEquals("201 POST t1 hello ✓ q=1", out);
    }

    @Test
    void fetch_binaryBody_arrayBufferHasTheBytes_andTheBodyReadsOnce() {
        String out = run(allowingServer(), respond("""
                const r = await fetch('%s');
                const copy = r.clone();
                const bytes = Array.from(new Uint8Array(await r.arrayBuffer()));
                let again;
                try { await r.text(); again = 'read twice'; } catch (e) { again = e.message; }
                return bytes.join(',') + '|' + again + '|' + (await copy.text()).length;
                """.formatted(server.url("/binary"))));
        assertEquals("255,0,128,65|fetch: the response body was already read|4", out);
    }

    @Test
    void fetch_loop_stopsAtTheConfiguredCount() {
        String out = run(allowingServer().withMaxRequests(3), respond("""
                const seen = [];
                for (let i = 0; i < 10; i++) {
                  try { seen.push((await fetch('%s')).status); } catch (e) { seen.push(e.message); break; }
                }
                return seen.join('|');
                """.formatted(server.url("/json"))));
        assertEquals("200|200|200|fetch refused: this action already made 3 fetches, the most this node allows per "
                + "action", out);
        assertEquals(3, server.requests());
    }

    @Test
    void fetch_slowServer_tripsTheRequestTimeout() {
        // the server waits on a latch released only when the test closes it: it never answers in time
        String out = run(allowingServer().withRequestTimeout(Duration.ofMillis(300)),
                respond("return (await fetch('%s')).status;".formatted(server.url("/slow"))));
        assertEquals("rejected: TypeError: fetch failed: " + server.url("/slow") + " did not answer in time (limit "
                + "300 ms per fetch, or the action's own deadline)", out);
    }

    @Test
    void fetch_tenMebibyteBody_isCutAtTheByteLimit() {
        FetchLimits limits = allowingServer().withMaxResponseBytes(64 * 1024);
        for (String path : List.of("/big", "/bigchunked")) {
            String out = run(limits, respond("return (await (await fetch('%s')).text()).length;"
                    .formatted(server.url(path))));
            assertEquals("rejected: TypeError: fetch failed: the response body of " + server.url(path) + " is longer "
                    + "than this node's limit of 65536 bytes per fetch", out);
        }
    }

    @Test
    void fetch_redirectWithinAllowedServer_isFollowed_303BecomesGet() {
        String target = server.url("/echo");
        String out = run(allowingServer(), respond("""
                const r = await fetch('%s', {method: 'POST', body: 'dropped'});
                return r.redirected + ' ' + r.url + ' ' + await r.text();
                """.formatted(server.url("/redirect303?to=" + target))));
        assertEquals("true " + target + " GET null  null", out);
    }

    @Test
    void fetch_redirectToRefusedAddress_isRefusedBeforeConnecting() {
        String out = run(allowingServer(), respond("return (await fetch('%s')).status;".formatted(
                server.url("/redirect?to=http://169.254.169.254/latest/meta-data/"))));
        assertEquals("rejected: TypeError: fetch refused: http://169.254.169.254/latest/meta-data/ resolves to "
                + "169.254.169.254 (cloud metadata); this node's egress policy does not allow it", out);
        try (LocalServer other = new LocalServer()) {
            String second = run(allowingServer(), respond("return (await fetch('%s')).status;".formatted(
                    server.url("/redirect?to=" + other.url("/json")))));
            assertEquals("rejected: TypeError: fetch refused: " + other.url("/json") + " resolves to 127.0.0.1 "
                    + "(loopback); this node's egress policy does not allow it", second);
            assertEquals(0, other.requests());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void fetch_tooManyRedirects_andRedirectError_reject() {
        String loop = server.url("/redirect?to=" + server.url("/json"));
        assertEquals("rejected: TypeError: fetch failed: " + loop + " redirects more than 0 times, the most this node "
                + "follows", run(allowingServer().withMaxRedirects(0), respond("return (await fetch('%s')).status;"
                .formatted(loop))));
        assertEquals("rejected: TypeError: fetch failed: " + loop + " redirects, and redirect is 'error'",
                run(allowingServer(), respond("return (await fetch('%s', {redirect: 'error'})).status;"
                        .formatted(loop))));
    }

    @Test
    void fetch_loopbackPortWithoutRule_isRefusedByAddressAndByName() {
        String out = run(FetchLimits.defaults(), respond("""
                const out = [];
                for (const u of ['http://127.0.0.1:%1$d/', 'http://localhost:%1$d/']) {
                  try { await fetch(u); out.push('fetched'); } catch (e) { out.push(e.message); }
                }
                return out.join('|');
                """.formatted(server.port())));
        String[] parts = out.split("\\|");
        assertEquals("fetch refused: http://127.0.0.1:" + server.port() + "/ resolves to 127.0.0.1 (loopback); this "
                + "node's egress policy does not allow it", parts[0]);
        assertTrue(parts[1].startsWith("fetch refused: http://localhost:" + server.port() + "/ resolves to "),
                parts[1]);
        assertTrue(parts[1].contains("(loopback)"), parts[1]);
        assertEquals(0, server.requests());
    }

    @Test
    void fetch_badInput_rejectsWithTypeErrors() {
        String out = run(allowingServer(), respond("""
                const out = [];
                const tries = [
                  () => fetch('ftp://example.com/'),
                  () => fetch('http://user:pw@example.com/'),
                  () => fetch('%1$s', {method: 'GET', body: 'x'}),
                  () => fetch('%1$s', {method: 'TRACE'}),
                  () => fetch('%1$s', {headers: {'Host': 'evil'}}),
                  () => fetch('%1$s', {headers: {'X-A': 'a\\r\\nX-B: b'}}),
                  () => fetch('not a url'),
                ];
                for (const t of tries) {
                  try { await t(); out.push('ok'); } catch (e) { out.push(e.name + ': ' + e.message); }
                }
                return out.join('\\n');
                """.formatted(server.url("/json"))));
        assertEquals(String.join("\n",
                "TypeError: fetch: 'ftp://example.com/' is not an http or https URL",
                "TypeError: fetch: the URL includes credentials",
                "TypeError: fetch: a GET request cannot have a body",
                "TypeError: fetch: the method TRACE is not allowed",
                "TypeError: fetch: the header Host is set by the node, not by the action",
                "TypeError: fetch: the value of header X-A is too long or holds characters a header cannot carry",
                "TypeError: fetch: 'not a url' is not a valid URL"), out);
        assertEquals(0, server.requests());
    }

    @Test
    void fetch_withoutAHost_rejects() {
        String out = runtime.run(ActionRequest.of(respond("return (await fetch('http://example.com/')).status;")))
                .response();
        assertEquals("rejected: TypeError: fetch is not available in this Lit Action", out);
    }
}
