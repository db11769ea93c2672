package io.logpipe.events.convert;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.logpipe.schemas.StreamKey;
import java.util.Locale;

/**
 * The record key of an Event: a {@link StreamKey} of the object the Event is about ({@code regarding}), so every
 * Event of one object lands on one partition, in order, and every later stage (redactor, router, sinks) handles it
 * like a container stream.
 *
 * <ul>
 *   <li>regarding a Pod: {@code <namespace>/<pod>/<podUid>/_events}, the pod's own stream key with the pseudo
 *       container {@code _events} (no container name can start with {@code _}: DNS-1123 labels), so routing rules
 *       on namespace and pod apply, and {@code container=_events} selects Events;</li>
 *   <li>regarding anything else: {@code <namespace>/<kind>-<name>/<uid>/_events}, kind lower-cased
 *       ({@code default/node-worker-1/…/_events}, {@code shop/deployment-web/…/_events});</li>
 *   <li>a cluster-scoped object (a Node) takes the Event's own namespace (kubelets write them to {@code default}),
 *       else {@code _cluster}; a missing uid or name becomes {@code _}.</li>
 * </ul>
 * Parts never contain {@code /} (Kubernetes names cannot), but any is replaced by {@code _} so the key always
 * parses with {@link StreamKey#parse}.
 */
public final class EventKey {

  /** The pseudo container of every Event stream. */
  public static final String CONTAINER = "_events";

  private static final String NONE = "_";

  private EventKey() {}

  public static StreamKey of(Event event) {
    ObjectMeta meta = event.getMetadata() == null ? new ObjectMeta() : event.getMetadata();
    ObjectReference regarding = event.getRegarding() == null ? new ObjectReference() : event.getRegarding();
    String namespace = first(regarding.getNamespace(), meta.getNamespace(), "_cluster");
    String uid = first(regarding.getUid(), NONE, NONE);
    String name = first(regarding.getName(), NONE, NONE);
    if ("Pod".equals(regarding.getKind())) {
      return key(namespace, name, uid);
    }
    String kind = first(regarding.getKind(), "object", "object").toLowerCase(Locale.ROOT);
    return key(namespace, kind + "-" + name, uid);
  }

  private static StreamKey key(String namespace, String pod, String uid) {
    return new StreamKey(clean(namespace), clean(pod), clean(uid), CONTAINER);
  }

  private static String first(String a, String b, String c) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : c;
  }

  private static String clean(String part) {
    return part.replace('/', '_');
  }
}
