package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.RecapCoverage;
import java.util.Optional;

/**
 * §2.3–2.4: some ReCap of the SIWE grants the requested ability on the requested resource, by the node rule of
 * {@link RecapCoverage}. Code: {@code NodeSIWECapabilityInvalid}.
 */
public final class RecapCoverageCheck implements CapabilityCheck {
    @Override
    public Optional<CheckFailure> check(CapabilityState capability, SessionState session) {
        for (Recap recap : capability.recaps()) {
            if (RecapCoverage.covers(recap, session.resource(), session.ability())) {
                return Optional.empty();
            }
        }
        return CheckFailure.fail(LitErrorCode.NodeSIWECapabilityInvalid, "no ReCap grants "
                + session.ability().recapAbility() + " on " + Text.cut(session.resource().key())
                + " (ReCap resources: " + capability.recaps().stream().flatMap(r -> r.attenuations().keySet()
                .stream()).sorted().toList() + ")");
    }
}
