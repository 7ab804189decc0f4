package io.litj.devnet.testing;

import io.litj.devnet.registry.SqliteRegistryWriter;
import io.litj.node.registry.TestRegistries;
import java.nio.file.Path;

/** Registry files for devnet tests: the fixed network and nodes of {@link TestRegistries}, written for real. */
public final class TestRegistryFiles {
    private TestRegistryFiles() {
    }

    /** A new registry of {@code n} nodes at {@code dir/registry.sqlite}, without blocks, open for writing. */
    public static SqliteRegistryWriter create(Path dir, int n) {
        return SqliteRegistryWriter.create(dir.resolve("registry.sqlite"), TestRegistries.network(n),
                TestRegistries.nodes(n));
    }
}
