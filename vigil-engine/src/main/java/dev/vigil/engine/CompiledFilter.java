package dev.vigil.engine;

import dev.vigil.engine.match.EventMatcher;
import dev.vigil.engine.sigma.LogSource;

/**
 * A Sigma filter ready to apply: events of its log source that its matcher matches are not hits of the rules it
 * names.
 *
 * @param label     its name, id or title, for listings
 * @param logSource the events it applies to
 * @param matcher   its compiled condition
 */
record CompiledFilter(String label, LogSource logSource, EventMatcher matcher) {
}
