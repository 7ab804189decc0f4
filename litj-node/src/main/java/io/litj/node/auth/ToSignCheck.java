package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.json.JsonValue;
import java.util.List;
import java.util.Set;

/**
 * §1.7: {@code toSign} is a JSON array of exactly {@value #DIGEST_BYTES} integers 0..255 (the digest; the node
 * never hashes). The length is checked before any item is read. Code: {@code NodeBadInput}. Records the digest.
 */
final class ToSignCheck implements PkpSignCheck {
    static final int DIGEST_BYTES = 32;

    @Override
    public void check(PkpSignState state) {
        if (!(state.request().toSign() instanceof JsonValue.JsonArray array)) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "toSign must be an array of " + DIGEST_BYTES
                    + " bytes");
        }
        List<JsonValue> items = array.items();
        if (items.size() != DIGEST_BYTES) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "toSign must be " + DIGEST_BYTES
                    + " bytes (a digest; the node does not hash) but has " + items.size());
        }
        byte[] digest = new byte[DIGEST_BYTES];
        for (int i = 0; i < DIGEST_BYTES; i++) {
            if (!(items.get(i) instanceof JsonValue.JsonNumber n) || n.value() != Math.rint(n.value())
                    || n.value() < 0 || n.value() > 255) {
                throw new LitNodeException(LitErrorCode.NodeBadInput, "toSign[" + i + "] is not a byte (0..255)");
            }
            digest[i] = (byte) (int) n.value();
        }
        state.digest = Bytes.of(digest);
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeBadInput);
    }
}
