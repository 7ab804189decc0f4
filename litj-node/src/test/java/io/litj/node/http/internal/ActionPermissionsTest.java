package io.litj.node.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.actions.ActionHostException;
import io.litj.node.actions.IpfsCid;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.node.testing.InMemoryRegistry;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.LitErrorCode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The permission functions answer from the registry with Datil's shapes, and refuse malformed arguments. */
class ActionPermissionsTest {
    private static final String WALLET = "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf";
    private static final String CID = IpfsCid.v0("permitted action".getBytes(StandardCharsets.UTF_8));
    private static final byte[] KEY = Hex.decode("04" + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
            + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8", "key");
    private static final Pkp PKP = Pkp.of(KEY, List.of(
            new PkpPermission(PkpPermission.ETH_WALLET, WALLET, Set.of(1, 2)),
            new PkpPermission(PkpPermission.LIT_ACTION, CID, Set.of(1))));
    private static final String TOKEN = new BigInteger(PKP.tokenId(), 16).toString();
    private final ActionPermissions permissions = permissions();

    private static ActionPermissions permissions() {
        InMemoryRegistry registry = new InMemoryRegistry(new NetworkInfo(31337, 1, 2,
                "0x0000000000000000000000000000000000000000", Instant.EPOCH, 3600), List.of());
        registry.addPkp(PKP);
        return new ActionPermissions(registry);
    }

    private String call(String function, String argsJson) {
        return permissions.call(function, JsonReader.parseObject(argsJson, LitErrorCode.NodeBadInput, "args"));
    }

    @Test
    void pubkeyToTokenId_uncompressedKey_isTheDecimalKeccakTheRegistryUses() {
        assertEquals("\"" + TOKEN + "\"", call("pubkeyToTokenId", "{\"publicKey\":\"0x" + Hex.encode(KEY) + "\"}"));
    }

    @Test
    void isPermittedAction_decimalOrHexTokenId_answersFromTheRegistry() {
        assertEquals("true", call("isPermittedAction", "{\"tokenId\":\"" + TOKEN + "\",\"ipfsId\":\"" + CID + "\"}"));
        assertEquals("true", call("isPermittedAction", "{\"tokenId\":\"0x" + PKP.tokenId() + "\",\"ipfsId\":\""
                + CID + "\"}"));
        assertEquals("false", call("isPermittedAction", "{\"tokenId\":\"" + TOKEN + "\",\"ipfsId\":\"QmOther\"}"));
    }

    @Test
    void isPermittedAddress_anyCase_answersFromTheRegistry() {
        assertEquals("true", call("isPermittedAddress", "{\"tokenId\":\"" + TOKEN + "\",\"address\":\""
                + WALLET.toUpperCase().replace("0X", "0x") + "\"}"));
        assertEquals("false", call("isPermittedAddress", "{\"tokenId\":\"" + TOKEN + "\",\"address\":\"0x"
                + "11".repeat(20) + "\"}"));
    }

    @Test
    void unknownTokenId_permitsNothing_asTheContractAnswers() {
        assertEquals("false", call("isPermittedAddress", "{\"tokenId\":\"1\",\"address\":\"" + WALLET + "\"}"));
        assertEquals("[]", call("getPermittedActions", "{\"tokenId\":\"1\"}"));
    }

    @Test
    void getPermittedLists_giveCidsChecksummedAddressesAndAuthMethods() {
        assertEquals("[\"" + CID + "\"]", call("getPermittedActions", "{\"tokenId\":\"" + TOKEN + "\"}"));
        assertEquals("[\"0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf\"]",
                call("getPermittedAddresses", "{\"tokenId\":\"" + TOKEN + "\"}"));
        String multihash = Hex.encode(IpfsCid.multihashOf(CID).orElseThrow());
        assertEquals("[{\"auth_method_type\":\"0x1\",\"id\":\"" + WALLET + "\",\"user_pubkey\":\"0x\"},"
                + "{\"auth_method_type\":\"0x2\",\"id\":\"0x" + multihash + "\",\"user_pubkey\":\"0x\"}]",
                call("getPermittedAuthMethods", "{\"tokenId\":\"" + TOKEN + "\"}"));
    }

    @Test
    void isPermittedAuthMethod_userIdAsBytesHexOrCid_matchesTheMethod() {
        String addressBytes = bytesJson(Hex.decode(WALLET.substring(2), "a"));
        String cidBytes = bytesJson(IpfsCid.multihashOf(CID).orElseThrow());
        assertEquals("true", call("isPermittedAuthMethod", "{\"tokenId\":\"" + TOKEN
                + "\",\"authMethodType\":1,\"userId\":" + addressBytes + "}"));
        assertEquals("true", call("isPermittedAuthMethod", "{\"tokenId\":\"" + TOKEN
                + "\",\"authMethodType\":\"0x2\",\"userId\":" + cidBytes + "}"));
        assertEquals("true", call("isPermittedAuthMethod", "{\"tokenId\":\"" + TOKEN
                + "\",\"authMethodType\":2,\"userId\":\"" + CID + "\"}"));
        assertEquals("false", call("isPermittedAuthMethod", "{\"tokenId\":\"" + TOKEN
                + "\",\"authMethodType\":6,\"userId\":\"0x01\"}"));
    }

    @Test
    void getPermittedAuthMethodScopes_givesOneBooleanPerScopeId() {
        assertEquals("[false,true,true,false]", call("getPermittedAuthMethodScopes", "{\"tokenId\":\"" + TOKEN
                + "\",\"authMethodType\":1,\"userId\":\"" + WALLET + "\",\"maxScopeId\":4}"));
        assertEquals("[false,false]", call("getPermittedAuthMethodScopes", "{\"tokenId\":\"" + TOKEN
                + "\",\"authMethodType\":1,\"userId\":\"0x" + "11".repeat(20) + "\",\"maxScopeId\":2}"));
    }

    @Test
    void malformedArguments_areRefusedNamingTheArgument() {
        assertRefused("tokenId must be a uint256 as decimal or 0x-hex text", "isPermittedAction",
                "{\"tokenId\":\"12ab\",\"ipfsId\":\"" + CID + "\"}");
        assertRefused("tokenId must be a uint256 as decimal or 0x-hex text", "getPermittedActions",
                "{\"tokenId\":\"" + BigInteger.ONE.shiftLeft(256) + "\"}");
        assertRefused("tokenId must be a string of at most 80 characters", "getPermittedActions", "{\"tokenId\":1}");
        assertRefused("address must be an address: 0x and 40 hex digits", "isPermittedAddress",
                "{\"tokenId\":\"1\",\"address\":\"0x12\"}");
        assertRefused("ipfsId must be a string of at most 128 characters", "isPermittedAction",
                "{\"tokenId\":\"1\",\"ipfsId\":\"" + "Q".repeat(129) + "\"}");
        assertRefused("publicKey must be an uncompressed secp256k1 key: 0x04 and 128 hex digits", "pubkeyToTokenId",
                "{\"publicKey\":\"0x02" + "11".repeat(32) + "\"}");
        assertRefused("authMethodType must be a non-negative integer", "isPermittedAuthMethod",
                "{\"tokenId\":\"1\",\"authMethodType\":-1,\"userId\":\"0x01\"}");
        assertRefused("userId must be at most 256 bytes", "isPermittedAuthMethod",
                "{\"tokenId\":\"1\",\"authMethodType\":1,\"userId\":" + bytesJson(new byte[257]) + "}");
        assertRefused("userId[0] is not a byte", "isPermittedAuthMethod",
                "{\"tokenId\":\"1\",\"authMethodType\":1,\"userId\":[256]}");
        assertRefused("maxScopeId must be an integer from 0 to 256", "getPermittedAuthMethodScopes",
                "{\"tokenId\":\"1\",\"authMethodType\":1,\"userId\":\"" + WALLET + "\",\"maxScopeId\":257}");
    }

    private void assertRefused(String message, String function, String argsJson) {
        assertEquals(message, assertThrows(ActionHostException.class, () -> call(function, argsJson)).getMessage());
    }

    private static String bytesJson(byte[] bytes) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < bytes.length; i++) {
            b.append(i == 0 ? "" : ",").append(bytes[i] & 0xff);
        }
        return b.append(']').toString();
    }
}
