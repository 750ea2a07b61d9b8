package io.modelgate.scanner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ScanProgressTest {

    @TempDir
    Path dir;

    @Test
    void aListenerIsToldTheFilesAndTheirSizes() throws Exception {
        Files.write(dir.resolve("a.txt"), new byte[100]);
        Files.write(dir.resolve("b.txt"), new byte[23]);
        Recorder recorder = new Recorder(true);

        Scanner.withDefaults().withProgress(recorder).scan(List.of(dir));

        assertThat(recorder.events).contains("started 2 123").contains("done " + dir.resolve("a.txt") + " 100")
                .contains("done " + dir.resolve("b.txt") + " 23");
    }

    @Test
    void aScanThatShowsNothingDoesNotSizeItsFiles() throws Exception {
        Files.write(dir.resolve("a.txt"), new byte[100]);
        Recorder recorder = new Recorder(false);

        Scanner.withDefaults().withProgress(recorder).scan(List.of(dir));

        assertThat(recorder.events).containsExactly("started 1 0");
    }

    private static final class Recorder implements ScanProgress {
        final List<String> events = new CopyOnWriteArrayList<>();
        private final boolean listening;

        Recorder(boolean listening) {
            this.listening = listening;
        }

        @Override
        public boolean listening() {
            return listening;
        }

        @Override
        public void started(int files, long bytes) {
            events.add("started " + files + " " + bytes);
        }

        @Override
        public void fileDone(String path, long bytes) {
            events.add("done " + path + " " + bytes);
        }
    }
}
