package io.litj.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.NodeFailure;
import io.litj.client.RawHttpResponse;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class NodeCallsTest {
    private static final String URL = "http://127.0.0.1:7470";

    @Test
    void newRequestId_looksLikeTheJsSdks() {
        String id = NodeCalls.newRequestId(new SecureRandom());
        assertTrue(id.matches("lit_[0-9a-f]{13}"), id);
    }

    @Test
    void headers_areTheJsSdksWithJavaType() {
        assertEquals(List.of("Content-Type", "Accept", "X-Lit-SDK-Version", "X-Lit-SDK-Type", "X-Request-Id"),
                List.copyOf(NodeCalls.headers("lit_x").keySet()));
        assertEquals("Java", NodeCalls.headers("lit_x").get("X-Lit-SDK-Type"));
        assertEquals("7.4.0-litj", NodeCalls.headers("lit_x").get("X-Lit-SDK-Version"));
    }

    @Test
    void errorBody_litNodeErrorBody_isReadFieldByField() {
        NodeFailure f = NodeCalls.errorBody(URL, new RawHttpResponse(401, "application/json",
                "{\"errorKind\":\"Validation\",\"errorCode\":\"NodeNotAuthorized\",\"status\":401,"
                        + "\"message\":\"not allowed\",\"correlationId\":\"lit_abc\",\"details\":[\"cap 0: x\",7]}"));
        assertEquals(401, f.httpStatus());
        assertEquals(Optional.of("NodeNotAuthorized"), f.errorCode());
        assertEquals("not allowed (correlationId lit_abc)", f.message());
        assertEquals(List.of("cap 0: x", "7"), f.details());
    }

    @Test
    void errorBody_ofAFailedLitAction_keepsItsLogs() {
        NodeFailure f = NodeCalls.errorBody(URL, new RawHttpResponse(500, "application/json",
                "{\"errorKind\":\"Unexpected\",\"errorCode\":\"NodeJsExecutionError\",\"status\":500,"
                        + "\"message\":\"Uncaught Error: nope\",\"details\":[],\"logs\":\"before the throw\\n\"}"));
        NodeFailure without = NodeCalls.errorBody(URL, new RawHttpResponse(401, "application/json",
                "{\"errorCode\":\"NodeNotAuthorized\",\"message\":\"no\"}"));
        assertEquals("before the throw\n", f.logs());
        assertEquals("", without.logs());
    }

    @Test
    void errorBody_notJson_keepsTheTextCut() {
        NodeFailure f = NodeCalls.errorBody(URL, new RawHttpResponse(502, "text/plain", "x".repeat(1000)));
        assertEquals(Optional.empty(), f.errorCode());
        assertTrue(f.message().length() < 400);
    }

    @Test
    void fromResponse_successButNotJson_isAFailure() {
        NodeCalls.Outcome o = NodeCalls.fromResponse(URL, new RawHttpResponse(200, "text/plain", "hello"));
        assertTrue(o.failure().isPresent());
        assertTrue(o.failure().get().message().contains("not with a JSON object"), o.failure().get().message());
    }

    @Test
    void fromThrowable_timeoutAndRefusal_areDescribedPlainly() {
        assertEquals("no answer within 500 ms", NodeCalls.fromThrowable(URL,
                new CompletionException(new HttpTimeoutException("x")), Duration.ofMillis(500)).message());
        NodeFailure refused = NodeCalls.fromThrowable(URL, new ConnectException("Connection refused"),
                Duration.ofMillis(500));
        assertTrue(refused.unreachable());
        assertTrue(refused.message().startsWith("could not connect"), refused.message());
    }

    @Test
    void ordered_mostCommonCodeFirstThenOthersThenUnreachable() {
        NodeFailure a = new NodeFailure("http://a", 500, Optional.of("NodeSystemFault"), "m", List.of());
        NodeFailure b = new NodeFailure("http://b", 401, Optional.of("NodeNotAuthorized"), "m", List.of());
        NodeFailure c = new NodeFailure("http://c", 401, Optional.of("NodeNotAuthorized"), "m", List.of());
        NodeFailure d = NodeFailure.unreachable("http://d", "down");
        assertEquals(List.of(c, b, a, d), NodeCalls.ordered(List.of(d, a, c, b)));
    }
}
