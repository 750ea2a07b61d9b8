package io.modelgate.sbom.cyclonedx;

import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;

/** Writes a BOM as CycloneDX 1.6 JSON or XML. */
public final class CycloneDxWriter {

    public enum Encoding { JSON, XML }

    private CycloneDxWriter() {
    }

    public static String write(Bom bom, Encoding encoding) {
        try {
            return switch (encoding) {
                case JSON -> BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString();
                case XML -> BomGeneratorFactory.createXml(Version.VERSION_16, bom).toXmlString();
            };
        } catch (GeneratorException e) {
            throw new IllegalStateException("cannot write the CycloneDX BOM: " + e.getMessage(), e);
        }
    }
}
