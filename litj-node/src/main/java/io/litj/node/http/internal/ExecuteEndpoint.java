package io.litj.node.http.internal;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionHost;
import io.litj.node.actions.ActionRequest;
import io.litj.node.actions.ActionResult;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.actions.IpfsCid;
import io.litj.node.auth.AuthGate;
import io.litj.node.auth.PkpSignAuthorizer;
import io.litj.node.ecdsa.ActionExchange;
import io.litj.node.ecdsa.PkpSigner;
import io.litj.node.fetch.ActionFetcher;
import io.litj.node.ratelimit.CapacityGate;
import io.litj.node.ratelimit.PaidRoute;
import io.litj.node.ratelimit.Payer;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.auth.AuthSigType;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * {@code POST /web/execute/v1}: runs a Lit Action ({@code lit-node-behaviour.md} §1.8). The code arrives base64;
 * its resource id is the IPFS CIDv0 of the code bytes, so a session limited to one action's CID can run that action
 * and no other. The caller must hold a session sig granting {@code lit-action-execution} on that resource, and a
 * capacity credit must pay for the run ({@link CapacityGate}, after the session sig and before the action). With
 * {@code ipfsId} instead of code, the code is what the {@link ActionStore} holds under that CID (the network's
 * registry, CID re-verified); an unknown CID is refused with {@code NodeIpfsIdNotFound} before anything is charged.
 */
public final class ExecuteEndpoint implements Endpoint {
    private final AuthGate gate;
    private final ActionRuntime runtime;
    private final ActionStore actions;
    private final PkpSignAuthorizer pkpAuthorizer;
    private final PkpSigner pkpSigner;
    private final ActionPermissions permissions;
    private final ActionAccess access;
    private final CapacityGate capacity;
    private final ActionFetcher fetcher;
    private final ActionChains chains;
    private final LongConsumer runNanos;

    /**
     * Actions read PKP permissions from {@code registry} ({@link ActionPermissions}), and sign with PKPs
     * ({@link ActionSigner}) when both {@code pkpAuthorizer} and {@code pkpSigner} are given; without them
     * {@code signEcdsa} and its kin reject. With {@code access} they evaluate conditions, encrypt and decrypt
     * ({@link ActionEncryption}); without it those functions reject. Their {@code fetch} goes through
     * {@code fetcher}, their {@code getRpcUrl}/{@code getLatestNonce} through {@code chains} (reject without), and
     * their {@code call} runs children from {@code actions}.
     */
    public ExecuteEndpoint(AuthGate gate, ActionRuntime runtime, ActionStore actions, Registry registry,
            PkpSignAuthorizer pkpAuthorizer, PkpSigner pkpSigner, ActionAccess access, CapacityGate capacity,
            ActionFetcher fetcher, ActionChains chains) {
        this(gate, runtime, actions, registry, pkpAuthorizer, pkpSigner, access, capacity, fetcher, chains,
                nanos -> { });
    }

    /** As the other constructor, reporting how long each top-level Lit Action run took to {@code runNanos}. */
    public ExecuteEndpoint(AuthGate gate, ActionRuntime runtime, ActionStore actions, Registry registry,
            PkpSignAuthorizer pkpAuthorizer, PkpSigner pkpSigner, ActionAccess access, CapacityGate capacity,
            ActionFetcher fetcher, ActionChains chains, LongConsumer runNanos) {
        this.runNanos = Objects.requireNonNull(runNanos, "runNanos");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.chains = chains;
        this.access = access;
        this.capacity = Objects.requireNonNull(capacity, "capacity");
        this.permissions = new ActionPermissions(registry);
        this.gate = Objects.requireNonNull(gate, "gate");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.pkpAuthorizer = pkpAuthorizer;
        this.pkpSigner = pkpSigner;
    }

