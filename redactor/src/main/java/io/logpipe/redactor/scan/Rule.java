package io.logpipe.redactor.scan;

import java.util.Arrays;
import java.util.Optional;

/**
 * The built-in detection rules. The id is the wire name: it appears in {@code [REDACTED:<id>]}, in
 * {@code redaction.countsByRule}, in metrics and in policy files.
 *
 * <p>Declaration order is the tie-break when two rules claim exactly the same span: the more
 * specific rule is declared first (a JWT inside an Authorization header is reported as {@code jwt}).
 * The default policy enables every rule of the first list and leaves the opt-in list off.
 */
public enum Rule {
  PRIVATE_KEY("private_key", true),
  JWT("jwt", true),
  WEBHOOK_URL("webhook_url", true),
  URL_CREDENTIALS("url_credentials", true),
  AWS_ACCESS_KEY("aws_access_key", true),
  AWS_SECRET_KEY("aws_secret_key", true),
  BASIC_AUTH("basic_auth", true),
  BEARER_TOKEN("bearer_token", true),
  /** Vendor tokens with a known shape (GitHub, Slack, Stripe, GCP, npm, Vault, Grafana) and values of token/key names. */
  API_KEY("api_key", true),
  /** Values of secret names ({@code client_secret}, {@code secret}) and Azure AD client secrets. */
  SECRET("secret", true),
  /** Values of password names, and {@code curl -u user:password}. */
  PASSWORD("password", true),
  EMAIL("email", true),
  PAN("pan", true),
  IBAN("iban", true),
  US_SSN("us_ssn", true),
  IPV4("ipv4", false),
  IPV6("ipv6", false),
  MAC("mac", false),
  PHONE("phone", false);

  private final String id;
  private final boolean onByDefault;

  Rule(String id, boolean onByDefault) {
    this.id = id;
    this.onByDefault = onByDefault;
  }

  public String id() {
    return id;
  }

  public boolean onByDefault() {
    return onByDefault;
  }

  public static Optional<Rule> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }

  /** Priority for overlap resolution; custom rules rank after every built-in one. */
  static int rank(String ruleId) {
    return byId(ruleId).map(Enum::ordinal).orElse(values().length);
  }
}
