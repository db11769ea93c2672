package io.logpipe.enricher.meta;

import java.util.Optional;

/**
 * Names the top workload of a pod from its controller reference: a ReplicaSet made by a Deployment is reported as
 * the Deployment, a Job made by a CronJob as the CronJob; StatefulSets, DaemonSets and anything else are reported
 * as they are. This is what a user means by "the workload" (Vector and Fluent Bit report the ReplicaSet).
 *
 * <p>Only ReplicaSets and Jobs are looked through, one hop each, because those are the owners the enricher watches.
 * A ReplicaSet or Job not (yet) in the cache is reported as itself rather than guessed from its name.
 */
public final class OwnerResolver {

  /** Finds the controller of a watched intermediate owner (a ReplicaSet or Job) in a namespace. */
  @FunctionalInterface
  public interface ParentLookup {
    Optional<OwnerRef> controllerOf(String namespace, OwnerRef owner);
  }

  private final ParentLookup parents;

  public OwnerResolver(ParentLookup parents) {
    this.parents = parents;
  }

  /** The top workload of a pod whose controller is {@code controller}; empty for a bare pod (null controller). */
  public Optional<OwnerRef> topOf(String namespace, OwnerRef controller) {
    if (controller == null) {
      return Optional.empty();
    }
    if (!isLookedThrough(controller.kind())) {
      return Optional.of(controller);
    }
    return Optional.of(parents.controllerOf(namespace, controller).orElse(controller));
  }

  /** True for the kinds whose own controller names the workload (ReplicaSet → Deployment, Job → CronJob). */
  public static boolean isLookedThrough(String kind) {
    return OwnerRef.REPLICA_SET.equals(kind) || OwnerRef.JOB.equals(kind);
  }
}
