package org.samed2d.explorer.segment;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes small ONNX models (protobuf by hand, from onnx.proto's field numbers) for tests: graphs with exactly the
 * interface of a real model and random weights, since no ONNX library is at hand here.
 */
final class OnnxModelWriter {

    static final int FLOAT = 1;
    static final int INT64 = 7;

    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();

    /** Dimensions are numbers or names (dynamic). */
    OnnxModelWriter input(String name, int type, Object... dims) {
        inputs.add(valueInfo(name, type, dims));
        return this;
    }

    OnnxModelWriter output(String name, int type, Object... dims) {
        outputs.add(valueInfo(name, type, dims));
        return this;
    }

    OnnxModelWriter randomFloats(String name, long seed, long... dims) {
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer raw = ByteBuffer.allocate((int) count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (long i = 0; i < count; i++) {
            raw.putFloat((float) (random.nextDouble() - 0.5) * 0.1f);
        }
        return tensor(name, FLOAT, raw.array(), dims);
    }

    OnnxModelWriter floats(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        return tensor(name, FLOAT, raw.array(), dims);
    }

    OnnxModelWriter longs(String name, long[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        return tensor(name, INT64, raw.array(), dims);
    }

    private OnnxModelWriter tensor(String name, int type, byte[] raw, long... dims) {
        Proto t = new Proto();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, type).string(8, name).bytes(9, raw);
        initializers.add(t.done());
        return this;
    }

    /** A node; attributes as name, value pairs (long, long[], String). */
    OnnxModelWriter node(String op, List<String> in, List<String> out, Object... attributes) {
        Proto n = new Proto();
        in.forEach(name -> n.string(1, name));
        out.forEach(name -> n.string(2, name));
        n.string(3, op + "_" + nodes.size()).string(4, op);
        for (int i = 0; i < attributes.length; i += 2) {
            Proto a = new Proto().string(1, (String) attributes[i]);
            switch (attributes[i + 1]) {
                case Long v -> a.varint(3, v).varint(20, 2);
                case long[] v -> {
                    for (long x : v) {
                        a.varint(8, x);
                    }
                    a.varint(20, 7);
                }
                case String v -> a.bytes(4, v.getBytes(StandardCharsets.UTF_8)).varint(20, 3);
                default -> throw new IllegalArgumentException(attributes[i + 1].getClass().toString());
            }
            n.message(5, a.done());
        }
        nodes.add(n.done());
        return this;
    }

    byte[] build() {
        Proto graph = new Proto();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, "test");
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(v -> graph.message(11, v));
        outputs.forEach(v -> graph.message(12, v));
        return new Proto().varint(1, 8).message(7, graph.done())
                .message(8, new Proto().string(1, "").varint(2, 17).done()).done();
    }

    private static byte[] valueInfo(String name, int type, Object... dims) {
        Proto shape = new Proto();
        for (Object dim : dims) {
            Proto d = new Proto();
            if (dim instanceof Number n) {
                d.varint(1, n.longValue());
            } else {
                d.string(2, dim.toString());
            }
            shape.message(1, d.done());
        }
        Proto tensorType = new Proto().varint(1, type).message(2, shape.done());
        Proto typeProto = new Proto().message(1, tensorType.done());
        return new Proto().string(1, name).message(2, typeProto.done()).done();
    }

    /** Protobuf wire format: varints and length-delimited fields. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            raw((long) field << 3);
            raw(value);
            return this;
        }

        Proto bytes(int field, byte[] value) {
            raw((long) field << 3 | 2);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, byte[] value) {
            return bytes(field, value);
        }

        private void raw(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }

        byte[] done() {
            return out.toByteArray();
        }
    }
}
