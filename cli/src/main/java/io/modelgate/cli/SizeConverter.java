package io.modelgate.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses byte sizes such as {@code 1048576}, {@code 500M}, {@code 64G} (binary units). */
final class SizeConverter implements ITypeConverter<Long> {

    private static final Pattern FORM = Pattern.compile("(\\d{1,15})\\s*([kmgt]i?b?|b)?");

    @Override
    public Long convert(String value) {
        Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a size (examples: 500M, 64G)");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).substring(0, 1);
        int shift = switch (unit) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        if (amount > (Long.MAX_VALUE >> shift)) {
            throw new TypeConversionException("size '" + value + "' is too large");
        }
        return amount << shift;
    }
}
