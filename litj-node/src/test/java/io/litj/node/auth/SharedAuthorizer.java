package io.litj.node.auth;

import io.litj.node.actions.ActionRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The set-up that the {@code sign_session_key} check tests share: one {@link SessionKeyFixture} network and Lit
 * Action runtime per test class, one {@link SessionKeyAuthorizer} over them, and the fixture's clock put back to
 * {@link SessionKeyFixture#NOW} after every test.
 */
abstract class SharedAuthorizer {
    static SessionKeyFixture net;
    static ActionRuntime runtime;
    static SessionKeyAuthorizer authorizer;

    @BeforeAll
    static void network() {
        net = SessionKeyFixture.create();
        runtime = SessionKeyFixture.runtime();
        authorizer = new SessionKeyAuthorizer(net.registry, runtime, net.clock);
    }

    @AfterAll
    static void close() {
        runtime.close();
        net.close();
    }

    @AfterEach
    void resetClock() {
        net.clock.set(SessionKeyFixture.NOW);
    }
}
