package io.litj.protocol.siwe;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.Vectors;
import java.util.List;

/** SIWE texts signed by the real JS SDK 7.4.0 ({@code vectors/js-sdk-7.4.0/fixed.json}). */
final class SiweVectors {
    private static final JsonValue.JsonObject FIXED = Vectors.json("js-sdk-7.4.0/fixed.json");

    /** lit-node-behaviour.md §9.2 V4: the capacity-delegation SIWE from the JS SDK's session-sigs-reader test. */
    static final String V4_MESSAGE = "localhost wants you to sign in with your Ethereum account:\n"
            + "0x5D467fe98ff120fe0C85F2217bC61732571b28EC\n\n"
            + "This is a test statement.  You can put anything you want here. I further authorize the stated URI to "
            + "perform the following actions on my behalf: (1) 'Auth': 'Auth' for 'lit-ratelimitincrease://25364'.\n\n"
            + "URI: lit:capability:delegation\nVersion: 1\nChain ID: 1\n"
            + "Nonce: 0xfba8cfeb4e933e68851e7b993e17cc7be919373ff0afce1d44db8ae4fe03436a\n"
            + "Issued At: 2024-10-16T13:48:13.383Z\nExpiration Time: 2024-10-23T13:48:13.380Z\nResources:\n"
            + "- urn:recap:eyJhdHQiOnsibGl0LXJhdGVsaW1pdGluY3JlYXNlOi8vMjUzNjQiOnsiQXV0aC9BdXRoIjpbeyJuZnRfaWQiOlsiMjUz"
            + "NjQiXX1dfX0sInByZiI6W119";

    private SiweVectors() {
    }

    /** The capacity-delegation SIWE ({@code capacityDelegationAuthSig.signedMessage}). */
    static String capacityDelegation() {
        return Vectors.str(FIXED, "capacityDelegationAuthSig", "signedMessage");
    }

    /** The session-granting wallet SIWE: the last capability inside the session sig's signed payload. */
    static String sessionGrant() {
        String payload = Vectors.str(FIXED, "sessionSigs", "http://127.0.0.1:7470", "signedMessage");
        JsonValue.JsonObject p = JsonReader.parseObject(payload, LitErrorCode.NodeParserError, "payload");
        List<JsonValue> caps = ((JsonValue.JsonArray) p.get("capabilities").orElseThrow()).items();
        return Vectors.str((JsonValue.JsonObject) caps.get(caps.size() - 1), "signedMessage");
    }
}
