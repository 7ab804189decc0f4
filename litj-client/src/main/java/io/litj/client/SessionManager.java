package io.litj.client;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigReuse;
import io.litj.protocol.auth.AuthSigType;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.BlsCapabilityVerifier;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionSigIssuer;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.auth.SessionTimeRules;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.siwe.SiweParser;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code getSessionSigs} for wallet-granted sessions ({@code js-sdk-v7-wire-format.md} §4), with the store keyed
 * per network, account and resource set:
 * <ol>
 *   <li>session key: the request's, else the stored one, else a new one (stored at once);</li>
 *   <li>grant: the stored AuthSig if {@link AuthSigReuse} says it is still good for this key and these requests
 *       (and, when the caller set an expiration, lasts that long); otherwise the signer or callback is asked once,
 *       the answer is checked with the node's own capability checks, and stored;</li>
 *   <li>session sigs: one per node, capabilities = the caller's capability AuthSigs then the grant.</li>
 * </ol>
 * Calls for the same store key are serialized, so concurrent callers cause one wallet prompt, not several.
 * No node is contacted (the nonce supplier may refresh the block hash).
 */
final class SessionManager {
    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    private final SessionStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final ConcurrentHashMap<SessionStoreKey, ReentrantLock> locks = new ConcurrentHashMap<>();

    SessionManager(SessionStore store, Clock clock, SecureRandom random) {
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    SessionSigs getSessionSigs(SessionRequest request, String network, List<String> nodeUrls,
                               Supplier<String> nonce) {
        return getSessionSigs(request, network, nodeUrls, nonce, Optional.empty());
    }

    /**
     * As above; {@code bls} verifies network-signed ({@code lit.bls}) grants under the network key, so that stored
     * PKP grants can be re-used and new ones are checked before use.
     */
    SessionSigs getSessionSigs(SessionRequest request, String network, List<String> nodeUrls,
                               Supplier<String> nonce, Optional<BlsCapabilityVerifier> bls) {
        Instant now = clock.instant();
        List<ResourceAbilityRequest> requests = request.resourceAbilityRequests();
        checkCapabilityAuthSigs(request.capabilityAuthSigs(), now);
        request.expiration().ifPresent(e -> checkExpiration(e, now));
        SessionStoreKey storeKey = SessionStoreKey.of(network, request.account().toChecksumString()
                + request.storeScope().map(scope -> "#" + scope).orElse(""), requests);
        ReentrantLock lock = locks.computeIfAbsent(storeKey, k -> new ReentrantLock());
        lock.lock();
        try {
            Optional<StoredSession> stored = load(storeKey);
            SessionKeyPair key = request.sessionKey().or(() -> stored.map(StoredSession::key)).orElseGet(() -> {
                SessionKeyPair fresh = SessionKeyPair.generate(random);
                save(storeKey, StoredSession.keyOnly(fresh));
                return fresh;
            });
            Optional<AuthSig> cached = stored.filter(s -> s.key().sameSecretAs(key)).flatMap(StoredSession::authSig);
            AuthSig grant = cached.filter(c -> reusable(c, key, request, bls)).orElse(null);
            if (grant == null) {
                grant = sign(request, key, nonce, bls);
                save(storeKey, new StoredSession(key, Optional.of(grant)));
            }
            Instant expiration = request.expiration().orElseGet(() -> defaultExpiration(now));
            if (request.expiration().isEmpty()) {
                Optional<Instant> grantExpiration = siweExpiration(grant);
                if (grantExpiration.isPresent() && grantExpiration.get().isBefore(expiration)) {
                    expiration = grantExpiration.get();
                }
            }
            List<AuthSig> capabilities = SessionSigIssuer.capabilities(request.capabilityAuthSigs(), grant);
            return new SessionSigIssuer(clock).issue(key, requests, capabilities, expiration, nodeUrls);
        } catch (LitProtocolException e) {
            throw LitClientException.from(e);
        } finally {
            lock.unlock();
        }
    }

    private boolean reusable(AuthSig cached, SessionKeyPair key, SessionRequest request,
                             Optional<BlsCapabilityVerifier> bls) {
        if (!cached.address().equalsIgnoreCase(request.account().toChecksumString())) {
            LOG.debug("stored grant is for {}, not {}: signing a new one", cached.address(), request.account());
            return false;
        }
        AuthSigReuse reuse = bls.map(AuthSigReuse.of(clock)::withBlsVerifier).orElse(AuthSigReuse.of(clock));
        AuthSigReuse.Decision decision = reuse.check(cached, key, request.resourceAbilityRequests());
        if (!decision.reusable()) {
            LOG.debug("stored grant for {} cannot be re-used ({}: {}): signing a new one", request.account(),
                    decision.check(), decision.reason());
            return false;
        }
        if (request.expiration().isPresent()) {
            Optional<Instant> grantExpiration = siweExpiration(cached);
            if (grantExpiration.isPresent() && grantExpiration.get().isBefore(request.expiration().get())) {
                LOG.debug("stored grant for {} expires at {}, before the requested {}: signing a new one",
                        request.account(), grantExpiration.get(), request.expiration().get());
                return false;
            }
        }
        return true;
    }

    private AuthSig sign(SessionRequest request, SessionKeyPair key, Supplier<String> nonce,
                         Optional<BlsCapabilityVerifier> bls) {
        Instant expiration = request.expiration().orElseGet(() -> defaultExpiration(clock.instant()));
        AuthCallbackParams params = new AuthCallbackParams(key.uri(), nonce.get(), expiration,
                request.resourceAbilityRequests(), request.statement(), request.domain());
        AuthSig grant;
        try {
            if (request.signer().isPresent()) {
                grant = AuthSigs.generate(request.signer().get(),
                        params.toSiwe(request.account(), clock).build());
            } else {
                grant = request.authCallback().orElseThrow().authenticate(params);
            }
        } catch (LitClientException e) {
            throw e;
        } catch (LitProtocolException e) {
            throw LitClientException.from(e);
        } catch (RuntimeException e) {
            throw new LitClientException(LitErrorCode.WalletSignatureNotFound, "the "
                    + (request.signer().isPresent() ? "signer" : "auth callback") + " for " + request.account()
                    + " did not sign the session grant: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + cut(e.getMessage())), e);
        }
        checkGrant(grant, key, request, bls);
        return grant;
    }

    /** The checks a fresh grant must pass before it is stored and used. */
    private void checkGrant(AuthSig grant, SessionKeyPair key, SessionRequest request,
                            Optional<BlsCapabilityVerifier> bls) {
        if (grant == null || grant.sig().isEmpty() || grant.derivedVia().isEmpty() || grant.signedMessage().isEmpty()
                || grant.address().isEmpty()) {
            throw new LitClientException(LitErrorCode.WalletSignatureNotFound, "the auth callback for "
                    + request.account() + " returned no AuthSig or one with an empty sig, derivedVia, signedMessage"
                    + " or address");
        }
        if (!grant.address().toLowerCase(Locale.ROOT).equals(request.account().toLowerHex())) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "the auth callback returned an AuthSig for "
                    + cut(grant.address()) + " but the session is for " + request.account());
        }
        AuthSigReuse check = AuthSigReuse.of(clock).withMargin(Duration.ZERO);
        if (grant.type() == AuthSigType.BLS_NETWORK_SIG) {
            if (bls.isEmpty()) {
                return; // without the network key only nodes can verify it
            }
            check = check.withBlsVerifier(bls.get());
        }
        AuthSigReuse.Decision decision = check.check(grant, key, request.resourceAbilityRequests());
        if (!decision.reusable()) {
            throw new LitClientException(LitErrorCode.InvalidSignature, "the new session grant from "
                    + request.account() + " would be refused by nodes (" + decision.check() + "): "
                    + decision.reason());
        }
    }

