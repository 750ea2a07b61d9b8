package io.modelgate.scanner.openvino;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.LimitExceededException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams an IR graph with a hardened StAX parser: no document type declarations, no entities resolved, no
 * external resources, element count and nesting bounded. Every {@code <layer>}, including those in the bodies of
 * TensorIterator, Loop and If layers, is reported with its type and operation set, and constants with their data
 * range in the weights file.
 */
final class IrGraphReader {

    static final long MAX_ELEMENTS = 50_000_000;
    static final int MAX_DEPTH = 256;

    record Layer(String id, String name, String type, String version, long offset, long size) {
    }

    record Graph(String name, String irVersion, List<Layer> layers) {
    }

    private static final XMLInputFactory FACTORY = hardenedFactory();

    private static XMLInputFactory hardenedFactory() {
        // the platform's own parser, whatever a classpath brings: its hardening properties are known
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are not read");
        });
        return factory;
    }

    private final Deadline deadline;

    IrGraphReader(Deadline deadline) {
        this.deadline = deadline;
    }

    Graph read(InputStream in) throws IOException {
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(in);
            List<Layer> layers = new ArrayList<>();
            String name = null;
            String irVersion = null;
            Layer open = null;
            long elements = 0;
            int depth = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new IrFormatException("the XML declares a document type, "
                            + "which ModelGate does not process");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new IrFormatException("the XML refers to the "
                            + "entity '" + xml.getLocalName() + "', which ModelGate does not expand");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > MAX_ELEMENTS) {
                            throw new LimitExceededException("more than " + MAX_ELEMENTS + " XML elements");
                        }
                        if ((elements & 0xffff) == 0) {
                            deadline.check();
                        }
                        if (++depth > MAX_DEPTH) {
                            throw new LimitExceededException("XML nested deeper than " + MAX_DEPTH + " levels");
                        }
                        String element = xml.getLocalName();
                        if (depth == 1) {
                            if (!element.equals("net")) {
                                throw new IrFormatException("the root element is <" + element + ">, not <net>");
                            }
                            name = xml.getAttributeValue(null, "name");
                            irVersion = xml.getAttributeValue(null, "version");
                        } else if (element.equals("layer")) {
                            String version = xml.getAttributeValue(null, "version");
                            open = new Layer(attribute(xml, "id"), attribute(xml, "name"), attribute(xml, "type"),
                                    version == null || version.length() <= 256 ? version : version.substring(0, 256),
                                    -1, -1);
                            layers.add(open);
                        } else if (element.equals("data") && open != null && isConstant(open)
                                && xml.getAttributeValue(null, "offset") != null) {
                            Layer constant = new Layer(open.id(), open.name(), open.type(), open.version(),
                                    number(xml, "offset"), number(xml, "size"));
                            layers.set(layers.size() - 1, constant);
                            open = constant;
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        if (xml.getLocalName().equals("layer")) {
                            open = null;
                        }
                    }
                    default -> {
                    }
                }
            }
            if (name == null && irVersion == null && layers.isEmpty()) {
                throw new IrFormatException("the XML has no <net> element");
            }
            return new Graph(name, irVersion, layers);
        } catch (XMLStreamException e) {
            throw new IrFormatException("malformed XML: " + firstLine(e.getMessage()));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing held beyond the stream the caller closes
                }
            }
        }
    }

    private static boolean isConstant(Layer layer) {
        return "Const".equals(layer.type()) || "Constant".equals(layer.type());
    }

    private static String attribute(XMLStreamReader xml, String name) throws IrFormatException {
        String value = xml.getAttributeValue(null, name);
        if (value == null) {
            throw new IrFormatException("a <layer> element at line " + xml.getLocation().getLineNumber()
                    + " has no " + name + " attribute");
        }
        return value.length() > 256 ? value.substring(0, 256) : value;
    }

    private static long number(XMLStreamReader xml, String name) throws IrFormatException {
        String value = xml.getAttributeValue(null, name);
        try {
            long number = Long.parseLong(value == null ? "" : value.trim());
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IrFormatException("constant data at line " + xml.getLocation().getLineNumber() + " has "
                    + name + " '" + value + "', not a byte count");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unexpected content";
        }
        String line = message.strip();
        int newline = line.lastIndexOf('\n');
        return newline >= 0 ? line.substring(newline + 1).strip() : line;
    }
}
