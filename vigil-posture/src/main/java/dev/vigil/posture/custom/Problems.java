package dev.vigil.posture.custom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects every load error of one file, so a user fixes a file in one pass instead of one error per run. */
final class Problems {

    private final Path file;
    private final List<CustomCheckError> errors = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void add(int line, int column, String checkId, String problem) {
        errors.add(new CustomCheckError(file, line, column, checkId, problem));
    }

    void at(YamlNode node, String checkId, String problem) {
        add(node.line(), node.column(), checkId, problem);
    }

    void at(YamlNode.Entry entry, String checkId, String problem) {
        add(entry.line(), entry.column(), checkId, problem);
    }

    int count() {
        return errors.size();
    }

    List<CustomCheckError> all() {
        return List.copyOf(errors);
    }
}
