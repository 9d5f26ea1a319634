package dev.vigil.metrics.pattern;

import java.util.List;
import java.util.function.Predicate;

/** Evaluates a {@link PatternNode.Terms} on the message text: case-sensitive substrings and regex finds. */
final class TermsMatcher {

    private final Predicate<String>[][] groups;
    private final Predicate<String>[] excluded;

    @SuppressWarnings("unchecked")
    TermsMatcher(PatternNode.Terms node) {
        this.groups = node.groups().stream().map(g -> g.stream().map(TermsMatcher::compile).toArray(Predicate[]::new))
                .toArray(Predicate[][]::new);
        this.excluded = node.excluded().stream().map(TermsMatcher::compile).toArray(Predicate[]::new);
    }

    private static Predicate<String> compile(Term t) {
        return switch (t) {
            case Term.Phrase p -> text -> text.contains(p.text());
            case Term.Regex r -> text -> r.regex().compiled().matcher(text).find();
        };
    }

    boolean matches(String text) {
        for (Predicate<String> x : excluded) {
            if (x.test(text)) {
                return false;
            }
        }
        for (Predicate<String>[] group : groups) {
            if (all(group, text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean all(Predicate<String>[] group, String text) {
        for (Predicate<String> p : group) {
            if (!p.test(text)) {
                return false;
            }
        }
        return true;
    }

    static boolean isEmpty(List<List<Term>> groups) {
        return groups.size() == 1 && groups.getFirst().isEmpty();
    }
}
