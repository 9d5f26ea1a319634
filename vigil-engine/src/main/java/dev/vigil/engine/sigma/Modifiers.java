package dev.vigil.engine.sigma;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The table of Sigma value modifiers Vigil implements, by name. */
public final class Modifiers {

    private static final Map<String, Modifier> BY_NAME = build();

    /**
     * Modifiers of the Sigma specification that Vigil does not implement yet; naming them gives a clearer error
     * than "unknown".
     */
    private static final Set<String> NOT_YET = Set.of("base64", "base64offset", "utf16le", "utf16be", "utf16",
            "wide", "windash", "expand", "fieldref", "neq", "minute", "hour", "day", "week", "month", "year");

    private Modifiers() {
    }

    private static Map<String, Modifier> build() {
        Map<String, Modifier> m = new LinkedHashMap<>();
        for (Modifier mod : new Modifier[] {
                new ContainsModifier(), new StartsWithModifier(), new EndsWithModifier(), new AllModifier(),
                new ExistsModifier(), new CasedModifier(), new RegexModifier(), new RegexFlagModifier('i'),
                new RegexFlagModifier('m'), new RegexFlagModifier('s'), new CidrModifier(),
                new ComparisonModifier(SigmaComparison.Operator.LT),
                new ComparisonModifier(SigmaComparison.Operator.LTE),
                new ComparisonModifier(SigmaComparison.Operator.GT),
                new ComparisonModifier(SigmaComparison.Operator.GTE)}) {
            m.put(mod.name(), mod);
        }
        return Map.copyOf(m);
    }

    /** The modifier with this name. */
    public static Optional<Modifier> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Names of all implemented modifiers, sorted. */
    public static Set<String> names() {
        return new java.util.TreeSet<>(BY_NAME.keySet());
    }

    /** The error for a name that is not in the table. */
    static String unknownMessage(String name) {
        if (NOT_YET.contains(name)) {
            return "modifier '" + name + "' is part of Sigma but not supported by Vigil yet; supported: "
                    + String.join(", ", names());
        }
        return "unknown modifier '" + name + "'; supported: " + String.join(", ", names());
    }
}
