package io.litj.protocol.recap;

import io.litj.protocol.LitProtocolException;
import io.litj.protocol.siwe.SiweMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ReCaps inside SIWE messages: adding one to a message exactly as npm {@code siwe-recap}'s
 * {@code add_to_siwe_message} does, and reading them back.
 */
public final class SiweRecaps {
    private SiweRecaps() {
    }

    /** A statement and resource list, before they become a {@link SiweMessage}. */
    public record StatementAndResources(Optional<String> statement, List<String> resources) {
        public StatementAndResources {
            resources = List.copyOf(resources);
        }
    }

    /**
     * Adds {@code recap}: if the message has a statement and resources and its last resource is a ReCap whose
     * statement ends the message statement, the two ReCaps merge (statement suffix and last resource replaced);
     * otherwise the ReCap statement is appended after a space and the URN is appended to the resources.
     *
     * @param statement the current statement; an empty string is kept (JS keeps it too)
     */
    public static StatementAndResources add(Optional<String> statement, List<String> resources, Recap recap) {
        Optional<Recap> existing = verifiedLast(statement, resources);
        if (existing.isPresent()) {
            String previous = existing.get().statement();
            Recap merged = existing.get().merge(recap);
            String current = statement.orElseThrow();
            String newStatement = current.substring(0, current.length() - previous.length()) + merged.statement();
            List<String> newResources = new ArrayList<>(resources);
            newResources.set(newResources.size() - 1, merged.toUrn());
            return new StatementAndResources(Optional.of(newStatement), newResources);
        }
        String newStatement = statement.map(s -> s + " " + recap.statement()).orElse(recap.statement());
        List<String> newResources = new ArrayList<>(resources);
        newResources.add(recap.toUrn());
        return new StatementAndResources(Optional.of(newStatement), newResources);
    }

    /** {@link #add} applied to a whole message. */
    public static SiweMessage add(SiweMessage message, Recap recap) {
        StatementAndResources out = add(message.statement(), message.resources(), recap);
        return message.toBuilder().statement(out.statement().orElse(null)).resources(out.resources()).build();
    }

    /**
     * The ReCap in the last resource if it decodes and the statement ends with its statement
     * ({@code siwe-recap}'s {@code extract_and_verify}); empty otherwise.
     */
    public static Optional<Recap> verifiedLast(Optional<String> statement, List<String> resources) {
        if (statement.isEmpty() || resources.isEmpty()) {
            return Optional.empty();
        }
        try {
            Recap recap = RecapCodec.decode(resources.get(resources.size() - 1));
            return statement.get().endsWith(recap.statement()) ? Optional.of(recap) : Optional.empty();
        } catch (LitProtocolException e) {
            return Optional.empty();
        }
    }

    /** Every resource of the message that is a {@code urn:recap:} URI (decoded or not yet). */
    public static List<String> recapUrns(SiweMessage message) {
        return message.resources().stream().filter(RecapCodec::isRecapUrn).toList();
    }
}
