package io.litj.node.actions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a separate JVM with a small heap by {@code ActionRuntimeMemoryTest}: eight Lit Actions that allocate
 * without end (arrays of numbers, small objects, strings, array buffers; two of each) start at once on a runtime
 * with default limits except an unlimited statement count and a 5-minute timeout, so that only the memory guard can
 * stop them. Meanwhile a plain Java thread keeps allocating like node work, and another keeps running a small
 * healthy action. Prints one line per allocator ({@code allocator N: CODE message}), then
 * {@code healthy: ok=N failed=[…]}, {@code java-thread failures: […]}, {@code uncaught: […]} and the outcome of a
 * healthy action run after the storm ({@code after: …}).
 */
public final class MemoryStormMain {
    static final List<String> ALLOCATORS = List.of(
            "const keep = []; while (true) keep.push(new Array(100000).fill(1.5));",
            "const keep = []; while (true) keep.push({a: Math.random(), b: [1, 2, 3]});",
            "const keep = []; while (true) keep.push('s'.repeat(1e6) + Math.random());",
            "const keep = []; while (true) keep.push(new ArrayBuffer(4e6));");
    private static final String HEALTHY = "LitActions.setResponse({response: 'ok'});";

    private MemoryStormMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> uncaught = new ConcurrentHashMap<>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.merge(t.getName() + ": " + e, 1, Integer::sum));
        ActionRuntime runtime = new ActionRuntime(ActionLimits.defaults().withTimeout(ActionLimits.MAX_TIMEOUT)
                .withMaxStatements(Long.MAX_VALUE));
        AtomicBoolean stormOver = new AtomicBoolean();
        AtomicInteger healthyOk = new AtomicInteger();
        Map<String, Integer> healthyFailed = new ConcurrentHashMap<>();
        Map<String, Integer> javaFailed = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> allocators = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String code = ALLOCATORS.get(i % ALLOCATORS.size());
                allocators.add(pool.submit(() -> outcome(runtime, code)));
            }
            Thread java = Thread.ofPlatform().name("node-work").start(() -> {
                byte[][] window = new byte[64][];
                for (int i = 0; !stormOver.get(); i++) {
                    try {
                        window[i % window.length] = new byte[64 * 1024];
                    } catch (Throwable e) {
                        javaFailed.merge(e.toString(), 1, Integer::sum);
                    }
                }
            });
            Future<?> healthy = pool.submit(() -> {
                while (!stormOver.get()) {
                    String r = outcome(runtime, HEALTHY);
                    if (r.equals("ok")) {
                        healthyOk.incrementAndGet();
                    } else {
                        healthyFailed.merge(r, 1, Integer::sum);
                    }
                }
            });
            for (int i = 0; i < allocators.size(); i++) {
                System.out.println("allocator " + i + ": " + allocators.get(i).get());
            }
            stormOver.set(true);
            healthy.get();
            java.join();
        }
        System.out.println("healthy: ok=" + healthyOk + " failed=" + healthyFailed.keySet());
        System.out.println("java-thread failures: " + javaFailed.keySet());
        System.out.println("uncaught: " + uncaught.keySet());
        System.gc();
        System.out.println("after: " + outcome(runtime, HEALTHY));
        runtime.close();
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static String outcome(ActionRuntime runtime, String code) {
        try {
            return runtime.run(ActionRequest.of(code)).response();
        } catch (ActionException e) {
            return e.code() + " " + e.getMessage();
        } catch (Throwable e) {
            return "unexpected " + e;
        }
    }

    /** How long the child may take: generous, it only guards against a hang. */
    static final Duration HANG_GUARD = Duration.ofMinutes(3);
}
