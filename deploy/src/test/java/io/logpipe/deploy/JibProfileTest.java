package io.logpipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The {@code images} profile of {@code cli/pom.xml} cannot be built here (no base image), so check what can be: it
 * builds with Jib and its entry point is the script this module ships, which the chart runs.
 */
class JibProfileTest {

  @Test
  void theProfileIsWellFormedAndItsEntryPointIsTheShippedScript() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document pom = factory.newDocumentBuilder().parse(Path.of("..", "cli", "pom.xml").toFile());
    org.w3c.dom.Element profile = (org.w3c.dom.Element) pom.getElementsByTagName("profile").item(0);

    assertThat(text(profile, "id")).isEqualTo("images");
    assertThat(text(profile, "artifactId")).isEqualTo("jib-maven-plugin");
    String entrypoint = ((org.w3c.dom.Element) profile.getElementsByTagName("entrypoint").item(0))
        .getElementsByTagName("arg").item(0).getTextContent();
    Path script = Path.of("image").resolve(entrypoint.substring(1));
    assertThat(script).exists();
    assertThat(Files.isExecutable(script)).isTrue();
    assertThat(Files.readString(script)).startsWith("#!/bin/sh").contains("exec java", "io.logpipe.cli.Logpipe \"$@\"");
  }

  private static String text(org.w3c.dom.Element element, String tag) {
    return element.getElementsByTagName(tag).item(0).getTextContent().strip();
  }
}
