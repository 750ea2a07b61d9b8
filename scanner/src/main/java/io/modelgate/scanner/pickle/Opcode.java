package io.modelgate.scanner.pickle;

/** The 68 opcodes of pickle protocols 0 to 5, with the encoding of their inline argument. */
enum Opcode {
    INT('I', Arg.DECIMAL_LINE, 0),
    BININT('J', Arg.INT4, 1),
    BININT1('K', Arg.UINT1, 1),
    BININT2('M', Arg.UINT2, 1),
    LONG('L', Arg.LONG_LINE, 0),
    LONG1(0x8a, Arg.LONG_LEN1, 2),
    LONG4(0x8b, Arg.LONG_LEN4, 2),
    STRING('S', Arg.QUOTED_LINE, 0),
    BINSTRING('T', Arg.DATA_INT4, 1),
    SHORT_BINSTRING('U', Arg.DATA_LEN1, 1),
    BINBYTES('B', Arg.DATA_LEN4, 3),
    SHORT_BINBYTES('C', Arg.DATA_LEN1, 3),
    BINBYTES8(0x8e, Arg.DATA_LEN8, 4),
    BYTEARRAY8(0x96, Arg.DATA_LEN8, 5),
    NEXT_BUFFER(0x97, Arg.NONE, 5),
    READONLY_BUFFER(0x98, Arg.NONE, 5),
    NONE('N', Arg.NONE, 0),
    NEWTRUE(0x88, Arg.NONE, 2),
    NEWFALSE(0x89, Arg.NONE, 2),
    UNICODE('V', Arg.RAW_UNICODE_LINE, 0),
    SHORT_BINUNICODE(0x8c, Arg.DATA_LEN1, 4),
    BINUNICODE('X', Arg.DATA_LEN4, 1),
    BINUNICODE8(0x8d, Arg.DATA_LEN8, 4),
    FLOAT('F', Arg.FLOAT_LINE, 0),
    BINFLOAT('G', Arg.FLOAT8, 1),
    EMPTY_LIST(']', Arg.NONE, 1),
    APPEND('a', Arg.NONE, 0),
    APPENDS('e', Arg.NONE, 1),
    LIST('l', Arg.NONE, 0),
    EMPTY_TUPLE(')', Arg.NONE, 1),
    TUPLE('t', Arg.NONE, 0),
    TUPLE1(0x85, Arg.NONE, 2),
    TUPLE2(0x86, Arg.NONE, 2),
    TUPLE3(0x87, Arg.NONE, 2),
    EMPTY_DICT('}', Arg.NONE, 1),
    DICT('d', Arg.NONE, 0),
    SETITEM('s', Arg.NONE, 0),
    SETITEMS('u', Arg.NONE, 1),
    EMPTY_SET(0x8f, Arg.NONE, 4),
    ADDITEMS(0x90, Arg.NONE, 4),
    FROZENSET(0x91, Arg.NONE, 4),
    POP('0', Arg.NONE, 0),
    DUP('2', Arg.NONE, 0),
    MARK('(', Arg.NONE, 0),
    POP_MARK('1', Arg.NONE, 1),
    GET('g', Arg.DECIMAL_LINE, 0),
    BINGET('h', Arg.UINT1, 1),
    LONG_BINGET('j', Arg.UINT4, 1),
    PUT('p', Arg.DECIMAL_LINE, 0),
    BINPUT('q', Arg.UINT1, 1),
    LONG_BINPUT('r', Arg.UINT4, 1),
    MEMOIZE(0x94, Arg.NONE, 4),
    EXT1(0x82, Arg.UINT1, 2),
    EXT2(0x83, Arg.UINT2, 2),
    EXT4(0x84, Arg.INT4, 2),
    GLOBAL('c', Arg.NAME_PAIR, 0),
    STACK_GLOBAL(0x93, Arg.NONE, 4),
    REDUCE('R', Arg.NONE, 0),
    BUILD('b', Arg.NONE, 0),
    INST('i', Arg.NAME_PAIR, 0),
    OBJ('o', Arg.NONE, 1),
    NEWOBJ(0x81, Arg.NONE, 2),
    NEWOBJ_EX(0x92, Arg.NONE, 4),
    PROTO(0x80, Arg.UINT1, 2),
    STOP('.', Arg.NONE, 0),
    FRAME(0x95, Arg.UINT8, 4),
    PERSID('P', Arg.ASCII_LINE, 0),
    BINPERSID('Q', Arg.NONE, 1);

    /** How the inline argument after the opcode byte is encoded. */
    enum Arg {
        NONE, UINT1, UINT2, INT4, UINT4, UINT8, FLOAT8,
        DECIMAL_LINE, LONG_LINE, FLOAT_LINE, QUOTED_LINE, RAW_UNICODE_LINE, ASCII_LINE, NAME_PAIR,
        LONG_LEN1, LONG_LEN4, DATA_LEN1, DATA_LEN4, DATA_INT4, DATA_LEN8
    }

    private static final Opcode[] BY_CODE = new Opcode[256];

    static {
        for (Opcode op : values()) {
            BY_CODE[op.code] = op;
        }
    }

    final int code;
    final Arg arg;
    final int protocol;

    Opcode(int code, Arg arg, int protocol) {
        this.code = code;
        this.arg = arg;
        this.protocol = protocol;
    }

    /** The opcode for a byte value, or null when the byte is not an opcode. */
    static Opcode of(int b) {
        return b < 0 || b > 255 ? null : BY_CODE[b];
    }
}
