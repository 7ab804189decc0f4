package io.litj.node.http.internal;

import io.litj.node.LitNodeException;
import io.litj.node.revoke.RevocationBook;
import io.litj.protocol.IsoTime;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.SessionRevocation;
import io.litj.protocol.auth.SignedRevocation;
import io.litj.protocol.json.JsonValue;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * {@code POST /web/revoke} (litj, {@code docs/revocation.md}): body {@code {"grant","revocation","sig"}}
 * ({@link SignedRevocation}), at most {@link io.litj.node.HttpLimits#REVOKE_BODY_BYTES}. The revocation is verified
 * (cheapest checks first; the one signature recovery last), kept in the {@link RevocationBook}, and — when it is
 * new here — handed to {@code share} (the peers) before the answer
 * {@code {"revoked":true,"new":bool,"grant":"0x…","sessionKey":"<hex>|all","granter":"0x…","keptUntil":"<ISO>"}}.
 * Refusals: {@code NodeRevocationInvalid}, {@code NodeRevocationNotGranter}, {@code NodeConcurrencyOverload} (book
 * full); nothing is kept then.
 */
public final class RevokeEndpoint implements Endpoint {
    private final RevocationBook book;
    private final Consumer<SignedRevocation> share;
    private final Clock clock;

    public RevokeEndpoint(RevocationBook book, Consumer<SignedRevocation> share, Clock clock) {
        this.book = book;
        this.share = share;
        this.clock = clock;
    }

    @Override
    public NodeResponse handle(NodeRequest request) {
        SignedRevocation proof;
        try {
            proof = SignedRevocation.fromJson(request.body());
        } catch (LitProtocolException e) {
            throw new LitNodeException(e.code(), e.getMessage());
        }
        RevocationBook.Added added = book.add(proof, clock.instant());
        if (added.isNew()) {
            share.accept(proof);
        }
        SessionRevocation r = added.revocation();
        return NodeResponse.ok(JsonValue.object()
                .put("revoked", new JsonValue.JsonBoolean(true))
                .put("new", new JsonValue.JsonBoolean(added.isNew()))
                .put("grant", r.grantDigest().hex0x())
                .put("sessionKey", r.sessionKey().orElse(SessionRevocation.ALL_KEYS))
                .put("granter", r.granter().toChecksumString())
                .put("keptUntil", IsoTime.format(r.grantExpiration()))
                .build());
    }
}
