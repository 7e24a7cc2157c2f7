package io.ecostream.cli.bench;

import io.ecostream.cli.BenchCommand.Phase;
import io.ecostream.topics.EcostreamTopics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One {@code bench} run on a cluster: the readings simulated once, an untimed warm-up of each phase
 * kind, then the timed phases in order, each reported on stderr as it ends.
 *
 * @param records readings per throughput phase
 * @param warmup readings of the warm-up, 0 for none
 * @param warmupRounds at most this many warm-up runs of each phase kind ({@link WarmUp})
 * @param latencyRate readings per second of the latency phase
 * @param externalCluster the cluster is not the bench's own: its topics are deleted at the end
 */
public record BenchSession(
    int records,
    int warmup,
    int warmupRounds,
    int latencyRate,
    Duration latencyDuration,
    long seed,
    boolean externalCluster) {

  public List<PhaseResult> run(
      PrintWriter err,
      Properties client,
      Path dir,
      StationNetwork network,
      Set<Phase> selected,
      List<Guarantee> guarantees)
      throws Exception {
    String runId = "ecostream-bench-" + UUID.randomUUID().toString().substring(0, 8);
    long latencyRecords = latencyRate * latencyDuration.toSeconds();
    int needed =
        (int)
            Math.max(
                Math.max(selected.contains(Phase.LATENCY) ? latencyRecords : 0, warmup),
                selected.stream().anyMatch(p -> p != Phase.LATENCY) ? records : 0);
    say(err, "simulating %d readings of %s (seed %d)", needed, network, seed);
    BenchData data = BenchData.simulate(EcostreamTopics.withDefaultPrefix(), network, seed, needed);
    List<PhaseResult> results = new ArrayList<>();
    try (BenchRunner runner =
        new BenchRunner(client, dir.resolve("state"), runId, line -> say(err, "%s", line))) {
      try {
        if (warmup > 0) {
          warmUp(
              err,
              round ->
                  new BenchRunner(
                      client,
                      dir.resolve("state"),
                      runId + "-warmup" + round,
                      line -> say(err, "%s", line)),
              data,
              selected,
              guarantees);
        }
        List<BenchData.Reading> throughputInput = data.first(records);
        if (selected.contains(Phase.PRODUCER)) {
          results.add(report(err, runner.producer(throughputInput)));
        } else if (selected.contains(Phase.PASSTHROUGH)) {
          runner.preload(throughputInput, runner.baselineTopic());
        }
        Map<Guarantee, Double> baselines = new HashMap<>();
        if (selected.contains(Phase.PASSTHROUGH)) {
          for (Guarantee g : guarantees) {
            PhaseResult result =
                report(err, runner.passThrough(runner.baselineTopic(), throughputInput.size(), g));
            baselines.put(g, result.recordsPerSecond());
            results.add(result);
          }
        }
        if (selected.contains(Phase.FLOOR)) {
          for (Guarantee g : guarantees) {
            results.add(report(err, runner.floor(throughputInput, g, baselines.get(g))));
          }
        }
        if (selected.contains(Phase.KERNEL)) {
          for (Guarantee g : guarantees) {
            results.add(report(err, runner.kernel(throughputInput, g, baselines.get(g))));
          }
        }
        if (selected.contains(Phase.TOPOLOGY)) {
          for (Guarantee g : guarantees) {
            results.add(
                report(
                    err, runner.topology(data.stations(), throughputInput, g, baselines.get(g))));
          }
        }
        if (selected.contains(Phase.TASK)) {
          results.add(report(err, runner.task(data.stations(), throughputInput)));
        }
        if (selected.contains(Phase.LATENCY)) {
          List<BenchData.Reading> paced = data.first((int) latencyRecords);
          for (Guarantee g : guarantees) {
            say(err, "latency %s: %d readings at %d/s", g, paced.size(), latencyRate);
            results.add(report(err, runner.latency(data.stations(), paced, latencyRate, g)));
          }
        }
      } finally {
        if (externalCluster) {
          runner.deleteTopics();
        }
      }
    }
    return results;
  }

  /**
   * The selected phase kinds, on the first readings, untimed and unreported, each until the JIT has
   * settled on it ({@link WarmUp}), so that the timed phases all run on a JIT that has compiled the
   * client, Streams and Avro paths and none of them pays the warm-up for the others (the first
   * phase of a cold JVM used to look slowest). The latency phase warms on the topology. Each round
   * has topics of its own, which stay until the end of the session (deleted with the run's own on a
   * real cluster, with the broker otherwise): deleted right away, the broker would be removing
   * their logs while the timed phases run.
   */
  private void warmUp(
      PrintWriter err,
      IntFunction<BenchRunner> roundRunner,
      BenchData data,
      Set<Phase> selected,
      List<Guarantee> guarantees)
      throws Exception {
    List<BenchData.Reading> input = data.first(warmup);
    say(
        err,
        "warm-up: %d readings per phase kind, untimed, up to %d rounds until the JIT settles",
        input.size(),
        warmupRounds);
    List<Function<BenchRunner, PhaseResult>> steps = new ArrayList<>();
    if (selected.contains(Phase.PRODUCER) || selected.contains(Phase.PASSTHROUGH)) {
      steps.add(runner -> runner.producer(input));
    }
    if (selected.contains(Phase.TASK)) {
      steps.add(runner -> runner.task(data.stations(), input));
    }
    for (Guarantee g : guarantees) {
      if (selected.contains(Phase.PASSTHROUGH)) {
        // Its input is the producer step's topic of the same round, or written here.
        steps.add(
            runner -> {
              runner.ensureBaseline(input);
              return runner.passThrough(runner.baselineTopic(), input.size(), g);
            });
      }
      if (selected.contains(Phase.FLOOR)) {
        steps.add(runner -> runner.floor(input, g, null));
      }
      if (selected.contains(Phase.KERNEL)) {
        steps.add(runner -> runner.kernel(input, g, null));
      }
      if (selected.contains(Phase.TOPOLOGY) || selected.contains(Phase.LATENCY)) {
        steps.add(runner -> runner.topology(data.stations(), input, g, null));
      }
    }
    new WarmUp<>(warmupRounds, roundRunner, line -> say(err, "%s", line)).run(steps);
  }

  private static PhaseResult report(PrintWriter err, PhaseResult result) {
    say(err, "%s", BenchTable.summary(result));
    return result;
  }

  private static void say(PrintWriter err, String format, Object... args) {
    err.println("ecostream bench: " + String.format(Locale.ROOT, format, args));
    err.flush();
  }
}
