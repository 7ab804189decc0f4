package io.litj.node.http.internal;

import java.util.Optional;

/**
 * Lit Action sources by IPFS CID: what lets {@code ipfsId} requests run on a network without an IPFS gateway.
 * Implementations must only return code whose CID they computed themselves.
 */
public interface ActionStore {
    /** Records code whose CID the caller computed from its bytes. */
    void remember(String cid, String code);

    /** The code with this CID, if known. */
    Optional<String> find(String cid);
}
