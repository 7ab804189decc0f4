package io.litj.cli;

import io.litj.devnet.evm.EvmSender;
import io.litj.node.LitNodeException;
import io.litj.node.rpc.EthRpc;
import io.litj.node.rpc.EthRpcException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A wallet that sends transactions to an EVM chain for the {@code litj chain} and {@code litj node register}
 * commands: the chain's JSON-RPC connection, its chain id (asked once) and the signer. Close it after use.
 */
final class ChainWallet implements AutoCloseable {
    private final EthRpc rpc;
    private final EvmSender sender;

    ChainWallet(URI rpcUrl, PrivateKeyEthSigner wallet) {
        this.rpc = new EthRpc(rpcUrl, Duration.ofSeconds(10));
        try {
            this.sender = EvmSender.onChain(rpc, wallet);
        } catch (EthRpcException e) {
            rpc.close();
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "chain " + rpcUrl + " does not answer: "
                    + e.getMessage(), List.of(), e);
        } catch (RuntimeException e) {
            rpc.close();
            throw e;
        }
    }

    EvmSender sender() {
        return sender;
    }

    @Override
    public void close() {
        rpc.close();
    }
}
