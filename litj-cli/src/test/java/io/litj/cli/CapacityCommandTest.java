package io.litj.cli;

import static io.litj.cli.LitjRun.litj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.testing.TestRegistryFiles;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code litj capacity mint|list|show} against a devnet folder's registry (the devnet need not run), through
 * {@link Main}: JSON output, text output, and each refused argument with its exit code.
 */
class CapacityCommandTest {
    private static final String OWNER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @TempDir
    Path temp;
    private Path data;

    private static JsonFields json(String text) {
        return new JsonFields(JsonReader.parseObject(text.strip(), LitErrorCode.InvalidArgument, "output"),
                LitErrorCode.InvalidArgument, "output");
    }

    @BeforeEach
    void registry() {
        data = temp.resolve("devnet");
        TestRegistryFiles.create(data, 3).close();
    }

    @Test
    void mintJson_thenListAndShow_reportTheCredit() {
        Instant before = Instant.now();
        LitjRun minted = litj("capacity", "mint", "--owner", OWNER.toLowerCase(), "--requests-per-kilosecond", "250",
                "--days", "3", "--data", data.toString(), "--json");
        assertEquals(0, minted.code(), minted.err());
        JsonFields m = json(minted.out());
        assertEquals("1", m.string("tokenId"));
        assertEquals(OWNER, m.string("owner"), "printed in checksum form");
        assertEquals(250, m.integer("requestsPerKilosecond"));
        Instant expires = Instant.parse(m.string("expiresAt"));
        assertTrue(!expires.isBefore(before.plus(Duration.ofDays(3)).minusSeconds(1))
                && !expires.isAfter(Instant.now().plus(Duration.ofDays(3))), expires.toString());

        LitjRun second = litj("capacity", "mint", "--owner", OWNER, "--requests-per-kilosecond", "1", "--days", "1",
                "--data", data.toString(), "--json");
        assertEquals("2", json(second.out()).string("tokenId"));

        LitjRun list = litj("capacity", "list", "--data", data.toString(), "--json");
        assertEquals(0, list.code(), list.err());
        List<JsonValue> items = ((JsonValue.JsonArray) JsonReader.parse(list.out().strip(), LitErrorCode.InvalidArgument,
                "list")).items();
        assertEquals(2, items.size());
        assertEquals(minted.out().strip(), io.litj.protocol.json.JsJson.stringify(items.getFirst()));

        LitjRun show = litj("capacity", "show", "2", "--data", data.toString());
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("capacity credit 2") && show.out().contains(OWNER), show.out());
    }

    @Test
    void list_empty_saysHowToMint() {
        LitjRun list = litj("capacity", "list", "--data", data.toString());
        assertEquals(0, list.code());
        assertTrue(list.out().contains("litj capacity mint --owner"), list.out());
    }

    @Test
    void mint_badArguments_exitWithUsage_andWriteNothing() {
        String[][] bad = {
            {"--owner", "0x1234", "--requests-per-kilosecond", "1", "--days", "1"},
            {"--owner", "0x70997970C51812DC3A010C7D01B50E0D17DC79c8", "--requests-per-kilosecond", "1", "--days", "1"},
            {"--owner", OWNER, "--requests-per-kilosecond", "0", "--days", "1"},
            {"--owner", OWNER, "--requests-per-kilosecond", "1", "--days", "0"},
            {"--owner", OWNER, "--requests-per-kilosecond", "1", "--days", "3651"},
            {"--owner", OWNER, "--days", "1"},
        };
        for (String[] args : bad) {
            String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("capacity", "mint", "--data",
                    data.toString()), java.util.Arrays.stream(args)).toArray(String[]::new);
            LitjRun r = litj(all);
            assertEquals(Exit.USAGE, r.code(), String.join(" ", args) + " -> " + r.err());
        }
        assertEquals("[]", litj("capacity", "list", "--data", data.toString(), "--json").out().strip());
    }

    @Test
    void show_unknownOrMalformedId_failsClearly() {
        LitjRun unknown = litj("capacity", "show", "9", "--data", data.toString());
        assertEquals(Exit.LOCAL_ERROR, unknown.code());
        assertTrue(unknown.err().contains("no capacity credit 9"), unknown.err());
        LitjRun malformed = litj("capacity", "show", "0x09", "--data", data.toString());
        assertEquals(Exit.USAGE, malformed.code());
        assertTrue(malformed.err().contains("is no capacity token id"), malformed.err());
    }

    @Test
    void noDevnet_exitsNotRunning() {
        Path empty = temp.resolve("none");
        assertEquals(Exit.NOT_RUNNING, litj("capacity", "mint", "--owner", OWNER, "--requests-per-kilosecond", "1",
                "--days", "1", "--data", empty.toString()).code());
        assertEquals(Exit.NOT_RUNNING, litj("capacity", "list", "--data", empty.toString()).code());
    }

    @Test
    void devnetState_publishesTheCapacityMode() throws Exception {
        new DevnetState(1, "http://127.0.0.1:1", "http://127.0.0.1:1/b", List.of("http://127.0.0.1:2"), "",
                "allocation").write(data);
        assertEquals("allocation", DevnetState.read(data).orElseThrow().capacityMode());
        assertTrue(new DevnetState(1, "u", "b", List.of(), "", "allocation").toJson()
                .contains("\"capacityMode\":\"allocation\""));
    }
}
