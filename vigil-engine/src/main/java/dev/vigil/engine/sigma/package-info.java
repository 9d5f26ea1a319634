/**
 * The Sigma rule model and its parser: immutable records for rules, correlations, searches, typed values and the
 * condition tree, the modifier table, and bounded YAML reading that reports every problem with file and line.
 */
package dev.vigil.engine.sigma;
