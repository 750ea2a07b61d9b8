package io.modelgate.scanner.flax;

import io.modelgate.scanner.analysis.FormatProblem;

import java.util.ArrayList;
import java.util.List;

/** What reading one checkpoint found: problems, reasons it is not proven, and counts. */
final class FlaxReport {

    final List<FormatProblem> problems = new ArrayList<>();
    final List<String> unproven = new ArrayList<>();
    long arrays;
    long values;
}
