package io.litj.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link LoginLimits}: strict defaults, and each knob accepted at its bounds and refused one step outside. */
class LoginLimitsTest {
    @Test
    void defaults_tenMinutesAnd65536Logins() {
        assertEquals(new LoginLimits(Duration.ofMinutes(10), 65_536), LoginLimits.defaults());
    }

    @Test
    void maxLoginAge_fromTwoMinutesToAnHour_accepted_andOneSecondOutsideRefusedWithInvalidArgument() {
        LoginLimits limits = LoginLimits.defaults();
        assertEquals(Duration.ofSeconds(120), limits.withMaxLoginAge(Duration.ofSeconds(120)).maxLoginAge());
        assertEquals(Duration.ofSeconds(3600), limits.withMaxLoginAge(Duration.ofSeconds(3600)).maxLoginAge());

        LitNodeException e = refused(() -> limits.withMaxLoginAge(Duration.ofSeconds(119)));
        assertEquals("the login age limit must be in [120 s, 3600 s], got 119 s", e.getMessage());
        refused(() -> limits.withMaxLoginAge(Duration.ofSeconds(3601)));
        refused(() -> limits.withMaxLoginAge(Duration.ofSeconds(-600)));
    }

    @Test
    void maxRememberedLogins_fromOneTo262144_accepted_andOneOutsideRefusedWithInvalidArgument() {
        LoginLimits limits = LoginLimits.defaults();
        assertEquals(1, limits.withMaxRememberedLogins(1).maxRememberedLogins());
        assertEquals(262_144, limits.withMaxRememberedLogins(262_144).maxRememberedLogins());

        LitNodeException e = refused(() -> limits.withMaxRememberedLogins(0));
        assertEquals("maxRememberedLogins must be in [1, 262144], got 0", e.getMessage());
        refused(() -> limits.withMaxRememberedLogins(262_145));
    }

    private static LitNodeException refused(Runnable build) {
        LitNodeException e = assertThrows(LitNodeException.class, build::run);
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        return e;
    }
}
