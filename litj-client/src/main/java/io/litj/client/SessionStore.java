package io.litj.client;

import java.util.List;
import java.util.Optional;

/**
 * Where sessions (session key + session-granting AuthSig) are kept between calls and runs, one entry per
 * {@link SessionStoreKey}. Shipped: {@link InMemorySessionStore} (the client's default) and
 * {@link FileSessionStore} (owner-only JSON files, for CLIs and servers).
 *
 * <p>Contract: thread-safe; {@link #load} never throws for unreadable or foreign entries (it reports them and
 * answers empty); {@code toString} never shows secrets.
 */
public interface SessionStore {
    /** The entry of {@code key}, if there is a usable one. */
    Optional<StoredSession> load(SessionStoreKey key);

    /**
     * Replaces the entry of {@code key}.
     *
     * @throws LitClientException {@code InitError} if it could not be written
     */
    void save(SessionStoreKey key, StoredSession session);

    /** Removes the entry of {@code key}, if any. */
    void clear(SessionStoreKey key);

    /** Removes every entry. */
    void clearAll();

    /** The keys of the entries there are now (for listing; order unspecified). */
    List<SessionStoreKey> keys();
}
