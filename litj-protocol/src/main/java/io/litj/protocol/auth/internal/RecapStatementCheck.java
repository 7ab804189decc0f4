package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.recap.Recap;
import java.util.Optional;

/**
 * §2.3 / ERC-5573: the signer saw what they granted — the SIWE statement ends with the statement of every ReCap it
 * carries. Unlike the reference node, a SIWE with ReCaps but no statement fails too. Code:
 * {@code NodeSIWECapabilityInvalid}.
 */
public final class RecapStatementCheck implements CapabilityCheck {
    @Override
    public Optional<CheckFailure> check(CapabilityState capability, SessionState session) {
        String statement = capability.siwe().statement().orElse("");
        for (Recap recap : capability.recaps()) {
            if (!statement.endsWith(recap.statement())) {
                return CheckFailure.fail(LitErrorCode.NodeSIWECapabilityInvalid,
                        "SIWE statement does not end with the ReCap statement '"
                                + Text.cut(recap.statement()) + "'");
            }
        }
        return Optional.empty();
    }
}
