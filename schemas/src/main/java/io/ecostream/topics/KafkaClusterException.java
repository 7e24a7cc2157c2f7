package io.ecostream.topics;

/**
 * The cluster cannot serve a command: no broker answers, a topic it needs is missing, or the
 * cluster refuses the client. The message is one line that names the address and what to do.
 */
public final class KafkaClusterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KafkaClusterException(String message) {
    super(message);
  }

  public KafkaClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
