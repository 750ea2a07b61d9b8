package io.modelgate.sbom.cyclonedx;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.modelgate.assessment.PackageRef;
import org.cyclonedx.model.Component;

import java.util.Locale;

/**
 * The archive or software package that holds bundled models: a library component for software packages
 * (npm, jar, wheel), with a package URL where the package names itself; a file component for plain archives.
 */
final class PackageComponents {

    private PackageComponents() {
    }

    static Component of(PackageRef container) {
        Component component = new Component();
        boolean software = isSoftware(container.type());
        component.setType(software ? Component.Type.LIBRARY : Component.Type.FILE);
        component.setBomRef(BomRefs.container(container));
        component.setName(container.name() != null ? container.name() : container.path());
        component.setVersion(container.version());
        purl(container).ifPresent(component::setPurl);
        component.setProperties(new Properties()
                .add("modelgate:package.type", container.type())
                .add("modelgate:package.path", container.path())
                .orNull());
        return component;
    }

    private static boolean isSoftware(String type) {
        return switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "npm", "jar", "war", "wheel", "sdist", "maven" -> true;
            default -> false;
        };
    }

    private static java.util.Optional<String> purl(PackageRef container) {
        if (container.name() == null || container.version() == null || container.type() == null) {
            return java.util.Optional.empty();
        }
        try {
            String type = container.type().toLowerCase(Locale.ROOT);
            return switch (type) {
                case "npm" -> {
                    String name = container.name();
                    String scope = null;
                    if (name.startsWith("@") && name.contains("/")) {
                        scope = name.substring(0, name.indexOf('/'));
                        name = name.substring(name.indexOf('/') + 1);
                    }
                    yield java.util.Optional.of(new PackageURL("npm", scope, name, container.version(), null, null)
                            .canonicalize());
                }
                case "wheel" -> java.util.Optional.of(new PackageURL("pypi", null, container.name(),
                        container.version(), null, null).canonicalize());
                case "jar", "war", "maven" -> {
                    int colon = container.name().indexOf(':');
                    yield colon > 0 ? java.util.Optional.of(new PackageURL("maven",
                            container.name().substring(0, colon), container.name().substring(colon + 1),
                            container.version(), null, null).canonicalize()) : java.util.Optional.empty();
                }
                default -> java.util.Optional.empty();
            };
        } catch (MalformedPackageURLException e) {
            return java.util.Optional.empty();
        }
    }
}
