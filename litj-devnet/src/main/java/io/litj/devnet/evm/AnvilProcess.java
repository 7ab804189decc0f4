package io.litj.devnet.evm;

import io.litj.node.LitNodeException;
import io.litj.node.rpc.EthRpc;
import io.litj.node.rpc.EthRpcException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running anvil (Foundry's local EVM chain) on a free 127.0.0.1 port, blocks mined per transaction. {@link #start}
 * waits (at most {@link #START_TIMEOUT}) until it answers {@code eth_chainId}; {@link #close()} always stops it and
 * its children. Its output goes to a log file next to the data it is given.
 */
public final class AnvilProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnvilProcess.class);
    /** The chain id anvil runs with (Hardhat's and anvil's local chain id). */
    public static final long CHAIN_ID = 31337;
    /** How long anvil may take to answer after it was started. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    private final Process process;
    private final URI url;
    private final EthRpc rpc;

    private AnvilProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
        this.rpc = new EthRpc(url, Duration.ofSeconds(10));
    }

    /**
     * Starts {@code binary} on 127.0.0.1:{@code port} (a free one the caller picked), its log in {@code logFile}.
     *
     * @throws LitNodeException {@code NodeSystemFault} if it does not start or answer in time (it is stopped then)
     */
    public static AnvilProcess start(Path binary, int port, Path logFile) {
        Process p;
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            p = new ProcessBuilder(List.of(binary.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--chain-id", Long.toString(CHAIN_ID), "--accounts", "0", "--gas-limit", "100000000"))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        } catch (IOException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "could not start anvil " + binary + ": "
                    + e.getMessage(), List.of(), e);
        }
        AnvilProcess anvil = new AnvilProcess(p, URI.create("http://127.0.0.1:" + port));
        try {
            anvil.awaitReady(logFile);
        } catch (RuntimeException e) {
            anvil.close();
            throw e;
        }
        LOG.info("anvil {} up at {} (log {})", AnvilBinary.VERSION, anvil.url, logFile);
        return anvil;
    }

    private void awaitReady(Path logFile) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "anvil exited with " + process.exitValue()
                        + " before answering; see " + logFile);
            }
            try {
                rpc.call("eth_chainId", List.of());
                return;
            } catch (EthRpcException e) {
                last = e.getMessage();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "interrupted while waiting for anvil");
            }
        }
        throw new LitNodeException(LitErrorCode.NodeSystemFault, "anvil did not answer within " + START_TIMEOUT
                + " (" + last + "); see " + logFile);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return url;
    }

    /** A JSON-RPC client of this chain (closed with it). */
    public EthRpc rpc() {
        return rpc;
    }

    /** Gives {@code account} a balance of {@code wei} (anvil's {@code anvil_setBalance}). */
    public void setBalance(EthAddress account, BigInteger wei) {
        setBalance(rpc, account, wei);
    }

    /** Gives {@code account} a balance of {@code wei} on the anvil behind {@code rpc} ({@code anvil_setBalance}). */
    public static void setBalance(EthRpc rpc, EthAddress account, BigInteger wei) {
        rpc.call("anvil_setBalance", List.of(new JsonValue.JsonString(account.toChecksumString()),
                new JsonValue.JsonString("0x" + wei.toString(16))));
    }

    /** Places runtime {@code code} ({@code 0x} hex) at {@code address} (anvil's {@code anvil_setCode}). */
    public void setCode(EthAddress address, String code) {
        rpc.call("anvil_setCode", List.of(new JsonValue.JsonString(address.toChecksumString()),
                new JsonValue.JsonString(code)));
    }

    @Override
    public void close() {
        rpc.close();
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.info("anvil at {} stopped", url);
    }
}
