package io.ecostream.streams.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.DeadLetter;
import io.ecostream.serde.AvroSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

  private static final String TOPIC = "ecostream.air.readings";

  /** The value of the tester's record: just under the broker's default message.max.bytes. */
  private static final int NEAR_BROKER_LIMIT = 1_048_450;

  /** Well under the producer's default max.request.size of 1 MiB. */
  private static final int LARGEST_DEAD_LETTER = 30 * 1024;

  private final AvroSerde<DeadLetter> serde = AvroSerde.of(DeadLetter.class);

  @Test
  void shouldKeepASmallRecordWholeWithItsSizesAndHashes() throws Exception {
    byte[] key = "binzhou".getBytes(StandardCharsets.UTF_8);
    byte[] value = "not avro".getBytes(StandardCharsets.UTF_8);

    DeadLetter letter =
        DeadLetters.of(TOPIC, 2, 41L, 0L, key, value, Rejection.undecodable("not avro"));

    assertThat(letter.getKey()).isEqualTo(ByteBuffer.wrap(key));
    assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(value));
    assertThat(letter.getKeySize()).isEqualTo(7);
    assertThat(letter.getValueSize()).isEqualTo(8);
    assertThat(letter.getKeySha256()).isEqualTo(sha256(key));
    assertThat(letter.getValueSha256()).isEqualTo(sha256(value));
    assertThat(letter.getTruncated()).isFalse();
    assertThat(letter.getDetail()).isEqualTo("not avro");
  }

  @Test
  void shouldCutAValueJustUnderTheBrokersLimitAndKeepItsSizeAndHash() throws Exception {
    byte[] value = randomBytes(NEAR_BROKER_LIMIT, 1);

    DeadLetter letter =
        DeadLetters.of(
            TOPIC,
            0,
            7L,
            0L,
            "jinan".getBytes(StandardCharsets.UTF_8),
            value,
            Rejection.undecodable("x"));

    assertThat(letter.getTruncated()).isTrue();
    assertThat(letter.getValue())
        .isEqualTo(ByteBuffer.wrap(Arrays.copyOf(value, DeadLetters.MAX_VALUE_BYTES)));
    assertThat(letter.getValueSize()).isEqualTo(NEAR_BROKER_LIMIT);
    assertThat(letter.getValueSha256()).isEqualTo(sha256(value));
    assertThat(serde.serialize("t", letter)).hasSizeLessThan(LARGEST_DEAD_LETTER);
  }

  @Test
  void shouldStayUnderTheBoundWhenKeyValueAndDetailAreAllHuge() {
    byte[] key = randomBytes(900_000, 2);
    byte[] value = randomBytes(NEAR_BROKER_LIMIT, 3);
    // Three bytes each in UTF-8, as an exception message echoing Chinese text would be.
    String detail = "滨".repeat(500_000);

    DeadLetter letter = DeadLetters.of(TOPIC, 0, 7L, 0L, key, value, Rejection.invalid(detail));

    assertThat(letter.getTruncated()).isTrue();
    assertThat(letter.getKey().remaining()).isEqualTo(DeadLetters.MAX_KEY_BYTES);
    assertThat(letter.getKeySize()).isEqualTo(900_000);
    assertThat(letter.getDetail())
        .startsWith("滨".repeat(DeadLetters.MAX_DETAIL_CHARS))
        .endsWith("(cut; 500000 characters in all)");
    assertThat(serde.serialize("t", letter)).hasSizeLessThan(LARGEST_DEAD_LETTER);
  }

  @Test
  void shouldNeverCutASurrogatePairInTwo() {
    String detail = "a".repeat(DeadLetters.MAX_DETAIL_CHARS - 1) + "😷".repeat(10);

    String shortened = DeadLetters.shortened(detail);

    assertThat(shortened).startsWith("a".repeat(DeadLetters.MAX_DETAIL_CHARS - 1) + " … (cut;");
  }

  @Test
  void shouldKeepNoKeyAndNoValueAsNullsAndAMissingDetailAsEmpty() {
    DeadLetter letter = DeadLetters.of(TOPIC, 0, 7L, 0L, null, null, Rejection.undecodable(null));

    assertThat(letter.getKey()).isNull();
    assertThat(letter.getKeySize()).isNull();
    assertThat(letter.getKeySha256()).isNull();
    assertThat(letter.getValue()).isNull();
    assertThat(letter.getValueSize()).isNull();
    assertThat(letter.getValueSha256()).isNull();
    assertThat(letter.getDetail()).isEmpty();
    assertThat(letter.getTruncated()).isFalse();
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
