package io.litj.node.http.internal;

import io.litj.node.LitNodeException;
import io.litj.node.acc.ConditionEvaluator;
import io.litj.node.acc.EvaluationContext;
import io.litj.node.auth.AccAuthGate;
import io.litj.node.ratelimit.CapacityGate;
import io.litj.node.ratelimit.PaidRoute;
import io.litj.node.ratelimit.Payer;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The steps both access-control endpoints share ({@code lit-node-behaviour.md} §1.5, §1.6, §6.3): read the
 * condition set from the body (counted before anything else: {@code NodeTooManyConditions}; none:
 * {@code NodeMissingAccessControlConditions}; malformed: {@code NodeParserError}), authorize the {@code authSig}
 * for the resource the set names ({@link AccAuthGate}), charge a capacity credit ({@link CapacityGate}), then
 * evaluate the set for the proven caller
 * ({@code false}: {@code NodeAccessControlConditionsReturnedNotAuthorized}, 401).
 */
final class AccGuard {
    private static final int MAX_LIT_PARAMS = 64;

    private final AccAuthGate gate;
    private final ConditionEvaluator evaluator;
    private final CapacityGate capacity;
    private final PaidRoute route;

    AccGuard(AccAuthGate gate, ConditionEvaluator evaluator, CapacityGate capacity, PaidRoute route) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.capacity = Objects.requireNonNull(capacity, "capacity");
        this.route = Objects.requireNonNull(route, "route");
    }

    /** The request's condition set. */
    static ConditionSet conditions(JsonValue.JsonObject body) {
        try {
            return ConditionSet.fromRequest(body);
        } catch (LitProtocolException e) {
            throw new LitNodeException(e.code(), e.getMessage());
        }
    }

    /**
     * Authorizes and evaluates.
     *
     * @param resource what the set grants, from the set (and the request)
     * @return the proven caller, for whom the set holds
     */
    EthAddress admit(JsonValue.JsonObject body, ConditionSet set,
            Function<ConditionSet, ResourceAbilityRequest> resource) {
        Payer payer = gate.admit(body.get("authSig"), resource.apply(set));
        capacity.charge(payer, route);
        EthAddress caller = payer.user();
        EvaluationContext context = EvaluationContext.of(caller, litParams(body));
        if (!evaluator.evaluate(set, context)) {
            throw new LitNodeException(LitErrorCode.NodeAccessControlConditionsReturnedNotAuthorized,
                    "the access control conditions (hash " + set.hashHex() + ") do not hold for "
                            + caller.toChecksumString());
        }
        return caller;
    }

    /** {@code jsParams} members usable as {@code :litParam:<name>}: strings as they are, numbers and booleans as JSON. */
    static Map<String, String> litParams(JsonValue.JsonObject body) {
        JsonValue.JsonObject params = RequestBodies.jsParams(body);
        if (params.members().size() > MAX_LIT_PARAMS) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "jsParams has " + params.members().size()
                    + " members (limit " + MAX_LIT_PARAMS + ")");
        }
        Map<String, String> out = new HashMap<>();
        params.members().forEach((name, value) -> {
            switch (value) {
                case JsonValue.JsonString s -> out.put(name, s.value());
                case JsonValue.JsonNumber n -> out.put(name, JsJson.stringify(n));
                case JsonValue.JsonBoolean b -> out.put(name, Boolean.toString(b.value()));
                default -> {
                    // objects, arrays and null cannot stand for a parameter
                }
            }
        });
        return out;
    }

    /** A required non-negative integer member, e.g. {@code iat}. */
    static long seconds(JsonValue.JsonObject body, String name) {
        JsonValue v = body.get(name).orElseThrow(() -> new LitNodeException(LitErrorCode.NodeBadInput,
                name + " is missing"));
        if (v instanceof JsonValue.JsonNumber n && n.value() >= 0 && n.value() == Math.rint(n.value())
                && n.value() <= 9007199254740991d) {
            return (long) n.value();
        }
        throw new LitNodeException(LitErrorCode.NodeBadInput, name + " must be a non-negative integer of seconds"
                + " but is " + Text.cut(JsJson.stringify(v)));
    }
}
