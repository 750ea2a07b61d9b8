package io.modelgate.scanner.executorch;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.flatbuffers.FlatBuffer;
import io.modelgate.scanner.flatbuffers.FlatBufferFormatException;
import io.modelgate.scanner.flatbuffers.FlatTable;
import io.modelgate.scanner.flatbuffers.FlatVector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an ExecuTorch program following schema/program.fbs: each execution plan's operator table, its delegates
 * and the instructions of its chains (a kernel or delegate call must name an entry of its table, as the runtime
 * requires), and where each delegate's payload lies (inline data or a segment after the flatbuffer).
 */
final class ProgramReader {

    private static final int MAX_NAME_BYTES = 256;
    private static final int PROGRAM_PLANS = 1;
    private static final int PROGRAM_DELEGATE_DATA = 3;
    private static final int PROGRAM_SEGMENTS = 4;
    private static final int PLAN_NAME = 0;
    private static final int PLAN_CHAINS = 5;
    private static final int PLAN_OPERATORS = 6;
    private static final int PLAN_DELEGATES = 7;
    private static final int CHAIN_INSTRUCTIONS = 2;
    private static final int INSTRUCTION_TYPE = 0;
    private static final int INSTRUCTION_VALUE = 1;
    private static final int KERNEL_CALL = 1;
    private static final int DELEGATE_CALL = 2;
    private static final int LAST_INSTRUCTION_TYPE = 5;
    private static final int LOCATION_INLINE = 0;
    private static final int LOCATION_SEGMENT = 1;

    /** An operator as the runtime looks it up: {@code namespace::name} and its overload. */
    record Operator(String name, String overload) {
        String namespace() {
            int colons = name.indexOf("::");
            return colons < 0 ? "" : name.substring(0, colons);
        }
    }

    /** A delegate: its backend id and where its payload lies in the file. */
    record Delegate(String plan, String backend, long payloadOffset, long payloadSize) {
    }

    record Program(long version, List<String> plans, List<Operator> operators, List<Delegate> delegates,
                   long instructions) {
    }

    private final Deadline deadline;
    private long instructions;

    ProgramReader(Deadline deadline) {
        this.deadline = deadline;
    }

    Program read(FlatBuffer buffer, Optional<ExtendedHeader> header) throws IOException {
        FlatTable program = buffer.root();
        long version = program.unsigned(0, 4, 0);
        Optional<FlatVector> plans = program.vector(PROGRAM_PLANS, 4, "execution plans");
        long planCount = plans.map(FlatVector::length).orElse(0L);
        if (planCount == 0) {
            throw new FlatBufferFormatException("the program has no execution plan");
        }
        List<String> names = new ArrayList<>();
        List<Operator> operators = new ArrayList<>();
        List<Delegate> delegates = new ArrayList<>();
        for (long p = 0; p < planCount; p++) {
            FlatTable plan = plans.get().table(p);
            String name = plan.string(PLAN_NAME, MAX_NAME_BYTES, "plan name").orElse("");
            names.add(name);
            long operatorCount = readOperators(plan, operators);
            long delegateCount = readDelegates(program, plan, name, header, buffer.size(), delegates);
            readChains(plan, operatorCount, delegateCount);
        }
        return new Program(version, names, operators, delegates, instructions);
    }

    private long readOperators(FlatTable plan, List<Operator> into) throws IOException {
        Optional<FlatVector> vector = plan.vector(PLAN_OPERATORS, 4, "operators");
        long count = vector.map(FlatVector::length).orElse(0L);
        for (long i = 0; i < count; i++) {
            FlatTable operator = vector.get().table(i);
            String name = operator.string(0, MAX_NAME_BYTES, "operator name").orElse("");
            into.add(new Operator(name, operator.string(1, MAX_NAME_BYTES, "operator overload").orElse("")));
        }
        return count;
    }

