package jp.shinchoku.platform.time;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone      the municipality's time zone: dates, fiscal years and deadlines are reckoned in it
 * @param startDate when set, the services start on this date (at 09:00 in {@code zone}) and time runs on
 *                  from there, so a person can see what the system does on that day
 *                  ({@code SHINCHOKU_DATE=2024-03-01})
 */
@ConfigurationProperties("shinchoku.clock")
public record ClockProperties(@DefaultValue("Asia/Tokyo") ZoneId zone, LocalDate startDate) {
}
