package io.litj.node.peer.internal;

import io.litj.node.LitNodeException;
import io.litj.node.http.internal.Endpoint;
import io.litj.node.http.internal.NodeRequest;
import io.litj.node.http.internal.NodeResponse;
import io.litj.node.keys.AdminToken;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The admin routes of a node, each authenticated with the network's {@link AdminToken} sent as
 * {@code Authorization: Bearer <token>} (missing, wrong, or no token file next to the registry:
 * {@code NodeNotAuthorized}):
 * <ul>
 *   <li>{@code POST /litj/admin/v1/dkg} — starts a DKG session ({@link DkgRequest}); answers its status;</li>
 *   <li>{@code POST /litj/admin/v1/dkg/status} {@code {"session":"…","waitMs":5000}} — one session's status
 *       ({@code NodeResourceIdNotFound} if unknown); with {@code waitMs} (optional, 0..{@value #MAX_WAIT_MS}) the
 *       answer waits until the session is over or that time has passed, so callers need not poll;</li>
 *   <li>{@code GET /litj/admin/v1/dkg/status} — {@code {"sessions":[status…]}}, oldest first.</li>
 * </ul>
 */
final class AdminApi {
    private static final String BEARER = "Bearer ";
    static final long MAX_WAIT_MS = 30_000;

    private final Path tokenFile;
    private final DkgSessions sessions;
    private volatile AdminToken token;

    AdminApi(Path tokenFile, DkgSessions sessions) {
        this.tokenFile = tokenFile;
        this.sessions = sessions;
    }

    Endpoint start() {
        return req -> {
            authorize(req);
            return NodeResponse.ok(sessions.start(DkgRequest.parse(req.body())).status());
        };
    }

    Endpoint status() {
        return req -> {
            authorize(req);
            String session;
            long waitMs;
            try {
                JsonFields f = new JsonFields(req.body(), LitErrorCode.NodeBadInput, "DKG status request")
                        .onlyKnown(Set.of("session", "waitMs"));
                session = f.string("session");
                waitMs = f.has("waitMs") ? f.integer("waitMs") : 0;
                if (waitMs < 0 || waitMs > MAX_WAIT_MS) {
                    throw f.fail("waitMs must be in 0.." + MAX_WAIT_MS + " but is " + waitMs);
                }
            } catch (LitProtocolException e) {
                throw new LitNodeException(LitErrorCode.NodeBadInput, e.getMessage());
            }
            DkgSession s = sessions.find(session).orElseThrow(() -> new LitNodeException(
                    LitErrorCode.NodeResourceIdNotFound, "no DKG session " + Text.cut(session) + " on this node"));
            if (waitMs > 0) {
                try {
                    s.awaitEnd(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LitNodeException(LitErrorCode.NodeSystemFault, "interrupted while waiting");
                }
            }
            return NodeResponse.ok(s.status());
        };
    }

    Endpoint list() {
        return req -> {
            authorize(req);
            List<JsonValue> out = new ArrayList<>();
            sessions.all().forEach(s -> out.add(s.status()));
            return NodeResponse.ok(JsonValue.object().put("sessions", new JsonValue.JsonArray(out)).build());
        };
    }

    private void authorize(NodeRequest req) {
        AdminToken t = token;
        if (t == null) {
            t = AdminToken.read(tokenFile).orElseThrow(() -> new LitNodeException(LitErrorCode.NodeNotAuthorized,
                    "the admin API is disabled: there is no admin token file " + tokenFile.getFileName()));
            token = t;
        }
        String header = req.header("authorization").orElse("");
        if (!header.startsWith(BEARER) || !t.matches(header.substring(BEARER.length()).strip())) {
            throw new LitNodeException(LitErrorCode.NodeNotAuthorized,
                    "admin call without the network's admin token (Authorization: Bearer <admin.token>)");
        }
    }
}
