package io.modelgate.scanner.pickle;

/** What the interpreter reports while it walks a pickle. */
interface PickleListener {

    /** GLOBAL, STACK_GLOBAL or INST imported a module attribute. */
    default void imported(PickleValue.Global global) {
    }

    /** Loading would call, instantiate or restore state at this site. */
    default void called(CallSite site) {
    }

    /** EXT1/EXT2/EXT4 asked the copyreg extension registry for an object. */
    default void extension(PickleValue.Extension extension) {
    }

    /** APPEND, SETITEM, BUILD, ... would modify an imported module-level object in place. */
    default void mutated(Opcode opcode, PickleValue.Global target, long offset) {
    }

    /** STACK_GLOBAL found something other than two strings on the stack. */
    default void badStackGlobal(PickleValue module, PickleValue name, long offset) {
    }
}
