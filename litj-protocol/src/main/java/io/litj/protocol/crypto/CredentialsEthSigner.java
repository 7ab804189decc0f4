package io.litj.protocol.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;

/** Adapts a web3j {@link Credentials} (for example loaded from a keystore file) to {@link EthSigner}. */
public final class CredentialsEthSigner implements EthSigner {
    private final Credentials credentials;
    private final EthAddress address;

    public CredentialsEthSigner(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.address = EthAddress.parse(credentials.getAddress(), "credentials address");
    }

    @Override
    public EthAddress address() {
        return address;
    }

    @Override
    public EthSignature signPersonalMessage(String message) {
        Sign.SignatureData data = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8),
                credentials.getEcKeyPair());
        return PrivateKeyEthSigner.fromSignatureData(data);
    }

    @Override
    public String toString() {
        return "CredentialsEthSigner[" + address + "]";
    }
}
