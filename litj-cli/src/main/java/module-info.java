/**
 * litj-cli: the {@code litj} command line. An application: exports nothing, and opens its commands only to picocli,
 * which reads their annotations and fields reflectively.
 */
module io.litj.cli {
    requires info.picocli;
    requires io.litj.client;
    requires io.litj.devnet;
    requires io.litj.node;
    requires io.litj.threshold;
    requires java.logging;
    requires java.net.http;
    requires tools.jackson.core;

    opens io.litj.cli to info.picocli;
}
