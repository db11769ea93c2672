package io.logpipe.deploy;

import static io.logpipe.deploy.RenderedChart.container;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a container of the rendered chart would see, recreated under a local directory: its environment (downward
 * API fields and Secret references given stand-in values), the files of its ConfigMap and Secret volumes, its
 * directories, and its command-line flags. Paths in the environment that point into a mount are moved under the
 * directory, so a component's configuration class can read them as it would in the pod.
 */
record PodEnvironment(Map<String, String> env, Map<String, String> flags) {

  /** A Secret's stand-in content: long enough for the redactor's hash key (at least 16 bytes). */
  static final String SECRET_STAND_IN = "stand-in-secret-value-0123456789";

  static PodEnvironment of(PodTemplateSpec template, RenderedChart chart, Path root) {
    Container container = container(template);
    List<VolumeMount> mounts = container.getVolumeMounts();
    for (VolumeMount mount : mounts) {
      Volume volume = template.getSpec().getVolumes().stream().filter(v -> v.getName().equals(mount.getName()))
          .findFirst().orElseThrow(() -> new AssertionError("mount of a missing volume " + mount.getName()));
      materialize(volume, chart, local(root, mount.getMountPath()));
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar e : container.getEnv()) {
      String value = e.getValueFrom() == null ? e.getValue() : standIn(e.getValueFrom());
      for (VolumeMount mount : mounts) {
        if (value.startsWith(mount.getMountPath() + "/") || value.equals(mount.getMountPath())) {
          value = local(root, value).toString();
        }
      }
      env.put(e.getName(), value);
    }
    return new PodEnvironment(Map.copyOf(env), flags(container.getArgs()));
  }

  /** {@code [sink, --backend, loki]} → {@code BACKEND=loki}: flags by their configuration names. */
  private static Map<String, String> flags(List<String> args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 1; i + 1 < args.size(); i += 2) {
      if (!args.get(i).startsWith("--")) {
        throw new AssertionError("unexpected argument " + args.get(i) + " in " + args);
      }
      flags.put(args.get(i).substring(2).replace('-', '_').toUpperCase(Locale.ROOT), args.get(i + 1));
    }
    return Map.copyOf(flags);
  }

  private static String standIn(EnvVarSource source) {
    if (source.getFieldRef() != null) {
      return switch (source.getFieldRef().getFieldPath()) {
        case "spec.nodeName" -> "node-1";
        case "metadata.name" -> "pod-1";
        case "metadata.namespace" -> RenderedChart.NAMESPACE;
        default -> throw new AssertionError("unexpected field " + source.getFieldRef().getFieldPath());
      };
    }
    if (source.getSecretKeyRef() != null) {
      return SECRET_STAND_IN;
    }
    throw new AssertionError("unexpected env source " + source);
  }

  private static void materialize(Volume volume, RenderedChart chart, Path dir) {
    try {
      Files.createDirectories(dir);
      if (volume.getConfigMap() != null) {
        ConfigMap map = chart.one(ConfigMap.class, volume.getConfigMap().getName());
        for (Map.Entry<String, String> file : map.getData().entrySet()) {
          Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
      } else if (volume.getSecret() != null) {
        List<KeyToPath> items = volume.getSecret().getItems();
        for (KeyToPath item : items == null ? List.<KeyToPath>of() : items) {
          Files.write(dir.resolve(item.getPath()), SECRET_STAND_IN.getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path local(Path root, String absolute) {
    return root.resolve(absolute.substring(1));
  }
}
