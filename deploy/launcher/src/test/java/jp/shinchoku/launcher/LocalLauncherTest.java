package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.TestTokens;
import jp.shinchoku.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;

/** The launcher's demo data: the seed plan is accepted whole, and loaded once. */
class LocalLauncherTest {

    @Test
    void theDemoPlanIsLoadedOnceWithEveryKpi() {
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Settings(SharedInfrastructure.get().bootstrapServers(),
                SharedInfrastructure.get().mongoUri(), "demo-" + UUID.randomUUID().toString().substring(0, 8) + "-",
                null, null).with(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens.publicKeyLocation()))) {
            String url = system.url(Service.PLAN);

            assertThat(LocalLauncher.loadDemoPlan(url, TestTokens.admin())).startsWith("瀬戸内町官民データ活用推進計画 loaded as");
            assertThat(LocalLauncher.loadDemoPlan(url, TestTokens.admin())).startsWith("plans already loaded");

            HttpJson http = HttpJson.onPort(system.port(Service.PLAN));
            var plans = http.get("/api/plans").json();
            assertThat(plans.get("totalItems").asInt()).isEqualTo(1);
            assertThat(plans.at("/items/0/kpis").asInt()).isEqualTo(13);
            var plan = http.get("/api/plans/" + plans.at("/items/0/id").asString()).json();
            assertThat(plan.get("pillars").size()).isEqualTo(6);
            assertThat(plan.findValues("kpis").stream().mapToInt(kpis -> kpis.size()).sum()).isEqualTo(13);
        }
    }
}
