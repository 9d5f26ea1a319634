package dev.vigil.cli;

import dev.vigil.model.Severity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts severities as users write them: informational|info, low, medium, high, critical, any case. */
final class SeverityConverter implements ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
