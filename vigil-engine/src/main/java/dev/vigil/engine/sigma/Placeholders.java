package dev.vigil.engine.sigma;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user's values for Sigma placeholders: {@code %admin_ips%} in a value with the {@code expand} modifier
 * stands for any one of the values listed under {@code admin_ips}. Values are Sigma strings, so {@code *} and
 * {@code ?} are wildcards in them. Names are case-sensitive.
 *
 * <p>The file is YAML:
 * <pre>{@code
 * placeholders:
 *   admin_ips: [10.0.0.1, 10.0.0.2]
 *   Administrators:
 *     - admin
 *     - 'ops-*'
 *   jump_server: bastion.example.com     # one value is a list of one
 * }</pre>
 *
 * @param values the values of each placeholder, by name, each list non-empty
 */
public record Placeholders(Map<String, List<String>> values) {

    /** No placeholders configured. */
    public static final Placeholders NONE = new Placeholders(Map.of());

    /** Longest placeholder list read; {@link ModifiedValues#MAX_VALUES} bounds what one condition may use. */
    public static final int MAX_VALUES_PER_NAME = ModifiedValues.MAX_VALUES;

    public Placeholders {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> {
            if (!validName(name)) {
                throw new IllegalArgumentException("placeholder name '" + name + "' is not valid: use letters, digits,"
                        + " '_', '-' or '.'");
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException("placeholder '" + name + "' has no values");
            }
            copy.put(name, List.copyOf(list));
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** The values of a placeholder, when defined. */
    public Optional<List<String>> valuesOf(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The defined names, sorted. */
    public Set<String> names() {
        return new TreeSet<>(values.keySet());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** True for a name that may appear between {@code %} signs: letters, digits, {@code _ - .}. */
    public static boolean validName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a placeholders file.
     *
     * @param origin the file name, for messages
     * @param text   its content
     * @throws PlaceholdersException naming the file, the line and the problem
     */
    public static Placeholders parse(String origin, String text) throws PlaceholdersException {
        List<YamlNode> docs;
        try {
            docs = YamlReader.readAll(text);
        } catch (YamlException e) {
            throw new PlaceholdersException(origin + ":" + e.line() + ": " + e.getMessage());
        }
        if (docs.size() != 1 || !(docs.getFirst() instanceof YamlNode.Mapping root)) {
            throw new PlaceholdersException(origin + ": a placeholders file is one YAML mapping, e.g."
                    + " placeholders: {admin_ips: [10.0.0.1, 10.0.0.2]}");
        }
        for (YamlNode.Entry e : root.entries()) {
            if (!e.key().equals("placeholders")) {
                throw new PlaceholdersException(origin + ":" + e.line() + ": unknown key '" + e.key()
                        + "'; the file holds one key, placeholders");
            }
        }
        Optional<YamlNode.Entry> section = root.entry("placeholders");
        if (section.isEmpty()) {
            throw new PlaceholdersException(origin + ": missing 'placeholders:'; write placeholders: {name: [values]}");
        }
        if (!(section.get().value() instanceof YamlNode.Mapping map)) {
            throw new PlaceholdersException(origin + ":" + section.get().line() + ": 'placeholders' must map names to"
                    + " values, e.g. admin_ips: [10.0.0.1, 10.0.0.2]");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (YamlNode.Entry e : map.entries()) {
            String where = origin + ":" + e.line() + ": placeholder '" + e.key() + "'";
            if (!validName(e.key())) {
                throw new PlaceholdersException(where + ": use only letters, digits, '_', '-' or '.' in a name");
            }
            values.put(e.key(), valueList(e.value(), where));
        }
        return new Placeholders(values);
    }

    private static List<String> valueList(YamlNode node, String where) throws PlaceholdersException {
        List<YamlNode> items = node instanceof YamlNode.Sequence seq ? seq.items() : List.of(node);
        if (items.isEmpty()) {
            throw new PlaceholdersException(where + " has no values; list at least one");
        }
        if (items.size() > MAX_VALUES_PER_NAME) {
            throw new PlaceholdersException(where + " has " + items.size() + " values, over the limit of "
                    + MAX_VALUES_PER_NAME);
        }
        List<String> out = new ArrayList<>(items.size());
        for (YamlNode item : items) {
            if (!(item instanceof YamlNode.Scalar s) || s.isNull()) {
                throw new PlaceholdersException(where + ": values are text or numbers, not "
                        + YamlNode.describe(item));
            }
            out.add(s.text());
        }
        return out;
    }
}
