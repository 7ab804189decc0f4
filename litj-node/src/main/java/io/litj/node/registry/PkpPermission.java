package io.litj.node.registry;

import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One auth method a PKP permits, as Lit's {@code PKPPermissions} contract records it: a type (1 = EthWallet, with
 * {@code id} the lowercase {@code 0x} address, or {@code 0x} + 64 hex: {@code keccak256("<address>:lit")} as Lit's
 * contracts SDK writes a wallet's auth method id on chain; 2 = Lit Action, with {@code id} the IPFS CID) and its
 * scopes (1 = sign anything, 2 = personal sign).
 */
public record PkpPermission(int authMethodType, String id, Set<Integer> scopes) {
    public static final int ETH_WALLET = 1;
    public static final int LIT_ACTION = 2;
    public static final int SCOPE_SIGN_ANYTHING = 1;
    public static final int SCOPE_PERSONAL_SIGN = 2;

    public PkpPermission {
        Objects.requireNonNull(id, "id");
        scopes = Set.copyOf(new TreeSet<>(scopes));
        if (authMethodType != ETH_WALLET && authMethodType != LIT_ACTION) {
            throw new IllegalArgumentException("auth method type must be 1 (EthWallet) or 2 (Lit Action)");
        }
    }

    /**
     * True if this is an EthWallet permission of {@code wallet}: its id is the address, or keccak256 of
     * {@code "<address>:lit"} with the address in lowercase or checksummed (the ids a Lit node accepts).
     */
    public boolean permitsWallet(EthAddress wallet) {
        if (authMethodType != ETH_WALLET) {
            return false;
        }
        if (id.equalsIgnoreCase(wallet.toLowerHex())) {
            return true;
        }
        return id.length() == 66 && (id.equalsIgnoreCase(hashedWalletId(wallet.toLowerHex()))
                || id.equalsIgnoreCase(hashedWalletId(wallet.toChecksumString())));
    }

    /** {@code 0x} + hex of {@code keccak256("<address>:lit")}: a wallet's auth method id as the contracts SDK makes it. */
    public static String hashedWalletId(String address) {
        return "0x" + Hex.encode(Hashes.keccak256(address + ":lit"));
    }

    /** True if this permission carries {@code scope}; sign-anything also covers personal-sign (as Lit does). */
    public boolean allows(int scope) {
        return scopes.contains(scope) || (scope == SCOPE_PERSONAL_SIGN && scopes.contains(SCOPE_SIGN_ANYTHING));
    }
}
