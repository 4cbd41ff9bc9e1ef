package dev.migralint.cli;

import dev.migralint.core.Dialect;
import dev.migralint.core.config.ByteSize;
import dev.migralint.core.config.FailOn;
import dev.migralint.core.input.ReadOptions;
import dev.migralint.core.report.Format;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for enum-valued options. They accept the lower-case names users type and, on a bad
 * value, list the valid ones the way they are typed (picocli's default shows the Java constants).
 */
final class OptionValues {
    private OptionValues() {
    }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return require(Format.parse(value), value, String.join(", ", formatNames()));
        }
    }

    static final class FailOnConverter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            return require(FailOn.parse(value), value, "error, warning, info, never");
        }
    }

    static final class DialectConverter implements ITypeConverter<Dialect> {
        @Override
        public Dialect convert(String value) {
            return require(Dialect.parse(value), value, "postgresql, mysql, generic");
        }
    }

    /** {@code --max-file-size 10MiB}: a size in bytes, within what {@link ReadOptions} allows. */
    static final class SizeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return new ReadOptions(null, ByteSize.parse(value)).maxFileSize();
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --color}: auto leaves it to the environment ({@link Environment#colorAllowed}). */
    enum Color {
        AUTO, ALWAYS, NEVER;

        boolean enabled(Environment env) {
            return this == ALWAYS || (this == AUTO && env.colorAllowed());
        }
    }

    static final class ColorConverter implements ITypeConverter<Color> {
        @Override
        public Color convert(String value) {
            Color c = switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "auto" -> Color.AUTO;
                case "always" -> Color.ALWAYS;
                case "never" -> Color.NEVER;
                default -> null;
            };
            return require(c, value, "auto, always, never");
        }
    }

    static final class ColorNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("auto", "always", "never").iterator();
        }
    }

    /** Shell completion candidates for --format. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return formatNames().iterator();
        }
    }

    static final class FailOnNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("error", "warning", "info", "never").iterator();
        }
    }

    static final class DialectNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("postgresql", "mysql", "generic").iterator();
        }
    }

    private static List<String> formatNames() {
        return Arrays.stream(Format.values()).map(Format::id).toList();
    }

    private static <T> T require(T parsed, String value, String valid) {
        if (parsed == null) {
            throw new TypeConversionException("'" + value + "' is not one of " + valid);
        }
        return parsed;
    }
}
