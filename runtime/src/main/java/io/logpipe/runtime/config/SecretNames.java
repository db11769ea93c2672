package io.logpipe.runtime.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises setting names whose values are credentials (Kafka's {@code sasl.jaas.config}, any password...). */
final class SecretNames {

  private static final Pattern SECRET =
      Pattern.compile(".*(PASSWORD|SECRET|JAAS|TOKEN|CREDENTIAL|API_KEY|ACCESS_KEY|PRIVATE_KEY).*");

  private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^/@\\s]+@");

  /** {@code https://user:pass@host/} → {@code https://****@host/}. */
  static String maskUrlCredentials(String value) {
    return URL_CREDENTIALS.matcher(value).replaceAll(Secret.MASK + "@");
  }

  static boolean looksSecret(String name) {
    return SECRET.matcher(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')).matches();
  }

  private SecretNames() {}
}
