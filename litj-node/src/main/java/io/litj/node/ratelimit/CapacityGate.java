package io.litj.node.ratelimit;

import io.litj.node.LitNodeException;
import io.litj.node.registry.CapacityCredit;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.CapabilityFailure;
import io.litj.protocol.auth.CapacityDelegationProof;
import io.litj.protocol.auth.CapacityGrant;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The capacity-credit check of the paid endpoints ({@code lit-node-behaviour.md} §5; {@code docs/capacity-credits.md}),
 * run after the session sig is validated and before any work. In mode {@code off} every request passes. Otherwise
 * the payer's credits are tried in this order, and the request is charged to the first that has room (allocation
 * mode: {@link CreditWindows}; holding mode: any unexpired credit has room):
 * <ol>
 *   <li>the unexpired credits the proven caller owns, oldest first;</li>
 *   <li>per verified delegation of the session (payload order), per grant: if {@code delegate_to} lists the caller
 *   (by address value) and its {@code uses} are not spent on this node ({@link UsesLedger}), the unexpired credits it
 *   names that the delegator owns <em>now</em> (or, naming none, all the delegator's unexpired credits).</li>
 * </ol>
 * Refusals: if some credit exists but has no room, {@link CapacityExceededException} with the time one has room
 * again (Datil's body). Otherwise, if a delegation was refused, {@link LitNodeException} with the first refusal's code
 * ({@code NodeCapacityDelegationInvalid}, {@code NodeCapacityDelegationNotOwned},
 * {@code NodeCapacityDelegateeMismatch}, {@code NodeCapacityDelegationUsedUp}, {@code NodeCapacityCreditExpired}) and
 * every reason in the message and details (Datil ignores such delegations silently). Otherwise
 * {@link CapacityExceededException} "Try again later.". At most {@value #MAX_CREDITS_EXAMINED} credits are looked up
 * per request, however many delegations name. Thread-safe; {@link #close()} closes the uses ledger.
 */
public final class CapacityGate implements AutoCloseable {
    static final int MAX_CREDITS_EXAMINED = 64;

    private final CapacityLimits limits;
    private final Clock clock;
    private final CreditBook book;
    private final CreditWindows windows;
    private final UsesLedger ledger;

    private CapacityGate(CapacityLimits limits, Registry registry, UsesLedger ledger, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.book = new CreditBook(registry, clock, limits.creditCache());
        this.windows = new CreditWindows(limits.window());
        this.ledger = ledger;
    }

    /**
     * A gate for a node: {@code registry} lists the credits, {@code dataDir} holds the uses ledger (opened only when
     * the mode is not off).
     *
     * @throws LitNodeException {@code NodeSystemFault} if the ledger cannot be opened
     */
    public static CapacityGate open(CapacityLimits limits, Registry registry, Path dataDir, Clock clock) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(clock, "clock");
        UsesLedger ledger = limits.mode() == CapacityMode.OFF ? null : UsesLedger.open(dataDir, clock.instant());
        return new CapacityGate(limits, registry, ledger, clock);
    }

    /** The mode this gate enforces. */
    public CapacityMode mode() {
        return limits.mode();
    }

    /**
     * Charges one request of {@code payer} on {@code route}, or refuses it.
     *
     * @throws CapacityExceededException no credit has room (HTTP 402, 400 on pkp sign)
     * @throws LitNodeException a delegation code (HTTP 402) when no credit pays and a delegation was refused
     */
    public void charge(Payer payer, PaidRoute route) {
        if (limits.mode() == CapacityMode.OFF) {
            return;
        }
        Instant now = clock.instant();
        Attempt attempt = new Attempt(now);
        for (CapacityCredit credit : book.ownedBy(payer.user())) {
            if (attempt.examine() && !credit.isExpiredAt(now) && attempt.admit(credit)) {
                return;
            }
        }
        for (CapabilityFailure f : payer.refused()) {
            attempt.refusals.add(new DelegationRefusal(f.index(), LitErrorCode.NodeCapacityDelegationInvalid,
                    f.check() + " " + f.code().wireName() + ": " + f.message()));
        }
        for (CapacityDelegationProof d : payer.delegations()) {
            for (int g = 0; g < d.grants().size(); g++) {
                if (payByGrant(payer, d, g, attempt)) {
                    return;
                }
            }
        }
        if (attempt.retryAt.isPresent() || attempt.refusals.isEmpty()) {
            throw new CapacityExceededException(route, attempt.retryAt);
        }
        List<String> lines = attempt.refusals.stream().map(DelegationRefusal::line).toList();
        throw new LitNodeException(attempt.refusals.getFirst().code(), "no capacity credit pays for this request of "
                + payer.user().toChecksumString() + "; refused delegations: " + String.join("; ", lines), lines, null);
    }

    private boolean payByGrant(Payer payer, CapacityDelegationProof d, int g, Attempt attempt) {
        CapacityGrant grant = d.grants().get(g);
        if (!grant.admits(payer.user())) {
            attempt.refusals.add(new DelegationRefusal(d.index(), LitErrorCode.NodeCapacityDelegateeMismatch,
                    "delegate_to does not list " + payer.user().toChecksumString()));
            return false;
        }
        List<CapacityCredit> credits = delegatedCredits(d, grant, attempt);
        if (credits.isEmpty()) {
            return false;
        }
        if (grant.uses().isEmpty()) {
            return credits.stream().anyMatch(attempt::admit);
        }
        UsesLedger.Outcome outcome = ledger.useIf(d.usesKey(), g, grant.uses().get(), d.expiration(), attempt.now,
                () -> credits.stream().anyMatch(attempt::admit));
        if (outcome == UsesLedger.Outcome.USED_UP) {
            attempt.refusals.add(new DelegationRefusal(d.index(), LitErrorCode.NodeCapacityDelegationUsedUp,
                    "its " + grant.uses().get() + " uses are spent on this node"));
        }
        return outcome == UsesLedger.Outcome.USED;
    }

    /** The unexpired credits a grant delegates that its delegator owns now; refusals noted when there are none. */
    private List<CapacityCredit> delegatedCredits(CapacityDelegationProof d, CapacityGrant grant, Attempt attempt) {
        List<CapacityCredit> usable = new ArrayList<>();
        List<String> notOwned = new ArrayList<>();
        int expired = 0;
        List<CapacityCredit> candidates = new ArrayList<>();
        if (grant.namedCredits().isPresent()) {
            for (String id : grant.namedCredits().get()) {
                if (!attempt.examine()) {
                    return List.of();
                }
                Optional<CapacityCredit> credit = book.credit(id);
                if (credit.isEmpty()) {
                    notOwned.add("credit " + id + " does not exist");
                } else if (!credit.get().owner().equals(d.delegator())) {
                    notOwned.add("credit " + id + " is owned by " + credit.get().owner().toChecksumString()
                            + ", not by the delegator " + d.delegator().toChecksumString());
                } else {
                    candidates.add(credit.get());
                }
            }
        } else {
            candidates.addAll(book.ownedBy(d.delegator()));
            if (candidates.isEmpty()) {
                notOwned.add("the delegator " + d.delegator().toChecksumString() + " holds no capacity credit");
            }
        }
        for (CapacityCredit c : candidates) {
            if (c.isExpiredAt(attempt.now)) {
                expired++;
            } else {
                usable.add(c);
            }
        }
        if (usable.isEmpty()) {
            attempt.refusals.add(notOwned.isEmpty()
                    ? new DelegationRefusal(d.index(), LitErrorCode.NodeCapacityCreditExpired, expired
                            + " delegated credit(s) of " + d.delegator().toChecksumString() + " expired")
                    : new DelegationRefusal(d.index(), LitErrorCode.NodeCapacityDelegationNotOwned,
                            String.join(", ", notOwned)));
        }
        return usable;
    }

    /** One request's search for a credit: the time, the credits examined, the earliest retry and the refusals. */
    private final class Attempt {
        final Instant now;
        final List<DelegationRefusal> refusals = new ArrayList<>();
        Optional<Instant> retryAt = Optional.empty();
        int examined;

        Attempt(Instant now) {
            this.now = now;
        }

        /** Counts one credit lookup; false (with a refusal noted once) past the per-request limit. */
        boolean examine() {
            if (++examined == MAX_CREDITS_EXAMINED + 1) {
                refusals.add(new DelegationRefusal(-1, LitErrorCode.NodeCapacityDelegationInvalid, "more than "
                        + MAX_CREDITS_EXAMINED + " credits to examine; the rest were not looked at"));
            }
            return examined <= MAX_CREDITS_EXAMINED;
        }

        /** Charges {@code credit} if it has room; else remembers when it will. */
        boolean admit(CapacityCredit credit) {
            if (limits.mode() == CapacityMode.HOLDING) {
                return true;
            }
            Optional<Instant> later = windows.tryAcquire(credit, now);
            later.ifPresent(t -> retryAt = Optional.of(retryAt.filter(r -> r.isBefore(t)).orElse(t)));
            return later.isEmpty();
        }
    }

    @Override
    public void close() {
        if (ledger != null) {
            ledger.close();
        }
    }
}
