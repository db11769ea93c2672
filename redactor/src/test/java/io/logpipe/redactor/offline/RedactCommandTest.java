package io.logpipe.redactor.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RedactCommandTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    RedactCommand command = new RedactCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CommandLine(command).execute(args);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesExactlyOneRedactedLinePerInputLineInOrder() {
    String input = "login ok for jane@example.com\n\ncard 4111 1111 1111 1111 charged\r\nplain line\nlast without newline";

    assertThat(run(input)).isZero();

    assertThat(stdout()).isEqualTo("login ok for [REDACTED:email]\n\ncard [REDACTED:pan] charged\nplain line\n"
        + "last without newline\n");
  }

  @Test
  void appliesThePolicyFileAndTheChosenNamespace() throws IOException {
    Path policy = Files.writeString(dir.resolve("policy.yaml"), """
                default:
                  rules: {ipv4: mask}
                namespaces:
                  payments:
                    rules: {pan: drop_event, email: drop_field}
                """);

    assertThat(run("from 10.0.0.7\n", "--policy", policy.toString())).isZero();
    assertThat(run("card 4111111111111111\nmail a@example.com\nfrom 10.0.0.7\n", "--policy", policy.toString(),
        "--namespace", "payments")).isZero();

    assertThat(stdout()).isEqualTo("from [REDACTED:ipv4]\n[DROPPED-EVENT:pan]\n[DROPPED:email]\nfrom [REDACTED:ipv4]\n");
  }

  @Test
  void hashesWithTheKeyFromAFile() throws IOException {
    Path policy = Files.writeString(dir.resolve("policy.yaml"), "default: {rules: {email: hash}}\n");
    Path key = Files.writeString(dir.resolve("key"), "a-secret-key-of-enough-bytes\n");

    assertThat(run("a jane@example.com\nb jane@example.com\n", "--policy", policy.toString(), "--hash-key-file",
        key.toString(), "--summary")).isZero();

    String[] lines = stdout().split("\n");
    assertThat(lines[0]).matches("a \\[HASHED:email:[0-9a-f]{16}]");
    assertThat(lines[1].substring(2)).isEqualTo(lines[0].substring(2));
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("2 lines").contains("email=2").doesNotContain("jane");
  }

  @Test
  void refusesAHashingPolicyWithoutAKey() throws IOException {
    Path policy = Files.writeString(dir.resolve("policy.yaml"), "default: {rules: {email: hash}}\n");

    assertThat(run("jane@example.com\n", "--policy", policy.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no hash key");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void reportsEveryPolicyProblemAndExitsNonZero() throws IOException {
    Path policy = Files.writeString(dir.resolve("policy.yaml"), "default: {rules: {emial: mask, pan: shred}}\n");

    assertThat(run("x\n", "--policy", policy.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("emial").contains("shred");
  }
}
