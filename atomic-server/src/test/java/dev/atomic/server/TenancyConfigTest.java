package dev.atomic.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenancyConfigTest {

  @TempDir
  Path dir;

  private ServerConfig load(String yaml) throws Exception {
    Path file = dir.resolve("atomic.yaml");
    Files.writeString(file, yaml);
    return ServerConfig.load(file, Map.of());
  }

  @Test
  void load_tenantsSection_setsRatesBudgetsAndSharing() throws Exception {
    TenancyConfig tenancy = load("""
        tenants:
          requireApiKeys: true
          requestsPerSecond: 5
          burst: 10
          budgetsUsdPerDay:
            acme: 50
            globex: 2.5
          sharedLearning: [acme, initech]
          keyCacheSeconds: 0
        """).tenancy();

    assertThat(tenancy).isEqualTo(new TenancyConfig(true, 5, 10, Map.of("acme", 50.0, "globex", 2.5),
        Set.of("acme", "initech"), 0));
  }

  @Test
  void load_sharedLearningAsText_isAList() throws Exception {
    assertThat(load("tenants:\n  sharedLearning: acme, globex\n").tenancy().sharedLearning())
        .containsExactlyInAnyOrder("acme", "globex");
  }

  @Test
  void load_requireApiKeysFromTheEnvironment_overridesTheFile() throws Exception {
    Path file = dir.resolve("atomic.yaml");
    Files.writeString(file, "tenants:\n  requireApiKeys: false\n");

    assertThat(ServerConfig.load(file, Map.of("ATOMIC_REQUIRE_API_KEYS", "true")).tenancy().requireApiKeys()).isTrue();
  }

  @Test
  void defaults_limitRateAndLearnAlone() {
    assertThat(ServerConfig.defaults().tenancy()).isEqualTo(TenancyConfig.defaults());
    assertThat(TenancyConfig.defaults().requireApiKeys()).isFalse();
    assertThat(TenancyConfig.defaults().sharedLearning()).isEmpty();
    assertThat(TenancyConfig.defaults().budgetsUsdPerDay()).isEmpty();
    assertThat(TenancyConfig.defaults().keyCacheSeconds()).isEqualTo(1);
  }

  @Test
  void load_badValues_areErrorsNamingThem() {
    assertThatThrownBy(() -> load("tenants:\n  requestsPerSecond: 0\n"))
        .hasMessageContaining("tenants.requestsPerSecond must be a finite number > 0, was 0.0");
    assertThatThrownBy(() -> load("tenants:\n  budgetsUsdPerDay:\n    acme: lots\n"))
        .hasMessageContaining("tenants.budgetsUsdPerDay.acme must be a number, was 'lots'");
    assertThatThrownBy(() -> load("tenants:\n  budgetsUsdPerDay: 5\n"))
        .hasMessageContaining("'tenants.budgetsUsdPerDay' must be a mapping");
    assertThatThrownBy(() -> load("tenants:\n  sharedLearning: [Acme Corp]\n"))
        .hasMessageContaining("was 'Acme Corp'");
    assertThatThrownBy(() -> load("tenants:\n  requireApiKeys: yes please\n"))
        .hasMessageContaining("tenants.requireApiKeys must be true or false, was 'yes please'");
    assertThatThrownBy(() -> load("tenants:\n  burst: 0\n"))
        .hasMessageContaining("tenants.burst must be at least 1, was 0");
    assertThatThrownBy(() -> load("tenants:\n  keyCacheSeconds: 61\n"))
        .hasMessageContaining("tenants.keyCacheSeconds must be between 0 and 60, was 61");
    assertThatThrownBy(() -> load("tenants:\n  ratePerSecond: 3\n"))
        .hasMessageContaining("unknown key 'tenants.ratePerSecond'");
  }
}
