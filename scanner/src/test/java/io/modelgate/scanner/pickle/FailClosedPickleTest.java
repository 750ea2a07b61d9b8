package io.modelgate.scanner.pickle;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static io.modelgate.scanner.pickle.PickleTesting.describe;
import static io.modelgate.scanner.pickle.PickleTesting.scan;
import static io.modelgate.scanner.pickle.PickleTesting.withRule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detection is permissive: whatever Python's unpickler would start acting on is analysed (to where it
 * breaks, and then incomplete), under a name that says nothing about pickles.
 */
class FailClosedPickleTest {

    /** Scanned as a file with a neutral name, so only the content decides. */
    private static FileCollector scanned(byte[] data) throws IOException {
        return scan(data, "payload");
    }

    private static FileCollector scanned(String latin1) throws IOException {
        return scanned(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void assertFailsWithIncomplete(FileCollector c, String rule, String subject) {
        assertThat(c.format()).as(describe(c)).isEqualTo(ModelFormat.PICKLE);
        assertThat(withRule(c, rule)).as(describe(c)).extracting(Finding::subject).contains(subject);
        assertThat(c.incompleteReasons()).as(describe(c)).isNotEmpty();
    }

    @Test
    void importFollowedByATruncatedLengthFieldIsAnalysed() throws IOException {
        // the loader imports posix.system, then fails on a BINUNICODE longer than the file
        byte[] data = PickleBuilder.proto(4).str("posix").str("system").op(Opcode.STACK_GLOBAL)
                .op(Opcode.BINUNICODE).le(0xffff_fff0L, 4).ascii("id").build();
        assertFailsWithIncomplete(scanned(data), "MG-PKL-006", "posix.system");
        byte[] huge8 = PickleBuilder.proto(4).global("os", "system").op(Opcode.BINBYTES8).le(-1L, 8).build();
        assertFailsWithIncomplete(scanned(huge8), "MG-PKL-006", "os.system");
    }

    @Test
    void payloadFollowedByGarbageIsReportedWithItsCall() throws IOException {
        assertFailsWithIncomplete(scanned("\u0080\u0002cos\nsystem\nX\u0002\u0000\u0000\u0000id\u0085R\u00ff\u0000junk"),
                "MG-PKL-001", "os.system");
        // protocol 0 text, with garbage where STOP should be
        assertFailsWithIncomplete(scanned("cos\nsystem\n(S'id'\ntR\u0000\u0001binary tail"), "MG-PKL-001", "os.system");
    }

    @Test
    void textOpcodesMixedIntoABinaryProtocolAreFollowed() throws IOException {
        // PROTO 4 and FRAME, then protocol 0 GLOBAL / MARK / STRING / TUPLE / REDUCE, then a broken frame
        byte[] data = PickleBuilder.proto(4).op(Opcode.FRAME).le(1 << 20, 8).global("subprocess", "getoutput")
                .op(Opcode.MARK).op(Opcode.STRING).line("'id'").op(Opcode.TUPLE).op(Opcode.REDUCE).raw(0xff).build();
        assertFailsWithIncomplete(scanned(data), "MG-PKL-001", "subprocess.getoutput");
    }

    @Test
    void buildOrSetitemOnAnImportedObjectIsAnalysedEvenWhenTheStreamBreaks() throws IOException {
        byte[] build = PickleBuilder.text().global("mymodule.config", "Settings").op(Opcode.EMPTY_DICT)
                .op(Opcode.BUILD).raw(0xfe).build();
        FileCollector c = scanned(build);
        assertFailsWithIncomplete(c, "MG-PKL-007", "mymodule.config.Settings");
        assertThat(withRule(c, "MG-PKL-002")).extracting(Finding::severity).containsOnly(Severity.HIGH);
        byte[] setitem = PickleBuilder.text().global("os", "environ").op(Opcode.STRING).line("'LD_PRELOAD'")
                .op(Opcode.STRING).line("'/tmp/x.so'").op(Opcode.SETITEM).ascii("garbage").build();
        assertFailsWithIncomplete(scanned(setitem), "MG-PKL-007", "os.environ");
    }

    @Test
    void textImportOfARealModuleIsAPickleButMadeUpNamesAreNot() throws IOException {
        // Python imports os before failing on the rest: analysed, and the import alone fails the gate
        assertFailsWithIncomplete(scanned("cos\nsystem\n\u00ff"), "MG-PKL-006", "os.system");
        // an unknown first line only raises ModuleNotFoundError: ordinary text, not a pickle
        for (String text : new String[] {"cat\ndog\nquail\n", "copyright\nMIT\n", "cmymodel\nBlock\nfoo\n",
            "(idea\n", "cd /tmp && make\n"}) {
            assertThat(scanned(text).format()).as(text).isNotEqualTo(ModelFormat.PICKLE);
        }
    }

    @Test
    void aDamagedPickleWithoutImportsIsAnalysedToWhereItBreaks() throws IOException {
        PickleBuilder b = PickleBuilder.proto(2).op(Opcode.EMPTY_DICT).op(Opcode.MARK);
        for (int i = 0; i < 6; i++) {
            b.str("k" + i).int1(i);
        }
        byte[] data = b.raw(0x00, 0x00).build();
        FileCollector c = scanned(data);
        assertThat(c.format()).as(describe(c)).isEqualTo(ModelFormat.PICKLE);
        assertThat(c.incompleteReasons()).as(describe(c)).singleElement().asString().contains("invalid opcode 0x00 at offset");
    }

    @Test
    void pickleNamedFilesNoReaderRecognisesAreIncompleteNotSkipped() throws IOException {
        for (String name : new String[] {"model.pkl", "weights.PICKLE", "est.joblib", "fn.dill", "clf.sav"}) {
            FileCollector c = scan("just some text\n".getBytes(StandardCharsets.UTF_8), name);
            assertThat(c.incompleteReasons()).as(name).singleElement().asString()
                    .contains("not recognised as any format ModelGate reads");
        }
        // the same text under a name no pickle loader claims is ordinary text
        assertThat(scan("just some text\n".getBytes(StandardCharsets.UTF_8), "notes.txt").format())
                .isNotEqualTo(ModelFormat.PICKLE);
    }

    @Test
    void minifiedJavaScriptStartingWithConstIsNoPickle() throws IOException {
        // a real npm package (wink-eng-lite-web-model) ships such files: one line of about 100 KB
        byte[] script = ("const model=" + "x".repeat(100_000) + ";\n").getBytes(StandardCharsets.UTF_8);
        assertThat(scan(script, "model.js").format()).isNotEqualTo(ModelFormat.PICKLE);
    }
}
