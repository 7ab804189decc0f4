package io.litj.devnet.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.testing.TestRegistryFiles;
import io.litj.node.LitNodeException;
import io.litj.node.actions.IpfsCid;
import io.litj.node.registry.SqliteRegistry;
import io.litj.protocol.LitErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lit Action code the devnet's writer stores under its CID, read back as nodes read it ({@link SqliteRegistry}). */
class ActionCodeRegistryTest {
    private static final String CODE = "// ünïcode ✓\nLit.Actions.setResponse({response: 'stored'});\n";

    @TempDir
    Path dir;

    @Test
    void put_returnsTheCidOfTheUtf8Bytes_andEveryReaderFindsTheCodeByIt() {
        try (SqliteRegistryWriter writer = TestRegistryFiles.create(dir, 3);
             SqliteRegistry reader = SqliteRegistry.open(writer.file())) {
            String cid = writer.putActionCode(CODE, 1024);

            assertEquals(IpfsCid.v0(CODE.getBytes(StandardCharsets.UTF_8)), cid);
            assertEquals(Optional.of(CODE), reader.actionCode(cid));
            assertEquals(cid, writer.putActionCode(CODE, 1024), "storing it again changes nothing");
            assertEquals(Optional.of(CODE), reader.actionCode(cid));
        }
    }

    @Test
    void reader_unknownOrOverlongCids_findNothing() {
        try (SqliteRegistryWriter writer = TestRegistryFiles.create(dir, 3);
             SqliteRegistry reader = SqliteRegistry.open(writer.file())) {
            String cid = writer.putActionCode(CODE, 1024);
            String other = IpfsCid.v0("other".getBytes(StandardCharsets.UTF_8));
            for (String id : new String[] {other, cid.toLowerCase(), "", "Qm".repeat(IpfsCid.MAX_CID_CHARS)}) {
                assertEquals(Optional.empty(), reader.actionCode(id), id);
            }
        }
    }

    @Test
    void reader_registryWithoutTheTable_hasNoCode_andTheFirstPutAddsIt() throws Exception {
        try (SqliteRegistryWriter writer = TestRegistryFiles.create(dir, 3)) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + writer.file());
                 Statement s = c.createStatement()) {
                s.execute("DROP TABLE action_code");
            }
            String cid = IpfsCid.v0(CODE.getBytes(StandardCharsets.UTF_8));
            try (SqliteRegistry reader = SqliteRegistry.open(writer.file())) {
                assertEquals(Optional.empty(), reader.actionCode(cid));
                assertEquals(cid, writer.putActionCode(CODE, 1024));
                assertEquals(Optional.of(CODE), reader.actionCode(cid));
            }
        }
    }

    @Test
    void put_codeOverTheLimit_refusedWithInvalidArgument_andNothingStored() {
        try (SqliteRegistryWriter writer = TestRegistryFiles.create(dir, 3);
             SqliteRegistry reader = SqliteRegistry.open(writer.file())) {
            int bytes = CODE.getBytes(StandardCharsets.UTF_8).length;
            LitNodeException e = assertThrows(LitNodeException.class, () -> writer.putActionCode(CODE, bytes - 1));

            assertEquals(LitErrorCode.InvalidArgument, e.code());
            assertTrue(e.getMessage().contains(bytes + " bytes"), e.getMessage());
            assertEquals(Optional.empty(), reader.actionCode(IpfsCid.v0(CODE.getBytes(StandardCharsets.UTF_8))));
        }
    }
}
