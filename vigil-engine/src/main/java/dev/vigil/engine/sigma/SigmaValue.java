package dev.vigil.engine.sigma;

/**
 * A typed value of a Sigma detection, parsed once when the rule loads. Modifiers turn values into other values
 * ({@code contains} adds wildcards to a {@link SigmaString}, {@code re} turns it into a {@link SigmaRegex}, …); the
 * matcher compiler then turns each type into one matcher. New Sigma value types are added here and in the
 * compiler's switch.
 */
public sealed interface SigmaValue
        permits SigmaString, SigmaNumber, SigmaBoolean, SigmaNull, SigmaRegex, SigmaCidr, SigmaComparison,
        SigmaExists, SigmaBytes, SigmaAnyOf, SigmaFieldRef, SigmaTimePart {

    /** A short description for error messages, e.g. {@code the number 22}. */
    String describe();
}
