package io.ecostream.streams.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalDaysTest {

  /** 2025-01-01 as an epoch day: 55 years of 365 days and 14 leap days. */
  private static final long NEW_YEAR_2025 = 20_089;

  @Test
  void shouldBoundABeijingDayByWholeHours() {
    LocalDays days = new LocalDays(ZoneId.of("Asia/Shanghai"));

    // 2025-01-01 00:00 +08:00 = 2024-12-31 16:00 UTC = hour 20 088 × 24 + 16.
    assertThat(days.firstHour(NEW_YEAR_2025)).isEqualTo(482_128);
    assertThat(days.endHour(NEW_YEAR_2025)).isEqualTo(482_152);
    assertThat(days.wholeHours(NEW_YEAR_2025)).isTrue();
    assertThat(days.epochDay(482_127)).isEqualTo(NEW_YEAR_2025 - 1);
    assertThat(days.epochDay(482_128)).isEqualTo(NEW_YEAR_2025);
    assertThat(days.epochDay(482_151)).isEqualTo(NEW_YEAR_2025);
    assertThat(days.epochDay(482_152)).isEqualTo(NEW_YEAR_2025 + 1);
  }

  @Test
  void shouldPutAnHourThatStartsBeforeAHalfHourMidnightInTheDayBefore() {
    LocalDays days = new LocalDays(ZoneId.of("Asia/Kolkata"));

    // 2025-01-01 00:00 +05:30 = 2024-12-31 18:30 UTC, within hour 482 130 (18:00 UTC, 23:30 local).
    assertThat(days.firstHour(NEW_YEAR_2025)).isEqualTo(482_130);
    assertThat(days.wholeHours(NEW_YEAR_2025)).isFalse();
    assertThat(days.epochDay(482_130)).isEqualTo(NEW_YEAR_2025 - 1);
    assertThat(days.epochDay(482_131)).isEqualTo(NEW_YEAR_2025);
  }

  @Test
  void shouldGiveADaylightSavingDayItsTwentyThreeHours() {
    LocalDays days = new LocalDays(ZoneId.of("Europe/Berlin"));
    long march30 = NEW_YEAR_2025 + 31 + 28 + 29;

    // 2025-03-30 begins at 23:00 UTC the day before (+01:00) and ends at 22:00 UTC (+02:00).
    assertThat(days.firstHour(march30)).isEqualTo((march30 - 1) * 24 + 23);
    assertThat(days.endHour(march30)).isEqualTo(march30 * 24 + 22);
    assertThat(days.wholeHours(march30)).isFalse();
    assertThat(days.epochDay(march30 * 24 + 21)).isEqualTo(march30);
    assertThat(days.epochDay(march30 * 24 + 22)).isEqualTo(march30 + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Asia/Shanghai", "Asia/Kolkata", "Europe/Berlin", "America/St_Johns"})
  void shouldGiveEachHourTheLocalDateOfItsStartWhateverTheOrderOfQuestions(String zoneId) {
    ZoneId zone = ZoneId.of(zoneId);
    LocalDays days = new LocalDays(zone);
    Random random = new Random(11);
    long hour = 482_000;
    for (int i = 0; i < 5_000; i++) {
      // Mostly the next hour, as readings come; now and then a jump back or ahead.
      hour += random.nextInt(10) == 0 ? random.nextInt(200) - 100 : 1;
      long expected = LocalDate.ofInstant(Instant.ofEpochSecond(hour * 3600), zone).toEpochDay();

      assertThat(days.epochDay(hour)).as("hour %d", hour).isEqualTo(expected);
      if (i % 7 == 0) {
        days.firstHour(expected + random.nextInt(3) - 1); // moves what is remembered
      }
    }
  }
}
