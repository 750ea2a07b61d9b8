package io.modelgate.scanner.pickle;

/**
 * How the interpretation of one pickle ended.
 *
 * @param end        offset just past STOP, or -1 when the pickle did not reach STOP
 * @param failure    why it stopped early; null when STOP was reached or the run paused
 * @param ops        opcodes interpreted
 * @param protocol   highest protocol declared by PROTO (0 when there was none)
 * @param structural whether the stream built something (a container, a mark, an import, a call)
 * @param paused     whether the run stopped on purpose after the bytes it was asked to look at
 */
record PickleRun(long end, PickleBreak failure, long ops, int protocol, boolean structural, boolean paused) {

    boolean stopped() {
        return end >= 0;
    }
}
