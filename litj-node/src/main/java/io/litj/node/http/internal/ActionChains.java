package io.litj.node.http.internal;

import io.litj.node.ChainConfig;
import io.litj.node.LitNodeException;
import io.litj.node.acc.ChainRpc;
import io.litj.node.actions.ActionHost;
import io.litj.node.actions.ActionHostException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The chain functions of a node's Lit Actions, over the node's configured {@code chains} ({@link ChainConfig}, the
 * same JSON-RPC endpoints access-control conditions use):
 * <ul>
 *   <li>{@code getRpcUrl({chain})} resolves to the chain's JSON-RPC URL as configured (Datil answers its own RPC
 *   config the same way; operators should not put secrets in these URLs);</li>
 *   <li>{@code getLatestNonce({address, chain})} resolves to the address's transaction count at the latest block
 *   ({@code eth_getTransactionCount}) as Datil writes it: {@code 0x} and lowercase hex without leading zeros
 *   ({@code "0x0"}, {@code "0x1b"}). {@code address} is 40 hex digits, with or without {@code 0x}.</li>
 * </ul>
 * A chain that is not configured rejects with {@code NodeChainNotConfigured: chain X is not configured on this node
 * (configured: [...])} (Datil's {@code getRpcUrl} resolves to an error text instead). Bounds, checked before any
 * call: {@code chain} at most 64 characters, {@code address} its exact form, at most
 * {@link ChainConfig#maxCallsPerRequest()} chain calls per action run (children included), each waiting no longer
 * than the node's {@link ChainConfig#rpcTimeout()} nor past the action's deadline. Thread-safe.
 */
public final class ActionChains {
    /** The functions this host answers. */
    static final List<String> FUNCTIONS = List.of("getRpcUrl", "getLatestNonce");
    static final int MAX_CHAIN_CHARS = 64;
    private static final Pattern ADDRESS = Pattern.compile("(0[xX])?[0-9a-fA-F]{40}");
    private static final Pattern QUANTITY = Pattern.compile("0x[0-9a-fA-F]{1,64}");

    private final ChainConfig config;
    private final ChainRpc rpc;

    public ActionChains(ChainConfig config, ChainRpc rpc) {
        this.config = Objects.requireNonNull(config, "config");
        this.rpc = Objects.requireNonNull(rpc, "rpc");
    }

    /** The functions of one action run (and its children) that may last at most {@code timeout} from now. */
    Run forRun(Duration timeout) {
        return new Run(System.nanoTime() + timeout.toNanos());
    }

    /** The chain functions of one run: its call count and deadline. */
    final class Run implements ActionHost {
        private final long deadlineNanos;
        private final AtomicInteger calls = new AtomicInteger();

        private Run(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public String call(String function, String argsJson) {
            JsonValue.JsonObject args = PermissionArgs.object(argsJson, function, "LitActions." + function
                    + " expects an argument object");
            String chain = PermissionArgs.string(args, "chain", MAX_CHAIN_CHARS);
            if (chain.isBlank()) {
                throw new ActionHostException("chain must not be blank");
            }
            URI url = config.chains().get(chain);
            if (function.equals("getLatestNonce")) {
                String address = PermissionArgs.string(args, "address", 42);
                if (!ADDRESS.matcher(address).matches()) {
                    throw new ActionHostException("address must be 40 hex digits, with or without 0x");
                }
                known(chain, url);
                return JsJson.quote(nonce(chain, "0x" + address.substring(address.length() - 40).toLowerCase(
                        java.util.Locale.ROOT)));
            }
            return JsJson.quote(known(chain, url).toString());
        }

        private URI known(String chain, URI url) {
            if (url == null) {
                throw new ActionHostException(LitErrorCode.NodeChainNotConfigured.wireName() + ": chain "
                        + Text.cut(chain) + " is not configured on this node (configured: "
                        + config.chains().keySet().stream().sorted().toList() + ")");
            }
            return url;
        }

        private String nonce(String chain, String address) {
            if (calls.incrementAndGet() > config.maxCallsPerRequest()) {
                throw new ActionHostException("an action may make at most " + config.maxCallsPerRequest()
                        + " chain calls");
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new ActionHostException("the action has no time left for a chain call");
            }
            CompletableFuture<JsonValue> answer = CompletableFuture.supplyAsync(() -> rpc.call(chain,
                    "eth_getTransactionCount", List.of(new JsonValue.JsonString(address),
                            new JsonValue.JsonString("latest"))), r -> Thread.ofVirtual().start(r));
            JsonValue count;
            try {
                count = answer.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                answer.cancel(true);
                throw new ActionHostException("eth_getTransactionCount on chain " + Text.cut(chain)
                        + ": no answer before the action's deadline");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof LitNodeException n) {
                    throw new ActionHostException(n.code().wireName() + ": " + n.getMessage());
                }
                throw new IllegalStateException("chain call failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ActionHostException("interrupted");
            }
            if (!(count instanceof JsonValue.JsonString s) || !QUANTITY.matcher(s.value()).matches()) {
                throw new ActionHostException("eth_getTransactionCount on chain " + Text.cut(chain)
                        + " answered no quantity: " + Text.cut(JsJson.stringify(count)));
            }
            return "0x" + new BigInteger(s.value().substring(2), 16).toString(16);
        }
    }
}
