package io.modelgate.scanner.packaging;

import io.modelgate.scanner.detect.ModelFormat;

/** The software package formats ModelGate recognises, with the container each one is. */
public enum PackageKind {
    NPM("npm", "npm package", ModelFormat.NPM_PACKAGE, Container.TAR),
    PYTHON_SDIST("pypi", "Python source distribution", ModelFormat.PYTHON_SDIST, Container.TAR),
    PYTHON_WHEEL("pypi", "Python wheel", ModelFormat.PYTHON_WHEEL, Container.ZIP),
    JAVA_ARCHIVE("maven", "Java archive", ModelFormat.JAVA_ARCHIVE, Container.ZIP);

    /** The archive type a package kind is built on. */
    public enum Container { ZIP, TAR }

    private final String ecosystem;
    private final String label;
    private final ModelFormat format;
    private final Container container;

    PackageKind(String ecosystem, String label, ModelFormat format, Container container) {
        this.ecosystem = ecosystem;
        this.label = label;
        this.format = format;
        this.container = container;
    }

    /** The package ecosystem, named as package URLs (purl types) name it. */
    public String ecosystem() {
        return ecosystem;
    }

    /** What the package is, for messages. */
    public String label() {
        return label;
    }

    public ModelFormat format() {
        return format;
    }

    public Container container() {
        return container;
    }
}
