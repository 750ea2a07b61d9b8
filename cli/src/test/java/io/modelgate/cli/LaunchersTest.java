package io.modelgate.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launchers as a user runs them: the release layout reached through a symlink on PATH, under LANG=C with a
 * non-ASCII file name; the checkout launcher copied away from its checkout.
 */
class LaunchersTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    @Test
    void theReleaseLauncherWorksThroughASymlinkUnderLangC() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path home = Files.createDirectories(dir.resolve("modelgate-dist"));
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.copy(Path.of("src/dist/bin/modelgate"), bin.resolve("modelgate"));
        Files.copy(Path.of("src/dist/bin/modelgate-jvm.sh"), bin.resolve("modelgate-jvm.sh"));
        bin.resolve("modelgate").toFile().setExecutable(true);
        Path lib = Files.createDirectories(home.resolve("lib"));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (Files.isDirectory(source) && !source.endsWith("test-classes")) {
                jar(source, lib.resolve("dir" + n++ + ".jar"));
            } else if (entry.endsWith(".jar")) {
                Files.copy(source, lib.resolve(n++ + "-" + source.getFileName()));
            }
        }
        Path onPath = Files.createDirectories(dir.resolve("usr-bin"));
        Files.createSymbolicLink(onPath.resolve("modelgate"), bin.resolve("modelgate"));
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.writeString(models.resolve("gr\u00fc\u00dfe-\u00fc.txt"), "plain text, no model");
        Files.writeString(models.resolve("plain.txt"), "plain");
        // a model to assess, so the scan can approve (a folder with no model is "nothing to assess")
        Files.copy(Path.of("..", "fixtures", "numpy", "float32.npy"), models.resolve("w\u00e4gungen.npy"));
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("LANG", "C", "LC_ALL", "C",
                "PATH", onPath + File.pathSeparator + System.getenv("PATH"), "MODELGATE_CACHE_DIR", cache.toString());
        // A scan that stops at a usage error is no model for the archive: nothing is recorded or made.
        Run usage = run(env, "/bin/bash", "-c", "modelgate \"$@\"", "bash", "scan", dir.resolve("absent").toString());
        assertThat(usage.code()).as(usage.err()).isEqualTo(64);
        try (Stream<Path> left = Files.list(cache.resolve("cds"))) {
            assertThat(left).isEmpty();
        }
        // The shell finds modelgate on the PATH given, as a user's shell would. The first scan records the classes
        // it loads and the class-data sharing archive is made from them in the background; the second scan uses
        // it (-Xshare:on: a JVM that cannot map it, e.g. on a class path mismatch, stops): both say the same and
        // nothing else.
        for (int round = 0; round < 2; round++) {
            Map<String, String> roundEnv = new java.util.HashMap<>(env);
            if (round == 1) {
                roundEnv.put("MODELGATE_JAVA_OPTS", "-Xshare:on");
            }
            Run run = run(roundEnv, "/bin/bash", "-c", "modelgate \"$@\"", "bash", "scan", "--format", "json",
                    models.toString());
            assertThat(run.err()).doesNotContain("Malformed").doesNotContain("Exception")
                    .doesNotContain("warning").doesNotContain("cds");
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("gr\u00fc\u00dfe-\u00fc.txt").contains("plain.txt")
                    .contains("w\u00e4gungen.npy");
            assertThat(archivesOnceMade(cache.resolve("cds")))
                    .singleElement().satisfies(name -> assertThat(name).matches("modelgate-\\d+-\\d+\\.jsa"));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("hs_err"));
        }
    }

    /** The files of the archive folder once no maker holds its lock (two minutes at the most). */
    private static List<String> archivesOnceMade(Path cds) throws IOException, InterruptedException {
        for (int wait = 0; wait < 1200; wait++) {
            try (Stream<Path> files = Files.list(cds)) {
                List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
                if (names.stream().noneMatch(name -> name.startsWith("."))) {
                    return names;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the class-data sharing archive was not made within two minutes");
    }

    @Test
    void aTruncatedArchiveIsNeverUsed() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        // The launcher's own check of a new archive: a start with a damaged one crashes the JVM, so it is removed.
        Path cds = Files.createDirectories(dir.resolve("cds"));
        Path damaged = cds.resolve(".modelgate-1.1.jsa");
        Files.write(damaged, new byte[4096]);
        String script = "resolve() { printf '%s\\n' \"$1\"; }; source src/dist/bin/modelgate-jvm.sh; cds_new=\"$1\"; "
                + "modelgate_keep_archive java target/classes; ls \"$(dirname \"$1\")\"";
        Run run = run(Map.of(), "/bin/bash", "-c", script, "bash", damaged.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    /**
     * The output lines of {@code steps} run after sourcing the launchers' JVM options, with one installation key
     * whatever the files (stat answers alike for all) and the archive folder in this test's cache.
     */
    private List<String> archiveSteps(String steps) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        String script = "resolve() { printf '%s\\n' \"$1\"; }; source src/dist/bin/modelgate-jvm.sh; "
                + "modelgate_stat_lines() { echo same; }; " + steps;
        Run run = run(Map.of("MODELGATE_CACHE_DIR", dir.resolve("cache").toString()), "/bin/bash", "-c", script,
                "bash");
        assertThat(run.code()).as(run.err()).isZero();
        return run.out().lines().toList();
    }

    @Test
    void aJavaThatCannotMakeAnArchiveIsNotAskedAgainForADay() throws Exception {
        // A first scan records its class list; "false" then stands for a Java whose dump fails; the next scan of
        // the same installation records nothing.
        assertThat(archiveSteps("modelgate_jvm_options java scan x.jar; [[ -n \"$cds_list\" ]] && echo recorded; "
                + "echo java/lang/Object >\"$cds_list\"; lock=\"${cds_list%.*.classlist}\"; "
                + "lock=\"$(dirname \"$lock\")/.making-${lock##*/.modelgate-}\"; mkdir \"$lock\"; "
                + "modelgate_dump_archive false target/classes \"$lock\"; "
                + "ls -A \"$(dirname \"$cds_list\")\" | sed 's/[0-9]*$//'; "
                + "modelgate_jvm_options java scan x.jar; echo \"list=[$cds_list]\""))
                .containsExactly("recorded", ".failed-", "list=[]");
    }

    @Test
    void onlyAnArchiveOfThisInstallationWhoseSizeIsTheOneInItsNameIsUsed() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        // Real stat this time: the key comes from the jar's path, size and time. Of three archives, one is of
        // another installation, one is shorter than its name says (a truncated copy, listed first) and one is whole.
        Path jar = Files.writeString(dir.resolve("x.jar"), "not really a jar");
        String script = "resolve() { printf '%s\\n' \"$1\"; }; source src/dist/bin/modelgate-jvm.sh; "
                + "modelgate_jvm_options java scan \"$1\"; key=\"${cds_list##*/.modelgate-}\"; key=\"${key%%.*}\"; "
                + "cds=\"$MODELGATE_CACHE_DIR/cds\"; printf 1234 >\"$cds/modelgate-1$key-4.jsa\"; "
                + "printf 123 >\"$cds/modelgate-$key-12.jsa\"; printf 12345 >\"$cds/modelgate-$key-5.jsa\"; "
                + "modelgate_jvm_options java scan \"$1\"; echo \"list=[$cds_list]\"; "
                + "for o in \"${jvm_opts[@]}\"; do [[ \"$o\" == *SharedArchiveFile* ]] && echo \"${o##*/}\" "
                + "| sed \"s/$key/KEY/\"; done; true";
        Run run = run(Map.of("MODELGATE_CACHE_DIR", dir.resolve("cache").toString()), "/bin/bash", "-c", script,
                "bash", jar.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly("list=[]", "modelgate-KEY-5.jsa");
    }

    @Test
    void onlyTheFourNewestArchivesAreKept() throws Exception {
        // Six installations' archives, the oldest made six days ago; the pruning after a new archive keeps four.
        assertThat(archiveSteps("dir=\"$MODELGATE_CACHE_DIR/cds\"; mkdir -p \"$dir\"; for n in 1 2 3 4 5 6; do "
                + "touch -d \"$n days ago\" \"$dir/modelgate-$n-100.jsa\"; done; modelgate_prune_archives \"$dir\"; "
                + "ls \"$dir\""))
                .containsExactly("modelgate-1-100.jsa", "modelgate-2-100.jsa", "modelgate-3-100.jsa",
                        "modelgate-4-100.jsa");
    }

    @Test
    void aMakersLockHoldsOffOtherRecordingsForTenMinutesOnly() throws Exception {
        // The key from a first recording; then a lock as a running maker holds it, then the same lock as a maker
        // killed twenty minutes ago left it.
        assertThat(archiveSteps("modelgate_jvm_options java scan x.jar; rm -f \"$cds_list\"; "
                + "key=\"${cds_list##*/.modelgate-}\"; lock=\"$(dirname \"$cds_list\")/.making-${key%%.*}\"; "
                + "mkdir \"$lock\"; modelgate_jvm_options java scan x.jar; echo \"held=[$cds_list]\"; "
                + "touch -d '20 minutes ago' \"$lock\"; modelgate_jvm_options java scan x.jar; "
                + "[[ -n \"$cds_list\" && ! -d \"$lock\" ]] && echo stale"))
                .containsExactly("held=[]", "stale");
    }

    @Test
    void aScanOfLittleDataRunsOnTheFastCompilerAlone() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path small = Files.write(dir.resolve("small.pkl"), new byte[100]);
        Path big = dir.resolve("big.bin");
        try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(3L << 20); // more than 2 MiB and 4 KiB for the one file
        }
        Path few = Files.createDirectories(dir.resolve("few"));
        for (int i = 0; i < 3; i++) {
            Files.write(few.resolve("f" + i + ".pkl"), new byte[1024]);
        }
        Path linked = Files.createDirectories(dir.resolve("linked"));
        Files.write(linked.resolve("config.json"), new byte[10]);
        Files.createSymbolicLink(linked.resolve("weights.bin"), big);
        // each case: the command line, then which compilers the JVM gets; with and without the archive's stat
        String script = "source src/dist/bin/modelgate-jvm.sh; for cds in on off; do export MODELGATE_CDS=$cds; "
                + "while IFS= read -r line; do read -ra args <<<\"$line\"; modelgate_scan_inputs \"${args[@]}\"; "
                + "modelgate_jvm_options java \"${args[0]}\" src/dist/bin/modelgate; modelgate_lean_compiler; "
                + "[[ \" ${jvm_opts[*]} \" == *' -XX:TieredStopAtLevel=1 '* ]] && echo \"$cds quick\" "
                + "|| echo \"$cds full\"; done <<<\"$1\"; done";
        String cases = String.join("\n", "scan " + small, "scan " + big, "scan --format json " + few,
                "scan " + linked, "scan " + few + " " + big, "lock " + small, "sbom " + small);
        Run run = run(Map.of("MODELGATE_CACHE_DIR", dir.resolve("cache").toString()), "/bin/bash", "-c", script,
                "bash", cases);
        assertThat(run.code()).as(run.err()).isZero();
        List<String> expected = List.of("quick", "full", "quick", "full", "full", "full", "quick");
        assertThat(run.out().lines()).containsExactlyElementsOf(Stream.of("on", "off")
                .flatMap(cds -> expected.stream().map(e -> cds + " " + e)).toList());
        Run forced = run(Map.of("MODELGATE_CDS", "off", "MODELGATE_JIT", "full"), "/bin/bash", "-c",
                "source src/dist/bin/modelgate-jvm.sh; modelgate_scan_inputs scan \"$1\"; "
                        + "modelgate_jvm_options java scan x.jar; modelgate_lean_compiler; echo \"${jvm_opts[*]}\"",
                "bash", small.toString());
        assertThat(forced.out()).doesNotContain("TieredStopAtLevel");
    }

    @Test
    void theCheckoutLauncherAwayFromItsCheckoutExits64WithOneLine() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path copy = dir.resolve("modelgate");
        Files.copy(Path.of("..", "modelgate"), copy);
        copy.toFile().setExecutable(true);
        Path link = Files.createSymbolicLink(dir.resolve("linked-modelgate"), copy);
        Run run = run(Map.of(), link.toString(), "scan", ".");
        assertThat(run.code()).isEqualTo(64);
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("modelgate: no pom.xml next to the launcher in "
                + dir.toRealPath());
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
    }

}
