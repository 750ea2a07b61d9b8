package io.modelgate.scanner.packaging;

import io.modelgate.scanner.archive.EntryPaths;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises a software package from its archive's entry names, the way its installer finds the manifest:
 * npm reads {@code package.json} in the tarball's one top folder (npm pack writes {@code package/}), pip reads {@code <name>-<version>.dist-info/WHEEL} (wheels) and
 * {@code <name>-<version>/PKG-INFO} (sdists), the JVM reads {@code META-INF/MANIFEST.MF}. The manifest's
 * content is checked separately ({@link PackageManifests}); names alone never make a package.
 */
public final class PackageLayout {

    public static final String JAR_MANIFEST = "META-INF/MANIFEST.MF";
    private static final Pattern DIST_INFO = Pattern.compile("[^/]+\\.dist-info/(WHEEL|METADATA)");
    private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");
    private static final Pattern TOP_LEVEL_FILE = Pattern.compile("[^/]+/(package\\.json|PKG-INFO)");

    private PackageLayout() {
    }

    /** The package kind a zip's entry names show, if any. */
    public static Optional<PackageKind> ofZip(List<String> names) {
        boolean wheel = false;
        boolean metadata = false;
        for (String name : names) {
            if (name.endsWith(".dist-info/WHEEL") && DIST_INFO.matcher(name).matches()) {
                wheel = true;
            } else if (name.endsWith(".dist-info/METADATA") && DIST_INFO.matcher(name).matches()) {
                metadata = true;
            }
        }
        if (wheel && metadata) {
            return Optional.of(PackageKind.PYTHON_WHEEL);
        }
        return names.contains(JAR_MANIFEST) ? Optional.of(PackageKind.JAVA_ARCHIVE) : Optional.empty();
    }

    /**
     * The package kind a tar's entry names show, if any: every entry under one top folder that holds the
     * manifest ({@code ./} prefixes already removed).
     */
    public static Optional<PackageKind> ofTar(List<String> names) {
        Optional<String> top = EntryPaths.topFolder(names);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        // npm strips the first path component whatever it is called; npm pack always writes package/
        if (names.contains(top.get() + "package.json")) {
            return Optional.of(PackageKind.NPM);
        }
        return names.contains(top.get() + "PKG-INFO") ? Optional.of(PackageKind.PYTHON_SDIST) : Optional.empty();
    }

    /** Whether a package reader should keep an entry's bytes to describe the package. */
    public static boolean isManifest(String name) {
        return name.equals(JAR_MANIFEST) || DIST_INFO.matcher(name).matches()
                || POM_PROPERTIES.matcher(name).matches() || TOP_LEVEL_FILE.matcher(name).matches();
    }
}
