/**
 * litj-devnet: a Lit network on one machine (launcher of N nodes, chain view and block producer, DKG coordinator,
 * PKP minter, admin client, registry writer). Reads the node's registry plumbing through the one qualified export
 * of {@code io.litj.node}.
 */
module io.litj.devnet {
    requires transitive io.litj.node;
    requires io.helidon.webserver;
    requires java.net.http;
    requires java.sql;
    requires org.slf4j;
    requires org.xerial.sqlitejdbc;

    exports io.litj.devnet;
    exports io.litj.devnet.chain;
    exports io.litj.devnet.evm;
    exports io.litj.devnet.registry;
}
