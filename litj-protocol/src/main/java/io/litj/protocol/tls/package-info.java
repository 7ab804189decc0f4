/**
 * TLS material for node listeners and the clients of nodes: PEM certificates and keys
 * ({@link io.litj.protocol.tls.Pem}) and the server and client {@link javax.net.ssl.SSLContext}s
 * ({@link io.litj.protocol.tls.TlsContexts}). No file or network I/O: callers read files and open connections. Which
 * node URL is https is {@link io.litj.protocol.chain.NodeUrl}'s rule. Standards: RFC 7468 (PEM), RFC 5280 (X.509),
 * PKCS#8.
 */
package io.litj.protocol.tls;
