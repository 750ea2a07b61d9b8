package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.detect.ModelFormat;

import java.util.Optional;

/** What to do with a member: skip it, detect its format, or analyse it as a given format. */
record MemberRoute(boolean skip, Optional<ModelFormat> format) {

    static final MemberRoute SKIP = new MemberRoute(true, Optional.empty());
    static final MemberRoute DETECT = new MemberRoute(false, Optional.empty());

    static MemberRoute as(ModelFormat format) {
        return new MemberRoute(false, Optional.of(format));
    }
}
