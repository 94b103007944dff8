package jp.shinchoku.launcher;

import java.time.Duration;
import java.util.Locale;

import jp.shinchoku.portal.PortalApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurationSupport;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The sign-in server's sign-in page, the first page a person meets, in place of Spring Security's default English
 * one: Japanese first, English with {@code ?lang=en}, chosen as the portal chooses (the portal's language cookie,
 * which the portal on the same host shares), in the portal's look (its stylesheet and footer, served here from its
 * jar). A failed sign-in and a sign-out are said on it; the form keeps its CSRF token and the field names Spring
 * Security reads ({@code username}, {@code password}). Spring MVC and Thymeleaf are set up here by hand, as the rest
 * of the server's context is: nothing is auto-configured (Spring MVC's configuration extended as {@code @EnableWebMvc}'s
 * documentation shows, for the page's own locale resolver).
 */
@Configuration(proxyBeanMethods = false)
@Import(SignInPage.Form.class)
class SignInPage extends WebMvcConfigurationSupport {

    static final String PATH = "/login";
    /** The portal's stylesheet, in its jar on the launcher's class path. */
    static final String ASSETS = "/assets/**";

    /**
     * The page's own texts, then the portal's (its name, footer, skip link). Static: the context asks for its
     * message source before the web server is up, and this configuration must wait for the server's servlet context.
     */
    @Bean
    static MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/sign-in", "messages/portal");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Bean
    @Override
    public LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(PortalApplication.LANGUAGE_COOKIE);
        resolver.setDefaultLocale(Locale.JAPANESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Bean
    SpringTemplateEngine templateEngine(ApplicationContext context) {
        SpringResourceTemplateResolver templates = new SpringResourceTemplateResolver();
        templates.setApplicationContext(context);
        // the whole of templates/: the page is in sign-in/, the portal's fragments in portal/
        templates.setPrefix("classpath:/templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setEnableSpringELCompiler(true);
        return engine;
    }

    /** Before the JSP resolver Spring MVC adds by default, as Spring Boot orders it. */
    @Bean
    ThymeleafViewResolver thymeleafViewResolver(SpringTemplateEngine engine) {
        ThymeleafViewResolver views = new ThymeleafViewResolver();
        views.setTemplateEngine(engine);
        views.setCharacterEncoding("UTF-8");
        views.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
        return views;
    }

    @Override
    protected void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        registry.addInterceptor(change);
    }

    @Override
    protected void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(ASSETS).addResourceLocations("classpath:/static/assets/");
    }

    /** {@code GET /login}: the form; {@code ?error} after a failed sign-in, {@code ?logout} after signing out. */
    @Controller
    static class Form {

        @GetMapping(PATH)
        String form(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                Model model) {
            model.addAttribute("failed", error != null);
            model.addAttribute("signedOut", logout != null);
            model.addAttribute("english",
                    Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage()));
            return "sign-in/form";
        }
    }
}
