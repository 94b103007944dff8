package jp.shinchoku.documents;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log through SLF4J, like the application's own: its warnings (a style it cannot apply, a glyph it lacks)
 * as warnings under {@code com.openhtmltopdf}, its chatter (timings, "prepare to fly") at debug; never on stderr.
 */
final class OpenHtmlLogging implements XRLogger {

    private static final Logger log = LoggerFactory.getLogger("com.openhtmltopdf");

    private OpenHtmlLogging() {
    }

    static void install() {
        if (!(XRLog.getLoggerImpl() instanceof OpenHtmlLogging)) {
            XRLog.setLoggerImpl(new OpenHtmlLogging());
        }
    }

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        if (level.intValue() >= Level.WARNING.intValue()) {
            log.warn("{}: {}", where, message, error);
        } else if (log.isDebugEnabled()) {
            log.debug("{}: {}", where, message, error);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // the levels are SLF4J's
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || log.isDebugEnabled();
    }
}
