package io.litj.protocol.resource;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.json.JsonValue;
import java.util.Objects;

/**
 * A Lit resource: a prefix and an identifier, written {@code <prefix>://<id>}; {@code *} is the wildcard id.
 *
 * <p>Identifiers follow the JS SDK 7.4.0 (§3.5 of {@code js-sdk-v7-wire-format.md}): PKP ids are formatted like
 * {@code formatPKPResource} (strip {@code 0x}, at most 64 characters, all-hex ids left-padded with zeros to 64);
 * the others are kept as given. On the wire a resource is the object
 * {@code {"resource":"<id>","resourcePrefix":"<prefix>"}}.
 */
public record LitResource(LitResourcePrefix prefix, String id) {
    public static final String WILDCARD = "*";

    public LitResource {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(id, "id");
        if (id.indexOf('\n') >= 0 || id.indexOf('\'') >= 0) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "resource id must not contain a line break or a single quote");
        }
    }

    /** A Lit Action by IPFS CID, or {@code *}. */
    public static LitResource action(String ipfsCid) {
        return new LitResource(LitResourcePrefix.LIT_ACTION, ipfsCid);
    }

    /** A PKP by token id (hex, {@code 0x} optional), formatted like the JS SDK; or {@code *}. */
    public static LitResource pkp(String tokenId) {
        return new LitResource(LitResourcePrefix.PKP, formatPkpId(tokenId));
    }

    /** Access-control-condition data: {@code <hashOfConditionsHex>/<dataToEncryptHashHex>}, or {@code *}. */
    public static LitResource accessControlCondition(String id) {
        return new LitResource(LitResourcePrefix.ACCESS_CONTROL_CONDITION, id);
    }

    /** A capacity-credit token (its id as given, usually decimal), or {@code *}. */
    public static LitResource rateLimitIncrease(String tokenId) {
        return new LitResource(LitResourcePrefix.RATE_LIMIT_INCREASE, tokenId);
    }

    /** The node-only resolved-auth-context resource {@code lit-resolvedauthcontext://*}. */
    public static LitResource resolvedAuthContext() {
        return new LitResource(LitResourcePrefix.RESOLVED_AUTH_CONTEXT, WILDCARD);
    }

    /**
     * Parses {@code <prefix>://<id>}.
     *
     * @throws LitProtocolException {@code InvalidArgument} for an unknown prefix or a missing {@code ://}
     */
    public static LitResource parseKey(String key) {
        int sep = key.indexOf("://");
        if (sep < 0) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "resource '" + Text.cut(key) + "' must look like <prefix>://<id>");
        }
        LitResourcePrefix prefix = LitResourcePrefix.of(key.substring(0, sep))
                .orElseThrow(() -> new LitProtocolException(LitErrorCode.InvalidArgument,
                        "resource '" + Text.cut(key) + "' has an unknown prefix"));
        String id = key.substring(sep + 3);
        return prefix == LitResourcePrefix.PKP ? pkp(id) : new LitResource(prefix, id);
    }

    /**
     * The JS SDK's {@code formatPKPResource}: strip {@code 0x}; more than 64 characters is an error; an all-hex id
     * (decimal digits count as hex) is left-padded with {@code 0} to 64 characters; anything else is kept.
     */
    public static String formatPkpId(String tokenId) {
        String fixed = tokenId.startsWith("0x") ? tokenId.substring(2) : tokenId;
        if (fixed.length() > 64) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "PKP resource id exceeds 64 characters (32 bytes): " + fixed.length());
        }
        if (!fixed.equals(WILDCARD) && !fixed.isEmpty() && fixed.chars().allMatch(JsHex::isHexDigit)) {
            return "0".repeat(64 - fixed.length()) + fixed;
        }
        return fixed;
    }

    /** {@code <prefix>://<id>}. */
    public String key() {
        return prefix.value() + "://" + id;
    }

    /** {@code <prefix>://*}. */
    public String wildcardKey() {
        return prefix.value() + "://" + WILDCARD;
    }

    public boolean isWildcard() {
        return WILDCARD.equals(id);
    }

    /** The wire object {@code {"resource":id,"resourcePrefix":prefix}} (JS own-property order). */
    public JsonValue.JsonObject toJson() {
        return JsonValue.object().put("resource", id).put("resourcePrefix", prefix.value()).build();
    }

    @Override
    public String toString() {
        return key();
    }

    private static final class JsHex {
        static boolean isHexDigit(int c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
    }
}
