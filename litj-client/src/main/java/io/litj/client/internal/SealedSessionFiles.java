package io.litj.client.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.AesGcm;
import io.litj.protocol.crypto.Base64Url;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

/**
 * The encrypted session file format, version 2: {@code {"version":2,"cipher":"AES-256-GCM","sealed":<base64url>}},
 * where {@code sealed} is {@link AesGcm} ({@code nonce ‖ ciphertext ‖ tag}) of a version-1 {@link SessionFiles} text
 * under the store key, with the associated data {@code "litj session v2 " + SessionStoreKey.id()}: a file copied
 * over another key's file does not open.
 */
public final class SealedSessionFiles {
    public static final int VERSION = 2;
    private static final String CIPHER = "AES-256-GCM";
    private static final Set<String> FIELDS = Set.of("version", "cipher", "sealed");

    private SealedSessionFiles() {
    }

    /** The version-2 text holding {@code plainText} (a version-1 file) for the key whose {@code id()} is {@code keyId}. */
    public static String seal(byte[] storeKey, String keyId, String plainText, SecureRandom random) {
        byte[] plain = plainText.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] box = AesGcm.seal(storeKey, plain, context(keyId), random);
            return JsJson.stringify(JsonValue.object().put("version", new JsonValue.JsonNumber(VERSION))
                    .put("cipher", CIPHER).put("sealed", Base64Url.encode(box)).build()) + "\n";
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * The version-1 text inside a version-2 file of the key whose {@code id()} is {@code keyId}.
     *
     * @throws LitProtocolException {@code InvalidArgument} when the file is malformed, altered, made under another
     *         store key, or belongs to another session
     */
    public static String open(byte[] storeKey, String keyId, JsonValue.JsonObject file) {
        LitErrorCode code = LitErrorCode.InvalidArgument;
        JsonFields f = new JsonFields(file, code, "encrypted session file").onlyKnown(FIELDS);
        if (!CIPHER.equals(f.string("cipher"))) {
            throw f.fail("uses cipher " + f.string("cipher") + ", expected " + CIPHER);
        }
        byte[] plain;
        try {
            plain = AesGcm.open(storeKey, Base64Url.decode(f.string("sealed"), "sealed"), context(keyId));
        } catch (LitProtocolException e) {
            throw f.fail("does not open: it was altered, or sealed for another session or store key");
        }
        try {
            return new String(plain, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] context(String keyId) {
        return ("litj session v2 " + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
