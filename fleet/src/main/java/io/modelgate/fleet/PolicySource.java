package io.modelgate.fleet;

import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.rules.policy.Policy;
import io.modelgate.rules.policy.load.PolicyException;
import io.modelgate.rules.policy.load.PolicyLoader;
import io.modelgate.rules.policy.load.PolicySelection;
import io.modelgate.rules.policy.load.Profiles;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * The policy as text, shipped to the executors, which parse it themselves. Its version is the digest of the
 * text: any edit of the policy changes the cache key, so results decided under another policy are not reused.
 *
 * @param name    the file name or profile name
 * @param text    the policy's YAML
 * @param baseDir the folder that paths inside the policy are relative to; null for a built-in profile
 */
public record PolicySource(String name, String text, String baseDir) implements Serializable {

    public static PolicySource profile(String name) {
        return new PolicySource(name, Profiles.text(name), null);
    }

    /** The selected policy as text; it was read and checked on the driver, so a bad file stops the job early. */
    public static PolicySource of(PolicySelection selected) {
        return new PolicySource(selected.name(), selected.text(),
                selected.baseDir() == null ? null : selected.baseDir().toString());
    }

    public String version() {
        return "sha256:" + ContentDigest.hex(text);
    }

    Policy parse(KnowledgeBase kb) throws PolicyException {
        return new PolicyLoader(kb).parse(text, name, baseDir == null ? null : Path.of(baseDir));
    }
}
