package io.modelgate.verification.signing;

import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;

/** Runs after the signature checks: a scanned folder without any signature gets {@code signature: absent}. */
public final class UnsignedFolderAnalyzer implements FolderAnalyzer {

    @Override
    public void analyze(FolderView folder, FolderContext context) {
        if (context.isScanRoot()) {
            SignatureFacts.absentUnlessRecorded(context);
        }
    }
}
