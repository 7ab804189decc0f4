package io.litj.protocol.crypto;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;

/**
 * An {@link EthSigner} over a raw secp256k1 private key. Signatures are deterministic (RFC 6979) with low
 * {@code s}, byte-identical to ethers' {@code Wallet.signMessage}.
 *
 * <p>Security: the key is held in this object only; {@link #toString()} shows the address, and there is no
 * {@code equals}; compare keys with {@link #sameSecretAs}.
 */
public final class PrivateKeyEthSigner implements EthSigner {
    private final ECKeyPair keyPair;
    private final EthAddress address;

    private PrivateKeyEthSigner(BigInteger privateKey) {
        if (privateKey.signum() <= 0 || privateKey.compareTo(EthSignature.N) >= 0) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "private key must be in [1, n-1] of secp256k1");
        }
        this.keyPair = ECKeyPair.create(privateKey);
        byte[] pub = keyPair.getPublicKey().toByteArray();
        byte[] xy = new byte[64];
        int start = pub.length > 64 ? pub.length - 64 : 0;
        System.arraycopy(pub, start, xy, 64 - (pub.length - start), pub.length - start);
        this.address = EthAddress.fromPublicKey(xy);
    }

    /** A signer from 32 bytes of private key. */
    public static PrivateKeyEthSigner fromBytes(byte[] privateKey) {
        if (privateKey.length != 32) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "private key must be 32 bytes but is " + privateKey.length);
        }
        return new PrivateKeyEthSigner(new BigInteger(1, privateKey));
    }

    /** A signer from 64 hex digits, with or without {@code 0x}. */
    public static PrivateKeyEthSigner fromHex(String privateKeyHex) {
        byte[] raw = Hex.decode0x(privateKeyHex, "private key");
        try {
            return fromBytes(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    @Override
    public EthAddress address() {
        return address;
    }

    @Override
    public EthSignature signPersonalMessage(String message) {
        Sign.SignatureData data = Sign.signPrefixedMessage(
                message.getBytes(java.nio.charset.StandardCharsets.UTF_8), keyPair);
        return fromSignatureData(data);
    }

    /**
     * Signs a 32-byte digest as it is, with no prefix (what a multisig wallet's owners sign for EIP-1271, whose
     * {@code isValidSignature} gets the digest).
     *
     * @throws LitProtocolException {@code InvalidArgument} if {@code digest} is not 32 bytes
     */
    public EthSignature signDigest(byte[] digest) {
        if (digest.length != 32) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "a digest is 32 bytes, not " + digest.length);
        }
        return fromSignatureData(Sign.signMessage(digest, keyPair, false));
    }

    static EthSignature fromSignatureData(Sign.SignatureData data) {
        int v = data.getV()[0] & 0xff;
        return EthSignature.of(new BigInteger(1, data.getR()), new BigInteger(1, data.getS()), v - 27);
    }

    /**
     * Signs {@code tx} with this key: the raw EIP-1559 transaction ({@code 0x02 || rlp([...fields, yParity, r, s])})
     * to send with {@code eth_sendRawTransaction}.
     */
    public Bytes signTransaction(Eip1559Transaction tx) {
        RawTransaction raw = RawTransaction.createTransaction(tx.chainId(), tx.nonce(), tx.gasLimit(),
                tx.to().map(EthAddress::toChecksumString).orElse(""), tx.value(), tx.data().hex0x(),
                tx.maxPriorityFeePerGas(), tx.maxFeePerGas());
        return Bytes.of(TransactionEncoder.signMessage(raw, tx.chainId(), Credentials.create(keyPair)));
    }

    /** Constant-time comparison of the private keys. */
    public boolean sameSecretAs(PrivateKeyEthSigner other) {
        return MessageDigest.isEqual(keyPair.getPrivateKey().toByteArray(),
                other.keyPair.getPrivateKey().toByteArray());
    }

    @Override
    public String toString() {
        return "PrivateKeyEthSigner[" + address + "]";
    }
}
