package io.litj.devnet.registry;

import io.litj.node.registry.Block;
import io.litj.node.registry.SqliteRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a separate JVM by {@code SqliteRegistryWriterTest}: opens the registry {@code args[0]} and writes
 * "{@code <latest number> <latest hash> <node count>}" to the file {@code args[1]}.
 */
public final class RegistryReaderMain {
    private RegistryReaderMain() {
    }

    public static void main(String[] args) throws IOException {
        try (SqliteRegistry registry = SqliteRegistry.open(Path.of(args[0]))) {
            Block latest = registry.latestBlock();
            Files.writeString(Path.of(args[1]), latest.number() + " " + latest.hash() + " "
                    + registry.nodes().size());
        }
    }
}
