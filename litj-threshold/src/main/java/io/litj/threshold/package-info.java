/** Threshold cryptography for Lit (placeholder until the first types land). */
package io.litj.threshold;
