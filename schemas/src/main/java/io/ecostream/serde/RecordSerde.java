package io.ecostream.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** A serde of one generated Avro record type, whatever the bytes look like on the topic. */
public interface RecordSerde<T extends SpecificRecord> extends Serde<T> {

  /** The generated class of the values, and so their Avro schema. */
  Class<T> type();
}
