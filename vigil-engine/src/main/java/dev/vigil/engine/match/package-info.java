/**
 * Compilation of a parsed rule into an {@link dev.vigil.engine.match.EventMatcher}: one matcher per value type,
 * Sigma's case-insensitive wildcard matching without allocation, RE2/J for regular expressions, and the analysis
 * of which {@code eventName}/{@code eventSource} values a rule pins for indexing.
 */
package dev.vigil.engine.match;
