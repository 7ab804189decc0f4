/**
 * JSON-lines logging for a node process ({@code LITJ_LOG_FORMAT=json}): an SLF4J provider chosen explicitly with the
 * {@code slf4j.provider} system property (never found on its own, so a library user's logging is untouched) and a
 * {@code java.util.logging} formatter for Helidon's lines, both writing one JSON object per line. See
 * {@code docs/operations.md}.
 */
package io.litj.node.log;
