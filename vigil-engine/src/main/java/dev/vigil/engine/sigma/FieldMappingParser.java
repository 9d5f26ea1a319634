package dev.vigil.engine.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a field-mapping file:
 * <pre>
 * title: SigmaHQ names for CloudTrail          # optional
 * description: ...                              # optional
 * mappings:                                     # optional: scoped blocks, tried first, in order
 *   - logsource: {product: aws, service: vpcflowlogs}
 *     fieldmappings: {src_ip: srcaddr, dst_ip: dstaddr}
 * fieldmappings:                                # optional: every rule, tried last
 *   EventName: eventName
 *   user: [userIdentity.userName, userIdentity.principalId]   # several: any of them
 * </pre>
 * The file is strict: any problem refuses it whole, since a half-applied mapping would silently change what rules
 * match.
 */
final class FieldMappingParser {

    private static final Set<String> TOP_KEYS = Set.of("title", "description", "fieldmappings", "mappings");
    private static final Set<String> BLOCK_KEYS = Set.of("logsource", "fieldmappings");
    private static final Set<String> LOGSOURCE_KEYS = Set.of("product", "service", "category");

    private final AttributeReader reader;

    private FieldMappingParser(String origin) {
        this.reader = new AttributeReader(origin);
    }

    static FieldMapping.Parsed parse(String origin, String text) {
        return new FieldMappingParser(origin).file(text);
    }

    private FieldMapping.Parsed file(String text) {
        List<YamlNode> nodes;
        try {
            nodes = YamlReader.readAll(text);
        } catch (YamlException e) {
            reader.error(e.line(), "mapping-invalid", e.getMessage());
            return refused();
        }
        if (nodes.size() != 1 || !(nodes.getFirst() instanceof YamlNode.Mapping doc)) {
            reader.error(nodes.isEmpty() ? 0 : nodes.getFirst().line(), "mapping-invalid", "a field-mapping file is one"
                    + " YAML mapping with 'fieldmappings' and/or 'mappings'");
            return refused();
        }
        for (YamlNode.Entry e : doc.entries()) {
            if (!TOP_KEYS.contains(e.key())) {
                reader.error(e.line(), "mapping-invalid", "unknown key '" + e.key() + "'; a field-mapping file has"
                        + " title, description, fieldmappings and mappings");
            }
        }
        List<FieldMapping.Block> blocks = new ArrayList<>();
        doc.entry("mappings").ifPresent(e -> scoped(e, blocks));
        doc.entry("fieldmappings").ifPresent(e -> blocks.add(new FieldMapping.Block(LogSource.ANY, fields(e))));
        if (blocks.stream().allMatch(b -> b.fields().isEmpty()) && reader.problemCount() == 0) {
            reader.error(doc.line(), "mapping-invalid", "the file maps no field: add fieldmappings, e.g."
                    + " {EventName: eventName}");
        }
        if (reader.problemCount() > 0) {
            return refused();
        }
        return new FieldMapping.Parsed(Optional.of(new FieldMapping(reader.origin(), blocks)), List.of());
    }

    private FieldMapping.Parsed refused() {
        return new FieldMapping.Parsed(Optional.empty(), reader.problems());
    }

    private void scoped(YamlNode.Entry entry, List<FieldMapping.Block> blocks) {
        if (!(entry.value() instanceof YamlNode.Sequence seq)) {
            reader.error(entry.line(), "mapping-invalid", "'mappings' must be a list of {logsource, fieldmappings}"
                    + " blocks");
            return;
        }
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Mapping block)) {
                reader.error(item.line(), "mapping-invalid", "each entry of 'mappings' is a mapping with logsource and"
                        + " fieldmappings");
                continue;
            }
            for (YamlNode.Entry e : block.entries()) {
                if (!BLOCK_KEYS.contains(e.key())) {
                    reader.error(e.line(), "mapping-invalid", "unknown key '" + e.key() + "' in a mapping block; use"
                            + " logsource and fieldmappings");
                }
            }
            Optional<YamlNode.Entry> fields = block.entry("fieldmappings");
            if (fields.isEmpty()) {
                reader.error(block.line(), "mapping-invalid", "a mapping block needs 'fieldmappings'");
                continue;
            }
            blocks.add(new FieldMapping.Block(scope(block), fields(fields.get())));
        }
    }

    private LogSource scope(YamlNode.Mapping block) {
        Optional<YamlNode.Entry> entry = block.entry("logsource");
        if (entry.isEmpty()) {
            return LogSource.ANY;
        }
        if (!(entry.get().value() instanceof YamlNode.Mapping ls)) {
            reader.error(entry.get().line(), "mapping-invalid", "'logsource' must be a mapping of product, service and"
                    + " category");
            return LogSource.ANY;
        }
        for (YamlNode.Entry e : ls.entries()) {
            if (!LOGSOURCE_KEYS.contains(e.key())) {
                reader.error(e.line(), "mapping-invalid", "unknown logsource attribute '" + e.key() + "'; a scope"
                        + " names product, service and category");
            }
        }
        return new LogSource(reader.text(ls, "product").orElse(null), reader.text(ls, "service").orElse(null),
                reader.text(ls, "category").orElse(null));
    }

    private Map<String, List<String>> fields(YamlNode.Entry entry) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (!(entry.value() instanceof YamlNode.Mapping map)) {
            reader.error(entry.line(), "mapping-invalid", "'fieldmappings' must map rule field names to event field"
                    + " names, e.g. {EventName: eventName}");
            return out;
        }
        for (YamlNode.Entry e : map.entries()) {
            if (!reader.checkFieldPath(e.key(), e.line(), "mapping-invalid")) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            if (e.value() instanceof YamlNode.Scalar s && !s.isNull()) {
                targets.add(s.text());
            } else if (e.value() instanceof YamlNode.Sequence seq && !seq.items().isEmpty()
                    && seq.items().stream().allMatch(i -> i instanceof YamlNode.Scalar sc && !sc.isNull())) {
                seq.items().forEach(i -> targets.add(((YamlNode.Scalar) i).text()));
            } else {
                reader.error(e.line(), "mapping-invalid", "'" + e.key() + "' must map to a field name or a non-empty"
                        + " list of field names");
                continue;
            }
            if (targets.size() > FieldMapping.MAX_TARGETS) {
                reader.error(e.line(), "mapping-invalid", "'" + e.key() + "' maps to " + targets.size()
                        + " fields; at most " + FieldMapping.MAX_TARGETS + " are allowed");
                continue;
            }
            if (targets.stream().allMatch(t -> reader.checkFieldPath(t, e.line(), "mapping-invalid"))) {
                out.put(e.key(), targets.stream().distinct().toList());
            }
        }
        return out;
    }
}
