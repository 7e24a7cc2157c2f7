package io.ecostream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {

  private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");

  private final List<String> log = new ArrayList<>();

  private static StreamsException brokerAwayTooLong() {
    return new StreamsException(
        new TimeoutException("Timeout of 60000ms expired before the position could be determined"));
  }

  @Test
  void shouldReplaceAThreadKilledByAClusterOutage() {
    StreamThreadFailures failures =
        new StreamThreadFailures(Clock.fixed(T0, ZoneOffset.UTC), log::add);

    assertThat(failures.handle(brokerAwayTooLong()))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    assertThat(failures.fatal()).isEmpty();
    assertThat(log)
        .singleElement()
        .asString()
        .startsWith("a stream thread died of a cluster error, replacing it (1 of at most 5");
  }

  @Test
  void shouldStopTheClientOnAnyOtherError() {
    StreamThreadFailures failures =
        new StreamThreadFailures(Clock.fixed(T0, ZoneOffset.UTC), log::add);
    StreamsException bug = new StreamsException(new SerializationException("bad record"));

    assertThat(failures.handle(bug)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    assertThat(failures.fatal()).contains(bug);
    assertThat(log).singleElement().asString().startsWith("fatal error in a stream thread: ");
  }

  @Test
  void shouldStopTheClientWhenOutagesKillMoreThreadsThanTheBudgetWithinTheWindow() {
    StreamThreadFailures failures =
        new StreamThreadFailures(Clock.fixed(T0, ZoneOffset.UTC), log::add);
    List<StreamThreadExceptionResponse> responses = new ArrayList<>();
    for (int i = 0; i <= StreamThreadFailures.MAX_REPLACEMENTS; i++) {
      responses.add(failures.handle(brokerAwayTooLong()));
    }

    assertThat(responses.subList(0, StreamThreadFailures.MAX_REPLACEMENTS))
        .containsOnly(StreamThreadExceptionResponse.REPLACE_THREAD);
    assertThat(responses.get(StreamThreadFailures.MAX_REPLACEMENTS))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }

  @Test
  void shouldForgetReplacementsOlderThanTheWindow() {
    Instant[] now = {T0};
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now[0];
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    StreamThreadFailures failures = new StreamThreadFailures(clock, log::add);
    for (int i = 0; i < StreamThreadFailures.MAX_REPLACEMENTS; i++) {
      failures.handle(brokerAwayTooLong());
    }
    now[0] = T0.plus(StreamThreadFailures.WINDOW).plus(Duration.ofSeconds(1));

    assertThat(failures.handle(brokerAwayTooLong()))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }
}
