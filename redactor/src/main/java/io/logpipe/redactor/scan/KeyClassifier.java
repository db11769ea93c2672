package io.logpipe.redactor.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a key name ({@code mysql_password}, {@code X-Api-Key}, {@code clientSecret})
 * names a secret, and which rule its value falls under. Keys are split into words (separators and
 * camelCase); a sensitive phrase must appear as whole consecutive words or as one joined word
 * ({@code apikey}). Names that describe a secret without holding it are left alone: a last word
 * such as {@code path}, {@code file}, {@code id}, {@code name}, {@code url}, {@code length}, and
 * anything {@code public}. Thread-safe; classifications are cached (bounded).
 */
public final class KeyClassifier {
  static final int MAX_KEY_LENGTH = 64;
  private static final int MAX_CACHE = 4096;

  /** Default sensitive phrases, in precedence order, and the rule their values fall under. */
  public static final Map<String, Rule> DEFAULT_PHRASES = defaults();

  /** Weak words name a secret only as the last word ({@code mysql_pass}, not {@code pass_rate}). */
  private static final Set<String> WEAK = Set.of("pass", "pwd", "pw");

  private static final Set<String> NOT_A_VALUE = Set.of("path", "paths", "file", "files", "filename", "filepath", "dir",
      "url", "uri", "urls", "id", "ids", "name", "names", "length", "len", "size", "type", "types", "version",
      "count", "enabled", "required", "variable", "var", "field", "header", "prefix", "suffix", "format", "policy",
      "endpoint", "expiry", "expires", "expiration", "ttl", "timeout", "mode", "method", "provider", "location",
      "ref", "min", "max", "label", "kind", "source", "env", "hint");

  private static final Set<String> PUBLIC = Set.of("public", "pub");
  private static final Rule NONE_MARKER = null;

  private final List<Phrase> phrases;
  private final Map<String, Optional<Rule>> cache = new ConcurrentHashMap<>();
  /** The first word of every phrase, indexed by its first letter: a key must contain one to match. */
  private final String[][] stemsByFirstChar = new String[128][];
  /** The first two letters of every stem, lower case, as {@code c << 7 | d}: a table hit before any comparison. */
  private final boolean[] stemPairs = new boolean[128 * 128];

  private record Phrase(List<String> words, String joined, Rule rule) {
  }

  public KeyClassifier(Map<String, Rule> phrases) {
    List<Phrase> list = new ArrayList<>();
    phrases.forEach((phrase, rule) -> {
      List<String> words = words(phrase);
      if (!words.isEmpty()) {
        list.add(new Phrase(words, String.join("", words), rule));
      }
    });
    this.phrases = List.copyOf(list);
    Map<Character, List<String>> stems = new java.util.TreeMap<>();
    for (Phrase phrase : this.phrases) {
      String stem = phrase.words().get(0);
      if (stem.charAt(0) < 128) {
        stems.computeIfAbsent(stem.charAt(0), c -> new ArrayList<>()).add(stem);
      }
    }
    stems.forEach((c, list2) -> stemsByFirstChar[c] = list2.stream().distinct().toArray(String[]::new));
    for (String[] byChar : stemsByFirstChar) {
      for (String stem : byChar == null ? new String[0] : byChar) {
        if (stem.length() >= 2 && stem.charAt(1) < 128) {
          stemPairs[stem.charAt(0) << 7 | stem.charAt(1)] = true;
        }
      }
    }
  }

  /**
   * Cheap prefilter, no allocation: whether the key {@code [start, end)} contains the first word of some phrase
   * (case-insensitively), which every matching key must.
   */
  public boolean mayMatch(CharSequence s, int start, int end) {
    for (int k = start; k + 1 < end; k++) {
      char c = s.charAt(k);
      char d = s.charAt(k + 1);
      if (c >= 128 || d >= 128 || !stemPairs[(c | 0x20) << 7 | (d | 0x20)]) {
        continue; // the first two letters of no stem
      }
      String[] stems = stemsByFirstChar[c | 0x20];
      if (stems == null) {
        continue;
      }
      for (String stem : stems) {
        if (k + stem.length() <= end && Chars.startsWithIgnoreCase(s, k, stem)) {
          return true;
        }
      }
    }
    return false;
  }

