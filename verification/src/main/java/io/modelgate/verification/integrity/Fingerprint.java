package io.modelgate.verification.integrity;

/**
 * What a manifest says about one path: a regular file's SHA-256 and size, or a link's target.
 *
 * @param sha256     lowercase hex digest, null for a link
 * @param size       size in bytes, -1 when the manifest does not record it
 * @param linkTarget the link target, null for a regular file
 */
public record Fingerprint(String sha256, long size, String linkTarget) {

    public static Fingerprint file(String sha256, long size) {
        return new Fingerprint(sha256, size, null);
    }

    public static Fingerprint link(String target) {
        return new Fingerprint(null, -1, target);
    }

    public boolean isLink() {
        return linkTarget != null;
    }

    /** Same content: both links to the same target, or both files with equal digest (and size when both known). */
    public boolean matches(Fingerprint other) {
        if (isLink() || other.isLink()) {
            return isLink() && other.isLink() && linkTarget.equals(other.linkTarget);
        }
        boolean sizesAgree = size < 0 || other.size < 0 || size == other.size;
        return sizesAgree && sha256.equalsIgnoreCase(other.sha256);
    }

    @Override
    public String toString() {
        if (isLink()) {
            return "link to " + linkTarget;
        }
        return "sha256:" + sha256 + (size >= 0 ? " (" + size + " bytes)" : "");
    }
}
