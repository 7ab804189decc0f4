package io.litj.protocol.auth;

import io.litj.protocol.crypto.EthAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code Auth/Auth} grant of a verified capacity delegation ({@code js-sdk-v7-wire-format.md} §6,
 * {@code lit-node-behaviour.md} §5): the nota-bene object of a {@code lit-ratelimitincrease://<id or *>} resource,
 * parsed strictly. Immutable.
 *
 * @param resourceId the resource's id: a decimal token id or {@code *}
 * @param nftIds     {@code nft_id}: the credits (decimal token ids) it delegates; absent: the resource's id, or all
 *                   credits the delegator owns when that is {@code *}
 * @param delegateTo {@code delegate_to}: who may use it; absent: anyone; empty: nobody
 * @param uses       {@code uses}: how many requests it pays for on one node; absent: no limit
 */
public record CapacityGrant(String resourceId, Optional<List<String>> nftIds, Optional<List<EthAddress>> delegateTo,
                            Optional<Long> uses) {
    public CapacityGrant {
        Objects.requireNonNull(resourceId, "resourceId");
        nftIds = nftIds.map(List::copyOf);
        delegateTo = delegateTo.map(List::copyOf);
        Objects.requireNonNull(uses, "uses");
    }

    /** True if {@code caller} may use this grant: no {@code delegate_to}, or one that lists it. */
    public boolean admits(EthAddress caller) {
        return delegateTo.map(list -> list.contains(caller)).orElse(true);
    }

    /** The token ids this grant names, if it names any ({@code nft_id}, else a resource id that is not {@code *}). */
    public Optional<List<String>> namedCredits() {
        if (nftIds.isPresent()) {
            return nftIds;
        }
        return "*".equals(resourceId) ? Optional.empty() : Optional.of(List.of(resourceId));
    }
}
