package io.modelgate.cli.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JunitReportWriterTest {

    @TempDir
    Path dir;

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneCasePerModelAndFileFailingForRejectReasons() throws Exception {
        SampleScan sample = SampleScan.in(dir);
        Document doc = parse(new JunitReportWriter().render(sample.scan, sample.decision));
        NodeList cases = doc.getElementsByTagName("testcase");
        Map<String, Element> byName = new HashMap<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            byName.put(c.getAttribute("name"), c);
        }
        int units = sample.scan.models().size() + sample.scan.otherFiles().size();
        assertThat(byName).hasSize(units);
        Element evil = byName.get(dir + "/" + SampleScan.EVIL_NAME);
        assertThat(evil.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(evil.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("REVIEW origin.country.review");
        Element nested = byName.get(dir + "/nested.zip");
        assertThat(nested.getElementsByTagName("failure").getLength()).isEqualTo(1);
        Element folder = byName.get(dir + "/tiny-classifier");
        assertThat(folder.getElementsByTagName("failure").getLength()).isZero();
        assertThat(folder.getElementsByTagName("error").getLength()).isZero();
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(units));
    }

    @Test
    void controlCharactersInNamesKeepTheXmlWellFormed() throws Exception {
        Files.writeString(dir.resolve("bell\u0007\u001b[31m.txt"), "x");
        SampleScan sample = SampleScan.in(dir);
        String xml = new JunitReportWriter().render(sample.scan, sample.decision);
        Document doc = parse(xml);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("testsuites");
        assertThat(xml).contains("bell\uFFFD\uFFFD[31m.txt");
    }
}
