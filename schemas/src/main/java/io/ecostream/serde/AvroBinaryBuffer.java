package io.ecostream.serde;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A growable byte array written in Avro's binary encoding: ints and longs as zig-zag varints,
 * floats and doubles as their raw IEEE 754 bits in little-endian order, strings and bytes as a
 * varint length then the bytes. Every method writes what Avro's {@code BinaryEncoder} writes for
 * the same value, so that the two can be compared byte for byte.
 */
final class AvroBinaryBuffer {

  private static final VarHandle INT_LITTLE_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LITTLE_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The longest zig-zag varint of an int and of a long. */
  private static final int MAX_INT_BYTES = 5;

  private static final int MAX_LONG_BYTES = 10;

  private byte[] bytes;
  private int size;

  AvroBinaryBuffer(int initialCapacity) {
    this.bytes = new byte[initialCapacity];
  }

  void clear() {
    size = 0;
  }

  int size() {
    return size;
  }

  int capacity() {
    return bytes.length;
  }

  /** A copy of what was written, exactly as long. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  void writeBoolean(boolean value) {
    ensureRoom(1);
    bytes[size++] = (byte) (value ? 1 : 0);
  }

  void writeInt(int value) {
    ensureRoom(MAX_INT_BYTES);
    int zigZag = (value << 1) ^ (value >> 31);
    while ((zigZag & ~0x7F) != 0) {
      bytes[size++] = (byte) ((zigZag & 0x7F) | 0x80);
      zigZag >>>= 7;
    }
    bytes[size++] = (byte) zigZag;
  }

  void writeLong(long value) {
    ensureRoom(MAX_LONG_BYTES);
    long zigZag = (value << 1) ^ (value >> 63);
    while ((zigZag & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((zigZag & 0x7F) | 0x80);
      zigZag >>>= 7;
    }
    bytes[size++] = (byte) zigZag;
  }

  /** Raw bits, as Avro writes them: a NaN keeps its payload. */
  void writeFloat(float value) {
    ensureRoom(Float.BYTES);
    INT_LITTLE_ENDIAN.set(bytes, size, Float.floatToRawIntBits(value));
    size += Float.BYTES;
  }

  void writeDouble(double value) {
    ensureRoom(Double.BYTES);
    LONG_LITTLE_ENDIAN.set(bytes, size, Double.doubleToRawLongBits(value));
    size += Double.BYTES;
  }

  /**
   * The length in UTF-8 bytes, then the bytes. ASCII text, nearly all of ecostream's ids and
   * labels, is copied a char to a byte; any other text takes a second pass that encodes it as
   * {@code String.getBytes(UTF_8)} does, an unpaired surrogate included (as {@code '?'}).
   */
  void writeString(String value) {
    int length = value.length();
    ensureRoom(MAX_INT_BYTES + length);
    int start = size;
    writeInt(length);
    byte[] target = bytes;
    int at = size;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        size = start;
        writeNonAscii(value);
        return;
      }
      target[at + i] = (byte) c;
    }
    size = at + length;
  }

  private void writeNonAscii(String value) {
    int length = value.length();
    int utf8Length = utf8Length(value);
    writeInt(utf8Length);
    ensureRoom(utf8Length);
    byte[] target = bytes;
    int at = size;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        target[at++] = (byte) c;
      } else if (c < 0x800) {
        target[at++] = (byte) (0xC0 | (c >> 6));
        target[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (isSurrogatePairAt(value, i)) {
          int codePoint = Character.toCodePoint(c, value.charAt(++i));
          target[at++] = (byte) (0xF0 | (codePoint >> 18));
          target[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
          target[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
          target[at++] = (byte) (0x80 | (codePoint & 0x3F));
        } else {
          target[at++] = '?';
        }
      } else {
        target[at++] = (byte) (0xE0 | (c >> 12));
        target[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        target[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    size = at;
  }

  private static int utf8Length(String value) {
    int length = value.length();
    int utf8Length = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        utf8Length += 1;
      } else if (c < 0x800) {
        utf8Length += 2;
      } else if (Character.isSurrogate(c)) {
        if (isSurrogatePairAt(value, i)) {
          utf8Length += 4;
          i++;
        } else {
          utf8Length += 1;
        }
      } else {
        utf8Length += 3;
      }
    }
    return utf8Length;
  }

  private static boolean isSurrogatePairAt(String value, int index) {
    return Character.isHighSurrogate(value.charAt(index))
        && index + 1 < value.length()
        && Character.isLowSurrogate(value.charAt(index + 1));
  }

  /** The length, then the bytes from the buffer's position to its limit; the position is kept. */
  void writeBytes(ByteBuffer value) {
    int position = value.position();
    int length = value.limit() - position;
    writeInt(length);
    ensureRoom(length);
    if (value.hasArray()) {
      System.arraycopy(value.array(), value.arrayOffset() + position, bytes, size, length);
    } else {
      value.get(position, bytes, size, length);
    }
    size += length;
  }

  void writeBytes(byte[] value, int length) {
    writeInt(length);
    writeFixed(value, length);
  }

  /** The first {@code length} bytes of {@code value}, with no length before them. */
  void writeFixed(byte[] value, int length) {
    Objects.checkFromIndexSize(0, length, value.length);
    ensureRoom(length);
    System.arraycopy(value, 0, bytes, size, length);
    size += length;
  }

  private void ensureRoom(int needed) {
    if (bytes.length - size < needed) {
      grow(needed);
    }
  }

  private void grow(int needed) {
    long wanted = Math.max((long) size + needed, 2L * bytes.length);
    if ((long) size + needed > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("an Avro record of more than 2 GiB");
    }
    bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
  }
}
