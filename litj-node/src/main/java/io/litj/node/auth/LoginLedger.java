package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The EthWallet logins one node has accepted, each bound to the session key it was accepted for
 * ({@code docs/pkp-sessions.md}, "Logins that cannot be replayed"). A login is remembered until the time rules
 * would refuse it anyway ({@link EthWalletLogin#acceptedUntil()}, inclusive), then forgotten; so at every instant a
 * replay is refused either here or by the time rules.
 *
 * <p>Bounded: at most {@code capacity} logins. A node that holds that many refuses new logins
 * ({@code NodeConcurrencyOverload}) until the oldest can be forgotten; it never forgets one early, since an evicted
 * login could be replayed with another session key while it is still acceptable. Thread-safe (one lock; each call
 * costs O(k log n) for k logins ending).
 */
final class LoginLedger {
    private final int capacity;
    private final Map<Bytes, Entry> byId = new HashMap<>();
    private final PriorityQueue<Entry> byEnd = new PriorityQueue<>(Comparator.comparing(Entry::until));

    private record Entry(Bytes id, String sessionKey, Instant until) {
    }

    LoginLedger(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /**
     * Accepts {@code logins} for {@code sessionKey} at {@code now}, all or none: a login seen before must have been
     * accepted for the same session key (compared without case); new ones are remembered.
     *
     * @throws LitNodeException {@code NodeInvalidAuthSig} if a login was accepted for another session key;
     *     {@code NodeConcurrencyOverload} if the new logins do not fit
     */
    synchronized void accept(List<EthWalletLogin> logins, String sessionKey, Instant now) {
        forgetEnded(now);
        String key = sessionKey.toLowerCase(Locale.ROOT);
        Map<Bytes, EthWalletLogin> fresh = new HashMap<>();
        for (EthWalletLogin login : logins) {
            Entry known = byId.get(login.id());
            if (known == null) {
                fresh.putIfAbsent(login.id(), login);
            } else if (!known.sessionKey().equals(key)) {
                throw new LitNodeException(LitErrorCode.NodeInvalidAuthSig, login.where() + " login of "
                        + login.context().userId() + " (nonce " + login.nonce() + ") was accepted for session key "
                        + known.sessionKey() + "; a login serves one session key: sign a new login for " + key);
            }
        }
        if (byId.size() + fresh.size() > capacity) {
            throw new LitNodeException(LitErrorCode.NodeConcurrencyOverload, "this node remembers " + byId.size()
                    + " accepted logins (limit " + capacity + ") and cannot take " + fresh.size() + " more"
                    + (byEnd.isEmpty() ? "" : " until after " + IsoTime.format(byEnd.element().until())
                    + ", when the oldest can no longer be accepted"));
        }
        for (EthWalletLogin login : fresh.values()) {
            Entry entry = new Entry(login.id(), key, login.acceptedUntil());
            byId.put(entry.id(), entry);
            byEnd.add(entry);
        }
    }

    /** How many logins are remembered now (forgetting none). */
    synchronized int size() {
        return byId.size();
    }

    private void forgetEnded(Instant now) {
        while (!byEnd.isEmpty() && byEnd.element().until().isBefore(now)) {
            byId.remove(byEnd.remove().id());
        }
    }
}