    private static void checkCapabilityAuthSigs(List<AuthSig> capabilityAuthSigs, Instant now) {
        for (int i = 0; i < capabilityAuthSigs.size(); i++) {
            AuthSig cap = capabilityAuthSigs.get(i);
            Optional<Instant> expiration;
            try {
                expiration = SiweParser.parse(cap.signedMessage()).expirationInstant();
            } catch (LitProtocolException e) {
                throw new LitClientException(LitErrorCode.InvalidArgument, "capabilityAuthSigs[" + i
                        + "] does not hold a SIWE message: " + e.getMessage(), e);
            }
            if (expiration.isPresent() && !expiration.get().isAfter(now)) {
                throw new LitClientException(LitErrorCode.InvalidArgument, "capabilityAuthSigs[" + i
                        + "] expired at " + IsoTime.format(expiration.get()) + " (now " + IsoTime.format(now) + ")");
            }
        }
    }

    private static void checkExpiration(Instant expiration, Instant now) {
        if (!expiration.isAfter(now)) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "expiration " + IsoTime.format(expiration)
                    + " is not after now " + IsoTime.format(now));
        }
        if (expiration.isAfter(now.plus(SessionTimeRules.MAX_LIFETIME))) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "expiration " + IsoTime.format(expiration)
                    + " lies more than 30 days after now " + IsoTime.format(now) + " (nodes refuse it)");
        }
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
            return store.load(key);
        } catch (RuntimeException e) {
            LOG.warn("session store {} could not load {}: {}", store, key, e.toString());
            return Optional.empty();
        }
    }

    private void save(SessionStoreKey key, StoredSession session) {
        try {
            store.save(key, session);
        } catch (RuntimeException e) {
            LOG.warn("session store {} could not save {}; the session works but is not kept: {}", store, key,
                    e.getMessage());
        }
    }

    private static String cut(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
