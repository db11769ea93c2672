package io.logpipe.events.it;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.logpipe.events.EventsCollectorConfig;
import io.logpipe.events.EventsCollectorConfig.LeaseSettings;
import io.logpipe.events.collector.EventsCollector;
import io.logpipe.events.collector.EventsMetrics;
import io.logpipe.runtime.config.HttpSettings;
import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.testkit.KafkaBroker;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Test wiring: a collector deployment's settings on the shared broker, and collectors running on a thread. */
final class Collectors {

  private final KafkaBroker broker;
  private final KubernetesClient client;
  final String outputTopic;
  final String stateTopic;
  private final String deployment;

  Collectors(KafkaBroker broker, KubernetesClient client) {
    this.broker = broker;
    this.client = client;
    this.outputTopic = broker.uniqueName("events-out");
    this.stateTopic = broker.uniqueName("events-state");
    this.deployment = broker.uniqueName("collector");
    broker.createTopic(outputTopic, 3);
  }

  EventsCollectorConfig config(String identity) {
    // Short lease timings so a take-over happens within seconds (client-go's ratios kept).
    return new EventsCollectorConfig(new KafkaSettings(broker.bootstrapServers(), Map.of()), new HttpSettings(0),
        deployment, deployment, outputTopic, stateTopic, Duration.ofDays(7), Duration.ofDays(1),
        new LeaseSettings("default", deployment, identity, Duration.ofSeconds(3), Duration.ofSeconds(2),
            Duration.ofMillis(300)),
        500, Duration.ofSeconds(30));
  }

  Running start(String identity) {
    EventsMetrics metrics = new EventsMetrics(ServiceMetrics.bare("k8s-events"));
    EventsCollector collector = new EventsCollector(config(identity), client, metrics, Clock.systemUTC());
    return new Running(collector, metrics);
  }

  /** A collector on its own thread until closed; close fails the test if run() threw. */
  static final class Running implements AutoCloseable {
    final EventsCollector collector;
    final EventsMetrics metrics;
    final HealthState health = new HealthState();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    Running(EventsCollector collector, EventsMetrics metrics) {
      this.collector = collector;
      this.metrics = metrics;
      this.thread = new Thread(() -> {
        try {
          collector.run(health);
        } catch (Throwable e) {
          failure.set(e);
        }
      }, "collector");
      thread.start();
    }

    boolean isLeader() {
      return collector.isLeader();
    }

    @Override
    public void close() {
      collector.stop();
      try {
        thread.join(Duration.ofSeconds(20).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while stopping the collector", e);
      }
      if (thread.isAlive()) {
        throw new AssertionError("the collector did not stop within 20 s");
      }
      if (failure.get() != null) {
        throw new AssertionError("the collector failed", failure.get());
      }
    }
  }
}
