package io.litj.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.protocol.LitErrorCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code details} lines of a denial read back as nodes wrote them. */
class CapabilityFailureDetailTest {
    @Test
    void parseDetail_readsBackWhatToDetailWrote() {
        CapabilityFailure f = new CapabilityFailure(3, "RecapCoverageCheck", LitErrorCode.NodeSIWECapabilityInvalid,
                "no ReCap grants x: y");
        assertEquals(Optional.of(new CapabilityFailure.Detail(3, "RecapCoverageCheck", "NodeSIWECapabilityInvalid",
                "no ReCap grants x: y")), CapabilityFailure.parseDetail(f.toDetail()));
    }

    @Test
    void parseDetail_otherLines_areEmpty() {
        for (String line : List.of("", "CapabilityChecks: no capability", "capabilities[x] A B: c",
                "capabilities[1] A B", "capabilities[1234] A B: c", "capabilities[1]  A B: c")) {
            assertEquals(Optional.empty(), CapabilityFailure.parseDetail(line), line);
        }
    }

    @Test
    void checkOf_namesTheFirstLinesCheckOnly() {
        AuthDenied d = new AuthDenied(LitErrorCode.NodeResourceIdNotFound, "CapabilityChecks", "none: at all",
                List.of(new CapabilityFailure(0, "SiweTimeCheck", LitErrorCode.NodeInvalidAuthSig, "expired")));
        assertEquals(Optional.of("CapabilityChecks"), AuthDenied.checkOf(d.details()));
        assertEquals(Optional.empty(), AuthDenied.checkOf(List.of()));
        assertEquals(Optional.empty(), AuthDenied.checkOf(List.of("the node says: no")));
        assertEquals(Optional.empty(), AuthDenied.checkOf(List.of("capabilities[0] A B: c")));
    }
}
