package io.litj.protocol.crypto;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Sign;

/**
 * EIP-191 version 0x45 ("personal_sign"): the hash {@code keccak256("\x19Ethereum Signed Message:\n" + len +
 * message)} over the UTF-8 bytes of a message, and recovery of the signer's address from a signature.
 */
public final class Eip191 {
    private static final byte[] PREFIX = "\u0019Ethereum Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

    private Eip191() {
    }

    /** The EIP-191 hash of a UTF-8 text message. */
    public static byte[] hash(String message) {
        return hash(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The EIP-191 hash of a message. */
    public static byte[] hash(byte[] message) {
        byte[] length = Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[PREFIX.length + length.length + message.length];
        System.arraycopy(PREFIX, 0, all, 0, PREFIX.length);
        System.arraycopy(length, 0, all, PREFIX.length, length.length);
        System.arraycopy(message, 0, all, PREFIX.length + length.length, message.length);
        return Hashes.keccak256(all);
    }

    /**
     * Recovers the address that made {@code signature} over the EIP-191 hash of {@code message}.
     *
     * @throws LitProtocolException {@code NodeSIWESigConversionError} if no key can be recovered
     */
    public static EthAddress recover(String message, EthSignature signature) {
        return recoverFromHash(hash(message), signature);
    }

    /** Recovers the signer from a 32-byte EIP-191 hash. */
    public static EthAddress recoverFromHash(byte[] hash, EthSignature signature) {
        BigInteger key;
        try {
            key = Sign.recoverFromSignature(signature.recoveryId(),
                    new ECDSASignature(signature.r(), signature.s()), hash);
        } catch (IllegalArgumentException e) {
            // web3j throws when r is not the x-coordinate of a curve point
            key = null;
        }
        if (key == null) {
            throw new LitProtocolException(LitErrorCode.NodeSIWESigConversionError,
                    "no public key can be recovered from the signature");
        }
        byte[] xy = new byte[64];
        byte[] k = key.toByteArray();
        int start = k.length > 64 ? k.length - 64 : 0;
        System.arraycopy(k, start, xy, 64 - (k.length - start), k.length - start);
        return EthAddress.fromPublicKey(xy);
    }
}
