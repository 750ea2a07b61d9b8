package io.modelgate.sbom.cyclonedx;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package URL of a model kept in the Hugging Face cache layout
 * ({@code models--ORG--NAME/snapshots/REVISION/...}): {@code pkg:huggingface/ORG/NAME@REVISION}. Other
 * layouts carry no reliable repository and revision, so they get no purl rather than a guessed one.
 */
final class HuggingFacePurl {

    private static final Pattern CACHE = Pattern.compile(
            "(?:^|/)models--([A-Za-z0-9][\\w.-]*)--([\\w.-]+)/snapshots/([0-9a-f]{40})(?:/|$)");

    private HuggingFacePurl() {
    }

    static Optional<String> of(String unitPath) {
        Matcher m = CACHE.matcher(unitPath.replace('\\', '/'));
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PackageURL("huggingface", m.group(1), m.group(2), m.group(3), null, null)
                    .canonicalize());
        } catch (MalformedPackageURLException e) {
            return Optional.empty();
        }
    }

    /** The revision (commit) of a cached snapshot, when the unit sits in one. */
    static Optional<String> revision(String unitPath) {
        Matcher m = CACHE.matcher(unitPath.replace('\\', '/'));
        return m.find() ? Optional.of(m.group(3)) : Optional.empty();
    }
}
