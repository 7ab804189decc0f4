package io.litj.node.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.actions.ActionLimits;
import io.litj.node.actions.IpfsCid;
import io.litj.node.testing.ExecuteBodies;
import io.litj.node.testing.LiveSessions;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.node.testing.NodeNetwork;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.acc.ConditionKind;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.MutableClock;
import io.litj.threshold.bls.TimeLock;
import io.litj.threshold.bls.TimeLockCiphertext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access-control functions of Lit Actions on three nodes holding DKG shares of the network key (threshold 2):
 * {@code checkConditions} answers for the session's caller and sees the action's CID, {@code encrypt} makes what
 * {@code encryptString} makes, {@code decryptAndCombine} opens a ciphertext on every node, {@code
 * decryptToSingleNode} on exactly one, and refusals reject the action's promise with their code.
 */
class ActionEncryptionNetworkTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static final PrivateKeyEthSigner OWNER = PrivateKeyEthSigner.fromHex("71".repeat(32));
    private static final PrivateKeyEthSigner STRANGER = PrivateKeyEthSigner.fromHex("72".repeat(32));
    private static final SessionKeyPair KEY = SessionKeyPair.fromSeed(Hex.decode("73".repeat(32), "seed"));
    private static final String PLAINTEXT = "the launch code";
    private static final String CHECK = """
            (async () => {
              try {
                const holds = await Lit.Actions.checkConditions({conditions, chain: 'ethereum'});
                Lit.Actions.setResponse({response: String(holds)});
              } catch (e) {
                Lit.Actions.setResponse({response: 'refused: ' + e.message});
              }
            })();""";
    private static final String DECRYPT = """
            (async () => {
              try {
                const out = await Lit.Actions.decryptAndCombine({accessControlConditions, ciphertext,
                    dataToEncryptHash, authSig: null, chain: 'ethereum'});
                Lit.Actions.setResponse({response: out});
              } catch (e) {
                Lit.Actions.setResponse({response: 'refused: ' + e.message});
              }
            })();""";
    private static final String SINGLE = DECRYPT.replace("decryptAndCombine", "decryptToSingleNode");
    private static final String ROUND_TRIP = """
            (async () => {
              const made = await Lit.Actions.encrypt({accessControlConditions,
                  to_encrypt: new TextEncoder().encode(secret)});
              const back = await Lit.Actions.decryptAndCombine({accessControlConditions, ciphertext: made.ciphertext,
                  dataToEncryptHash: made.dataToEncryptHash, chain: 'ethereum'});
              Lit.Actions.setResponse({response: JSON.stringify({made, back})});
            })();""";

    /** The action a LitAction condition names: stored on node 1 by running it once. */
    private static final String CONDITION_CODE = "function isYes(answer) { return answer === 'yes'; }";

    @TempDir
    static Path dir;

    private static NodeNetwork net;
    private static ConditionSet conditions;
    private static AccIdentity identity;
    private static TimeLockCiphertext ciphertext;
    private int requests;

    @BeforeAll
    static void start() {
        net = NodeNetwork.start(dir, 3, CLOCK, ActionLimits.defaults().withTimeout(Duration.ofSeconds(30)));
        conditions = ConditionSet.parse(ConditionKind.BASIC, "[" + equals(":userAddress",
                OWNER.address().toChecksumString()) + "]");
        identity = AccIdentity.of(conditions, PLAINTEXT.getBytes(StandardCharsets.UTF_8));
        ciphertext = TimeLock.encrypt(net.networkPublicKey(), identity.message(),
                PLAINTEXT.getBytes(StandardCharsets.UTF_8), new SecureRandom());
    }

    @AfterAll
    static void stop() {
        if (net != null) {
            net.close();
        }
    }

    private static String equals(String parameter, String value) {
        return "{\"contractAddress\":\"\",\"chain\":\"ethereum\",\"standardContractType\":\"\",\"method\":\"\","
                + "\"parameters\":[\"" + parameter + "\"],\"returnValueTest\":{\"comparator\":\"=\",\"value\":\""
                + value + "\"}}";
    }

    private static String cid(String code) {
        return IpfsCid.v0(code.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonValue.JsonObject decryptParams(ConditionSet set, String dataHash) {
        return JsonValue.object().put("accessControlConditions", set.canonicalArray())
                .put("ciphertext", ciphertext.toBase64()).put("dataToEncryptHash", dataHash).build();
    }

    private List<Reply> executeOn(int[] nodes, PrivateKeyEthSigner wallet, String code, JsonValue.JsonObject params) {
        SessionSigs sigs = new LiveSessions(CLOCK, wallet, KEY).anyAction(net.urls());
        String requestId = "enc-" + (++requests) + "-" + System.nanoTime();
        List<Reply> replies = Arrays.asList(new Reply[nodes.length]);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            int slot = i;
            String url = net.url(nodes[i]);
            threads.add(Thread.ofVirtual().start(() -> replies.set(slot, net.http().post(url + "/web/execute/v1",
                    ExecuteBodies.code(code, params, sigs.forNode(url).orElseThrow().toAuthSig()),
                    "X-Request-Id", requestId))));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        replies.forEach(r -> assertEquals(200, r.status(), r::toString));
        return replies;
    }

    private List<String> responses(int[] nodes, PrivateKeyEthSigner wallet, String code, JsonValue.JsonObject p) {
        return executeOn(nodes, wallet, code, p).stream().map(r -> r.string("response")).toList();
    }

    private static final int[] ALL = {0, 1, 2};
    private static final int[] ONE = {1};

    @Test
    void checkConditions_sessionCallerMeetsThem_true() {
        JsonValue.JsonObject params = JsonValue.object().put("conditions", conditions.canonicalArray()).build();

        assertEquals(List.of("true"), responses(ONE, OWNER, CHECK, params));
        assertEquals(List.of("false"), responses(ONE, STRANGER, CHECK, params));
    }

    @Test
    void checkConditions_currentActionIpfsId_isTheRunningActionsCid() {
        ConditionSet set = ConditionSet.parse(ConditionKind.BASIC, "[" + equals(":currentActionIpfsId", cid(CHECK))
                + "]");
        JsonValue.JsonObject params = JsonValue.object().put("conditions", set.canonicalArray()).build();

        assertEquals(List.of("true"), responses(ONE, STRANGER, CHECK, params));
    }

    private static JsonValue.JsonObject litActionCondition(String cid, String answer) {
        String condition = "{\"contractAddress\":\"ipfs://" + cid + "\",\"chain\":\"ethereum\","
                + "\"standardContractType\":\"LitAction\",\"method\":\"isYes\",\"parameters\":[\"" + answer
                + "\"],\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"true\"}}";
        return JsonValue.object().put("conditions", ConditionSet.parse(ConditionKind.BASIC, "[" + condition + "]")
                .canonicalArray()).build();
    }

    @Test
    void checkConditions_litActionCondition_runsTheStoredActionAndComparesItsResult() {
        responses(ONE, OWNER, CONDITION_CODE, JsonValue.JsonObject.empty());

        assertEquals(List.of("true"), responses(ONE, STRANGER, CHECK, litActionCondition(cid(CONDITION_CODE),
                "yes")));
        assertEquals(List.of("false"), responses(ONE, STRANGER, CHECK, litActionCondition(cid(CONDITION_CODE),
                "no")));
    }

    @Test
    void checkConditions_litActionConditionWhoseActionThrows_rejectsWithNodeAccessControlConditionsCheckFailed() {
        String throwing = "function isYes(answer) { throw new Error('no answer today'); }";
        responses(ONE, OWNER, throwing, JsonValue.JsonObject.empty());

        List<String> out = responses(ONE, OWNER, CHECK, litActionCondition(cid(throwing), "yes"));

        assertTrue(out.getFirst().startsWith("refused: LitActions.checkConditions: "
                + LitErrorCode.NodeAccessControlConditionsCheckFailed.wireName() + ": the LitAction condition ipfs://"
                + cid(throwing) + " failed: " + LitErrorCode.NodeJsExecutionError.wireName()), out::toString);
    }

    @Test
    void checkConditions_litActionConditionWithUnknownCode_rejectsWithNodeInvalidIpfsId() {
        List<String> out = responses(ONE, OWNER, CHECK, litActionCondition(cid("// never stored"), "yes"));

        assertTrue(out.getFirst().startsWith("refused: LitActions.checkConditions: "
                + LitErrorCode.NodeInvalidIPFSID.wireName() + ": this node holds no code"), out::toString);
    }

    @Test
    void decryptAndCombine_callerMeetsTheConditions_everyNodeOpensTheCiphertext() {
        List<String> out = responses(ALL, OWNER, DECRYPT, decryptParams(conditions, identity.dataToEncryptHash()));

        assertEquals(List.of(PLAINTEXT, PLAINTEXT, PLAINTEXT), out);
    }

    @Test
    void decryptToSingleNode_callerMeetsTheConditions_exactlyOneNodeGetsThePlaintext() {
        List<String> out = responses(ALL, OWNER, SINGLE, decryptParams(conditions, identity.dataToEncryptHash()));

        assertEquals(1, out.stream().filter(PLAINTEXT::equals).count(), out::toString);
        assertEquals(2, out.stream().filter(""::equals).count(), out::toString);
    }

    @Test
    void decryptAndCombine_conditionsFalse_rejectsWithNotAuthorizedOnEveryNode() {
        List<String> out = responses(ALL, STRANGER, DECRYPT, decryptParams(conditions,
                identity.dataToEncryptHash()));

        String expected = "refused: LitActions.decryptAndCombine: "
                + LitErrorCode.NodeAccessControlConditionsReturnedNotAuthorized.wireName() + ": the access control "
                + "conditions (hash " + conditions.hashHex() + ") do not hold for the caller";
        assertEquals(List.of(expected, expected, expected), out);
    }

    @Test
    void decryptAndCombine_moreThanEightTimesInOneRun_theNinthIsRefused() {
        String code = """
                (async () => {
                  let opened = 0;
                  try {
                    for (let i = 0; i < 9; i++) {
                      await Lit.Actions.decryptAndCombine({accessControlConditions, ciphertext, dataToEncryptHash,
                          chain: 'ethereum'});
                      opened++;
                    }
                  } catch (e) {
                    Lit.Actions.setResponse({response: opened + ' ' + e.message});
                  }
                })();""";

        List<String> out = responses(ALL, OWNER, code, decryptParams(conditions, identity.dataToEncryptHash()));

        String expected = ActionDecryption.MAX_DECRYPTIONS
                + " LitActions.decryptAndCombine: an action decrypts at most "
                + ActionDecryption.MAX_DECRYPTIONS + " times";
        assertEquals(List.of(expected, expected, expected), out);
    }

    @Test
    void decryptAndCombine_malformedDataHash_rejectsWithNodeBadInput() {
        List<String> out = responses(ONE, OWNER, DECRYPT, decryptParams(conditions, "not hex"));

        assertEquals(1, out.size());
        assertTrue(out.getFirst().startsWith("refused: LitActions.decryptAndCombine: "
                + LitErrorCode.NodeBadInput.wireName() + ": "), out::toString);
    }

    @Test
    void decryptAndCombine_tooManyConditions_rejectsWithNodeTooManyConditions() {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i <= ConditionSet.MAX_CONDITIONS; i++) {
            list.append(i == 0 ? "" : ",").append(equals(":userAddress", OWNER.address().toChecksumString()));
        }
        JsonValue many = JsonReader.parse(list.append("]").toString(), LitErrorCode.NodeBadInput, "conditions");
        JsonValue.JsonObject params = JsonValue.object().put("accessControlConditions", many)
                .put("ciphertext", ciphertext.toBase64()).put("dataToEncryptHash", identity.dataToEncryptHash())
                .build();

        List<String> out = responses(ONE, OWNER, DECRYPT, params);

        assertTrue(out.getFirst().startsWith("refused: LitActions.decryptAndCombine: "
                + LitErrorCode.NodeTooManyConditions.wireName() + ": "), out::toString);
    }

    @Test
    void encrypt_malformedArguments_rejectWithTheirCodes() {
        String code = """
                (async () => {
                  const out = [];
                  for (const args of cases) {
                    try {
                      await Lit.Actions.encrypt(args);
                      out.push('ok');
                    } catch (e) {
                      out.push(e.message);
                    }
                  }
                  Lit.Actions.setResponse({response: JSON.stringify(out)});
                })();""";
        JsonValue cases = JsonReader.parse("[{\"to_encrypt\":\"x\"},{\"accessControlConditions\":"
                + JsJson.stringify(conditions.canonicalArray()) + ",\"to_encrypt\":7}]", LitErrorCode.NodeBadInput,
                "cases");

        List<String> out = responses(ONE, OWNER, code, JsonValue.object().put("cases", cases).build());

        assertEquals("[\"LitActions.encrypt: " + LitErrorCode.NodeMissingAccessControlConditions.wireName()
                + ": the request has none of accessControlConditions, evmContractConditions, solRpcConditions,"
                + " unifiedAccessControlConditions\",\"LitActions.encrypt: to_encrypt must be a Uint8Array or a "
                + "string\"]", out.getFirst());
    }

    @Test
    void encrypt_thenDecryptAndCombine_roundTripsAndMatchesEncryptString() {
        JsonValue.JsonObject params = JsonValue.object().put("accessControlConditions", conditions.canonicalArray())
                .put("secret", PLAINTEXT).build();

        List<String> out = responses(ALL, OWNER, ROUND_TRIP, params);

        for (String response : out) {
            JsonValue.JsonObject o = JsonReader.parseObject(response, LitErrorCode.NodeBadInput, "out");
            assertEquals(new JsonValue.JsonString(PLAINTEXT), o.get("back").orElseThrow());
            JsonValue.JsonObject made = (JsonValue.JsonObject) o.get("made").orElseThrow();
            assertEquals(new JsonValue.JsonString(identity.dataToEncryptHash()),
                    made.get("dataToEncryptHash").orElseThrow());
            TimeLockCiphertext.parse(((JsonValue.JsonString) made.get("ciphertext").orElseThrow()).value());
        }
    }
}
