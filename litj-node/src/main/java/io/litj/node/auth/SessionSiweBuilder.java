package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.node.registry.Block;
import io.litj.protocol.LitBugException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.recap.RecapCodec;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweRenderer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The SIWE the network signs for a session ({@code lit-node-behaviour.md} §3.1 step 7): the client's SIWE template
 * rewritten so that it names the PKP, is dated by a block, and carries the resolved auth context. Every node must
 * produce the same bytes from the same request, or the client cannot combine the shares; so the result depends only
 * on the request SIWE, the PKP, the nonce's block, the auth context and the logins' expirations, never on the node
 * or its clock.
 *
 * <p>The rewrite, byte-compatible with Datil (vectors V2 and V3 of §9.2):
 * <ul>
 *   <li>user capabilities: the ReCap in the request SIWE's <em>last</em> resource ({@link #userCapabilities});</li>
 *   <li>node capability: {@code lit-resolvedauthcontext://*} → {@code Auth/Auth} with the nota bene
 *   {@code {"auth_context": <context>}};</li>
 *   <li>merged: the node capability merged with the user's (the two never share a resource key, so the direction
 *   does not change the result; the URN is canonical JSON, keys sorted);</li>
 *   <li>statement: {@code <request statement> <merged ReCap statement>}: the user's ReCap sentence stays and a full
 *   new one follows, which is why Datil SIWEs repeat "I further authorize …";</li>
 *   <li>address: the PKP's EIP-55 address; nonce: the block hash (lowercase); Issued At: the block time in UTC,
 *   whole seconds ({@code 2024-06-02T19:46:47Z}); resources: the merged URN alone;</li>
 *   <li>Expiration Time: the request's, unchanged, unless a login the grant rests on expires earlier (litj, issue
 *   8: a grant never outlives its login); then the earliest login expiration, written as JavaScript's
 *   {@code toISOString} writes it (milliseconds, cut, never later than the login's);</li>
 *   <li>copied unchanged: scheme, domain, URI, version, chain id, Not Before, Request ID.</li>
 * </ul>
 */
final class SessionSiweBuilder {
    private static final String RESOLVED_PREFIX = LitResource.resolvedAuthContext().prefix().value();
    private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ISO_INSTANT;

    private SessionSiweBuilder() {
    }

    /**
     * The capabilities the user asks for: the ReCap of the request SIWE's last resource, as siwe-recap's
     * {@code extract_and_verify} reads it.
     *
     * @throws LitNodeException {@code NodeSIWECapabilityInvalid} if there is no statement or resource, the last
     *     resource is not a decodable ReCap, or the statement does not end with its ReCap statement;
     *     {@code NodeInvalidAuthContextResource} if it grants anything on {@code lit-resolvedauthcontext}
     */
    static Recap userCapabilities(SiweMessage request) {
        if (request.resources().isEmpty()) {
            throw new LitNodeException(LitErrorCode.NodeSIWECapabilityInvalid,
                    "siweMessage has no resources; its last resource must be the ReCap of the session's capabilities");
        }
        String last = request.resources().get(request.resources().size() - 1);
        Recap recap;
        try {
            recap = RecapCodec.decode(last);
        } catch (LitProtocolException e) {
            throw new LitNodeException(LitErrorCode.NodeSIWECapabilityInvalid, "siweMessage last resource: "
                    + e.getMessage(), List.of(), e);
        }
        String expected = recap.statement();
        if (!request.statement().map(s -> s.endsWith(expected)).orElse(false)) {
            throw new LitNodeException(LitErrorCode.NodeSIWECapabilityInvalid, "siweMessage statement must end with "
                    + "its ReCap's statement '" + Text.cut(expected) + "'");
        }
        for (String key : recap.attenuations().keySet()) {
            if (key.contains(RESOLVED_PREFIX)) {
                throw new LitNodeException(LitErrorCode.NodeInvalidAuthContextResource, "siweMessage ReCap grants "
                        + Text.cut(key) + ": only the nodes may grant " + RESOLVED_PREFIX + " resources");
            }
        }
        return recap;
    }

    /**
     * The SIWE the network signs.
     *
     * @param request the client's SIWE template, already checked
     * @param user its capabilities ({@link #userCapabilities})
     * @param pkp the PKP's address
     * @param block the block the request's nonce names
     * @param authContext the {@code auth_context} object ({@link ResolvedAuthContext#toJson()})
     * @param loginsExpire when the earliest login of the request expires; empty without logins
     * @return the message text, ready to sign
     */
    static String build(SiweMessage request, Recap user, EthAddress pkp, Block block,
                        JsonValue.JsonObject authContext, Optional<Instant> loginsExpire) {
        Recap node = Recap.empty().withAttenuation(LitResource.resolvedAuthContext().key(), "Auth", "Auth",
                JsonValue.object().put("auth_context", authContext).build());
        Recap merged = node.merge(user);
        String statement = request.statement().map(s -> s + " ").orElse("") + merged.statement();
        SiweMessage.Builder signed = request.toBuilder();
        Instant requested = request.expirationInstant().orElseThrow(() -> new LitBugException(
                "a session SIWE without Expiration Time passed RequestSiweTimeCheck"));
        loginsExpire.filter(end -> end.isBefore(requested)).ifPresent(signed::expirationTime);
        signed.address(pkp.toChecksumString())
                .nonce(block.hash())
                .issuedAt(wholeSeconds(block.timestamp()))
                .statement(statement)
                .resources(List.of(merged.toUrn()));
        return SiweRenderer.render(signed.build());
    }

    /** RFC 3339 UTC with whole seconds, as Datil nodes write the block time: {@code 2024-06-02T19:46:47Z}. */
    static String wholeSeconds(Instant time) {
        return WHOLE_SECONDS.format(time.truncatedTo(ChronoUnit.SECONDS));
    }
}
