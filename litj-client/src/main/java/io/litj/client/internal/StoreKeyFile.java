package io.litj.client.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.AesGcm;
import io.litj.protocol.crypto.Base64Url;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.ScryptParams;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code store.json} of an encrypted session store, version 1: how its key is made and a check value that tells a
 * right key from a wrong one before any session file is touched.
 * {@code {"version":1,"kdf":"scrypt","logN":15,"r":8,"p":1,"salt":<hex>,"check":<base64url>}}, or
 * {@code "kdf":"none"} (and no scrypt fields) for a store opened with a raw 32-byte key. {@code check} is
 * AES-256-GCM of nothing under the store key with the associated data {@value #CHECK_CONTEXT}.
 *
 * @param scrypt the passphrase's scrypt parameters; empty for a raw-key store
 * @param check the sealed check value
 */
public record StoreKeyFile(Optional<ScryptParams> scrypt, Bytes check) {
    /** The file name in the store directory. */
    public static final String NAME = "store.json";
    public static final int VERSION = 1;
    private static final String CHECK_CONTEXT = "litj session store key check v1";
    private static final Set<String> FIELDS = Set.of("version", "kdf", "logN", "r", "p", "salt", "check");

    /** A new key file for {@code key}, made from a passphrase with {@code scrypt} or given raw (empty). */
    public static StoreKeyFile create(Optional<ScryptParams> scrypt, byte[] key, SecureRandom random) {
        return new StoreKeyFile(scrypt, Bytes.of(AesGcm.seal(key, new byte[0], context(), random)));
    }

    /** The store key: derived from {@code passphrase} with this file's parameters, or {@code rawKey} as given. */
    public byte[] unlock(Optional<char[]> passphrase, Optional<byte[]> rawKey, String where) {
        if (scrypt.isPresent() != passphrase.isPresent()) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, where + " was made with "
                    + (scrypt.isPresent() ? "a passphrase" : "a raw key") + "; open it with "
                    + (scrypt.isPresent() ? "its passphrase" : "that key") + ", not with "
                    + (passphrase.isPresent() ? "a passphrase" : "a raw key") + " (nothing was changed)");
        }
        byte[] key = scrypt.isPresent() ? scrypt.get().derive(passphrase.orElseThrow()) : rawKey.orElseThrow().clone();
        try {
            AesGcm.open(key, check.toByteArray(), context());
        } catch (LitProtocolException e) {
            Arrays.fill(key, (byte) 0);
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "wrong " + (scrypt.isPresent() ? "passphrase"
                    : "key") + " for " + where + " (nothing was read or changed)");
        }
        return key;
    }

    public String encode() {
        JsonValue.ObjectBuilder b = JsonValue.object().put("version", new JsonValue.JsonNumber(VERSION))
                .put("kdf", scrypt.isPresent() ? "scrypt" : "none");
        scrypt.ifPresent(s -> b.put("logN", new JsonValue.JsonNumber(s.logN())).put("r", new JsonValue.JsonNumber(s.r()))
                .put("p", new JsonValue.JsonNumber(s.p())).put("salt", s.salt().hex()));
        return JsJson.stringify(b.put("check", Base64Url.encode(check.toByteArray())).build()) + "\n";
    }

    /**
     * Reads a key file.
     *
     * @throws LitProtocolException {@code InitError} saying what is wrong with it
     */
    public static StoreKeyFile parse(String text, String where) {
        LitErrorCode code = LitErrorCode.InitError;
        JsonFields f = new JsonFields(JsonReader.parseObject(text, code, where), code, where).onlyKnown(FIELDS);
        if (f.integer("version") != VERSION) {
            throw f.fail("has version " + f.integer("version") + ", expected " + VERSION);
        }
        Optional<ScryptParams> scrypt = switch (f.string("kdf")) {
            case "scrypt" -> {
                try {
                    yield Optional.of(new ScryptParams(small(f, "logN"), small(f, "r"), small(f, "p"),
                            Bytes.fromHex(f.string("salt"), "salt")));
                } catch (LitProtocolException e) {
                    throw f.fail("has unusable scrypt parameters: " + e.getMessage());
                }
            }
            case "none" -> Optional.empty();
            default -> throw f.fail("names an unknown kdf (expected scrypt or none)");
        };
        try {
            return new StoreKeyFile(scrypt, Bytes.of(Base64Url.decode(f.string("check"), "check")));
        } catch (LitProtocolException e) {
            throw f.fail("has an unusable check value: " + e.getMessage());
        }
    }

    private static int small(JsonFields f, String name) {
        long v = f.integer(name);
        if (v < 0 || v > 1 << 20) {
            throw f.fail("has " + name + " " + v + ", out of range");
        }
        return (int) v;
    }

    private static byte[] context() {
        return CHECK_CONTEXT.getBytes(StandardCharsets.UTF_8);
    }
}
