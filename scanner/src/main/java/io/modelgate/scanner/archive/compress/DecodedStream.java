package io.modelgate.scanner.archive.compress;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.TimeoutExceededException;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.LimitExceededException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The payload of a compressed file as Python's stdlib readers deliver it: member after member, and when
 * the data is damaged (cut off, bad checksum, trailing junk) every byte decoded before the damage, because
 * a loader reading the stream has consumed those bytes before the error is raised. Reading never fails on
 * damage: the stream ends there and {@link #damage()} says what was wrong. Limits and the time-out still
 * propagate.
 *
 * <p>Zero bytes between and after gzip members are padding, which CPython's gzip skips; after the other
 * formats, Python's readers fail on them, so they count as trailing data.
 */
public final class DecodedStream extends InputStream {

    private static final int DISCARD_BLOCK = 64 * 1024;

    private final ModelFormat format;
    private final ByteSource source;
    private final Deadline deadline;
    private Member member;
    private long memberStart;
    private long memberOutput;
    private long totalOutput;
    private int members;
    private String damage;
    private boolean finished;
    private byte[] pending = new byte[0];
    private int pendingAt;

    private DecodedStream(ModelFormat format, ByteSource source, Deadline deadline, Member first) {
        this.format = format;
        this.source = source;
        this.deadline = deadline;
        this.member = first;
        this.members = 1;
    }

    /**
     * Opens the first member; fails when the file does not start with a valid header of {@code format}
     * (nothing can be decoded then).
     */
    public static DecodedStream open(ModelFormat format, ByteSource source, Deadline deadline) throws IOException {
        if (source.size() == 0 || !Members.startsMember(format, source, 0)) {
            throw new IOException("no " + format.id() + " header");
        }
        return new DecodedStream(format, source, deadline, Members.open(format, source, 0));
    }

    /** What stopped decoding before the end of the file, empty when every byte was decoded cleanly. */
    public Optional<String> damage() {
        return Optional.ofNullable(damage);
    }

    /** Members decoded (or started). */
    public int members() {
        return members;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pendingAt < pending.length) {
            int n = Math.min(len, pending.length - pendingAt);
            System.arraycopy(pending, pendingAt, b, off, n);
            pendingAt += n;
            return n;
        }
        while (!finished) {
            int n = readMember(b, off, len);
            if (n != 0) {
                return n;
            }
        }
        if (pendingAt < pending.length) {
            return read(b, off, len);
        }
        return -1;
    }

    /** Bytes from the current member; 0 after moving to the next member; -1 at the end. */
    private int readMember(byte[] b, int off, int len) throws IOException {
        if (member == null) {
            nextMember();
            return 0;
        }
        int n;
        try {
            n = member.read(b, off, len);
        } catch (LimitExceededException | TimeoutExceededException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            byte[] lost = recover(len);
            if (format == ModelFormat.XZ) {
                lost = concat(lost, XzTail.cutChunkOutput(source, memberStart, memberOutput + lost.length));
            }
            totalOutput += lost.length;
            stop(describe(e));
            pending = lost;
            pendingAt = 0;
            return 0;
        }
        if (n > 0) {
            memberOutput += n;
            totalOutput += n;
            return n;
        }
        if (n < 0) {
            memberStart = Members.endIsExact(format) ? member.end() : source.size();
            closeMember();
        }
        return 0;
    }

    /** After a complete member: padding, another member, the end of the file, or data that is not a member. */
    private void nextMember() throws IOException {
        long at = format == ModelFormat.GZIP ? skipZeros(memberStart) : memberStart;
        if (at >= source.size()) {
            finished = true;
            return;
        }
        if (!Members.concatenates(format) || !Members.startsMember(format, source, at)) {
            stop((source.size() - at) + " bytes after the end of the " + format.id() + " data at offset " + at
                    + " are not " + format.id() + " data; they were not analysed");
            return;
        }
        members++;
        memberStart = at;
        memberOutput = 0;
        try {
            member = Members.open(format, source, at);
        } catch (LimitExceededException | TimeoutExceededException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            stop("member " + members + " at offset " + at + ": " + describe(e));
        }
    }

    private long skipZeros(long from) throws IOException {
        byte[] block = new byte[4096];
        long p = from;
        while (p < source.size()) {
            int n = source.read(p, block, 0, (int) Math.min(block.length, source.size() - p));
            if (n <= 0) {
                return p;
            }
            for (int i = 0; i < n; i++) {
                if (block[i] != 0) {
                    return p + i;
                }
            }
            p += n;
        }
        return p;
    }

    /**
     * A decoder may fail in a read after it has decoded part of the requested bytes, which it then drops.
     * The member is decoded again up to where the failed read began, then byte by byte up to the error, so
     * no byte a streaming loader would have received is lost. At most {@code len} bytes are recovered.
     */
    private byte[] recover(int len) throws IOException {
        closeMember();
        byte[] out = new byte[len];
        int got = 0;
        try (Member again = Members.open(format, source, memberStart)) {
            byte[] discard = new byte[DISCARD_BLOCK];
            long skipped = 0;
            while (skipped < memberOutput) {
                deadline.check();
                int n = again.read(discard, 0, (int) Math.min(discard.length, memberOutput - skipped));
                if (n < 0) {
                    return new byte[0];
                }
                skipped += n;
            }
            while (got < len) {
                int n = again.read(out, got, 1);
                if (n < 0) {
                    break;
                }
                got += n;
            }
        } catch (LimitExceededException | TimeoutExceededException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // the error the first pass met: everything before it is in out
        }
        return Arrays.copyOf(out, got);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private void stop(String reason) {
        damage = reason;
        finished = true;
        closeMember();
    }

    private String describe(Throwable e) {
        String message = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                : e instanceof EOFException ? "the compressed data is cut off" : "the compressed data is corrupt";
        String where = members > 1 ? " (member " + members + " at offset " + memberStart + ")" : "";
        return format.id() + " decoding stopped after " + totalOutput + " decoded bytes" + where + ": " + message;
    }

    private void closeMember() {
        if (member != null) {
            try {
                member.close();
            } catch (IOException | RuntimeException e) {
                // a broken decoder's close changes nothing about what was decoded
            }
            member = null;
        }
    }

    @Override
    public void close() {
        closeMember();
        finished = true;
    }
}
