package io.modelgate.scanner.packaging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the manifests that make an archive a software package: {@code package.json} (npm),
 * {@code METADATA} / {@code PKG-INFO} (Python core metadata), {@code MANIFEST.MF} and Maven's
 * {@code pom.properties} (Java). A package is only recognised when its manifest is well formed and,
 * where the format requires one, names the package.
 */
public final class PackageManifests {

    /** Manifests are kilobytes; a README embedded in METADATA can reach a few hundred. */
    public static final int MAX_MANIFEST_BYTES = 1024 * 1024;
    private static final int MAX_VALUE_CHARS = 214;

    /** Built on first use: a scan without package manifests never builds it. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());
    }

    private PackageManifests() {
    }

    /**
     * The package the manifests describe.
     *
     * @param manifests entry name (as {@link PackageLayout#isManifest} selected it, {@code ./} removed) to bytes
     */
    public static Optional<SoftwarePackage> describe(PackageKind kind, Map<String, byte[]> manifests) {
        return switch (kind) {
            case NPM -> entryEnding(manifests, "/package.json").flatMap(PackageManifests::npm);
            case PYTHON_SDIST -> entryEnding(manifests, "/PKG-INFO").flatMap(b -> python(kind, b));
            case PYTHON_WHEEL -> entryEnding(manifests, ".dist-info/METADATA").flatMap(b -> python(kind, b));
            case JAVA_ARCHIVE -> java(manifests);
        };
    }

    private static Optional<byte[]> entryEnding(Map<String, byte[]> manifests, String suffix) {
        return manifests.entrySet().stream().filter(e -> e.getKey().endsWith(suffix))
                .map(Map.Entry::getValue).findFirst();
    }

    private static Optional<SoftwarePackage> npm(byte[] json) {
        try {
            JsonNode root = Mapper.JSON.readTree(json);
            if (root == null || !root.isObject() || !root.path("name").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new SoftwarePackage(PackageKind.NPM, text(root.get("name").asText()),
                    root.path("version").isTextual() ? text(root.get("version").asText()) : Optional.empty()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Core metadata: RFC 822 style headers; Metadata-Version and Name are required. */
    private static Optional<SoftwarePackage> python(PackageKind kind, byte[] bytes) {
        Map<String, String> headers = headers(bytes, false);
        if (!headers.containsKey("metadata-version") || !headers.containsKey("name")) {
            return Optional.empty();
        }
        return Optional.of(new SoftwarePackage(kind, text(headers.get("name")),
                Optional.ofNullable(headers.get("version")).flatMap(PackageManifests::text)));
    }

    /**
     * A jar's main manifest section must start with Manifest-Version (as the jar tool and Maven write it);
     * the name comes from Maven's pom.properties when there is exactly one, else from the manifest.
     */
    private static Optional<SoftwarePackage> java(Map<String, byte[]> manifests) {
        byte[] manifest = manifests.get(PackageLayout.JAR_MANIFEST);
        if (manifest == null) {
            return Optional.empty();
        }
        Map<String, String> main = headers(manifest, true);
        if (!main.containsKey("manifest-version")) {
            return Optional.empty();
        }
        var poms = manifests.entrySet().stream().filter(e -> e.getKey().endsWith("/pom.properties")).toList();
        if (poms.size() == 1) {
            Map<String, String> pom = properties(poms.get(0).getValue());
            if (pom.containsKey("groupId") && pom.containsKey("artifactId")) {
                return Optional.of(new SoftwarePackage(PackageKind.JAVA_ARCHIVE,
                        text(pom.get("groupId") + ":" + pom.get("artifactId")),
                        Optional.ofNullable(pom.get("version")).flatMap(PackageManifests::text)));
            }
        }
        Optional<String> name = first(main, "automatic-module-name", "bundle-symbolicname", "implementation-title");
        Optional<String> version = first(main, "implementation-version", "bundle-version");
        return Optional.of(new SoftwarePackage(PackageKind.JAVA_ARCHIVE, name, version));
    }

    private static Optional<String> first(Map<String, String> headers, String... keys) {
        for (String key : keys) {
            Optional<String> value = Optional.ofNullable(headers.get(key)).flatMap(PackageManifests::text);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /**
     * "Key: value" lines up to the first blank line, keys lower-cased, the first occurrence kept. Lines
     * starting with a space continue the previous value: joined directly in jar manifests (72-byte line
     * wrapping), with a space in core metadata (folded headers).
     */
    static Map<String, String> headers(byte[] bytes, boolean jarWrapping) {
        Map<String, String> headers = new LinkedHashMap<>();
        String lastKey = null;
        for (String line : decode(bytes).split("\r\n|\n|\r", -1)) {
            if (line.isEmpty()) {
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && lastKey != null) {
                String continued = jarWrapping ? line.substring(1) : " " + line.strip();
                headers.computeIfPresent(lastKey, (k, v) -> v.length() < MAX_MANIFEST_BYTES ? v + continued : v);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                lastKey = null;
                continue;
            }
            lastKey = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            headers.putIfAbsent(lastKey, line.substring(colon + 1).strip());
        }
        return headers;
    }

    /** Java properties as Maven writes pom.properties: {@code key=value} lines, {@code #} comments. */
    static Map<String, String> properties(byte[] bytes) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : decode(bytes).split("\r\n|\n|\r")) {
            String trimmed = line.strip();
            int eq = trimmed.indexOf('=');
            if (trimmed.startsWith("#") || trimmed.startsWith("!") || eq <= 0) {
                continue;
            }
            values.putIfAbsent(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
        }
        return values;
    }

    /** Names and versions as facts: printable, bounded. */
    private static Optional<String> text(String value) {
        String cleaned = value.strip().replaceAll("\\p{Cntrl}", "");
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cleaned.length() > MAX_VALUE_CHARS ? cleaned.substring(0, MAX_VALUE_CHARS) + "…" : cleaned);
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
