package io.modelgate.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-unit work outside Spark: whatever happens, one row, incomplete with a one-line reason. */
class UnitScannerTest {

    @TempDir
    Path dir;

    private UnitScanner scanner(Duration timeout) {
        FleetSettings settings = new FleetSettings(List.of(dir.toString()), dir.resolve("out").toString(), null,
                PolicySource.profile("default"), 1, 1, timeout, 1L << 30, dir.resolve("stage").toString());
        return new UnitScanner(settings, Map.of());
    }

    private static UnitSpec unit(Path path) {
        return new UnitSpec(path.toUri().toString(), path.getParent().toUri().toString(), 1, 1);
    }

    @Test
    void aUnitThatTakesTooLongIsIncompleteAndRejected() throws IOException {
        Path registry = RegistryFixture.build(dir.resolve("registry"));

        UnitRow row = scanner(Duration.ofMillis(1)).scan(unit(registry.resolve(RegistryFixture.CLEAN)));

        assertThat(row.incomplete()).isTrue();
        assertThat(row.decision()).isEqualTo("REJECT");
        assertThat(row.incompleteReasons()).containsExactly("timed out after 1 ms");
        assertThat(row.reused()).isFalse();
    }

    @Test
    void aUnitThatVanishedIsIncompleteWithAOneLineReason() {
        UnitRow row = scanner(Duration.ofMinutes(1)).scan(unit(dir.resolve("gone")));

        assertThat(row.incomplete()).isTrue();
        assertThat(row.decision()).isEqualTo("REJECT");
        assertThat(row.incompleteReasons()).singleElement().asString().isEqualTo("could not be read: the unit is no longer there")
                .doesNotContain("Exception").doesNotContain("\n");
    }

    private UnitScanner remoteScanner(long maxUnitBytes) {
        FleetSettings settings = new FleetSettings(List.of(dir.toString()), dir.resolve("out").toString(), null,
                PolicySource.profile("default"), 1, 2, Duration.ofMinutes(2), maxUnitBytes,
                dir.resolve("stage").toString());
        return new UnitScanner(settings, Map.of("fs." + RemoteTestFileSystem.SCHEME + ".impl",
                RemoteTestFileSystem.class.getName(), "fs." + RemoteTestFileSystem.SCHEME + ".impl.disable.cache",
                "true"));
    }

    private static UnitSpec remote(Path path, long bytes) {
        String uri = RemoteTestFileSystem.SCHEME + "://" + path.toAbsolutePath().toUri().getPath();
        uri = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        return new UnitSpec(uri, uri.substring(0, uri.lastIndexOf('/')), bytes, 4);
    }

    @Test
    void aUnitOnAnotherFileSystemIsCopiedScannedAlikeAndTheCopyDeleted() throws IOException {
        Path registry = RegistryFixture.build(dir.resolve("registry"));
        Path clean = registry.resolve(RegistryFixture.CLEAN);

        UnitRow local = scanner(Duration.ofMinutes(2)).scan(unit(clean));
        UnitRow copied = remoteScanner(1L << 30).scan(remote(clean, 6700));

        assertThat(copied.incompleteReasons()).isEmpty();
        assertThat(copied.decision()).isEqualTo("APPROVE").isEqualTo(local.decision());
        assertThat(copied.family()).isEqualTo("qwen");
        assertThat(copied.contentDigest()).isEqualTo(local.contentDigest());
        assertThat(copied.digest()).isEqualTo(local.digest());
        assertThat(copied.path()).startsWith("remote:");
        try (var left = java.nio.file.Files.list(dir.resolve("stage"))) {
            assertThat(left).as("the copy is deleted").isEmpty();
        }
    }

    @Test
    void aRemoteUnitOverTheCopyLimitIsIncompleteBeforeAnythingIsCopied() throws IOException {
        Path registry = RegistryFixture.build(dir.resolve("registry"));

        UnitRow row = remoteScanner(1000).scan(remote(registry.resolve(RegistryFixture.CLEAN), 6700));

        assertThat(row.incomplete()).isTrue();
        assertThat(row.decision()).isEqualTo("REJECT");
        assertThat(row.incompleteReasons()).singleElement().asString().contains("local copy limit");
    }
}
