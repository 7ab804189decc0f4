/**
 * The {@code litj} command line on picocli: {@code devnet up|down|status}, {@code node}, {@code demo},
 * {@code session create|inspect}, {@code exec} and {@code pkp mint|list|show}. {@link io.litj.cli.Main} is the entry
 * point; every command is a package-private class that drives the public APIs of {@code litj-client},
 * {@code litj-devnet} and {@code litj-node} and nothing else.
 *
 * <p>Conventions (no wire standard of its own; what it prints uses the wire forms of {@code litj-protocol}): exit
 * code 0 on success, 1 on an error (printed as {@code error: [code] message}), 2 on a usage error or, for
 * {@code exec}, a refusal by the nodes; output meant for scripts goes to stdout, logs go to stderr.
 *
 * <p>Must not: print secrets (private keys, session secret keys, signatures) or take them from the command line
 * without a warning, or reach into a litj module's {@code internal} packages; the module exports nothing and opens
 * this package only to picocli, which reads the command classes reflectively.
 */
package io.litj.cli;
