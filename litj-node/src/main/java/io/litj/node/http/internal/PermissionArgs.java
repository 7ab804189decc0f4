package io.litj.node.http.internal;

import io.litj.node.actions.ActionHostException;
import io.litj.node.actions.IpfsCid;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The arguments of the {@code Lit.Actions} permission functions ({@link ActionPermissions}), read strictly and
 * bounded: a token id as Lit passes it (the decimal {@code uint256} text {@code pubkeyToTokenId} gives, or
 * {@code 0x}-hex), an auth method type, and a {@code userId} as bytes or text, turned into the id the registry keeps
 * ({@link PkpPermission}: lowercase {@code 0x} address for type 1, the CID for type 2). Every refusal is an
 * {@link ActionHostException} naming the argument.
 */
final class PermissionArgs {
    /** Most bytes a {@code userId} may hold (an address is 20, a CIDv0 multihash 34). */
    static final int MAX_USER_ID_BYTES = 256;
    /** Most scope ids {@code getPermittedAuthMethodScopes} answers for. */
    static final int MAX_SCOPE_ID = 256;
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,78}");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]{1,64}");
    private static final Pattern ADDRESS = Pattern.compile("0[xX][0-9a-fA-F]{40}");
    private static final Pattern PUBLIC_KEY = Pattern.compile("(0[xX])?04[0-9a-fA-F]{128}");
    private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

    private PermissionArgs() {
    }

    /** {@code tokenId} as the registry's 64 lowercase hex. */
    static String tokenId(JsonValue.JsonObject args) {
        String text = string(args, "tokenId", 80);
        BigInteger value = null;
        if (DECIMAL.matcher(text).matches()) {
            value = new BigInteger(text);
        } else if (HEX.matcher(text).matches()) {
            value = new BigInteger(text.substring(2), 16);
        }
        if (value == null || value.compareTo(UINT256_LIMIT) >= 0) {
            throw new ActionHostException("tokenId must be a uint256 as decimal or 0x-hex text");
        }
        return String.format(Locale.ROOT, "%064x", value);
    }

    /** The 65 bytes of {@code publicKey}: {@code 0x04} (or {@code 04}) and 128 hex digits. */
    static byte[] publicKey(JsonValue.JsonObject args) {
        String text = string(args, "publicKey", 132);
        if (!PUBLIC_KEY.matcher(text).matches()) {
            throw new ActionHostException("publicKey must be an uncompressed secp256k1 key: 0x04 and 128 hex digits");
        }
        return Hex.decode(text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text, "publicKey");
    }

    /** A lowercase {@code 0x} address from {@code name}. */
    static String address(JsonValue.JsonObject args, String name) {
        String text = string(args, name, 42);
        if (!ADDRESS.matcher(text).matches()) {
            throw new ActionHostException(name + " must be an address: 0x and 40 hex digits");
        }
        return "0x" + text.substring(2).toLowerCase(Locale.ROOT);
    }

    /** The auth method type: a non-negative integer, or its decimal or {@code 0x}-hex text. */
    static long authMethodType(JsonValue.JsonObject args) {
        JsonValue v = args.get("authMethodType").orElse(JsonValue.JsonNull.INSTANCE);
        if (v instanceof JsonValue.JsonNumber n && n.value() >= 0 && n.value() <= Integer.MAX_VALUE
                && n.value() == Math.rint(n.value())) {
            return (long) n.value();
        }
        if (v instanceof JsonValue.JsonString s && s.value().length() <= 18) {
            String t = s.value();
            if (t.matches("[0-9]{1,15}")) {
                return Long.parseLong(t);
            }
            if (t.matches("0[xX][0-9a-fA-F]{1,12}")) {
                return Long.parseLong(t.substring(2), 16);
            }
        }
        throw new ActionHostException("authMethodType must be a non-negative integer");
    }

    /**
     * The registry id of {@code userId} for {@code type}, or empty for a type the registry never holds. Bytes (an
     * array, or {@code 0x}-hex text) are an address for type 1 and a multihash for type 2; other text is taken as
     * the address or CID itself.
     */
    static Optional<String> userId(JsonValue.JsonObject args, long type) {
        JsonValue v = args.get("userId").orElse(JsonValue.JsonNull.INSTANCE);
        byte[] bytes = null;
        String text = null;
        if (v instanceof JsonValue.JsonArray a) {
            bytes = bytes(a, MAX_USER_ID_BYTES, "userId");
        } else if (v instanceof JsonValue.JsonString s && s.value().length() <= 2 + 2 * MAX_USER_ID_BYTES) {
            text = s.value();
            if (text.matches("0[xX]([0-9a-fA-F]{2})*")) {
                bytes = Hex.decode(text.substring(2), "userId");
            }
        } else {
            throw new ActionHostException("userId must be bytes or text of at most " + MAX_USER_ID_BYTES + " bytes");
        }
        if (type == PkpPermission.ETH_WALLET) {
            return Optional.of(bytes != null ? "0x" + Hex.encode(bytes) : text.toLowerCase(Locale.ROOT));
        }
        if (type == PkpPermission.LIT_ACTION) {
            return Optional.of(bytes != null ? IpfsCid.ofMultihash(bytes) : text);
        }
        return Optional.empty();
    }

    /** {@code maxScopeId}: 0 to {@value #MAX_SCOPE_ID}. */
    static int maxScopeId(JsonValue.JsonObject args) {
        JsonValue v = args.get("maxScopeId").orElse(JsonValue.JsonNull.INSTANCE);
        if (v instanceof JsonValue.JsonNumber n && n.value() >= 0 && n.value() <= MAX_SCOPE_ID
                && n.value() == Math.rint(n.value())) {
            return (int) n.value();
        }
        if (v instanceof JsonValue.JsonString s && s.value().matches("[0-9]{1,3}")
                && Integer.parseInt(s.value()) <= MAX_SCOPE_ID) {
            return Integer.parseInt(s.value());
        }
        throw new ActionHostException("maxScopeId must be an integer from 0 to " + MAX_SCOPE_ID);
    }

    /** The string member {@code name}, at most {@code maxChars} long. */
    static String string(JsonValue.JsonObject args, String name, int maxChars) {
        if (args.get(name).orElse(null) instanceof JsonValue.JsonString s && s.value().length() <= maxChars) {
            return s.value();
        }
        throw new ActionHostException(name + " must be a string of at most " + maxChars + " characters");
    }

    /**
     * The argument object a hosted function got as JSON.
     *
     * @param refusal what the action sees when it is not an object
     */
    static JsonValue.JsonObject object(String argsJson, String function, String refusal) {
        try {
            return JsonReader.parseObject(argsJson, LitErrorCode.NodeBadInput, function + " argument");
        } catch (LitProtocolException e) {
            throw new ActionHostException(refusal);
        }
    }

    /** The bytes of an array of numbers 0..255 (a typed array as the prelude sends it), at most {@code max}. */
    static byte[] bytes(JsonValue.JsonArray a, int max, String name) {
        if (a.items().size() > max) {
            throw new ActionHostException(name + " must be at most " + max + " bytes");
        }
        byte[] out = new byte[a.items().size()];
        for (int i = 0; i < out.length; i++) {
            if (!(a.items().get(i) instanceof JsonValue.JsonNumber n) || n.value() != Math.rint(n.value())
                    || n.value() < 0 || n.value() > 255) {
                throw new ActionHostException(name + "[" + i + "] is not a byte");
            }
            out[i] = (byte) (int) n.value();
        }
        return out;
    }
}
