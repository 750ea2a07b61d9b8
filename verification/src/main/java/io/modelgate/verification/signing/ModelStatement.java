package io.modelgate.verification.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelgate.scanner.digest.Sha256;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The in-toto statement model_signing signs: one subject (the model, with a root digest over all
 * resource digests), how files were serialised, and one resource (file or shard) per digest.
 *
 * @param subjectName   the model folder's name at signing time (informational)
 * @param method        {@code files} or {@code shards}
 * @param hashType      hash of each resource: sha256, blake2b or blake3
 * @param shardSize     bytes per shard for the {@code shards} method, else 0
 * @param allowSymlinks whether links were followed when signing
 * @param ignorePaths   paths the signer left out (relative to the model folder)
 * @param resources     name and hex digest of each signed resource, in signed order
 * @param predicateType {@link #PREDICATE_V1}, or {@link #PREDICATE_V01} for model_signing 0.2 signatures
 */
public record ModelStatement(String subjectName, String method, String hashType, long shardSize,
                             boolean allowSymlinks, List<String> ignorePaths, List<Resource> resources,
                             String predicateType) {

    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String PREDICATE_V1 = "https://model_signing/signature/v1.0";
    /** model_signing 0.2: every file is a subject of its own, no predicate content, SHA-256 files. */
    public static final String PREDICATE_V01 = "https://model_signing/Digests/v0.1";

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{2,256}");

    public record Resource(String name, String algorithm, String digest) {
    }

    /**
     * The statement model_signing would sign over these whole files (SHA-256, no shards), resources in its
     * canonical order: its root digest is the model's identity, equal to a signature's subject digest.
     */
    public static ModelStatement ofFiles(String subjectName, List<Resource> resources) {
        List<Resource> ordered = new java.util.ArrayList<>(resources);
        ResourceOrder order = new ResourceOrder(false);
        ordered.sort((a, b) -> order.compare(a.name(), b.name()));
        return new ModelStatement(subjectName, "files", "sha256", 0, false, List.of(), ordered, PREDICATE_V1);
    }

    public ModelStatement {
        ignorePaths = List.copyOf(ignorePaths);
        resources = List.copyOf(resources);
    }

    public static ModelStatement parse(byte[] payload, int maxResources) throws MalformedSignatureException {
        JsonNode root;
        try {
            root = BundleReader.JSON.readTree(payload);
        } catch (IOException e) {
            throw new MalformedSignatureException("signed payload is not JSON");
        }
        if (root == null || !STATEMENT_TYPE.equals(root.path("_type").asText())) {
            throw new MalformedSignatureException("signed payload is not an in-toto Statement v1");
        }
        String predicateType = root.path("predicateType").asText();
        if (PREDICATE_V01.equals(predicateType)) {
            return legacy(root.path("subject"), maxResources);
        }
        if (!PREDICATE_V1.equals(predicateType)) {
            throw new MalformedSignatureException("unsupported predicateType '" + predicateType + "'");
        }
        JsonNode subjects = root.path("subject");
        if (!subjects.isArray() || subjects.size() != 1) {
            throw new MalformedSignatureException("statement must have exactly one subject");
        }
        JsonNode subject = subjects.get(0);
        JsonNode predicate = BundleReader.object(root, "predicate");
        JsonNode serialization = BundleReader.object(predicate, "serialization");
        String method = BundleReader.text(serialization, "method");
        if (!method.equals("files") && !method.equals("shards")) {
            throw new MalformedSignatureException("unknown serialization method '" + method + "'");
        }
        long shardSize = 0;
        if (method.equals("shards")) {
            shardSize = serialization.path("shard_size").asLong(0);
            if (shardSize <= 0) {
                throw new MalformedSignatureException("shards serialization without a positive shard_size");
            }
        }
        List<String> ignore = new ArrayList<>();
        for (JsonNode path : serialization.path("ignore_paths")) {
            ignore.add(path.asText());
        }
        JsonNode list = predicate.path("resources");
        if (!list.isArray()) {
            throw new MalformedSignatureException("predicate has no resources array");
        }
        if (list.size() > maxResources) {
            throw new MalformedSignatureException("more than " + maxResources + " signed resources");
        }
        List<Resource> resources = new ArrayList<>();
        for (JsonNode r : list) {
            String digest = BundleReader.text(r, "digest");
            if (!HEX.matcher(digest).matches() || digest.length() % 2 != 0) {
                throw new MalformedSignatureException("resource digest is not lowercase hex");
            }
            resources.add(new Resource(BundleReader.text(r, "name"), BundleReader.text(r, "algorithm"), digest));
        }
        ModelStatement statement = new ModelStatement(subject.path("name").asText(), method,
                BundleReader.text(serialization, "hash_type"), shardSize,
                serialization.path("allow_symlinks").asBoolean(false), ignore, resources, PREDICATE_V1);
        String declared = subject.path("digest").path("sha256").asText();
        if (!statement.rootDigest().equals(declared)) {
            throw new MalformedSignatureException("manifest is inconsistent: subject digest " + declared
                    + " is not the digest of the signed resources");
        }
        return statement;
    }

    /**
     * A model_signing 0.2 statement, read as the reference still reads it: files serialisation, SHA-256, no
     * links; the subjects are the resources and there is no root digest to check.
     */
    private static ModelStatement legacy(JsonNode subjects, int maxResources) throws MalformedSignatureException {
        if (!subjects.isArray()) {
            throw new MalformedSignatureException("statement has no subject list");
        }
        if (subjects.size() > maxResources) {
            throw new MalformedSignatureException("more than " + maxResources + " signed resources");
        }
        List<Resource> resources = new ArrayList<>();
        for (JsonNode subject : subjects) {
            String digest = BundleReader.text(subject.path("digest"), "sha256");
            if (!digest.matches("[0-9a-f]{64}")) {
                throw new MalformedSignatureException("subject digest is not a lowercase hex SHA-256");
            }
            resources.add(new Resource(BundleReader.text(subject, "name"), "sha256", digest));
        }
        return new ModelStatement("", "files", "sha256", 0, false, List.of(), resources, PREDICATE_V01);
    }

    /** The algorithm each resource must name: the hash type, or {@code <hash>-sharded-<size>} for shards. */
    public String expectedAlgorithm() {
        return method.equals("shards") ? hashType + "-sharded-" + shardSize : hashType;
    }

    /** The signature covers one file, named {@code .} (or {@code .:start:end} for its shards). */
    public boolean coversSingleFile() {
        return !resources.isEmpty() && resources.stream().allMatch(r -> r.name().equals(".")
                || method.equals("shards") && r.name().startsWith(".:"));
    }

    /** The statement as signed JSON, the subject digest computed from the resources. */
    public byte[] toJson() {
        com.fasterxml.jackson.databind.node.ObjectNode root = BundleReader.JSON.createObjectNode();
        root.put("_type", STATEMENT_TYPE);
        com.fasterxml.jackson.databind.node.ObjectNode subject = root.putArray("subject").addObject();
        subject.put("name", subjectName);
        subject.putObject("digest").put("sha256", rootDigest());
        root.put("predicateType", predicateType);
        com.fasterxml.jackson.databind.node.ObjectNode predicate = root.putObject("predicate");
        com.fasterxml.jackson.databind.node.ObjectNode serialization = predicate.putObject("serialization");
        serialization.put("method", method);
        serialization.put("hash_type", hashType);
        serialization.put("allow_symlinks", allowSymlinks);
        if (method.equals("shards")) {
            serialization.put("shard_size", shardSize);
        }
        if (!ignorePaths.isEmpty()) {
            com.fasterxml.jackson.databind.node.ArrayNode ignore = serialization.putArray("ignore_paths");
            ignorePaths.forEach(ignore::add);
        }
        com.fasterxml.jackson.databind.node.ArrayNode list = predicate.putArray("resources");
        for (Resource r : resources) {
            list.addObject().put("name", r.name()).put("algorithm", r.algorithm()).put("digest", r.digest());
        }
        try {
            return BundleReader.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise statement", e);
        }
    }

    /** SHA-256 over the raw bytes of every resource digest, in order. */
    public String rootDigest() {
        MessageDigest root = Sha256.newDigest();
        for (Resource r : resources) {
            root.update(HexFormat.of().parseHex(r.digest()));
        }
        return HexFormat.of().formatHex(root.digest());
    }
}
