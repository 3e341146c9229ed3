package ai.kubernaut.orchestrator.orchestrator.cli;

import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.IHelpFactory;
import picocli.CommandLine.Model.CommandSpec;

/** Usage help that prints, under each option, the environment variable that sets it. */
public final class EnvAwareHelp extends Help {

  public static final IHelpFactory FACTORY = EnvAwareHelp::new;

  public EnvAwareHelp(CommandSpec spec, ColorScheme scheme) {
    super(spec, scheme);
  }

  @Override
  public IOptionRenderer createDefaultOptionRenderer() {
    IOptionRenderer base = super.createDefaultOptionRenderer();
    return (option, labels, scheme) -> {
      Text[][] rows = base.render(option, labels, scheme);
      Optional<EnvDefault> env = EnvDefault.of(option);
      if (env.isEmpty() || rows.length == 0) {
        return rows;
      }
      int columns = rows[0].length;
      Text[] envRow = new Text[columns];
      Arrays.fill(envRow, scheme.text(""));
      envRow[columns - 1] = scheme.text("  Env: " + env.get().variable());
      Text[][] result = Arrays.copyOf(rows, rows.length + 1);
      result[rows.length] = envRow;
      return result;
    };
  }
}
