package ephyzip.cli;

import ephyzip.stream.CoderKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

final class CoderConverter implements ITypeConverter<CoderKind> {
    @Override
    public CoderKind convert(String value) {
        for (CoderKind k : CoderKind.values()) {
            if (k.label().equals(value)) {
                return k;
            }
        }
        throw new TypeConversionException("'" + value + "' is not a coder: use arith, rank, residual or fast");
    }
}
