package io.ecostream.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class AvroBinaryBufferTest {

  private interface AvroWrite {
    void to(BinaryEncoder encoder) throws IOException;
  }

  @Test
  void shouldWriteIntsAndLongsAsAvroDoes() {
    Random random = new Random(1);
    for (int i = 0; i < 10_000; i++) {
      int anInt = i < 64 ? 1 << (i % 32) : random.nextInt() >> random.nextInt(32);
      long aLong = i < 64 ? 1L << i : random.nextLong() >> random.nextInt(64);
      assertSameAsAvro(out -> out.writeInt(anInt), avro -> avro.writeInt(anInt));
      assertSameAsAvro(out -> out.writeInt(-anInt), avro -> avro.writeInt(-anInt));
      assertSameAsAvro(out -> out.writeLong(aLong), avro -> avro.writeLong(aLong));
      assertSameAsAvro(out -> out.writeLong(~aLong), avro -> avro.writeLong(~aLong));
    }
    for (long extreme :
        new long[] {Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      assertSameAsAvro(out -> out.writeLong(extreme), avro -> avro.writeLong(extreme));
      assertSameAsAvro(out -> out.writeInt((int) extreme), avro -> avro.writeInt((int) extreme));
    }
  }

  @Test
  void shouldWriteFloatsAndDoublesWithTheirRawBitsAsAvroDoes() {
    Random random = new Random(2);
    for (int i = 0; i < 10_000; i++) {
      float aFloat = Float.intBitsToFloat(random.nextInt());
      double aDouble = Double.longBitsToDouble(random.nextLong());
      assertSameAsAvro(out -> out.writeFloat(aFloat), avro -> avro.writeFloat(aFloat));
      assertSameAsAvro(out -> out.writeDouble(aDouble), avro -> avro.writeDouble(aDouble));
    }
  }

  @Test
  void shouldWriteAnyStringAsAvroDoesUnpairedSurrogatesIncluded() {
    Random random = new Random(3);
    char[] interesting = {
      'a', '~', 0x7F, 0x80, 'é', 0x7FF, 0x800, '济', 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000,
      0xFFFF
    };
    for (int i = 0; i < 10_000; i++) {
      char[] chars = new char[random.nextInt(i % 100 == 0 ? 3000 : 12)];
      for (int c = 0; c < chars.length; c++) {
        chars[c] =
            random.nextBoolean()
                ? interesting[random.nextInt(interesting.length)]
                : (char) random.nextInt(0x80);
      }
      String text = new String(chars);
      assertSameAsAvro(out -> out.writeString(text), avro -> avro.writeString(text));
    }
  }

  @Test
  void shouldWriteBytesAsAvroDoesWithoutMovingTheBuffer() {
    ByteBuffer bytes = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertSameAsAvro(out -> out.writeBytes(bytes), avro -> avro.writeBytes(bytes));
    assertSameAsAvro(
        out -> out.writeBytes(bytes.asReadOnlyBuffer()),
        avro -> avro.writeBytes(bytes.asReadOnlyBuffer()));
    assertSameAsAvro(
        out -> out.writeBytes(ByteBuffer.allocate(0)),
        avro -> avro.writeBytes(ByteBuffer.allocate(0)));
    assertThat(bytes.position()).isEqualTo(2);
  }

  @Test
  void shouldGrowPastItsFirstCapacity() {
    AvroBinaryBuffer out = new AvroBinaryBuffer(1);
    String text = "济南".repeat(1000);
    out.writeString(text);
    out.writeLong(Long.MIN_VALUE);

    assertThat(out.size()).isEqualTo(2 + 6000 + 10);
  }

  private static void assertSameAsAvro(Consumer<AvroBinaryBuffer> write, AvroWrite avroWrite) {
    AvroBinaryBuffer out = new AvroBinaryBuffer(4);
    write.accept(out);
    ByteArrayOutputStream avroBytes = new ByteArrayOutputStream();
    BinaryEncoder avro = EncoderFactory.get().directBinaryEncoder(avroBytes, null);
    try {
      avroWrite.to(avro);
      avro.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(out.toByteArray()).isEqualTo(avroBytes.toByteArray());
  }
}
