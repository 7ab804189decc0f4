package io.litj.node.actions;

import java.util.Objects;

/**
 * What a finished Lit Action produced: the body fields {@code response}, {@code logs} and {@code success} of
 * {@code /web/execute} ({@code lit-node-behaviour.md} §1.8).
 *
 * <p>Immutable; no component is null. Security: the response and logs can hold secrets; {@link #toString()} shows
 * sizes only.
 *
 * @param response the string the action passed to {@code LitActions.setResponse} last, or {@code ""} if it never
 *     called it
 * @param logs console output, one {@code "\n"}-terminated line per call, cut at the runtime's log budget
 * @param success {@code true} when the action ran to completion (failures are thrown as {@link ActionException})
 */
public record ActionResult(String response, String logs, boolean success) {

    public ActionResult {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(logs, "logs");
    }

    @Override
    public String toString() {
        return "ActionResult[success=" + success + ", response=" + response.length() + " chars, logs="
                + logs.length() + " chars]";
    }
}
