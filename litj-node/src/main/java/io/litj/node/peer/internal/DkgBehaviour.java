package io.litj.node.peer.internal;

import io.litj.threshold.shamir.Share;

/**
 * How this node's party deals its round-1 shares. Production nodes are always {@link #HONEST}; the only other
 * behaviours are written by tests, through {@link PeerService}'s package-private constructor, to make one node cheat
 * and check that the others disqualify it.
 */
@FunctionalInterface
interface DkgBehaviour {
    /** Deals every share as computed. */
    DkgBehaviour HONEST = (recipient, honest) -> honest;

    /** The share actually sent to party {@code recipient} in place of {@code honest}. */
    Share dealt(int recipient, Share honest);
}
