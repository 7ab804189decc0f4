package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.util.Optional;

/**
 * §2.2 step 3: the session's own {@code resourceAbilityRequests} must list the requested resource — same prefix,
 * and id {@code *} or exactly the requested id. (As on Lit nodes, the listed ability is not compared here; the
 * capability's ReCap decides the ability.) Code: {@code NodeResourceIdNotFound}.
 */
public final class ResourceRequestedCheck implements SessionCheck {
    @Override
    public Optional<CheckFailure> check(SessionState state) {
        LitResource wanted = state.resource();
        for (ResourceAbilityRequest r : state.payload().resourceAbilityRequests()) {
            if (r.resource().prefix() == wanted.prefix()
                    && (r.resource().isWildcard() || r.resource().id().equals(wanted.id()))) {
                return Optional.empty();
            }
        }
        return CheckFailure.fail(LitErrorCode.NodeResourceIdNotFound, "resource " + Text.cut(wanted.key())
                + " is not among the session's resourceAbilityRequests "
                + state.payload().resourceAbilityRequests().stream().map(r -> r.resource().key()).sorted().toList());
    }
}
