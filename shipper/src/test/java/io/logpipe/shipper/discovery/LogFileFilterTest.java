package io.logpipe.shipper.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogFileFilterTest {

  private static final Path ROOT = Path.of("/var/log/pods");

  private static LogFileFilter filter(List<String> excludes, Set<String> namespaces) {
    return new LogFileFilter(FileSystems.getDefault(), List.of("**/*.log"), excludes, namespaces);
  }

  static Stream<Arguments> cases() {
    LogFileFilter defaults = filter(List.of(), Set.of("kube-system"));
    LogFileFilter none = filter(List.of(), Set.of());
    LogFileFilter noNginx = filter(List.of("**/nginx/*"), Set.of("kube-system"));
    return Stream.of(
        Arguments.of("a container log", defaults, "shop_web-1_u1/app/0.log", "live"),
        Arguments.of("a later restart", defaults, "shop_web-1_u1/app/3.log", "live"),
        Arguments.of("a rotated file", defaults, "shop_web-1_u1/app/0.log.20240501-100000", "rotated"),
        Arguments.of("a compressed rotated file is never read", defaults,
            "shop_web-1_u1/app/0.log.20240501-100000.gz", "no"),
        Arguments.of("kube-system is excluded by default", defaults, "kube-system_dns_u2/coredns/0.log", "no"),
        Arguments.of("an empty namespace list excludes nothing", none, "kube-system_dns_u2/coredns/0.log", "live"),
        Arguments.of("an exclude glob", noNginx, "shop_web-1_u1/nginx/0.log", "no"),
        Arguments.of("an exclude glob covers rotated files too", noNginx,
            "shop_web-1_u1/nginx/0.log.20240501-100000", "no"),
        Arguments.of("not laid out like a pod log", defaults, "random/thing.log", "no"),
        Arguments.of("not a number before .log", defaults, "shop_web-1_u1/app/app.log", "no"),
        Arguments.of("not a log at all", defaults, "shop_web-1_u1/app/0.txt", "no"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void judgesWhichFilesAreShipped(String name, LogFileFilter filter, String relative, String expected) {
    Optional<LogFileFilter.Candidate> c = filter.judge(ROOT, Path.of(relative));
    String verdict = c.map(x -> x.rotated() ? "rotated" : "live").orElse("no");
    assertThat(verdict).isEqualTo(expected);
    c.ifPresent(x -> assertThat(x.path()).isEqualTo(ROOT.resolve(relative)));
  }
}
