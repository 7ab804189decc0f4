package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.auth.CapacityGrant;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResourcePrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A capacity delegation grants {@code Auth/Auth} on {@code lit-ratelimitincrease://<decimal id or *>}, and each
 * nota-bene object reads strictly ({@code lit-node-behaviour.md} §5): {@code nft_id} an array of decimal token ids,
 * {@code delegate_to} an array of addresses (40 hex digits, {@code 0x} optional, any case), {@code uses} a decimal
 * string; other members are ignored, as Datil does. Sizes are bounded before anything is built: at most
 * {@value #MAX_GRANTS} grants, {@value #MAX_IDS} token ids and {@value #MAX_DELEGATEES} delegatees per grant. Code:
 * {@code NodeCapacityDelegationInvalid}.
 */
public final class DelegationGrantCheck implements CapabilityCheck {
    static final int MAX_GRANTS = 16;
    static final int MAX_IDS = 64;
    static final int MAX_DELEGATEES = 256;
    private static final String PREFIX = LitResourcePrefix.RATE_LIMIT_INCREASE.value() + "://";
    private static final Pattern TOKEN_ID = Pattern.compile("0|[1-9][0-9]{0,77}");
    private static final Pattern USES = Pattern.compile("0|[1-9][0-9]{0,17}");
    private static final Pattern ADDRESS = Pattern.compile("(0[xX])?[0-9a-fA-F]{40}");

    @Override
    public Optional<CheckFailure> check(CapabilityState capability, SessionState session) {
        List<CapacityGrant> grants = new ArrayList<>();
        try {
            for (Recap recap : capability.recaps()) {
                for (Map.Entry<String, Map<String, List<JsonValue.JsonObject>>> r : recap.attenuations().entrySet()) {
                    if (!r.getKey().startsWith(PREFIX)) {
                        continue;
                    }
                    String id = r.getKey().substring(PREFIX.length());
                    if (!id.equals("*") && !TOKEN_ID.matcher(id).matches()) {
                        throw invalid("resource " + Text.cut(r.getKey()) + " names no token id");
                    }
                    for (JsonValue.JsonObject nb : r.getValue().getOrDefault(
                            LitAbility.RATE_LIMIT_INCREASE_AUTH.recapAbility(), List.of())) {
                        if (grants.size() == MAX_GRANTS) {
                            throw invalid("more than " + MAX_GRANTS + " Auth/Auth grants");
                        }
                        grants.add(grant(id, nb));
                    }
                }
            }
        } catch (LitProtocolException e) {
            return CheckFailure.fail(LitErrorCode.NodeCapacityDelegationInvalid, e.getMessage());
        }
        if (grants.isEmpty()) {
            return CheckFailure.fail(LitErrorCode.NodeCapacityDelegationInvalid, "no ReCap grants Auth/Auth on "
                    + PREFIX + "<id or *>");
        }
        capability.grants = List.copyOf(grants);
        return Optional.empty();
    }

    private static CapacityGrant grant(String resourceId, JsonValue.JsonObject nb) {
        Optional<List<String>> ids = nb.get("nft_id").map(v -> strings(v, "nft_id", MAX_IDS).stream().map(s -> {
            if (!TOKEN_ID.matcher(s).matches()) {
                throw invalid("nft_id " + Text.cut(s) + " is not a decimal token id");
            }
            return s;
        }).toList());
        Optional<List<EthAddress>> delegatees = nb.get("delegate_to").map(v -> strings(v, "delegate_to",
                MAX_DELEGATEES).stream().map(s -> {
                    if (!ADDRESS.matcher(s).matches()) {
                        throw invalid("delegate_to entry " + Text.cut(s) + " is not an address (40 hex digits)");
                    }
                    String hex = s.length() == 42 ? s.substring(2) : s;
                    return EthAddress.parse("0x" + hex.toLowerCase(Locale.ROOT), "delegate_to");
                }).toList());
        Optional<Long> uses = nb.get("uses").map(v -> {
            if (!(v instanceof JsonValue.JsonString s) || !USES.matcher(s.value()).matches()) {
                throw invalid("uses must be a decimal string of at most 18 digits");
            }
            return Long.parseLong(s.value());
        });
        return new CapacityGrant(resourceId, ids, delegatees, uses);
    }

    private static List<String> strings(JsonValue v, String name, int max) {
        if (!(v instanceof JsonValue.JsonArray a)) {
            throw invalid(name + " must be an array of strings");
        }
        if (a.items().size() > max) {
            throw invalid(name + " lists " + a.items().size() + " entries (limit " + max + ")");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : a.items()) {
            if (!(item instanceof JsonValue.JsonString s)) {
                throw invalid(name + " must be an array of strings");
            }
            out.add(s.value());
        }
        return out;
    }

    private static LitProtocolException invalid(String message) {
        return new LitProtocolException(LitErrorCode.NodeCapacityDelegationInvalid, message);
    }
}
