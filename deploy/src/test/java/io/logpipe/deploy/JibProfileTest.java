package io.logpipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The proposed Jib profile (deploy/jib-profile.xml) cannot be built here (no base image), so check what can be: it is
 * a well-formed Maven profile whose entry point is the script this module ships, and the chart runs that image.
 */
class JibProfileTest {

  @Test
  void theProfileIsWellFormedAndItsEntryPointIsTheShippedScript() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document profile = factory.newDocumentBuilder().parse(Path.of("jib-profile.xml").toFile());

    assertThat(profile.getDocumentElement().getTagName()).isEqualTo("profile");
    assertThat(text(profile, "id")).isEqualTo("images");
    assertThat(text(profile, "artifactId")).isEqualTo("jib-maven-plugin");
    String entrypoint = ((org.w3c.dom.Element) profile.getElementsByTagName("entrypoint").item(0))
        .getElementsByTagName("arg").item(0).getTextContent();
    Path script = Path.of("image").resolve(entrypoint.substring(1));
    assertThat(script).exists();
    assertThat(Files.isExecutable(script)).isTrue();
    assertThat(Files.readString(script)).startsWith("#!/bin/sh").contains("exec java", "io.logpipe.cli.Logpipe \"$@\"");
  }

  private static String text(Document document, String tag) {
    return document.getElementsByTagName(tag).item(0).getTextContent().strip();
  }
}
