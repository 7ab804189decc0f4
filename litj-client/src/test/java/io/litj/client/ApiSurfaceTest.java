package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.protocol.testing.ApiSurface;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public types of litj-client are exactly those listed in {@code api/public-types.txt} (style rule R1). */
class ApiSurfaceTest {
    @Test
    void publicTypes_matchTheReviewedList() {
        assertEquals(String.join("\n", ApiSurface.expected()), String.join("\n", ApiSurface.publicTypes(LitClient.class)));
    }

    @Test
    void publicSignatures_neverMentionInternalTypes() {
        assertEquals(List.of(), ApiSurface.internalLeaks(LitClient.class));
    }

    @Test
    void moduleDescriptor_exportsExactlyThePackagesOfTheListedTypes() {
        assertEquals(List.of(), ApiSurface.exportProblems(LitClient.class));
    }
}
