package io.modelgate.sbom.cyclonedx;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.xml.util.DefaultXmlPrettyPrinter;
import io.modelgate.sbom.TextOutput;
import org.cyclonedx.Version;
import org.cyclonedx.generators.json.BomJsonGenerator;
import org.cyclonedx.generators.xml.BomXmlGenerator;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.BomReference;
import org.cyclonedx.util.mixin.MixInBomReference;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a BOM as CycloneDX 1.6 JSON or XML with cyclonedx-core-java's own object mapper and settings, straight
 * to a writer: the library's generators return the whole document as one string, which for a BOM of 100,000
 * files held a gigabyte at once. {@code CycloneDxWriterTest} holds the output to the library's strings.
 */
public final class CycloneDxWriter {

    public enum Encoding { JSON, XML }

    private static final String XML_PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private CycloneDxWriter() {
    }

    public static String write(Bom bom, Encoding encoding) {
        return TextOutput.of(out -> write(bom, encoding, out));
    }

    /** Writes the document to {@code out}, which stays open. */
    public static void write(Bom bom, Encoding encoding, Writer out) throws IOException {
        switch (encoding) {
            case JSON -> new JsonDocument(bom).write(out);
            case XML -> {
                out.write(XML_PROLOG + System.lineSeparator());
                new XmlDocument(bom).write(out);
            }
        }
        out.flush();
    }

    /** The library's JSON generator (its mapper is configured for the schema version), writing to a stream. */
    private static final class JsonDocument extends BomJsonGenerator {

        JsonDocument(Bom bom) {
            super(bom, Version.VERSION_16);
        }

        void write(Writer out) throws IOException {
            mapper.addMixIn(BomReference.class, MixInBomReference.class);
            // registered after the library's string serializer, so it takes its place (same output)
            mapper.registerModule(new SimpleModule().addSerializer(new CompactStringSerializer()));
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
            printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
            writeTo(out, printer, mapper, bom);
        }
    }

    /** The library's XML generator, writing to a stream. */
    private static final class XmlDocument extends BomXmlGenerator {

        XmlDocument(Bom bom) {
            super(bom, Version.VERSION_16);
        }

        void write(Writer out) throws IOException {
            writeTo(out, new DefaultXmlPrettyPrinter(), mapper, bom);
        }
    }

    private static void writeTo(Writer out, PrettyPrinter printer, ObjectMapper mapper, Bom bom) throws IOException {
        JsonGenerator generator = mapper.getFactory().createGenerator(out);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        mapper.writer(printer).writeValue(generator, bom);
        generator.flush();
    }
}
