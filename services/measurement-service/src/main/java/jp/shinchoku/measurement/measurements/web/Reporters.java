package jp.shinchoku.measurement.measurements.web;

import jp.shinchoku.measurement.measurements.Reporter;
import jp.shinchoku.platform.audit.AuditTrail;
import jp.shinchoku.platform.security.Caller;
import jp.shinchoku.platform.security.Role;

/** Who reports over HTTP: the signed-in caller, never a name in the body or the file. */
final class Reporters {

    private Reporters() {
    }

    /** The administrator reports for any KPI; a department's person or system for its department's. */
    static Reporter current() {
        Caller caller = Caller.required();
        Reporter reporter = caller.is(Role.ADMIN) ? Reporter.administrator(caller.subject())
                : caller.is(Role.DEPARTMENT) || caller.is(Role.SYSTEM)
                        ? Reporter.department(caller.subject(), caller.municipality(), caller.department())
                        : new Reporter(caller.subject(), caller.municipality(), null, false);
        return reporter.from(AuditTrail.requestSource());
    }
}
