package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.auth.CapacityDelegation;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSigner;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What {@link LitClient#createCapacityDelegationAuthSig} needs: the JS SDK 7.4.0's
 * {@code createCapacityDelegationAuthSig({dAppOwnerWallet, capacityTokenId, delegateeAddresses, uses, expiration,
 * domain, statement})} options ({@code js-sdk-v7-wire-format.md} §6).
 *
 * <pre>{@code
 * AuthSig delegation = client.createCapacityDelegationAuthSig(CapacityDelegationRequest.builder(owner)
 *         .capacityTokenId("7").delegatee("0x70997970C51812dc3A010C7d01b50e0d17dc79C8").uses(10).build());
 * }</pre>
 *
 * <p>Defaults, as the JS SDK's: every credit of the owner ({@code lit-ratelimitincrease://*}) when no token id is
 * given; anyone may use it when no delegatee list is given (an empty list means nobody); no use limit; expiration 7
 * days after now; domain {@value LitSiweBuilder#DEFAULT_DOMAIN} and the JS SDK's test statement.
 *
 * <p>Checked when built, stricter than the JS SDK where its input could only make a useless delegation: the token id
 * is a decimal uint256 without leading zeros; each delegatee is 40 hex digits (with or without {@code 0x}; mixed case
 * must be a valid EIP-55 checksum), listed once; {@code uses} is at least 1; the domain is not empty; the statement
 * is one line. Addresses are written as given (without {@code 0x}), so the signed text equals the JS SDK's. The
 * expiration must be after now, checked when the delegation is signed. Immutable; {@link #toString()} never shows
 * key material.
 */
public final class CapacityDelegationRequest {
    /** The largest token id: {@code 2^256 - 1}. */
    private static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private final EthSigner owner;
    private final Optional<String> capacityTokenId;
    private final Optional<List<String>> delegateeAddresses;
    private final OptionalLong uses;
    private final Optional<Instant> expiration;
    private final Optional<String> domain;
    private final Optional<String> statement;

    private CapacityDelegationRequest(Builder b) {
        this.owner = b.owner;
        this.capacityTokenId = Optional.ofNullable(b.capacityTokenId);
        this.delegateeAddresses = Optional.ofNullable(b.delegatees).map(List::copyOf);
        this.uses = b.uses;
        this.expiration = Optional.ofNullable(b.expiration);
        this.domain = Optional.ofNullable(b.domain);
        this.statement = Optional.ofNullable(b.statement);
    }

    /** A builder for a delegation signed by {@code owner} (the JS SDK's {@code dAppOwnerWallet}). */
    public static Builder builder(EthSigner owner) {
        return new Builder(owner);
    }

    /** The credit holder who signs the delegation. */
    public EthSigner owner() {
        return owner;
    }

    /** The delegated credit; empty means every credit the owner holds. */
    public Optional<String> capacityTokenId() {
        return capacityTokenId;
    }

    /** Who may use it, as given; empty means anyone, an empty list nobody. */
    public Optional<List<String>> delegateeAddresses() {
        return delegateeAddresses;
    }

    /** How many requests the delegation pays for; empty means no limit. */
    public OptionalLong uses() {
        return uses;
    }

    /** When the delegation ends; empty means 7 days after it is signed. */
    public Optional<Instant> expiration() {
        return expiration;
    }

    /** The SIWE domain; empty means {@value LitSiweBuilder#DEFAULT_DOMAIN}. */
    public Optional<String> domain() {
        return domain;
    }

    /** The SIWE statement before the ReCap sentence; empty means the JS SDK's test statement. */
    public Optional<String> statement() {
        return statement;
    }

    /** The grant of the delegation's ReCap, keys only for what was given. */
    public CapacityDelegation delegation() {
        return new CapacityDelegation(capacityTokenId, delegateeAddresses,
                uses.isPresent() ? Optional.of(Long.toString(uses.getAsLong())) : Optional.empty());
    }

    @Override
    public String toString() {
        return "CapacityDelegationRequest[owner=" + owner.address() + " token=" + capacityTokenId.orElse("*")
                + " delegatees=" + delegateeAddresses.map(Object::toString).orElse("anyone") + " uses="
                + (uses.isPresent() ? Long.toString(uses.getAsLong()) : "unlimited") + " expiration="
                + expiration.map(Instant::toString).orElse("default") + "]";
    }

    /** Builds a {@link CapacityDelegationRequest}; not thread-safe. */
    public static final class Builder {
        private final EthSigner owner;
        private String capacityTokenId;
        private List<String> delegatees;
        private OptionalLong uses = OptionalLong.empty();
        private Instant expiration;
        private String domain;
        private String statement;

        private Builder(EthSigner owner) {
            this.owner = owner;
        }

        /** The credit to delegate (a decimal token id); without it, every credit the owner holds. */
        public Builder capacityTokenId(String capacityTokenId) {
            this.capacityTokenId = Objects.requireNonNull(capacityTokenId, "capacityTokenId");
            return this;
        }

        /** Replaces the delegatees; an empty list means nobody may use the delegation. */
        public Builder delegateeAddresses(List<String> addresses) {
            this.delegatees = new ArrayList<>(addresses);
            return this;
        }

        /** Adds one delegatee. */
        public Builder delegatee(String address) {
            if (delegatees == null) {
                delegatees = new ArrayList<>();
            }
            delegatees.add(Objects.requireNonNull(address, "address"));
            return this;
        }

        /** How many requests the delegation pays for (at least 1). */
        public Builder uses(long uses) {
            this.uses = OptionalLong.of(uses);
            return this;
        }

        /** When the delegation ends (default: 7 days after it is signed). */
        public Builder expiration(Instant expiration) {
            this.expiration = Objects.requireNonNull(expiration, "expiration");
            return this;
        }

        /** The SIWE domain (default {@value LitSiweBuilder#DEFAULT_DOMAIN}). */
        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        /** The SIWE statement before the ReCap sentence (default: the JS SDK's test statement). */
        public Builder statement(String statement) {
            this.statement = Objects.requireNonNull(statement, "statement");
            return this;
        }

        /**
         * @throws LitClientException {@code ParamsMissing} without an owner; {@code InvalidArgument} for a token id
         *         that is not a decimal uint256, a malformed or repeated delegatee, {@code uses} below 1, an empty
         *         domain or a statement with a line break
         */
        public CapacityDelegationRequest build() {
            if (owner == null) {
                throw new LitClientException(LitErrorCode.ParamsMissing, "a capacity delegation needs the credit"
                        + " owner's wallet (dAppOwnerWallet)");
            }
            if (capacityTokenId != null) {
                checkTokenId(capacityTokenId);
            }
            if (delegatees != null) {
                checkDelegatees(delegatees);
            }
            if (uses.isPresent() && uses.getAsLong() < 1) {
                throw invalid("uses must be at least 1 but is " + uses.getAsLong()
                        + "; leave it out for a delegation without a use limit");
            }
            if (domain != null && domain.isEmpty()) {
                throw invalid("domain must not be empty");
            }
            if (statement != null && (statement.indexOf('\n') >= 0 || statement.indexOf('\r') >= 0)) {
                throw invalid("statement must be one line: a SIWE statement cannot hold a line break");
            }
            return new CapacityDelegationRequest(this);
        }

        private static void checkTokenId(String id) {
            boolean digits = !id.isEmpty() && id.length() <= 78 && id.chars().allMatch(c -> c >= '0' && c <= '9');
            if (!digits || (id.length() > 1 && id.charAt(0) == '0') || new BigInteger(id).compareTo(MAX_UINT256) > 0) {
                throw invalid("capacityTokenId must be a decimal uint256 without leading zeros (as `litj capacity"
                        + " mint` prints it) but is '" + Text.cut(id, 100) + "'");
            }
        }

        private static void checkDelegatees(List<String> addresses) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < addresses.size(); i++) {
                String a = Objects.requireNonNull(addresses.get(i), "delegateeAddresses[" + i + "]");
                String field = "delegateeAddresses[" + i + "]";
                EthAddress parsed;
                try {
                    parsed = EthAddress.parse(a.startsWith("0x") ? a : "0x" + a, field);
                } catch (LitProtocolException e) {
                    throw new LitClientException(LitErrorCode.InvalidArgument, e.getMessage()
                            + " (write 0x and 40 hex digits)", e);
                }
                if (!seen.add(parsed.toLowerHex().toLowerCase(Locale.ROOT))) {
                    throw invalid(field + " repeats " + parsed + "; list each delegatee once");
                }
            }
        }

        private static LitClientException invalid(String message) {
            return new LitClientException(LitErrorCode.InvalidArgument, message);
        }
    }
}
