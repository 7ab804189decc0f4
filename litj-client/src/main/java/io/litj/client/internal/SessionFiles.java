package io.litj.client.internal;

import io.litj.client.SessionStoreKey;
import io.litj.client.StoredSession;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The session file format, version 1:
 * {@code {"version":1,"network":…,"account":…,"resources":[…],"sessionKey":{"publicKey":…,"secretKey":…},
 * "authSig":{…}}} ({@code authSig} absent until the account signed). The session key uses the JS SDK's storage form.
 */
public final class SessionFiles {
    public static final int VERSION = 1;
    private static final Set<String> FIELDS = Set.of("version", "network", "account", "resources", "sessionKey",
            "authSig");

    private SessionFiles() {
    }

    /** The file text of {@code session} under {@code key}. Holds the secret key: write it owner-only. */
    public static String encode(SessionStoreKey key, StoredSession session) {
        List<JsonValue> resources = new ArrayList<>();
        key.resources().forEach(r -> resources.add(r.toJson()));
        JsonValue sessionKey = JsonReader.parse(session.key().exportSecretJson(), LitErrorCode.InitError,
                "session key");
        JsonValue.ObjectBuilder b = JsonValue.object()
                .put("version", new JsonValue.JsonNumber(VERSION))
                .put("network", key.network())
                .put("account", key.account())
                .put("resources", new JsonValue.JsonArray(resources))
                .put("sessionKey", sessionKey);
        session.authSig().ifPresent(a -> b.put("authSig", a.toJson()));
        return JsJson.stringify(b.build()) + "\n";
    }

    /**
     * Reads a session file that must belong to {@code expected}.
     *
     * @throws LitProtocolException {@code InvalidArgument} saying what is wrong (never quoting the secret)
     */
    public static StoredSession decode(String text, SessionStoreKey expected) {
        return decode(parse(text), expected);
    }

    /**
     * The JSON object of a session file of any version, for {@link #version} and {@link #decode}.
     *
     * @throws LitProtocolException {@code InvalidArgument} without quoting the text (it may be secret)
     */
    public static JsonValue.JsonObject parse(String text) {
        try {
            return JsonReader.parseObject(text, LitErrorCode.InvalidArgument, "session file");
        } catch (LitProtocolException e) {
            // the parser may quote a piece of the text, which could be secret: say only what kind of problem
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "session file is not a JSON object (corrupt or truncated)");
        }
    }

    /** The {@code version} of a parsed session file (1: plain, 2: {@link SealedSessionFiles}); 0 if it has none. */
    public static long version(JsonValue.JsonObject file) {
        return file.get("version").filter(v -> v instanceof JsonValue.JsonNumber)
                .map(v -> (long) ((JsonValue.JsonNumber) v).value()).orElse(0L);
    }

    /** Reads a parsed version-1 session file that must belong to {@code expected}. */
    public static StoredSession decode(JsonValue.JsonObject o, SessionStoreKey expected) {
        Entry entry = decodeAny(o);
        SessionStoreKey found = entry.key();
        if (!found.equals(expected)) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument, "session file belongs to another session"
                    + " (network " + found.network() + ", account " + found.account() + ", resources "
                    + found.resourceSetId().substring(0, 8) + "…)");
        }
        return entry.session();
    }

    /** A session file's key and content. */
    public record Entry(SessionStoreKey key, StoredSession session) {
    }

    /** Reads a parsed version-1 session file, whichever key it belongs to. */
    public static Entry decodeAny(JsonValue.JsonObject o) {
        LitErrorCode code = LitErrorCode.InvalidArgument;
        JsonFields f = new JsonFields(o, code, "session file").onlyKnown(FIELDS);
        long version = f.integer("version");
        if (version != VERSION) {
            throw f.fail("has version " + version + ", expected " + VERSION);
        }
        List<ResourceAbilityRequest> resources = new ArrayList<>();
        List<JsonValue> raw = f.array("resources");
        for (int i = 0; i < raw.size(); i++) {
            resources.add(ResourceAbilityRequest.fromJson(raw.get(i), code, "session file resources[" + i + "]"));
        }
        if (resources.isEmpty()) {
            throw f.fail("has no resources");
        }
        SessionStoreKey found = SessionStoreKey.of(f.string("network"), f.string("account"), resources);
        SessionKeyPair key;
        try {
            key = SessionKeyPair.fromStorageJson(JsJson.stringify(f.object("sessionKey")));
        } catch (LitProtocolException e) {
            // the parser's messages name fields, never values; keep them short anyway
            throw f.fail("has an unusable sessionKey: " + Text.cut(e.getMessage()));
        }
        Optional<AuthSig> authSig = f.has("authSig")
                ? Optional.of(AuthSig.fromJson(f.object("authSig"), code, "session file authSig"))
                : Optional.empty();
        return new Entry(found, new StoredSession(key, authSig));
    }
}
