package io.modelgate.scanner.folder;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FileDigestsTest {

    @Test
    void digestsAreGatheredOnceAndOnlyWhenAskedFor() throws Exception {
        AtomicInteger gathered = new AtomicInteger();
        Path file = Path.of("models", "a", "..", "model.safetensors");
        FileDigests digests = FileDigests.gatheredOnFirstUse(() -> {
            gathered.incrementAndGet();
            return Map.of(FileDigests.key(Path.of("models/model.safetensors")), "ab".repeat(32));
        });
        assertThat(gathered).hasValue(0);

        CountDownLatch start = new CountDownLatch(1);
        List<Thread> askers = new ArrayList<>();
        List<String> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Thread asker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answers.add(digests.sha256(file).orElse("none"));
            });
            asker.start();
            askers.add(asker);
        }
        start.countDown();
        for (Thread asker : askers) {
            asker.join();
        }
        assertThat(answers).hasSize(8).containsOnly("ab".repeat(32));
        assertThat(gathered).hasValue(1);
        assertThat(digests.sha256(Path.of("other.bin"))).isEmpty();
    }
}
