package io.modelgate.sbom.cyclonedx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelgate.provenance.license.LicenseVerdict;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.license.Expression;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A license verdict as CycloneDX licenses: a listed SPDX id as {@code id}, an SPDX expression as
 * {@code expression}, anything else (custom model licenses such as {@code LicenseRef-llama3}) by name.
 */
final class LicenseChoices {

    private static final Pattern OPERATOR = Pattern.compile("\\s(AND|OR|WITH)\\s");
    /** The SPDX license list as the CycloneDX schema knows it (shipped in the library). */
    private static final Set<String> SPDX_IDS = loadSpdxIds();

    private LicenseChoices() {
    }

    static LicenseChoice of(LicenseVerdict verdict) {
        if (verdict == null || verdict.id() == null) {
            return null;
        }
        LicenseChoice choice = new LicenseChoice();
        String id = verdict.id();
        if (OPERATOR.matcher(id).find()) {
            choice.setExpression(new Expression(id));
            return choice;
        }
        License license = new License();
        if (SPDX_IDS.contains(id)) {
            license.setId(id);
        } else {
            license.setName(verdict.name() != null ? verdict.name() : id);
        }
        choice.addLicense(license);
        return choice;
    }

    private static Set<String> loadSpdxIds() {
        try (InputStream in = LicenseChoice.class.getResourceAsStream("/spdx.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("SPDX license list missing from the CycloneDX library");
            }
            Set<String> ids = new HashSet<>();
            for (JsonNode id : new ObjectMapper().readTree(in).path("enum")) {
                ids.add(id.asText());
            }
            return Set.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
