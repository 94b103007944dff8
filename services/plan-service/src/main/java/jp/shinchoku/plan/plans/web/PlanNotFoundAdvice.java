package jp.shinchoku.plan.plans.web;

import jp.shinchoku.plan.plans.PlanNotFoundException;
import jp.shinchoku.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** No such plan is 404 {@code plan-not-found}, on every plan endpoint (the signed-in ones and the public ones). */
@RestControllerAdvice(basePackageClasses = PlanNotFoundAdvice.class)
class PlanNotFoundAdvice {

    @ExceptionHandler(PlanNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(PlanNotFoundException e) {
        return ApiProblem.of(PlanController.PROBLEMS, HttpStatus.NOT_FOUND, "plan-not-found", e.planId()).toResponse();
    }
}
