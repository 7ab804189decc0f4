package io.litj.client;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigReuse;
import io.litj.protocol.auth.AuthSigType;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSigIssuer;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.auth.SessionTimeRules;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweParser;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.bls.BlsPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code getSessionSigs}, {@code getPkpSessionSigs} and {@code getLitActionSessionSigs}
 * ({@code js-sdk-v7-wire-format.md} §4, §5), with the store keyed per network, account (and, for PKPs, proof) and
 * resource set:
 * <ol>
 *   <li>grantor: the request's wallet ({@link WalletGrantor}) or the network ({@link NetworkGrantor});</li>
 *   <li>session key: the request's, else the stored one, else a new one (stored at once);</li>
 *   <li>grant: the stored AuthSig if {@link AuthSigReuse} says it is still good for this key and these requests
 *       (and, when the caller set an expiration, lasts that long); otherwise the grantor is asked once, the answer
 *       is checked with the node's own capability checks, and stored;</li>
 *   <li>session sigs: one per node, capabilities = the caller's capability AuthSigs then the grant.</li>
 * </ol>
 * The capability AuthSigs (e.g. capacity delegations) are neither stored nor part of the store key: the stored grant
 * covers the session key and resources and says nothing about who pays, so it is re-used whatever capabilities a
 * call brings, and each call's session sigs carry exactly that call's capabilities (as the JS SDK, whose storage
 * holds only the wallet sig).
 * One {@link AuthSigReuse} serves every call, so signatures verified once are not verified again; it verifies
 * network grants under the network key of the connection, and is replaced only when that key changes. Each grant's
 * SIWE is read once per call. Calls for the same store key are serialized, so concurrent callers cause one wallet
 * prompt or {@code sign_session_key} round, not several. Only a network grantor contacts nodes (the nonce
 * supplier may refresh the block hash).
 */
final class SessionManager {
    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    private final ClientConfig cfg;
    private final AtomicReference<KeyedReuse> reuse;
    private final ConcurrentHashMap<SessionStoreKey, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** The re-use check for one network key (empty: network grants cannot be verified). */
    private record KeyedReuse(Optional<String> networkKey, AuthSigReuse reuse) {
    }

    /** A grant and its SIWE expiration, as the re-use check read it. */
    private record Grant(AuthSig authSig, Optional<Instant> expiration) {
    }

    SessionManager(ClientConfig cfg) {
        this.cfg = cfg;
        this.reuse = new AtomicReference<>(new KeyedReuse(Optional.empty(), AuthSigReuse.of(cfg.clock())));
    }

    /** A session granted by the request's signer or callback. */
    SessionSigs getSessionSigs(SessionRequest request, ConnectionState state, Supplier<String> nonce) {
        return issue(request.terms(), new WalletGrantor(request, cfg.clock()), request.sessionKey(), state, nonce);
    }

    /** A session granted by the network to the request's PKP. */
    SessionSigs getPkpSessionSigs(PkpSessionRequest request, ConnectionState state, Supplier<String> nonce) {
        return issue(request.terms(), new NetworkGrantor(request, cfg, state), Optional.empty(), state, nonce);
    }

    private SessionSigs issue(SessionTerms terms, Grantor grantor, Optional<SessionKeyPair> sessionKey,
                              ConnectionState state, Supplier<String> nonce) {
        Instant now = cfg.clock().instant();
        List<ResourceAbilityRequest> requests = terms.resourceAbilityRequests();
        checkCapabilityAuthSigs(terms.capabilityAuthSigs(), now);
        terms.expiration().ifPresent(e -> SessionTimeRules.checkRequestedExpiration(e, now).ifPresent(v -> {
            throw new LitClientException(v.code(), v.message());
        }));
        AuthSigReuse check = reuseFor(state);
        SessionStoreKey storeKey = SessionStoreKey.of(cfg.network(), grantor.account().toChecksumString()
                + grantor.storeScope().map(scope -> "#" + scope).orElse(""), requests);
        ReentrantLock lock = locks.computeIfAbsent(storeKey, k -> new ReentrantLock());
        lock.lock();
        try {
            Optional<StoredSession> stored = load(storeKey);
            SessionKeyPair key = sessionKey.or(() -> stored.map(StoredSession::key)).orElseGet(() -> {
                SessionKeyPair fresh = SessionKeyPair.generate(cfg.random());
                save(storeKey, StoredSession.keyOnly(fresh));
                return fresh;
            });
            Optional<AuthSig> cached = stored.filter(s -> s.key().sameSecretAs(key)).flatMap(StoredSession::authSig);
            Grant grant = cached.flatMap(c -> reusable(c, key, terms, grantor, check)).orElse(null);
            if (grant == null) {
                grant = fresh(terms, grantor, key, nonce, check, state);
                save(storeKey, new StoredSession(key, Optional.of(grant.authSig())));
            }
            Instant expiration = sessionExpiration(terms, grant, now);
            List<AuthSig> capabilities = SessionSigIssuer.capabilities(terms.capabilityAuthSigs(), grant.authSig());
            return new SessionSigIssuer(cfg.clock()).issue(key, requests, capabilities, expiration, state.nodeUrls());
        } catch (LitProtocolException e) {
            throw LitClientException.from(e);
        } finally {
            lock.unlock();
        }
    }

