package dev.vigil.engine.sigma;

/** {@code re}: the value is a regular expression (RE2 syntax), case-sensitive unless followed by {@code i}. */
final class RegexModifier extends ValueModifier {
    RegexModifier() {
        super("re");
    }

    @Override
    SigmaValue modify(SigmaValue value) throws ModifierException {
        return SigmaRegex.checked(new SigmaRegex(sourceText(value), false, false, false));
    }
}
