package io.modelgate.scanner.data;

import io.modelgate.testkit.Gen;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompactTreeTest {

    @Test
    void everyTreeReadsBackAsItWasWritten() {
        RandomCases.check(500, gen -> tree(gen, 0), tree -> {
            assertThat(CompactTree.read(CompactTree.write(tree))).isEqualTo(tree);
        });
    }

    /** Hostile bytes: a tree cut short, with a byte changed or with bytes added is refused or read, never more. */
    @Test
    void damagedTreesAreRefusedWithAReasonOrReadWhole() {
        RandomCases.check(1_000, gen -> {
            byte[] whole = CompactTree.write(tree(gen, 0));
            return switch (gen.intBetween(0, 2)) {
                case 0 -> Arrays.copyOf(whole, gen.intBetween(0, whole.length - 1));
                case 1 -> {
                    byte[] changed = whole.clone();
                    changed[gen.intBetween(0, changed.length - 1)] = gen.anyByte();
                    yield changed;
                }
                default -> {
                    byte[] longer = Arrays.copyOf(whole, whole.length + gen.intBetween(1, 8));
                    longer[longer.length - 1] = gen.anyByte();
                    yield longer;
                }
            };
        }, bytes -> {
            try {
                Object tree = CompactTree.read(bytes);
                // read: then it is whole, and writes back to the same bytes
                assertThat(CompactTree.write(tree)).isEqualTo(bytes);
            } catch (IOException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }

    @Test
    void lengthsBeyondTheDataDuplicateKeysAndDeepNestingAreErrors() {
        byte[] huge = {'M', 'G', 'C', 'T', 1, 'L', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> CompactTree.read(huge)).hasMessageContaining("exceeds the data");
        byte[] longText = {'M', 'G', 'C', 'T', 1, 'S', 0, 0, 0, 9, 'a'};
        assertThatThrownBy(() -> CompactTree.read(longText)).hasMessageContaining("exceeds the data");
        byte[] duplicate = {'M', 'G', 'C', 'T', 1, 'M', 0, 0, 0, 2, 0, 0, 0, 1, 'k', 'T', 0, 0, 0, 1, 'k', 'F'};
        assertThatThrownBy(() -> CompactTree.read(duplicate)).hasMessageContaining("duplicate key 'k'");
        byte[] deep = new byte[5 + 40 * 5 + 1];
        System.arraycopy(new byte[] {'M', 'G', 'C', 'T', 1}, 0, deep, 0, 5);
        for (int i = 0; i < 40; i++) {
            deep[5 + i * 5] = 'L';
            deep[5 + i * 5 + 4] = 1;
        }
        deep[deep.length - 1] = 'Z';
        assertThatThrownBy(() -> CompactTree.read(deep)).hasMessageContaining("deeper");
        assertThatThrownBy(() -> CompactTree.read(new byte[] {'{', '}'})).hasMessageContaining("not a compiled");
    }

    @Test
    void textsThatAreNotWellFormedUnicodeAreNotWritten() throws IOException {
        assertThatThrownBy(() -> CompactTree.write(List.of("a\uD800b"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not well-formed");
        assertThat(CompactTree.read(CompactTree.write(List.of("a\uD83D\uDE00b")))).isEqualTo(List.of("a\uD83D\uDE00b"));
    }

    private static Object tree(Gen gen, int depth) {
        int kind = gen.intBetween(0, depth >= 4 ? 5 : 7);
        return switch (kind) {
            case 0 -> gen.string(12, "abcXYZ019 _-.:/\"\\\n\t");
            case 1 -> new CompactTree.NumberText(String.valueOf(gen.doubleBetween(-1e6, 1e6, 3)));
            case 2 -> gen.bool();
            case 3 -> null;
            case 4 -> gen.string(3, "aé€\u0000");
            case 5 -> new CompactTree.NumberText(Long.toString(gen.anyLong()));
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int i = gen.size(0, 5); i > 0; i--) {
                    list.add(tree(gen, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = gen.size(0, 5); i > 0; i--) {
                    map.put(gen.string(6, "abkéy_€"), tree(gen, depth + 1));
                }
                yield map;
            }
        };
    }
}
