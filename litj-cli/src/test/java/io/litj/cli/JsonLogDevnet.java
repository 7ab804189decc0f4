package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code LITJ_LOG_FORMAT=json litj devnet up --nodes 3 --json --verbose} as its own OS process for a test: its state
 * line (rpcUrl, blockHashUrl, nodes …) read at start, its log (stderr) kept in a file; {@link #close()} stops it
 * (SIGTERM, forcibly if it has not stopped within 30 s), after which {@link #logLines()} reads the whole log.
 */
final class JsonLogDevnet implements AutoCloseable {
    private final Process process;
    private final BufferedReader stdout;
    private final Path log;
    private final JsonValue.JsonObject state;

    private JsonLogDevnet(Process process, BufferedReader stdout, Path log, JsonValue.JsonObject state) {
        this.process = process;
        this.stdout = stdout;
        this.log = log;
        this.state = state;
    }

    /** Starts the devnet with its data in {@code dir} and waits for its state line. */
    static JsonLogDevnet start(Path dir) throws IOException {
        Path log = dir.resolve("stderr.log");
        ProcessBuilder pb = new ProcessBuilder(NodeProcess.javaCommand("devnet", "up", "--nodes", "3", "--data",
                dir.resolve("devnet").toString(), "--rpc-port", "0", "--base-port", "0", "--json", "--verbose"))
                .redirectError(log.toFile());
        pb.environment().put("LITJ_LOG_FORMAT", "json");
        Process process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String first = out.readLine(); // null once the process has ended without one
        if (first == null || !first.startsWith("{")) {
            process.destroyForcibly();
            assertTrue(false, "devnet did not start: " + first + "\n" + (Files.exists(log) ? Files.readString(log)
                    : ""));
        }
        return new JsonLogDevnet(process, out, log,
                JsonReader.parseObject(first, LitErrorCode.NodeBadInput, "devnet state"));
    }

    /** The state line {@code devnet up --json} printed. */
    JsonValue.JsonObject state() {
        return state;
    }

    String rpcUrl() {
        return text(state, "rpcUrl");
    }

    String blockHashUrl() {
        return text(state, "blockHashUrl");
    }

    /** The node URLs, by index. */
    List<String> nodeUrls() {
        return ((JsonValue.JsonArray) state.get("nodes").orElseThrow()).items().stream()
                .map(v -> ((JsonValue.JsonString) v).value()).toList();
    }

    /** All the log text so far (complete once closed). */
    String logText() throws IOException {
        return Files.readString(log);
    }

    /**
     * The log's lines as JSON objects, each checked to be one with {@code time}, {@code level}, {@code logger} and
     * {@code message} strings; the command's own {@code litj: } progress messages to its user are left out.
     */
    List<JsonValue.JsonObject> logLines() throws IOException {
        List<JsonValue.JsonObject> lines = new ArrayList<>();
        for (String line : logText().split("\n")) {
            if (line.isBlank() || line.startsWith("litj: ")) {
                continue;
            }
            assertTrue(line.startsWith("{"), "a line that is not JSON: " + line);
            JsonValue.JsonObject o = JsonReader.parseObject(line, LitErrorCode.NodeBadInput, "log line");
            for (String field : List.of("time", "level", "logger", "message")) {
                assertTrue(o.get(field).orElse(null) instanceof JsonValue.JsonString, field + " in " + line);
            }
            lines.add(o);
        }
        return lines;
    }

    /** The string member {@code field} of {@code o}, or {@code ""}. */
    static String text(JsonValue.JsonObject o, String field) {
        return o.get(field).orElse(null) instanceof JsonValue.JsonString s ? s.value() : "";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        stdout.close();
    }
}
