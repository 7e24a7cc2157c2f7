package io.ecostream.streams.air;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.DeadLetter;
import io.ecostream.streams.intake.DeadLetters;
import io.ecostream.streams.intake.Intake;
import io.ecostream.streams.intake.IntakeCheck;
import io.ecostream.topics.InputKeys;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The air readings' intake, routing each record itself: decoded and validated as every input is
 * ({@link IntakeCheck}), then sent to one of three named children. A reading keyed by its city goes
 * straight on to its city's task ({@link #TO_CITY}), one keyed otherwise goes to its re-keying
 * ({@link #TO_REKEY}, keyed by its city already), and what cannot be used goes to the dead letters
 * ({@link #TO_DEAD_LETTERS}, keyed {@code topic/partition/offset}, without the input's headers).
 * Every reading passes here, so routing by child spares it the split, unwrap and branch steps a
 * typed stream would take one by one.
 */
final class AirReadingIntake implements Processor<String, byte[], String, Object> {

  static final String TO_CITY = "air-reading-input";
  static final String TO_REKEY = "air-readings-key-by-city";
  static final String TO_DEAD_LETTERS = "air-readings-dead-letter";

  private final IntakeCheck<AirReading> check;
  private ProcessorContext<String, Object> context;

  AirReadingIntake(IntakeCheck<AirReading> check) {
    this.check = check;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    Intake<AirReading> intake =
        check.check(context, record.key(), record.timestamp(), record.value());
    if (!intake.isAccepted()) {
      DeadLetter letter = intake.deadLetter();
      context.forward(
          record
              .<String>withKey(DeadLetters.key(letter))
              .<Object>withValue(letter)
              .withHeaders(new RecordHeaders()),
          TO_DEAD_LETTERS);
      return;
    }
    AirReading reading = intake.value();
    String city = InputKeys.of(reading);
    if (city.equals(record.key())) {
      context.forward(record.<Object>withValue(CityAirInput.reading(reading)), TO_CITY);
    } else {
      context.forward(record.withKey(city).<Object>withValue(reading), TO_REKEY);
    }
  }
}
