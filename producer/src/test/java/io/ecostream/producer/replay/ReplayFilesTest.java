package io.ecostream.producer.replay;

import static io.ecostream.producer.fixtures.ReplayFixtures.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayFilesTest {

  @TempDir Path dir;

  @Test
  void shouldExpandADirectoryToItsCsvAndGzipFilesSortedByName() throws IOException {
    Path data = Files.createDirectory(dir.resolve("data"));
    Path b = file(data, "b.csv.gz", "");
    Path a = file(data, "a.csv", "");
    file(data, "README.md", "");
    Files.createDirectory(data.resolve("nested.csv"));
    Path single = file(dir, "single.csv", "");

    assertThat(ReplayFiles.expand(List.of(single, data))).containsExactly(single, a, b);
  }

  @Test
  void shouldReadAFileNamedTwiceOnce() {
    Path a = file(dir, "a.csv", "");

    assertThat(ReplayFiles.expand(List.of(a, dir, dir.resolve("./a.csv")))).containsExactly(a);
  }

  @Test
  void shouldNameAMissingFileOrAnEmptyDirectory() throws IOException {
    Path missing = dir.resolve("missing.csv");
    Path empty = Files.createDirectory(dir.resolve("empty"));

    assertThatThrownBy(() -> ReplayFiles.expand(List.of(missing)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no such file or directory: " + missing);
    assertThatThrownBy(() -> ReplayFiles.expand(List.of(empty)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("directory " + empty + " holds no *.csv or *.csv.gz file");
  }
}
