package io.modelgate.sbom.cyclonedx;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The input and output formats a Hugging Face task ({@code pipeline_tag}) implies, for the model card's
 * {@code inputs} and {@code outputs}. Known from the task alone; a task not listed here gets neither, rather
 * than a guess.
 */
final class TaskModalities {

    /** What a task consumes and produces, in the vocabulary of CycloneDX's examples (string, image, ...). */
    record Modalities(List<String> inputs, List<String> outputs) {
    }

    private static final String TEXT = "string";
    private static final String IMAGE = "image";
    private static final String AUDIO = "audio";
    private static final String VIDEO = "video";
    private static final String TABLE = "table";
    private static final String LABEL = "label";
    private static final String VECTOR = "vector";

    private static final Map<String, Modalities> BY_TASK = Map.ofEntries(
            task("text-generation", List.of(TEXT), List.of(TEXT)),
            task("text2text-generation", List.of(TEXT), List.of(TEXT)),
            task("summarization", List.of(TEXT), List.of(TEXT)),
            task("translation", List.of(TEXT), List.of(TEXT)),
            task("question-answering", List.of(TEXT), List.of(TEXT)),
            task("fill-mask", List.of(TEXT), List.of(TEXT)),
            task("text-classification", List.of(TEXT), List.of(LABEL)),
            task("token-classification", List.of(TEXT), List.of(LABEL)),
            task("zero-shot-classification", List.of(TEXT), List.of(LABEL)),
            task("text-ranking", List.of(TEXT), List.of(LABEL)),
            task("feature-extraction", List.of(TEXT), List.of(VECTOR)),
            task("sentence-similarity", List.of(TEXT), List.of(VECTOR)),
            task("table-question-answering", List.of(TABLE, TEXT), List.of(TEXT)),
            task("tabular-classification", List.of(TABLE), List.of(LABEL)),
            task("tabular-regression", List.of(TABLE), List.of("number")),
            task("time-series-forecasting", List.of("time-series"), List.of("time-series")),
            task("image-classification", List.of(IMAGE), List.of(LABEL)),
            task("zero-shot-image-classification", List.of(IMAGE, TEXT), List.of(LABEL)),
            task("object-detection", List.of(IMAGE), List.of(LABEL)),
            task("zero-shot-object-detection", List.of(IMAGE, TEXT), List.of(LABEL)),
            task("image-segmentation", List.of(IMAGE), List.of(IMAGE)),
            task("mask-generation", List.of(IMAGE), List.of(IMAGE)),
            task("depth-estimation", List.of(IMAGE), List.of(IMAGE)),
            task("keypoint-detection", List.of(IMAGE), List.of(LABEL)),
            task("image-feature-extraction", List.of(IMAGE), List.of(VECTOR)),
            task("image-to-image", List.of(IMAGE), List.of(IMAGE)),
            task("image-to-text", List.of(IMAGE), List.of(TEXT)),
            task("image-text-to-text", List.of(IMAGE, TEXT), List.of(TEXT)),
            task("visual-question-answering", List.of(IMAGE, TEXT), List.of(TEXT)),
            task("document-question-answering", List.of(IMAGE, TEXT), List.of(TEXT)),
            task("text-to-image", List.of(TEXT), List.of(IMAGE)),
            task("unconditional-image-generation", List.of(), List.of(IMAGE)),
            task("image-to-video", List.of(IMAGE), List.of(VIDEO)),
            task("text-to-video", List.of(TEXT), List.of(VIDEO)),
            task("video-classification", List.of(VIDEO), List.of(LABEL)),
            task("video-text-to-text", List.of(VIDEO, TEXT), List.of(TEXT)),
            task("automatic-speech-recognition", List.of(AUDIO), List.of(TEXT)),
            task("audio-classification", List.of(AUDIO), List.of(LABEL)),
            task("voice-activity-detection", List.of(AUDIO), List.of(LABEL)),
            task("audio-to-audio", List.of(AUDIO), List.of(AUDIO)),
            task("text-to-speech", List.of(TEXT), List.of(AUDIO)),
            task("text-to-audio", List.of(TEXT), List.of(AUDIO)));

    private TaskModalities() {
    }

    static Optional<Modalities> of(String task) {
        return task == null ? Optional.empty() : Optional.ofNullable(BY_TASK.get(task.trim()));
    }

    private static Map.Entry<String, Modalities> task(String name, List<String> inputs, List<String> outputs) {
        return Map.entry(name, new Modalities(inputs, outputs));
    }
}