    @Override
    public NodeResponse handle(NodeRequest request) {
        JsonValue.JsonObject body = request.body();
        Optional<String> code = RequestBodies.optionalString(body, "code");
        Optional<String> ipfsId = RequestBodies.optionalString(body, "ipfsId");
        if (code.isPresent() == ipfsId.isPresent()) {
            throw new LitNodeException(LitErrorCode.NodeInvalidIPFSID,
                    "send exactly one of code (base64 Lit Action source) or ipfsId");
        }
        if (ipfsId.isPresent() && IpfsCid.multihashOf(ipfsId.get()).isEmpty()) {
            throw new LitNodeException(LitErrorCode.NodeInvalidIPFSID, "ipfsId " + Text.cut(ipfsId.get())
                    + " is not an IPFS CID (base58btc, at most " + IpfsCid.MAX_CID_CHARS + " characters)");
        }
        byte[] codeBytes = code.map(RequestBodies::codeBytes).orElse(null);
        String cid = codeBytes != null ? IpfsCid.v0(codeBytes) : ipfsId.get();
        AuthContext auth = gate.authorize(body.get("authSig"), body.get("authMethods"), LitResource.action(cid),
                LitAbility.LIT_ACTION_EXECUTION);
        String source;
        if (codeBytes != null) {
            source = RequestBodies.codeText(codeBytes);
        } else {
            source = actions.find(cid).orElseThrow(() -> new LitNodeException(LitErrorCode.NodeIpfsIdNotFound,
                    "no Lit Action code is stored under ipfsId " + Text.cut(cid) + "; store it with `litj action put"
                            + " <file>` (this node reads code from the network's registry, not from IPFS)"));
        }
        capacity.charge(Payer.of(auth), PaidRoute.EXECUTE);
        if (codeBytes != null) {
            actions.remember(cid, source);
        }
        JsonValue.JsonObject jsParams = RequestBodies.jsParams(body);
        // the slot fairness rule counts by the proven caller: the address that signed the session's capability
        String requestId = request.header("x-request-id").or(() -> request.header("x-correlation-id")).orElse("");
        ActionSigner signer = pkpSigner == null ? null : new ActionSigner(pkpAuthorizer, pkpSigner, auth, cid,
                requestId);
        Duration timeout = runtime.limits().timeout();
        Run run = new Run(auth, Map.of("x-correlation-id", request.correlationId()), auth.caller().toChecksumString(),
                System.nanoTime() + timeout.toNanos(), signer,
                access == null ? null : access.forRun(auth, cid, AccGuard.litParams(body), requestId),
                fetcher.forRun(timeout),
                pkpSigner == null ? null : new ActionPeers(new ActionExchange(pkpSigner), requestId, cid, timeout),
                chains == null ? null : chains.forRun(timeout));
        List<String> stack = List.of(cid);
        long started = System.nanoTime();
        ActionResult result;
        try {
            result = runtime.run(run.request(source, jsParams, stack), functions(run, stack));
        } finally {
            runNanos.accept(System.nanoTime() - started);
        }
        return NodeResponse.ok(JsonValue.object()
                .put("success", new JsonValue.JsonBoolean(result.success()))
                .put("signedData", signer == null ? JsonValue.JsonObject.empty() : signer.signedData())
                .put("decryptedData", JsonValue.JsonObject.empty())
                .put("claimData", JsonValue.JsonObject.empty())
                .put("response", result.response())
                .put("logs", result.logs())
                .build());
    }

    /**
     * The node functions of the action at the top of {@code stack} (the top action's CID, then each child's) in
     * {@code run}: a child signs and checks conditions as its own CID, and shares every budget with the run.
     */
    private ActionFunctions functions(Run run, List<String> stack) {
        boolean child = stack.size() > 1;
        String cid = stack.getLast();
        ActionSigner signer = run.signer() == null || !child ? run.signer() : run.signer().forAction(cid);
        ActionEncryption encryption = run.encryption() == null || !child ? run.encryption()
                : run.encryption().forAction(cid);
        ActionCalls calls = new ActionCalls(actions, stack, run.deadlineNanos(), (code, params, childStack, left) ->
                runtime.run(run.request(code, params, childStack), functions(run, childStack), left));
        return new ActionFunctions(permissions, signer, encryption, run.fetch(), run.peers(), run.chains(), calls);
    }

    /**
     * What one {@code /web/execute} request's action and its children share: who asks, the deadline, and the
     * budgeted functions (signatures, decryptions, fetches, exchanges, chain calls are counted across all of them).
     */
    private record Run(AuthContext auth, Map<String, String> headers, String caller, long deadlineNanos,
            ActionSigner signer, ActionEncryption encryption, ActionHost fetch, ActionPeers peers, ActionHost chains) {
        ActionRequest request(String code, JsonValue.JsonObject jsParams, List<String> stack) {
            return new ActionRequest(code, jsParams, litAuth(auth, stack), headers, caller);
        }
    }

    /** The auth context the action {@code cid}, run by a request, sees as {@code LitAuth}. */
    static JsonValue.JsonObject litAuth(AuthContext auth, String cid) {
        return litAuth(auth, List.of(cid));
    }

    /**
     * The auth context an action sees as {@code LitAuth} (lit-node-behaviour.md §13): {@code actionIpfsIds} its own
     * CID (the last of {@code stack}); {@code actionIpfsIdStack} the CIDs of the actions that authorized the
     * session (its resolved auth context), then those from the request's action down to it; the other members from
     * the session's resolved auth context, else Datil's empty values.
     */
    static JsonValue.JsonObject litAuth(AuthContext auth, List<String> stack) {
        List<JsonValue> fullStack = new ArrayList<>();
        auth.resolvedAuthContext().flatMap(ctx -> ctx.get("actionIpfsIds")).ifPresent(ids -> {
            if (ids instanceof JsonValue.JsonArray a) {
                a.items().stream().filter(JsonValue.JsonString.class::isInstance).forEach(fullStack::add);
            }
        });
        stack.forEach(cid -> fullStack.add(new JsonValue.JsonString(cid)));
        JsonValue.JsonArray stackJson = new JsonValue.JsonArray(fullStack);
        JsonValue.ObjectBuilder b = JsonValue.object()
                .put("actionIpfsIds", new JsonValue.JsonArray(List.of(new JsonValue.JsonString(stack.getLast()))))
                .put("actionIpfsIdStack", stackJson)
                .put("authSigAddress", auth.capabilityType() != AuthSigType.BLS_NETWORK_SIG
                        ? new JsonValue.JsonString(auth.caller().toChecksumString()) : JsonValue.JsonNull.INSTANCE)
                .put("authMethodContexts", new JsonValue.JsonArray(List.of()))
                .put("resources", new JsonValue.JsonArray(List.of()))
                .put("customAuthResource", "");
        auth.resolvedAuthContext().ifPresent(ctx -> ctx.members().forEach((k, v) -> {
            if (!k.equals("actionIpfsIds") && !k.equals("actionIpfsIdStack")) {
                b.put(k, v);
            }
        }));
        return b.build();
    }
}
