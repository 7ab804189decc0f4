package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * litj (issue 8, bounded work): a session sig asks for a bounded amount of work. Its payload carries at most
 * {@value #MAX_CAPABILITIES} capabilities and {@value #MAX_RESOURCE_ABILITY_REQUESTS} {@code resourceAbilityRequests},
 * none of them twice (a capability with the same {@code sig} and {@code signedMessage} as an earlier one, a request
 * with the same {@code resource} and {@code ability}). Code: {@code NodeBadInput}.
 *
 * <p>It runs before every signature check and reads the raw {@code signedMessage} with
 * {@link JsonReader#scanArrays}: the two arrays are counted without being built, so a payload with 20,000
 * capabilities costs one pass over its text, not one pairing or recovery each. Text that is not a JSON object passes
 * here and is refused by {@code PayloadParseCheck}, after the signature check, as the reference node orders it.
 */
public final class PayloadLimitsCheck implements SessionCheck {
    /** The most capabilities one session sig may carry. */
    public static final int MAX_CAPABILITIES = 8;
    /** The most {@code resourceAbilityRequests} one session sig may carry. */
    public static final int MAX_RESOURCE_ABILITY_REQUESTS = 16;

    private static final String CAPABILITIES = "capabilities";
    private static final String REQUESTS = "resourceAbilityRequests";
    private static final Map<String, Integer> LIMITS = Map.of(CAPABILITIES, MAX_CAPABILITIES,
            REQUESTS, MAX_RESOURCE_ABILITY_REQUESTS);

    @Override
    public Optional<CheckFailure> check(SessionState state) {
        Optional<Map<String, JsonReader.ArrayScan>> scan = JsonReader.scanArrays(state.sessionSig().signedMessage(),
                LIMITS);
        if (scan.isEmpty()) {
            return Optional.empty();
        }
        for (String name : List.of(CAPABILITIES, REQUESTS)) {
            JsonReader.ArrayScan array = scan.get().get(name);
            if (array != null && array.size() > LIMITS.get(name)) {
                return CheckFailure.fail(LitErrorCode.NodeBadInput, "session sig carries " + array.size() + " "
                        + name + " (limit " + LIMITS.get(name) + ")");
            }
        }
        Optional<CheckFailure> repeated = repeated(scan.get().get(CAPABILITIES), CAPABILITIES, "sig",
                "signedMessage");
        return repeated.isPresent() ? repeated : repeated(scan.get().get(REQUESTS), REQUESTS, "resource", "ability");
    }

    /** The first item whose two {@code members} equal those of an earlier item. */
    private static Optional<CheckFailure> repeated(JsonReader.ArrayScan array, String name, String first,
                                                   String second) {
        if (array == null) {
            return Optional.empty();
        }
        Map<Object, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.items().size(); i++) {
            Integer earlier = seen.putIfAbsent(identity(array.items().get(i), first, second), i);
            if (earlier != null) {
                return CheckFailure.fail(LitErrorCode.NodeBadInput, "session sig carries " + name + "[" + i
                        + "] twice: same " + first + " and " + second + " as " + name + "[" + earlier + "]");
            }
        }
        return Optional.empty();
    }

    /** What makes two items the same work: the two members of an object, or the whole item otherwise. */
    private static Object identity(JsonValue item, String first, String second) {
        if (item instanceof JsonValue.JsonObject o) {
            return List.of(o.get(first), o.get(second));
        }
        return item;
    }
}
