package io.modelgate.scanner.archive;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Hygiene rules for containers (zip, tar, 7z) and compressed streams. */
public final class ArchiveRules {

    private static final String CATEGORY = "archive";

    public static final Rule PATH_TRAVERSAL = new Rule("MG-ARC-001", Severity.HIGH, CATEGORY,
            "Archive entry path escapes the extraction directory",
            "An entry name contains '..' segments (with '/' or '\\' separators) that climb above the archive root "
                    + "(zip slip). Extracting the archive would write outside the target directory, for example over "
                    + "code or configuration that runs later.");
    public static final Rule ABSOLUTE_PATH = new Rule("MG-ARC-002", Severity.HIGH, CATEGORY,
            "Archive entry has an absolute path",
            "An entry name starts with '/', '\\', a drive letter or a UNC prefix, or contains a NUL byte. Naive "
                    + "extraction writes it anywhere on the file system; a NUL byte makes tools disagree on the name.");
    public static final Rule LINK_ESCAPE = new Rule("MG-ARC-003", Severity.HIGH, CATEGORY,
            "Archive link points outside the archive",
            "A symbolic or hard link entry targets an absolute path or climbs above the archive root. Extraction "
                    + "creates a link through which later entries or the loader read or overwrite files elsewhere.");
    public static final Rule COMPRESSION_RATIO = new Rule("MG-ARC-004", Severity.HIGH, CATEGORY,
            "Compression ratio above the limit (decompression bomb)",
            "An entry or compressed stream expands more than the configured ratio of its compressed size. "
                    + "Decompression bombs exhaust disk and memory of whoever opens them; expansion was stopped.");
    public static final Rule EXPANDED_SIZE = new Rule("MG-ARC-005", Severity.HIGH, CATEGORY,
            "Total expanded size above the limit",
            "The compressed data of one file, all nested archives and streams together, expands to more than the "
                    + "configured total. Expansion was stopped and the rest is not analysed.");
    public static final Rule TOO_MANY_ENTRIES = new Rule("MG-ARC-006", Severity.HIGH, CATEGORY,
            "Archive has more entries than the limit",
            "The archive lists more entries than the configured maximum; entries past the limit are not analysed.");
    public static final Rule ENCRYPTED_ENTRY = new Rule("MG-ARC-007", Severity.MEDIUM, CATEGORY,
            "Encrypted archive entry",
            "An entry is encrypted and cannot be inspected. Model files have no reason to be encrypted inside an "
                    + "archive; the content is unknown and the archive is not proven clean.");
    public static final Rule DUPLICATE_ENTRY = new Rule("MG-ARC-008", Severity.MEDIUM, CATEGORY,
            "Duplicate entry name in archive",
            "Two entries share a name. Tools pick different ones (first or last), so what a reviewer or scanner "
                    + "sees may differ from what the loader reads. Every copy was analysed.");
    public static final Rule CORRUPT_DATA = new Rule("MG-ARC-009", Severity.MEDIUM, CATEGORY,
            "Corrupt or truncated compressed data",
            "Decompression failed part way (truncated or malformed data). What could be read was analysed; the "
                    + "rest is unknown.");
    public static final Rule HEADER_MISMATCH = new Rule("MG-ARC-010", Severity.HIGH, CATEGORY,
            "Zip central directory and local headers disagree",
            "The central directory (read by torch.load and Python's zipfile) and the local file header of the same "
                    + "entry give different names, sizes or compression methods. Readers that trust one or the other "
                    + "see different content, a known way to hide a payload from scanners. Both views were analysed.");
    public static final Rule HIDDEN_ENTRY = new Rule("MG-ARC-011", Severity.HIGH, CATEGORY,
            "Zip entry missing from the central directory",
            "A local file header holds an entry the central directory does not list (hidden or prepended data). "
                    + "Streaming readers extract it while directory-based readers do not. It was analysed.");
    public static final Rule NO_CENTRAL_DIRECTORY = new Rule("MG-ARC-012", Severity.MEDIUM, CATEGORY,
            "Zip central directory missing or unreadable",
            "The zip has no readable end-of-central-directory record or central directory; entries were recovered "
                    + "from local file headers. Loaders may refuse the file or read something else.");
    public static final Rule UNSUPPORTED_METHOD = new Rule("MG-ARC-013", Severity.MEDIUM, CATEGORY,
            "Archive entry uses an unsupported compression method",
            "An entry's compression method cannot be decoded, so its content is not analysed.");
    public static final Rule CRC_MISMATCH = new Rule("MG-ARC-014", Severity.LOW, CATEGORY,
            "Zip entry CRC does not match its content",
            "The stored CRC-32 differs from the data. Some readers reject the entry, others (torch.load) load it "
                    + "anyway; the mismatch shows the archive was edited after it was written.");
    public static final Rule OVERLAPPING_ENTRIES = new Rule("MG-ARC-015", Severity.HIGH, CATEGORY,
            "Zip entries overlap",
            "Two entries of the central directory share bytes. Overlapping entries are the building block of "
                    + "non-recursive zip bombs and of archives that show different content to different readers.");
    public static final Rule PREPENDED_DATA = new Rule("MG-ARC-016", Severity.MEDIUM, CATEGORY,
            "Data precedes the zip archive",
            "The zip's first entry does not start at the beginning of the file: something else (a self-extracting "
                    + "stub, another format) comes first. Loaders that check the start of the file and loaders that "
                    + "read the zip's end see different content. The prefix is analysed as well when recognised.");

    public static final List<Rule> ALL = List.of(PATH_TRAVERSAL, ABSOLUTE_PATH, LINK_ESCAPE, COMPRESSION_RATIO,
            EXPANDED_SIZE, TOO_MANY_ENTRIES, ENCRYPTED_ENTRY, DUPLICATE_ENTRY, CORRUPT_DATA, HEADER_MISMATCH,
            HIDDEN_ENTRY, NO_CENTRAL_DIRECTORY, UNSUPPORTED_METHOD, CRC_MISMATCH, OVERLAPPING_ENTRIES,
            PREPENDED_DATA);

    private ArchiveRules() {
    }
}
