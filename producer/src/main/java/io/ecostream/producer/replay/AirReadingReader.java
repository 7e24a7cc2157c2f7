package io.ecostream.producer.replay;

import io.ecostream.avro.AirReading;

/** Reads one file of historical hourly air readings; see {@link ReplayReader}. */
public interface AirReadingReader extends ReplayReader<AirReading> {}
