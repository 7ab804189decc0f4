/**
 * litj-client: the SDK (connect, session sigs, PKP and Lit Action sessions, session stores, Lit Actions). Meets the
 * node only on the wire; {@code io.litj.client.internal} is exported to no module.
 */
module io.litj.client {
    requires transitive io.litj.protocol;
    requires io.litj.threshold;
    requires java.net.http;
    requires org.slf4j;

    exports io.litj.client;
}
