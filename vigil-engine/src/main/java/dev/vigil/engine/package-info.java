/**
 * Vigil's detection engine: Sigma rules compiled into a {@link dev.vigil.engine.DetectionSet} (the stateless stage,
 * safe to call from many threads) and a {@link dev.vigil.engine.FindingAggregator} (the stateful stage that merges
 * hits into findings and runs correlations on event time). The engine is pure: no files except the rules it is
 * asked to load, no sockets, threads or clocks.
 *
 * <p>The built-in CloudTrail pack and the rule format are described in {@code rules/README.md} next to the rules.
 */
package dev.vigil.engine;
