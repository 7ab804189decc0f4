package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.siwe.SiweMessage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * §3.1 step 3: the PKP the request is about, which the registry must hold:
 * <ul>
 *   <li>with {@code pkpPublicKey}: the 65-byte uncompressed key ({@code NodeBadInput} if it is not one), whose
 *   Ethereum address must be the SIWE address ({@code NodeSIWEMessageError}); its token id is
 *   {@code keccak256(key)}, computed here, never taken from the client (§10 item 14);</li>
 *   <li>without: the oldest PKP that permits the first auth method (EthWallet: its address).</li>
 * </ul>
 * A PKP the registry does not hold, or no PKP found, is {@code NodePKPTokenIdNotFound}. Records the PKP.
 */
final class PkpLookupCheck implements SessionKeyCheck {
    private final Registry registry;

    PkpLookupCheck(Registry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void check(SessionKeyState state) {
        state.pkp = find(state.request().pkpPublicKey(), state.siwe(), state.context().authMethodContexts());
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeBadInput, LitErrorCode.NodeSIWEMessageError,
                LitErrorCode.NodePKPTokenIdNotFound);
    }

    private Pkp find(Optional<String> pkpPublicKey, SiweMessage siwe, List<AuthMethodContext> methods) {
        if (pkpPublicKey.isPresent()) {
            byte[] key = parseKey(pkpPublicKey.get());
            EthAddress address = EthAddress.fromPublicKey(key);
            if (!address.equals(siwe.ethAddress())) {
                throw new LitNodeException(LitErrorCode.NodeSIWEMessageError, "siweMessage address "
                        + siwe.address() + " is not the address " + address + " of pkpPublicKey");
            }
            String tokenId = Pkp.tokenIdOf(key);
            return registry.pkp(tokenId).orElseThrow(() -> new LitNodeException(LitErrorCode.NodePKPTokenIdNotFound,
                    "no PKP with token id " + tokenId + " (the key of " + address + ") is registered"));
        }
        if (methods.isEmpty()) {
            throw new LitNodeException(LitErrorCode.NodePKPTokenIdNotFound,
                    "the request has neither pkpPublicKey nor an auth method to find the PKP by");
        }
        AuthMethodContext first = methods.get(0);
        String id = first.userId().toLowerCase(Locale.ROOT);
        List<String> tokens = registry.pkpsPermitting(first.authMethodType(), id);
        if (tokens.isEmpty()) {
            throw new LitNodeException(LitErrorCode.NodePKPTokenIdNotFound, "no PKP permits auth method type "
                    + first.authMethodType() + " " + first.userId() + "; send pkpPublicKey");
        }
        return registry.pkp(tokens.get(0)).orElseThrow(() -> new LitNodeException(
                LitErrorCode.NodePKPTokenIdNotFound, "PKP " + tokens.get(0) + " is no longer registered"));
    }

    private static byte[] parseKey(String text) {
        byte[] key;
        try {
            key = Hex.decode0x(text, "pkpPublicKey");
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, e.getMessage(), List.of(), e);
        }
        if (key.length != 65 || key[0] != 0x04) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "pkpPublicKey must be an uncompressed secp256k1 "
                    + "key (65 bytes starting with 04) but is " + key.length + " bytes"
                    + (key.length > 0 ? " starting with " + String.format("%02x", key[0]) : ""));
        }
        return key;
    }
}
