package dev.vigil.engine.sigma;

/** The {@code re} sub-modifiers {@code i} (ignore case), {@code m} (multi-line) and {@code s} (dot matches all). */
final class RegexFlagModifier extends ValueModifier {

    private final char flag;

    RegexFlagModifier(char flag) {
        super(String.valueOf(flag));
        this.flag = flag;
    }

    @Override
    SigmaValue modify(SigmaValue value) throws ModifierException {
        if (!(value instanceof SigmaRegex r)) {
            throw new ModifierException("'" + flag + "' only follows 're' (as in field|re|" + flag + "), not "
                    + value.describe());
        }
        return switch (flag) {
            case 'i' -> new SigmaRegex(r.regex(), true, r.multiLine(), r.dotAll());
            case 'm' -> new SigmaRegex(r.regex(), r.ignoreCase(), true, r.dotAll());
            default -> new SigmaRegex(r.regex(), r.ignoreCase(), r.multiLine(), true);
        };
    }
}
