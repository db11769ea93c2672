package io.logpipe.enricher.tool;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.logpipe.enricher.cache.MetadataCache;
import io.logpipe.enricher.meta.ObjectTrimmer;
import io.logpipe.enricher.meta.OwnerRef;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes objects from a multi-document YAML (or JSON) file, as {@code kubectl get -o yaml} prints them (a
 * {@code List} included), loaded into a fixed {@link MetadataCache} through the same trimming as the informers.
 * Kinds the enricher does not read (Deployments, CronJobs, Services, …) are accepted and skipped: their names come
 * from the owner references of pods, ReplicaSets and Jobs.
 */
public final class ObjectsFile {

  private final Map<String, Pod> podsByName = new HashMap<>();
  private final ObjectTrimmer trimmer;
  private final MetadataCache cache;

  private ObjectsFile(ObjectTrimmer trimmer, MetadataCache cache) {
    this.trimmer = trimmer;
    this.cache = cache;
  }

  /** Reads every object of {@code in} into {@code cache}, then marks it ready. */
  public static ObjectsFile load(InputStream in, ObjectTrimmer trimmer, MetadataCache cache) {
    ObjectsFile file = new ObjectsFile(trimmer, cache);
    for (HasMetadata object : parse(in)) {
      file.add(object);
    }
    cache.markReady();
    return file;
  }

  /**
   * A pod written by hand often has no UID, or not the one in the log path: it is matched by namespace and name,
   * and cached under the path's UID on first use.
   */
  public void adoptByName(String namespace, String name, String uid) {
    Pod pod = podsByName.get(namespace + '/' + name);
    if (pod != null && !uid.equals(pod.getMetadata().getUid())) {
      Pod copy = new PodBuilder(pod).editMetadata().withUid(uid).endMetadata()
          .build();
      cache.putPod(trimmer.pod(copy));
    }
  }

  public int pods() {
    return podsByName.size();
  }

  static List<HasMetadata> parse(InputStream in) {
    Object parsed = new KubernetesSerialization().unmarshal(in);
    List<HasMetadata> objects = new ArrayList<>();
    flatten(parsed, objects);
    return objects;
  }

  private static void flatten(Object parsed, List<HasMetadata> into) {
    if (parsed instanceof KubernetesList list) {
      list.getItems().forEach(item -> flatten(item, into));
    } else if (parsed instanceof List<?> list) {
      list.forEach(item -> flatten(item, into));
    } else if (parsed instanceof HasMetadata object) {
      into.add(object);
    }
  }

  private void add(HasMetadata object) {
    if (object.getMetadata() == null || object.getMetadata().getName() == null) {
      return;
    }
    if (object instanceof Pod pod) {
      String namespace = Optional.ofNullable(pod.getMetadata().getNamespace()).orElse("default");
      pod.getMetadata().setNamespace(namespace);
      podsByName.put(namespace + '/' + pod.getMetadata().getName(), pod);
      if (pod.getMetadata().getUid() != null) {
        cache.putPod(trimmer.pod(pod));
      }
    } else if (object instanceof Namespace ns) {
      cache.putNamespace(trimmer.namespace(ns));
    } else if (object instanceof Node node) {
      cache.putNode(trimmer.node(node));
    } else if (object instanceof ReplicaSet || object instanceof Job) {
      String kind = object instanceof ReplicaSet ? OwnerRef.REPLICA_SET : OwnerRef.JOB;
      String namespace = Optional.ofNullable(object.getMetadata().getNamespace()).orElse("default");
      cache.putOwner(namespace, new OwnerRef(kind, object.getMetadata().getName()),
          trimmer.controllerOf(object).orElse(null));
    }
  }
}
