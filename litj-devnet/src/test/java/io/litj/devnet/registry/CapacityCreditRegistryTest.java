package io.litj.devnet.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.testing.TestRegistryFiles;
import io.litj.node.LitNodeException;
import io.litj.node.registry.CapacityCredit;
import io.litj.node.registry.SqliteRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Capacity credits the devnet's writer mints, read back as nodes read them ({@link SqliteRegistry}). */
class CapacityCreditRegistryTest {
    private static final Instant EXPIRES = Instant.parse("2026-04-01T00:00:00Z");
    private static final EthAddress ALICE = EthAddress.parse("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "a");
    private static final EthAddress BOB = EthAddress.parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "b");

    @TempDir
    Path dir;

    @Test
    void mint_givesSequentialDecimalIds_readBackByIdOwnerAndInOrder() {
        try (SqliteRegistryWriter writer = TestRegistryFiles.create(dir, 3);
             SqliteRegistry reader = SqliteRegistry.open(writer.file())) {
            CapacityCredit first = writer.mintCapacityCredit(ALICE, 100, EXPIRES.plusMillis(900));
            CapacityCredit second = writer.mintCapacityCredit(BOB, 5, EXPIRES);
            CapacityCredit third = writer.mintCapacityCredit(ALICE, 7, EXPIRES);
            assertEquals(List.of("1", "2", "3"), List.of(first.tokenId(), second.tokenId(), third.tokenId()));
            assertEquals(EXPIRES, first.expiresAt(), "whole seconds");
            assertEquals(Optional.of(second), reader.capacityCredit("2"));
            assertEquals(List.of(first, third), reader.capacityCreditsOwnedBy(ALICE));
            assertEquals(List.of(first, second, third), reader.capacityCredits());
        }
    }

    @Test
    void reader_unknownOrMalformedIds_findNothing() {
        try (SqliteRegistryWriter writer = TestRegistryFiles.create(dir, 3);
             SqliteRegistry reader = SqliteRegistry.open(writer.file())) {
            writer.mintCapacityCredit(ALICE, 1, EXPIRES);
            for (String id : List.of("2", "01", "-1", "0x1", "", "1 ", "1e3")) {
                assertEquals(Optional.empty(), reader.capacityCredit(id), id);
            }
            assertEquals(List.of(), reader.capacityCreditsOwnedBy(BOB));
        }
    }

    @Test
    void reader_registryWithoutTheTable_hasNoCredits() throws Exception {
        try (SqliteRegistryWriter writer = TestRegistryFiles.create(dir, 3)) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + writer.file());
                 Statement s = c.createStatement()) {
                s.execute("DROP TABLE capacity_credits");
            }
            try (SqliteRegistry reader = SqliteRegistry.open(writer.file())) {
                assertEquals(List.of(), reader.capacityCredits());
                assertEquals(Optional.empty(), reader.capacityCredit("1"));
                assertEquals(List.of(), reader.capacityCreditsOwnedBy(ALICE));
            }
            assertEquals("1", writer.mintCapacityCredit(ALICE, 1, EXPIRES).tokenId(), "the first mint adds it");
        }
    }

    @Test
    void mint_lessThanOneRequest_refusedWithInvalidArgument_andNothingWritten() {
        try (SqliteRegistryWriter writer = TestRegistryFiles.create(dir, 3);
             SqliteRegistry reader = SqliteRegistry.open(writer.file())) {
            LitNodeException e = assertThrows(LitNodeException.class,
                    () -> writer.mintCapacityCredit(ALICE, 0, EXPIRES));
            assertEquals(LitErrorCode.InvalidArgument, e.code());
            assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
            assertEquals(List.of(), reader.capacityCredits());
        }
    }

    @Test
    void credit_expiry_isExpiredFromItsInstantOn() {
        CapacityCredit c = new CapacityCredit("1", ALICE, 1, EXPIRES);
        assertEquals(false, c.isExpiredAt(EXPIRES.minusSeconds(1)));
        assertEquals(true, c.isExpiredAt(EXPIRES));
        assertEquals(true, c.isExpiredAt(EXPIRES.plusSeconds(1)));
    }
}
