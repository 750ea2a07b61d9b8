package io.modelgate.scanner.config;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Config fixtures built in code: the real shapes of NeMo, Lightning, sentence-transformers, diffusers and PEFT files. */
final class ConfigFixtures {

    private ConfigFixtures() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A NeMo 1.x/2.x style model_config.yaml (EncDecCTCModelBPE), shortened but with its real keys and targets. */
    static final String NEMO_ASR_CONFIG = """
            sample_rate: 16000
            log_prediction: true
            ctc_reduction: mean_batch
            skip_nan_grad: false
            tokenizer:
              dir: /data/tokenizers/tokenizer_spe_unigram_v128
              type: bpe
              model: nemo:3cd8a8f0d4f14e8c8a4cc7d5e8d2f1b0_tokenizer.model
              vocab_path: nemo:5f1c2a3b4c5d4e6f8a9b0c1d2e3f4a5b_vocab.txt
            train_ds:
              manifest_filepath: /data/librispeech/train_clean_100.json
              sample_rate: 16000
              batch_size: 32
              shuffle: true
              num_workers: 8
              max_duration: 16.7
            preprocessor:
              _target_: nemo.collections.asr.modules.AudioToMelSpectrogramPreprocessor
              sample_rate: 16000
              normalize: per_feature
              window_size: 0.025
              window_stride: 0.01
              window: hann
              features: 80
              n_fft: 512
              dither: 1.0e-05
              pad_to: 0
            spec_augment:
              _target_: nemo.collections.asr.modules.SpectrogramAugmentation
              freq_masks: 2
              time_masks: 10
              freq_width: 27
              time_width: 0.05
            encoder:
              _target_: nemo.collections.asr.modules.ConformerEncoder
              feat_in: 80
              n_layers: 16
              d_model: 176
              subsampling: striding
              self_attention_model: rel_pos
              n_heads: 4
              conv_kernel_size: 31
              dropout: 0.1
            decoder:
              _target_: nemo.collections.asr.modules.ConvASRDecoder
              feat_in: 176
              num_classes: 128
              vocabulary: []
            optim:
              name: adamw
              lr: 2.0
              betas:
              - 0.9
              - 0.98
              weight_decay: 0.001
              sched:
                name: NoamAnnealing
                d_model: ${model.encoder.d_model}
                warmup_steps: 10000
                min_lr: 1.0e-06
            target: nemo.collections.asr.models.ctc_bpe_models.EncDecCTCModelBPE
            nemo_version: 1.23.0
            """;

    /** What LightningModule.save_hyperparameters writes: plain values, a tuple tag and a Path tag. */
    static final String LIGHTNING_HPARAMS = """
            backbone: resnet50
            batch_size: 64
            betas: !!python/tuple
            - 0.9
            - 0.999
            data_dir: !!python/object/apply:pathlib.PosixPath
            - /
            - data
            - imagenet
            learning_rate: 0.0003
            num_classes: 1000
            optimizer:
              class_path: torch.optim.AdamW
              init_args:
                lr: 0.0003
                weight_decay: 0.05
            scheduler: cosine
            """;

    /** sentence-transformers/all-MiniLM-L6-v2's modules.json. */
    static final String ST_MODULES = """
            [
              {
                "idx": 0,
                "name": "0",
                "path": "",
                "type": "sentence_transformers.models.Transformer"
              },
              {
                "idx": 1,
                "name": "1",
                "path": "1_Pooling",
                "type": "sentence_transformers.models.Pooling"
              },
              {
                "idx": 2,
                "name": "2",
                "path": "2_Normalize",
                "type": "sentence_transformers.models.Normalize"
              }
            ]""";

    /** stable-diffusion-v1-5's model_index.json. */
    static final String SD_MODEL_INDEX = """
            {
              "_class_name": "StableDiffusionPipeline",
              "_diffusers_version": "0.6.0",
              "feature_extractor": ["transformers", "CLIPImageProcessor"],
              "safety_checker": ["stable_diffusion", "StableDiffusionSafetyChecker"],
              "scheduler": ["diffusers", "PNDMScheduler"],
              "text_encoder": ["transformers", "CLIPTextModel"],
              "tokenizer": ["transformers", "CLIPTokenizer"],
              "unet": ["diffusers", "UNet2DConditionModel"],
              "vae": ["diffusers", "AutoencoderKL"],
              "image_encoder": [null, null],
              "requires_safety_checker": true
            }""";

    /** A LoRA adapter_config.json as PEFT 0.13 writes it. */
    static final String PEFT_ADAPTER = """
            {
              "alpha_pattern": {},
              "auto_mapping": null,
              "base_model_name_or_path": "meta-llama/Llama-2-7b-hf",
              "bias": "none",
              "fan_in_fan_out": false,
              "inference_mode": true,
              "init_lora_weights": true,
              "layers_pattern": null,
              "layers_to_transform": null,
              "lora_alpha": 16,
              "lora_dropout": 0.05,
              "modules_to_save": null,
              "peft_type": "LORA",
              "r": 8,
              "rank_pattern": {},
              "revision": null,
              "target_modules": ["q_proj", "v_proj"],
              "task_type": "CAUSAL_LM",
              "use_dora": false,
              "use_rslora": false
            }""";

    /** A tar (gzip-compressed when asked, as NeMo writes .nemo files) holding the given members. */
    static byte[] tar(Map<String, byte[]> members, boolean gzip) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            java.io.OutputStream out = gzip ? new GZIPOutputStream(bytes) : bytes;
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                for (Map.Entry<String, byte[]> member : members.entrySet()) {
                    TarArchiveEntry entry = new TarArchiveEntry(member.getKey());
                    entry.setSize(member.getValue().length);
                    tar.putArchiveEntry(entry);
                    tar.write(member.getValue());
                    tar.closeArchiveEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> members(Object... nameThenBytes) {
        Map<String, byte[]> members = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            members.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return members;
    }

    /** A safetensors file with one F32 tensor of four values and the given __metadata__ (JSON object text). */
    static byte[] safetensors(String metadataJson) {
        String header = "{\"__metadata__\":" + metadataJson
                + ",\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}";
        byte[] json = utf8(header);
        ByteBuffer buffer = ByteBuffer.allocate(8 + json.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(json.length).put(json);
        return buffer.array();
    }
}
