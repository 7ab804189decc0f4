/**
 * Lit resources ({@code lit-pkp://…}, {@code lit-litaction://…}, …), the five abilities and their ReCap mapping,
 * resource-ability requests, and the mapping from legacy (serrano-era) resource strings. No I/O.
 */
package io.litj.protocol.resource;
