package dev.vigil.engine.sigma;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The descriptive attributes of a Sigma document: everything the specification defines that does not change what
 * the rule matches or what its findings say, plus the attributes Sigma does not define (custom attributes), kept as
 * written. Problems with these attributes are reported as warnings and never stop a rule from loading.
 *
 * @param status     {@code status}, or null when absent or not one of the specification's values
 * @param license    SPDX license id, or null
 * @param author     author(s), or null
 * @param references reference URLs
 * @param date       creation date, or null when absent or not a date
 * @param modified   last modification date, or null when absent or not a date
 * @param fields     fields worth showing to an analyst
 * @param related    related rules
 * @param scope      intended scopes, e.g. {@code server}
 * @param taxonomy   the taxonomy the rule's names follow; {@code sigma} when absent
 * @param custom     attributes Sigma does not define, in file order: values are {@link String} (scalars as written),
 *                   {@link List} and {@link Map}, and null for YAML null
 */
public record SigmaMetadata(RuleStatus status, String license, String author, List<String> references,
                            LocalDate date, LocalDate modified, List<String> fields, List<RelatedRule> related,
                            List<String> scope, String taxonomy, Map<String, Object> custom) {

    /** The default taxonomy of Sigma rules. */
    public static final String DEFAULT_TAXONOMY = "sigma";

    /** No metadata at all. */
    public static final SigmaMetadata NONE = new SigmaMetadata(null, null, null, List.of(), null, null, List.of(),
            List.of(), List.of(), DEFAULT_TAXONOMY, Map.of());

    public SigmaMetadata {
        references = List.copyOf(references);
        fields = List.copyOf(fields);
        related = List.copyOf(related);
        scope = List.copyOf(scope);
        taxonomy = Objects.requireNonNullElse(taxonomy, DEFAULT_TAXONOMY);
        // custom values may be YAML null, which Map.copyOf refuses
        custom = Collections.unmodifiableMap(new LinkedHashMap<>(custom));
    }

    /** The same metadata with other {@code fields}, e.g. after a field mapping. */
    public SigmaMetadata withFields(List<String> otherFields) {
        return new SigmaMetadata(status, license, author, references, date, modified, otherFields, related, scope,
                taxonomy, custom);
    }
}
