package io.modelgate.verification;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.model.Rule;
import io.modelgate.verification.integrity.DownloadMetadataAnalyzer;
import io.modelgate.verification.integrity.HuggingFaceCacheAnalyzer;
import io.modelgate.verification.integrity.IntegrityRules;
import io.modelgate.verification.integrity.LfsPointerPairAnalyzer;
import io.modelgate.verification.integrity.LockAnalyzer;
import io.modelgate.verification.signing.ModelSignatureAnalyzer;
import io.modelgate.verification.signing.PgpSignatureAnalyzer;
import io.modelgate.verification.signing.SignatureRules;
import io.modelgate.verification.signing.UnsignedFolderAnalyzer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The integrity and signature checks this module adds to a scan, and the rules they report under. */
public final class VerificationChecks {

    private VerificationChecks() {
    }

    /** Folder checks in the order they run: expected digests first, signatures last. */
    public static List<FolderAnalyzer> folderAnalyzers() {
        return List.of(
                new LockAnalyzer(),
                new HuggingFaceCacheAnalyzer(),
                new DownloadMetadataAnalyzer(),
                new LfsPointerPairAnalyzer(),
                new ModelSignatureAnalyzer(),
                new PgpSignatureAnalyzer(),
                new UnsignedFolderAnalyzer());
    }

    public static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>(IntegrityRules.ALL);
        rules.addAll(SignatureRules.ALL);
        return List.copyOf(rules);
    }

    /** A scanner that also checks integrity and signatures against {@code options}. */
    public static Scanner scanner(Limits limits, int threads, Clock clock, VerificationOptions options) {
        return new Scanner(limits, threads, clock, options, folderAnalyzers());
    }

    /**
     * A scanner that also checks integrity and signatures against the options {@code later} gives, asked for only
     * once every file is scanned (the folder checks run last).
     */
    public static Scanner scanner(Limits limits, int threads, Clock clock, Supplier<VerificationOptions> later) {
        return new Scanner(limits, threads, clock, later, folderAnalyzers());
    }

    /** A scanner with default limits and nothing supplied to verify against. */
    public static Scanner defaultScanner() {
        return scanner(Limits.defaults(), Runtime.getRuntime().availableProcessors(), Clock.systemUTC(),
                VerificationOptions.none());
    }
}
