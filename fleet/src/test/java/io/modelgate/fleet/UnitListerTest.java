package io.modelgate.fleet;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which folders and files are units, on the local file system through the Hadoop API. */
class UnitListerTest {

    @TempDir
    Path dir;

    private List<String> units(Path... roots) throws IOException {
        return new UnitLister(new Configuration()).list(List.of(roots).stream().map(Path::toString).toList())
                .stream().map(UnitSpec::relativePath).sorted().toList();
    }

    @Test
    void modelFoldersAreOneUnitAndOtherFilesEachTheirOwn() throws IOException {
        Path registry = RegistryFixture.build(dir.resolve("registry"));
        Files.createDirectories(registry.resolve("archives"));
        Files.write(registry.resolve("archives/a.zip"), new byte[]{1});
        Files.write(registry.resolve("archives/b.zip"), new byte[]{2});
        Files.createDirectories(registry.resolve(".hidden/model"));
        Files.write(registry.resolve(".hidden/model/config.json"), "{}".getBytes());
        Path cache = Files.createDirectories(registry.resolve("hub/models--org--name"));
        Files.createDirectories(cache.resolve("blobs"));
        Files.createDirectories(cache.resolve("snapshots/abc"));
        Files.write(cache.resolve("blobs/0123"), new byte[]{3});
        Path xet = Files.createDirectories(registry.resolve("xet/https___cas_serv-tGqkUaZf_CBPHQ6h"));
        Files.createDirectories(xet.resolve("chunk-cache/AB/ABcd"));
        Files.write(xet.resolve("chunk-cache/AB/ABcd/AAAAAAEAAAA"), new byte[]{4});
        Files.createDirectories(xet.resolve("shard-cache"));
        Files.write(xet.resolve("shard-cache/1fe4.mdb"), new byte[]{5});

        assertThat(units(registry)).containsExactlyInAnyOrder("archives/a.zip", "archives/b.zip", "hub/models--org--name",
                "xet/https___cas_serv-tGqkUaZf_CBPHQ6h",
                RegistryFixture.JAR, RegistryFixture.BROKEN, RegistryFixture.CLEAN, RegistryFixture.ZIPPED,
                RegistryFixture.EVIL);
    }

    @Test
    void aRootThatIsAModelIsOneUnitAndOverlappingRootsCountItOnce() throws IOException {
        Path registry = RegistryFixture.build(dir.resolve("registry"));
        Path clean = registry.resolve(RegistryFixture.CLEAN);

        List<UnitSpec> units = new UnitLister(new Configuration()).list(List.of(clean.toString(),
                registry.toString()));

        assertThat(units).hasSize(5);
        UnitSpec first = units.get(0);
        assertThat(first.files()).isEqualTo(4);
        assertThat(first.bytes()).isEqualTo(Files.walk(clean).filter(Files::isRegularFile)
                .mapToLong(p -> p.toFile().length()).sum());
    }
}
