package io.ecostream.localkafka;

/**
 * The local broker could not start or has hit a fatal fault; the message is meant for the end user.
 */
public final class LocalKafkaException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LocalKafkaException(String message) {
    super(message);
  }

  public LocalKafkaException(String message, Throwable cause) {
    super(message, cause);
  }
}
