package io.ecostream.producer.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns the FILE arguments of {@code replay} into the list of files to read. */
public final class ReplayFiles {

  private ReplayFiles() {}

  /**
   * Files as given; a directory stands for its {@code *.csv} and {@code *.csv.gz} files (not those
   * of its subdirectories), sorted by name; for ndjson its {@code *.ndjson} and {@code *.jsonl}
   * files, plain or gzip. A file named twice is read once.
   *
   * @throws IllegalArgumentException with a one-line message for a path that does not exist, cannot
   *     be read, or is a directory without such files
   */
  public static List<Path> expand(List<Path> arguments) {
    return expand(arguments, null);
  }

  /**
   * As {@link #expand(List)}, but a directory leaves out the files that come with the format's data
   * without being data ({@link ReplayFormat#isCompanionFile}: cnemc-water's {@code stations.csv}).
   */
  public static List<Path> expand(List<Path> arguments, ReplayFormat format) {
    Set<Path> files = new LinkedHashSet<>();
    Set<Path> seen = new HashSet<>();
    for (Path argument : arguments) {
      if (Files.isDirectory(argument)) {
        List<String> suffixes =
            format == null ? ReplayFormat.CSV.fileSuffixes() : format.fileSuffixes();
        List<Path> inside =
            dataFilesIn(argument, suffixes).stream()
                .filter(f -> format == null || !format.isCompanionFile(f))
                .toList();
        if (inside.isEmpty()) {
          throw new IllegalArgumentException(
              "directory "
                  + argument
                  + " holds no "
                  + suffixes.stream().map(x -> "*" + x).collect(Collectors.joining(" or "))
                  + " file");
        }
        inside.forEach(f -> add(f, files, seen));
      } else if (!Files.exists(argument)) {
        throw new IllegalArgumentException("no such file or directory: " + argument);
      } else if (!Files.isReadable(argument) || !Files.isRegularFile(argument)) {
        throw new IllegalArgumentException("cannot read " + argument);
      } else {
        add(argument, files, seen);
      }
    }
    return List.copyOf(files);
  }

  private static void add(Path file, Set<Path> files, Set<Path> seen) {
    if (seen.add(file.toAbsolutePath().normalize())) {
      files.add(file);
    }
  }

  private static List<Path> dataFilesIn(Path directory, List<String> suffixes) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(file -> hasSuffix(file, suffixes))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .collect(Collectors.toCollection(ArrayList::new));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot list directory " + directory + ": " + e.getMessage(), e);
    }
  }

  static boolean isDataFile(Path file) {
    return hasSuffix(file, ReplayFormat.CSV.fileSuffixes());
  }

  private static boolean hasSuffix(Path file, List<String> suffixes) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return suffixes.stream().anyMatch(name::endsWith);
  }
}
