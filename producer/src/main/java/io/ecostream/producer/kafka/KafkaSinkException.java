package io.ecostream.producer.kafka;

/** A record could not be delivered to Kafka. */
public final class KafkaSinkException extends RuntimeException {

  public KafkaSinkException(String message, Throwable cause) {
    super(message, cause);
  }
}
