package io.larder.release;

import static io.larder.release.Poms.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Which modules a release publishes, and the BOM that lines their versions up. */
class PublishedModulesTest {
  private static final String VERSION = System.getProperty("larder.pom.version");
  private static final Element PARENT = Poms.read(ROOT.resolve("pom.xml"));
  private static final Element BOM = Poms.module("larder-bom");

  /** The modules docs/releasing.md says are not published. */
  private static final Set<String> NOT_PUBLISHED =
      Set.of(
          "larder-test-support",
          "larder-benchmarks",
          "larder-demo",
          "larder-spring-boot-sample",
          "larder-spring-boot3-test",
          "larder-jcache-test",
          "larder-release-check");

  private static List<String> published() {
    return Poms.modules().stream().filter(Poms::published).toList();
  }

  private static List<Element> bomDependencies() {
    return Poms.at(BOM, "dependencyManagement", "dependencies").stream()
        .flatMap(d -> Poms.children(d, "dependency").stream())
        .toList();
  }

  @Test
  void exactlyTheDocumentedModulesAreLeftUnpublished() {
    Set<String> unpublished =
        Poms.modules().stream().filter(m -> !Poms.published(m)).collect(Collectors.toSet());
    assertThat(unpublished).isEqualTo(NOT_PUBLISHED);
  }

  @Test
  void theBomListsExactlyThePublishedModules() {
    List<String> listed =
        bomDependencies().stream().map(d -> Poms.text(d, "artifactId").orElseThrow()).toList();
    List<String> expected = published().stream().filter(m -> !m.equals("larder-bom")).toList();
    assertThat(listed)
        .as("larder-bom/pom.xml must list every published module (and nothing else)")
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theBomPinsNothingButLarderAtTheProjectVersion() {
    assertThat(Poms.at(BOM, "parent")).as("an imported BOM brings its parent's pins").isEmpty();
    assertThat(Poms.text(BOM, "version")).contains(VERSION);
    for (Element dependency : bomDependencies()) {
      assertThat(Poms.text(dependency, "groupId")).contains("io.larder");
      assertThat(Poms.text(dependency, "version")).contains("${project.version}");
    }
  }

  @Test
  void theBomCarriesTheParentsCentralMetadata() {
    for (String element : List.of("url", "inceptionYear", "licenses", "developers", "scm")) {
      assertThat(Poms.text(BOM, element)).as(element).isPresent().isEqualTo(Poms.text(PARENT, element));
    }
  }

  @Test
  void theParentCarriesWhatMavenCentralRequires() {
    assertThat(Poms.text(PARENT, "url")).isPresent();
    assertThat(Poms.text(PARENT, "licenses", "license", "name")).contains("Apache-2.0");
    assertThat(Poms.text(PARENT, "developers", "developer", "name")).isPresent();
    assertThat(Poms.text(PARENT, "scm", "connection")).isPresent();
    assertThat(Poms.text(PARENT, "scm", "url")).isPresent();
  }

  @Test
  void everyPublishedModuleHasANameAndADescription() {
    for (String module : published()) {
      Element pom = Poms.module(module);
      assertThat(Poms.text(pom, "name")).as(module).isPresent();
      assertThat(Poms.text(pom, "description")).as(module).isPresent();
    }
  }
}
