/**
 * Posture: what an AWS estate is configured to do, judged against the logging, monitoring and resilience practice
 * and mapped to compliance frameworks.
 *
 * <p>{@code inventory} holds the normalised resource model fed by AWS Config files (or the live collector, which
 * writes the same files); {@code supplement} holds the AWS CLI exports for what Config does not record; {@code check}
 * evaluates an {@link dev.vigil.posture.check.Estate} built from both into PASS/FAIL/NOT_APPLICABLE/MANUAL/ERROR.
 */
package dev.vigil.posture;
