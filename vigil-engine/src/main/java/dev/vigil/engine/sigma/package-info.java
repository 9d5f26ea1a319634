/**
 * The Sigma rule model and its parser: immutable records for rules, correlations, filters, searches, typed values,
 * the condition tree and the descriptive metadata, the modifier table, Vigil's log-source catalogue, field-mapping
 * pipelines, and bounded YAML reading that reports every problem (and every warning) with file and line.
 */
package dev.vigil.engine.sigma;
