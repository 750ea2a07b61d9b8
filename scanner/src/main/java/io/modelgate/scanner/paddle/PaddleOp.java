package io.modelgate.scanner.paddle;

import java.util.List;
import java.util.Map;

/** One OpDesc: its type, the block it sits in, and its string attributes (name to values). */
record PaddleOp(String type, int block, long offset, Map<String, List<String>> strings) {
}
