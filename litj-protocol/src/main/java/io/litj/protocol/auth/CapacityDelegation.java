package io.litj.protocol.auth;

import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a capacity-credit owner delegates ({@code js-sdk-v7-wire-format.md} §6): a token (or all of the owner's
 * tokens), to whom ({@code delegate_to}: addresses without {@code 0x}, case kept; an empty list means nobody, an
 * absent list means anyone) and how many uses. It becomes one {@code lit-ratelimitincrease://<id or *>} grant with
 * ability {@code Auth/Auth} in a SIWE whose URI is {@value #URI}.
 */
public record CapacityDelegation(Optional<String> capacityTokenId, Optional<List<String>> delegateeAddresses,
                                 Optional<String> uses) {
    /** The SIWE URI of capacity delegations ({@code SIWE_DELEGATION_URI}). */
    public static final String URI = "lit:capability:delegation";

    public CapacityDelegation {
        delegateeAddresses = delegateeAddresses.map(List::copyOf);
    }

    /** Delegation of {@code tokenId} to {@code delegatees} for {@code uses} uses. */
    public static CapacityDelegation of(String tokenId, List<String> delegatees, long uses) {
        return new CapacityDelegation(Optional.of(tokenId), Optional.of(delegatees), Optional.of(Long.toString(uses)));
    }

    /** The nota-bene object, with keys only for what was given (as {@code createCapacityCreditsResourceData}). */
    public JsonValue.JsonObject restriction() {
        JsonValue.ObjectBuilder b = JsonValue.object();
        capacityTokenId.filter(id -> !id.isEmpty())
                .ifPresent(id -> b.put("nft_id", new JsonValue.JsonArray(List.of(new JsonValue.JsonString(id)))));
        delegateeAddresses.ifPresent(list -> {
            List<JsonValue> stripped = new ArrayList<>();
            list.forEach(a -> stripped.add(new JsonValue.JsonString(a.startsWith("0x") ? a.substring(2) : a)));
            b.put("delegate_to", new JsonValue.JsonArray(stripped));
        });
        uses.ifPresent(u -> b.put("uses", u));
        return b.build();
    }

    /** The grant as a resource-ability request with this restriction as data. */
    public ResourceAbilityRequest toRequest() {
        LitResource resource = LitResource.rateLimitIncrease(capacityTokenId.orElse(LitResource.WILDCARD));
        return new ResourceAbilityRequest(resource, LitAbility.RATE_LIMIT_INCREASE_AUTH, Optional.of(restriction()));
    }
}
