package dev.vigil.engine.sigma;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The table of Sigma value modifiers Vigil implements, by name: every modifier of the Sigma 2.1 appendix. */
public final class Modifiers {

    private static final Map<String, Modifier> BY_NAME = build();

    private Modifiers() {
    }

    private static Map<String, Modifier> build() {
        Map<String, Modifier> m = new LinkedHashMap<>();
        for (Modifier mod : new Modifier[] {
                new ContainsModifier(), new StartsWithModifier(), new EndsWithModifier(), new AllModifier(),
                new ExistsModifier(), new CasedModifier(), new NotEqualModifier(), new RegexModifier(),
                new RegexFlagModifier('i'), new RegexFlagModifier('m'), new RegexFlagModifier('s'), new CidrModifier(),
                new ComparisonModifier(SigmaComparison.Operator.LT),
                new ComparisonModifier(SigmaComparison.Operator.LTE),
                new ComparisonModifier(SigmaComparison.Operator.GT),
                new ComparisonModifier(SigmaComparison.Operator.GTE),
                new Base64Modifier(), new Base64OffsetModifier(),
                new Utf16Modifier("utf16le", Utf16Modifier.Layout.LITTLE_ENDIAN),
                new Utf16Modifier("wide", Utf16Modifier.Layout.LITTLE_ENDIAN),
                new Utf16Modifier("utf16be", Utf16Modifier.Layout.BIG_ENDIAN),
                new Utf16Modifier("utf16", Utf16Modifier.Layout.LITTLE_ENDIAN_WITH_BOM),
                new WindashModifier(), new ExpandModifier(), new FieldRefModifier()}) {
            m.put(mod.name(), mod);
        }
        for (SigmaTimePart.Unit unit : SigmaTimePart.Unit.values()) {
            m.put(unit.modifier(), new TimePartModifier(unit));
        }
        return Map.copyOf(m);
    }

    /** The modifier with this name. */
    public static Optional<Modifier> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Names of all implemented modifiers, sorted. */
    public static Set<String> names() {
        return new TreeSet<>(BY_NAME.keySet());
    }

    /** The error for a name that is not in the table; modifier names are lower case, so case slips are named. */
    static String unknownMessage(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!lower.equals(name) && BY_NAME.containsKey(lower)) {
            return "unknown modifier '" + name + "'; modifier names are lower case: write '" + lower + "'";
        }
        return "unknown modifier '" + name + "'; supported: " + String.join(", ", names());
    }
}
