package io.modelgate.scanner.config;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import io.modelgate.scanner.testing.ScanReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigFolderTest {

    @TempDir
    Path dir;

    private ScanReport scan(Path root) throws IOException {
        return Scanner.withDefaults().scan(List.of(root));
    }

    @Test
    void unreadableConfigYamlIsIncompleteOnlyBesideWeights() throws IOException {
        Path model = Files.createDirectories(dir.resolve("model"));
        Path project = Files.createDirectories(dir.resolve("project"));
        String broken = "model: {class_path: torch.nn.Linear\n  init_args: [\n";
        Files.writeString(model.resolve("config.yaml"), broken);
        Files.write(model.resolve("model.safetensors"), ConfigFixtures.safetensors("{\"format\":\"pt\"}"));
        Files.writeString(project.resolve("config.yaml"), broken);

        ScanReport report = scan(dir);

        assertThat(ScanReports.incompleteAt(report, "model/config.yaml")).singleElement().asString()
                .contains("not valid YAML");
        assertThat(ScanReports.incompleteAt(report, "project/config.yaml")).isEmpty();
    }

    @Test
    void localModuleOfAPreprocessorAutoMapMustBeShipped() throws IOException {
        Files.writeString(dir.resolve("preprocessor_config.json"), """
                {"auto_map": {"AutoImageProcessor": "image_processing_x.XProcessor"}, "do_resize": true}""");

        ScanReport report = scan(dir);

        assertThat(ScanReports.findingsAt(report, "preprocessor_config.json")).extracting(Finding::ruleId)
                .contains("MG-HF-001", "MG-HF-003");
    }

    @Test
    void benignSentenceTransformersAndDiffusersFoldersHaveNothingAboveInfo() throws IOException {
        Path st = Files.createDirectories(dir.resolve("all-MiniLM-L6-v2"));
        Files.writeString(st.resolve("modules.json"), ConfigFixtures.ST_MODULES);
        Files.writeString(st.resolve("config_sentence_transformers.json"), """
                {"__version__": {"sentence_transformers": "2.0.0", "transformers": "4.6.1", "pytorch": "1.8.1"}}""");
        Files.createDirectories(st.resolve("1_Pooling"));
        Files.writeString(st.resolve("1_Pooling/config.json"), """
                {"word_embedding_dimension": 384, "pooling_mode_cls_token": false, "pooling_mode_mean_tokens": true,
                 "pooling_mode_max_tokens": false, "pooling_mode_mean_sqrt_len_tokens": false}""");
        Path sd = Files.createDirectories(dir.resolve("stable-diffusion-v1-5"));
        Files.writeString(sd.resolve("model_index.json"), ConfigFixtures.SD_MODEL_INDEX);
        Files.createDirectories(sd.resolve("scheduler"));
        Files.writeString(sd.resolve("scheduler/scheduler_config.json"), """
                {"_class_name": "PNDMScheduler", "_diffusers_version": "0.6.0", "beta_end": 0.012,
                 "beta_schedule": "scaled_linear", "beta_start": 0.00085, "num_train_timesteps": 1000,
                 "set_alpha_to_one": false, "skip_prk_steps": true, "steps_offset": 1, "trained_betas": null,
                 "clip_sample": false}""");
        Files.createDirectories(sd.resolve("feature_extractor"));
        Files.writeString(sd.resolve("feature_extractor/preprocessor_config.json"), """
                {"crop_size": {"height": 224, "width": 224}, "do_center_crop": true, "do_convert_rgb": true,
                 "do_normalize": true, "do_rescale": true, "do_resize": true,
                 "image_mean": [0.48145466, 0.4578275, 0.40821073], "image_processor_type": "CLIPImageProcessor",
                 "image_std": [0.26862954, 0.26130258, 0.27577711], "resample": 3, "rescale_factor": 0.00392156862745098,
                 "size": {"shortest_edge": 224}}""");

        ScanReport report = scan(dir);

        assertThat(ScanReports.findings(report)).noneMatch(f -> f.severity().atLeast(
                io.modelgate.scanner.model.Severity.LOW));
        assertThat(report.files()).allSatisfy(f -> assertThat(f.incompleteReasons()).isEmpty());
    }
}
