package io.logpipe.enricher;

import io.logpipe.enricher.body.BodyLimits;
import io.logpipe.enricher.meta.KeySelector;
import io.logpipe.enricher.meta.MetadataSelection;
import io.logpipe.enricher.streams.HoldSettings;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.streams.StageSettings;
import java.time.Duration;
import java.util.List;

/**
 * The enricher's settings, env prefix {@code ENRICHER_} (table in the module README), validated at start with every
 * problem reported at once.
 *
 * @param kubernetes whether to watch the Kubernetes API; false runs on path metadata and body parsing alone
 */
public record EnricherConfig(StageSettings stage, boolean kubernetes, EnricherSettings settings) {

  public static final String PREFIX = "ENRICHER";
  public static final String STAGE = "enricher";

  public static EnricherConfig read(ConfigReader r) {
    StageSettings stage = StageSettings.read(r, STAGE);
    boolean kubernetes = r.bool("KUBERNETES", true);

    MetadataSelection selection = new MetadataSelection(
        selector(r, "POD_LABELS", MetadataSelection.DEFAULT_LABELS),
        selector(r, "POD_ANNOTATIONS", List.of()),
        selector(r, "NAMESPACE_LABELS", MetadataSelection.DEFAULT_LABELS),
        selector(r, "NODE_LABELS", MetadataSelection.DEFAULT_NODE_LABELS));

    HoldSettings defaultsHold = HoldSettings.DEFAULTS;
    Duration holdTime = positive(r, "HOLD_TIME", defaultsHold.maxWait(), true);
    Duration retryEvery = positive(r, "HOLD_RETRY_INTERVAL", defaultsHold.retryEvery(), false);
    int maxHeld = r.intInRange("HOLD_MAX_EVENTS", defaultsHold.maxHeld(), 0, 10_000_000);

    BodyLimits b = BodyLimits.DEFAULTS;
    long maxChars = r.bytes("BODY_MAX_SIZE", b.maxChars());
    r.check(maxChars >= 1 && maxChars <= 16L * 1024 * 1024, "BODY_MAX_SIZE", "must be between 1 and 16MiB");
    int maxDepth = r.intInRange("BODY_MAX_DEPTH", b.maxDepth(), 1, 64);
    int maxAttributes = r.intInRange("BODY_MAX_ATTRIBUTES", b.maxAttributes(), 0, 10_000);
    int maxValue = r.intInRange("BODY_MAX_VALUE_SIZE", b.maxValueChars(), 1, 1024 * 1024);

    Duration grace = positive(r, "DELETED_POD_GRACE", EnricherSettings.DEFAULT_DELETED_GRACE, true);
    int maxDeleted = r.intInRange("MAX_DELETED_PODS", EnricherSettings.DEFAULT_MAX_DELETED_PODS, 1, 10_000_000);
    Duration syncTimeout = positive(r, "SYNC_TIMEOUT", EnricherSettings.DEFAULT_SYNC_TIMEOUT, false);
    int internerMax = r.intInRange("INTERNER_MAX", EnricherSettings.DEFAULT_INTERNER_MAX, 1, 100_000_000);
    r.done();

    return new EnricherConfig(stage, kubernetes,
        new EnricherSettings(selection, new HoldSettings(holdTime, retryEvery, maxHeld),
            new BodyLimits((int) maxChars, maxDepth, maxAttributes, maxValue), grace, maxDeleted, syncTimeout,
            internerMax));
  }

  /** {@code <NAME>_ALLOW} and {@code <NAME>_DENY}, comma-separated patterns. */
  private static KeySelector selector(ConfigReader r, String name, List<String> defaultAllow) {
    List<String> allow = r.list(name + "_ALLOW", defaultAllow);
    List<String> deny = r.list(name + "_DENY", List.of());
    try {
      return KeySelector.of(allow, deny);
    } catch (IllegalArgumentException e) {
      r.check(false, name + "_ALLOW", e.getMessage());
      return KeySelector.none();
    }
  }

  private static Duration positive(ConfigReader r, String name, Duration def, boolean zeroAllowed) {
    Duration d = r.duration(name, def);
    boolean ok = !d.isNegative() && (zeroAllowed || !d.isZero());
    r.check(ok, name, zeroAllowed ? "must not be negative" : "must be positive");
    return ok ? d : def;
  }
}
