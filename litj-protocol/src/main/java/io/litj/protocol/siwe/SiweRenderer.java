package io.litj.protocol.siwe;

/**
 * Renders a {@link SiweMessage} byte-identically to {@code siwe@2.3.2 SiweMessage.prepareMessage()}: LF line
 * ends, no trailing newline, two empty lines before {@code URI:} when there is no statement.
 *
 * <p>Use the result as the text to sign; never re-render a received message to verify it (R13).
 */
public final class SiweRenderer {
    private SiweRenderer() {
    }

    public static String render(SiweMessage m) {
        StringBuilder out = new StringBuilder(512);
        m.scheme().ifPresent(s -> out.append(s).append("://"));
        out.append(m.domain()).append(" wants you to sign in with your Ethereum account:\n");
        out.append(m.address()).append("\n\n");
        m.statement().ifPresent(s -> out.append(s).append('\n'));
        out.append("\nURI: ").append(m.uri());
        out.append("\nVersion: ").append(m.version());
        out.append("\nChain ID: ").append(m.chainId());
        out.append("\nNonce: ").append(m.nonce());
        out.append("\nIssued At: ").append(m.issuedAt());
        m.expirationTime().ifPresent(t -> out.append("\nExpiration Time: ").append(t));
        m.notBefore().ifPresent(t -> out.append("\nNot Before: ").append(t));
        m.requestId().ifPresent(r -> out.append("\nRequest ID: ").append(r));
        if (!m.resources().isEmpty()) {
            out.append("\nResources:");
            for (String r : m.resources()) {
                out.append("\n- ").append(r);
            }
        }
        return out.toString();
    }
}
