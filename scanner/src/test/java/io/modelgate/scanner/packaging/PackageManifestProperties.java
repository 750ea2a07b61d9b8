package io.modelgate.scanner.packaging;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Manifest readers on hostile bytes: never an exception, names and versions always bounded and printable. */
class PackageManifestProperties {

    @Property(seed = "20261202")
    void anyBytesDescribeAPackageOrNothing(@ForAll("manifestBytes") byte[] bytes, @ForAll PackageKind kind) {
        Map<String, byte[]> manifests = Map.of("package/package.json", bytes, "x-1.dist-info/METADATA", bytes,
                "x-1/PKG-INFO", bytes, PackageLayout.JAR_MANIFEST, bytes,
                "META-INF/maven/g/a/pom.properties", bytes);
        Optional<SoftwarePackage> described = PackageManifests.describe(kind, manifests);
        described.ifPresent(p -> {
            for (Optional<String> value : new Optional[]{p.name(), p.version()}) {
                value.ifPresent(v -> assertThat(v).hasSizeLessThanOrEqualTo(215).doesNotContainPattern("\\p{Cntrl}"));
            }
        });
    }

    @Provide
    Arbitrary<byte[]> manifestBytes() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("Manifest-Version: 1.0", "Metadata-Version: 2.1", "Name: x", "Version: 1",
                        "Implementation-Title: t", " continued", "", "{\"name\": \"n\", \"version\": \"1\"}",
                        "groupId=g", "artifactId=a", "version=1", "{", "\"name\":", "[", "\u0000", "\r"),
                Arbitraries.strings().ofMaxLength(300));
        Arbitrary<String> text = line.list().ofMaxSize(40).map(l -> String.join("\n", l));
        return Arbitraries.oneOf(text.map(t -> t.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2000));
    }
}
