/**
 * Compliance frameworks as data: requirement-to-check mappings loaded from YAML ({@link
 * dev.vigil.posture.framework.FrameworkLoader}, built-ins under {@code posture/frameworks/}), validated against the
 * check catalogue ({@link dev.vigil.posture.framework.FrameworkValidator}), and scored on a run's results
 * ({@link dev.vigil.posture.framework.FrameworkScorer}, {@link dev.vigil.posture.framework.PostureReport}).
 * docs/posture-frameworks.md documents the file format and the scoring formula.
 */
package dev.vigil.posture.framework;
