package jp.shinchoku.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Each service describes its API in OpenAPI ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}); springdoc
 * reads the controllers, this names the service and says how errors are written.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ShinchokuOpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI shinchokuOpenApi(Environment environment, ObjectProvider<BuildProperties> build) {
        String service = environment.getProperty("spring.application.name", "shinchoku");
        String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("development");
        return new OpenAPI().info(new Info()
                .title("Shinchoku " + service)
                .version(version)
                .description("""
                        官民データ活用推進計画の進捗管理（Shinchoku）の %s API。日付は ISO 8601 と和暦（令和6年度）を併記し、\
                        誤りは RFC 9457 の problem details（title・detail は日本語、en に英語）で返します。
                        The %s API of Shinchoku. Errors are RFC 9457 problem details, in Japanese with English under `en`."""
                        .formatted(service, service))
                .license(new License().name("Apache-2.0")));
    }
}
