package dev.vigil.engine.sigma;

/** {@code cidr}: the field is an IP address inside the given IPv4 or IPv6 network. */
final class CidrModifier extends ValueModifier {
    CidrModifier() {
        super("cidr");
    }

    @Override
    SigmaValue modify(SigmaValue value) throws ModifierException {
        String text = sourceText(value);
        return SigmaCidr.parse(text).orElseThrow(() -> new ModifierException(
                "'" + text + "' is not a network: write it like 10.0.0.0/8 or 2001:db8::/32"));
    }
}
