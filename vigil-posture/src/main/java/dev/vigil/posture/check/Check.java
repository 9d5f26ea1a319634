package dev.vigil.posture.check;

import java.util.List;

/**
 * A posture check. Implementations are stateless and must not throw on odd data: every field of the inventory and
 * the supplements can be missing, null or of an unexpected type. {@link CheckRunner} still turns an exception into an
 * ERROR result so one broken check never stops the others.
 */
public interface Check {

    CheckMetadata metadata();

    /** Every verdict for the estate: one per resource or scope judged; empty only if the estate has no account. */
    List<CheckResult> evaluate(Estate estate);
}
