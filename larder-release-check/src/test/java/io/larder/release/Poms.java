package io.larder.release;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The project's POM files as the checks read them: the raw files, not Maven's effective model. */
final class Poms {
  static final Path ROOT = Path.of(System.getProperty("larder.root")).toAbsolutePath().normalize();

  private Poms() {}

  static Element read(Path pom) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Document document = factory.newDocumentBuilder().parse(pom.toFile());
      return document.getDocumentElement();
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException("cannot read " + pom, e);
    }
  }

  static Element module(String name) {
    return read(ROOT.resolve(name).resolve("pom.xml"));
  }

  /** The direct child elements of {@code parent} named {@code name}. */
  static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  /** The element at a path of direct children ({@code "properties", "maven.deploy.skip"}). */
  static Optional<Element> at(Element from, String... path) {
    Element current = from;
    for (String name : path) {
      List<Element> next = children(current, name);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      current = next.get(0);
    }
    return Optional.of(current);
  }

  static Optional<String> text(Element from, String... path) {
    return at(from, path).map(e -> e.getTextContent().trim());
  }

  /** The root POM's modules, in its order. */
  static List<String> modules() {
    return at(read(ROOT.resolve("pom.xml")), "modules").stream()
        .flatMap(m -> children(m, "module").stream())
        .map(e -> e.getTextContent().trim())
        .toList();
  }

  /** A module is published unless its POM sets maven.deploy.skip to true. */
  static boolean published(String module) {
    return !text(module(module), "properties", "maven.deploy.skip").orElse("false").equals("true");
  }
}
