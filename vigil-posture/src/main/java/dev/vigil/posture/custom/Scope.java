package dev.vigil.posture.custom;

import dev.vigil.posture.check.Verdicts;

/** What one evaluation of a custom check looks at, which decides the CEL variables its expressions may use. */
enum Scope {
    /** Once per inventory resource of the check's type: {@code resource}, {@code policy}, {@code now}. */
    RESOURCE,
    /** Once per account ({@code resource-type: AWS::::Account}): {@code account}, {@code policy}, {@code now}. */
    ACCOUNT;

    static Scope of(String resourceType) {
        return resourceType.equals(Verdicts.ACCOUNT) ? ACCOUNT : RESOURCE;
    }

    /** The CEL variable holding the thing judged. */
    String subjectVariable() {
        return this == ACCOUNT ? "account" : "resource";
    }
}
