package io.modelgate.scanner.pickle;

import java.util.List;

/**
 * One place where loading the pickle runs code: a call (REDUCE), an instantiation (INST, OBJ, NEWOBJ,
 * NEWOBJ_EX) or a state restore (BUILD calls the class's {@code __setstate__}).
 *
 * @param callee what is called: normally a {@link PickleValue.Global}
 * @param args   the positional arguments (for BUILD: the state)
 * @param offset byte offset of the opcode
 */
public record CallSite(Kind kind, PickleValue callee, List<PickleValue> args, long offset) {

    public enum Kind {
        REDUCE, INST, OBJ, NEWOBJ, NEWOBJ_EX, BUILD;

        /** How a reviewer reads this kind of call. */
        String verb() {
            return switch (this) {
                case REDUCE -> "calls";
                case BUILD -> "restores state into";
                default -> "instantiates";
            };
        }
    }
}
