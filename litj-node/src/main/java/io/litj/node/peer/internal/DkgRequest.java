package io.litj.node.peer.internal;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonValue;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The admin call that starts a DKG on a node ({@code POST /litj/admin/v1/dkg}):
 * {@code {"session":"pkp-1a2b","purpose":"network-bls"|"pkp","threshold":2,"roundTimeoutMs":10000}}
 * ({@code roundTimeoutMs} optional, {@value #MIN_ROUND_MS}..{@value #MAX_ROUND_MS}, default
 * {@value #DEFAULT_ROUND_MS}). Every node of the run must get the same values.
 */
record DkgRequest(String session, DkgPurpose purpose, int threshold, Duration roundTimeout) {
    static final long MIN_ROUND_MS = 100;
    static final long MAX_ROUND_MS = 60_000;
    static final long DEFAULT_ROUND_MS = 10_000;
    private static final Set<String> FIELDS = Set.of("session", "purpose", "threshold", "roundTimeoutMs");

    DkgRequest {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(roundTimeout, "roundTimeout");
    }

    /**
     * @throws LitNodeException {@code NodeBadInput} for a malformed body, an unknown purpose, a session id that is
     *     not {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}} or a round timeout out of range
     */
    static DkgRequest parse(JsonValue.JsonObject body) {
        try {
            JsonFields f = new JsonFields(body, LitErrorCode.NodeBadInput, "DKG request").onlyKnown(FIELDS);
            String session = f.string("session");
            if (!Envelope.SESSION.matcher(session).matches()) {
                throw f.fail("session must match " + Envelope.SESSION.pattern());
            }
            String purposeName = f.string("purpose");
            DkgPurpose purpose = DkgPurpose.of(purposeName).orElseThrow(() -> f.fail("purpose must be "
                    + "'network-bls' or 'pkp', not '" + (purposeName.length() > 32 ? purposeName.substring(0, 32)
                    : purposeName) + "'"));
            long threshold = f.integer("threshold");
            if (threshold < 1 || threshold > 255) {
                throw f.fail("threshold must be in 1..255 but is " + threshold);
            }
            long round = f.has("roundTimeoutMs") ? f.integer("roundTimeoutMs") : DEFAULT_ROUND_MS;
            if (round < MIN_ROUND_MS || round > MAX_ROUND_MS) {
                throw f.fail("roundTimeoutMs must be in " + MIN_ROUND_MS + ".." + MAX_ROUND_MS + " but is " + round);
            }
            return new DkgRequest(session, purpose, (int) threshold, Duration.ofMillis(round));
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, e.getMessage());
        }
    }
}
