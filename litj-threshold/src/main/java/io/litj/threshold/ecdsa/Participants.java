package io.litj.threshold.ecdsa;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import java.util.List;

/**
 * The parties of one protocol run, by share index (node index + 1, as in {@link io.litj.threshold.shamir.Share}),
 * sorted and distinct, with the sharing threshold {@code t} (any {@code t} shares determine a secret).
 */
public record Participants(List<Integer> indices, int threshold) {

    public Participants {
        indices = List.copyOf(indices);
        if (indices.size() < 2 || indices.size() > 255) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "a protocol needs 2 to 255 participants, not " + indices.size());
        }
        for (int i = 0; i < indices.size(); i++) {
            if (indices.get(i) < 1 || (i > 0 && indices.get(i) <= indices.get(i - 1))) {
                throw new ThresholdException(LitErrorCode.InvalidArgument,
                        "participant indices must be positive, sorted and distinct: " + indices);
            }
        }
        if (threshold < 1 || threshold > indices.size()) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "threshold " + threshold + " is outside 1.." + indices.size());
        }
    }

    /** The number of parties. */
    public int size() {
        return indices.size();
    }

    /** True if {@code index} is one of the parties. */
    public boolean contains(int index) {
        return indices.contains(index);
    }
}
