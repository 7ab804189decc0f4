package io.litj.protocol.testing;

import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.util.Comparator;
import java.util.List;

/**
 * What a {@code TestMultisigWallet} (contracts/src) accepts as its EIP-1271 signature of a digest: its owners'
 * signatures of the digest itself (no prefix), 65 bytes each, one after the other in ascending order of owner address.
 */
public final class MultisigSignatures {
    private MultisigSignatures() {
    }

    /** The signatures of {@code signers} over {@code digest}, ascending by signer address. */
    public static byte[] sign(byte[] digest, List<PrivateKeyEthSigner> signers) {
        List<PrivateKeyEthSigner> sorted = signers.stream()
                .sorted(Comparator.comparing(s -> s.address().toLowerHex())).toList();
        byte[] out = new byte[65 * sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            System.arraycopy(sorted.get(i).signDigest(digest).toBytes(), 0, out, 65 * i, 65);
        }
        return out;
    }
}
