package io.litj.cli;

import static io.litj.cli.LitjRun.litj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.DevnetConfig;
import io.litj.devnet.testing.TestRegistryFiles;
import io.litj.node.actions.IpfsCid;
import io.litj.node.registry.SqliteRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code litj action put} against a devnet folder's registry (the devnet need not run), through {@link Main}: the CID
 * printed is the CIDv0 of the file's bytes and nodes' reader finds the code under it; refusals exit with their codes
 * and store nothing.
 */
class ActionCommandTest {
    private static final String CODE = "// grüße ✓\nLit.Actions.setResponse({response: 'put'});\n";

    @TempDir
    Path temp;
    private Path data;
    private Path file;

    @BeforeEach
    void registryAndFile() throws IOException {
        data = temp.resolve("devnet");
        TestRegistryFiles.create(data, 3).close();
        file = Files.writeString(temp.resolve("action.js"), CODE, StandardCharsets.UTF_8);
    }

    @Test
    void putJson_printsTheCidOfTheFilesBytes_andTheRegistryHoldsTheCodeUnderIt() {
        LitjRun put = litj("action", "put", file.toString(), "--data", data.toString(), "--json");

        assertEquals(0, put.code(), put.err());
        JsonValue.JsonObject out = JsonReader.parseObject(put.out().strip(), LitErrorCode.InvalidArgument, "output");
        String cid = IpfsCid.v0(CODE.getBytes(StandardCharsets.UTF_8));
        assertEquals(JsonValue.object().put("cid", cid).build(), out);
        try (SqliteRegistry registry = SqliteRegistry.open(DevnetConfig.registryFileIn(data))) {
            assertEquals(Optional.of(CODE), registry.actionCode(cid));
        }
    }

    @Test
    void putText_namesTheCidAndHowToRunIt() {
        LitjRun put = litj("action", "put", file.toString(), "--data", data.toString());

        assertEquals(0, put.code(), put.err());
        String cid = IpfsCid.v0(CODE.getBytes(StandardCharsets.UTF_8));
        assertTrue(put.out().contains("stored Lit Action " + cid) && put.out().contains("ipfsId"), put.out());
    }

    @Test
    void put_missingFile_exits1() {
        LitjRun put = litj("action", "put", temp.resolve("nope.js").toString(), "--data", data.toString());

        assertEquals(Exit.LOCAL_ERROR, put.code(), put.err());
        assertTrue(put.err().contains("no such file"), put.err());
    }

    @Test
    void put_fileNotUtf8_exits1_andStoresNothing() throws IOException {
        Path bad = Files.write(temp.resolve("bad.js"), new byte[] {'/', '/', (byte) 0xc3, 0x28});

        LitjRun put = litj("action", "put", bad.toString(), "--data", data.toString());

        assertEquals(Exit.LOCAL_ERROR, put.code(), put.err());
        assertTrue(put.err().contains("not UTF-8"), put.err());
        try (SqliteRegistry registry = SqliteRegistry.open(DevnetConfig.registryFileIn(data))) {
            assertEquals(Optional.empty(), registry.actionCode(IpfsCid.v0(new byte[] {'/', '/', (byte) 0xc3, 0x28})));
        }
    }

    @Test
    void put_noDevnetInTheFolder_exits3() {
        LitjRun put = litj("action", "put", file.toString(), "--data", temp.resolve("empty").toString());

        assertEquals(Exit.NOT_RUNNING, put.code(), put.err());
        assertTrue(put.err().contains("litj devnet up"), put.err());
    }
}
