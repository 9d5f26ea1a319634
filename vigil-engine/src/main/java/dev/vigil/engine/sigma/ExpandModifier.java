package dev.vigil.engine.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code expand}: each {@code %name%} placeholder in the value stands for any one of the values the user
 * configured for it ({@link Placeholders}); a value with several placeholders gives every combination. Placeholder
 * values are Sigma strings, so their wildcards work. A placeholder the configuration does not define makes the
 * rule fail to load, as the specification requires of tools that cannot resolve one.
 *
 * <p>Written first ({@code field|expand: %admin_ips%}) the result keeps its text, so {@code cidr} or {@code re}
 * may follow; after {@code contains} and the like, placeholders are replaced inside the text they left.
 */
final class ExpandModifier extends ValueModifier {
    ExpandModifier() {
        super("expand");
    }

    @Override
    List<SigmaValue> variants(SigmaValue value, ModifierContext context) throws ModifierException {
        return switch (value) {
            case SigmaNumber n -> List.of(n);
            case SigmaBoolean b -> List.of(b);
            case SigmaString s when s.source() != null -> fromSource(s, context.placeholders());
            case SigmaString s -> fromParts(s, context.placeholders());
            default -> throw new ModifierException("'expand' replaces placeholders in text and comes before "
                    + "modifiers that change the value's type; it cannot apply to " + value.describe());
        };
    }

    /** The value as the rule wrote it: each combination is parsed again, keeping a source for re and cidr. */
    private static List<SigmaValue> fromSource(SigmaString s, Placeholders placeholders) throws ModifierException {
        List<PlaceholderText.Piece> pieces = PlaceholderText.ofSource(s.source());
        List<SigmaValue> out = new ArrayList<>();
        for (List<String> combination : combinations(pieces, placeholders)) {
            StringBuilder source = new StringBuilder();
            List<SigmaString.Part> parts = new ArrayList<>();
            int k = 0;
            for (PlaceholderText.Piece p : pieces) {
                String text = p instanceof PlaceholderText.Text t ? t.text() : combination.get(k++);
                source.append(text);
                parts.addAll(SigmaString.parse(text).parts());
            }
            out.add(new SigmaString(parts, s.cased(), source.toString()));
        }
        return out;
    }

    /** A value other modifiers already changed: placeholders are replaced inside its literal runs. */
    private static List<SigmaValue> fromParts(SigmaString s, Placeholders placeholders) throws ModifierException {
        List<List<SigmaString.Part>> results = new ArrayList<>();
        results.add(new ArrayList<>());
        for (SigmaString.Part part : s.parts()) {
            List<PlaceholderText.Piece> pieces = part instanceof SigmaString.Literal l
                    ? PlaceholderText.ofLiteral(l.text()) : List.of();
            if (part instanceof SigmaString.Wildcard) {
                results.forEach(r -> r.add(part));
            }
            for (PlaceholderText.Piece p : pieces) {
                switch (p) {
                    case PlaceholderText.Text t -> results.forEach(r -> r.add(new SigmaString.Literal(t.text())));
                    case PlaceholderText.Name n -> {
                        List<String> values = valuesOf(n, placeholders, results.size());
                        List<List<SigmaString.Part>> next = new ArrayList<>(results.size() * values.size());
                        for (List<SigmaString.Part> r : results) {
                            for (String v : values) {
                                List<SigmaString.Part> copy = new ArrayList<>(r);
                                copy.addAll(SigmaString.parse(v).parts());
                                next.add(copy);
                            }
                        }
                        results = next;
                    }
                }
            }
        }
        List<SigmaValue> out = new ArrayList<>(results.size());
        for (List<SigmaString.Part> r : results) {
            out.add(new SigmaString(r, s.cased(), null));
        }
        return out;
    }

    /** Every choice of one value per placeholder piece, in order; bounded by {@link ModifiedValues#MAX_VALUES}. */
    private static List<List<String>> combinations(List<PlaceholderText.Piece> pieces, Placeholders placeholders)
            throws ModifierException {
        List<List<String>> result = new ArrayList<>();
        result.add(List.of());
        for (PlaceholderText.Piece p : pieces) {
            if (!(p instanceof PlaceholderText.Name n)) {
                continue;
            }
            List<String> values = valuesOf(n, placeholders, result.size());
            List<List<String>> next = new ArrayList<>(result.size() * values.size());
            for (List<String> r : result) {
                for (String v : values) {
                    List<String> copy = new ArrayList<>(r);
                    copy.add(v);
                    next.add(copy);
                }
            }
            result = next;
        }
        return result;
    }

    /** The placeholder's values, checking that combining them with {@code sofar} values stays within bounds. */
    private static List<String> valuesOf(PlaceholderText.Name n, Placeholders placeholders, int sofar)
            throws ModifierException {
        List<String> values = placeholders.valuesOf(n.name()).orElseThrow(() -> unresolved(n.name(), placeholders));
        if ((long) sofar * values.size() > ModifiedValues.MAX_VALUES) {
            throw new ModifierException("'expand' makes more than " + ModifiedValues.MAX_VALUES
                    + " values from the placeholders of one value; use fewer placeholders or shorter lists");
        }
        return values;
    }

    private static ModifierException unresolved(String name, Placeholders placeholders) {
        String known = placeholders.isEmpty() ? "no placeholders file was given"
                : "defined: " + placeholders.names().stream().limit(20).collect(Collectors.joining(", "));
        return new ModifierException("placeholder %" + name + "% is not defined (" + known + "); define it in a"
                + " placeholders file (placeholders: {" + name + ": [value, ...]}) and load the rules with it"
                + " (e.g. vigil scan --placeholders FILE)");
    }
}
