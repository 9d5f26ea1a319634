package dev.vigil.posture.custom;

import dev.vigil.posture.check.CheckMetadata;

import java.util.Optional;

/**
 * One check as written in a file, validated field by field but with its expressions not yet compiled.
 *
 * @param metadata   the catalogue entry (id, title, section, severity, resource type, rationale, remediation, permissions)
 * @param appliesIf  the optional {@code applies-if} expression
 * @param assertion  the {@code assert} expression
 * @param passReason the PASS sentence, or empty for the default
 * @param failReason the FAIL sentence, or empty for the default
 * @param line       the line the check starts at, for errors found after reading (duplicate id)
 * @param column     the column the check starts at
 */
record CheckDefinition(CheckMetadata metadata, Optional<Expression> appliesIf, Expression assertion,
                       String passReason, String failReason, int line, int column) {

    /** An expression as written, with the position of its value in the file for compile errors. */
    record Expression(String field, String source, int line, int column) {
    }
}
