package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.auth.AuthSigType;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.SiweRecaps;
import io.litj.protocol.resource.LitResourcePrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * §2.3: every {@code urn:recap:} resource of the SIWE decodes ({@code NodeSIWECapabilityInvalid}; the reference
 * node silently skips bad ones). A wallet-signed SIWE may not grant {@code lit-resolvedauthcontext}: only the
 * network writes that ({@code NodeInvalidAuthContextResource}).
 */
public final class RecapDecodeCheck implements CapabilityCheck {
    private final CapabilityParseCache parses;

    public RecapDecodeCheck(CapabilityParseCache parses) {
        this.parses = parses;
    }

    @Override
    public Optional<CheckFailure> check(CapabilityState capability, SessionState session) {
        List<Recap> recaps = new ArrayList<>();
        for (String urn : SiweRecaps.recapUrns(capability.siwe())) {
            try {
                recaps.add(parses.recap(urn));
            } catch (LitProtocolException e) {
                return CheckFailure.fail(LitErrorCode.NodeSIWECapabilityInvalid, "SIWE ReCap resource does not decode: "
                        + e.getMessage());
            }
        }
        if (capability.capability().type() != AuthSigType.BLS_NETWORK_SIG) {
            for (Recap recap : recaps) {
                for (String resource : recap.attenuations().keySet()) {
                    if (resource.startsWith(LitResourcePrefix.RESOLVED_AUTH_CONTEXT.value() + ":")) {
                        return CheckFailure.fail(LitErrorCode.NodeInvalidAuthContextResource,
                                "a wallet-signed SIWE may not grant " + Text.cut(resource));
                    }
                }
            }
        }
        capability.recaps = List.copyOf(recaps);
        return Optional.empty();
    }
}
