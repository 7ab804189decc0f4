package io.litj.protocol.recap;

import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a ReCap grants an ability on a resource, by the rule Lit nodes apply ({@code lit-node-behaviour.md}
 * §2.4) and the JS SDK mirrors: look up {@code <prefix>://*} first and, only if absent, the exact key; under the
 * key found, the ability must be exactly the required {@code Namespace/Name} or {@code *}{@code /*}. No other
 * wildcards; nota-bene content is not consulted.
 */
public final class RecapCoverage {
    /** The only ability wildcard honoured. */
    public static final String ANY_ABILITY = "*/*";

    private RecapCoverage() {
    }

    /** True if {@code recap} grants {@code ability} on {@code resource}. */
    public static boolean covers(Recap recap, LitResource resource, LitAbility ability) {
        return matchedKey(recap, resource).map(key -> {
            Map<String, List<JsonValue.JsonObject>> abilities = recap.attenuations().get(key);
            return abilities.containsKey(ANY_ABILITY) || abilities.containsKey(ability.recapAbility());
        }).orElse(false);
    }

    /** The attenuation key the rule looks at: the wildcard key if present, else the exact key if present. */
    public static Optional<String> matchedKey(Recap recap, LitResource resource) {
        if (recap.attenuations().containsKey(resource.wildcardKey())) {
            return Optional.of(resource.wildcardKey());
        }
        if (recap.attenuations().containsKey(resource.key())) {
            return Optional.of(resource.key());
        }
        return Optional.empty();
    }
}
