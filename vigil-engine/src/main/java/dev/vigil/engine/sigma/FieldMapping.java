package dev.vigil.engine.sigma;

import dev.vigil.model.Problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A field-mapping pipeline: renames the fields of rules written against other field names (another tool's, or
 * another taxonomy's) to the names Vigil's events carry, before the rules are compiled. A field may map to several
 * event fields; the rule then matches when any of them does.
 *
 * <p>A mapping is a list of blocks, each optionally scoped to a log source; for a rule, the first block (in file
 * order) whose scope includes the rule's {@code logsource} and that names the field decides its target names.
 * Fields no block names keep their name. Read one with {@link #parse}; apply it with {@link #apply}.
 */
public final class FieldMapping {

    /** Most event fields one rule field may map to. */
    public static final int MAX_TARGETS = 16;

    /** Maps nothing. */
    public static final FieldMapping NONE = new FieldMapping("none", List.of());

    /**
     * One block of the mapping.
     *
     * @param scope  the rules it applies to: those whose log source this one includes ({@link LogSource#includes});
     *               {@link LogSource#ANY} for every rule
     * @param fields rule field → event field names, in file order
     */
    public record Block(LogSource scope, Map<String, List<String>> fields) {
        public Block {
            Objects.requireNonNull(scope, "scope");
            Map<String, List<String>> copy = new LinkedHashMap<>();
            fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            fields = Collections.unmodifiableMap(copy);
        }
    }

    /**
     * The outcome of reading a mapping file.
     *
     * @param mapping  the mapping, empty when the file has problems
     * @param problems what is wrong, with file and line; a mapping with any problem is refused as a whole
     */
    public record Parsed(Optional<FieldMapping> mapping, List<Problem> problems) {
        public Parsed {
            Objects.requireNonNull(mapping, "mapping");
            problems = List.copyOf(problems);
        }
    }

    /**
     * Rules and filters after mapping.
     *
     * @param documents the mapped rules and correlations
     * @param filters   the mapped filters
     * @param problems  documents the mapping could not apply to, which are left out
     */
    public record Result(List<SigmaDocument> documents, List<SigmaFilter> filters, List<Problem> problems) {
        public Result {
            documents = List.copyOf(documents);
            filters = List.copyOf(filters);
            problems = List.copyOf(problems);
        }
    }

    private final String origin;
    private final List<Block> blocks;

    FieldMapping(String origin, List<Block> blocks) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Reads a field-mapping file.
     *
     * @param origin file name used in problem locations
     * @param text   the file's content
     */
    public static Parsed parse(String origin, String text) {
        return FieldMappingParser.parse(origin, text);
    }

    /** Where the mapping was read, for messages. */
    public String origin() {
        return origin;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /**
     * The event fields a rule field stands for in a rule of the given log source: the targets of the first block
     * that applies and names it, else the field itself.
     */
    public List<String> targets(String field, LogSource ruleLogSource) {
        for (Block b : blocks) {
            List<String> t = b.fields().get(field);
            if (t != null && b.scope().includes(ruleLogSource)) {
                return t;
            }
        }
        return List.of(field);
    }

    /**
     * Renames the fields of rules, correlations and filters: detection fields, {@code fields}, {@code vigil.keys}
     * and {@code vigil.resource} of rules, {@code group-by} and the counted field of correlations. A correlation
     * uses the blocks that apply to every rule it counts among {@code documents} (only unscoped blocks when it
     * counts none of them).
     */
    public Result apply(List<SigmaDocument> documents, List<SigmaFilter> filters) {
        if (blocks.isEmpty()) {
            return new Result(documents, filters, List.of());
        }
        return new FieldMapper(this).apply(documents, filters);
    }

    @Override
    public String toString() {
        return "FieldMapping[" + origin + ", " + blocks.size() + " block(s)]";
    }
}