    private long readDelegates(FlatTable program, FlatTable plan, String planName, Optional<ExtendedHeader> header,
                               long fileSize, List<Delegate> into) throws IOException {
        Optional<FlatVector> vector = plan.vector(PLAN_DELEGATES, 4, "delegates");
        long count = vector.map(FlatVector::length).orElse(0L);
        for (long i = 0; i < count; i++) {
            FlatTable delegate = vector.get().table(i);
            String backend = delegate.string(0, MAX_NAME_BYTES, "delegate id").orElse("");
            FlatTable reference = delegate.table(1, "delegate data reference").orElseThrow(
                    () -> new FlatBufferFormatException("delegate '" + backend + "' has no payload reference"));
            long location = reference.unsigned(0, 1, LOCATION_INLINE);
            long index = reference.unsigned(1, 4, 0);
            long[] payload = location == LOCATION_SEGMENT ? segment(program, index, header, fileSize)
                    : location == LOCATION_INLINE ? inline(program, index) : null;
            if (payload == null) {
                throw new FlatBufferFormatException("delegate '" + backend + "' has data location " + location);
            }
            into.add(new Delegate(planName, backend, payload[0], payload[1]));
        }
        return count;
    }

    private static long[] inline(FlatTable program, long index) throws IOException {
        FlatVector data = program.vector(PROGRAM_DELEGATE_DATA, 4, "delegate data").filter(v -> index < v.length())
                .orElseThrow(() -> new FlatBufferFormatException("inline delegate data " + index + " does not exist"));
        FlatVector bytes = data.table(index).vector(0, 1, "delegate bytes").orElseThrow(
                () -> new FlatBufferFormatException("inline delegate data " + index + " has no bytes"));
        return new long[]{bytes.start(), bytes.length()};
    }

    private static long[] segment(FlatTable program, long index, Optional<ExtendedHeader> header, long fileSize)
            throws IOException {
        FlatVector segments = program.vector(PROGRAM_SEGMENTS, 4, "segments").filter(v -> index < v.length())
                .orElseThrow(() -> new FlatBufferFormatException("data segment " + index + " does not exist"));
        if (header.isEmpty()) {
            throw new FlatBufferFormatException("the program has data segments but no extended header locating them");
        }
        FlatTable segment = segments.table(index);
        long offset = segment.unsigned(0, 8, 0);
        long size = segment.unsigned(1, 8, 0);
        long base = header.get().segmentBaseOffset();
        if (offset < 0 || size < 0 || offset > fileSize - base || size > fileSize - base - offset) {
            throw new FlatBufferFormatException("data segment " + index + " at " + Long.toUnsignedString(offset)
                    + " with " + Long.toUnsignedString(size) + " bytes lies outside the file");
        }
        return new long[]{base + offset, size};
    }

    private void readChains(FlatTable plan, long operators, long delegates) throws IOException {
        Optional<FlatVector> chains = plan.vector(PLAN_CHAINS, 4, "chains");
        long chainCount = chains.map(FlatVector::length).orElse(0L);
        for (long c = 0; c < chainCount; c++) {
            Optional<FlatVector> list = chains.get().table(c).vector(CHAIN_INSTRUCTIONS, 4, "instructions");
            long count = list.map(FlatVector::length).orElse(0L);
            for (long n = 0; n < count; n++) {
                final long i = n;
                if ((instructions++ & 0xfff) == 0) {
                    deadline.check();
                }
                FlatTable instruction = list.get().table(i);
                long type = instruction.unsigned(INSTRUCTION_TYPE, 1, 0);
                if (type == 0 || type > LAST_INSTRUCTION_TYPE) {
                    throw new FlatBufferFormatException("instruction " + i + " of chain " + c + " has type " + type);
                }
                if (type == KERNEL_CALL || type == DELEGATE_CALL) {
                    FlatTable call = instruction.table(INSTRUCTION_VALUE, "call").orElseThrow(
                            () -> new FlatBufferFormatException("call instruction " + i + " has no arguments"));
                    long target = call.signed(0, 4, 0);
                    long limit = type == KERNEL_CALL ? operators : delegates;
                    if (target < 0 || target >= limit) {
                        throw new FlatBufferFormatException("instruction " + i + " of chain " + c + " calls "
                                + (type == KERNEL_CALL ? "operator " : "delegate ") + target + " of " + limit);
                    }
                }
            }
        }
    }
}
