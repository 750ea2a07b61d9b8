package io.modelgate.scanner.archive.zip;

import java.util.List;

/**
 * The records of a zip's central directory.
 *
 * @param start    offset of the first record
 * @param end      offset just past the end-of-central-directory record (and its comment)
 * @param shift    bytes of data prepended to the zip (offsets in the records are relative to the zip start)
 * @param truncated true when more records existed than were read (the entry limit stopped the read)
 */
record CentralDirectory(List<CentralRecord> records, long start, long end, long shift, boolean truncated) {
}
