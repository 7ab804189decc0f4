package io.litj.protocol.crypto;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * An EIP-1559 (type 2) Ethereum transaction before signing: what {@link PrivateKeyEthSigner#signTransaction} signs
 * (EIP-155 replay protection through {@code chainId}). {@code to} is empty for a contract creation, whose
 * {@code data} is then the init code.
 *
 * @param value wei sent along
 */
public record Eip1559Transaction(long chainId, BigInteger nonce, BigInteger maxPriorityFeePerGas,
                                 BigInteger maxFeePerGas, BigInteger gasLimit, Optional<EthAddress> to,
                                 BigInteger value, Bytes data) {
    public Eip1559Transaction {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
        Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
        Objects.requireNonNull(gasLimit, "gasLimit");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(data, "data");
        if (chainId < 1 || nonce.signum() < 0 || value.signum() < 0 || gasLimit.signum() <= 0
                || maxFeePerGas.compareTo(maxPriorityFeePerGas) < 0 || maxPriorityFeePerGas.signum() < 0) {
            throw new IllegalArgumentException("transaction needs chainId >= 1, nonce and value >= 0, gas > 0 and"
                    + " maxFeePerGas >= maxPriorityFeePerGas >= 0");
        }
    }
}
