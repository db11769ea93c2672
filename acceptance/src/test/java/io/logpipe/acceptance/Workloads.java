package io.logpipe.acceptance;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster of the run: six namespaces, pods owned by every kind of workload the enricher resolves (ReplicaSet →
 * Deployment, Job → CronJob, StatefulSet, DaemonSet), containers writing CRI or docker json-file logs, each with the
 * stack traces of its language. One pod ({@link #DELETED}) is deleted from the API before its lines are read.
 */
final class Workloads {

  static final String NODE = "node-a";
  static final String ZONE = "zone-a";
  static final List<String> NAMESPACES = List.of("shop", "payments", "data", "web", "ops", "batch");
  /** The pod deleted from the API before the shipper starts, its log directory removed once it is shipped. */
  static final String DELETED = "reindex-7b6c5d4e3-t5r4e";

  /** How a container runtime writes the file. */
  enum Format { CRI, DOCKER }

  /** The stack traces a container prints. */
  enum Language { JAVA, PYTHON, GO, NODE, RUBY, DOTNET, PHP, NONE }

  /** The controller of a pod and the workload the enricher must report for it. */
  record Owner(String controllerKind, String controllerName, String workloadKind, String workloadName) {
    static Owner deployment(String name, String hash) {
      return new Owner("ReplicaSet", name + "-" + hash, "Deployment", name);
    }

    static Owner cronJob(String name, String run) {
      return new Owner("Job", name + "-" + run, "CronJob", name);
    }

    static Owner direct(String kind, String name) {
      return new Owner(kind, name, kind, name);
    }
  }

  record ContainerSpec(String name, Format format, Language language) {}

  /** {@code labels} are the pod's; Loki's {@code app} label is the name label, else {@code app}, else the workload. */
  record PodSpec(String namespace, String name, Owner owner, Map<String, String> labels,
      List<ContainerSpec> containers) {

    String lokiApp() {
      return Optional.ofNullable(labels.get("app.kubernetes.io/name")).or(() -> Optional.ofNullable(labels.get("app")))
          .orElse(owner.workloadName());
    }
  }

  static List<PodSpec> pods() {
    return List.of(
        new PodSpec("shop", "checkout-7d9f6c5b4-x2k8q", Owner.deployment("checkout", "7d9f6c5b4"),
            Map.of("app.kubernetes.io/name", "checkout", "tier", "web"), List.of(
                new ContainerSpec("app", Format.CRI, Language.JAVA),
                new ContainerSpec("envoy", Format.CRI, Language.NONE))),
        new PodSpec("shop", "cart-5c4b3a2d1-q8w7e", Owner.deployment("cart", "5c4b3a2d1"), Map.of(), List.of(
            new ContainerSpec("app", Format.CRI, Language.NODE))),
        new PodSpec("payments", "payments-api-6f5e4d3c2-m4n5b", Owner.deployment("payments-api", "6f5e4d3c2"),
            Map.of("app", "payments-api"), List.of(
                new ContainerSpec("api", Format.DOCKER, Language.JAVA))),
        new PodSpec("payments", "ledger-0", Owner.direct("StatefulSet", "ledger"), Map.of("app", "ledger"), List.of(
            new ContainerSpec("ledger", Format.CRI, Language.DOTNET))),
        new PodSpec("data", "etl-29384756-qwert", Owner.cronJob("etl", "29384756"), Map.of(), List.of(
            new ContainerSpec("worker", Format.CRI, Language.PYTHON))),
        new PodSpec("data", "ingest-5f4d3c2b1-abcde", Owner.deployment("ingest", "5f4d3c2b1"),
            Map.of("app.kubernetes.io/name", "ingest"), List.of(
                new ContainerSpec("main", Format.DOCKER, Language.GO))),
        new PodSpec("web", "frontend-6b5a4c3d2-zz9yx", Owner.deployment("frontend", "6b5a4c3d2"),
            Map.of("app.kubernetes.io/name", "frontend"), List.of(
                new ContainerSpec("nginx", Format.CRI, Language.NONE),
                new ContainerSpec("ssr", Format.CRI, Language.NODE))),
        new PodSpec("ops", "node-agent-x7k2p", Owner.direct("DaemonSet", "node-agent"), Map.of(), List.of(
            new ContainerSpec("agent", Format.CRI, Language.RUBY))),
        new PodSpec("ops", "status-page-8c7b6a5d4-w3e2r", Owner.deployment("status-page", "8c7b6a5d4"), Map.of(),
            List.of(new ContainerSpec("php", Format.CRI, Language.PHP))),
        new PodSpec("batch", DELETED, Owner.deployment("reindex", "7b6c5d4e3"), Map.of("app", "reindex"), List.of(
            new ContainerSpec("job", Format.CRI, Language.GO))),
        new PodSpec("batch", "report-28999990-zxcvb", Owner.cronJob("report", "28999990"), Map.of(), List.of(
            new ContainerSpec("report", Format.CRI, Language.PYTHON))));
  }

  private Workloads() {}
}
