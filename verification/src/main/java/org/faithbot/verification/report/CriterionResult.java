package org.faithbot.verification.report;

import org.faithbot.verification.catalogue.Criterion;

import java.util.List;

/** A criterion's standing after a run, with the scenario outcomes and evidence it rests on. */
public record CriterionResult(Criterion criterion, CriterionStatus status, int scenariosWritten, int scenariosRun,
                              List<String> failures, List<String> evidence) {
}
