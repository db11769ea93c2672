package io.logpipe.schemas;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes it has not been told to trust when decoding into generated types. We
 * trust exactly our generated classes, once per JVM, on top of whatever the host application already trusts.
 */
final class TrustedClasses {

  private TrustedClasses() {}

  static void ensureTrusted() {
    Holder.touch();
  }

  /** Initialisation-on-demand: the JVM runs this exactly once, thread-safely. */
  private static final class Holder {
    static {
      ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
          ClassSecurityValidator.getGlobal(),
          ClassSecurityValidator.builder()
              .add(FileIdentity.class)
              .add(RawLine.class)
              .add(FilePosition.class)
              .add(LogEvent.class)
              .add(Source.class)
              .add(KubernetesMetadata.class)
              .add(ParsedBody.class)
              .add(RedactionSummary.class)
              .build()));
    }

    static void touch() {}
  }
}
