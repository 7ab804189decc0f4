package io.litj.node.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Lit Action thread logs with the request's SLF4J MDC: {@link ActionLogContextMain}, in its own JVM with the JSON
 * log provider, runs actions whose host function fails from callers with their own request id and node, in turn and
 * four at once; the runtime's line about each failure, written on the action thread, carries exactly its caller's
 * {@code requestId} and {@code node} — also on a pooled thread that served another request before — and none when
 * the caller had none.
 */
class ActionLogContextTest {
    private static final Pattern FAILED = Pattern.compile("Lit Action host function (\\w+) failed");

    @TempDir
    Path dir;

    @Test
    void actionThreadLines_carryTheirCallersRequestIdAndNode_andNoneWithoutOne() throws Exception {
        Path out = dir.resolve("child.out");
        Path err = dir.resolve("child.err");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Dslf4j.provider=io.litj.node.log.JsonLogProvider",
                "-cp", System.getProperty("java.class.path"), ActionLogContextMain.class.getName())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!child.waitFor(ActionLogContextMain.HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
            fail("the child did not end within " + ActionLogContextMain.HANG_GUARD.toSeconds() + " s");
        }
        String log = Files.readString(err);
        assertEquals(0, child.exitValue(), () -> "exit code; stdout " + read(out) + "\nstderr " + log);
        List<String> answers = Files.readAllLines(out);
        assertEquals(ActionLogContextMain.RUNS.size(), answers.size(), answers::toString);
        for (String a : answers) {
            assertTrue(a.endsWith(": LitActions." + a.substring(0, a.indexOf(':')) + ": internal error"), a);
        }

        Map<String, Map<String, String>> seen = new TreeMap<>();
        for (String line : log.split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonValue.JsonObject o = JsonReader.parseObject(line, LitErrorCode.NodeBadInput, "log line");
            Matcher m = FAILED.matcher(text(o, "message"));
            if (m.matches()) {
                Map<String, String> context = new HashMap<>();
                for (String key : List.of("requestId", "node")) {
                    o.get(key).ifPresent(v -> context.put(key, ((JsonValue.JsonString) v).value()));
                }
                assertEquals(null, seen.put(m.group(1), context), "two lines for " + m.group(1));
            }
        }
        assertEquals(new TreeMap<>(ActionLogContextMain.RUNS), seen, log);
    }

    private static String text(JsonValue.JsonObject o, String field) {
        return o.get(field).orElse(null) instanceof JsonValue.JsonString s ? s.value() : "";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
