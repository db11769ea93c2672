package io.logpipe.redactor.offline;

import io.logpipe.redactor.policy.HashKeys;
import io.logpipe.redactor.policy.KeyedHasher;
import io.logpipe.redactor.policy.PolicyException;
import io.logpipe.redactor.policy.PolicyFile;
import io.logpipe.redactor.policy.PolicySet;
import io.logpipe.redactor.policy.Redactor;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code logpipe redact [--policy FILE]}: reads lines on stdin and writes each line, redacted, on
 * stdout, one output line per input line, in order. Users test their policies with it.
 */
@Command(name = "redact", mixinStandardHelpOptions = true,
    description = "Redact personal data and secrets from lines on stdin; one output line per input line.")
public final class RedactCommand implements Callable<Integer> {
  @Option(names = "--policy", paramLabel = "FILE", description = "Policy file (YAML). Default: the built-in default policy.")
  Path policy;

  @Option(names = "--namespace", paramLabel = "NS", description = "Apply this namespace's policy instead of the default one.")
  String namespace;

  @Option(names = "--hash-key-file", paramLabel = "FILE", description = "HMAC key for rules whose action is hash.")
  Path hashKeyFile;

  @Option(names = "--hash-length", defaultValue = "16", description = "Hex characters kept of each hash token (8-64). Default: ${DEFAULT-VALUE}.")
  int hashLength;

  @Option(names = "--summary", description = "Print redactions per rule on stderr at the end (counts only).")
  boolean summary;

  private final InputStream in;
  private final OutputStream out;
  private final PrintStream err;

  public RedactCommand() {
    this(System.in, System.out, System.err);
  }

  RedactCommand(InputStream in, OutputStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    PolicySet policies;
    KeyedHasher hasher;
    try {
      policies = policy == null ? PolicySet.defaults() : PolicyFile.read(policy);
      hasher = HashKeys.forPolicies(policies, hashKeyFile, hashLength);
    } catch (PolicyException | IllegalArgumentException e) {
      err.println("redact: " + e.getMessage());
      return 2;
    }
    LineRedactor lines = new LineRedactor(new Redactor(hasher), policies.forNamespace(namespace));
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    lines.run(reader, writer);
    if (summary) {
      err.println("redact: " + lines.lines() + " lines, redactions by rule " + lines.counts());
    }
    return 0;
  }
}
