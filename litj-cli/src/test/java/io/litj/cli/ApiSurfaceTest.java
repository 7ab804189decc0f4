package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.protocol.testing.ApiSurface;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The public types of litj-cli are exactly those listed in {@code api/public-types.txt} (style rule R1); the
 * application module exports none of them and opens its commands only to picocli, which reads them reflectively.
 */
class ApiSurfaceTest {
    @Test
    void publicTypes_matchTheReviewedList() {
        assertEquals(String.join("\n", ApiSurface.expected()), String.join("\n", ApiSurface.publicTypes(Main.class)));
    }

    @Test
    void moduleDescriptor_exportsNothingAndOpensCommandsOnlyToPicocli() {
        ModuleDescriptor descriptor = ApiSurface.descriptor(Main.class);
        assertEquals(Set.of(), descriptor.exports());
        assertEquals(List.of("io.litj.cli to [info.picocli]"),
                descriptor.opens().stream().map(o -> o.source() + " to " + o.targets()).toList());
    }
}
