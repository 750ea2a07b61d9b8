package io.modelgate.scanner.io;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteSourceTest {

    private static final byte[] DATA = "0123456789".getBytes();

    @Test
    void readFullyRefusesRangesPastTheEnd() {
        ByteSource source = new ArrayByteSource(DATA);
        assertThatThrownBy(() -> source.readFully(8, 3)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> source.readFully(Long.MAX_VALUE, 1)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> source.readFully(-1, 1)).isInstanceOf(EOFException.class);
    }

    @Test
    void slicesAreWindowsThatStayInside() throws IOException {
        ByteSource slice = new ArrayByteSource(DATA).slice(3, 4);
        assertThat(slice.size()).isEqualTo(4);
        assertThat(new String(slice.readFully(0, 4))).isEqualTo("3456");
        assertThat(new String(slice.open().readAllBytes())).isEqualTo("3456");
        assertThatThrownBy(() -> slice.readFully(2, 3)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> new ArrayByteSource(DATA).slice(8, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefixIsShortForSmallSources() throws IOException {
        assertThat(new ArrayByteSource(DATA).prefix(4096)).hasSize(10);
    }

    @Test
    void fileSourcesReadPositionally() throws IOException {
        Path file = Files.createTempFile("mg", ".bin");
        try {
            Files.write(file, DATA);
            try (FileByteSource source = FileByteSource.open(file)) {
                assertThat(new String(source.readFully(5, 5))).isEqualTo("56789");
                assertThat(new String(source.slice(1, 2).open().readAllBytes())).isEqualTo("12");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void spoolerStopsAtItsLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };
        assertThatThrownBy(() -> new Spooler(1024, budgets()).spool(endless, 1 << 20, "entry"))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("entry");
    }

    @Test
    void largeSpoolsGoToATemporaryFileThatIsDeletedOnClose() throws IOException {
        byte[] big = new byte[10_000];
        big[9_999] = 7;
        ByteSource spooled = new Spooler(1024, budgets()).spool(new ByteArrayInputStream(big), 1 << 20, "entry");
        assertThat(spooled).isInstanceOf(FileByteSource.class);
        Path temp = ((FileByteSource) spooled).path();
        assertThat(spooled.readFully(9_999, 1)[0]).isEqualTo((byte) 7);
        spooled.close();
        assertThat(temp).doesNotExist();
    }

    private static ScanBudgets budgets() {
        return new ScanBudgets(new ByteBudget(1 << 30), new ByteBudget(1 << 30), new HeapGate(1 << 30));
    }
}
