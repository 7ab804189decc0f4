package io.litj.protocol.acc;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One list of access-control conditions of one {@link ConditionKind}, with its canonical JSON and hash. Immutable;
 * a value that exists obeys the limits: 1 to {@value #MAX_CONDITIONS} conditions in all, arrays nested at most
 * {@value #MAX_DEPTH} deep, no empty group, an operator only between two operands, conditions of the set's kind.
 *
 * <p>{@link #canonicalJson()} is byte-identical to {@code JSON.stringify} of the JS SDK 7.4.0 canonical formatters
 * ({@code canonicalAccessControlConditionFormatter} and its three siblings) over the same list, and
 * {@link #hash()} to {@code hashAccessControlConditions} / {@code hashEVMContractConditions} /
 * {@code hashSolRpcConditions} / {@code hashUnifiedAccessControlConditions} ({@code lit-node-behaviour.md} §6.1,
 * checked against the SDK by {@code AccHashJsSdkTest}).
 *
 * <p>Errors: {@code NodeMissingAccessControlConditions} (empty or absent), {@code NodeTooManyConditions} (counted
 * before any field is read), {@code NodeParserError} (anything malformed, naming the field by its path).
 */
public record ConditionSet(ConditionKind kind, List<ConditionNode> items) {
    /** Most conditions in one set, at all depths together (operators and groups not counted). */
    public static final int MAX_CONDITIONS = 30;
    /** Deepest nesting of arrays, the outer list counting as 1. */
    public static final int MAX_DEPTH = 10;

    /** @throws LitProtocolException with the codes of the class comment when a structure rule is broken */
    public ConditionSet {
        Objects.requireNonNull(kind, "kind");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        ConditionStructure.check(kind, items);
    }

    public static ConditionSet of(ConditionKind kind, ConditionNode... items) {
        return new ConditionSet(kind, List.of(items));
    }

    /** Parses the JSON text of one condition list (an array) of {@code kind}. */
    public static ConditionSet parse(ConditionKind kind, String json) {
        return fromJson(kind, JsonReader.parse(json, LitErrorCode.NodeParserError, kind.field()));
    }

    /** Reads one parsed condition list (an array) of {@code kind}; counts the conditions before anything else. */
    public static ConditionSet fromJson(ConditionKind kind, JsonValue list) {
        ConditionCounter.check(list, kind.field());
        return new ConditionSet(kind, ConditionParser.entries((JsonValue.JsonArray) list, kind, kind.field()));
    }

    /**
     * The set a node uses from a request body ({@code /web/encryption/sign}, {@code /web/signing/…}): the first
     * of {@code accessControlConditions}, {@code evmContractConditions}, {@code solRpcConditions},
     * {@code unifiedAccessControlConditions} that is present and not {@code null}.
     *
     * @throws LitProtocolException {@code NodeMissingAccessControlConditions} when none is present
     */
    public static ConditionSet fromRequest(JsonValue.JsonObject body) {
        for (ConditionKind kind : ConditionKind.values()) {
            Optional<JsonValue> list = body.get(kind.field());
            if (list.isPresent() && list.get() != JsonValue.JsonNull.INSTANCE) {
                return fromJson(kind, list.get());
            }
        }
        throw new LitProtocolException(LitErrorCode.NodeMissingAccessControlConditions,
                "the request has none of accessControlConditions, evmContractConditions, solRpcConditions,"
                        + " unifiedAccessControlConditions");
    }

    /** The conditions at every depth, in order. */
    public List<Condition> conditions() {
        List<Condition> out = new ArrayList<>();
        collect(items, out);
        return List.copyOf(out);
    }

    private static void collect(List<ConditionNode> items, List<Condition> out) {
        for (ConditionNode item : items) {
            if (item instanceof Condition c) {
                out.add(c);
            } else if (item instanceof ConditionGroup g) {
                collect(g.items(), out);
            }
        }
    }

    /** The canonical list, as the JS SDK sends it in the request field {@link ConditionKind#field()}. */
    public JsonValue.JsonArray canonicalArray() {
        return Canonical.entries(items, kind);
    }

    /** {@code JSON.stringify} of {@link #canonicalArray()}: the text that is hashed. */
    public String canonicalJson() {
        return JsJson.stringify(canonicalArray());
    }

    /** {@code hashOfConditions}: SHA-256 of the UTF-8 of {@link #canonicalJson()}. */
    public Bytes hash() {
        return Bytes.of(Hashes.sha256(canonicalJson()));
    }

    /** {@link #hash()} as 64 lowercase hex digits, as used in resource ids and identities. */
    public String hashHex() {
        return hash().hex();
    }

    static LitProtocolException tooMany(String field) {
        return new LitProtocolException(LitErrorCode.NodeTooManyConditions, field + " holds more than "
                + MAX_CONDITIONS + " conditions");
    }
}
