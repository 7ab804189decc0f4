package io.litj.node.http.internal;

import io.litj.node.actions.ActionHostException;
import io.litj.node.actions.IpfsCid;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.node.registry.Registry;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code Lit.Actions} permission functions ({@code lit-node-behaviour.md} §13), answered from the node's
 * {@link Registry} as Datil answers them from the {@code PKPPermissions} contract: a token id the registry does not
 * hold permits nothing (false, empty lists), as the contract answers. Each function takes one argument object and
 * its answer is JSON:
 * <ul>
 *   <li>{@code isPermittedAction({tokenId, ipfsId})}, {@code isPermittedAddress({tokenId, address})},
 *   {@code isPermittedAuthMethod({tokenId, authMethodType, userId})} — a boolean;</li>
 *   <li>{@code getPermittedActions({tokenId})} — the CIDs; {@code getPermittedAddresses({tokenId})} — EIP-55
 *   addresses; {@code getPermittedAuthMethods({tokenId})} — {@code {auth_method_type, id, user_pubkey}} objects,
 *   the type as {@code 0x}-hex text and the id as {@code 0x}-hex bytes (an address, or a CID's multihash);</li>
 *   <li>{@code getPermittedAuthMethodScopes({tokenId, authMethodType, userId, maxScopeId})} — {@code maxScopeId}
 *   booleans, entry {@code i} true when the method holds scope {@code i};</li>
 *   <li>{@code pubkeyToTokenId({publicKey})} — {@code keccak256} of the 65-byte key as decimal text.</li>
 * </ul>
 * Arguments are bounded and checked by {@link PermissionArgs}; a refusal is an {@link ActionHostException}.
 * Stateless and thread-safe.
 */
final class ActionPermissions {
    /** The functions answered here. */
    static final Set<String> FUNCTIONS = Set.of("isPermittedAction", "isPermittedAddress", "isPermittedAuthMethod",
            "getPermittedActions", "getPermittedAddresses", "getPermittedAuthMethods", "getPermittedAuthMethodScopes",
            "pubkeyToTokenId");

    private final Registry registry;

    ActionPermissions(Registry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The JSON answer of {@code function} (one of {@link #FUNCTIONS}) to {@code args}. */
    String call(String function, JsonValue.JsonObject args) {
        JsonValue answer = switch (function) {
            case "pubkeyToTokenId" -> new JsonValue.JsonString(
                    new BigInteger(1, Hashes.keccak256(PermissionArgs.publicKey(args))).toString());
            case "isPermittedAction" -> {
                String tokenId = PermissionArgs.tokenId(args);
                String cid = PermissionArgs.string(args, "ipfsId", IpfsCid.MAX_CID_CHARS);
                yield permits(tokenId, p -> p.authMethodType() == PkpPermission.LIT_ACTION && p.id().equals(cid));
            }
            case "isPermittedAddress" -> {
                String tokenId = PermissionArgs.tokenId(args);
                String address = PermissionArgs.address(args, "address");
                yield permits(tokenId, p -> p.authMethodType() == PkpPermission.ETH_WALLET
                        && p.id().equalsIgnoreCase(address));
            }
            case "isPermittedAuthMethod" -> {
                String tokenId = PermissionArgs.tokenId(args);
                Optional<PkpPermission> method = method(tokenId, args);
                yield new JsonValue.JsonBoolean(method.isPresent());
            }
            case "getPermittedActions" -> list(PermissionArgs.tokenId(args), PkpPermission.LIT_ACTION,
                    p -> new JsonValue.JsonString(p.id()));
            case "getPermittedAddresses" -> list(PermissionArgs.tokenId(args), PkpPermission.ETH_WALLET,
                    p -> new JsonValue.JsonString(EthAddress.parse(p.id(), "address").toChecksumString()));
            case "getPermittedAuthMethods" -> list(PermissionArgs.tokenId(args), 0, ActionPermissions::authMethod);
            case "getPermittedAuthMethodScopes" -> scopes(args);
            default -> throw new ActionHostException("unknown function");
        };
        return JsJson.stringify(answer);
    }

    private JsonValue scopes(JsonValue.JsonObject args) {
        String tokenId = PermissionArgs.tokenId(args);
        Optional<PkpPermission> method = method(tokenId, args);
        int max = PermissionArgs.maxScopeId(args);
        List<JsonValue> out = new ArrayList<>(max);
        for (int scope = 0; scope < max; scope++) {
            int s = scope;
            out.add(new JsonValue.JsonBoolean(method.map(m -> m.scopes().contains(s)).orElse(false)));
        }
        return new JsonValue.JsonArray(out);
    }

    /** The permission of {@code (authMethodType, userId)} on the PKP, if it has one. */
    private Optional<PkpPermission> method(String tokenId, JsonValue.JsonObject args) {
        long type = PermissionArgs.authMethodType(args);
        Optional<String> id = PermissionArgs.userId(args, type);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return permissions(tokenId).stream().filter(p -> p.authMethodType() == type
                && (type == PkpPermission.ETH_WALLET ? p.id().equalsIgnoreCase(id.get()) : p.id().equals(id.get())))
                .findFirst();
    }

    private JsonValue permits(String tokenId, Predicate<PkpPermission> test) {
        return new JsonValue.JsonBoolean(permissions(tokenId).stream().anyMatch(test));
    }

    /** The permissions of {@code type} (0: all), in registry order, each as {@code toJson} gives it. */
    private JsonValue list(String tokenId, int type, java.util.function.Function<PkpPermission, JsonValue> toJson) {
        List<JsonValue> out = new ArrayList<>();
        for (PkpPermission p : permissions(tokenId)) {
            if (type == 0 || p.authMethodType() == type) {
                out.add(toJson.apply(p));
            }
        }
        return new JsonValue.JsonArray(out);
    }

    private List<PkpPermission> permissions(String tokenId) {
        return registry.pkp(tokenId).map(Pkp::permissions).orElse(List.of());
    }

    private static JsonValue authMethod(PkpPermission p) {
        String id = p.authMethodType() == PkpPermission.ETH_WALLET ? p.id().toLowerCase(Locale.ROOT)
                : "0x" + IpfsCid.multihashOf(p.id()).map(Hex::encode).orElse("");
        return JsonValue.object()
                .put("auth_method_type", "0x" + Integer.toHexString(p.authMethodType()))
                .put("id", id)
                .put("user_pubkey", "0x")
                .build();
    }
}