  public static KeyClassifier defaultClassifier() {
    return new KeyClassifier(DEFAULT_PHRASES);
  }

  private static Map<String, Rule> defaults() {
    Map<String, Rule> m = new LinkedHashMap<>();
    m.put("aws_secret_access_key", Rule.AWS_SECRET_KEY);
    m.put("secret_access_key", Rule.AWS_SECRET_KEY);
    m.put("aws_secret_key", Rule.AWS_SECRET_KEY);
    m.put("authorization", Rule.BEARER_TOKEN);
    m.put("proxy_authorization", Rule.BEARER_TOKEN);
    m.put("password", Rule.PASSWORD);
    m.put("passwd", Rule.PASSWORD);
    m.put("passphrase", Rule.PASSWORD);
    m.put("pass", Rule.PASSWORD);
    m.put("pwd", Rule.PASSWORD);
    m.put("community_string", Rule.PASSWORD);
    m.put("auth_key", Rule.PASSWORD);
    m.put("priv_key", Rule.PASSWORD);
    m.put("client_secret", Rule.SECRET);
    m.put("secret", Rule.SECRET);
    m.put("secret_key", Rule.SECRET);
    m.put("private_key", Rule.SECRET);
    m.put("api_key", Rule.API_KEY);
    m.put("app_key", Rule.API_KEY);
    m.put("application_key", Rule.API_KEY);
    m.put("access_key", Rule.API_KEY);
    m.put("token", Rule.API_KEY);
    m.put("auth_token", Rule.API_KEY);
    m.put("access_token", Rule.API_KEY);
    m.put("refresh_token", Rule.API_KEY);
    m.put("api_token", Rule.API_KEY);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The rule for values of this key, or empty when the key does not name a secret. */
  public Optional<Rule> classify(String key) {
    Optional<Rule> cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    Optional<Rule> rule = Optional.ofNullable(compute(key));
    if (cache.size() >= MAX_CACHE) {
      cache.clear(); // bounded: key vocabularies are small, a flood of unique keys only costs recomputation
    }
    cache.put(key, rule);
    return rule;
  }

  private Rule compute(String key) {
    List<String> words = words(key);
    if (words.isEmpty() || words.stream().anyMatch(PUBLIC::contains)) {
      return NONE_MARKER;
    }
    String last = words.get(words.size() - 1);
    if (NOT_A_VALUE.contains(last)) {
      return NONE_MARKER;
    }
    for (Phrase phrase : phrases) {
      if (matches(words, phrase)) {
        return phrase.rule();
      }
    }
    return NONE_MARKER;
  }

  private static boolean matches(List<String> words, Phrase phrase) {
    List<String> p = phrase.words();
    boolean weak = p.size() == 1 && WEAK.contains(p.get(0));
    if (weak) {
      return words.get(words.size() - 1).equals(p.get(0));
    }
    for (int start = 0; start + p.size() <= words.size(); start++) {
      if (words.subList(start, start + p.size()).equals(p)) {
        return true;
      }
    }
    return p.size() > 1 && words.contains(phrase.joined());
  }

  /** Splits on non-alphanumerics and camelCase boundaries, lower-cased ("XApiKey" → x, api, key). */
  static List<String> words(String key) {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int k = 0; k < key.length(); k++) {
      char c = key.charAt(k);
      if (!Character.isLetterOrDigit(c)) {
        flush(words, current);
        continue;
      }
      if (Character.isUpperCase(c) && current.length() > 0) {
        char prev = key.charAt(k - 1);
        boolean nextLower = k + 1 < key.length() && Character.isLowerCase(key.charAt(k + 1));
        if (Character.isLowerCase(prev) || Character.isDigit(prev) || Character.isUpperCase(prev) && nextLower) {
          flush(words, current);
        }
      }
      current.append(Character.toLowerCase(c));
    }
    flush(words, current);
    return words;
  }

  private static void flush(List<String> words, StringBuilder current) {
    if (current.length() > 0) {
      words.add(current.toString().toLowerCase(Locale.ROOT));
      current.setLength(0);
    }
  }
}
