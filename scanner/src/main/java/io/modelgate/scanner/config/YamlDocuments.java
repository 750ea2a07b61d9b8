package io.modelgate.scanner.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What a YAML stream holds, read without constructing anything: one tree per document (scalars as text, shared
 * anchors as shared nodes, merge keys applied) and the Python tags met on the way.
 */
record YamlDocuments(List<JsonNode> roots, List<PythonTag> tags) {
}
