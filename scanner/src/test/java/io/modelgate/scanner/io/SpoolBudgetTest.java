package io.modelgate.scanner.io;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spooler stays within the scan's temporary-disk and heap budgets and gives back what it took. */
class SpoolBudgetTest {

    private static final int MIB = 1 << 20;

    private static byte[] random(int bytes) {
        byte[] data = new byte[bytes];
        new Random(bytes).nextBytes(data);
        return data;
    }

    private static byte[] readAll(ByteSource source) throws IOException {
        return source.readFully(0, (int) source.size());
    }

    @Test
    void entryLargerThanTheTemporaryDiskBudgetStopsAndLeavesNoFile() {
        ScanBudgets budgets = new ScanBudgets(new ByteBudget(2 * MIB), new ByteBudget(0), new HeapGate(1 << 30));
        Spooler spooler = new Spooler(1024, budgets);

        assertThatThrownBy(() -> spooler.spool(new ByteArrayInputStream(random(5 * MIB)), Long.MAX_VALUE, "'w.bin'"))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("'w.bin' needs more temporary disk").hasMessageContaining(2 * MIB + " bytes");
        assertThat(budgets.liveTempFiles()).isZero();
        assertThat(budgets.tempDisk().used()).isZero();
    }

    @Test
    void temporaryDiskIsSharedAndReturnedWhenASpoolIsClosed() throws IOException {
        ScanBudgets budgets = new ScanBudgets(new ByteBudget(3 * MIB), new ByteBudget(0), new HeapGate(1 << 30));
        Spooler spooler = new Spooler(1024, budgets);
        byte[] first = random(2 * MIB);

        ByteSource held = spooler.spool(new ByteArrayInputStream(first), Long.MAX_VALUE, "first");
        Path temp = ((FileByteSource) held).path();
        assertThatThrownBy(() -> spooler.spool(new ByteArrayInputStream(random(2 * MIB)), Long.MAX_VALUE, "second"))
                .isInstanceOf(LimitExceededException.class);
        assertThat(readAll(held)).isEqualTo(first);
        held.close();

        assertThat(temp).doesNotExist();
        assertThat(budgets.tempDisk().used()).isZero();
        try (ByteSource again = spooler.spool(new ByteArrayInputStream(random(2 * MIB)), Long.MAX_VALUE, "third")) {
            assertThat(again.size()).isEqualTo(2 * MIB);
        }
        assertThat(budgets.liveTempFiles()).isZero();
    }

    @Test
    void exhaustedHeapBudgetSendsEntriesToDiskInsteadOfFailing() throws IOException {
        ScanBudgets budgets = new ScanBudgets(new ByteBudget(64 * MIB), new ByteBudget(256 * 1024), new HeapGate(1 << 30));
        Spooler spooler = new Spooler(64 * MIB, budgets);
        byte[] data = random(MIB + 17);

        try (ByteSource spooled = spooler.spool(new ByteArrayInputStream(data), Long.MAX_VALUE, "entry")) {
            assertThat(spooled).isInstanceOf(FileByteSource.class);
            assertThat(readAll(spooled)).isEqualTo(data);
            assertThat(budgets.spoolHeap().used()).isZero();
        }
        assertThat(budgets.tempDisk().used()).isZero();
    }

    @Test
    void memorySpoolsHoldTheirBudgetUntilClosedAndReadAcrossChunks() throws IOException {
        ScanBudgets budgets = new ScanBudgets(new ByteBudget(0), new ByteBudget(8 * MIB), new HeapGate(1 << 30));
        Spooler spooler = new Spooler(64 * MIB, budgets);
        byte[] data = random(3 * MIB + 5);

        ByteSource spooled = spooler.spool(new ByteArrayInputStream(data), Long.MAX_VALUE, "entry");

        assertThat(spooled).isNotInstanceOf(FileByteSource.class);
        assertThat(budgets.spoolHeap().used()).isBetween((long) data.length, 2L * data.length);
        assertThat(readAll(spooled)).isEqualTo(data);
        assertThat(spooled.readFully(64 * 1024 - 3, 10)).containsExactly(java.util.Arrays.copyOfRange(data,
                64 * 1024 - 3, 64 * 1024 + 7));
        spooled.close();
        spooled.close();
        assertThat(budgets.spoolHeap().used()).isZero();
    }
}
