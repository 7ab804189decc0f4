/**
 * litj-node: one Lit node (HTTP API on Helidon, auth gate, Lit Actions on GraalJS, registry reader, key shares,
 * peer rounds). Its {@code internal} packages are exported to no module, except the registry's SQLite plumbing,
 * which the devnet's registry writer shares.
 */
@SuppressWarnings("module") // io.litj.devnet is built after this module, so javac cannot see it here
module io.litj.node {
    requires transitive io.litj.protocol;
    requires transitive io.litj.threshold;
    requires io.helidon.webserver;
    requires java.logging;
    requires java.management;
    requires java.net.http;
    requires java.sql;
    requires jdk.management;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires org.bouncycastle.provider;
    requires org.graalvm.polyglot;
    requires org.slf4j;
    requires org.xerial.sqlitejdbc;

    exports io.litj.node;
    exports io.litj.node.acc;
    exports io.litj.node.actions;
    exports io.litj.node.auth;
    exports io.litj.node.ecdsa;
    exports io.litj.node.fetch;
    exports io.litj.node.keys;
    exports io.litj.node.log;
    exports io.litj.node.metrics;
    exports io.litj.node.ratelimit;
    exports io.litj.node.revoke;
    exports io.litj.node.registry;
    exports io.litj.node.rpc;
    exports io.litj.node.registry.internal to io.litj.devnet;
}
