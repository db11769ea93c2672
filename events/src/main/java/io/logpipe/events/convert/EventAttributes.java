package io.logpipe.events.convert;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Event's fields as {@code parsed.attributes}, dotted keys as the enricher flattens JSON bodies; empty values
 * are left out.
 *
 * <table>
 *   <caption>attributes</caption>
 *   <tr><td>{@code source_type}</td>
 *       <td>{@code k8s_event}, always: what routing rules use to tell Events apart</td></tr>
 *   <tr><td>{@code type}, {@code reason}, {@code action}</td><td>as in the Event</td></tr>
 *   <tr><td>{@code regarding.kind|name|namespace|uid|apiVersion|fieldPath}</td>
 *       <td>the object the Event is about</td></tr>
 *   <tr><td>{@code related.kind|name|namespace|uid}</td><td>the secondary object, if any</td></tr>
 *   <tr><td>{@code reportingController}, {@code reportingInstance}</td><td>who reported it</td></tr>
 *   <tr><td>{@code series.count}</td><td>the Event's occurrence count ({@link Occurrences#countOf})</td></tr>
 *   <tr><td>{@code event.name|namespace|uid}</td><td>the Event object itself</td></tr>
 * </table>
 */
public final class EventAttributes {

  public static final String SOURCE_TYPE = "source_type";
  public static final String K8S_EVENT = "k8s_event";

  private EventAttributes() {}

  public static Map<String, String> of(Event event) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put(SOURCE_TYPE, K8S_EVENT);
    put(a, "type", event.getType());
    put(a, "reason", event.getReason());
    put(a, "action", event.getAction());
    reference(a, "regarding.", event.getRegarding());
    reference(a, "related.", event.getRelated());
    put(a, "reportingController", event.getReportingController());
    put(a, "reportingInstance", event.getReportingInstance());
    a.put("series.count", Long.toString(Occurrences.countOf(event)));
    ObjectMeta meta = event.getMetadata();
    if (meta != null) {
      put(a, "event.name", meta.getName());
      put(a, "event.namespace", meta.getNamespace());
      put(a, "event.uid", meta.getUid());
    }
    return a;
  }

  private static void reference(Map<String, String> a, String prefix, ObjectReference ref) {
    if (ref == null) {
      return;
    }
    put(a, prefix + "kind", ref.getKind());
    put(a, prefix + "name", ref.getName());
    put(a, prefix + "namespace", ref.getNamespace());
    put(a, prefix + "uid", ref.getUid());
    put(a, prefix + "apiVersion", ref.getApiVersion());
    put(a, prefix + "fieldPath", ref.getFieldPath());
  }

  private static void put(Map<String, String> a, String key, String value) {
    if (value != null && !value.isBlank()) {
      a.put(key, value);
    }
  }
}
