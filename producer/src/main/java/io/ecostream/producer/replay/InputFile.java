package io.ecostream.producer.replay;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A text file read line by line, plain or gzip-compressed. Compression is recognised by the gzip
 * magic bytes rather than the name, so a renamed file still reads. Counts the bytes taken from the
 * disk so that progress can be told as a share of the input.
 */
final class InputFile implements Closeable {

  private static final int BUFFER = 1 << 16;
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Path path;
  private final long size;
  private final CountingInputStream raw;
  private final BufferedReader reader;
  private long lineNumber;

  private InputFile(Path path, long size, CountingInputStream raw, BufferedReader reader) {
    this.path = path;
    this.size = size;
    this.raw = raw;
    this.reader = reader;
  }

  static InputFile open(Path path) throws IOException {
    long size = Files.size(path);
    CountingInputStream raw = new CountingInputStream(Files.newInputStream(path));
    try {
      BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
      InputStream content = isGzip(buffered) ? new GZIPInputStream(buffered, BUFFER) : buffered;
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), BUFFER);
      return new InputFile(path, size, raw, reader);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == 0x1f && second == 0x8b;
  }

  Path path() {
    return path;
  }

  /** The next line without its line end (LF or CRLF), or null at the end of the file. */
  String readLine() throws IOException {
    String line = reader.readLine();
    if (line == null) {
      return null;
    }
    lineNumber++;
    if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
      return line.substring(1);
    }
    return line;
  }

  /** 1-based number of the line last read. */
  long lineNumber() {
    return lineNumber;
  }

  long size() {
    return size;
  }

  /** Bytes of the file read so far (compressed bytes for a gzip file). */
  long bytesRead() {
    return raw.count;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
