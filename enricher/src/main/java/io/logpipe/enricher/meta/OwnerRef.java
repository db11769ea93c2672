package io.logpipe.enricher.meta;

import java.util.Objects;

/** A workload that owns a pod or another workload, e.g. {@code Deployment/web}. */
public record OwnerRef(String kind, String name) {

  public static final String REPLICA_SET = "ReplicaSet";
  public static final String DEPLOYMENT = "Deployment";
  public static final String JOB = "Job";
  public static final String CRON_JOB = "CronJob";
  public static final String STATEFUL_SET = "StatefulSet";
  public static final String DAEMON_SET = "DaemonSet";

  public OwnerRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }
}
