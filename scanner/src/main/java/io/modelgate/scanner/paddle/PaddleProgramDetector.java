package io.modelgate.scanner.paddle;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.protobuf.ProtoReader;
import io.modelgate.scanner.protobuf.WireType;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A ProgramDesc from its structure: top-level fields only blocks (1), op_compatible_map (3) and version (4),
 * all length-delimited, and a first block that starts with its index and parent index (varints) and holds a
 * variable or an operator whose type is an identifier. (A TensorFlow GraphDef has the same top-level numbers,
 * but its NodeDef starts with a name string, not a varint.)
 */
public final class PaddleProgramDetector implements FormatDetector {

    private static final int MAX_TOP_FIELDS = 64;
    private static final Pattern OP_TYPE = Pattern.compile("[a-z_][a-z0-9_]{0,127}");

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (head.length < 4 || head[0] != 0x0a) {
            return Optional.empty();
        }
        try {
            ProtoReader program = ProtoReader.of(source, 4);
            boolean block = false;
            for (int seen = 0; seen < MAX_TOP_FIELDS && program.next(); seen++) {
                int field = program.field();
                if ((field != 1 && field != 3 && field != 4) || program.wireType() != WireType.LEN) {
                    return Optional.empty();
                }
                if (field == 1 && !block) {
                    if (!plausibleBlock(program.message())) {
                        return Optional.empty();
                    }
                    block = true;
                }
            }
            return block ? Optional.of(new Detection(ModelFormat.PADDLE_PROGRAM, "PaddlePaddle ProgramDesc structure"))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean plausibleBlock(ProtoReader block) throws IOException {
        boolean idx = false;
        boolean parent = false;
        while (block.next()) {
            switch (block.field()) {
                case 1 -> idx = block.wireType() == WireType.VARINT;
                case 2 -> parent = block.wireType() == WireType.VARINT;
                case 3 -> {
                    if (block.wireType() != WireType.LEN) {
                        return false;
                    }
                    return idx && parent && namedVariable(block.message());
                }
                case 4 -> {
                    if (block.wireType() != WireType.LEN) {
                        return false;
                    }
                    return idx && parent && typedOp(block.message());
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    private static boolean namedVariable(ProtoReader var) throws IOException {
        return var.next() && var.field() == 1 && var.wireType() == WireType.LEN && var.length() > 0;
    }

    private static boolean typedOp(ProtoReader op) throws IOException {
        while (op.next()) {
            if (op.field() == 3) {
                return op.wireType() == WireType.LEN && OP_TYPE.matcher(op.string(128)).matches();
            }
        }
        return false;
    }
}
