package dev.vigil.engine.sigma;

import dev.vigil.model.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads typed attributes from a rule document and collects the problems found on the way, each with file, line and
 * the rule it belongs to. Readers report a problem and return an empty value instead of throwing, so that one pass
 * finds every problem of a file. Errors make the document fail; warnings are reported and the document is kept.
 */
final class AttributeReader {

    private final String origin;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private String ruleLabel = "";

    AttributeReader(String origin) {
        this.origin = origin;
    }

    String origin() {
        return origin;
    }

    List<Problem> problems() {
        return problems;
    }

    /** Problems that do not stop a rule from loading. */
    List<Problem> warnings() {
        return warnings;
    }

    int problemCount() {
        return problems.size();
    }

    /** Names the rule now being read in the problems that follow (its name, id or title). */
    void ruleLabel(String label) {
        ruleLabel = label == null || label.isEmpty() ? "" : "rule '" + label + "'";
    }

    /** Names the filter now being read in the problems that follow. */
    void filterLabel(String label) {
        ruleLabel = label == null || label.isEmpty() ? "" : "filter '" + label + "'";
    }

    void error(int line, String reason, String message) {
        problems.add(problem(line, reason, message));
    }

    /** Reports a problem that leaves the rule loaded; the message should say what Vigil did instead. */
    void warn(int line, String reason, String message) {
        warnings.add(problem(line, reason, message));
    }

    private Problem problem(int line, String reason, String message) {
        String prefix = ruleLabel.isEmpty() ? "" : ruleLabel + ": ";
        return new Problem(new RuleSource(origin, line).location(), reason, prefix + message);
    }

    /** A scalar attribute as text; absent or null → empty. */
    Optional<String> text(YamlNode.Mapping map, String key) {
        Optional<YamlNode.Entry> e = map.entry(key);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        if (e.get().value() instanceof YamlNode.Scalar s) {
            return s.isNull() ? Optional.empty() : Optional.of(s.text());
        }
        error(e.get().line(), "rule-invalid", "'" + key + "' must be text, found " + YamlNode.describe(e.get().value()));
        return Optional.empty();
    }

    /** A list of texts; a single text counts as a list of one. */
    List<String> textList(YamlNode.Mapping map, String key) {
        Optional<YamlNode.Entry> e = map.entry(key);
        if (e.isEmpty()) {
            return List.of();
        }
        YamlNode v = e.get().value();
        if (v instanceof YamlNode.Scalar s) {
            return s.isNull() ? List.of() : List.of(s.text());
        }
        if (v instanceof YamlNode.Sequence seq && seq.items().stream().allMatch(
                i -> i instanceof YamlNode.Scalar sc && !sc.isNull())) {
            return seq.items().stream().map(i -> ((YamlNode.Scalar) i).text()).toList();
        }
        error(e.get().line(), "rule-invalid", "'" + key + "' must be a list of texts");
        return List.of();
    }

    /** A boolean attribute; absent → false. */
    boolean bool(YamlNode.Mapping map, String key) {
        Optional<YamlNode.Entry> e = map.entry(key);
        if (e.isEmpty()) {
            return false;
        }
        if (e.get().value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT));
        }
        error(e.get().line(), "rule-invalid", "'" + key + "' must be true or false");
        return false;
    }

    /** Checks a dotted field path; reports and returns false when it has empty segments. */
    boolean checkFieldPath(String path, int line) {
        return checkFieldPath(path, line, "rule-invalid");
    }

    /** Checks a dotted field path, reporting a bad one with the given reason. */
    boolean checkFieldPath(String path, int line, String reason) {
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            error(line, reason, "field path '" + path + "' is not valid: write dotted names such as"
                    + " userIdentity.type");
            return false;
        }
        return true;
    }
}
