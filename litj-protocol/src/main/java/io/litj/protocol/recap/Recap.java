package io.litj.protocol.recap;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An ERC-5573 ReCap details object: attenuations ({@code resource URI → "Namespace/Name" → restrictions}) and
 * proofs. Immutable; resource and ability keys are kept sorted (UTF-16 code-unit order, as JavaScript sorts), and
 * each ability maps to its list of nota-bene objects ({@code {}} = no restriction).
 *
 * <p>Semantics follow npm {@code siwe-recap@0.0.2-alpha.0} (the JS SDK's): {@link #withAttenuation} appends a
 * restriction, {@link #merge} unions attenuations and replaces a restriction list that is empty or all {@code {}},
 * {@link #statement()} is the human-readable ReCap statement. Encode/decode: {@link RecapCodec}.
 */
public record Recap(Map<String, Map<String, List<JsonValue.JsonObject>>> attenuations, List<String> proofs) {
    /** The statement of a ReCap that grants nothing. */
    public static final String STATEMENT_PREAMBLE =
            "I further authorize the stated URI to perform the following actions on my behalf:";
    private static final Pattern ABILITY_PART = Pattern.compile("[a-zA-Z0-9.*_+-]+");

    public Recap {
        Objects.requireNonNull(attenuations, "attenuations");
        TreeMap<String, Map<String, List<JsonValue.JsonObject>>> att = new TreeMap<>();
        for (Map.Entry<String, Map<String, List<JsonValue.JsonObject>>> r : attenuations.entrySet()) {
            TreeMap<String, List<JsonValue.JsonObject>> abilities = new TreeMap<>();
            for (Map.Entry<String, List<JsonValue.JsonObject>> a : r.getValue().entrySet()) {
                checkAbility(a.getKey());
                abilities.put(a.getKey(), List.copyOf(a.getValue()));
            }
            att.put(Objects.requireNonNull(r.getKey(), "resource"), Collections.unmodifiableMap(abilities));
        }
        attenuations = Collections.unmodifiableMap(att);
        proofs = List.copyOf(proofs);
    }

    /** A ReCap that grants nothing: {@code urn:recap:eyJhdHQiOnt9LCJwcmYiOltdfQ}. */
    public static Recap empty() {
        return new Recap(Map.of(), List.of());
    }

    /** True if {@code key} is a valid {@code Namespace/Name} ability string. */
    public static boolean isValidAbility(String key) {
        int slash = key.indexOf('/');
        return slash > 0 && ABILITY_PART.matcher(key.substring(0, slash)).matches()
                && ABILITY_PART.matcher(key.substring(slash + 1)).matches();
    }

    private static void checkAbility(String key) {
        if (key == null || !isValidAbility(key)) {
            throw new LitProtocolException(LitErrorCode.NodeSIWECapabilityInvalid,
                    "ReCap ability '" + Text.cut(key) + "' is not of the form Namespace/Name");
        }
    }

    /** This ReCap plus {@code restriction} on {@code resource}'s {@code namespace/name} (appended). */
    public Recap withAttenuation(String resource, String namespace, String name, JsonValue.JsonObject restriction) {
        Map<String, Map<String, List<JsonValue.JsonObject>>> att = mutableCopy();
        List<JsonValue.JsonObject> list = att.computeIfAbsent(resource, k -> new TreeMap<>())
                .computeIfAbsent(namespace + "/" + name, k -> new ArrayList<>());
        list.add(restriction);
        return new Recap(att, proofs);
    }

    /** {@code siwe-recap}'s {@code merge}: this ReCap with {@code other}'s attenuations and proofs added. */
    public Recap merge(Recap other) {
        Map<String, Map<String, List<JsonValue.JsonObject>>> att = mutableCopy();
        for (Map.Entry<String, Map<String, List<JsonValue.JsonObject>>> r : other.attenuations.entrySet()) {
            Map<String, List<JsonValue.JsonObject>> existing = att.get(r.getKey());
            if (existing == null) {
                att.put(r.getKey(), new TreeMap<>(r.getValue()));
                continue;
            }
            for (Map.Entry<String, List<JsonValue.JsonObject>> a : r.getValue().entrySet()) {
                List<JsonValue.JsonObject> current = existing.get(a.getKey());
                if (current == null || current.stream().allMatch(JsonValue.JsonObject::isEmpty)) {
                    existing.put(a.getKey(), new ArrayList<>(a.getValue()));
                } else {
                    current.addAll(a.getValue());
                }
            }
        }
        List<String> prf = new ArrayList<>(proofs);
        other.proofs.stream().filter(p -> !prf.contains(p)).forEach(prf::add);
        return new Recap(att, prf);
    }

    /** The abilities granted on exactly this resource key. */
    public Optional<Map<String, List<JsonValue.JsonObject>>> abilitiesOn(String resourceKey) {
        return Optional.ofNullable(attenuations.get(resourceKey));
    }

    /**
     * The ReCap statement: the preamble, then for each resource (sorted) and each namespace (grouped from the
     * sorted ability keys) {@code " (n) 'Namespace': 'a', 'b' for 'resource'."}.
     */
    public String statement() {
        StringBuilder out = new StringBuilder(STATEMENT_PREAMBLE);
        int section = 1;
        for (Map.Entry<String, Map<String, List<JsonValue.JsonObject>>> r : attenuations.entrySet()) {
            Map<String, List<String>> byNamespace = new LinkedHashMap<>();
            for (String ability : r.getValue().keySet()) {
                int slash = ability.indexOf('/');
                byNamespace.computeIfAbsent(ability.substring(0, slash), k -> new ArrayList<>())
                        .add(ability.substring(slash + 1));
            }
            for (Map.Entry<String, List<String>> ns : byNamespace.entrySet()) {
                out.append(" (").append(section++).append(") '").append(ns.getKey()).append("': ");
                List<String> names = ns.getValue();
                for (int i = 0; i < names.size(); i++) {
                    out.append(i == 0 ? "'" : ", '").append(names.get(i)).append('\'');
                }
                out.append(" for '").append(r.getKey()).append("'.");
            }
        }
        return out.toString();
    }

    /** The {@code urn:recap:…} resource URI; shorthand for {@link RecapCodec#encode}. */
    public String toUrn() {
        return RecapCodec.encode(this);
    }

    private Map<String, Map<String, List<JsonValue.JsonObject>>> mutableCopy() {
        Map<String, Map<String, List<JsonValue.JsonObject>>> att = new TreeMap<>();
        attenuations.forEach((resource, abilities) -> {
            TreeMap<String, List<JsonValue.JsonObject>> copy = new TreeMap<>();
            abilities.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
            att.put(resource, copy);
        });
        return att;
    }

    @Override
    public String toString() {
        return "Recap" + attenuations.keySet();
    }
}
