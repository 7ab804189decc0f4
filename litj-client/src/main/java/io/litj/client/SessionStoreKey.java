package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a stored session belongs to: a network, an account (the wallet or PKP address that grants the session) and
 * a set of resource-ability requests. Different users, PKPs, networks or resource sets never share a session, so a
 * cached wallet signature is never offered to the wrong account (the JS SDK keeps one global slot).
 *
 * <p>Immutable. The resources are held as a set in a canonical order (sorted by their canonical JSON, duplicates
 * removed), so equal sets give equal keys whatever order the caller listed them in.
 *
 * @param network the client's network name ({@link LitClient#network()})
 * @param account the granting account, e.g. an EIP-55 address
 * @param resources the requested resources, canonical order
 */
public record SessionStoreKey(String network, String account, List<ResourceAbilityRequest> resources) {
    public SessionStoreKey {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(account, "account");
        if (network.isEmpty() || account.isEmpty()) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "network and account must not be empty");
        }
        if (resources.isEmpty()) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "resources must not be empty");
        }
        resources = canonical(resources);
    }

    /** The key of {@code requests} for {@code network} and {@code account}. */
    public static SessionStoreKey of(String network, String account, List<ResourceAbilityRequest> requests) {
        return new SessionStoreKey(network, account, requests);
    }

    /** The key for a wallet or PKP address (written in EIP-55 form). */
    public static SessionStoreKey of(String network, EthAddress account, List<ResourceAbilityRequest> requests) {
        return new SessionStoreKey(network, account.toChecksumString(), requests);
    }

    /** Lowercase hex SHA-256 of the canonical JSON array of the sorted requests. */
    public String resourceSetId() {
        List<JsonValue> items = new ArrayList<>(resources.size());
        resources.forEach(r -> items.add(r.toJson()));
        return Hex.encode(Hashes.sha256(JsJson.canonicalize(new JsonValue.JsonArray(items))));
    }

    /** A stable id of the whole key: lowercase hex SHA-256 over network, account and resource set. */
    public String id() {
        return Hex.encode(Hashes.sha256(JsJson.stringify(new JsonValue.JsonArray(List.of(
                new JsonValue.JsonString(network), new JsonValue.JsonString(account),
                new JsonValue.JsonString(resourceSetId()))))));
    }

    private static List<ResourceAbilityRequest> canonical(List<ResourceAbilityRequest> requests) {
        TreeMap<String, ResourceAbilityRequest> sorted = new TreeMap<>();
        for (ResourceAbilityRequest r : requests) {
            sorted.putIfAbsent(JsJson.canonicalize(Objects.requireNonNull(r, "request").toJson()), r);
        }
        return List.copyOf(sorted.values());
    }

    @Override
    public String toString() {
        return "SessionStoreKey[network=" + network + " account=" + account + " resources=" + resources + "]";
    }
}
