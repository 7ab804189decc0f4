package io.litj.node.fetch;

import io.litj.node.actions.ActionHost;
import io.litj.node.actions.ActionHostException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * The {@code fetch} global of one node's Lit Actions: HTTP/1.1 and HTTPS requests under that node's
 * {@link FetchLimits} and egress policy. {@link #forRun} gives each action run its own request count and deadline;
 * the run's host routes the prelude's {@code fetch} there. Refusals and failures reach the action as rejected
 * promises ({@code TypeError} with the message), never as host exceptions.
 *
 * <p>Why not the JDK {@code HttpClient}: it resolves host names itself and cannot be told which address to connect
 * to, so a name could resolve to a public address for the check and to a private one for the connection (DNS
 * rebinding). This fetcher resolves once, checks, and connects the socket to the address it checked.
 *
 * <p>Thread-safe. Security: logs nothing of the requests (URLs can carry secrets in query strings).
 */
public final class ActionFetcher {
    /** Most resolved addresses looked at for one host. */
    static final int MAX_ADDRESSES = 16;

    private final FetchLimits limits;
    private final EgressPolicy policy;
    private final HostResolver resolver;
    private final Clock clock;
    private final SSLSocketFactory tls;

    /** A fetcher with the system resolver, the JDK's trusted certificates and the system clock. */
    public ActionFetcher(FetchLimits limits) {
        this(limits, HostResolver.SYSTEM, Clock.systemUTC(), defaultTls());
    }

    ActionFetcher(FetchLimits limits, HostResolver resolver, Clock clock, SSLSocketFactory tls) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.policy = new EgressPolicy(limits.rules());
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tls = Objects.requireNonNull(tls, "tls");
    }

    /**
     * The {@code fetch} host function of one action run that may last at most {@code actionTimeout} from now; it
     * answers the function name {@code "fetch"} only.
     */
    public ActionHost forRun(Duration actionTimeout) {
        return new FetchRun(this, clock.instant().plus(actionTimeout));
    }

    /** The limits every run of this fetcher counts against. */
    public FetchLimits limits() {
        return limits;
    }

    EgressPolicy policy() {
        return policy;
    }

    Clock clock() {
        return clock;
    }

    SSLSocketFactory tls() {
        return tls;
    }

    /** The addresses of {@code host} (at most {@value #MAX_ADDRESSES}), waiting no longer than the deadline. */
    List<InetAddress> resolve(String host, Deadline deadline, String url) {
        CompletableFuture<List<InetAddress>> lookup = new CompletableFuture<>();
        Thread.ofVirtual().name("litj-fetch-resolve").start(() -> {
            try {
                lookup.complete(resolver.resolve(host));
            } catch (UnknownHostException | RuntimeException e) {
                lookup.completeExceptionally(e);
            }
        });
        try {
            List<InetAddress> addresses = lookup.get(deadline.remainingMillis(url), TimeUnit.MILLISECONDS);
            if (addresses.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return addresses.size() > MAX_ADDRESSES ? addresses.subList(0, MAX_ADDRESSES) : addresses;
        } catch (TimeoutException e) {
            throw deadline.timedOut(url);
        } catch (ExecutionException | UnknownHostException e) {
            throw new ActionHostException("fetch failed: " + url + ": the host name does not resolve");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionHostException("fetch failed: " + url + ": interrupted");
        }
    }

    private static SSLSocketFactory defaultTls() {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }
}
