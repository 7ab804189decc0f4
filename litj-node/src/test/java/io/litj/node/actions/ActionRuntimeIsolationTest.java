package io.litj.node.actions;

import static io.litj.node.actions.SharedRuntime.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** No way out of the sandbox, and no way into another execution. */
class ActionRuntimeIsolationTest {
    private static String respond(String code) {
        return SharedRuntime.get().run(ActionRequest.of(code)).response();
    }

    @Test
    void run_hostAndShellGlobals_areAbsent() {
        String names = "Java, Polyglot, Packages, java, javax, require, process, module, load, loadWithNewGlobal, "
                + "print, printErr, quit, exit, readline, read, readbuffer, Graal, Deno, arguments, importScripts, "
                + "Worker";
        String code = "const found = [];\n"
                + "for (const name of '" + names + "'.split(', ')) {\n"
                + "  if (typeof globalThis[name] !== 'undefined') found.push(name);\n"
                + "}\n"
                + "LitActions.setResponse({response: found.join(',')});";
        assertEquals("", respond(code));
    }

    @Test
    void run_fetch_isTheNodesPolicedGlobal_notTheEngines() {
        // fetch exists (as in Deno), but its requests go through the node's host and egress policy (io.litj.node
        // .fetch); a run without a host has no network at all
        assertEquals("function|TypeError: fetch is not available in this Lit Action", respond("""
                (async () => {
                  let r;
                  try { await fetch('http://127.0.0.1:1/'); r = 'fetched'; } catch (e) { r = e.name + ': ' + e.message; }
                  LitActions.setResponse({response: typeof fetch + '|' + r});
                })();"""));
    }

    @Test
    void run_javaTypeLookup_failsWithReferenceError() {
        ActionException e = assertThrows(ActionException.class,
                () -> SharedRuntime.get().run(ActionRequest.of("Java.type('java.lang.System').exit(1);")));
        assertEquals(LitErrorCode.NodeJsExecutionError, e.code());
        assertTrue(e.getMessage().startsWith("Uncaught ReferenceError: Java is not defined"), e.getMessage());
    }

    @Test
    void run_polyglotEvalThroughFunctionConstructor_failsWithReferenceError() {
        ActionException e = assertThrows(ActionException.class, () -> SharedRuntime.get().run(ActionRequest.of(
                "new Function('return Polyglot')().eval('python', '1');")));
        assertTrue(e.getMessage().startsWith("Uncaught ReferenceError: Polyglot is not defined"), e.getMessage());
    }

    @Test
    void run_dynamicImportOfLocalFile_isBlocked() {
        assertEquals("blocked", respond("""
                (async () => {
                  try {
                    await import('/etc/passwd');
                    LitActions.setResponse({response: 'loaded'});
                  } catch (e) {
                    LitActions.setResponse({response: 'blocked'});
                  }
                })();
                """));
    }

    @Test
    void run_atomicsWait_cannotBlockTheThread() {
        ActionException e = assertThrows(ActionException.class, () -> SharedRuntime.get().run(ActionRequest.of(
                "Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);")));
        assertEquals(LitErrorCode.NodeJsExecutionError, e.code());
    }

    @Test
    void run_sixteenInParallelOnVirtualThreads_eachGetsItsOwnGlobalsAndLogs() throws Exception {
        String code = """
                if (typeof mine !== 'undefined') throw new Error('saw another execution');
                var mine = id;
                console.log('id', id);
                (async () => {
                  for (let i = 0; i < 200; i++) await null;
                  if (mine !== id || jsParams.id !== id) throw new Error('cross-talk');
                  LitActions.setResponse({response: 'r' + id + ':' + word});
                })();
                """;
        int n = 16;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ActionResult>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                String params = "{\"id\":" + i + ",\"word\":\"w" + i + "\"}";
                results.add(pool.submit(() -> {
                    go.await();
                    return SharedRuntime.get().run(ActionRequest.of(code, json(params)));
                }));
            }
            go.countDown();
            for (int i = 0; i < n; i++) {
                assertEquals(new ActionResult("r" + i + ":w" + i, "id " + i + "\n", true), results.get(i).get());
            }
        }
    }
}
