package io.modelgate.scanner.packaging;

import io.modelgate.testkit.Gen;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Manifest readers on hostile bytes: never an exception, names and versions always bounded and printable. */
class PackageManifestPropertiesTest {

    private record Case(byte[] bytes, PackageKind kind) {
        @Override
        public String toString() {
            return kind + " " + new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @Test
    void anyBytesDescribeAPackageOrNothing() {
        RandomCases.check(200, gen -> new Case(manifestBytes(gen), gen.of(PackageKind.values())), c -> {
            byte[] bytes = c.bytes();
            Map<String, byte[]> manifests = Map.of("package/package.json", bytes, "x-1.dist-info/METADATA", bytes,
                    "x-1/PKG-INFO", bytes, PackageLayout.JAR_MANIFEST, bytes,
                    "META-INF/maven/g/a/pom.properties", bytes);
            Optional<SoftwarePackage> described = PackageManifests.describe(c.kind(), manifests);
            described.ifPresent(p -> {
                for (Optional<String> value : new Optional[]{p.name(), p.version()}) {
                    value.ifPresent(v -> assertThat(v).hasSizeLessThanOrEqualTo(215)
                            .doesNotContainPattern("\\p{Cntrl}"));
                }
            });
        });
    }

    /** Manifest-like lines (up to 40, from real keys or any text) as UTF-8, or any bytes. */
    private static byte[] manifestBytes(Gen gen) {
        return gen.oneOf(
                () -> String.join("\n", gen.list(40, () -> gen.oneOf(
                        () -> gen.of("Manifest-Version: 1.0", "Metadata-Version: 2.1", "Name: x", "Version: 1",
                                "Implementation-Title: t", " continued", "", "{\"name\": \"n\", \"version\": \"1\"}",
                                "groupId=g", "artifactId=a", "version=1", "{", "\"name\":", "[", "\u0000", "\r"),
                        () -> gen.string(300)))).getBytes(StandardCharsets.UTF_8),
                () -> gen.bytes(0, 2000));
    }
}
