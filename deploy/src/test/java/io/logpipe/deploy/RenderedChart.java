package io.logpipe.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chart rendered in-process by {@code helm template} (helm-java: the helm library ships inside the jar, no network)
 * and parsed into fabric8's typed model; kinds fabric8 does not know (ScaledObject, KafkaTopic, ServiceMonitor) stay
 * {@link GenericKubernetesResource}s.
 */
final class RenderedChart {

  static final Path CHART = Path.of("helm", "logpipe");
  static final Path ALL_FEATURES = Path.of("src", "test", "resources", "all-features.yaml");
  static final String RELEASE = "logpipe";
  static final String NAMESPACE = "logging";

  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  private final List<HasMetadata> resources;

  RenderedChart(List<HasMetadata> resources) {
    this.resources = resources;
  }

  /** {@code helm template} with the chart's default values (rendered once per test JVM: the result is read-only). */
  static RenderedChart withDefaults() {
    return Shared.DEFAULTS;
  }

  /** {@code helm template} with every optional feature on ({@code all-features.yaml}), rendered once. */
  static RenderedChart withEveryFeature() {
    return Shared.EVERY_FEATURE;
  }

  /** Lazily rendered on first use, so a test class that needs neither pays for neither. */
  private static final class Shared {
    static final RenderedChart DEFAULTS = render(Optional.empty(), Map.of());
    static final RenderedChart EVERY_FEATURE = render(Optional.of(ALL_FEATURES), Map.of());
  }

  /** {@code helm template} with the default values and these {@code --set} overrides. */
  static RenderedChart with(Map<String, Object> sets) {
    return render(Optional.empty(), sets);
  }

  static RenderedChart render(Optional<Path> valuesFile, Map<String, Object> sets) {
    return new RenderedChart(parse(template(valuesFile, sets)));
  }

  /** The raw manifest text; throws {@link IllegalStateException} with helm's message when rendering fails. */
  static String template(Optional<Path> valuesFile, Map<String, Object> sets) {
    return template(RELEASE, valuesFile, sets);
  }

  /** As {@link #template(Optional, Map)} for a release of another name. */
  static String template(String release, Optional<Path> valuesFile, Map<String, Object> sets) {
    TemplateCommand template = new Helm(CHART).template().withName(release).withNamespace(NAMESPACE);
    valuesFile.ifPresent(file -> template.withValuesFile(file.toAbsolutePath()));
    sets.forEach(template::set);
    return template.call();
  }

  static List<HasMetadata> parse(String manifests) {
    return DOCUMENT_SEPARATOR.splitAsStream(manifests)
        .filter(document -> document.lines().anyMatch(line -> line.startsWith("kind:")))
        .map(document -> Serialization.unmarshal(document, HasMetadata.class))
        .toList();
  }

  List<HasMetadata> resources() {
    return resources;
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T one(Class<T> type, String name) {
    return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name + " in " + names()));
  }

  /** Resources of a kind fabric8 has no class for, e.g. {@code ScaledObject}. */
  List<GenericKubernetesResource> generic(String kind) {
    return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
  }

  /** Every pod template, by its workload's kind and name ({@code Deployment/logpipe-enricher}). */
  Map<String, PodTemplateSpec> podTemplates() {
    Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
    all(DaemonSet.class).forEach(d -> templates.put("DaemonSet/" + name(d), d.getSpec().getTemplate()));
    all(Deployment.class).forEach(d -> templates.put("Deployment/" + name(d), d.getSpec().getTemplate()));
    all(Job.class).forEach(j -> templates.put("Job/" + name(j), j.getSpec().getTemplate()));
    return templates;
  }

  /** Pod templates of the components that run until stopped (every workload but the topics Job). */
  Map<String, PodTemplateSpec> longRunningPodTemplates() {
    Map<String, PodTemplateSpec> templates = new LinkedHashMap<>(podTemplates());
    templates.keySet().removeIf(key -> key.startsWith("Job/"));
    return templates;
  }

  /** The first container of a workload's pod: every logpipe pod runs exactly one. */
  static Container container(PodTemplateSpec template) {
    return container(template.getSpec());
  }

  static Container container(PodSpec pod) {
    return pod.getContainers().get(0);
  }

  List<String> names() {
    return resources.stream().map(r -> r.getKind() + "/" + name(r)).toList();
  }

  static String name(HasMetadata resource) {
    return resource.getMetadata().getName();
  }

  static String component(String name) {
    return RELEASE + "-" + name;
  }
}
