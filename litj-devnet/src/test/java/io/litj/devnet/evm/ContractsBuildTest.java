package io.litj.devnet.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.testing.NodeJs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed contract build is what the pinned solc makes of {@code contracts/src}, and every function and event
 * of litj's contracts has the signature Lit's ABIs (as shipped to the JS SDK 7.4.0) give it: the compatibility proof.
 * Both checks are run by the scripts in {@code interop/}; the refusal tests break a copy of the build and expect the
 * scripts to name what broke.
 */
class ContractsBuildTest {
    @TempDir
    Path temp;

    @Test
    void freshCompile_findsTheCommittedBytecode() {
        String out = NodeJs.runScript("contracts-build.mjs", "--check");
        assertTrue(out.contains("\"checked\":true"), out);
        assertTrue(out.contains("\"PKPHelper\""), out);
    }

    @Test
    void changedBytecode_isFoundByTheRecompile() throws IOException {
        Path copy = copyOfBuild();
        Path staking = copy.resolve("Staking.json");
        String text = Files.readString(staking);
        Matcher code = Pattern.compile("\"deployedBytecode\": \"0x([0-9a-f]{8})").matcher(text);
        assertTrue(code.find(), "Staking.json has deployed bytecode");
        String flipped = code.group(1).substring(0, 7) + (code.group(1).charAt(7) == '0' ? '1' : '0');
        Files.writeString(staking, text.substring(0, code.start(1)) + flipped + text.substring(code.end(1)));
        String err = NodeJs.runScriptExpectingFailure("contracts-build.mjs", "--check", copy.toString());
        assertTrue(err.contains("committed build differs from a fresh compile: Staking"), err);
    }

    @Test
    void everyFunctionAndEvent_hasLitsSignature() {
        String out = NodeJs.runScript("contracts-abi-check.mjs");
        Matcher checked = Pattern.compile("\\{\"checked\":(\\d+)}").matcher(out.trim());
        assertTrue(checked.matches(), out);
        assertTrue(Integer.parseInt(checked.group(1)) > 100, "checked " + checked.group(1) + " entries");
    }

    @Test
    void aReturnTypeUnlikeLits_isRefused() throws IOException {
        Path copy = copyOfBuild();
        Path file = copy.resolve("RateLimitNFT.json");
        String text = Files.readString(file);
        String marker = "\"name\": \"tokenIdCounter\",\n      \"outputs\": [\n        {\n          \"internalType\": "
                + "\"uint256\",\n          \"name\": \"\",\n          \"type\": \"uint256\"";
        assertTrue(text.contains(marker), "RateLimitNFT.json lists tokenIdCounter() returns (uint256)");
        Files.writeString(file, text.replace(marker, marker.replace("\"type\": \"uint256\"", "\"type\": \"uint128\"")));
        String err = NodeJs.runScriptExpectingFailure("contracts-abi-check.mjs", copy.toString());
        assertEquals("RateLimitNFT.tokenIdCounter()->(uint128) differs from Lit's tokenIdCounter()->(uint256)",
                err.trim());
    }

    @Test
    void aFunctionLitDoesNotHave_isRefusedUnlessListed() throws IOException {
        Path copy = copyOfBuild();
        Path file = copy.resolve("PKPNFT.json");
        String text = Files.readString(file);
        Files.writeString(file, text.replace("\"name\": \"mintNext\"", "\"name\": \"mintNextFree\""));
        String err = NodeJs.runScriptExpectingFailure("contracts-abi-check.mjs", copy.toString());
        assertEquals("PKPNFT.mintNextFree(uint256)->(uint256) payable: not in Lit's ABI and not listed as litj-only",
                err.trim());
    }

    @Test
    void aContractLitDoesNotShip_isRefusedUnlessListed() throws IOException {
        Path copy = copyOfBuild();
        Path file = copy.resolve("TestMultisigWallet.json");
        String text = Files.readString(file);
        assertTrue(text.contains("\"contractName\": \"TestMultisigWallet\""), "the test wallet is built");
        Files.writeString(file, text.replace("\"contractName\": \"TestMultisigWallet\"",
                "\"contractName\": \"UnlistedWallet\""));
        String err = NodeJs.runScriptExpectingFailure("contracts-abi-check.mjs", copy.toString());
        assertEquals("UnlistedWallet: Lit ships no contract of this name", err.trim());
    }

    private Path copyOfBuild() throws IOException {
        Path build = NodeJs.findInteropDir().orElseThrow().resolveSibling("contracts").resolve("build");
        Path copy = Files.createDirectories(temp.resolve("build"));
        try (Stream<Path> files = Files.list(build)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }
}
