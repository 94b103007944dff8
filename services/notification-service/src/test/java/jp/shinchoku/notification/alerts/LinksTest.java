package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Alerts link to the portal's pages where there is a portal, and to the services' APIs where there is none. */
class LinksTest {

    private final Links withPortal = new Links("http://plan", "http://measurement", "http://notification",
            "https://shinchoku.city.example.lg.jp/");

    @Test
    void eachLinkOpensThePortalPageThatShowsIt() {
        assertThat(withPortal.resolve(AlertCondition.kpiLink("pln-1.3-1.1")))
                .isEqualTo("https://shinchoku.city.example.lg.jp/kpis/pln-1.3-1.1");
        assertThat(withPortal.resolve(Links.measurement("/api/plans/pln-1/departments/somu/due")))
                .isEqualTo("https://shinchoku.city.example.lg.jp/reports?plan=pln-1");
        assertThat(withPortal.resolve(Links.plan("/api/milestones?plan=pln-1#pln-1.2-1.m1")))
                .isEqualTo("https://shinchoku.city.example.lg.jp/reports?plan=pln-1");
        assertThat(withPortal.resolve(Links.plan("/api/plans/pln-1/reviews")))
                .isEqualTo("https://shinchoku.city.example.lg.jp/plans/pln-1");
        assertThat(withPortal.inbox("promotion-hq")).isEqualTo("https://shinchoku.city.example.lg.jp/inbox");
    }

    @Test
    void withoutAPortalLinksGoToTheServicesApis() {
        Links apis = new Links("http://plan/", "http://measurement", "http://notification", "");
        assertThat(apis.resolve(AlertCondition.kpiLink("pln-1.3-1.1"))).isEqualTo("http://measurement/api/kpis/pln-1.3-1.1/progress");
        assertThat(apis.resolve(Links.plan("/api/plans/pln-1/reviews"))).isEqualTo("http://plan/api/plans/pln-1/reviews");
        assertThat(apis.inbox("promotion-hq")).isEqualTo("http://notification/api/inbox?receiver=promotion-hq");
        assertThat(withPortal.resolve(null)).isNull();
    }
}
