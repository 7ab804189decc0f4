package io.litj.threshold.dkg;

/**
 * A message of the DKG. Broadcast messages ({@link DkgCommitment}, {@link DkgComplaint}, {@link DkgReveal}) must
 * reach every other party unchanged (a reliable, authenticated broadcast: the transport's job); a
 * {@link DkgPrivateShare} goes to its recipient only, over an authenticated and encrypted channel. A party never
 * receives its own messages.
 */
public sealed interface DkgMessage permits DkgCommitment, DkgPrivateShare, DkgComplaint, DkgReveal {
    /** The party that sent (and authenticated) the message. */
    int sender();
}
