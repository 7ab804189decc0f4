package io.litj.cli;

import io.litj.node.ratelimit.CapacityMode;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a running devnet publishes in {@code <data>/devnet.json} so that {@code litj devnet status|down} (and
 * scripts) can find it: the process id, the URLs, the network's BLS public key ({@code networkPublicKey}, left
 * out when the network has none) and how its nodes enforce capacity credits ({@code capacityMode}). The same JSON line is printed by {@code devnet up --json}.
 */
record DevnetState(long pid, String rpcUrl, String blockHashUrl, List<String> nodes, String networkPublicKey,
                   String capacityMode) {
    static final String FILE = "devnet.json";

    DevnetState {
        nodes = List.copyOf(nodes);
        networkPublicKey = networkPublicKey == null ? "" : networkPublicKey;
        capacityMode = capacityMode == null ? CapacityMode.OFF.wireName() : capacityMode;
    }

    String toJson() {
        List<JsonValue> urls = new ArrayList<>();
        nodes.forEach(n -> urls.add(new JsonValue.JsonString(n)));
        JsonValue.ObjectBuilder b = JsonValue.object().put("rpcUrl", rpcUrl).put("blockHashUrl", blockHashUrl)
                .put("nodes", new JsonValue.JsonArray(urls));
        if (!networkPublicKey.isEmpty()) {
            b.put("networkPublicKey", networkPublicKey);
        }
        return JsJson.stringify(b.put("capacityMode", capacityMode).put("pid", new JsonValue.JsonNumber(pid)).build());
    }

    void write(Path dataDir) throws IOException {
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.writeString(tmp, toJson() + "\n");
        Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static Optional<DevnetState> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonValue.JsonObject o = JsonReader.parseObject(Files.readString(file), LitErrorCode.InvalidArgument,
                    file.toString());
            JsonFields f = new JsonFields(o, LitErrorCode.InvalidArgument, file.toString());
            List<String> nodes = new ArrayList<>();
            f.array("nodes").forEach(v -> nodes.add(((JsonValue.JsonString) v).value()));
            return Optional.of(new DevnetState(f.integer("pid"), f.string("rpcUrl"), f.string("blockHashUrl"),
                    nodes, f.optionalString("networkPublicKey").orElse(""),
                    f.optionalString("capacityMode").orElse(CapacityMode.OFF.wireName())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException ignored) {
            // best effort: a stale file is detected by its dead pid
        }
    }
}
