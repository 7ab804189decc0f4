package io.litj.cli;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.resource.LegacyResources;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.LitResourcePrefix;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code --resource} values: {@code <prefix>://<id>[=<ability>]}, e.g. {@code lit-litaction://*} or
 * {@code lit-accesscontrolcondition://*=access-control-condition-signing}. Without an ability, the prefix's usual
 * one is taken (execution, PKP signing, ACC decryption, rate-limit auth). The legacy (JS SDK v2) strings
 * ({@code litAction://…}, {@code litPKPCapability://…}, {@code litRLI://…} …) are accepted too and mapped by
 * {@link LegacyResources}.
 */
final class ResourceSpecs {
    private ResourceSpecs() {
    }

    static List<ResourceAbilityRequest> parse(List<String> specs) {
        List<ResourceAbilityRequest> out = new ArrayList<>();
        for (String spec : specs) {
            out.add(parse(spec));
        }
        return out;
    }

    /** Parses one {@code --resource}; a malformed one is a usage error (exit 2) that shows the expected form. */
    static ResourceAbilityRequest parse(String spec) {
        try {
            return parseStrict(spec);
        } catch (LitProtocolException e) {
            throw CliException.usage("--resource " + spec + ": " + e.getMessage() + "; write <prefix>://<id>"
                    + "[=<ability>], e.g. lit-litaction://* or lit-pkp://*");
        }
    }

    private static ResourceAbilityRequest parseStrict(String spec) {
        if (LegacyResources.isLegacy(spec)) {
            return LegacyResources.map(spec).requireValidPair();
        }
        int eq = spec.lastIndexOf('=');
        String key = eq > 0 ? spec.substring(0, eq) : spec;
        LitResource resource = LitResource.parseKey(key);
        LitAbility ability = eq > 0 ? LitAbility.of(spec.substring(eq + 1)).orElseThrow(() ->
                new LitProtocolException(LitErrorCode.InvalidArgument, "unknown ability '" + spec.substring(eq + 1)
                        + "' in --resource " + spec)) : defaultAbility(resource.prefix());
        return ResourceAbilityRequest.of(resource, ability).requireValidPair();
    }

    private static LitAbility defaultAbility(LitResourcePrefix prefix) {
        return switch (prefix) {
            case LIT_ACTION -> LitAbility.LIT_ACTION_EXECUTION;
            case PKP -> LitAbility.PKP_SIGNING;
            case ACCESS_CONTROL_CONDITION -> LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION;
            case RATE_LIMIT_INCREASE -> LitAbility.RATE_LIMIT_INCREASE_AUTH;
            case RESOLVED_AUTH_CONTEXT -> throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "lit-resolvedauthcontext is set by nodes only");
        };
    }
}
