package io.litj.node.ecdsa;

import io.litj.node.registry.NodeEntry;

/** Whether another node answers now; used to pick signing sets of live nodes. */
interface Liveness {
    boolean isLive(NodeEntry node);
}
