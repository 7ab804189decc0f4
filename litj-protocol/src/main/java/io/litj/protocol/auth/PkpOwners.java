package io.litj.protocol.auth;

import io.litj.protocol.crypto.EthAddress;
import java.util.Optional;

/**
 * Who owns the PKP with an Ethereum address (the holder of its PKPNFT token, as the network's registry says): what a
 * node asks when the PKP's owner, not the PKP, signed a revocation of the PKP's grant ({@code docs/revocation.md}).
 */
@FunctionalInterface
public interface PkpOwners {
    /** No registry: no address is a PKP, so no owner can revoke. */
    PkpOwners NONE = pkp -> Optional.empty();

    /**
     * The owner of the PKP whose address is {@code pkpAddress}; empty if no PKP has this address.
     *
     * @throws RuntimeException (a node's coded exception) when the registry cannot be read
     */
    Optional<EthAddress> ownerOf(EthAddress pkpAddress);
}
