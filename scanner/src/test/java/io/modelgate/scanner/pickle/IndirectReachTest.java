package io.modelgate.scanner.pickle;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static io.modelgate.scanner.pickle.PickleTesting.analyse;
import static io.modelgate.scanner.pickle.PickleTesting.describe;
import static io.modelgate.scanner.pickle.PickleTesting.withRule;
import static org.assertj.core.api.Assertions.assertThat;

/** functools.partial and getattr are judged by what they reach, as real checkpoints use them. */
class IndirectReachTest {

    /** {@code partial(func)} as Python pickles it: REDUCE on (func,), then BUILD with (func, args, kwargs, dict). */
    private static PickleBuilder partialOf(PickleBuilder b, String module, String name, String stateModule,
                                           String stateName) {
        b.global("functools", "partial").global(module, name).op(Opcode.TUPLE1).op(Opcode.REDUCE);
        return b.op(Opcode.MARK).global(stateModule, stateName).op(Opcode.EMPTY_TUPLE).op(Opcode.EMPTY_DICT).str("eps")
                .op(Opcode.BINFLOAT).le(Double.doubleToLongBits(1e-6), 8).op(Opcode.SETITEM).op(Opcode.NONE)
                .op(Opcode.TUPLE).op(Opcode.BUILD);
    }

    private static FileCollector partial(String module, String name, String stateModule, String stateName)
            throws IOException {
        PickleBuilder b = PickleBuilder.proto(2);
        b.op(Opcode.MARK);
        return analyse(partialOf(b, module, name, stateModule, stateName).op(Opcode.TUPLE).stop().build());
    }

    private static FileCollector getattr(PickleBuilder target, String attribute) throws IOException {
        PickleBuilder b = PickleBuilder.proto(2).global("builtins", "getattr");
        b.raw(target.build()).str(attribute).op(Opcode.TUPLE2).op(Opcode.REDUCE).stop();
        return analyse(b.build());
    }

    /** An instance built the way Python pickles objects: copyreg._reconstructor(cls, object, None). */
    private static PickleBuilder instance(String module, String name) {
        return PickleBuilder.text().global("copyreg", "_reconstructor").global(module, name)
                .global("builtins", "object").op(Opcode.NONE).op(Opcode.TUPLE3).op(Opcode.REDUCE);
    }

    private static void assertClean(FileCollector c) {
        assertThat(c.findings()).as(describe(c)).noneMatch(f -> f.severity().atLeast(Severity.LOW));
        assertThat(c.incompleteReasons()).as(describe(c)).isEmpty();
    }

    private static void assertCritical(FileCollector c, String subject) {
        assertThat(withRule(c, "MG-PKL-009")).as(describe(c)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL))
                .extracting(Finding::subject).contains(subject);
    }

    @Test
    void partialOfAnAllowlistedLayerIsClean() throws IOException {
        assertClean(partial("torch.nn.modules.normalization", "LayerNorm", "torch.nn.modules.normalization",
                "LayerNorm"));
        assertClean(partial("timm.layers.norm", "LayerNorm2d", "timm.layers.norm", "LayerNorm2d"));
    }

    @Test
    void partialOfAnythingElseIsCritical() throws IOException {
        // a team's own class: critical until the policy allows it (the subject is what a pattern matches)
        FileCollector own = partial("mycompany.layers", "Block", "mycompany.layers", "Block");
        assertCritical(own, "mycompany.layers.Block");
        assertThat(withRule(own, "MG-PKL-002")).extracting(Finding::subject).containsExactly("mycompany.layers.Block");
        assertCritical(partial("posix", "system", "posix", "system"), "posix.system");
        // an innocent callable at REDUCE, replaced by a dangerous one in the BUILD state
        FileCollector swapped = partial("torch.nn.modules.normalization", "LayerNorm", "builtins", "exec");
        assertCritical(swapped, "builtins.exec");
        assertThat(withRule(swapped, "MG-PKL-009")).hasSize(1);
    }

    @Test
    void boundMethodsAndAttributesOfAllowlistedObjectsAreClean() throws IOException {
        assertClean(getattr(instance("sklearn.preprocessing._data", "StandardScaler"), "transform"));
        assertClean(getattr(PickleBuilder.text().global("collections", "OrderedDict"), "fromkeys"));
        // partial over a bound method of an allowlisted object
        PickleBuilder b = PickleBuilder.proto(2).global("functools", "partial").global("builtins", "getattr")
                .raw(instance("sklearn.linear_model._logistic", "LogisticRegression").build()).str("predict")
                .op(Opcode.TUPLE2).op(Opcode.REDUCE).op(Opcode.TUPLE1).op(Opcode.REDUCE).stop();
        assertClean(analyse(b.build()));
    }

    @Test
    void getattrOverAnythingElseIsCritical() throws IOException {
        assertCritical(getattr(PickleBuilder.text().global("builtins", "object"), "__subclasses__"),
                "builtins.getattr(builtins.object, '__subclasses__')");
        assertCritical(getattr(PickleBuilder.text().global("mycompany.tools", "Runner"), "run"),
                "mycompany.tools.Runner.run");
        assertCritical(getattr(PickleBuilder.text().global("posixpath", "os"), "system"), "posixpath.os.system");
        assertCritical(getattr(instance("mycompany.tools", "Runner"), "run"),
                "builtins.getattr(copyreg._reconstructor(mycompany.tools.Runner, builtins.object, None), 'run')");
    }

    @Test
    void aGadgetImportedButNeverCalledIsCritical() throws IOException {
        byte[] data = PickleBuilder.proto(2).op(Opcode.EMPTY_DICT).str("f").global("functools", "partial")
                .op(Opcode.SETITEM).stop().build();
        FileCollector c = analyse(data);
        assertThat(withRule(c, "MG-PKL-006")).extracting(Finding::subject).containsExactly("functools.partial");
    }
}