    /** The one re-use check, renewed (with an empty signature cache) when the connection's network key changed. */
    private AuthSigReuse reuseFor(ConnectionState state) {
        return reuse.updateAndGet(r -> r.networkKey().equals(state.networkPublicKey()) ? r
                : new KeyedReuse(state.networkPublicKey(), newReuse(state.networkPublicKey()))).reuse();
    }

    private AuthSigReuse newReuse(Optional<String> networkKey) {
        AuthSigReuse plain = AuthSigReuse.of(cfg.clock());
        if (networkKey.isEmpty()) {
            return plain;
        }
        try {
            return plain.withBlsVerifier(cfg.networkVerifier().apply(BlsPublicKey.parse(networkKey.get())));
        } catch (ThresholdException e) {
            LOG.warn("the network key is not a BLS key ({}): network grants will be signed anew", e.getMessage());
            return plain;
        }
    }

    private Optional<Grant> reusable(AuthSig cached, SessionKeyPair key, SessionTerms terms, Grantor grantor,
                                     AuthSigReuse check) {
        if (!cached.address().equalsIgnoreCase(grantor.account().toChecksumString())) {
            LOG.debug("stored grant is for {}, not {}: signing a new one", cached.address(), grantor.account());
            return Optional.empty();
        }
        AuthSigReuse.Decision decision = check.check(cached, key, terms.resourceAbilityRequests());
        if (!decision.reusable()) {
            LOG.debug("stored grant for {} cannot be re-used ({}: {}): signing a new one", grantor.account(),
                    decision.check(), decision.reason());
            return Optional.empty();
        }
        Instant grantEnd = decision.expiration().orElseThrow();
        if (terms.expiration().filter(grantEnd::isBefore).isPresent()) {
            LOG.debug("stored grant for {} expires at {}, before the requested {}: signing a new one",
                    grantor.account(), grantEnd, terms.expiration().get());
            return Optional.empty();
        }
        return Optional.of(new Grant(cached, decision.expiration()));
    }

    /** Asks the grantor, then checks its answer as nodes will. */
    private Grant fresh(SessionTerms terms, Grantor grantor, SessionKeyPair key, Supplier<String> nonce,
                        AuthSigReuse check, ConnectionState state) {
        Instant expiration = terms.expiration().orElseGet(() -> defaultExpiration(cfg.clock().instant()));
        AuthSig grant = grantor.grant(new AuthCallbackParams(key.uri(), nonce.get(), expiration,
                terms.resourceAbilityRequests(), grantor.siweStatement(), grantor.siweDomain(), terms.chain()));
        if (grant.type() == AuthSigType.BLS_NETWORK_SIG && state.networkPublicKey().isEmpty()
                || grant.type() == AuthSigType.CONTRACT_SIG) {
            // a network grant without the network key, or a contract wallet's (EIP-1271): the client has no way to
            // verify it (no key, no chain call), so the nodes do; a stored one is never re-used unverified
            return new Grant(grant, siweExpiration(grant));
        }
        AuthSigReuse.Decision decision = grantor.freshCheck(check, grant)
                .check(grant, key, terms.resourceAbilityRequests());
        if (!decision.reusable()) {
            throw new LitClientException(LitErrorCode.InvalidSignature, "the new session grant from "
                    + grantor.account() + " would be refused by nodes (" + decision.check() + "): "
                    + decision.reason());
        }
        return new Grant(grant, decision.expiration());
    }

    private static void checkCapabilityAuthSigs(List<AuthSig> capabilityAuthSigs, Instant now) {
        for (int i = 0; i < capabilityAuthSigs.size(); i++) {
            Optional<Instant> expiration;
            try {
                expiration = SiweParser.parse(capabilityAuthSigs.get(i).signedMessage()).expirationInstant();
            } catch (LitProtocolException e) {
                throw new LitClientException(LitErrorCode.InvalidArgument, "capabilityAuthSigs[" + i
                        + "] does not hold a SIWE message: " + e.getMessage(), e);
            }
            if (expiration.isPresent() && SessionTimeRules.hasExpired(expiration.get(), now)) {
                throw new LitClientException(LitErrorCode.InvalidArgument, "capabilityAuthSigs[" + i
                        + "] expired at " + IsoTime.format(expiration.get()) + " (now " + IsoTime.format(now) + ")");
            }
        }
    }

    /** The requested expiration, else the default one but no later than the grant's. */
    private static Instant sessionExpiration(SessionTerms terms, Grant grant, Instant now) {
        if (terms.expiration().isPresent()) {
            return terms.expiration().get();
        }
        Instant byDefault = defaultExpiration(now);
        return grant.expiration().filter(end -> end.isBefore(byDefault)).orElse(byDefault);
    }

    private static Instant defaultExpiration(Instant now) {
        return now.plus(SessionTimeRules.DEFAULT_LIFETIME);
    }

    private static Optional<Instant> siweExpiration(AuthSig authSig) {
        try {
            return SiweParser.parse(authSig.signedMessage()).expirationInstant();
        } catch (LitProtocolException e) {
            return Optional.empty();
        }
    }

    private Optional<StoredSession> load(SessionStoreKey key) {
        try {
            return cfg.store().load(key);
        } catch (RuntimeException e) {
            LOG.warn("session store {} could not load {}: {}", cfg.store(), key, e.toString());
            return Optional.empty();
        }
    }

    private void save(SessionStoreKey key, StoredSession session) {
        try {
            cfg.store().save(key, session);
        } catch (RuntimeException e) {
            LOG.warn("session store {} could not save {}; the session works but is not kept: {}", cfg.store(), key,
                    e.getMessage());
        }
    }
}
