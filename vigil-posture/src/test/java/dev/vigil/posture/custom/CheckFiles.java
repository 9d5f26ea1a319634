package dev.vigil.posture.custom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes check files for tests, with a complete valid check as the starting point. */
final class CheckFiles {

    private CheckFiles() {
    }

    /** A complete check (all required keys) whose expressions and type the test chooses; indented as a list item. */
    static String check(String id, String resourceType, String appliesIf, String assertion) {
        return "  - id: " + id + "\n"
                + "    title: A test check\n"
                + "    section: Testing\n"
                + "    severity: low\n"
                + "    resource-type: " + resourceType + "\n"
                + (appliesIf == null ? "" : "    applies-if: " + quote(appliesIf) + "\n")
                + "    assert: " + quote(assertion) + "\n"
                + "    rationale: Because tests need one.\n"
                + "    remediation:\n"
                + "      summary: Fix it.\n"
                + "      aws-cli: aws s3api put-bucket-tagging --bucket b --tagging 'TagSet=[]'\n"
                + "      terraform: 'resource \"aws_s3_bucket\" \"b\" {}'\n"
                + "    permissions: [config:BatchGetResourceConfig]\n";
    }

    /** A YAML single-quoted scalar. */
    static String quote(String expression) {
        return "'" + expression.replace("'", "''") + "'";
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
