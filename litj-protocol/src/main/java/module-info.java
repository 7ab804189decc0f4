/**
 * litj-protocol: the Lit session-signature wire model and rules, shared by the SDK, the node and the devnet. Pure:
 * no network or file I/O.
 *
 * <p>{@code crypto} is web3j's {@code crypto-6.0.0.jar}, an automatic module named after its file (it has neither a
 * descriptor nor an {@code Automatic-Module-Name}); it is transitive because {@code CredentialsEthSigner} takes a
 * web3j {@code Credentials}. web3j splits the package {@code org.web3j.crypto} between that jar and
 * {@code utils-6.0.0.jar}, so this module compiles on the module path but runs only on the class path
 * ({@code docs/architecture-notes.md}, "Modules").
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // web3j: see above
module io.litj.protocol {
    requires transitive crypto;
    requires org.bouncycastle.provider;
    requires tools.jackson.core;

    exports io.litj.protocol;
    exports io.litj.protocol.acc;
    exports io.litj.protocol.auth;
    exports io.litj.protocol.chain;
    exports io.litj.protocol.crypto;
    exports io.litj.protocol.json;
    exports io.litj.protocol.recap;
    exports io.litj.protocol.resource;
    exports io.litj.protocol.siwe;
    exports io.litj.protocol.tls;
}
