package dev.vigil.posture.input;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A posture policy file that cannot be used. Posture does not fall back to defaults then: judging an estate against
 * a policy the user did not mean would give confident wrong answers. The message lists every error found.
 */
public final class PolicyFileException extends RuntimeException {

    private final transient List<PolicyError> errors;

    PolicyFileException(List<PolicyError> errors) {
        super(errors.stream().map(PolicyError::toString).collect(Collectors.joining("\n",
                "the posture policy file has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                        + " (fix them, or see docs/posture-input.md for the keys):\n", "")));
        this.errors = List.copyOf(errors);
    }

    public List<PolicyError> errors() {
        return errors;
    }
}
