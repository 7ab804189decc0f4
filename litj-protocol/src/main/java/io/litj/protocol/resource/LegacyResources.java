package io.litj.protocol.resource;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

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
 *   <tr><td>{@code litRLI://<token id>}, {@code litRLICapability://<token id or *>}</td>
 *       <td>{@code lit-ratelimitincrease://<token id>}, {@code rate-limit-increase-auth}</td></tr>
 * </table>
 *
 * <p>Identifiers: {@code *} stays {@code *}. Action CIDs and PKP and RLI token ids are carried over (PKP ids formatted
 * as today). The legacy table says an encryption- or signing-condition id <em>is a hash</em> (of the encrypted key,
 * of the resource-id JSON): a 64-hex-digit id is taken as that hash (lower-cased, {@code 0x} dropped); any other id is
 * the thing itself and is hashed here, SHA-256 of its UTF-8 bytes in lower-case hex. Such a serrano-era hash is not
 * the ACC hash today's nodes compute, so a mapped condition id only matches {@code *} grants.
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
        SCHEMES.put("litRLI", LitAbility.RATE_LIMIT_INCREASE_AUTH);
        SCHEMES.put("litRLICapability", LitAbility.RATE_LIMIT_INCREASE_AUTH);
    }

    private static final Pattern HASH = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

    private LegacyResources() {
    }

    /** Whether {@code resource} is written in a legacy scheme ({@code litAction://…}, {@code litRLI://…} …). */
    public static boolean isLegacy(String resource) {
        int sep = resource.indexOf("://");
        return sep > 0 && SCHEMES.containsKey(resource.substring(0, sep));
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
        LitResource resource = switch (ability.prefix()) {
            case PKP -> LitResource.pkp(id);
            case ACCESS_CONTROL_CONDITION -> new LitResource(ability.prefix(), conditionHash(id));
            default -> new LitResource(ability.prefix(), id);
        };
        return ResourceAbilityRequest.of(resource, ability);
    }

    /** A condition id as the legacy table defines it: a hash, given or made here. */
    private static String conditionHash(String id) {
        if (id.equals(LitResource.WILDCARD)) {
            return id;
        }
        if (HASH.matcher(id).matches()) {
            return (id.startsWith("0x") ? id.substring(2) : id).toLowerCase(Locale.ROOT);
        }
        return Hex.encode(Hashes.sha256(id));
    }
}
