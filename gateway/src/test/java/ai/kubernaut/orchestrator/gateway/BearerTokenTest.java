package ai.kubernaut.orchestrator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BearerTokenTest {

  @TempDir Path dir;

  @Test
  void acceptsOnlyTheExactBearerToken() throws Exception {
    BearerToken token = BearerToken.fromFile(Files.writeString(dir.resolve("t"), " abc123\n"));

    assertThat(token.check("Bearer abc123")).isEqualTo(BearerToken.Check.OK);
    assertThat(token.check("bearer abc123")).isEqualTo(BearerToken.Check.OK);
    assertThat(token.check(null)).isEqualTo(BearerToken.Check.MISSING);
    assertThat(token.check("")).isEqualTo(BearerToken.Check.MISSING);
    assertThat(token.check("Bearer abc1234")).isEqualTo(BearerToken.Check.INVALID);
    assertThat(token.check("Bearer ")).isEqualTo(BearerToken.Check.INVALID);
    assertThat(token.check("Basic abc123")).isEqualTo(BearerToken.Check.INVALID);
  }

  @Test
  void picksUpARotatedToken() throws Exception {
    Path file = Files.writeString(dir.resolve("t"), "old");
    BearerToken token = BearerToken.fromFile(file);

    Files.writeString(file, "new");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

    assertThat(token.check("Bearer new")).isEqualTo(BearerToken.Check.OK);
    assertThat(token.check("Bearer old")).isEqualTo(BearerToken.Check.INVALID);
  }

  @Test
  void refusesAnEmptyTokenFileWithoutEchoingContent() throws Exception {
    Path file = Files.writeString(dir.resolve("t"), "  \n");

    assertThatThrownBy(() -> BearerToken.fromFile(file)).hasMessageContaining("is empty");
  }
}
