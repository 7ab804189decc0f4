package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.Devnet;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code litj encrypt} and {@code litj decrypt} against a running 3-node devnet, through {@link Main}. */
class EncryptDecryptCommandTest {
    /** Hardhat accounts #0 and #1. */
    static final String KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    static final String ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    static final String OTHER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private static final String SECRET = "a secret for the devnet";

    @TempDir
    static Path temp;

    private static Devnet devnet;
    private static Path conditions;

    @BeforeAll
    static void start() throws IOException {
        devnet = TestDevnets.start(temp.resolve("devnet"));
        conditions = temp.resolve("conditions.json");
        Files.writeString(conditions, userIs(ADDRESS));
    }

    @AfterAll
    static void stop() {
        if (devnet != null) {
            devnet.close();
        }
    }

    /** A basic condition: {@code :userAddress} equals {@code address}. */
    static String userIs(String address) {
        return "[{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"\","
                + "\"parameters\":[\":userAddress\"],\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"" + address
                + "\"}}]";
    }

    private static String keyFile(String key) {
        return LitjRun.keyFile(temp, key);
    }

    private static JsonFields encrypt(String text) {
        LitjRun run = LitjRun.litj("encrypt", "--rpc-url", devnet.rpcUrl(), "--conditions", conditions.toString(),
                "--text", text, "--json");
        assertEquals(0, run.code(), run.both());
        return new JsonFields(JsonReader.parseObject(run.out().strip(), LitErrorCode.InvalidArgument, "out"),
                LitErrorCode.InvalidArgument, "out");
    }

    private static LitjRun decrypt(String key, String ciphertext, String dataHash, String... more) {
        String[] base = {"decrypt", "--rpc-url", devnet.rpcUrl(), "--conditions", conditions.toString(),
            "--ciphertext", ciphertext, "--data-hash", dataHash, "--private-key-file", keyFile(key), "--no-store"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return LitjRun.litj(all);
    }

    @Test
    void encryptJson_printsCiphertextAndTheHashOfThePlaintext() {
        JsonFields out = encrypt(SECRET);
        assertEquals(AccIdentity.dataToEncryptHash(SECRET.getBytes(StandardCharsets.UTF_8)),
                out.string("dataToEncryptHash"));
        assertFalse(out.string("ciphertext").isEmpty());
    }

    @Test
    void decrypt_theWalletTheConditionsName_printsThePlaintext() {
        JsonFields enc = encrypt(SECRET);
        LitjRun run = decrypt(KEY, enc.string("ciphertext"), enc.string("dataToEncryptHash"));
        assertEquals(0, run.code(), run.both());
        assertEquals(SECRET, run.out().strip());
    }

    @Test
    void decrypt_out_writesTheFile() throws IOException {
        JsonFields enc = encrypt(SECRET);
        Path file = temp.resolve("plain.txt");
        LitjRun run = decrypt(KEY, enc.string("ciphertext"), enc.string("dataToEncryptHash"), "--out",
                file.toString());
        assertEquals(0, run.code(), run.both());
        assertEquals(SECRET, Files.readString(file));
        assertFalse(run.out().contains(SECRET) || run.err().contains(SECRET), run.both());
    }

    @Test
    void decrypt_anotherWallet_refusedWithTheNodesCode() {
        JsonFields enc = encrypt(SECRET);
        LitjRun run = decrypt(OTHER_KEY, enc.string("ciphertext"), enc.string("dataToEncryptHash"));
        assertEquals(Exit.REFUSED, run.code(), run.both());
        assertTrue(run.err().contains("NodeAccessControlConditionsReturnedNotAuthorized"), run.both());
        assertFalse(run.out().contains(SECRET), run.both());
    }

    @Test
    void decrypt_malformedDataHash_usageError() {
        LitjRun run = decrypt(KEY, "AAAA", "abc");
        assertEquals(Exit.USAGE, run.code(), run.both());
        assertTrue(run.err().contains("--data-hash"), run.both());
    }

    @Test
    void encrypt_missingConditionsFile_usageError() {
        LitjRun run = LitjRun.litj("encrypt", "--rpc-url", devnet.rpcUrl(), "--conditions",
                temp.resolve("none.json").toString(), "--text", "x");
        assertEquals(Exit.USAGE, run.code(), run.both());
        assertTrue(run.err().contains("cannot read --conditions"), run.both());
    }

    @Test
    void encrypt_textAndFile_usageError() {
        LitjRun run = LitjRun.litj("encrypt", "--rpc-url", devnet.rpcUrl(), "--conditions", conditions.toString(),
                "--text", "x", "--file", conditions.toString());
        assertEquals(Exit.USAGE, run.code(), run.both());
    }

    @Test
    void encrypt_tooManyConditions_usageErrorWithTheCode() throws IOException {
        Path many = temp.resolve("many.json");
        String one = userIs(ADDRESS).substring(1, userIs(ADDRESS).length() - 1);
        StringBuilder b = new StringBuilder("[").append(one);
        for (int i = 0; i < 30; i++) {
            b.append(",{\"operator\":\"and\"},").append(one);
        }
        Files.writeString(many, b.append("]").toString());
        LitjRun run = LitjRun.litj("encrypt", "--rpc-url", devnet.rpcUrl(), "--conditions", many.toString(),
                "--text", "x");
        assertEquals(Exit.USAGE, run.code(), run.both());
        assertTrue(run.err().contains("NodeTooManyConditions"), run.both());
    }

    @Test
    void decrypt_binaryPlaintextWithoutOut_refusedRatherThanPrinted() throws IOException {
        Path binary = Files.write(temp.resolve("binary.bin"), new byte[] {(byte) 0xff, 0, (byte) 0xfe, 7});
        LitjRun enc = LitjRun.litj("encrypt", "--rpc-url", devnet.rpcUrl(), "--conditions", conditions.toString(),
                "--file", binary.toString(), "--json");
        assertEquals(0, enc.code(), enc.both());
        JsonFields out = new JsonFields(JsonReader.parseObject(enc.out().strip(), LitErrorCode.InvalidArgument, "o"),
                LitErrorCode.InvalidArgument, "o");
        LitjRun run = decrypt(KEY, out.string("ciphertext"), out.string("dataToEncryptHash"));
        assertEquals(Exit.LOCAL_ERROR, run.code(), run.both());
        assertEquals("error: the plaintext is 4 bytes of binary data: use --out <file>", run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void decrypt_outExists_usageErrorBeforeAnyNodeIsAsked() throws IOException {
        Path existing = Files.writeString(temp.resolve("existing.txt"), "keep me");
        LitjRun run = decrypt(KEY, "AAAA", "ab".repeat(32), "--out", existing.toString());
        assertEquals(Exit.USAGE, run.code(), run.both());
        assertTrue(run.err().contains("exists"), run.both());
        assertEquals("keep me", Files.readString(existing));
    }
}
