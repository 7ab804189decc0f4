package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.node.registry.Pkp;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import java.util.Set;

/**
 * §1.7: {@code pubkey} is the hex ({@code 0x} optional) of a 65-byte uncompressed SEC1 key; its token id is
 * {@code keccak256} of those bytes, computed here, never taken from the client (§10 item 14). The text is at most
 * 132 characters before it is decoded. Code: {@code NodeBadInput}. Records the token id.
 */
final class PkpKeyCheck implements PkpSignCheck {
    private static final int MAX_CHARS = 2 + 130;

    @Override
    public void check(PkpSignState state) {
        if (!(state.request().pubkey() instanceof JsonValue.JsonString s)) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "pubkey must be the hex of the PKP public key");
        }
        if (s.value().length() > MAX_CHARS) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "pubkey must be 65 bytes (130 hex) but has "
                    + s.value().length() + " characters");
        }
        byte[] key;
        try {
            key = Hex.decode0x(s.value(), "pubkey");
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, e.getMessage());
        }
        if (key.length != 65 || key[0] != 4) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "pubkey must be an uncompressed key (04 + 64 "
                    + "bytes) but is " + key.length + " bytes");
        }
        state.tokenId = Pkp.tokenIdOf(key);
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeBadInput);
    }
}
