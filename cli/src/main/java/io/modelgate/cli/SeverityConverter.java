package io.modelgate.cli;

import io.modelgate.scanner.model.Severity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses severities case-insensitively with a helpful message. */
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
