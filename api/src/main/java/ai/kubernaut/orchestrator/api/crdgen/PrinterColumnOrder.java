package ai.kubernaut.orchestrator.api.crdgen;

import ai.kubernaut.orchestrator.api.v1alpha1.KubernautCrds;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the printer columns of the generated CRDs in the order they are declared on each kind.
 *
 * <p>crd-generator 8.0 collects {@code @AdditionalPrinterColumn}s into a map keyed by JSON path, so
 * it writes them sorted by path ({@code .metadata.creationTimestamp} first, then {@code .spec.*},
 * then {@code .status.*}) whatever the declaration order (fabric8io/kubernetes-client#3974), and
 * kubectl prints them in CRD order. The build runs this right after the generator (api/pom.xml,
 * {@code process-classes}); it only moves whole column entries, so the rest of each file stays
 * exactly as generated.
 */
public final class PrinterColumnOrder {

  private static final String BLOCK_START = "  - additionalPrinterColumns:";
  private static final String ENTRY_START = "    - ";
  private static final String ENTRY_FIELD = "      ";
  private static final Pattern NAME = Pattern.compile("^ {6}name: \"(.*)\"$");

  private PrinterColumnOrder() {}

  /** Reorders the CRD of every kind in {@code args[0]}, the crd-generator output directory. */
  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: PrinterColumnOrder <generated CRD directory>");
    }
    Path directory = Path.of(args[0]);
    for (Class<? extends HasMetadata> kind : KubernautCrds.KINDS) {
      Path file = directory.resolve(Path.of(KubernautCrds.resourcePath(kind)).getFileName());
      try {
        String generated = Files.readString(file, StandardCharsets.UTF_8);
        String ordered = reorder(generated, declaredColumns(kind));
        if (!ordered.equals(generated)) {
          Files.writeString(file, ordered, StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot reorder the printer columns of " + file, e);
      }
    }
  }

  /** The column names of {@code kind} in declaration order. */
  public static List<String> declaredColumns(Class<?> kind) {
    return Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class))
        .map(AdditionalPrinterColumn::name)
        .toList();
  }

  /**
   * {@code crdYaml} (one version, as crd-generator writes it) with its additionalPrinterColumns in
   * the order of {@code names}.
   *
   * @throws IllegalStateException when the file holds a column that is not in {@code names}, or
   *     misses one that is
   */
  public static String reorder(String crdYaml, List<String> names) {
    List<String> lines = new ArrayList<>(Arrays.asList(crdYaml.split("\n", -1)));
    int start = lines.indexOf(BLOCK_START);
    if (start < 0) {
      if (names.isEmpty()) {
        return crdYaml;
      }
      throw new IllegalStateException("no additionalPrinterColumns, expected " + names);
    }
    int end = start + 1;
    while (end < lines.size()
        && (lines.get(end).startsWith(ENTRY_START) || lines.get(end).startsWith(ENTRY_FIELD))) {
      end++;
    }
    List<List<String>> entries = new ArrayList<>();
    for (String line : lines.subList(start + 1, end)) {
      if (line.startsWith(ENTRY_START)) {
        entries.add(new ArrayList<>());
      }
      entries.get(entries.size() - 1).add(line);
    }
    List<String> found = entries.stream().map(PrinterColumnOrder::nameOf).toList();
    if (found.size() != names.size() || !found.containsAll(names)) {
      throw new IllegalStateException(
          "generated printer columns " + found + " do not match the declared ones " + names);
    }
    entries.sort(Comparator.comparingInt(entry -> names.indexOf(nameOf(entry))));
    List<String> result = new ArrayList<>(lines.subList(0, start + 1));
    entries.forEach(result::addAll);
    result.addAll(lines.subList(end, lines.size()));
    return String.join("\n", result);
  }

  private static String nameOf(List<String> entry) {
    for (String line : entry) {
      String field = line.startsWith(ENTRY_START) ? ENTRY_FIELD + line.substring(6) : line;
      Matcher m = NAME.matcher(field);
      if (m.matches()) {
        return m.group(1);
      }
    }
    throw new IllegalStateException("printer column without a name: " + entry);
  }
}
