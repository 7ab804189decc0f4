package io.litj.threshold.ecdsa;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One party's side of a round-based protocol among a fixed {@link Participants} set (triple generation,
 * presigning): a state machine that takes messages from the other parties and says what to send next. It does no
 * I/O and keeps no clock; the caller delivers every message of a sender in the order sent, and drives the
 * protocol until {@link #output()} is present or a {@link io.litj.threshold.ThresholdException} names a cheating
 * party.
 *
 * <p>Not thread-safe: one caller drives one instance.
 *
 * @param <T> what the protocol makes for this party
 */
public interface RoundProtocol<T> {

    /** The messages of the first round. Called once, before any {@link #receive}. */
    List<ProtocolMessage> start();

    /**
     * Takes one message from party {@code from}; returns what to send in response (often nothing until a round is
     * complete).
     *
     * @throws io.litj.threshold.ThresholdException {@code NodeParserError} for bytes that do not decode,
     *     {@code InvalidArgument} for a message out of order or from a party outside the set, and a
     *     {@link CheatingPartyException} when the message proves that its sender cheated
     */
    List<ProtocolMessage> receive(int from, byte[] payload);

    /** This party's result, once the last round is complete. */
    Optional<T> output();

    /** The same protocol, its output passed through {@code f} (messages unchanged). */
    default <U> RoundProtocol<U> map(Function<? super T, ? extends U> f) {
        RoundProtocol<T> inner = this;
        return new RoundProtocol<>() {
            @Override
            public List<ProtocolMessage> start() {
                return inner.start();
            }

            @Override
            public List<ProtocolMessage> receive(int from, byte[] payload) {
                return inner.receive(from, payload);
            }

            @Override
            public Optional<U> output() {
                return inner.output().map(f);
            }
        };
    }
}
