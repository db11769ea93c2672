package io.logpipe.runtime.health;

import io.logpipe.runtime.logging.RateLimitingTurboFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The metrics of one service: a Prometheus registry with JVM and process meters and the common tag
 * {@code service}, the Kafka clients' own metrics, and intent-named outcome counters shared by every stage.
 *
 * <p>One counter per outcome with a bounded {@code reason} label (DESIGN.md, "Metrics through intent-named
 * methods"): {@code logpipe_records_dropped_total{stage,reason}} and
 * {@code logpipe_dead_letters_total{stage,error}}. Stage names come from code; error classes are capped.
 */
public final class ServiceMetrics implements AutoCloseable {

  /** Prometheus name {@code logpipe_records_dropped_total}. */
  public static final String RECORDS_DROPPED = "logpipe.records.dropped";
  /** Prometheus name {@code logpipe_dead_letters_total}. */
  public static final String DEAD_LETTERS = "logpipe.dead.letters";
  /** Prometheus name {@code logpipe_log_messages_suppressed_total}: the pipeline's own logs, rate-limited. */
  public static final String LOG_MESSAGES_SUPPRESSED = "logpipe.log.messages.suppressed";

  private static final int MAX_ERROR_CLASSES = 32;

  private final PrometheusMeterRegistry registry;
  private final BoundedLabels errorClasses = new BoundedLabels(MAX_ERROR_CLASSES);
  private final List<Runnable> bindings = new ArrayList<>();

  private ServiceMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** A registry tagged {@code service=<service>} with JVM, GC, thread, CPU, uptime and file descriptor meters. */
  public static ServiceMetrics create(String service) {
    ServiceMetrics metrics = bare(service);
    JvmGcMetrics gc = new JvmGcMetrics();
    metrics.bindClosing(gc, gc::close);
    for (MeterBinder binder : List.of(new JvmMemoryMetrics(), new JvmThreadMetrics(), new ClassLoaderMetrics(),
        new ProcessorMetrics(), new UptimeMetrics(), new FileDescriptorMetrics())) {
      binder.bindTo(metrics.registry);
    }
    RateLimitingTurboFilter.installed().ifPresent(filter -> FunctionCounter.builder(LOG_MESSAGES_SUPPRESSED, filter,
        RateLimitingTurboFilter::suppressedTotal).description("Log messages suppressed by the rate limit")
        .register(metrics.registry));
    return metrics;
  }

  /** A registry with only the common tag and the outcome counters: for tests. */
  public static ServiceMetrics bare(String service) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("service", Objects.requireNonNull(service, "service"));
    return new ServiceMetrics(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** One record dropped on purpose by {@code stage}. */
  public void recordsDropped(String stage, Reason reason) {
    recordsDropped(stage, reason, 1);
  }

  /** {@code count} records dropped on purpose by {@code stage}. */
  public void recordsDropped(String stage, Reason reason, long count) {
    droppedCounter(stage, reason).increment(count);
  }

  /** How many records {@code stage} dropped for {@code reason} so far. */
  public double droppedCount(String stage, Reason reason) {
    return droppedCounter(stage, reason).count();
  }

  /** One record sent to the dead-letter topic by {@code stage} because of an error of class {@code errorClass}. */
  public void deadLettered(String stage, String errorClass) {
    deadLetterCounter(stage, errorClass).increment();
  }

  /** How many records {@code stage} dead-lettered for {@code errorClass} so far. */
  public double deadLetteredCount(String stage, String errorClass) {
    return deadLetterCounter(stage, errorClass).count();
  }

  public void bind(Producer<?, ?> producer) {
    KafkaClientMetrics binding = new KafkaClientMetrics(producer);
    bindClosing(binding, binding::close);
  }

  public void bind(Consumer<?, ?> consumer) {
    KafkaClientMetrics binding = new KafkaClientMetrics(consumer);
    bindClosing(binding, binding::close);
  }

  /** Binds an admin client ({@code Admin.create} returns an {@link AdminClient}, which Micrometer needs). */
  public void bind(Admin admin) {
    if (!(admin instanceof AdminClient client)) {
      throw new IllegalArgumentException("cannot bind metrics of " + admin.getClass().getName());
    }
    KafkaClientMetrics binding = new KafkaClientMetrics(client);
    bindClosing(binding, binding::close);
  }

  public void bind(KafkaStreams streams) {
    KafkaStreamsMetrics binding = new KafkaStreamsMetrics(streams);
    bindClosing(binding, binding::close);
  }

  /** Stops the Kafka and GC bindings and closes the registry. */
  @Override
  public void close() {
    synchronized (bindings) {
      bindings.forEach(Runnable::run);
      bindings.clear();
    }
    registry.close();
  }

  private void bindClosing(MeterBinder binding, Runnable unbind) {
    binding.bindTo(registry);
    synchronized (bindings) {
      bindings.add(unbind);
    }
  }

  private Counter droppedCounter(String stage, Reason reason) {
    return Counter.builder(RECORDS_DROPPED).description("Records dropped on purpose, by stage and reason")
        .tag("stage", stage).tag("reason", reason.label()).register(registry);
  }

  private Counter deadLetterCounter(String stage, String errorClass) {
    return Counter.builder(DEAD_LETTERS).description("Records sent to the dead-letter topic, by stage and error")
        .tag("stage", stage).tag("error", errorClasses.admit(errorClass)).register(registry);
  }
}
