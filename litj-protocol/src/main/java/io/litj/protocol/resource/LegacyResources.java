package io.litj.protocol.resource;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps the resource strings of the legacy (serrano-era, JS SDK v2) session format to today's resource-ability
 * requests ({@code js-sdk-v7-wire-format.md} §12). Legacy strings put the ability in the scheme:
 *
 * <table>
 *   <caption>legacy scheme → resource prefix and ability</caption>
 *   <tr><th>legacy</th><th>today</th></tr>
 *   <tr><td>{@code litAction://<cid>}, {@code litActionCapability://<cid or *>}</td>
 *       <td>{@code lit-litaction://<cid>}, {@code lit-action-execution}</td></tr>
 *   <tr><td>{@code litPKP://<id>}, {@code litPKPCapability://<id or *>}</td>
 *       <td>{@code lit-pkp://<id, formatted>}, {@code pkp-signing}</td></tr>
 *   <tr><td>{@code litEncryptionCondition://<hash>}, {@code litEncryptionConditionCapability://*}</td>
 *       <td>{@code lit-accesscontrolcondition://<hash>}, {@code access-control-condition-decryption}</td></tr>
 *   <tr><td>{@code litSigningCondition://<hash>}, {@code litSigningConditionCapability://*}</td>
 *       <td>{@code lit-accesscontrolcondition://<hash>}, {@code access-control-condition-signing}</td></tr>
 * </table>
 *
 * <p>Identifiers are carried over as they are. Note that a serrano signing-condition hash (SHA-256 of a resource-id
 * JSON) is not the ACC hash today's nodes compute, so such a mapped id only matches {@code *} grants.
 */
public final class LegacyResources {
    private static final Map<String, LitAbility> SCHEMES = new LinkedHashMap<>();

    static {
        SCHEMES.put("litAction", LitAbility.LIT_ACTION_EXECUTION);
        SCHEMES.put("litActionCapability", LitAbility.LIT_ACTION_EXECUTION);
        SCHEMES.put("litPKP", LitAbility.PKP_SIGNING);
        SCHEMES.put("litPKPCapability", LitAbility.PKP_SIGNING);
        SCHEMES.put("litEncryptionCondition", LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION);
        SCHEMES.put("litEncryptionConditionCapability", LitAbility.ACCESS_CONTROL_CONDITION_DECRYPTION);
        SCHEMES.put("litSigningCondition", LitAbility.ACCESS_CONTROL_CONDITION_SIGNING);
        SCHEMES.put("litSigningConditionCapability", LitAbility.ACCESS_CONTROL_CONDITION_SIGNING);
    }

    private LegacyResources() {
    }

    /**
     * Today's request for a legacy resource string.
     *
     * @throws LitProtocolException {@code InvalidArgument} for an unknown scheme or an empty id
     */
    public static ResourceAbilityRequest map(String legacy) {
        int sep = legacy.indexOf("://");
        String scheme = sep < 0 ? legacy : legacy.substring(0, sep);
        LitAbility ability = SCHEMES.get(scheme);
        if (ability == null) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "'" + Text.cut(legacy)
                    + "' is not a legacy Lit resource; known schemes: " + String.join(", ", SCHEMES.keySet()));
        }
        String id = legacy.substring(sep + 3);
        if (id.isEmpty()) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "'" + Text.cut(legacy) + "' has no id");
        }
        LitResource resource = ability.prefix() == LitResourcePrefix.PKP ? LitResource.pkp(id)
                : new LitResource(ability.prefix(), id);
        return ResourceAbilityRequest.of(resource, ability);
    }
}
