package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;

/** The flavour-specific part of a zip walk: how each member is analysed. */
interface MemberRouter {

    MemberRoute route(ZipMember member);

    /** Sees a member's bytes before they are analysed (to record facts); default: nothing. */
    default void opened(ZipMember member, ByteSource data) throws IOException {
    }
}
