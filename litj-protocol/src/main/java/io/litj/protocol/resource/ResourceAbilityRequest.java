package io.litj.protocol.resource;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code resourceAbilityRequests}: a resource, an ability, and optional restriction data that becomes
 * the ReCap nota-bene object. On the wire:
 * {@code {"resource":{"resource":id,"resourcePrefix":prefix},"ability":value[,"data":{…}]}}.
 */
public record ResourceAbilityRequest(LitResource resource, LitAbility ability, Optional<JsonValue.JsonObject> data) {

    public ResourceAbilityRequest {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(ability, "ability");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Every ability on every resource of its kind ({@code <prefix>://*}), one request per {@link LitAbility} in
     * declaration order: what the seed documents grant when a session names no resources.
     */
    public static java.util.List<ResourceAbilityRequest> everyResourceWildcard() {
        return java.util.Arrays.stream(LitAbility.values())
                .map(a -> of(LitResource.parseKey(a.prefix().value() + "://*"), a)).toList();
    }

    public static ResourceAbilityRequest of(LitResource resource, LitAbility ability) {
        return new ResourceAbilityRequest(resource, ability, Optional.empty());
    }

    /** Checks that the ability is valid on the resource, as the JS SDK does before building a ReCap. */
    public ResourceAbilityRequest requireValidPair() {
        if (!ability.appliesTo(resource)) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "ability " + ability.value()
                    + " is not valid on resource " + resource.key() + " (it applies to "
                    + ability.prefix().value() + ")");
        }
        return this;
    }

    /** The wire object, in JS own-property order. */
    public JsonValue.JsonObject toJson() {
        JsonValue.ObjectBuilder b = JsonValue.object().put("resource", resource.toJson()).put("ability",
                ability.value());
        data.ifPresent(d -> b.put("data", d));
        return b.build();
    }

    /**
     * Reads one wire entry. The prefix and ability must be known; the pairing is not checked and unknown members
     * are ignored (as nodes do).
     *
     * @param code the error code to raise for a malformed entry
     */
    public static ResourceAbilityRequest fromJson(JsonValue value, LitErrorCode code, String where) {
        JsonFields f = new JsonFields(asObject(value, code, where), code, where);
        JsonFields r = new JsonFields(f.object("resource"), code, where + ".resource");
        String prefixText = r.string("resourcePrefix");
        LitResourcePrefix prefix = LitResourcePrefix.of(prefixText)
                .orElseThrow(() -> r.fail("has an unknown resourcePrefix '" + Text.cut(prefixText) + "'"));
        String abilityText = f.string("ability");
        LitAbility ability = LitAbility.of(abilityText)
                .orElseThrow(() -> f.fail("has an unknown ability '" + Text.cut(abilityText) + "'"));
        Optional<JsonValue.JsonObject> data = f.has("data") ? Optional.of(f.object("data")) : Optional.empty();
        try {
            return new ResourceAbilityRequest(new LitResource(prefix, r.string("resource")), ability, data);
        } catch (LitProtocolException e) {
            throw new LitProtocolException(code, where + ": " + e.getMessage(), e);
        }
    }

    private static JsonValue.JsonObject asObject(JsonValue value, LitErrorCode code, String where) {
        if (value instanceof JsonValue.JsonObject o) {
            return o;
        }
        throw new LitProtocolException(code, where + " must be an object");
    }

    @Override
    public String toString() {
        return resource.key() + " " + ability.value();
    }
}
